//go:build !(js && wasm)

package browser_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/wasm"
	"github.com/clsmkit/go-clsm/wasm/site"
)

// The browser tests drive Debian's headless Chromium with chromedp against the
// real site, built once, served on 127.0.0.1. Where no Chromium exists they
// skip with a message; CI sets CLSM_REQUIRE_BROWSER=1, which turns the skip
// into a failure.

var (
	siteOnce sync.Once
	siteDir  string
	siteErr  error
)

func builtSite(t testing.TB) string {
	t.Helper()
	siteOnce.Do(func() {
		if d := os.Getenv("CLSM_SITE"); d != "" {
			siteDir = d
			return
		}
		siteDir, siteErr = os.MkdirTemp("", "clsm-site-test-")
		if siteErr == nil {
			siteErr = site.BuildSite(siteDir)
		}
		if siteErr == nil {
			pages, _ := fs.Sub(examples.ARSSite, "ars-site")
			ref, _ := examples.Referential("aveyron-exemple")
			siteErr = site.AddDemo(siteDir, pages, ref)
		}
	})
	require.NoError(t, siteErr)
	return siteDir
}

func chromiumPath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CLSM_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "Chromium introuvable : installez le paquet Debian « chromium » (ou indiquez son chemin dans CLSM_CHROMIUM) pour lancer les tests dans le navigateur"
	if os.Getenv("CLSM_REQUIRE_BROWSER") != "" {
		t.Fatal(msg + " ; CLSM_REQUIRE_BROWSER est défini, ce saut est donc un échec.")
	}
	t.Skip(msg + ".")
	return ""
}

// page is one tab on a fresh origin (its own server port, so its own local
// storage), with the form loaded.
type page struct {
	t      testing.TB
	ctx    context.Context
	url    string
	dir    string
	server *httptest.Server
}

func newBrowser(t testing.TB) context.Context {
	return browserFor(t, 3*time.Minute)
}

// browserFor starts a Chromium that lives for at most d.
func browserFor(t testing.TB, d time.Duration) context.Context {
	exe := chromiumPath(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, d)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return ctx
}

// pageOn starts a browser for the test and serves h on 127.0.0.1 for the
// test's life: the page at path, on a fresh origin (its own local storage),
// not loaded yet.
func pageOn(t testing.TB, h http.Handler, path string) *page {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &page{t: t, ctx: newBrowser(t), url: srv.URL + path, server: srv}
}

// sitePage is pageOn for the built site as site.Handler serves it.
func sitePage(t testing.TB, path string) *page {
	t.Helper()
	dir := builtSite(t)
	p := pageOn(t, site.Handler(dir), path)
	p.dir = dir
	return p
}

// recordCSP has the page record, from its very start, every
// Content-Security-Policy violation in window.__csp (see noCSPViolation).
func (p *page) recordCSP() {
	p.t.Helper()
	_, err := chromedp.Call(p.ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`,
	})
	require.NoError(p.t, err)
}

func openForm(t testing.TB) *page {
	t.Helper()
	p := sitePage(t, "/")
	p.do(chromedp.Navigate(p.url))
	p.waitReady()
	// These tests need every question at once: the « tout afficher » mode of
	// the stepped form, remembered across reloads (ux_test.go tests the steps).
	p.do(chromedp.Click(chromedp.ID("clsm1-show-all")))
	return p
}

func (p *page) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	require.NoError(p.t, chromedp.Do(p.ctx, steps...))
	p.settle()
}

// settleJS waits, in the page, until every form on it shows the verdict of
// the answers given: the checker answers in a worker, after the event that
// changed an answer has been handled. It resolves to "" then, or, after
// 60 s (a loaded machine), to what is still pending, which settle reports
// as a failure.
const settleJS = `(() => {
	const forms = [globalThis.clsmForm, ...[...document.querySelectorAll("clsm-autoevaluation")].map((e) => e.form)].filter((f) => f && f.settled);
	const pending = () => forms.filter((f) => !f.idle()).map((f) => f.p + ": " + JSON.stringify({ calls: f.inflight, verdict: f.verdicts && f.verdicts.state, print: !!f.printTimer, compare: !!f.compareTimer, building: !!f.building })).join("; ");
	let timer;
	return Promise.race([
		Promise.all(forms.map((f) => f.settled())).then(() => ""),
		new Promise((resolve) => { timer = setTimeout(() => resolve("the forms did not settle in 60 s: " + pending()), 60000); }),
	]).finally(() => clearTimeout(timer));
})()`

// settle waits until the forms of the page show the verdict of the answers
// given, as a person would before reading it, and fails the test if they do
// not within 60 s. A page being replaced (a reload) has nothing to wait for:
// the evaluation fails with the page, and that is no failure.
func (p *page) settle() {
	p.t.Helper()
	stuck, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](settleJS, chromedp.EvalAwaitPromise))
	if err == nil && stuck != "" {
		p.t.Fatal(stuck)
	}
}

func (p *page) waitReady() {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.documentElement.dataset.clsmReady === "true"`))
	require.NoError(p.t, err, "the form did not start")
}

// eval evaluates js in the page once its forms have settled (see settle),
// and the promise it gives, if any.
func eval[T any](p *page, js string) T {
	p.t.Helper()
	p.settle()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	require.NoError(p.t, err, js)
	return v
}

// choose sets a select as a person would with the mouse, and fires change.
func (p *page) choose(sel, value string) {
	p.t.Helper()
	ok := eval[bool](p, fmt.Sprintf(`(() => { const s = document.querySelector(%q); if (!s) return false; s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return s.value === %q; })()`, sel, value, value))
	require.True(p.t, ok, "select %s to %s", sel, value)
}

func (p *page) readiness() string {
	return strings.TrimSpace(eval[string](p, `document.querySelector(".clsm-badge").textContent`))
}

// q returns the CSS selector of the question at a dossier path.
func q(path string) string {
	return "#clsm1-q-" + strings.Trim(strings.NewReplacer("/", "-").Replace(path), "-")
}

// readyKnown is the label of a ready dossier under a partial referential
// (Occitanie, Hauts-de-France, national): the verdict holds for the rules known.
const readyKnown = "Prêt au regard des règles connues"

// TestFillFormAndWatchVerdict answers, at the project stage in
// Hauts-de-France, the three required rules its readiness names (those of
// the national socle it rests on, labels/referentials/national.json): an
// elected president, the co-animation by public psychiatry, and users and
// carers associated from the start.
func TestFillFormAndWatchVerdict(t *testing.T) {
	p := openForm(t)
	assert.Equal(t, "À compléter", p.readiness())
	p.choose("#clsm1-ref", "hdf")
	p.choose(q("/stage")+" select", "project")
	p.choose(q("/governance/president/role")+" select", "mayor")
	assert.Equal(t, "À compléter", p.readiness(), "one required rule of three answered: too few for a verdict")
	p.do(chromedp.Click(chromedp.CSS(q("/governance/usersFromStart") + ` label[for$="-true"]`)))
	p.do(chromedp.Click(chromedp.CSS(q("/governance/carersFromStart") + ` label[for$="-true"]`)))
	assert.Equal(t, "Presque prêt", p.readiness(), "two required rules met, the third not answered yet")
	p.do(chromedp.Click(chromedp.CSS(q("/governance/psychiatryCoLeads") + ` label[for$="-true"]`)))
	assert.Equal(t, readyKnown, p.readiness())
	p.do(chromedp.Click(chromedp.CSS(q("/governance/psychiatryCoLeads") + ` label[for$="-false"]`)))
	assert.Equal(t, "En construction", p.readiness(), "one of three required rules is not met")
	steps := eval[string](p, `document.querySelector(".clsm-steps").textContent`)
	assert.Contains(t, steps, "co-animer")
}

