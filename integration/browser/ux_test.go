//go:build !(js && wasm)

package browser_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests use the form as a person does: one step at a time, on an
// office screen and on a phone, with the keyboard alone, under axe-core with
// every rule.

// openStepped opens the form in its guided mode (one section at a time) at
// the given viewport size.
func openStepped(t *testing.T, width, height int64, scale float64) *page {
	t.Helper()
	p := sitePage(t, "/")
	p.do(chromedp.EmulateViewport(width, height, chromedp.EmulateScale(scale)))
	p.do(chromedp.Navigate(p.url))
	p.waitReady()
	return p
}

// visibleSection is the id of the one section shown.
func (p *page) visibleSection() string {
	return eval[string](p, `[...document.querySelectorAll(".clsm-section")].filter(s => !s.hidden).map(s => s.id).join(" ")`)
}

func TestStepperNextPreviousAndFragment(t *testing.T) {
	p := openStepped(t, 1280, 900, 1)
	first := p.visibleSection()
	require.NotEmpty(t, first)
	require.NotContains(t, first, " ", "one section at a time")
	assert.Contains(t, p.text(".fr-stepper__state"), "Étape 1 sur")
	p.do(chromedp.Click(chromedp.ID("clsm1-next")))
	second := p.visibleSection()
	assert.NotEqual(t, first, second)
	assert.Equal(t, "#"+second, eval[string](p, `location.hash`), "the address keeps the step")
	assert.Equal(t, second+"-title", eval[string](p, `document.activeElement.id`), "the focus goes to the step's heading")
	p.do(chromedp.Click(chromedp.ID("clsm1-next")))
	third := p.visibleSection()
	p.do(chromedp.NavigateBack())
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById("`+third+`").hidden`))
	require.NoError(t, err)
	assert.Equal(t, second, p.visibleSection(), "the back button goes to the previous step")
	p.do(chromedp.Click(chromedp.ID("clsm1-prev")))
	assert.Equal(t, first, p.visibleSection())
	// Reloaded on a step's address, the form opens that step.
	p.do(chromedp.Navigate(p.url + "#" + third))
	p.waitReady()
	assert.Equal(t, third, p.visibleSection())
	// « Tout afficher » shows every section, and is remembered.
	p.do(chromedp.Click(chromedp.ID("clsm1-show-all")))
	assert.Equal(t, eval[int](p, `document.querySelectorAll(".clsm-section").length`), eval[int](p, `[...document.querySelectorAll(".clsm-section")].filter(s => !s.hidden).length`))
	p.do(chromedp.Reload())
	p.waitReady()
	assert.Equal(t, "true", eval[string](p, `document.getElementById("clsm1-show-all").getAttribute("aria-pressed")`))
	// Each step says how many questions are answered and whether it holds a decisive one.
	assert.Regexp(t, `\d+/\d+`, p.text(".clsm-steplist__info"))
	assert.Contains(t, p.text(".clsm-steplist"), "décisive")
}

// TestSkippedSteps: a section none of whose questions feeds a rule that
// applies is marked « sans objet » and skipped by next / previous.
func TestSkippedSteps(t *testing.T) {
	p := openStepped(t, 1280, 900, 1)
	p.choose("#clsm1-ref", "hdf")
	p.choose(q("/stage")+" select", "project")
	skipped := eval[[]string](p, `clsmForm.questionnaire.sections.filter(s => !s.applies).map(s => s.sid)`)
	require.NotEmpty(t, skipped, "at the project stage in Hauts-de-France some sections feed no rule")
	seen := map[string]bool{}
	for i := 0; i < 30; i++ {
		seen[p.visibleSection()] = true
		if eval[bool](p, `document.getElementById("clsm1-next").hidden`) {
			break
		}
		p.do(chromedp.Click(chromedp.ID("clsm1-next")))
	}
	for _, s := range skipped {
		assert.False(t, seen[s], "%s is skipped", s)
	}
	assert.True(t, eval[bool](p, `clsmForm.questionnaire.sections.find(s => s.nodes.some(n => n.item.path === "/stage")).applies`), "the stage's step is never skipped")
	assert.Contains(t, p.text(".clsm-steplist"), "sans objet")
}

// inView says whether the verdict bar is on screen, not covering the
// question shown right below it.
func (p *page) barInView() bool {
	return eval[bool](p, `(() => { const r = document.getElementById("clsm1-bar").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.height < innerHeight / 3; })()`)
}

func TestVerdictBarAlwaysInView(t *testing.T) {
	for _, size := range []struct{ w, h int64 }{{1024, 768}, {390, 844}} {
		p := openStepped(t, size.w, size.h, 1)
		assert.True(t, p.barInView(), "%d px: the verdict bar is on the first screen", size.w)
		assert.Contains(t, p.text("#clsm1-bar"), "À compléter")
		assert.Contains(t, p.text("#clsm1-bar"), "Exigences requises")
		// Scrolled to the last question of the step, the bar is still there.
		eval[bool](p, `(() => { const qs = [...document.querySelectorAll(".clsm-section:not([hidden]) .clsm-question")]; qs[qs.length - 1].scrollIntoView(); return true; })()`)
		assert.True(t, p.barInView(), "%d px: sticky", size.w)
		// A focused field is never under the bar.
		under := eval[int](p, `(() => { const bar = document.getElementById("clsm1-bar").getBoundingClientRect(); let n = 0;
			for (const c of document.querySelectorAll(".clsm-section:not([hidden]) input, .clsm-section:not([hidden]) select, .clsm-section:not([hidden]) textarea")) {
				c.focus(); const r = c.getBoundingClientRect(); if (r.top < bar.bottom && r.bottom > bar.top && getComputedStyle(c).visibility !== "hidden") n++; }
			return n; })()`)
		assert.Zero(t, under, "%d px: no focused field hides under the bar", size.w)
		// The full summary is one click away.
		p.do(chromedp.Click(chromedp.CSS("#clsm1-bar .clsm-bar-more")))
		assert.Equal(t, "clsm1-summary-title", eval[string](p, `document.activeElement.id`))
	}
}

// TestVerdictIsAnnouncedOncePerChange counts the writes to the polite live
// region: typing changes nothing, one answer that changes the counts is
// announced once.
func TestVerdictIsAnnouncedOncePerChange(t *testing.T) {
	p := openStepped(t, 1280, 900, 1)
	eval[bool](p, `(() => { window.__said = []; new MutationObserver(() => { const t = document.getElementById("clsm1-announce").textContent; if (t) window.__said.push(t); })
		.observe(document.getElementById("clsm1-announce"), {childList: true, characterData: true, subtree: true}); return true; })()`)
	assert.Equal(t, "polite", eval[string](p, `document.getElementById("clsm1-announce").getAttribute("aria-live")`))
	p.do(chromedp.SendKeys(chromedp.CSS(q("/name")+" input"), "CLSM de Montreuil")) // 17 keystrokes, no verdict change
	p.choose("#clsm1-ref", "hdf")
	p.choose(q("/stage")+" select", "project")
	p.choose(q("/governance/president/role")+" select", "mayor")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`window.__said.length > 0`))
	require.NoError(t, err)
	// Once the form is idle and its announcement has fired, nothing more can be said.
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`clsmForm.idle() && !clsmForm.announceTimer`))
	require.NoError(t, err, "the announcement was still pending")
	said := eval[[]string](p, `window.__said`)
	assert.Len(t, said, 1, "announced once: %v", said)
	assert.Contains(t, said[0], "Verdict")
	assert.Contains(t, said[0], "Exigences requises")
}

// TestKeyboardThroughTheSteps completes a whole section with the keyboard
// alone, then moves to the next step with Enter on « Étape suivante ».
func TestKeyboardThroughTheSteps(t *testing.T) {
	p := openStepped(t, 1280, 900, 1)
	tabs := 0
	tabTo := func(sel string) {
		t.Helper()
		for i := 0; i < 200; i++ {
			if eval[bool](p, `document.activeElement && document.activeElement.matches(`+jsString(sel)+`)`) {
				return
			}
			p.do(chromedp.KeyEvent(kb.Tab))
			tabs++
		}
		t.Fatalf("%s cannot be reached with Tab", sel)
	}
	// Without the skip link, through the toolbar.
	tabTo(".clsm-section:not([hidden]) input, .clsm-section:not([hidden]) select, .clsm-section:not([hidden]) textarea")
	t.Logf("tab stops from the top of the page to the first question, without the skip link: %d", tabs)
	p.do(chromedp.Reload())
	p.waitReady()
	// The skip link leads straight to the questions.
	p.do(chromedp.KeyEvent(kb.Tab))
	assert.Equal(t, "clsm-skip", eval[string](p, `document.activeElement.className`))
	p.do(chromedp.KeyEvent(kb.Enter))
	tabs = 0
	tabTo(".clsm-section:not([hidden]) input, .clsm-section:not([hidden]) select, .clsm-section:not([hidden]) textarea")
	t.Logf("tab stops from the skip link to the first question: %d", tabs)
	assert.LessOrEqual(t, tabs, 3)
	first := p.visibleSection()
	// Answer every visible question of the step.
	n := eval[int](p, `document.querySelectorAll("#`+first+` .clsm-question:not([hidden])").length`)
	for i := 0; i < 120 && eval[bool](p, `document.activeElement.closest(".clsm-section") !== null`); i++ {
		el := eval[string](p, `(() => { const a = document.activeElement; return a.tagName + ":" + (a.type || ""); })()`)
		switch {
		case strings.HasPrefix(el, "SELECT"):
			p.do(chromedp.KeyEvent(kb.ArrowDown))
		case el == "INPUT:text" || strings.HasPrefix(el, "TEXTAREA"):
			if eval[string](p, `document.activeElement.value`) == "" {
				txt := "Exemple"
				if eval[bool](p, `document.activeElement.inputMode === "numeric" || document.activeElement.inputMode === "decimal"`) {
					txt = "3"
				}
				if eval[string](p, `document.activeElement.placeholder`) == "JJ/MM/AAAA" {
					txt = "15/03/2025"
				}
				if strings.Contains(eval[string](p, `document.activeElement.closest(".clsm-question").dataset.path`), "communes") {
					txt = "93048"
				}
				p.do(chromedp.KeyEvent(txt))
			}
		case el == "INPUT:radio":
			p.do(chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft))
		}
		p.do(chromedp.KeyEvent(kb.Tab))
	}
	answered := eval[int](p, `[...document.querySelectorAll("#`+first+` .clsm-question:not([hidden])")].filter(q => { const v = clsmForm.getDossier(); return q.dataset.path.split("/").slice(1).reduce((o, k) => o == null ? o : o[k], v) !== undefined; }).length`)
	t.Logf("%d of %d questions of the first step answered by keyboard", answered, n)
	assert.GreaterOrEqual(t, answered, n-1, "the whole step answered by keyboard")
	tabTo("#clsm1-next")
	p.do(chromedp.KeyEvent(kb.Enter))
	assert.NotEqual(t, first, p.visibleSection())
	assert.Contains(t, eval[string](p, `document.activeElement.className`), "clsm-section-title")
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestNoHorizontalScroll: at 320 px and at 200 % zoom (a 1280 px screen
// seen as 640 CSS px), stepped and with every question, nothing scrolls
// sideways.
func TestNoHorizontalScroll(t *testing.T) {
	for _, c := range []struct {
		name  string
		w, h  int64
		scale float64
	}{{"320 px", 320, 640, 1}, {"zoom 200 %", 640, 400, 2}} {
		p := openStepped(t, c.w, c.h, c.scale)
		p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
		p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
		for _, mode := range []string{"étapes", "tout afficher"} {
			if mode == "tout afficher" {
				p.do(chromedp.Click(chromedp.ID("clsm1-show-all")))
			}
			sw := eval[int](p, `document.documentElement.scrollWidth`)
			cw := eval[int](p, `document.documentElement.clientWidth`)
			t.Logf("%s, %s: scrollWidth %d, clientWidth %d", c.name, mode, sw, cw)
			assert.LessOrEqual(t, sw, cw, "%s, %s: no horizontal scroll; widest: %s", c.name, mode,
				eval[string](p, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(-3).map(e => e.tagName + "." + e.className).join(", ")`))
			bar := eval[float64](p, `document.getElementById("clsm1-bar").getBoundingClientRect().height / innerHeight`)
			t.Logf("%s, %s: the verdict bar takes %.0f %% of the screen's height", c.name, mode, bar*100)
			assert.Less(t, bar, 0.4, "%s: the bar leaves room for the questions", c.name)
			left := eval[float64](p, `document.querySelector(".clsm-form").getBoundingClientRect().left`)
			assert.GreaterOrEqual(t, left, 8.0, "%s: a margin on the left", c.name)
		}
	}
}

