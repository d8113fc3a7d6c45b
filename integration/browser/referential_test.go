//go:build !(js && wasm)

package browser_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/wasm/site"
)

// The referential a dossier is judged by is that of its region, said out
// loud: answering the department, loading an example or importing switches
// to it with a notice and a way back, unless the page fixed one; the verdict
// bar names it. A text typed into a number or date question that is not yet
// a value makes the dossier one to correct, in the bar, the summary and the
// printed report, and it travels with the exported file.

// refNotice is the text of the notice that says which referential applies.
func (p *page) refNotice() string {
	p.t.Helper()
	return strings.ReplaceAll(eval[string](p, `(document.getElementById("clsm1-ref-notice") || {}).textContent || ""`), "\u00a0", " ")
}

// typeOver replaces the text of a field as typing does: its value, then the
// input event.
func (p *page) typeOver(sel, text string) {
	p.t.Helper()
	ok := eval[bool](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return false; e.value = %q; e.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, sel, text))
	require.True(p.t, ok, "no field %s", sel)
	p.settle()
}

// TestDepartmentSwitchesTheReferential: a new user who answers Département
// « 93 » is judged by Île-de-France's cahier des charges (56 required rules,
// not the national socle's 8), is told so, and can go back; a referential
// chosen by hand is then kept.
func TestDepartmentSwitchesTheReferential(t *testing.T) {
	p := openForm(t)
	assert.Equal(t, "national", eval[string](p, `document.getElementById("clsm1-ref").value`))
	assert.Contains(t, p.text("#clsm1-bar-ref"), "Socle national", "the bar names the referential it judged by")

	p.choose(q("/territory/department")+" select", "93")
	assert.Equal(t, "idf", eval[string](p, `document.getElementById("clsm1-ref").value`))
	assert.Equal(t, "idf", eval[string](p, `clsmForm.report.referential.id`))
	assert.Contains(t, p.refNotice(), "Le référentiel Île-de-France s'applique désormais à ce dossier (département 93).")
	assert.Contains(t, p.refNotice(), "Revenir au socle national")
	assert.Contains(t, p.text("#clsm1-bar-ref"), "Île-de-France")
	assert.Equal(t, "93", eval[string](p, `document.querySelector("`+q("/territory/department")+` select").value`), "the answer stays")

	// Undo: back to the national socle, kept as the person's choice.
	p.do(chromedp.Click(chromedp.ID("clsm1-ref-undo")))
	assert.Equal(t, "national", eval[string](p, `document.getElementById("clsm1-ref").value`))
	assert.Equal(t, "national", eval[string](p, `clsmForm.report.referential.id`))
	assert.Contains(t, p.refNotice(), "Le socle national s'applique de nouveau à ce dossier")
	assert.Contains(t, p.text("#clsm1-bar-ref"), "Socle national")
	p.choose(q("/territory/department")+" select", "59")
	assert.Equal(t, "national", eval[string](p, `document.getElementById("clsm1-ref").value`), "a choice made by hand is kept")
	p.do(chromedp.Reload())
	p.waitReady()
	assert.Equal(t, "national", eval[string](p, `document.getElementById("clsm1-ref").value`), "and remembered")

	// A referential chosen in the list is kept too.
	p.choose("#clsm1-ref", "occitanie")
	p.choose(q("/territory/department")+" select", "93")
	assert.Equal(t, "occitanie", eval[string](p, `clsmForm.report.referential.id`))
	p.noEnglish()
}

// TestExampleIsJudgedByItsRegion: « Charger cet exemple » on Montreuil gives
// the Île-de-France verdict, as importing the same file does.
func TestExampleIsJudgedByItsRegion(t *testing.T) {
	p := openForm(t)
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	assert.Equal(t, "idf", eval[string](p, `document.getElementById("clsm1-ref").value`))
	assert.Equal(t, "idf", eval[string](p, `clsmForm.report.referential.id`))
	assert.Contains(t, p.refNotice(), "Le référentiel Île-de-France s'applique désormais à ce dossier (département 93).")
	assert.Contains(t, p.text("#clsm1-bar-ref"), "Île-de-France")
	want := goReport(t, "ile-de-france-montreuil-actif", "idf", eval[string](p, `clsmForm.date`))
	assert.Equal(t, want.Readiness.Label, p.readiness(), "the verdict the checker gives under Île-de-France")

	// Importing the same file: the same referential, the same verdict.
	data, ok := examples.Dossier("ile-de-france-montreuil-actif")
	require.True(t, ok)
	p.choose("#clsm1-ref", "national")
	p.importFile("montreuil.json", data)
	p.do(chromedp.Click(chromedp.CSS(".clsm-dialog-confirm")))
	assert.Equal(t, "idf", eval[string](p, `clsmForm.report.referential.id`))
	assert.Equal(t, want.Readiness.Label, p.readiness())
}