func TestReloadKeepsEveryAnswer(t *testing.T) {
	p := openForm(t)
	p.do(chromedp.SendKeys(chromedp.CSS(q("/name")+" input"), "CLSM de Millau"))
	p.choose(q("/stage")+" select", "constitution")
	p.do(
		chromedp.Click(chromedp.CSS(q("/governance/usersFromStart")+` label[for$="-true"]`)),
		chromedp.SendKeys(chromedp.CSS(q("/territory/communes")+" textarea"), "12145"),
		chromedp.SendKeys(chromedp.CSS(q("/territory/population")+" input"), "21 800"),
		chromedp.SendKeys(chromedp.CSS(q("/territory/psychiatricSectors")+" input"), "deux"), // not a number: kept as typed
	)
	assert.Contains(t, eval[string](p, `document.querySelector(".clsm-status").textContent`), "Enregistré")
	p.do(chromedp.Reload())
	p.waitReady()
	assert.Equal(t, "CLSM de Millau", eval[string](p, `document.querySelector("`+q("/name")+` input").value`))
	assert.Equal(t, "constitution", eval[string](p, `document.querySelector("`+q("/stage")+` select").value`))
	assert.True(t, eval[bool](p, `document.querySelector("`+q("/governance/usersFromStart")+` input[value=true]").checked`))
	assert.Equal(t, "12145", eval[string](p, `document.querySelector("`+q("/territory/communes")+` textarea").value`))
	assert.Equal(t, "21800", eval[string](p, `document.querySelector("`+q("/territory/population")+` input").value`))
	assert.Equal(t, "deux", eval[string](p, `document.querySelector("`+q("/territory/psychiatricSectors")+` input").value`))
	assert.Contains(t, eval[string](p, `document.querySelector("`+q("/territory/psychiatricSectors")+` .clsm-error").textContent`), "pas un nombre")
}

type summary struct {
	Level    string
	Counts   map[string]int
	Outcomes map[string]string
}

func (p *page) summary() summary {
	p.t.Helper()
	var s summary
	raw := eval[string](p, `JSON.stringify({level: clsmForm.report.readiness.level, counts: clsmForm.report.counts,
		outcomes: Object.fromEntries(clsmForm.report.findings.map(f => [f.ruleId, f.outcome]))})`)
	require.NoError(p.t, json.Unmarshal([]byte(raw), &s))
	return s
}

func TestExportStartOverImport(t *testing.T) {
	p := openForm(t)
	p.choose("#clsm1-ref", "hdf") // Roubaix's region: the imported dossier keeps this referential
	p.choose("#clsm1-example", "hauts-de-france-roubaix-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	before := p.summary()
	require.NotEqual(t, "incomplete", before.Level, "a full example gets a verdict")

	// Catch the download the export button starts and read it.
	eval[bool](p, `(() => { window.__exported = null; const create = URL.createObjectURL;
		URL.createObjectURL = (blob) => { blob.text().then(t => { window.__exported = t; }); return create(blob); };
		const click = HTMLAnchorElement.prototype.click;
		HTMLAnchorElement.prototype.click = function () { if (this.download) window.__exportName = this.download; else click.call(this); };
		return true; })()`)
	p.do(chromedp.Click(chromedp.ID("clsm1-export")))
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`window.__exported !== null`))
	require.NoError(t, err)
	exported := eval[string](p, `window.__exported`)
	assert.Contains(t, eval[string](p, `window.__exportName`), "dossier-conseil-roubaisien")

	p.do(chromedp.Click(chromedp.ID("clsm1-reset")))
	p.do(chromedp.Click(chromedp.Search(`//button[text()="Tout effacer"]`)))
	assert.Equal(t, "incomplete", p.summary().Level)
	assert.Equal(t, "", eval[string](p, `document.querySelector("`+q("/name")+` input").value`))

	file := filepath.Join(t.TempDir(), "dossier.json")
	require.NoError(t, os.WriteFile(file, []byte(exported), 0o644))
	p.do(chromedp.SetUploadFiles(chromedp.ID("clsm1-import"), []string{file}))
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`clsmForm.report.readiness.level !== "incomplete"`))
	require.NoError(t, err)
	assert.Equal(t, before, p.summary(), "the imported dossier gives the same report")

	// A file that is not a dossier changes nothing and says why.
	bad := filepath.Join(t.TempDir(), "pas-un-dossier.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"schemaVersion": 1, "nom": "x"}`), 0o644))
	p.do(chromedp.SetUploadFiles(chromedp.ID("clsm1-import"), []string{bad}))
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector(".clsm-alert").textContent.includes("nom")`))
	require.NoError(t, err)
	assert.Equal(t, before, p.summary())
}

func TestFindingLinksToItsQuestion(t *testing.T) {
	p := openForm(t)
	p.choose("#clsm1-ref", "idf")
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	// The first unmet finding with a link: the link goes to one of the
	// questions the rule reads (or to the question that shows it).
	rule := eval[string](p, `document.querySelector(".clsm-findings-group--unmet .clsm-finding .clsm-goto").closest(".clsm-finding").dataset.rule`)
	require.NotEmpty(t, rule)
	p.do(chromedp.Click(chromedp.CSS(`.clsm-findings-group--unmet .clsm-finding[data-rule="` + rule + `"] .clsm-goto`)))
	path := eval[string](p, `document.activeElement.closest(".clsm-question").dataset.path`)
	paths := eval[[]string](p, `(() => { const f = clsmForm.report.findings.find(f => f.ruleId === `+"`"+rule+"`"+`); return [...(f.missing || []), ...f.paths]; })()`)
	assert.True(t, slices.ContainsFunc(paths, func(x string) bool { return x == path || strings.HasPrefix(x, path+"/") }), "%s links to %s, not one of %v", rule, path, paths)
	// A next step links to its question too.
	p.do(chromedp.Click(chromedp.CSS(`.clsm-steps li .clsm-goto`)))
	path = eval[string](p, `document.activeElement.closest(".clsm-question").dataset.path`)
	paths = eval[[]string](p, `clsmForm.report.nextSteps.find(s => s.questions.length).questions.map(q => q.path)`)
	assert.True(t, slices.ContainsFunc(paths, func(x string) bool { return x == path || strings.HasPrefix(x, path+"/") }), "the first step links to %s, not one of %v", path, paths)
}

func TestTypedHTMLIsShownAsText(t *testing.T) {
	p := openForm(t)
	evil := `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>`
	p.do(
		chromedp.SendKeys(chromedp.CSS(q("/name")+" input"), evil),
		chromedp.SendKeys(chromedp.CSS(q("/notes")+" textarea"), evil),
	)
	eval[bool](p, `(() => { window.print = () => {}; clsmForm.print(); return true; })()`)
	assert.True(t, eval[bool](p, `window.__xss === undefined`), "nothing typed may run")
	assert.Contains(t, eval[string](p, `document.querySelector(".clsm-print-area h1").textContent`), evil)
	assert.Equal(t, 0, eval[int](p, `document.querySelectorAll(".clsm-print-area img, .clsm-print-area script").length`))
}

func TestNoRequestLeavesTheOrigin(t *testing.T) {
	p := openForm(t)
	p.choose("#clsm1-example", "gers-rural-intercommunal")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	p.choose("#clsm1-ref", "occitanie")
	urls := eval[[]string](p, `[location.href, ...performance.getEntriesByType("resource").map(e => e.name)]`)
	require.NotEmpty(t, urls)
	for _, u := range urls {
		assert.True(t, strings.HasPrefix(u, p.server.URL+"/"), "request to %s", u)
	}
	assert.GreaterOrEqual(t, len(urls), 5, "page, modules, stylesheet, wasm_exec.js and checker.wasm")
}

func TestAccessibility(t *testing.T) {
	p := openForm(t)
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	p.auditWCAG()
}

// injectAxe loads axe-core into the page. Without it (« npm ci » not run in
// wasm/) the test is skipped, or fails when CLSM_REQUIRE_BROWSER is set.
func (p *page) injectAxe() {
	p.t.Helper()
	axe, err := os.ReadFile(filepath.Join("..", "..", "wasm", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		msg := "axe-core absent : lancez « npm ci » dans le dossier wasm pour l'audit d'accessibilité"
		if os.Getenv("CLSM_REQUIRE_BROWSER") != "" {
			p.t.Fatal(msg)
		}
		p.t.Skip(msg)
	}
	eval[bool](p, string(axe)+"; true")
}

// auditWCAG runs axe-core's WCAG 2.1 A and AA rules on the page: a serious or
// critical violation fails the test, the others are logged.
func (p *page) auditWCAG() {
	t := p.t
	t.Helper()
	p.injectAxe()
	raw := eval[string](p, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
		.then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))))`)
	var violations []struct {
		ID, Impact, Help string
		Nodes            []string
	}
	require.NoError(t, json.Unmarshal([]byte(raw), &violations))
	for _, v := range violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("axe %s (%s): %s — %v", v.ID, v.Impact, v.Help, v.Nodes)
		} else {
			t.Logf("axe %s (%s): %s — %v", v.ID, v.Impact, v.Help, v.Nodes)
		}
	}
}