// axeAll runs axe-core with every rule (best practices included) and
// returns the violations.
func (p *page) axeAll() []string {
	p.t.Helper()
	p.injectAxe()
	return eval[[]string](p, `axe.run(document, {rules: {"target-size": {enabled: true}}}).then(r => r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ")))`)
}

func TestAxeAllRules(t *testing.T) {
	t.Run("formulaire", func(t *testing.T) {
		p := openStepped(t, 1280, 900, 1)
		p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
		p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
		assert.Empty(t, p.axeAll(), "stepped")
		p.do(chromedp.Click(chromedp.ID("clsm1-show-all")))
		assert.Empty(t, p.axeAll(), "every question")
		// An answer in error, and the error summary.
		p.do(chromedp.SendKeys(chromedp.CSS(q("/territory/population")+" input"), "beaucoup"))
		assert.Equal(t, "true", eval[string](p, `document.querySelector("`+q("/territory/population")+` input").getAttribute("aria-invalid")`))
		assert.Contains(t, p.text(".clsm-error-summary"), "Population")
		assert.Empty(t, p.axeAll(), "with an error")
	})
	for _, name := range []string{"", "api.html", "erreurs.html", "broken.html"} {
		t.Run("démo "+name, func(t *testing.T) {
			p := openDemo(t, name)
			_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](demoStartedJS))
			require.NoError(t, err, "the demonstration did not finish starting")
			assert.Empty(t, p.axeAll())
		})
	}
}

