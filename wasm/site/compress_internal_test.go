package site

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBrotliCached: the Brotli of a checker is kept in the user's cache and
// taken from it while it decodes to the same bytes; a damaged entry is
// encoded again.
func TestBrotliCached(t *testing.T) {
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache")) // os.UserCacheDir on Linux
	t.Setenv("HOME", home)                                   // elsewhere
	cacheDir, err := os.UserCacheDir()
	require.NoError(t, err)
	data := bytes.Repeat([]byte("conseil local de santé mentale "), 2000)

	first, err := brotliCached(data, 5)
	require.NoError(t, err)
	entries, _ := filepath.Glob(filepath.Join(cacheDir, "go-clsm", "brotli", "*-q5-w24.br"))
	require.Len(t, entries, 1, "kept in the cache")
	kept, _ := os.ReadFile(entries[0])
	assert.Equal(t, first, kept)

	// Another encoding of the same bytes in the cache: taken as it is.
	var other bytes.Buffer
	require.NoError(t, brotliEncode(&other, data, 1))
	require.NoError(t, os.WriteFile(entries[0], other.Bytes(), 0o644))
	got, err := brotliCached(data, 5)
	require.NoError(t, err)
	assert.Equal(t, other.Bytes(), got)

	// A damaged entry, or one of other bytes: encoded again, and replaced.
	for _, bad := range [][]byte{[]byte("pas du Brotli"), first[:len(first)/2]} {
		require.NoError(t, os.WriteFile(entries[0], bad, 0o644))
		got, err = brotliCached(data, 5)
		require.NoError(t, err)
		assert.Equal(t, first, got)
		kept, _ = os.ReadFile(entries[0])
		assert.Equal(t, first, kept)
	}
	var changed bytes.Buffer
	require.NoError(t, brotliEncode(&changed, append([]byte("x"), data...), 5))
	require.NoError(t, os.WriteFile(entries[0], changed.Bytes(), 0o644))
	got, err = brotliCached(data, 5)
	require.NoError(t, err)
	assert.Equal(t, first, got, "an entry that decodes to other bytes is not used")

	// No cache directory: encoded all the same.
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", "")
	got, err = brotliCached(data, 5)
	require.NoError(t, err)
	assert.Equal(t, first, got)
}