// TestKeyboardOnly answers with the keyboard alone: Tab to a control, arrows
// to choose, and the verdict follows.
func TestKeyboardOnly(t *testing.T) {
	p := openForm(t)
	tabTo := func(id string) {
		t.Helper()
		for i := 0; i < 400; i++ {
			if eval[string](p, `document.activeElement ? document.activeElement.id : ""`) == id {
				return
			}
			p.do(chromedp.KeyEvent(kb.Tab))
		}
		t.Fatalf("%s cannot be reached with Tab", id)
	}
	p.do(chromedp.Focus(chromedp.ID("clsm1-ref")), chromedp.KeyEvent(kb.ArrowDown)) // national → Hauts-de-France
	assert.Equal(t, "hdf", eval[string](p, `document.getElementById("clsm1-ref").value`))
	tabTo("clsm1-i-stage")
	p.do(chromedp.KeyEvent(kb.ArrowDown)) // en projet
	assert.Equal(t, "project", eval[string](p, `document.getElementById("clsm1-i-stage").value`))
	tabTo("clsm1-i-governance-president-role")
	p.do(chromedp.KeyEvent(kb.ArrowDown)) // le maire
	tabTo("clsm1-i-governance-psychiatryCoLeads-unknown")
	p.do(chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft)) // non, then oui
	assert.True(t, eval[bool](p, `document.getElementById("clsm1-i-governance-psychiatryCoLeads-true").checked`))
	for _, who := range []string{"usersFromStart", "carersFromStart"} {
		tabTo("clsm1-i-governance-" + who + "-unknown")
		p.do(chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft)) // non, then oui
		assert.True(t, eval[bool](p, `document.getElementById("clsm1-i-governance-`+who+`-true").checked`))
	}
	tabTo("clsm1-i-diagnostic-done-unknown")
	p.do(chromedp.KeyEvent(kb.ArrowLeft)) // non: the question « programmé ? » appears
	tabTo("clsm1-i-diagnostic-planned-unknown")
	p.do(chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft)) // non, then oui
	assert.True(t, eval[bool](p, `document.getElementById("clsm1-i-diagnostic-planned-true").checked`))
	assert.Equal(t, readyKnown, p.readiness(), "Hauts-de-France, project stage: the elected president, the co-animation, and users and carers from the start are met")
}

// TestStorageFailureIsLoud: when the browser refuses to store (private mode,
// full quota), the page says so and keeps what was typed.
func TestStorageFailureIsLoud(t *testing.T) {
	p := openForm(t)
	eval[bool](p, `(() => { Storage.prototype.setItem = () => { throw new DOMException("quota", "QuotaExceededError"); }; return true; })()`)
	p.do(chromedp.SendKeys(chromedp.CSS(q("/name")+" input"), "CLSM de Figeac"))
	assert.Contains(t, eval[string](p, `document.querySelector(".clsm-alert").textContent`), "n'ont pas pu être enregistrées")
	assert.Contains(t, eval[string](p, `document.querySelector(".clsm-status").textContent`), "Non enregistré")
	assert.Equal(t, "CLSM de Figeac", eval[string](p, `clsmForm.getDossier().name`))
}

// openDemo opens a page of the ARS demonstration site (under /demo/) on a
// fresh origin, recording any Content-Security-Policy violation from the very
// start of the page.
func openDemo(t testing.TB, name string) *page {
	t.Helper()
	p := sitePage(t, "/demo/"+name)
	p.recordCSP()
	p.do(chromedp.Navigate(p.url))
	return p
}

func (p *page) noCSPViolation() {
	p.t.Helper()
	assert.Equal(p.t, []string{}, eval[[]string](p, `window.__csp`), "the page needs nothing the Content-Security-Policy forbids")
}

