//go:build !(js && wasm)

package browser_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuiltSiteHasSiblings: the site builder writes a Brotli and a gzip
// sibling of every text file and of the checker, each the file once decoded.
func TestBuiltSiteHasSiblings(t *testing.T) {
	dir := builtSite(t)
	var checked int
	require.NoError(t, filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".br") || strings.HasSuffix(path, ".gz") {
			return err
		}
		ext := filepath.Ext(path)
		if !strings.Contains(".html .js .css .json .ts .wasm", ext) {
			return nil
		}
		raw, err := os.ReadFile(path)
		require.NoError(t, err)
		for _, c := range []struct{ coding, suffix string }{{"br", ".br"}, {"gzip", ".gz"}} {
			coded, err := os.ReadFile(path + c.suffix)
			if len(raw) < 200 && os.IsNotExist(err) {
				continue // too small to gain anything: no sibling
			}
			require.NoError(t, err, "%s has no %s sibling", path, c.coding)
			assert.Less(t, len(coded), len(raw), path+c.suffix)
			assert.Equal(t, string(raw), decode(t, c.coding, coded), path+c.suffix)
		}
		checked++
		return nil
	}))
	assert.Greater(t, checked, 10)
}

// decode returns the body of a response, decoded from its Content-Encoding.
func decode(t *testing.T, coding string, body []byte) string {
	t.Helper()
	var r io.Reader = bytes.NewReader(body)
	switch coding {
	case "br":
		r = brotli.NewReader(r)
	case "gzip":
		zr, err := gzip.NewReader(r)
		require.NoError(t, err)
		r = zr
	case "":
	default:
		t.Fatalf("unexpected coding %q", coding)
	}
	out, err := io.ReadAll(r)
	require.NoError(t, err)
	return string(out)
}