// demoStartedJS is true once a demonstration page has finished starting: the
// API demonstration says its checker is ready; every element shows its
// error, or its verdict with the referential its page gave it by URL.
const demoStartedJS = `(() => {
	const api = document.getElementById("etat");
	if (api) return api.textContent.includes("prêt");
	return [...document.querySelectorAll("clsm-autoevaluation")].every((e) => e.querySelector(".clsm-element-error") ||
		(e.querySelector(".clsm-badge") && (!e.hasAttribute("referentiel-url") || (e.form && e.form.referential === "custom"))));
})()`

// TestDialogBeforeReplacing: loading an example over answers asks first, in
// a real dialog; Escape keeps the answers and gives the focus back.
func TestDialogBeforeReplacing(t *testing.T) {
	p := openStepped(t, 1280, 900, 1)
	p.do(chromedp.SendKeys(chromedp.CSS(q("/name")+" input"), "CLSM de Millau"))
	p.do(chromedp.Focus(chromedp.ID("clsm1-load-example")), chromedp.KeyEvent(kb.Enter))
	assert.True(t, eval[bool](p, `document.querySelector("dialog.clsm-dialog").open`))
	assert.Equal(t, "Annuler", eval[string](p, `document.activeElement.textContent`), "the focus is on the safe choice")
	assert.Contains(t, p.text("dialog.clsm-dialog"), "Exporter d'abord")
	assert.Empty(t, p.axeAll(), "with the dialog open")
	assert.Equal(t, "Annuler", eval[string](p, `document.activeElement.textContent`))
	p.do(chromedp.KeyEvent(kb.Escape))
	assert.False(t, eval[bool](p, `document.querySelector("dialog.clsm-dialog").open`))
	assert.Equal(t, "clsm1-load-example", eval[string](p, `document.activeElement.id`), "the focus comes back")
	assert.Equal(t, "CLSM de Millau", eval[string](p, `clsmForm.getDossier().name`))
	// An imported dossier of another region switches to its referential, and says so.
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "dossiers", "occitanie-rodez-en-projet.json"))
	require.NoError(t, err)
	p.importFile("rodez.json", data)
	p.do(chromedp.Click(chromedp.CSS(".clsm-dialog .clsm-dialog-confirm")))
	assert.Equal(t, "occitanie", eval[string](p, `document.getElementById("clsm1-ref").value`))
	assert.Contains(t, p.refNotice(), "Le référentiel Occitanie s'applique désormais à ce dossier (département 12).")
}