func TestEmbeddedElementsInAnARSPage(t *testing.T) {
	p := openDemo(t, "")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelectorAll("clsm-autoevaluation .clsm-badge").length === 2 && document.getElementById("ae-departement").report?.referential.id === "dd12-exemple"`))
	require.NoError(t, err, "both elements show a verdict, the first with the ARS's own referential")
	assert.Equal(t, "hdf", eval[string](p, `document.getElementById("ae-hdf").report.referential.id`))
	assert.Equal(t, "custom", eval[string](p, `document.querySelector("#ae-departement select[id$='-ref']").value`))
	// The host page hears the report event, with the element's verdict.
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById("verdict-hote").dataset.level === document.getElementById("ae-departement").report.readiness.level`))
	require.NoError(t, err)
	assert.Contains(t, eval[string](p, `document.getElementById("verdict-hote").textContent`), "Aveyron")

	// Two elements keep two dossiers.
	first := `#ae-departement [data-path="/name"] input`
	second := `#ae-hdf [data-path="/name"] input`
	p.do(chromedp.SendKeys(chromedp.CSS(first), "CLSM du Lévézou"))
	assert.Equal(t, "", eval[string](p, `document.querySelector('`+second+`').value`))
	p.do(chromedp.Reload())
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelectorAll("clsm-autoevaluation .clsm-badge").length === 2`))
	require.NoError(t, err)
	assert.Equal(t, "CLSM du Lévézou", eval[string](p, `document.querySelector('`+first+`').value`))
	assert.Equal(t, "", eval[string](p, `document.querySelector('`+second+`').value`))
	assert.Equal(t, "CLSM du Lévézou", eval[string](p, `document.getElementById("ae-departement").getDossier().name`))

	// The host's aggressive CSS (80 px inputs, floated labels, content-box)
	// does not reach the form.
	assert.Greater(t, eval[float64](p, `document.querySelector('`+first+`').getBoundingClientRect().width`), 200.0)
	assert.Equal(t, "none", eval[string](p, `getComputedStyle(document.querySelector('#ae-departement label')).float`))
	assert.Equal(t, "border-box", eval[string](p, `getComputedStyle(document.querySelector('`+first+`')).boxSizing`))
	assert.Equal(t, 1, eval[int](p, `document.querySelectorAll("link[data-clsm-style]").length`), "one stylesheet for two elements")
	p.noCSPViolation()

	// Methods for the host: set the dossier, reset.
	eval[bool](p, `(() => { document.getElementById("ae-hdf").setDossier({schemaVersion: 1, name: "Posé par la page", stage: "project"}); return true; })()`)
	assert.Equal(t, "Posé par la page", eval[string](p, `document.querySelector('`+second+`').value`))
	eval[bool](p, `(() => { document.getElementById("ae-hdf").reset(); return true; })()`)
	assert.Equal(t, "", eval[string](p, `document.querySelector('`+second+`').value`))
	assert.Equal(t, "CLSM du Lévézou", eval[string](p, `document.querySelector('`+first+`').value`), "resetting one element leaves the other")
}

func TestBrokenReferentialURL(t *testing.T) {
	p := openDemo(t, "broken.html")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`!!document.querySelector("#ae-casse .clsm-element-error")`))
	require.NoError(t, err)
	msg := eval[string](p, `document.querySelector("#ae-casse .clsm-element-error").textContent`)
	assert.Contains(t, msg, "introuvable.json")
	assert.Contains(t, msg, "n'a pas pu être chargé")
	assert.Contains(t, msg, "404")
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`!!document.querySelector("#ae-casse .clsm-badge")`))
	require.NoError(t, err, "the form still works, with the national baseline")
	p.noCSPViolation()
}

// goReport assesses an example dossier in Go, through the API the WebAssembly
// checker exposes.
func goReport(t testing.TB, example, referential, date string) (r struct {
	Readiness struct{ Level, Label string }
	NextSteps []struct{ Text string }
}) {
	t.Helper()
	data, ok := examples.Dossier(example)
	require.True(t, ok, example)
	var env struct {
		Value struct{ Report json.RawMessage }
		Error *wasm.Error
	}
	require.NoError(t, json.Unmarshal([]byte(wasm.Call("assess", string(data), referential, date)), &env))
	require.Nil(t, env.Error)
	require.NoError(t, json.Unmarshal(env.Value.Report, &r))
	return r
}

func TestESModuleAPIPage(t *testing.T) {
	p := openDemo(t, "api.html")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById("etat").textContent === "Vérificateur prêt."`))
	require.NoError(t, err)
	p.choose("#referentiel", "idf")
	p.choose("#exemple", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("evaluer")))
	// The page gives what the checker gives in Go, for the same day.
	want := goReport(t, "ile-de-france-montreuil-actif", "idf", time.Now().UTC().Format("2006-01-02"))
	assert.Equal(t, want.Readiness.Level, eval[string](p, `document.getElementById("verdict").dataset.level`))
	require.NotEmpty(t, want.NextSteps)
	assert.Contains(t, eval[string](p, `document.getElementById("etapes").textContent`), want.NextSteps[0].Text)
	// A broken dossier gives the French problems, not an exception.
	p.do(chromedp.SetValue(chromedp.ID("dossier"), `{"schemaVersion": 1, "coordinator": {"ftee": 1}}`), chromedp.Click(chromedp.ID("evaluer")))
	assert.Contains(t, eval[string](p, `document.getElementById("problemes").textContent`), "fte")
	p.noCSPViolation()
}

// TestServedHeaders checks what an ARS's server must send: the policy, the
// WebAssembly type, and long caching only for the hashed checker (the
// form's; the complete one keeps its name).
func TestServedHeaders(t *testing.T) {
	dir := builtSite(t)
	srv := httptest.NewServer(site.Handler(dir))
	defer srv.Close()
	wasmFiles, _ := filepath.Glob(filepath.Join(dir, "checker.*.wasm"))
	require.Len(t, wasmFiles, 1)
	for _, tc := range []struct{ path, ctype, cache string }{
		{"/", "text/html", "no-cache"},
		{"/clsm.js", "text/javascript", "no-cache"},
		{"/" + filepath.Base(wasmFiles[0]), "application/wasm", "immutable"},
		{"/checker-full.wasm", "application/wasm", "no-cache"}, // one name for every version
	} {
		resp, err := http.Get(srv.URL + tc.path)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, 200, resp.StatusCode, tc.path)
		assert.Contains(t, resp.Header.Get("Content-Type"), tc.ctype, tc.path)
		assert.Contains(t, resp.Header.Get("Cache-Control"), tc.cache, tc.path)
		csp := resp.Header.Get("Content-Security-Policy")
		assert.Contains(t, csp, "script-src 'self' 'wasm-unsafe-eval'", tc.path)
		assert.NotContains(t, csp, " 'unsafe-eval'", "only wasm-unsafe-eval")
	}
}

// text returns the text of the elements matching a selector, joined, with
// the no-break spaces of French typography turned into plain spaces.
func (p *page) text(sel string) string {
	p.t.Helper()
	return eval[string](p, fmt.Sprintf(`[...document.querySelectorAll(%q)].map(e => e.textContent).join(" ").replace(/[\u00a0\u202f]/g, " ")`, sel))
}

// noEnglish fails if any text node of the page carries a browser's English
// error text.
func (p *page) noEnglish() {
	p.t.Helper()
	bad := eval[[]string](p, `(() => { const out = []; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n; (n = w.nextNode());) { if (/Failed|undefined|NaN|Invalid|exceeded|Error/.test(n.data)) out.push(n.data.slice(0, 300)); }
		return out; })()`)
	assert.Empty(p.t, bad, "English error text in the page")
}

// stillWorks answers the stage question and checks that the verdict follows.
func (p *page) stillWorks() {
	p.t.Helper()
	before := p.text(".clsm-summary-body")
	stage := "project"
	if eval[string](p, `document.querySelector("`+q("/stage")+` select").value`) == "project" {
		stage = "active"
	}
	p.choose(q("/stage")+" select", stage)
	assert.Equal(p.t, stage, eval[string](p, `clsmForm.getDossier().stage`))
	assert.NotEqual(p.t, before, p.text(".clsm-summary-body"), "the verdict follows the answer")
	assert.True(p.t, eval[bool](p, `clsmForm.report !== null`), "a verdict once the answer is given")
	assert.NotEmpty(p.t, p.readiness())
}

