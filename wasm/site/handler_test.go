package site_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/wasm/site"
)

// smallSite writes a site of a few files, some with their compressed
// siblings, each sibling's content marked so a test sees which one it got.
func smallSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, data []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	br := func(s string) []byte {
		var b bytes.Buffer
		w := brotli.NewWriter(&b)
		_, _ = w.Write([]byte(s))
		require.NoError(t, w.Close())
		return b.Bytes()
	}
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		_, _ = w.Write([]byte(s))
		require.NoError(t, w.Close())
		return b.Bytes()
	}
	write("index.html", []byte("<!DOCTYPE html><title>identity</title>"))
	write("index.html.br", br("<!DOCTYPE html><title>br</title>"))
	write("index.html.gz", gz("<!DOCTYPE html><title>gzip</title>"))
	write("form.js", []byte("// identity"))
	write("form.js.br", br("// br"))
	write("form.js.gz", gz("// gzip"))
	write("data.json", []byte(`{"coding":"identity"}`)) // no sibling
	write("checker.0123456789ab.wasm", []byte("\x00asm identity"))
	write("checker.0123456789ab.wasm.gz", gz("\x00asm gzip")) // no Brotli sibling
	return dir
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

func TestHandlerNegotiatesTheCoding(t *testing.T) {
	h := site.Handler(smallSite(t))
	for _, tc := range []struct {
		reason, path, accept string
		wantCoding, wantType string
		wantBody             string // decoded; "" for HEAD
	}{
		{"Chromium over HTTPS: Brotli first", "/form.js", "gzip, deflate, br, zstd", "br", "text/javascript", "// br"},
		{"gzip only", "/form.js", "gzip", "gzip", "text/javascript", "// gzip"},
		{"no header: the file itself", "/form.js", "", "", "text/javascript", "// identity"},
		{"identity only", "/form.js", "identity", "", "text/javascript", "// identity"},
		{"q-values: gzip preferred by the client", "/form.js", "br;q=0.5, gzip;q=0.9", "gzip", "text/javascript", "// gzip"},
		{"Brotli refused with q=0", "/form.js", "br;q=0, gzip", "gzip", "text/javascript", "// gzip"},
		{"every coding refused with q=0: the file itself", "/form.js", "br;q=0, gzip;q=0", "", "text/javascript", "// identity"},
		{"* accepts Brotli", "/form.js", "*", "br", "text/javascript", "// br"},
		{"* refused, gzip named", "/form.js", "gzip, *;q=0", "gzip", "text/javascript", "// gzip"},
		{"*;q=0 and nothing else: still the file itself", "/form.js", "*;q=0", "", "text/javascript", "// identity"},
		{"identity preferred by its weight", "/form.js", "br;q=0.1, identity", "", "text/javascript", "// identity"},
		{"upper case and spaces", "/form.js", " GZIP ; Q=1 ", "gzip", "text/javascript", "// gzip"},
		{"malformed weight accepts nothing", "/form.js", "br;q=x, gzip", "gzip", "text/javascript", "// gzip"},
		{"the page at /", "/", "br", "br", "text/html", "<!DOCTYPE html><title>br</title>"},
		{"missing sibling: the file itself", "/data.json", "br, gzip", "", "application/json", `{"coding":"identity"}`},
		{"missing Brotli sibling: gzip", "/checker.0123456789ab.wasm", "br, gzip", "gzip", "application/wasm", "\x00asm gzip"},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodGet, tc.path, nil)
			if tc.accept != "" {
				req.Header.Set("Accept-Encoding", tc.accept)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			assert.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, tc.wantCoding, res.Header.Get("Content-Encoding"))
			assert.Contains(t, res.Header.Get("Content-Type"), tc.wantType, "the file's own type, whatever the coding")
			assert.Contains(t, res.Header.Values("Vary"), "Accept-Encoding")
			assert.NotEmpty(t, res.Header.Get("ETag"))
			assert.Equal(t, tc.wantBody, decode(t, tc.wantCoding, rec.Body.Bytes()))
			assert.NotEmpty(t, res.Header.Get("Content-Security-Policy"))
		})
	}
}

