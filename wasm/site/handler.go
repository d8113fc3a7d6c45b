package site

import (
	"mime"
	"net/http"
	"path"
	"regexp"
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
		files.ServeHTTP(w, r)
	})
}