// captureDownloads keeps the text of every file the page offers for download
// in window.__downloads (name → text) instead of saving it.
func (p *page) captureDownloads() {
	p.t.Helper()
	eval[bool](p, `(() => { window.__downloads = {}; window.__blobs = new Map(); const create = URL.createObjectURL;
		URL.createObjectURL = (blob) => { const u = create(blob); window.__blobs.set(u, blob); return u; };
		const click = HTMLAnchorElement.prototype.click;
		HTMLAnchorElement.prototype.click = function () { if (this.download) { const name = this.download; window.__blobs.get(this.href).text().then(t => { window.__downloads[name] = t; }); } else click.call(this); };
		return true; })()`)
}

// download waits for the file whose name starts with prefix and returns its text.
func (p *page) download(prefix string) string {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](fmt.Sprintf(`Object.keys(window.__downloads).some(k => k.startsWith(%q))`, prefix)))
	require.NoError(p.t, err, "no download %s…", prefix)
	return eval[string](p, fmt.Sprintf(`window.__downloads[Object.keys(window.__downloads).find(k => k.startsWith(%q))]`, prefix))
}

// importFile gives the form a file to import, as a person would.
func (p *page) importFile(name string, content []byte) {
	p.t.Helper()
	file := filepath.Join(p.t.TempDir(), name)
	require.NoError(p.t, os.WriteFile(file, content, 0o644))
	p.do(chromedp.SetUploadFiles(chromedp.ID("clsm1-import"), []string{file}))
}

// TestInvalidDossierIsToCorrect imports a dossier the checker reads but that
// has an answer out of the format (« actif » is not a stage): the verdict is
// the list of answers to correct, with links, never a level, and every
// answer is kept.
func TestInvalidDossierIsToCorrect(t *testing.T) {
	p := openForm(t)
	data, err := os.ReadFile(filepath.Join("testdata", "hostile", "import-invalid-stage.json"))
	require.NoError(t, err)
	p.importFile("lodeve.json", data)
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector(".clsm-badge--invalid") !== null`))
	require.NoError(t, err)
	assert.Contains(t, p.text(".clsm-badge"), "Dossier à corriger : 1 réponse invalide")
	assert.NotContains(t, p.text(".clsm-summary-body"), "Prêt")
	assert.True(t, eval[bool](p, `clsmForm.report === null`))
	assert.Equal(t, "CLSM de Lodève", eval[string](p, `document.querySelector("`+q("/name")+` input").value`))
	assert.Equal(t, "actif", eval[string](p, `clsmForm.getDossier().stage`), "the wrong answer is kept, to be corrected")
	assert.Equal(t, "actif", eval[string](p, `document.querySelector("`+q("/stage")+` select").value`), "and shown as it is")
	assert.Equal(t, "not_elected", eval[string](p, `document.querySelector("`+q("/governance/president/role")+` select").value`))
	p.do(chromedp.Click(chromedp.CSS(`.clsm-invalid .clsm-goto`)))
	assert.Equal(t, "/stage", eval[string](p, `document.activeElement.closest(".clsm-question").dataset.path`))
	p.noEnglish()

	// Reloaded, it is still to correct, and the page still starts.
	p.do(chromedp.Reload())
	p.waitReady()
	assert.Contains(t, p.text(".clsm-badge"), "Dossier à corriger : 1 réponse invalide")
	p.choose(q("/stage")+" select", "project")
	assert.NotContains(t, p.text(".clsm-badge"), "corriger")
	assert.Equal(t, "CLSM de Lodève", eval[string](p, `clsmForm.getDossier().name`))
}

// TestNeverIsAnAnswer: « Jamais » for the last annual report is written as
// "never" in the exported dossier, and survives a reload.
func TestNeverIsAnAnswer(t *testing.T) {
	p := openForm(t)
	box := "#clsm1-i-evaluation-lastAnnualReport-never"
	p.do(chromedp.Click(chromedp.CSS(`label[for="clsm1-i-evaluation-lastAnnualReport-never"]`)))
	assert.Equal(t, "never", eval[string](p, `clsmForm.getDossier().evaluation.lastAnnualReport`))
	p.captureDownloads()
	p.do(chromedp.Click(chromedp.ID("clsm1-export")))
	var exported map[string]any
	require.NoError(t, json.Unmarshal([]byte(p.download("dossier-")), &exported))
	assert.Equal(t, map[string]any{"lastAnnualReport": "never"}, exported["evaluation"])
	p.do(chromedp.Reload())
	p.waitReady()
	assert.True(t, eval[bool](p, `document.querySelector("`+box+`").checked`))
	assert.True(t, eval[bool](p, `document.getElementById("clsm1-i-evaluation-lastAnnualReport").disabled`), "no day beside « jamais »")
	assert.Equal(t, "never", eval[string](p, `clsmForm.getDossier().evaluation.lastAnnualReport`))
	// Unchecked, the question is blank again: not « jamais », not a day.
	p.do(chromedp.Click(chromedp.CSS(`label[for="clsm1-i-evaluation-lastAnnualReport-never"]`)))
	assert.False(t, eval[bool](p, `"evaluation" in clsmForm.getDossier()`))
}

// TestVerdictSaysWhatItKnows: a partial referential's caveat is shown, and
// the next steps beyond five are in a collapsed list.
func TestVerdictSaysWhatItKnows(t *testing.T) {
	p := openForm(t)
	for _, ref := range []string{"occitanie", "hdf", "national"} {
		p.choose("#clsm1-ref", ref)
		assert.Contains(t, p.text(".clsm-caveat"), "Référentiel partiel", ref)
	}
	p.choose("#clsm1-ref", "idf")
	assert.Equal(t, "", p.text(".clsm-caveat"), "Île-de-France: every source read")

	p.choose(q("/stage")+" select", "active")
	steps := eval[int](p, `clsmForm.report.nextSteps.length`)
	require.Greater(t, steps, 5, "an active CLSM with no answer has more than five steps")
	assert.Equal(t, 5, eval[int](p, `document.querySelectorAll(".clsm-summary-body > ol.clsm-steps > li").length`))
	assert.False(t, eval[bool](p, `document.querySelector("details.clsm-more-steps").open`), "collapsed")
	assert.Equal(t, steps-5, eval[int](p, `document.querySelectorAll("details.clsm-more-steps li").length`))
	assert.Contains(t, p.text("details.clsm-more-steps > summary"), fmt.Sprintf("Et %d autre", steps-5))
}

// TestEmptyFormIsToComplete: with no answer, or only the stage, no built-in
// referential gives a verdict.
func TestEmptyFormIsToComplete(t *testing.T) {
	p := openForm(t)
	for _, ref := range []string{"national", "idf", "occitanie", "hdf"} {
		p.choose("#clsm1-ref", ref)
		for _, stage := range []string{"", "project", "constitution", "active"} {
			p.choose(q("/stage")+" select", stage)
			assert.Equal(t, "À compléter", p.readiness(), "%s, stage %q", ref, stage)
		}
	}
}

// TestEvaluationDateIsKept: the date chosen survives a reload and the saves
// after it.
func TestEvaluationDateIsKept(t *testing.T) {
	p := openForm(t)
	p.do(chromedp.SetValue(chromedp.ID("clsm1-date"), "30/06/2025")) // typed the French way, whatever the browser's language
	eval[bool](p, `document.getElementById("clsm1-date").dispatchEvent(new Event("change")) || true`)
	p.do(chromedp.Reload())
	p.waitReady()
	assert.Equal(t, "30/06/2025", eval[string](p, `document.getElementById("clsm1-date").value`))
	p.do(chromedp.SendKeys(chromedp.CSS(q("/name")+" input"), "CLSM de Sète")) // a save after the reload
	p.do(chromedp.Reload())
	p.waitReady()
	assert.Equal(t, "30/06/2025", eval[string](p, `document.getElementById("clsm1-date").value`))
	assert.Equal(t, "2025-06-30", eval[string](p, `clsmForm.date`))
	assert.Equal(t, "2025-06-30", eval[string](p, `JSON.parse(localStorage.getItem("clsm-autoevaluation")).date`))
}

// TestNumbersCanBeReimported: what the form puts in the dossier, the
// checker reads back; any other number stays as typed, with the reason, as a
// pending answer (« pending » in the exported file) that makes the dossier
// one to correct until it is a number.
func TestNumbersCanBeReimported(t *testing.T) {
	p := openForm(t)
	p.do(
		chromedp.Click(chromedp.CSS(q("/territory/coversQPV")+` label[for$="-true"]`)),
		chromedp.Click(chromedp.CSS(q("/coordinator/exists")+` label[for$="-true"]`)),
		chromedp.SendKeys(chromedp.CSS(q("/territory/population")+" input"), "1234567890123456789012345"),
		chromedp.SendKeys(chromedp.CSS(q("/territory/qpvCount")+" input"), "501"),
		chromedp.SendKeys(chromedp.CSS(q("/coordinator/fte")+" input"), "0,00000001"),
		chromedp.SendKeys(chromedp.CSS(q("/territory/psychiatricSectors")+" input"), "4"),
	)
	var d struct {
		Territory   map[string]any    `json:"territory"`
		Coordinator map[string]any    `json:"coordinator"`
		Pending     map[string]string `json:"pending"`
	}
	require.NoError(t, json.Unmarshal([]byte(eval[string](p, `JSON.stringify(clsmForm.getDossier())`)), &d))
	assert.NotContains(t, d.Territory, "population", "not among the answers")
	assert.NotContains(t, d.Territory, "qpvCount")
	assert.NotContains(t, d.Coordinator, "fte")
	assert.Equal(t, 4.0, d.Territory["psychiatricSectors"])
	assert.Equal(t, map[string]string{"/territory/population": "1234567890123456789012345", "/territory/qpvCount": "501", "/coordinator/fte": "0,00000001"}, d.Pending, "but kept, as typed, to be corrected")
	assert.Contains(t, p.text(".clsm-bar-badge"), "Dossier à corriger : 3 réponses invalides")
	saved := eval[string](p, `localStorage.getItem("clsm-autoevaluation")`)
	assert.NotRegexp(t, `\d[eE][-+]?\d`, saved, "no exponent form")
	assert.Contains(t, p.text(q("/territory/population")+" .clsm-error"), "trop grand")
	assert.Contains(t, p.text(q("/territory/qpvCount")+" .clsm-error"), "au plus 500")
	assert.Contains(t, p.text(q("/coordinator/fte")+" .clsm-error"), "après la virgule")

	p.do(chromedp.Reload())
	p.waitReady()
	assert.Equal(t, "1234567890123456789012345", eval[string](p, `document.querySelector("`+q("/territory/population")+` input").value`), "kept as typed")
	assert.Contains(t, p.text(q("/territory/population")+" .clsm-error"), "trop grand")

	// The exported dossier is imported back without a word, the typed text with it.
	p.captureDownloads()
	p.do(chromedp.Click(chromedp.ID("clsm1-export")))
	exported := p.download("dossier-")
	p.do(chromedp.Click(chromedp.ID("clsm1-reset")), chromedp.Click(chromedp.Search(`//button[text()="Tout effacer"]`)))
	p.importFile("nombres.json", []byte(exported))
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`clsmForm.getDossier().territory?.psychiatricSectors === 4`, chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err)
	assert.Equal(t, "", p.text(".clsm-alert"))
	assert.Equal(t, "1234567890123456789012345", eval[string](p, `document.querySelector("`+q("/territory/population")+` input").value`), "read back as typed")
	assert.Contains(t, p.text(".clsm-status"), "3 réponses en attente sont reprises")
	p.noEnglish()
}