// TestFrenchDateEntry: dates are typed JJ/MM/AAAA whatever the browser's
// language, written AAAA-MM-JJ in the dossier; a wrong date is kept and
// explained in French.
func TestFrenchDateEntry(t *testing.T) {
	p := openForm(t)
	sel := "#clsm1-i-evaluation-lastAnnualReport"
	p.do(chromedp.SendKeys(chromedp.CSS(sel), "15/03/2025"))
	assert.Equal(t, "2025-03-15", eval[string](p, `clsmForm.getDossier().evaluation.lastAnnualReport`))
	eval[bool](p, `(() => { const i = document.querySelector("`+sel+`"); i.value = ""; i.dispatchEvent(new Event("input")); return true; })()`)
	p.do(chromedp.SendKeys(chromedp.CSS(sel), "31/02/2025"))
	assert.Contains(t, p.text(q("/evaluation/lastAnnualReport")+" .clsm-error"), "Ce jour n'existe pas")
	assert.Equal(t, "true", eval[string](p, `document.querySelector("`+sel+`").getAttribute("aria-invalid")`))
	p.do(chromedp.Reload())
	p.waitReady()
	assert.Equal(t, "31/02/2025", eval[string](p, `document.querySelector("`+sel+`").value`), "what was typed is never lost")
}

