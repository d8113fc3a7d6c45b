//go:build !(js && wasm)

package browser_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/examples/generate/gen"
)

// The regional page (region.html and its <clsm-region> element): the ARS
// gives many files, the checker evaluates them in a Web Worker of the page,
// and the page shows the summary, the table, the charts and the files set
// aside.

// broken are the two files of the regional test that are not dossiers: one
// is not JSON, the other has a stage the format does not know.
var broken = map[string]string{
	"casse.json":    `{"schemaVersion": 2, "name": "CLSM tronqué`,
	"invalide.json": `{"schemaVersion": 2, "name": "CLSM au stade inconnu", "stage": "actif"}`,
}

// regionFiles writes n generated dossiers and the broken files into a new
// directory and returns their paths.
func regionFiles(t testing.TB, n int, withBroken bool) []string {
	t.Helper()
	dir := t.TempDir()
	files := gen.Dossiers(1, n)
	if withBroken {
		for name, text := range broken {
			files[name] = []byte(text)
		}
	}
	var paths []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, files[name], 0o644))
		paths = append(paths, p)
	}
	return paths
}

// openRegion opens region.html on a fresh origin, recording any
// Content-Security-Policy violation from the start, and waits until the
// element has its list of referentials (the checker is running in its
// worker).
func openRegion(t testing.TB) *page {
	t.Helper()
	p := sitePage(t, "/region.html")
	p.recordCSP()
	p.do(chromedp.Navigate(p.url))
	p.waitReady()
	return p
}

// giveFiles chooses files with the element's « fichiers JSON » input and
// waits for the summary.
func (p *page) giveFiles(paths []string) {
	p.t.Helper()
	eval[bool](p, `(() => { delete clsmRegion.dataset.state; return true; })()`)
	p.do(chromedp.SetUploadFiles(chromedp.ID("clsm-region1-files"), paths))
	p.waitSummary()
}

func (p *page) waitSummary() {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`clsmRegion.dataset.state === "done"`))
	require.NoError(p.t, err, "no summary")
}

// column returns the text of one column of the table of CLSM, as shown.
func (p *page) column(n int) []string {
	p.t.Helper()
	return eval[[]string](p, fmt.Sprintf(`[...document.querySelectorAll("#clsm-region1-clsm-table tbody tr")].map(r => r.children[%d].textContent.replace(/[\u00a0\u202f]/g, " "))`, n))
}

