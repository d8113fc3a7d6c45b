package site

import (
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// hashedName matches the files whose name carries their content's hash.
var hashedName = regexp.MustCompile(`\.[0-9a-f]{12}\.wasm$`)

func init() {
	// Some systems map .wasm to nothing; streaming compilation needs this type.
	_ = mime.AddExtensionType(".wasm", "application/wasm")
	_ = mime.AddExtensionType(".js", "text/javascript; charset=utf-8")
	_ = mime.AddExtensionType(".mjs", "text/javascript; charset=utf-8")
}

// Handler serves a built site from dir with the headers the form needs: the
// Content-Security-Policy, the WebAssembly MIME type, no MIME sniffing, long
// caching for the checker (its name carries its hash) and revalidation for
// everything else.
//
// A file with precompressed siblings (see [Encodings]) is served in the best
// coding the request's Accept-Encoding accepts (Brotli first, then gzip,
// then the file itself), with Content-Encoding, the file's own Content-Type
// and Vary: Accept-Encoding. Each coding has its own ETag; conditional
// requests, ranges (of the coded bytes) and HEAD work on every coding.
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if hashedName.MatchString(path.Base(r.URL.Path)) {
			h.Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		name := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			name = path.Join(name, "index.html")
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		info, err := os.Stat(file)
		if err != nil || !info.Mode().IsRegular() || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
			files.ServeHTTP(w, r) // directories, missing files, other methods: as before
			return
		}
		if !compressible[filepath.Ext(file)] || path.Base(r.URL.Path) == "index.html" {
			files.ServeHTTP(w, r) // /index.html is sent to / by the file server
			return
		}
		h.Add("Vary", "Accept-Encoding")
		accepted := acceptedCodings(r.Header.Values("Accept-Encoding"))
		for _, enc := range preferred(accepted) {
			if enc.Name == "identity" {
				break
			}
			sib, err := os.Open(file + enc.Suffix)
			if err != nil {
				continue
			}
			defer sib.Close()
			st, err := sib.Stat()
			if err != nil || !st.Mode().IsRegular() {
				continue
			}
			if ctype := mime.TypeByExtension(filepath.Ext(file)); ctype != "" {
				h.Set("Content-Type", ctype)
			}
			h.Set("Content-Encoding", enc.Name)
			h.Set("ETag", etag(st, enc.Name))
			http.ServeContent(lengthWriter{w, st.Size()}, r, path.Base(file), st.ModTime(), sib)
			return
		}
		// The file itself. http.FileServer answers If-None-Match from this
		// ETag, and sends /index.html to / as before.
		h.Set("ETag", etag(info, "identity"))
		files.ServeHTTP(w, r)
	})
}

// lengthWriter sets the Content-Length of a whole coded file, which
// http.ServeContent leaves out once a Content-Encoding is set (it always
// calls WriteHeader before writing): the browser can then show the
// download's progress, and HEAD tells the size.
type lengthWriter struct {
	http.ResponseWriter
	size int64
}

func (w lengthWriter) WriteHeader(status int) {
	if status == http.StatusOK && w.Header().Get("Content-Length") == "" {
		w.Header().Set("Content-Length", strconv.FormatInt(w.size, 10))
	}
	w.ResponseWriter.WriteHeader(status)
}

// etag is a validator of one coding of a file, from its size and time.
func etag(info os.FileInfo, coding string) string {
	return `"` + strconv.FormatInt(info.Size(), 36) + "-" + strconv.FormatInt(info.ModTime().UnixNano(), 36) + "-" + coding + `"`
}

// acceptedCodings reads Accept-Encoding headers (RFC 9110, section 12.5.3)
// into the quality of each coding named, "*" included. No header at all
// accepts the file itself only (a client that says nothing may not decode),
// as does an empty one.
func acceptedCodings(values []string) map[string]float64 {
	q := map[string]float64{}
	for _, v := range values {
		for part := range strings.SplitSeq(v, ",") {
			fields := strings.Split(part, ";")
			coding := strings.ToLower(strings.TrimSpace(fields[0]))
			if coding == "" {
				continue
			}
			weight := 1.0
			for _, param := range fields[1:] {
				k, val, ok := strings.Cut(strings.TrimSpace(param), "=")
				if !ok || strings.ToLower(strings.TrimSpace(k)) != "q" {
					continue
				}
				f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0 // a malformed weight accepts nothing rather than everything
				}
				weight = f
			}
			if old, seen := q[coding]; !seen || weight > old {
				q[coding] = weight
			}
		}
	}
	return q
}

// preferred lists the codings a request accepts, best first: by quality,
// then Brotli, gzip, the file itself. The file itself is always last when
// nothing else is acceptable, even if refused ("identity;q=0", "*;q=0"):
// this site has nothing else to send, and a 406 would leave the page blank.
func preferred(accepted map[string]float64) []Encoding {
	weight := func(coding string) float64 {
		if q, ok := accepted[coding]; ok {
			return q
		}
		if q, ok := accepted["*"]; ok {
			return q
		}
		if coding == "identity" {
			return 1e-9 // acceptable unless refused by name or by "*", after any coding the client names
		}
		return 0
	}
	all := append(append([]Encoding{}, Encodings...), Encoding{Name: "identity"})
	var out []Encoding
	for _, e := range all {
		if weight(e.Name) > 0 {
			out = append(out, e)
		}
	}
	// A stable insertion sort by quality keeps Brotli, gzip, identity order on ties.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && weight(out[j].Name) > weight(out[j-1].Name); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return append(out, Encoding{Name: "identity"})
}
