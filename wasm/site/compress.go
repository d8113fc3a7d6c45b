package site

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/andybalholm/brotli"
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

// Brotli's quality and window for the checker, and for every other file.
// On the 12 MB checker, in pure Go on a loaded two-core machine, quality 9
// with a 16 MB window gives 1.95 MB in about 10 s (quality 6: 2.00 MB in
// 2 s); qualities 10 and 11 give 1.75 and 1.70 MB but take 2 and 3 minutes,
// too long for the command that serves the form. The text files are small
// and get the best quality.
const (
	brotliWasmQuality = 9
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
		if err := encode(&buf, enc.Name, ext, data); err != nil {
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

func encode(buf *bytes.Buffer, coding, ext string, data []byte) error {
	switch coding {
	case "br":
		quality := brotliTextQuality
		if ext == ".wasm" {
			quality = brotliWasmQuality
		}
		w := brotli.NewWriterOptions(buf, brotli.WriterOptions{Quality: quality, LGWin: brotliWindow})
		if _, err := w.Write(data); err != nil {
			return err
		}
		return w.Close()
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

// compressAll compresses the files at paths, two at a time (the checker's
// Brotli is the long one; the others fit beside it).
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