func TestRegionalPage(t *testing.T) {
	p := openRegion(t)
	assert.Equal(t, "auto", eval[string](p, `document.getElementById("clsm-region1-ref").value`), "the region of the dossiers chooses, unless the page or the person does")
	p.choose("#clsm-region1-ref", "occitanie")
	p.choose("#clsm-region1-date", "2026-11-22")
	p.captureDownloads()
	p.giveFiles(regionFiles(t, 18, true))

	var r struct {
		Files, Assessed int
		Referential     struct{ ID string }
		EvaluatedOn     string
		CLSM            []struct{ Level, Department string }
		Departments     []struct {
			Code   string
			Levels map[string]int
		}
		Invalid []struct{ File string }
	}
	require.NoError(t, json.Unmarshal([]byte(eval[string](p, `JSON.stringify(clsmRegion.report)`)), &r))
	assert.Equal(t, 20, r.Files)
	assert.Equal(t, 18, r.Assessed)
	assert.Equal(t, "occitanie", r.Referential.ID)
	assert.Equal(t, "2026-11-22", r.EvaluatedOn)
	require.Len(t, r.Invalid, 2)

	// The summary, told in the polite live region too.
	assert.Contains(t, p.text(".clsm-region__counts"), "20 fichiers lus : 18 dossiers évalués, 2 fichiers à corriger ou illisibles.")
	assert.Equal(t, "polite", eval[string](p, `document.getElementById("clsm-region1-status").getAttribute("aria-live")`))
	assert.Contains(t, p.text("#clsm-region1-status"), "Synthèse prête : 20 fichiers lus, 18 dossiers évalués, 2 fichiers à corriger ou illisibles.")
	assert.Contains(t, p.text(".clsm-region__meta"), "22 novembre 2026")

	// The files set aside, with their French problems.
	invalid := p.text(".clsm-region__invalid")
	assert.Contains(t, invalid, "casse.json")
	assert.Contains(t, invalid, "invalide.json (CLSM au stade inconnu)")
	assert.Contains(t, invalid, "JSON valide")
	assert.Contains(t, invalid, "/stage")
	p.noEnglish()
	assert.Empty(t, eval[[]string](p, `(() => { const out = []; const w = document.createTreeWalker(document.querySelector(".clsm-region"), NodeFilter.SHOW_TEXT);
		for (let n; (n = w.nextNode());) { if (/ [:;?!»]|« /.test(n.data)) out.push(n.data.slice(0, 120)); }
		return out; })()`), "French typography: no-break spaces")

	// The table: every CLSM, sorted by name first.
	names := p.column(0)
	require.Len(t, names, 18)
	assert.True(t, slices.IsSortedFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }), "sorted by name: %v", names)
	assert.Equal(t, "ascending", eval[string](p, `document.querySelector("#clsm-region1-clsm-table th[data-key=name]").getAttribute("aria-sort")`))

	// Sorting by the level: the button, then aria-sort on its header only.
	rank := map[string]int{"Prêt à déposer": 0, readyKnown: 0, "Presque prêt": 1, "En construction": 2, "À compléter": 3}
	ranks := func() []int {
		var out []int
		for _, l := range p.column(1) {
			v, ok := rank[l]
			require.True(t, ok, "unknown level %q", l)
			out = append(out, v)
		}
		return out
	}
	p.do(chromedp.Click(chromedp.CSS(`#clsm-region1-clsm-table th[data-key=level] button`)))
	assert.True(t, slices.IsSorted(ranks()), "ascending level")
	assert.Equal(t, "ascending", eval[string](p, `document.querySelector("#clsm-region1-clsm-table th[data-key=level]").getAttribute("aria-sort")`))
	assert.False(t, eval[bool](p, `document.querySelector("#clsm-region1-clsm-table th[data-key=name]").hasAttribute("aria-sort")`))
	p.do(chromedp.Click(chromedp.CSS(`#clsm-region1-clsm-table th[data-key=level] button`)))
	desc := ranks()
	slices.Reverse(desc)
	assert.True(t, slices.IsSorted(desc), "descending level")
	assert.Equal(t, "descending", eval[string](p, `document.querySelector("#clsm-region1-clsm-table th[data-key=level]").getAttribute("aria-sort")`))

	// Filtering by department, then by level too.
	dept := r.Departments[0]
	inDept := 0
	for _, n := range dept.Levels {
		inDept += n
	}
	p.choose("#clsm-region1-filter-dept", dept.Code)
	assert.Len(t, p.column(0), inDept)
	assert.Contains(t, p.text("#clsm-region1-shown"), "sur 18.") // « 3 CLSM affichés sur 18. »
	assert.Equal(t, "status", eval[string](p, `document.getElementById("clsm-region1-shown").getAttribute("role")`))
	p.choose("#clsm-region1-filter-dept", "*")
	level := r.CLSM[0].Level
	want := 0
	for _, c := range r.CLSM {
		if c.Level == level {
			want++
		}
	}
	p.choose("#clsm-region1-filter-level", level)
	assert.Len(t, p.column(0), want)
	shown := fmt.Sprintf("%d CLSM affichés sur 18.", want)
	if want < 2 {
		shown = fmt.Sprintf("%d CLSM affiché sur 18.", want)
	}
	assert.Equal(t, shown, p.text("#clsm-region1-shown"))
	p.choose("#clsm-region1-filter-level", "*")
	assert.Len(t, p.column(0), 18)
	for _, id := range []string{"clsm-region1-filter-dept", "clsm-region1-filter-level", "clsm-region1-ref", "clsm-region1-date", "clsm-region1-files", "clsm-region1-folder"} {
		assert.NotEmpty(t, p.text(fmt.Sprintf(`label[for=%q]`, id)), "a label for %s", id)
	}

	// The two charts of the Go renderer, each with its title and its table.
	assert.Equal(t, 2, eval[int](p, `document.querySelectorAll(".clsm-region svg[role=img]").length`))
	assert.Contains(t, p.text("#clsm-region1-chart-departments-title"), "par département")
	assert.Equal(t, 2, eval[int](p, `document.querySelectorAll(".clsm-region__chart table caption").length`))

	// Downloads, produced in the page.
	p.do(chromedp.Click(chromedp.ID("clsm-region1-csv")))
	csv := p.download("synthese-regionale-occitanie-2026-11-22.csv")
	assert.True(t, strings.HasPrefix(csv, "Fichier;"), "a CSV for a French spreadsheet")
	bom := eval[[]int](p, `[...window.__blobs.values()].find(b => b.type.startsWith("text/csv")).slice(0, 3).arrayBuffer().then(a => [...new Uint8Array(a)])`)
	assert.Equal(t, []int{0xef, 0xbb, 0xbf}, bom, "the file starts with a byte order mark (Blob.text() hides it)")
	assert.Equal(t, 21, strings.Count(csv, "\r\n")-strings.Count(csv, "\"\r\n"), "a header and one row per file")
	assert.Contains(t, csv, "casse.json")
	p.do(chromedp.Click(chromedp.ID("clsm-region1-html")))
	html := p.download("synthese-regionale-occitanie-2026-11-22.html")
	assert.True(t, strings.HasPrefix(html, "<!DOCTYPE html>"))

	// A new referential recomputes the same files.
	eval[bool](p, `delete clsmRegion.dataset.state; true`)
	p.choose("#clsm-region1-ref", "hdf")
	p.waitSummary()
	assert.Equal(t, "hdf", eval[string](p, `clsmRegion.report.referential.id`))
	assert.Equal(t, 20, eval[int](p, `clsmRegion.report.files`))

	p.noCSPViolation()
	p.noRequestOffOrigin()
}

