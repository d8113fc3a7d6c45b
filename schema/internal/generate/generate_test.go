package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
	"github.com/clsmkit/go-clsm/schema"
)

// TestCommittedSchemasAreFresh fails when a committed schema differs from what
// the Go types generate: run "go generate ./..." and commit the result.
func TestCommittedSchemasAreFresh(t *testing.T) {
	files, err := Files()
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("..", "..", name))
		require.NoError(t, err, "%s is not committed: run go generate ./...", name)
		assert.Equal(t, string(want), string(got), "%s is stale: run go generate ./...", name)
	}
}

// TestVersionsFollowTheConstants: the format version a schema states (in its
// file name, its $id and its schemaVersion property) is the constant of the
// package that owns the format, so that changing a version is one edit plus
// go generate (and the file name on the go:embed line of the schema's
// variable); every schema file in the directory is current or frozen.
func TestVersionsFollowTheConstants(t *testing.T) {
	for _, tt := range []struct {
		doc      string
		version  int
		key      string // the schemaVersion keyword that carries the version
		embedded []byte // the package's variable
	}{
		{"dossier", clsm.SchemaVersion, "maximum", schema.Dossier},
		{"referential", labels.ReferentialVersion, "const", schema.Referential},
		{"report", assess.ReportVersion, "const", schema.Report},
	} {
		data, ok := schema.File(tt.doc, tt.version)
		require.True(t, ok, "%s v%d", tt.doc, tt.version)
		assert.True(t, bytes.Equal(data, tt.embedded), "the variable of the %s schema embeds another file than %s: change its go:embed line in schema/doc.go", tt.doc, schema.FileName(tt.doc, tt.version))
		var s struct {
			ID   string `json:"$id"`
			Defs map[string]struct {
				Properties map[string]map[string]any `json:"properties"`
			} `json:"$defs"`
			Ref string `json:"$ref"`
		}
		require.NoError(t, json.Unmarshal(data, &s))
		assert.True(t, strings.HasSuffix(s.ID, "/"+schema.FileName(tt.doc, tt.version)), s.ID)
		root := s.Defs[strings.TrimPrefix(s.Ref, "#/$defs/")]
		assert.EqualValues(t, tt.version, root.Properties["schemaVersion"][tt.key], "%s: the schemaVersion bound is the package's constant", tt.doc)
	}
	current, err := Files()
	require.NoError(t, err)
	all, err := filepath.Glob(filepath.Join("..", "..", "*.schema.json"))
	require.NoError(t, err)
	for _, f := range all {
		name := filepath.Base(f)
		_, isCurrent := current[name]
		assert.True(t, isCurrent || slices.Contains(schema.Frozen, name), "%s is neither a current schema nor a frozen one", name)
	}
}
