package labels_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/corpustest"
	"github.com/clsmkit/go-clsm/labels"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/bad")

// TestBadReferentials reads every file of testdata/bad, which labels.Parse
// must refuse, and compares its problems (code, path, French message) with
// the golden file beside it. Run "go test ./labels -run TestBadReferentials
// -update" to rewrite them after a deliberate change of wording. The same
// files go through Ajv and Python's jsonschema in wasm/conformance.
func TestBadReferentials(t *testing.T) {
	corpustest.Refused(t, "testdata/bad", 20, func(data []byte) error {
		_, err := labels.Parse(data)
		return err
	}, append(clsm.ProblemCodes(), labels.ProblemCodes()...), *update, "go test ./labels -run TestBadReferentials -update")
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
