package browser_test

import (
	"net/http"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/wasm/site"
)

// cycleHTML is an ARS page that loads the element's module and holds no
// element: the test adds and removes them.
const cycleHTML = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Cycle de vie</title>
<script type="module" src="/clsm-element.js"></script></head>
<body><main id="hote"></main></body></html>`

// countListeners, run before any script of the page, counts the listeners
// added to and removed from the window, by type, and the workers started.
const countListeners = `(() => {
	const net = {};
	const add = window.addEventListener, remove = window.removeEventListener;
	const seen = new Map(); // type -> the listeners added, as the window counts them (once each)
	window.addEventListener = function (type, f, o) {
		if (!seen.has(type)) seen.set(type, new Set());
		if (!seen.get(type).has(f)) net[type] = (net[type] || 0) + 1;
		seen.get(type).add(f);
		if (net[type] === 0) delete net[type];
		return add.call(this, type, f, o);
	};
	window.removeEventListener = function (type, f, o) {
		if (seen.get(type)?.delete(f)) net[type] -= 1;
		if (net[type] === 0) delete net[type];
		return remove.call(this, type, f, o);
	};
	window.__listeners = net;
	const W = window.Worker;
	window.__workers = 0;
	window.Worker = class extends W { constructor(...a) { super(...a); window.__workers++; } };
})()`

// TestElementLifecycle connects a <clsm-autoevaluation>, removes and
// reconnects it 100 times, then connects and removes 100 others: no listener
// on the window is left behind by an element that is gone, the element that
// comes back works as before, and the page has one checker for all of them.
func TestElementLifecycle(t *testing.T) {
	dir := builtSite(t)
	mux := http.NewServeMux()
	mux.Handle("/", site.Handler(dir))
	mux.HandleFunc("/cycle.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", site.ContentSecurityPolicy)
		_, _ = w.Write([]byte(cycleHTML))
	})
	p := pageOn(t, mux, "/cycle.html")
	_, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: countListeners})
	require.NoError(t, err)
	p.do(chromedp.Navigate(p.url))
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`!!customElements.get("clsm-autoevaluation")`))
	require.NoError(t, err)
	before := eval[map[string]int](p, `({...window.__listeners})`)

	// One element, connected and shown with its verdict.
	eval[bool](p, `(() => {
		const e = document.createElement("clsm-autoevaluation");
		e.id = "ae";
		e.setAttribute("referentiel", "hdf");
		e.setAttribute("stockage", "cycle");
		document.getElementById("hote").append(e);
		return true; })()`)
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`!!document.querySelector("#ae .clsm-badge")`))
	require.NoError(t, err, "the element shows its verdict")
	connected := eval[map[string]int](p, `({...window.__listeners})`)
	for _, typ := range []string{"popstate", "hashchange", "beforeprint", "afterprint"} {
		assert.Equal(t, before[typ]+1, connected[typ], "the connected element listens to %s once", typ)
	}

	// Removed and reconnected 100 times: the same listeners, once each.
	eval[bool](p, `(() => { const e = document.getElementById("ae"), host = e.parentNode; for (let i = 0; i < 100; i++) { e.remove(); host.append(e); } return true; })()`)
	assert.Equal(t, connected, eval[map[string]int](p, `({...window.__listeners})`), "reconnected 100 times")
	p.do(chromedp.SendKeys(chromedp.CSS(`#ae [data-path="/name"] input`), "CLSM du Ternois"))
	assert.Equal(t, "CLSM du Ternois", eval[string](p, `document.getElementById("ae").getDossier().name`), "the element that came back still works")

	// Removed: nothing of it stays on the window.
	eval[bool](p, `(document.getElementById("ae").remove(), true)`)
	assert.Equal(t, before, eval[map[string]int](p, `({...window.__listeners})`), "a removed element leaves no listener")

	// 100 other elements, each connected until it shows its form, then removed.
	eval[bool](p, `(async () => {
		const host = document.getElementById("hote");
		for (let i = 0; i < 100; i++) {
			const e = document.createElement("clsm-autoevaluation");
			e.setAttribute("stockage", "cycle-" + i);
			host.append(e);
			for (let n = 0; !e.querySelector("[data-path], .clsm-element-error"); n++) {
				if (n > 2000) throw new Error("element " + i + " never showed its form");
				await new Promise((r) => setTimeout(r, 5));
			}
			e.remove();
		}
		return true; })()`)
	assert.Equal(t, before, eval[map[string]int](p, `({...window.__listeners})`), "100 elements gone, no listener left")
	assert.Equal(t, 1, eval[int](p, `window.__workers`), "one checker for the page, whatever the number of elements")
}