// TestFixedReferentialDoesNotSwitch: an element whose page names its
// referential keeps it, whatever the department answered.
func TestFixedReferentialDoesNotSwitch(t *testing.T) {
	dir := builtSite(t)
	mux := http.NewServeMux()
	mux.Handle("/", site.Handler(dir))
	mux.HandleFunc("/fixe.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Référentiel imposé</title>
<script type="module" src="/clsm-element.js"></script></head><body><main>
<clsm-autoevaluation id="ae" referentiel="national" stockage="fixe"></clsm-autoevaluation></main></body></html>`))
	})
	p := pageOn(t, mux, "/fixe.html")
	p.do(chromedp.Navigate(p.url))
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`!!document.getElementById("ae").report`))
	require.NoError(t, err)
	sel := `#ae [data-path="/territory/department"] select`
	eval[bool](p, `(() => { const s = document.querySelector('`+sel+`'); s.value = "93"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById("ae").getDossier().territory?.department === "93"`))
	require.NoError(t, err)
	assert.Equal(t, "national", eval[string](p, `document.getElementById("ae").report.referential.id`))
	assert.Equal(t, "national", eval[string](p, `document.querySelector("#ae select[id$='-ref']").value`))
	assert.Empty(t, eval[string](p, `(document.querySelector("#ae .clsm-ref-notice") || {}).textContent || ""`), "no switch, no notice")

	// Nor does a dossier the page sets.
	data, _ := examples.Dossier("ile-de-france-montreuil-actif")
	eval[bool](p, `(() => { document.getElementById("ae").setDossier(`+string(data)+`); return true; })()`)
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById("ae").report?.dossier?.name === "CLSM de Montreuil (exemple fictif)"`))
	require.NoError(t, err)
	assert.Equal(t, "national", eval[string](p, `document.getElementById("ae").report.referential.id`))
}

// TestPendingNumberIsToCorrect: « environ 98 000 » typed in Population is
// not a value yet: the bar, the summary and the printed report say « Dossier
// à corriger », the element's report is gone, and the text goes out with the
// export and comes back with the import.
func TestPendingNumberIsToCorrect(t *testing.T) {
	p := openForm(t)
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	require.NotEmpty(t, p.readiness())
	eval[bool](p, `(() => { window.__invalid = null; document.addEventListener("clsm-invalid", (e) => { window.__invalid = e.detail; }); return true; })()`)

	input := q("/territory/population") + " input"
	p.typeOver(input, "environ 98 000")
	assert.Contains(t, p.text(".clsm-bar-badge"), "Dossier à corriger")
	assert.Contains(t, p.text("#clsm1-readiness"), "Dossier à corriger")
	assert.NotContains(t, p.text(".clsm-bar"), "Prêt")
	assert.Contains(t, p.text("#clsm1-bar-ref"), "Île-de-France")
	assert.True(t, eval[bool](p, `clsmForm.report === null`))
	assert.Equal(t, "invalid_dossier", eval[string](p, `window.__invalid && window.__invalid.code`), "the event an invalid dossier gets")
	assert.Contains(t, p.text(q("/territory/population")+" .clsm-error"), "pas un nombre entier")
	assert.Equal(t, 1, eval[int](p, `document.querySelectorAll("`+q("/territory/population")+` .clsm-error-line").length`), "one message beside the question, not two")

	// The printed report says it too.
	eval[bool](p, `(() => { window.print = () => { window.__printed = document.querySelector(".clsm-print-area").textContent; }; return true; })()`)
	p.do(chromedp.Click(chromedp.ID("clsm1-print")))
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`typeof window.__printed === "string"`))
	require.NoError(t, err)
	printed := strings.ReplaceAll(eval[string](p, `window.__printed`), "\u00a0", " ")
	assert.Contains(t, printed, "Dossier à corriger")
	assert.Contains(t, printed, "environ 98 000")
	assert.NotContains(t, printed, "Prêt")
	eval[bool](p, `(() => { window.dispatchEvent(new Event("afterprint")); return true; })()`)

	// Export: the text goes with the dossier, under « pending ».
	p.captureDownloads()
	p.do(chromedp.Click(chromedp.ID("clsm1-export")))
	exported := p.download("dossier-")
	var file struct {
		Name    string            `json:"name"`
		Pending map[string]string `json:"pending"`
	}
	require.NoError(t, json.Unmarshal([]byte(exported), &file))
	assert.Equal(t, map[string]string{"/territory/population": "environ 98 000"}, file.Pending)
	assert.Equal(t, "CLSM de Montreuil (exemple fictif)", file.Name)

	// Start over, import: the text is back, and still to correct.
	p.do(chromedp.Click(chromedp.ID("clsm1-reset")))
	p.do(chromedp.Click(chromedp.Search(`//button[text()="Tout effacer"]`)))
	assert.Equal(t, "", eval[string](p, `document.querySelector("`+input+`").value`))
	path := filepath.Join(t.TempDir(), "montreuil.json")
	require.NoError(t, os.WriteFile(path, []byte(exported), 0o644))
	p.do(chromedp.SetUploadFiles(chromedp.ID("clsm1-import"), []string{path}))
	p.settle()
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`(document.querySelector("`+input+`") || {}).value === "environ 98 000"`, chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "the pending text is read back")
	assert.Contains(t, p.text(".clsm-bar-badge"), "Dossier à corriger")
	assert.Contains(t, p.text(".clsm-status"), "Une réponse en attente est reprise")

	// Corrected, the dossier gets its verdict again.
	p.typeOver(input, "98 000")
	assert.False(t, eval[bool](p, `clsmForm.report === null`))
	assert.NotContains(t, p.text(".clsm-bar-badge"), "Dossier à corriger")
	assert.Equal(t, "{}", eval[string](p, `JSON.stringify(clsmForm.getDossier().pending || {})`))
	p.noEnglish()
}

