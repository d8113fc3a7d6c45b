//go:build !(js && wasm)

package site_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
			siteErr = site.AddDemo(siteDir)
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
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return ctx
}

func openForm(t testing.TB) *page {
	t.Helper()
	dir := builtSite(t)
	ctx := newBrowser(t)
	srv := httptest.NewServer(site.Handler(dir))
	t.Cleanup(srv.Close)
	p := &page{t: t, ctx: ctx, url: srv.URL + "/", dir: dir, server: srv}
	p.do(chromedp.Navigate(p.url))
	p.waitReady()
	return p
}

func (p *page) do(steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	require.NoError(p.t, chromedp.Do(p.ctx, steps...))
}

func (p *page) waitReady() {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.documentElement.dataset.clsmReady === "true"`))
	require.NoError(p.t, err, "the form did not start")
}

func eval[T any](p *page, js string) T {
	p.t.Helper()
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

func TestFillFormAndWatchVerdict(t *testing.T) {
	p := openForm(t)
	assert.Equal(t, "À compléter", p.readiness())
	p.choose("#clsm1-ref", "hdf")
	p.choose(q("/stage")+" select", "project")
	p.choose(q("/governance/president/role")+" select", "mayor")
	assert.Equal(t, "Presque prêt", p.readiness(), "one required rule met, the other not answered yet")
	p.do(chromedp.Click(chromedp.CSS(q("/governance/psychiatryCoLeads") + ` label[for$="-true"]`)))
	assert.Equal(t, "Prêt à déposer", p.readiness())
	p.do(chromedp.Click(chromedp.CSS(q("/governance/psychiatryCoLeads") + ` label[for$="-false"]`)))
	assert.Equal(t, "En construction", p.readiness(), "one of two required rules is not met")
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
	p.choose("#clsm1-ref", "idf")
	p.choose("#clsm1-example", "hauts-de-france-roubaix-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	before := p.summary()
	require.Equal(t, "almost_ready", before.Level)

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
	p.do(chromedp.Click(chromedp.CSS(`.clsm-findings-group--unmet .clsm-finding[data-rule="idf-cellule-charte"] .clsm-goto`)))
	path := eval[string](p, `document.activeElement.closest(".clsm-question").dataset.path`)
	assert.Equal(t, "/complexSituations/ethicalCharter", path)
	// A next step links to its question too.
	p.do(chromedp.Click(chromedp.CSS(`.clsm-steps li .clsm-goto`)))
	assert.Equal(t, "/complexSituations/ethicalCharter", eval[string](p, `document.activeElement.closest(".clsm-question").dataset.path`))
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
	axe, err := os.ReadFile(filepath.Join("..", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		msg := "axe-core absent : lancez « npm ci » dans le dossier wasm pour l'audit d'accessibilité"
		if os.Getenv("CLSM_REQUIRE_BROWSER") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	p := openForm(t)
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	eval[bool](p, string(axe)+"; true")
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
	assert.Equal(t, "Prêt à déposer", p.readiness(), "Hauts-de-France, project stage: the elected president and the co-animation are met")
}

// BenchmarkBrowserStartup measures, in headless Chromium on a page served on
// 127.0.0.1, the time from the navigation to a usable form (questions shown
// and a first verdict computed). Each iteration is a fresh origin and a fresh
// cache: a first visit.
func BenchmarkBrowserStartup(b *testing.B) {
	dir := builtSite(b)
	ctx := newBrowser(b)
	var script, checker, usable, verdict float64
	for i := 0; b.Loop(); i++ {
		srv := httptest.NewServer(site.Handler(dir))
		tab, cancel := chromedp.NewContext(ctx)
		p := &page{t: b, ctx: tab, url: srv.URL + "/", server: srv}
		p.do(chromedp.Navigate(p.url))
		p.waitReady()
		script += eval[float64](p, `clsmScriptAt`)
		checker += eval[float64](p, `clsmCheckerAt`)
		usable += eval[float64](p, `clsmUsableAt`)
		verdict += eval[float64](p, `clsmVerdictAt`)
		cancel()
		srv.Close()
	}
	n := float64(b.N)
	b.ReportMetric(script/n, "ms-to-script")
	b.ReportMetric(checker/n, "ms-to-checker")
	b.ReportMetric(usable/n, "ms-to-usable-form")
	b.ReportMetric(verdict/n, "ms-to-first-verdict")
}

// BenchmarkBrowserVerdict measures the time from an answer to the updated
// verdict in the page: the change handler re-assesses the dossier and redraws
// the summary synchronously, so the time around dispatching the change event
// is the whole update. It reports the median and the 90th percentile over
// 200 answers on a full example dossier, after the first one.
func BenchmarkBrowserVerdict(b *testing.B) {
	p := openForm(b)
	p.choose("#clsm1-ref", "idf")
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	var median, p90 float64
	for b.Loop() {
		raw := eval[string](p, `(() => {
			const radios = [...document.querySelectorAll('#clsm1-q-complexSituations-ethicalCharter input[type=radio]')];
			const times = [];
			for (let i = 0; i < 200; i++) {
				const r = radios[i % 2];
				r.checked = true;
				const t0 = performance.now();
				r.dispatchEvent(new Event("change", {bubbles: true}));
				times.push(performance.now() - t0);
			}
			times.sort((a, b) => a - b);
			return JSON.stringify([times[100], times[180]]);
		})()`)
		var m []float64
		require.NoError(b, json.Unmarshal([]byte(raw), &m))
		median, p90 = m[0], m[1]
	}
	b.ReportMetric(median, "ms-median-per-verdict")
	b.ReportMetric(p90, "ms-p90-per-verdict")
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
	dir := builtSite(t)
	ctx := newBrowser(t)
	srv := httptest.NewServer(site.Handler(dir))
	t.Cleanup(srv.Close)
	p := &page{t: t, ctx: ctx, url: srv.URL + "/demo/" + name, dir: dir, server: srv}
	_, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`,
	})
	require.NoError(t, err)
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

func TestESModuleAPIPage(t *testing.T) {
	p := openDemo(t, "api.html")
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById("etat").textContent === "Vérificateur prêt."`))
	require.NoError(t, err)
	p.choose("#referentiel", "idf")
	p.choose("#exemple", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("evaluer")))
	assert.Equal(t, "almost_ready", eval[string](p, `document.getElementById("verdict").dataset.level`))
	assert.Contains(t, eval[string](p, `document.getElementById("etapes").textContent`), "charte éthique")
	// A broken dossier gives the French problems, not an exception.
	p.do(chromedp.SetValue(chromedp.ID("dossier"), `{"schemaVersion": 1, "coordinator": {"ftee": 1}}`), chromedp.Click(chromedp.ID("evaluer")))
	assert.Contains(t, eval[string](p, `document.getElementById("problemes").textContent`), "fte")
	p.noCSPViolation()
}

// TestServedHeaders checks what an ARS's server must send: the policy, the
// WebAssembly type, and long caching only for the hashed checker.
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
