package labels_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/bad")

// TestBadReferentials reads every file of testdata/bad, which labels.Parse
// must refuse, and compares its problems (code, path, French message) with
// the golden file beside it. Run "go test ./labels -run TestBadReferentials
// -update" to rewrite them after a deliberate change of wording. The same
// files go through Ajv and Python's jsonschema in wasm/conformance.
func TestBadReferentials(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.json")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 20)
	goldens, err := filepath.Glob("testdata/bad/*.golden")
	require.NoError(t, err)
	for _, g := range goldens {
		_, err := os.Stat(strings.TrimSuffix(g, ".golden") + ".json")
		assert.NoError(t, err, "%s belongs to no referential: remove it", g)
	}
	codes := append(clsm.ProblemCodes(), labels.ProblemCodes()...)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			_, err = labels.Parse(data)
			var ps clsm.Problems
			require.ErrorAs(t, err, &ps, "a bad referential must be refused")
			require.NotEmpty(t, ps)
			var got bytes.Buffer
			for _, p := range ps {
				assert.Contains(t, codes, p.Code, "every code is a declared constant")
				for _, english := range []string{"Key:", "Error:", "Field validation", " failed on ", "json:", "cannot unmarshal"} {
					assert.NotContains(t, p.Message, english, "a French message")
				}
				assert.NotEmpty(t, p.Message)
				fmt.Fprintf(&got, "%s\t%s\t%s\n", p.Code, p.Path, p.Message)
			}
			golden := strings.TrimSuffix(file, ".json") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, got.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./labels -run TestBadReferentials -update to create the golden file")
			assert.Equal(t, string(want), got.String())
		})
	}
}

// TestGoodReferentials: the files of testdata/good, from which the bad ones
// are made by one change each, are read without a problem.
func TestGoodReferentials(t *testing.T) {
	files, err := filepath.Glob("testdata/good/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		_, err = labels.Parse(data)
		assert.NoError(t, err, file)
	}
}
