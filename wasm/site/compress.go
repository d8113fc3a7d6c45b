package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/andybalholm/brotli"

	"github.com/clsmkit/go-clsm/wasm"
)

// Encodings are the content codings the site is written in besides the
// files themselves, best first: each compressible file has a sibling with
// the coding's suffix (form.js.br, form.js.gz), which Handler serves, and
// which a server that knows precompressed files (nginx's gzip_static and
// brotli_static, Apache with mod_rewrite) can serve too.
var Encodings = []Encoding{
	{Name: "br", Suffix: ".br"},
	{Name: "gzip", Suffix: ".gz"},
}

// Encoding is one content coding of the site's files.
type Encoding struct {
	Name   string // the Content-Encoding token
	Suffix string // the suffix of the precompressed sibling
}

// compressible are the extensions of the files worth compressing: text and
// the WebAssembly checker.
var compressible = map[string]bool{
	".html": true, ".js": true, ".mjs": true, ".css": true, ".json": true,
	".ts": true, ".svg": true, ".txt": true, ".md": true, ".wasm": true,
}

// Brotli's qualities and window: for the form's checker, the largest file
// of the form's first load; for the complete checker, which only the
// regional view loads; and for every other file. On the form's checker
// (6.31 MB raw), in pure Go on a loaded two-core machine, quality 9 gives
// 1 004 145 bytes in 4 s, quality 10 909 020 bytes in 12 to 34 s, quality 11
// 872 286 bytes in 20 to 93 s. Quality 11 since the checker grew with the
// calendar, the absences, the sources and the pending answers (6.53 MB raw:
// 941 609 bytes at 10, 908 634 at 11 in 21 s): it keeps the form's first
// load under 1 MB, and its time is paid once per checker, whose Brotli is
// kept in the user's cache (see brotliCached). The text files are small and
// get the best quality.
const (
	brotliFormQuality = 11
	brotliFullQuality = 9
	brotliTextQuality = 11
	brotliWindow      = 24
)

// compressFile writes the precompressed siblings of the file at path, if it
// is compressible, and removes the stale sibling of a coding that would not
// make it smaller (a build into a directory used before).
func compressFile(path string) error {
	ext := filepath.Ext(path)
	if !compressible[ext] {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for _, enc := range Encodings {
		var buf bytes.Buffer
		if err := encode(&buf, enc.Name, filepath.Base(path), data); err != nil {
			return err
		}
		sibling := path + enc.Suffix
		if buf.Len() >= len(data) {
			if err := os.Remove(sibling); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
			continue
		}
		if err := os.WriteFile(sibling, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func encode(buf *bytes.Buffer, coding, name string, data []byte) error {
	switch coding {
	case "br":
		if filepath.Ext(name) == ".wasm" {
			quality := brotliFormQuality
			if name == wasm.FullChecker {
				quality = brotliFullQuality
			}
			coded, err := brotliCached(data, quality)
			buf.Write(coded)
			return err
		}
		return brotliEncode(buf, data, brotliTextQuality)
	default:
		w, err := gzip.NewWriterLevel(buf, gzip.BestCompression)
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
		return w.Close()
	}
}

func brotliEncode(buf *bytes.Buffer, data []byte, quality int) error {
	w := brotli.NewWriterOptions(buf, brotli.WriterOptions{Quality: quality, LGWin: brotliWindow})
	if _, err := w.Write(data); err != nil {
		return err
	}
	return w.Close()
}

// brotliCached returns the Brotli of data at a quality, from the user's
// cache (go-clsm/brotli in os.UserCacheDir) if it is there and decodes to
// data, else encoded and then kept there: the checkers change only with the
// code, and a new build of the same code, by the serve command or the
// tests, then takes seconds instead of the half-minute quality 10 takes. A
// cache that cannot be read or written is only slower.
func brotliCached(data []byte, quality int) ([]byte, error) {
	var path string
	if dir, err := os.UserCacheDir(); err == nil {
		sum := sha256.Sum256(data)
		path = filepath.Join(dir, "go-clsm", "brotli", fmt.Sprintf("%x-q%d-w%d.br", sum, quality, brotliWindow))
		if coded, err := os.ReadFile(path); err == nil {
			if decoded, err := io.ReadAll(brotli.NewReader(bytes.NewReader(coded))); err == nil && bytes.Equal(decoded, data) {
				return coded, nil
			}
		}
	}
	var buf bytes.Buffer
	if err := brotliEncode(&buf, data, quality); err != nil {
		return nil, err
	}
	if path != "" && os.MkdirAll(filepath.Dir(path), 0o755) == nil {
		// Written whole, then renamed: a build that stops half-way leaves
		// no partial entry under the final name.
		if tmp, err := os.CreateTemp(filepath.Dir(path), "*.tmp"); err == nil {
			_, werr := tmp.Write(buf.Bytes())
			if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
				_ = os.Remove(tmp.Name())
			}
		}
	}
	return buf.Bytes(), nil
}

// compressAll compresses the files at paths, two at a time (the form's
// checker's Brotli is the long one; the others fit beside it).
func compressAll(paths []string) error {
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		slots = make(chan struct{}, 2)
	)
	for _, p := range paths {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			if err := compressFile(p); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return first
}