// TestRegionalPageDefaultsToTheDossiersRegion: a batch of Île-de-France
// dossiers is judged by Île-de-France's cahier des charges, and the page says
// why; a mixed batch by the national socle.
func TestRegionalPageDefaultsToTheDossiersRegion(t *testing.T) {
	p := openRegion(t)
	assert.Equal(t, "auto", eval[string](p, `document.getElementById("clsm-region1-ref").value`))
	dir := t.TempDir()
	data, _ := examples.Dossier("ile-de-france-montreuil-actif")
	var paths []string
	for i, dept := range []string{"93", "75", "94"} {
		var d map[string]any
		require.NoError(t, json.Unmarshal(data, &d))
		d["name"] = "CLSM francilien " + dept
		d["territory"].(map[string]any)["department"] = dept
		delete(d["territory"].(map[string]any), "communes")
		out, err := json.Marshal(d)
		require.NoError(t, err)
		path := filepath.Join(dir, "idf-"+string(rune('a'+i))+".json")
		require.NoError(t, os.WriteFile(path, out, 0o644))
		paths = append(paths, path)
	}
	p.giveFiles(paths)
	assert.Equal(t, "idf", eval[string](p, `clsmRegion.report.referential.id`))
	assert.Contains(t, strings.ReplaceAll(p.text(".clsm-region__choice"), "\u00a0", " "), "Les dossiers relèvent tous de la région Île-de-France : son référentiel")

	// With a dossier of another region, the national socle, and the page says so.
	rodez, _ := examples.Dossier("occitanie-rodez-en-projet")
	path := filepath.Join(dir, "rodez.json")
	require.NoError(t, os.WriteFile(path, rodez, 0o644))
	p.giveFiles(append(paths, path))
	assert.Equal(t, "national", eval[string](p, `clsmRegion.report.referential.id`))
	assert.Contains(t, p.text(".clsm-region__choice"), "2 régions différentes")
	// The socle is partial: no headline says « Prêt à déposer ».
	assert.NotContains(t, p.text(".clsm-region__levels"), "Prêt à déposer")
}

// TestRestoredDossierSwitches: a dossier saved in the browser under the
// national socle, whose department is in Île-de-France and whose referential
// nobody chose, is judged by Île-de-France once restored, and the form says
// so; a referential the person chose stays.
func TestRestoredDossierSwitches(t *testing.T) {
	p := openForm(t)
	save := func(chosen bool) {
		record := map[string]any{"version": 1, "dossier": map[string]any{"schemaVersion": 2, "name": "CLSM de Bondy", "territory": map[string]any{"department": "93"}}, "raw": map[string]string{}, "referential": "national"}
		if chosen {
			record["referentialChosen"] = true
		}
		js, err := json.Marshal(record)
		require.NoError(t, err)
		str, _ := json.Marshal(string(js))
		eval[bool](p, `(() => { localStorage.setItem("clsm-autoevaluation", `+string(str)+`); return true; })()`)
		p.do(chromedp.Reload())
		p.waitReady()
	}
	save(false)
	assert.Equal(t, "idf", eval[string](p, `clsmForm.report.referential.id`))
	assert.Contains(t, p.refNotice(), "Le référentiel Île-de-France s'applique désormais à ce dossier (département 93).")
	save(true)
	assert.Equal(t, "national", eval[string](p, `clsmForm.report.referential.id`), "chosen by the person: kept")
	assert.Empty(t, p.refNotice())
}
