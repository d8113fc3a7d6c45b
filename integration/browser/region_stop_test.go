package browser_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/wasm/site"
)

// outOfMemoryAfterThree, appended to wasm_exec.js, makes the checker's
// fourth regionAdd end as Go ends when its memory cannot grow: « fatal
// error: out of memory » written on its standard error, then no program.
const outOfMemoryAfterThree = `
;(() => {
	let real, calls = 0, dead = false;
	Object.defineProperty(globalThis, "clsmChecker", {
		configurable: true,
		get() { return real; },
		set(v) {
			real = new Proxy(v, { get(target, name) {
				const f = target[name];
				if (name !== "regionAdd" || typeof f !== "function") return f;
				return (...args) => {
					if (dead || ++calls > 3) {
						if (!dead) globalThis.fs.writeSync(2, new TextEncoder().encode("fatal error: out of memory\n"));
						dead = true;
						throw new Error("Go program has already exited");
					}
					return f(...args);
				};
			} });
		},
	});
})();
`

// TestRegionalCheckerStops: the regional view's checker runs out of memory
// in the middle of a run. The page says that it stopped, and why, never
// that it could not start; the run ends without a summary; a new run is
// answered at once with the same reason, never left waiting.
func TestRegionalCheckerStops(t *testing.T) {
	dir := builtSite(t)
	execJS, err := os.ReadFile(filepath.Join(dir, "wasm_exec.js"))
	require.NoError(t, err)
	mux := http.NewServeMux()
	mux.Handle("/", site.Handler(dir))
	mux.HandleFunc("/wasm_exec.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Content-Security-Policy", site.ContentSecurityPolicy)
		_, _ = w.Write(append(execJS, outOfMemoryAfterThree...))
	})
	p := pageOn(t, mux, "/region.html")
	p.recordCSP()
	p.do(chromedp.Navigate(p.url))
	p.waitReady()
	eval[bool](p, `(() => { window.__errors = []; clsmRegion.addEventListener("clsm-error", (e) => window.__errors.push(e.detail)); return true; })()`)
	p.choose("#clsm-region1-ref", "occitanie")
	p.do(chromedp.SetUploadFiles(chromedp.ID("clsm-region1-files"), regionFiles(t, 12, false)))
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`window.__errors.length > 0 && !clsmRegion.hasAttribute("aria-busy")`))
	require.NoError(t, err, "the page says the checker stopped")
	alert := p.text(".clsm-region__alert")
	assert.Contains(t, alert, "Le vérificateur s'est arrêté (mémoire épuisée)")
	assert.NotContains(t, alert, "n'a pas pu démarrer")
	assert.NotContains(t, alert, "n'a pas pu être démarré")
	assert.Equal(t, "stopped", eval[string](p, `window.__errors[0].code`))
	assert.NotEqual(t, "done", eval[string](p, `clsmRegion.dataset.state || ""`), "no summary from a run that did not finish")
	assert.True(t, eval[bool](p, `document.getElementById("clsm-region1-progress").hidden && document.getElementById("clsm-region1-cancel").hidden`), "the run is over")

	// Another run: answered at once, with the same reason.
	eval[bool](p, `(() => { window.__errors = []; return true; })()`)
	p.choose("#clsm-region1-ref", "hdf")
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`window.__errors.length > 0`))
	require.NoError(t, err, "a later run is answered, not left waiting")
	assert.True(t, strings.HasPrefix(eval[string](p, `window.__errors[0].message`), "Le vérificateur s'est arrêté (mémoire épuisée)"))
	p.noCSPViolation()
}