func TestHandlerCachingRangesAndHEAD(t *testing.T) {
	h := site.Handler(smallSite(t))
	get := func(method, path string, header http.Header) *http.Response {
		req := httptest.NewRequest(method, path, nil)
		for k, v := range header {
			req.Header[k] = v
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Result()
	}
	br := http.Header{"Accept-Encoding": {"br"}}
	gz := http.Header{"Accept-Encoding": {"gzip"}}

	t.Run("HEAD tells the coding and length, without a body", func(t *testing.T) {
		res := get(http.MethodHead, "/form.js", br)
		body, _ := io.ReadAll(res.Body)
		assert.Equal(t, http.StatusOK, res.StatusCode)
		assert.Equal(t, "br", res.Header.Get("Content-Encoding"))
		assert.NotEmpty(t, res.Header.Get("Content-Length"))
		assert.Empty(t, body)
	})
	t.Run("each coding has its own ETag, and If-None-Match answers 304", func(t *testing.T) {
		tagBr := get(http.MethodGet, "/form.js", br).Header.Get("ETag")
		tagGz := get(http.MethodGet, "/form.js", gz).Header.Get("ETag")
		tagID := get(http.MethodGet, "/form.js", nil).Header.Get("ETag")
		assert.NotEqual(t, tagBr, tagGz)
		assert.NotEqual(t, tagBr, tagID)
		res := get(http.MethodGet, "/form.js", http.Header{"Accept-Encoding": {"br"}, "If-None-Match": {tagBr}})
		assert.Equal(t, http.StatusNotModified, res.StatusCode)
		res = get(http.MethodGet, "/form.js", http.Header{"If-None-Match": {tagID}})
		assert.Equal(t, http.StatusNotModified, res.StatusCode, "the file itself too")
		res = get(http.MethodGet, "/form.js", http.Header{"Accept-Encoding": {"gzip"}, "If-None-Match": {tagBr}})
		assert.Equal(t, http.StatusOK, res.StatusCode, "a Brotli ETag does not validate the gzip coding")
	})
	t.Run("a range is a range of the coded bytes", func(t *testing.T) {
		whole, _ := io.ReadAll(get(http.MethodGet, "/form.js", gz).Body)
		res := get(http.MethodGet, "/form.js", http.Header{"Accept-Encoding": {"gzip"}, "Range": {"bytes=0-9"}})
		part, _ := io.ReadAll(res.Body)
		assert.Equal(t, http.StatusPartialContent, res.StatusCode)
		assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
		assert.Equal(t, whole[:10], part)
		res = get(http.MethodGet, "/form.js", http.Header{"Range": {"bytes=3-7"}})
		part, _ = io.ReadAll(res.Body)
		assert.Equal(t, http.StatusPartialContent, res.StatusCode)
		assert.Equal(t, "ident", string(part))
	})
	t.Run("caching is unchanged by the coding", func(t *testing.T) {
		assert.Contains(t, get(http.MethodGet, "/checker.0123456789ab.wasm", gz).Header.Get("Cache-Control"), "immutable")
		assert.Equal(t, "no-cache", get(http.MethodGet, "/form.js", br).Header.Get("Cache-Control"))
		assert.Equal(t, "no-cache", get(http.MethodGet, "/", br).Header.Get("Cache-Control"))
	})
	t.Run("missing file, other method, /index.html", func(t *testing.T) {
		assert.Equal(t, http.StatusNotFound, get(http.MethodGet, "/nothing.js", br).StatusCode)
		assert.Equal(t, http.StatusMovedPermanently, get(http.MethodGet, "/index.html", br).StatusCode)
		res := get(http.MethodPost, "/form.js", br)
		assert.Empty(t, res.Header.Get("Content-Encoding"))
	})
	t.Run("a path cannot leave the site", func(t *testing.T) {
		res := get(http.MethodGet, "/../../etc/passwd", br)
		assert.Equal(t, http.StatusNotFound, res.StatusCode)
	})
}

// TestBuiltSiteHasSiblings: the site builder writes a Brotli and a gzip
// sibling of every text file and of the checker, each the file once decoded.
func TestBuiltSiteHasSiblings(t *testing.T) {
	if testing.Short() {
		t.Skip("compile le vérificateur et compresse le site")
	}
	dir := t.TempDir()
	require.NoError(t, site.BuildSite(dir))
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