// hostileCases are saved states (put in the local storage before a reload)
// and import files, each with what the page must say in French. In every
// case the page must keep working and show no English error text.
var hostileCases = []struct {
	file  string        // under testdata/hostile; saved-* are saved states, import-* import files
	gen   func() []byte // content made by the test, when there is no file
	want  []string      // what the page says (no-break spaces read as spaces)
	aside bool          // a saved state that must be set aside, offered for export
	check func(*page)   // anything else to check
}{
	{file: "saved-raw-number.json", aside: true, want: []string{"n'ont pas pu être relues (les saisies en attente ne sont pas une liste de textes)", "mises de côté", "repart d'un dossier vide"}},
	{file: "saved-raw-array.json", aside: true, want: []string{"les saisies en attente ne sont pas une liste de textes"}},
	{file: "saved-dossier-array.json", aside: true, want: []string{"le dossier enregistré n'est pas un objet JSON"}},
	{file: "saved-truncated.txt", aside: true, want: []string{"elles ne sont pas du JSON lisible"}},
	{file: "saved-null.json", aside: true, want: []string{"l'enregistrement n'est pas un objet JSON"}},
	{file: "saved-referential-object.json", aside: true, want: []string{"le champ « referential » de l'enregistrement n'est pas un texte"}},
	{file: "saved-unreadable-dossier.json", aside: true, want: []string{"le vérificateur ne sait pas lire le dossier enregistré", "« nom »"}},
	{file: "saved-nested.json", aside: true, want: []string{"le vérificateur ne sait pas lire le dossier enregistré"}},
	{file: "saved-garbage", gen: func() []byte { return []byte("\x00\x01 ceci n'est pas du JSON \ufffd") }, aside: true, want: []string{"pas du JSON lisible"}},
	{file: "saved-oversized", aside: true, gen: func() []byte {
		return []byte(`{"version":1,"dossier":{"schemaVersion":2,"notes":"` + strings.Repeat("a", 1200000) + `"},"raw":{}}`)
	}, want: []string{"le vérificateur ne sait pas lire le dossier enregistré", "trop grand"}},
	{file: "saved-deep-notes", aside: true, gen: func() []byte {
		return []byte(`{"version":1,"dossier":{"schemaVersion":2,"notes":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}}`)
	}, want: []string{"le dossier enregistré est imbriqué sur plus de 10", "mises de côté"}},
	{file: "saved-exponent-numbers.json", want: []string{"Nombre bien trop grand", "Trop de chiffres après la virgule", "Dossier à corriger : 2 réponses invalides"}, check: func(p *page) {
		assert.Equal(p.t, "110000000000000000000000000000", eval[string](p, `document.querySelector("`+q("/territory/population")+` input").value`), "written out, never 1.1e+29")
		assert.Equal(p.t, "CLSM de Lodève", eval[string](p, `clsmForm.getDossier().name`), "the other answers are kept")
		// Pending answers: no verdict until they are corrected (here, cleared).
		p.typeOver(q("/territory/population")+" input", "")
		p.typeOver(q("/coordinator/fte")+" input", "")
	}},
	{file: "saved-bad-dates.json", want: []string{"La date d'évaluation enregistrée n'est pas un jour valide", "à une date inconnue"}, check: func(p *page) {
		assert.Equal(p.t, "CLSM de Lodève", eval[string](p, `clsmForm.getDossier().name`))
	}},
	{file: "saved-future-version.json", aside: true, want: []string{"Ce dossier se dit au format 7", "elle lit les formats 1 et 2"}},
	{file: "import-exponent.json", want: []string{"n'est pas un dossier lisible ; vos réponses actuelles sont conservées", "1.1e29 est bien trop grand"}},
	{file: "import-array.json", want: []string{"n'est pas un dossier lisible"}},
	{file: "import-duplicate-key.json", want: []string{"n'est pas un dossier lisible", "name"}},
	{file: "import-garbage.bin", want: []string{"n'est pas un dossier lisible"}},
	{file: "import-oversized.json", gen: func() []byte {
		return []byte(`{"schemaVersion":2,"notes":"` + strings.Repeat("a", 3<<20) + `"}`)
	}, want: []string{"est trop gros pour être un dossier", "vos réponses actuelles sont conservées"}},
	{file: "import-referential.json", gen: func() []byte { data, _ := examples.Referential("aveyron-exemple"); return data }, want: []string{"n'est pas un dossier lisible"}},
	{file: "import-invalid-stage.json", want: []string{"Dossier à corriger : 1 réponse invalide"}},
}