// noRequestOffOrigin checks every address the page and the element's worker
// asked for: all on the page's origin.
func (p *page) noRequestOffOrigin() {
	p.t.Helper()
	urls := eval[[]string](p, `[location.href, ...performance.getEntriesByType("resource").map(e => e.name)]`)
	worker := eval[[]string](p, `clsmRegion.ask({op: "resources"}).then(r => r.value)`)
	assert.NotEmpty(p.t, worker, "the worker's own requests")
	for _, u := range append(urls, worker...) {
		assert.True(p.t, strings.HasPrefix(u, p.server.URL+"/"), "request to %s", u)
	}
	// The complete checker, with its hash as a query: the form's has no
	// regional view.
	assert.True(p.t, slices.ContainsFunc(worker, func(u string) bool { return strings.Contains(u, "/checker-full.wasm?v=") }), "the worker loads the complete checker: %v", worker)
}

// TestRegionalDrop drops files on the element, as from a file manager.
func TestRegionalDrop(t *testing.T) {
	p := openRegion(t)
	eval[bool](p, `(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([JSON.stringify({schemaVersion: 2, name: "CLSM déposé", stage: "project"})], "depose.json", {type: "application/json"}));
		dt.items.add(new File(["pas du JSON"], "notes.json", {type: "application/json"}));
		const zone = document.getElementById("clsm-region1-drop");
		zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
		zone.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true; })()`)
	p.waitSummary()
	assert.Equal(t, 2, eval[int](p, `clsmRegion.report.files`))
	assert.Equal(t, 1, eval[int](p, `clsmRegion.report.assessed`))
	assert.Equal(t, "notes.json", eval[string](p, `clsmRegion.report.invalid[0].file`))
	assert.Equal(t, []string{"CLSM déposé"}, p.column(0))
}

func TestRegionalAccessibility(t *testing.T) {
	p := openRegion(t)
	p.giveFiles(regionFiles(t, 18, true))
	p.choose("#clsm-region1-filter-level", "in_progress")
	p.auditWCAG()
}

// BenchmarkBrowserRegion measures, in headless Chromium on a page served on
// 127.0.0.1, the time from choosing 1 000 generated dossiers (ten of them
// broken) to the summary shown: reading the files in the page, evaluating
// them in the worker, drawing the table and the charts. It also reports the
// worker's WebAssembly memory after the run.
func BenchmarkBrowserRegion(b *testing.B) {
	p := openRegion(b)
	p.choose("#clsm-region1-date", "2026-11-22")
	paths := regionFiles(b, 1000, false)
	var total, read, worker, evaluation, memory float64
	for b.Loop() {
		p.giveFiles(paths)
		var tm struct{ Read, Worker, Evaluation, Total, WasmMemory float64 }
		require.NoError(b, json.Unmarshal([]byte(eval[string](p, `JSON.stringify(clsmRegion.timings)`)), &tm))
		require.Equal(b, 1000, eval[int](p, `clsmRegion.report.files`))
		total += tm.Total
		read += tm.Read
		worker += tm.Worker
		evaluation += tm.Evaluation
		memory = tm.WasmMemory
	}
	n := float64(b.N)
	b.ReportMetric(total/n, "ms-to-summary")
	b.ReportMetric(read/n, "ms-reading")
	b.ReportMetric(evaluation/n, "ms-evaluating")
	b.ReportMetric(worker/n, "ms-in-worker")
	b.ReportMetric(memory/(1<<20), "MB-wasm-memory")
}