// TestScreenshots writes the README's two screenshots when
// CLSM_SCREENSHOTS=1.
func TestScreenshots(t *testing.T) {
	if os.Getenv("CLSM_SCREENSHOTS") == "" {
		t.Skip("CLSM_SCREENSHOTS=1 écrit les captures d'écran du README")
	}
	for _, c := range []struct {
		name string
		w, h int64
	}{{"formulaire-1280.png", 1280, 900}, {"formulaire-390.png", 390, 844}} {
		p := openStepped(t, c.w, c.h, 1)
		p.choose("#clsm1-ref", "idf")
		p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
		p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
		p.do(chromedp.Click(chromedp.ID("clsm1-next")))
		eval[bool](p, `(() => { scrollTo(0, 0); document.activeElement.blur(); return true; })()`)
		png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join("..", "..", "wasm", "web", "testdata", "screenshots", c.name), png, 0o644))
	}
}

// frenchSpacing lists the texts the page and the form write themselves (not
// the checker's questions and findings) with an ordinary space where French
// typography puts a no-break one: before « : », « ; », « ? », « ! », « » »
// and after « « ».
func (p *page) frenchSpacing() []string {
	p.t.Helper()
	return eval[[]string](p, `(() => { const out = [];
		const own = ".clsm-header, .clsm-footer, h1, .clsm-header__subtitle, .clsm-privacy, .clsm-toolbar .fr-label, .clsm-actions .fr-label, .clsm-actions button, .clsm-status, .fr-stepper__state, .fr-stepper__details, .clsm-steps-menu > summary, .clsm-show-all, .clsm-step-buttons, .clsm-dialog, .clsm-bar-text, .clsm-bar-more, .clsm-summary > h2, .clsm-error-summary h2, .clsm-form-footer, .clsm-rules-toggle, .clsm-rules-list > p, .clsm-compare h3, .clsm-compare-intro, .clsm-compare button, .clsm-compare-verdict, .clsm-compare-title, .clsm-compare-result > p";
		for (const e of document.querySelectorAll(own)) { const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
			for (let n; (n = w.nextNode());) { if (/ [:;?!»]|« /.test(n.data)) out.push(n.data.slice(0, 200)); } }
		return out; })()`)
}

func TestFrenchSpacing(t *testing.T) {
	p := openStepped(t, 1280, 900, 1)
	p.choose("#clsm1-ref", "idf")
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	p.do(chromedp.Click(chromedp.ID("clsm1-show-all")))
	p.do(chromedp.Focus(chromedp.ID("clsm1-reset")), chromedp.KeyEvent(kb.Enter))
	assert.Empty(t, p.frenchSpacing())
}