// TestHostileCorpus loads each hostile saved state or import file into one
// page and checks the French outcome.
func TestHostileCorpus(t *testing.T) {
	p := openForm(t)
	for _, tc := range hostileCases {
		t.Run(tc.file, func(t *testing.T) {
			p := &page{t: t, ctx: p.ctx, url: p.url, dir: p.dir, server: p.server}
			content := tc.gen
			var data []byte
			if content != nil {
				data = content()
			} else {
				var err error
				data, err = os.ReadFile(filepath.Join("testdata", "hostile", tc.file))
				require.NoError(t, err)
			}
			eval[bool](p, `(() => { localStorage.clear(); return true; })()`)
			if strings.HasPrefix(tc.file, "saved-") {
				js, _ := json.Marshal(string(data))
				eval[bool](p, `(() => { localStorage.setItem("clsm-autoevaluation", `+string(js)+`); return true; })()`)
				p.do(chromedp.Reload())
				p.waitReady()
			} else {
				p.do(chromedp.Reload())
				p.waitReady()
				p.importFile(tc.file, data)
				_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector(".clsm-alert").textContent !== "" || document.querySelector(".clsm-badge--invalid") !== null`))
				require.NoError(t, err)
			}
			page := p.text("#app")
			for _, w := range tc.want {
				if !strings.Contains(page, w) {
					t.Errorf("the page does not say %q; its messages: %s", w, p.text(".clsm-status, .clsm-notices, .clsm-alert, .clsm-error:not([hidden]), .clsm-badge"))
				}
			}
			if tc.aside {
				keys := eval[[]string](p, `Object.keys(localStorage).filter(k => k.startsWith("clsm-autoevaluation-recuperation-"))`)
				require.Len(t, keys, 1, "the saved state is kept aside")
				assert.Equal(t, string(data), eval[string](p, `localStorage.getItem(`+"`"+keys[0]+"`"+`)`), "as it was")
				assert.Equal(t, `{"schemaVersion":2}`, eval[string](p, `JSON.stringify(clsmForm.getDossier())`), "the form starts clean")
				p.captureDownloads()
				p.do(chromedp.Click(chromedp.CSS(".clsm-export-recovered")))
				assert.Equal(t, string(data), p.download("reponses-mises-de-cote-"), "offered for export as it was")
			}
			if tc.check != nil {
				tc.check(p)
			}
			p.noEnglish()
			p.stillWorks()
			p.noEnglish()
		})
	}
}

// TestIntegrationErrorsAreTold: a referential the page's policy refuses, and
// two elements sharing one storage key; the host page hears both, in French.
func TestIntegrationErrorsAreTold(t *testing.T) {
	p := openDemo(t, "erreurs.html")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelectorAll("clsm-autoevaluation .clsm-badge").length === 3 && document.querySelectorAll("#erreurs-hote li").length >= 2`))
	require.NoError(t, err)
	msg := p.text("#ae-reseau .clsm-element-error")
	assert.Contains(t, msg, "n'a pas pu être chargé : le serveur n'a pas répondu")
	assert.Contains(t, msg, "Le formulaire utilise le socle national à la place.")
	host := p.text(`#erreurs-hote li[data-from="ae-reseau"]`)
	assert.Equal(t, msg, host, "the host page hears the same message")

	assert.Equal(t, "", p.text("#ae-double-1 .clsm-notice"), "the first element keeps its key")
	dup := p.text("#ae-double-2 .clsm-notice")
	assert.Contains(t, dup, "la même clé d'enregistrement « demo-double »")
	assert.Contains(t, dup, "« demo-double-2 »")
	assert.Contains(t, p.text(`#erreurs-hote li[data-code="duplicate_storage_key"]`), "demo-double-2")
	// Two dossiers, not one.
	p.do(chromedp.SendKeys(chromedp.CSS(`#ae-double-1 [data-path="/name"] input`), "CLSM de Cahors"))
	assert.Equal(t, "", eval[string](p, `document.querySelector('#ae-double-2 [data-path="/name"] input').value`))
	p.do(chromedp.SendKeys(chromedp.CSS(`#ae-double-2 [data-path="/name"] input`), "CLSM d'Arras"))
	p.do(chromedp.Reload())
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelectorAll("clsm-autoevaluation .clsm-badge").length === 3`))
	require.NoError(t, err)
	assert.Equal(t, "CLSM de Cahors", eval[string](p, `document.getElementById("ae-double-1").getDossier().name`))
	assert.Equal(t, "CLSM d'Arras", eval[string](p, `document.getElementById("ae-double-2").getDossier().name`))
	p.noEnglish()

	// Browser errors become French.
	assert.Equal(t, "Le serveur n'a pas répondu (connexion impossible, ou adresse refusée par la politique de sécurité de la page).",
		eval[string](p, `import("../clsm.js").then(m => m.errorMessage(new TypeError("Failed to fetch")))`))
	assert.Equal(t, "Erreur inattendue du navigateur.", eval[string](p, `import("../clsm.js").then(m => m.errorMessage(new Error("Maximum call stack size exceeded")))`))
}

// TestBrokenReferentialURLWithSavedCopy: when the ARS's referential cannot
// be fetched but a copy was saved on an earlier visit, the message says the
// copy is used, not the national baseline.
func TestBrokenReferentialURLWithSavedCopy(t *testing.T) {
	p := openDemo(t, "broken.html")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`!!document.querySelector("#ae-casse .clsm-badge")`))
	require.NoError(t, err)
	ref, _ := examples.Referential("aveyron-exemple")
	state, _ := json.Marshal(map[string]any{"version": 1, "dossier": map[string]any{"schemaVersion": 2, "name": "CLSM de Millau"}, "raw": map[string]any{}, "referential": "custom", "custom": string(ref)})
	js, _ := json.Marshal(string(state))
	eval[bool](p, `(() => { localStorage.setItem("demo-casse", `+string(js)+`); return true; })()`)
	p.do(chromedp.Reload())
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`!!document.querySelector("#ae-casse .clsm-element-error") && !!document.querySelector("#ae-casse .clsm-badge")`))
	require.NoError(t, err)
	msg := p.text("#ae-casse .clsm-element-error")
	assert.Contains(t, msg, "404")
	assert.Contains(t, msg, "la copie de ce référentiel")
	assert.Contains(t, msg, "enregistrée dans ce navigateur")
	assert.NotContains(t, msg, "socle national")
	assert.Equal(t, "dd12-exemple", eval[string](p, `document.getElementById("ae-casse").report.referential.id`))
	assert.Equal(t, "CLSM de Millau", eval[string](p, `document.getElementById("ae-casse").getDossier().name`))
	p.noEnglish()
}

// TestClosedGroupsShowTheirRulesWhenOpened: the groups of rules closed at
// first (met, not answered) are written when opened, with every rule of
// their outcome, each linked to its question where it has one.
func TestClosedGroupsShowTheirRulesWhenOpened(t *testing.T) {
	p := openForm(t)
	p.choose("#clsm1-ref", "idf")
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	for _, outcome := range []string{"met", "unknown"} {
		group := ".clsm-findings-group--" + outcome
		want := eval[[]string](p, `clsmForm.report.findings.filter((f) => f.outcome === `+jsString(outcome)+`).map((f) => f.ruleId)`)
		if len(want) == 0 {
			continue
		}
		assert.False(t, eval[bool](p, `document.querySelector(`+jsString(group)+`).open`), "%s: closed at first", outcome)
		p.do(chromedp.Click(chromedp.CSS(group + " > summary")))
		// The browser fires « toggle » in a task of its own, after the click:
		// wait for it (at most 10 s), then compare.
		ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
		_, _ = chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll(`+jsString(group+" .clsm-finding")+`).length > 0`))
		cancel()
		assert.Equal(t, want, eval[[]string](p, `[...document.querySelectorAll(`+jsString(group+" .clsm-finding")+`)].map((e) => e.dataset.rule)`), outcome)
	}
}

