//go:build !(js && wasm)

package browser_test

import (
	"encoding/json"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFormatOneIsLifted: a dossier saved by the previous version of the form
// (format 1) comes back in format 2 once the checker is loaded, every answer
// kept; an imported format-1 file too.
func TestFormatOneIsLifted(t *testing.T) {
	p := openForm(t)
	saved := `{"version":1,"dossier":{"schemaVersion":1,"name":"CLSM ancien","stage":"active","territory":{"department":"12"}},"raw":{},"referential":"occitanie"}`
	js, _ := json.Marshal(saved)
	eval[bool](p, `(() => { localStorage.setItem("clsm-autoevaluation", `+string(js)+`); return true; })()`)
	p.do(chromedp.Reload())
	p.waitReady()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`clsmForm.dossier.schemaVersion === 2`))
	require.NoError(t, err, "the saved format-1 dossier is lifted to format 2")
	assert.Equal(t, "CLSM ancien", eval[string](p, `clsmForm.dossier.name`))
	assert.Equal(t, "12", eval[string](p, `clsmForm.dossier.territory.department`))
	assert.Equal(t, 2.0, eval[float64](p, `JSON.parse(localStorage.getItem("clsm-autoevaluation")).dossier.schemaVersion`), "and saved so")

	p.importFile("ancien.json", []byte(`{"schemaVersion": 1, "name": "Importé", "stage": "project"}`))
	// The form has answers: replacing them is confirmed first.
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector(".clsm-dialog[open]") !== null`))
	require.NoError(t, err)
	p.do(chromedp.Click(chromedp.CSS(".clsm-dialog .clsm-dialog-confirm")))
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`clsmForm.dossier.name === "Importé"`))
	require.NoError(t, err)
	assert.Equal(t, 2.0, eval[float64](p, `clsmForm.dossier.schemaVersion`))
}

// TestNationalFiguresInTheForm: the form shows the national survey figures
// beside the dossier, with their source, folded, never as a rule.
func TestNationalFiguresInTheForm(t *testing.T) {
	p := openForm(t)
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`!!document.querySelector(".clsm-national")`))
	require.NoError(t, err)
	text := eval[string](p, `document.querySelector(".clsm-national").textContent`)
	assert.Contains(t, text, "Repères nationaux")
	assert.Contains(t, text, "non des exigences")
	assert.Contains(t, text, "2018", "each figure says its year")
	assert.Contains(t, text, "non renseigné", "an empty form answers nothing")
}
