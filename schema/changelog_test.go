package schema_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/schema"
)

// TestPublishedSchemasArePinned: every schema file has the digest the
// changelog (or, without an entry, the first pin) records for it, so that a
// published format cannot change in place unnoticed.
func TestPublishedSchemasArePinned(t *testing.T) {
	files, err := filepath.Glob("*.schema.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		sum := sha256.Sum256(data)
		got := hex.EncodeToString(sum[:])
		want, ok := schema.Digest(name)
		if !ok {
			t.Errorf("%s is not pinned: add %q: %q to schema.Published once the version is published", name, name, got)
			continue
		}
		if got != want {
			t.Errorf("%s changed (SHA-256 %s, pinned %s). A published version is frozen: "+
				"an annotation, a restriction no real file reaches or an addition is recorded by appending "+
				"{File: %q, Kind: …, Note: …, SHA256: %q} to schema.Changelog (an addition lists what it adds in Added); "+
				"anything else needs a new version with its upgrade step", name, got, want, name, got)
		}
	}
	for name := range schema.Published {
		assert.True(t, slices.Contains(files, name), "%s is pinned but no longer in the directory: a published schema is never removed", name)
	}
}

// TestChangelogIsWellFormed: each entry names a schema file, says what kind
// of change it is and why, and an addition says what it adds.
func TestChangelogIsWellFormed(t *testing.T) {
	for i, c := range schema.Changelog {
		_, published := schema.Published[c.File]
		assert.True(t, published, "entry %d: %s was never pinned", i, c.File)
		assert.Contains(t, []schema.ChangeKind{schema.Annotation, schema.Restriction, schema.Addition}, c.Kind, "entry %d", i)
		assert.NotEmpty(t, c.Note, "entry %d: say what changed", i)
		assert.Len(t, c.SHA256, 64, "entry %d: the hexadecimal SHA-256 of the file once changed", i)
		assert.Equal(t, c.Kind == schema.Addition, len(c.Added) > 0, "entry %d: an addition, and only an addition, lists what it adds", i)
	}
}

// TestRevision counts the additions of one file only.
func TestRevision(t *testing.T) {
	for name := range schema.Published {
		n := 0
		for _, c := range schema.Changelog {
			if c.File == name && c.Kind == schema.Addition {
				n++
			}
		}
		assert.Equal(t, n, schema.Revision(name), name)
	}
	assert.Zero(t, schema.Revision("dossier.v99.schema.json"))
}

// A program that keeps schema files of its own can check them against the
// digests this module publishes.
func ExampleDigest() {
	data, _ := schema.File("dossier", 1)
	sum := sha256.Sum256(data)
	want, ok := schema.Digest(schema.FileName("dossier", 1))
	fmt.Println(ok, hex.EncodeToString(sum[:]) == want)
	// A frozen version has no addition, so no later revision.
	fmt.Println(schema.Revision(schema.FileName("dossier", 1)))
	// Output:
	// true true
	// 0
}