// TestElementReportsItsOwnErrors: the element tells the host page, by
// « clsm-error », what it cannot do as asked — an evaluation date that is not
// a day, a referential too large (by its Content-Length, or by its bytes when
// the server sends none), not UTF-8 — and each time the form still works.
func TestElementReportsItsOwnErrors(t *testing.T) {
	const big = 3 << 20
	mux := http.NewServeMux()
	mux.HandleFunc("/essai/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title>
<script>window.__errors = {}; document.addEventListener("clsm-error", (e) => { window.__errors[e.target.id] = e.detail; });</script>
<script type="module" src="/clsm-element.js"></script></head><body><main>
<clsm-autoevaluation id="date" date="2026-02-30" stockage="e1"></clsm-autoevaluation>
<clsm-autoevaluation id="declared" referentiel-url="/essai/declared.json" stockage="e2"></clsm-autoevaluation>
<clsm-autoevaluation id="streamed" referentiel-url="/essai/streamed.json" stockage="e3"></clsm-autoevaluation>
<clsm-autoevaluation id="latin1" referentiel-url="/essai/latin1.json" stockage="e4"></clsm-autoevaluation>
</main></body></html>`)
	})
	// A large body, written in chunks: with its length declared, or without.
	write := func(w http.ResponseWriter, declared bool) {
		w.Header().Set("Content-Type", "application/json")
		if declared {
			w.Header().Set("Content-Length", strconv.Itoa(big))
		}
		chunk := bytes.Repeat([]byte(" "), 64<<10)
		for n := 0; n < big; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			if f, ok := w.(http.Flusher); ok {
				f.Flush()
			}
		}
	}
	mux.HandleFunc("/essai/declared.json", func(w http.ResponseWriter, r *http.Request) { write(w, true) })
	mux.HandleFunc("/essai/streamed.json", func(w http.ResponseWriter, r *http.Request) { write(w, false) })
	mux.HandleFunc("/essai/latin1.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, "{\"schemaVersion\": 1, \"id\": \"x\", \"name\": \"R\xe9f\xe9rentiel\"}")
	})
	mux.Handle("/", site.Handler(builtSite(t)))
	p := pageOn(t, mux, "/essai/page.html")
	p.do(chromedp.Navigate(p.url))
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`Object.keys(window.__errors).length === 4 && document.querySelectorAll("clsm-autoevaluation .clsm-badge").length === 4`))
	require.NoError(t, err, "four errors told to the page, four forms working")
	errs := eval[map[string]struct{ Code, Message string }](p, `window.__errors`)
	assert.Equal(t, "invalid_date", errs["date"].Code)
	assert.Contains(t, errs["date"].Message, "« 2026-02-30 »")
	assert.Equal(t, "referential_unavailable", errs["declared"].Code)
	assert.Contains(t, errs["declared"].Message, "le fichier fait 3\u202f145\u202f728\u00a0octets, plus que la taille maximale d'un référentiel")
	assert.Equal(t, "referential_unavailable", errs["streamed"].Code)
	assert.Contains(t, errs["streamed"].Message, "le fichier fait plus de 1\u202f048\u202f576\u00a0octets")
	assert.Equal(t, "referential_unavailable", errs["latin1"].Code)
	assert.Contains(t, errs["latin1"].Message, "n'est pas en UTF-8")
	assert.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, eval[string](p, `document.getElementById("date").report.evaluatedOn`), "an invalid date gives way to the day itself")
}

// TestPTSMAbsentKeptNotOffered: the form does not offer « absent du
// territoire » for the PTSM (the law gives every territory one), says why,
// and still shows that answer in a dossier that gave it, assessed as the gap.
func TestPTSMAbsentKeptNotOffered(t *testing.T) {
	p := openForm(t)
	p.choose("#clsm1-ref", "idf")
	sel := q("/articulations/ptsm") + " select"
	offered := eval[[]string](p, `[...document.querySelector('`+sel+`').options].map((o) => o.value)`)
	assert.Equal(t, []string{"", "yes", "no"}, offered, "no « absent » for the PTSM")
	assert.Contains(t, p.text(q("/articulations/ptsm")), "article L3221-2")
	cls := eval[[]string](p, `[...document.querySelector('`+q("/articulations/cls")+` select').options].map((o) => o.value)`)
	assert.Equal(t, []string{"", "yes", "no", "absent"}, cls, "a CLS may truly be absent")

	eval[bool](p, `clsmForm.setDossier({schemaVersion: 2, stage: "active", articulations: {ptsm: "absent"}}).then(() => true)`)
	assert.Equal(t, "absent", eval[string](p, `document.querySelector('`+sel+`').value`), "the answer given is kept")
	assert.Equal(t, "Absent du territoire (réponse à vérifier)", eval[string](p, `document.querySelector('`+sel+`').selectedOptions[0].textContent`))
	assert.Equal(t, "absent", eval[string](p, `clsmForm.getDossier().articulations.ptsm`))
	assert.Equal(t, "unmet", p.summary().Outcomes["idf-ptsm"], "assessed as the gap")
}
