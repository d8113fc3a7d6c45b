//go:build !(js && wasm)

package browser_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/wasm/site"
)

var update = flag.Bool("update", false, "write wasm/web/prerendered.html again from the form form.js builds")

// builtFormProbe keeps, in __built, the form app.js builds on the page, as
// it is when app.js has just built it (the step in view only, the checker
// not there yet): the moment app.js names it globalThis.clsmForm. What the
// scripts set as properties (a value, a choice) is written as attributes,
// which is what a page's HTML can say; the date of the evaluation, today's,
// is left out (the form writes it when it starts).
const builtFormProbe = `(() => {
  let form;
  Object.defineProperty(globalThis, "clsmForm", {
    configurable: true,
    get() { return form; },
    set(f) {
      form = f;
      const root = document.getElementById("app");
      for (const e of root.querySelectorAll("input")) {
        if (e.type === "radio" || e.type === "checkbox") e.toggleAttribute("checked", e.checked);
        else if (e.type !== "file") e.setAttribute("value", e.value);
      }
      for (const o of root.querySelectorAll("option")) o.toggleAttribute("selected", o.selected);
      for (const t of root.querySelectorAll("textarea")) t.textContent = t.value;
      root.querySelector("#clsm1-date").removeAttribute("value");
      globalThis.__built = root.outerHTML;
    },
  });
})()`

// TestPrerenderedForm: the form the site builder writes into index.html
// (wasm/web/prerendered.html) is the form form.js builds on a first visit,
// attribute for attribute; and the page as served holds it, so that its
// questions are shown with the page. After a change to form.js or to the
// questionnaire, write the file again with
//
//	go test ./integration/browser -run TestPrerenderedForm -update
func TestPrerenderedForm(t *testing.T) {
	dir := builtSite(t)
	p := pageOn(t, site.Handler(dir), "/")
	_, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: builtFormProbe})
	require.NoError(t, err)
	p.do(chromedp.Navigate(p.url))
	p.waitReady()
	built := eval[string](p, `globalThis.__built || ""`)
	require.Contains(t, built, `id="clsm1-questions"`, "the form app.js built")
	file := filepath.Join("..", "..", "wasm", "web", site.Prerendered)
	if *update {
		require.NoError(t, os.WriteFile(file, []byte(built+"\n"), 0o644))
		t.Logf("%s written again (%d bytes): build the site again to serve it", file, len(built)+1)
		return
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err)
	if w := strings.TrimSpace(string(want)); w != built {
		t.Errorf("%s is not the form form.js builds (go test ./integration/browser -run TestPrerenderedForm -update):\n%s", site.Prerendered, firstDifference(w, built))
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	require.NoError(t, err)
	assert.Equal(t, 1, strings.Count(string(page), strings.TrimSpace(string(want))), "index.html as built holds the prerendered form")
	assert.NotContains(t, string(page), `id="chargement"`)
}

// TestAnsweredBeforeTheScripts: with the page's script held back by the
// server, the questions written in the page are shown, pass axe-core's
// audit, and take answers (a
// name typed, a stage chosen); once the script runs, the form it builds
// in their place keeps both, in its fields and in the dossier, with the
// focus and the caret where they were.
func TestAnsweredBeforeTheScripts(t *testing.T) {
	p, release := holdingBack(t, "/app.js")
	// Page.navigate returns once the page is on its way; chromedp.Navigate
	// would wait for the load event, which waits for the script held back.
	_, err := chromedp.Call(p.ctx, cdppage.Navigate, cdppage.NavigateParams{URL: p.url})
	require.NoError(t, err)
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`!!document.getElementById("clsm1-i-name")`))
	require.NoError(t, err, "no question in the page before its script")
	assert.Empty(t, p.axeAll(), "axe-core, every rule, on the page as served, before its script")
	// A choice made as a keyboard or a mouse does it: the page has no script to see it.
	_, err = chromedp.Run(p.ctx, chromedp.Evaluate[bool](`(document.getElementById("clsm1-i-stage").value = "project", document.getElementById("clsm1-i-name").focus(), true)`))
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent("CLSM Tes"), chromedp.KeyEvent(kb.ArrowLeft)))
	_, err = chromedp.Run(p.ctx, chromedp.Evaluate[bool](`typeof globalThis.clsmForm === "undefined" || (() => { throw new Error("the script ran") })()`))
	require.NoError(t, err, "the answers were given before the script ran")
	release()
	p.waitReady()
	assert.Equal(t, "CLSM Tes", eval[string](p, `document.getElementById("clsm1-i-name").value`))
	assert.Equal(t, "project", eval[string](p, `document.getElementById("clsm1-i-stage").value`))
	assert.Equal(t, "clsm1-i-name", eval[string](p, `document.activeElement.id`), "the focus stays in the field")
	assert.Equal(t, 7, eval[int](p, `document.getElementById("clsm1-i-name").selectionStart`), "and the caret where it was")
	dossier := eval[string](p, `JSON.stringify(globalThis.clsmForm.getDossier())`)
	assert.Contains(t, dossier, `"name":"CLSM Tes"`)
	assert.Contains(t, dossier, `"stage":"project"`)
}

// firstDifference shows where two long one-line texts first differ, with
// some context, rather than both texts whole.
func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	around := func(s string) string {
		from, to := max(0, i-120), min(len(s), i+120)
		return s[from:to]
	}
	return fmt.Sprintf("at byte %d\nfile:  …%s…\nbuilt: …%s…", i, around(want), around(got))
}