// TestCtrlPPrintsTheReportOnly: what Chromium prints of the form page once
// the browser has said it is about to print (Ctrl+P) is the report alone,
// with its styles, on A4 pages: as many pages as the report printed by
// itself, not the form's questions and buttons.
func TestCtrlPPrintsTheReportOnly(t *testing.T) {
	p := openStepped(t, 1280, 900, 1)
	p.choose("#clsm1-ref", "idf")
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	eval[bool](p, `window.dispatchEvent(new Event("beforeprint")) || true`)
	assert.True(t, eval[bool](p, `document.body.classList.contains("clsm-printing") && document.querySelector("body > .clsm-print-area style") !== null`), "the report and its styles are ready to print")
	assert.Empty(t, p.axeAll(), "the printed view")
	pdf, err := chromedp.Run(p.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	require.NoError(t, err)
	pages, width, height := pdfPages(t, pdf)
	assert.InDelta(t, 595, width, 2, "A4 width in points")
	assert.InDelta(t, 842, height, 2, "A4 height in points")
	t.Logf("Ctrl+P on the form: %d A4 pages", pages)
	assert.LessOrEqual(t, pages, 10, "the report alone (9 pages by itself), no blank page, no form")
	eval[bool](p, `window.dispatchEvent(new Event("afterprint")) || true`)
	assert.False(t, eval[bool](p, `document.body.classList.contains("clsm-printing")`))
	assert.True(t, eval[bool](p, `document.querySelector(".clsm-print-area").hidden`))
}

// TestHostCSSDoesNotLeak: on the demo page, whose style sheet is hostile on
// purpose, the form's key elements look the same with and without it.
func TestHostCSSDoesNotLeak(t *testing.T) {
	p := openDemo(t, "")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelectorAll("clsm-autoevaluation .clsm-badge").length === 2`))
	require.NoError(t, err)
	styles := `JSON.stringify([...document.querySelectorAll("#ae-hdf .clsm-toolbar .fr-label, #ae-hdf .clsm-section:not([hidden]) .fr-label, #ae-hdf .clsm-section-title, #ae-hdf .fr-input, #ae-hdf .fr-select, #ae-hdf .fr-btn, #ae-hdf input[type=radio], #ae-hdf .clsm-privacy, #ae-hdf .clsm-stepper")].slice(0, 40).map(e => {
		const c = getComputedStyle(e); const r = e.getBoundingClientRect(); const root = e.closest(".clsm-form").getBoundingClientRect();
		return [e.tagName, e.className, c.color, c.fontSize, c.textTransform, c.cssFloat, c.boxSizing, c.borderRadius, c.marginBottom, r.width <= root.width + 1 ? "within the form" : "wider than the form"].join(" "); }))`
	with := eval[string](p, styles)
	eval[bool](p, `(() => { document.querySelector('link[href="host.css"]').disabled = true; return true; })()`)
	without := eval[string](p, styles)
	var a, b []string
	require.NoError(t, json.Unmarshal([]byte(with), &a))
	require.NoError(t, json.Unmarshal([]byte(without), &b))
	require.NotEmpty(t, a)
	assert.Equal(t, b, a, "the host's style sheet changes nothing in the form")
}

// TestKeyboardMontreuilThroughAllSteps: a new user types the Montreuil
// example's answers (every question that is not a list) with the keyboard
// alone, step after step, and ends with those answers in the dossier.
func TestKeyboardMontreuilThroughAllSteps(t *testing.T) {
	p := openStepped(t, 1280, 900, 1)
	p.do(chromedp.Focus(chromedp.ID("clsm1-ref")))
	for i := 0; i < 5 && eval[string](p, `document.getElementById("clsm1-ref").value`) != "idf"; i++ {
		p.do(chromedp.KeyEvent(kb.ArrowDown))
	}
	require.Equal(t, "idf", eval[string](p, `document.getElementById("clsm1-ref").value`))
	eval[bool](p, `(() => { window.__want = clsmForm.api.example("ile-de-france-montreuil-actif").value;
		window.__at = (path) => path.split("/").slice(1).reduce((o, k) => o == null ? undefined : o[k], window.__want); return true; })()`)
	active := func() (info struct{ Path, Widget, Tag, Type, ID, Value string }) {
		raw := eval[string](p, `(() => { const a = document.activeElement; const q = a.closest(".clsm-question");
			const node = q && clsmForm.items.find(n => n.wrapper === q);
			return JSON.stringify({path: q ? q.dataset.path : "", widget: node ? node.item.widget : "", tag: a.tagName, type: a.type || "", id: a.id, value: a.value || ""}); })()`)
		require.NoError(t, json.Unmarshal([]byte(raw), &info))
		return
	}
	want := func(path string) string {
		return eval[string](p, `(() => { const v = __at(`+jsString(path)+`); return v === undefined ? "\u0000" : JSON.stringify(v); })()`)
	}
	p.do(chromedp.Click(chromedp.ID("clsm1-next")), chromedp.Click(chromedp.ID("clsm1-prev"))) // to the first step, focus on its heading
	steps := 0
	for ; steps < 20; steps++ {
		section := p.visibleSection()
		for i := 0; i < 200; i++ {
			p.do(chromedp.KeyEvent(kb.Tab))
			a := active()
			if a.ID == "clsm1-next" || a.ID == "clsm1-prev" || a.Path == "" {
				if a.ID == "clsm1-next" {
					break
				}
				if a.Path == "" && !eval[bool](p, `document.activeElement.closest("#`+section+`") !== null`) && a.ID != "clsm1-prev" {
					break
				}
				continue
			}
			w := want(a.Path)
			if w == "\u0000" {
				continue
			}
			var v any
			require.NoError(t, json.Unmarshal([]byte(w), &v))
			switch {
			case a.Widget == "yesno" && a.Type == "radio":
				if v == true {
					p.do(chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft))
				} else if v == false {
					p.do(chromedp.KeyEvent(kb.ArrowLeft))
				}
			case a.Widget == "choice" && a.Tag == "SELECT":
				for j := 0; j < 150 && eval[string](p, `document.activeElement.value`) != v; j++ {
					p.do(chromedp.KeyEvent(kb.ArrowDown))
				}
			case a.Widget == "multichoice" && a.Type == "checkbox":
				if list, ok := v.([]any); ok && slices.Contains(list, any(a.Value)) {
					p.do(chromedp.KeyEvent(" "))
				}
			case a.Type == "checkbox" && a.Widget == "date_or_never":
				if v == "never" {
					p.do(chromedp.KeyEvent(" "))
				}
			case a.Tag == "INPUT" && a.Type == "text" || a.Tag == "TEXTAREA":
				if a.Widget == "list" || a.Widget == "dates" || a.Value != "" {
					continue
				}
				text := ""
				switch x := v.(type) {
				case string:
					text = x
					if regexp.MustCompile(`^\d{4}-\d\d-\d\d$`).MatchString(x) {
						text = x[8:10] + "/" + x[5:7] + "/" + x[0:4]
					}
					if x == "never" {
						text = ""
					}
				case float64:
					text = strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), ".", ",", 1)
				case []any:
					sep := " "
					if a.Widget == "textlist" {
						sep = "\n"
					}
					var parts []string
					for _, e := range x {
						parts = append(parts, fmt.Sprint(e))
					}
					text = strings.Join(parts, sep)
				}
				if text != "" {
					p.do(chromedp.KeyEvent(text))
				}
			}
		}
		if eval[bool](p, `document.getElementById("clsm1-next").hidden`) {
			break
		}
		require.Equal(t, "clsm1-next", eval[string](p, `document.activeElement.id`), "step %s: Tab reaches « Étape suivante »", section)
		p.do(chromedp.KeyEvent(kb.Enter))
		require.NotEqual(t, section, p.visibleSection())
	}
	t.Logf("%d steps walked by keyboard", steps+1)
	// Every answer that is not a list, in the steps that apply, is the example's
	// (a step « sans objet », such as the free notes, is skipped by the steps).
	diff := eval[[]string](p, `(() => { const out = []; const got = clsmForm.getDossier();
		const at = (o, path) => path.split("/").slice(1).reduce((x, k) => x == null ? undefined : x[k], o);
		for (const n of clsmForm.items) { if (["list", "dates"].includes(n.item.widget) || !n.section.applies) continue;
			const w = at(__want, n.item.path); if (w === undefined) continue;
			if (JSON.stringify(at(got, n.item.path)) !== JSON.stringify(w)) out.push(n.item.path + " " + JSON.stringify(at(got, n.item.path)) + " ≠ " + JSON.stringify(w)); }
		return out; })()`)
	assert.Empty(t, diff, "the example's answers typed by keyboard")
}

// TestQuestionnaireShownAgainIsWhole: a questionnaire shown a second time
// (another referential chosen, then the first one again, or an example
// loaded) has all its questions, every step built again.
func TestQuestionnaireShownAgainIsWhole(t *testing.T) {
	p := openStepped(t, 1280, 900, 1)
	questions := func() int { return eval[int](p, `document.querySelectorAll("#clsm1-questions .clsm-question").length`) }
	national := questions()
	require.Greater(t, national, 40, "every step of the national questionnaire")
	p.choose("#clsm1-ref", "idf")
	idf := questions()
	require.Greater(t, idf, 40)
	p.choose("#clsm1-ref", "national")
	assert.Equal(t, national, questions(), "the national questionnaire shown again")
	p.choose("#clsm1-ref", "idf")
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	assert.Equal(t, idf, questions(), "the questionnaire of Île-de-France, an example loaded")
}
