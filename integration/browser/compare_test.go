//go:build !(js && wasm)

package browser_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

// These tests cover the two items of issue 15 §6: beside each question, the
// rules of the referential that read it (« compte pour N règles »), and last
// year's export as a comparison baseline for this year's answers.

// markedQuestion is the question the marker tests open: one the
// COPIL rules read, under every built-in referential.
const markedQuestion = "/copil/exists"

// questionRules returns the rules the Go questionnaire names for a question,
// with their descriptions.
func questionRules(t *testing.T, ref *labels.Referential, path string) []assess.RuleSummary {
	t.Helper()
	q := assess.NewQuestionnaire(ref)
	byID := map[string]assess.RuleSummary{}
	for _, r := range q.Rules {
		byID[r.ID] = r
	}
	for _, s := range q.Sections {
		for _, it := range s.Questions {
			if it.Path == path {
				var out []assess.RuleSummary
				for _, id := range it.Rules {
					out = append(out, byID[id])
				}
				return out
			}
		}
	}
	t.Fatalf("%s: no question %s", ref.ID, path)
	return nil
}

// markerWant is what the marker says for these rules at a stage, in the
// form's words: the count, and how many of them are required at that stage.
func markerWant(rules []assess.RuleSummary, stage clsm.Stage) string {
	required := 0
	for _, r := range rules {
		if r.Level == labels.LevelRequired && slices.Contains(r.Stages, stage) {
			required++
		}
	}
	text := fmt.Sprintf("Compte pour %d %s", len(rules), map[bool]string{true: "règle", false: "règles"}[len(rules) < 2])
	switch {
	case required == 0:
		return text
	case len(rules) == 1:
		return text + ", requise pour « prêt »"
	case required == len(rules):
		return text + ", toutes requises pour « prêt »"
	}
	return fmt.Sprintf("%s, dont %d %s pour « prêt »", text, required, map[bool]string{true: "requise", false: "requises"}[required < 2])
}

// marker returns the text of the marker of a question, no-break spaces made plain.
func (p *page) marker(path string) string {
	return p.text(q(path) + " .clsm-rules-toggle")
}

func TestRulesMarker(t *testing.T) {
	p := openStepped(t, 1280, 900, 1)
	p.choose("#clsm1-ref", "idf")
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	idf, _ := labels.Builtin("idf")
	rules := questionRules(t, idf, markedQuestion)
	require.Greater(t, len(rules), 1)
	assert.Equal(t, markerWant(rules, clsm.StageActive), p.marker(markedQuestion))
	t.Logf("Île-de-France, %s: « %s »", markedQuestion, p.marker(markedQuestion))

	// Every question the Go questionnaire ties to a rule has a marker, and no other.
	marked := eval[[]string](p, `clsmForm.items.filter(n => n.wrapper.querySelector(".clsm-rules-toggle")).map(n => n.item.path)`)
	var want []string
	for _, s := range assess.NewQuestionnaire(idf).Sections {
		for _, it := range s.Questions {
			if len(it.Rules) > 0 {
				want = append(want, it.Path)
			}
		}
	}
	assert.Equal(t, want, marked)

	// Opened with the keyboard, it lists the rules with their level and the text they quote.
	toggle := q(markedQuestion) + " .clsm-rules-toggle"
	eval[bool](p, `(() => { clsmForm.focusQuestion(clsmForm.items.find(n => n.item.path === `+jsString(markedQuestion)+`)); return true; })()`)
	p.do(chromedp.Focus(chromedp.CSS(toggle)), chromedp.KeyEvent(kb.Enter))
	assert.Equal(t, "true", eval[string](p, `document.querySelector(`+jsString(toggle)+`).getAttribute("aria-expanded")`))
	list := q(markedQuestion) + " .clsm-rules-list"
	assert.False(t, eval[bool](p, `document.querySelector(`+jsString(list)+`).hidden`))
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID)
		item := list + ` [data-rule="` + r.ID + `"]`
		assert.Contains(t, p.text(item), r.Requirement, r.ID)
		assert.Contains(t, p.text(item), "("+lowerFirst(r.LevelLabel)+")", r.ID)
		assert.Contains(t, p.text(item), "« "+r.Citation.Document+" », "+r.Citation.Section, r.ID)
		if r.Citation.Quote != "" {
			assert.Contains(t, p.text(item+" blockquote"), r.Citation.Quote, r.ID)
		}
	}
	assert.Equal(t, ids, eval[[]string](p, `[...document.querySelectorAll(`+jsString(list+" [data-rule]")+`)].map(e => e.dataset.rule)`))
	p.do(chromedp.KeyEvent(" "))
	assert.Equal(t, "false", eval[string](p, `document.querySelector(`+jsString(toggle)+`).getAttribute("aria-expanded")`), "space closes it")
	assert.True(t, eval[bool](p, `document.querySelector(`+jsString(list)+`).hidden`))

	// At another stage, fewer rules may be required for « prêt ».
	p.choose(q("/stage")+" select", "project")
	assert.Equal(t, markerWant(rules, clsm.StageProject), p.marker(markedQuestion))

	// The marker follows the referential chosen: the national baseline, an ARS's own.
	p.choose("#clsm1-ref", "national")
	national, _ := labels.Builtin("national")
	assert.Equal(t, markerWant(questionRules(t, national, markedQuestion), clsm.StageProject), p.marker(markedQuestion))
	data, _ := examples.Referential("aveyron-exemple")
	custom, err := labels.Parse(data)
	require.NoError(t, err)
	require.True(t, eval[bool](p, `clsmForm.setCustomReferential(`+jsString(string(data))+`).then((error) => error === null)`))
	assert.Equal(t, markerWant(questionRules(t, custom, markedQuestion), clsm.StageProject), p.marker(markedQuestion))
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// lastYear writes a copy of the Montreuil example as last year's export
// would be: one rule better (the ethical charter was adopted), one worse
// (no co-animation by public psychiatry yet), in the first dossier format.
func lastYear(t *testing.T) []byte {
	t.Helper()
	data, _ := examples.Dossier("ile-de-france-montreuil-actif")
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m))
	m["schemaVersion"] = 1
	m["governance"].(map[string]any)["psychiatryCoLeads"] = false
	m["complexSituations"].(map[string]any)["ethicalCharter"] = true
	out, err := json.Marshal(m)
	require.NoError(t, err)
	return out
}

// changes lists, by group, the rules a comparison names.
func changes(c *assess.Comparison) map[string][]string {
	out := map[string][]string{}
	for kind, list := range map[string][]assess.Change{"improved": c.Improved, "regressed": c.Regressed, "new": c.New, "dropped": c.Dropped} {
		out[kind] = []string{}
		for _, ch := range list {
			out[kind] = append(out[kind], ch.RuleID)
		}
	}
	return out
}

// shownChanges lists, by group, the rules the form's comparison shows.
func (p *page) shownChanges() map[string][]string {
	out := map[string][]string{}
	for _, kind := range []string{"improved", "regressed", "new", "dropped"} {
		out[kind] = eval[[]string](p, `[...document.querySelectorAll(".clsm-compare-group--`+kind+` [data-rule]")].map(e => e.dataset.rule)`)
	}
	return out
}

// chooseBaseline gives the form last year's file, as a person would.
func (p *page) chooseBaseline(name string, content []byte) {
	p.t.Helper()
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`document.getElementById("clsm1-baseline-file") !== null`))
	require.NoError(p.t, err)
	file := filepath.Join(p.t.TempDir(), name)
	require.NoError(p.t, os.WriteFile(file, content, 0o644))
	p.do(chromedp.SetUploadFiles(chromedp.ID("clsm1-baseline-file"), []string{file}))
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`!document.getElementById("clsm1-baseline-remove").hidden || document.querySelector(".clsm-compare-error").textContent !== ""`))
	require.NoError(p.t, err)
}

func TestCompareWithLastYear(t *testing.T) {
	p := openStepped(t, 1280, 900, 1)
	p.choose("#clsm1-ref", "idf")
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	answers := eval[string](p, `JSON.stringify(clsmForm.getDossier())`)

	// What assess.Compare says, natively, for the same files and dates.
	now := eval[string](p, `clsmForm.date`)
	at, ok := clsm.Date(now).Time()
	require.True(t, ok, now)
	then := at.AddDate(-1, 0, 0)
	idf, _ := labels.Builtin("idf")
	before, err := clsm.Parse(lastYear(t))
	require.NoError(t, err)
	rb, err := assess.Evaluate(before, idf, then)
	require.NoError(t, err)
	current, _ := examples.Dossier("ile-de-france-montreuil-actif")
	after, err := clsm.Parse(current)
	require.NoError(t, err)
	ra, err := assess.Evaluate(after, idf, at)
	require.NoError(t, err)
	want, err := assess.Compare(rb, ra)
	require.NoError(t, err)
	require.NotEmpty(t, want.Improved)
	require.NotEmpty(t, want.Regressed)

	name := "dossier-clsm-de-montreuil-" + then.Format(time.DateOnly) + ".json"
	p.chooseBaseline(name, lastYear(t))
	assert.Equal(t, changes(want), p.shownChanges())
	intro := p.text(".clsm-compare-intro")
	assert.Contains(t, intro, "« "+name+" »")
	assert.Contains(t, intro, "évalué au "+then.Format("02/01/2006"))
	assert.Contains(t, p.text(".clsm-compare-verdict"), ra.Readiness.Label)
	assert.Contains(t, p.text(".clsm-compare-verdict"), rb.Readiness.Label)
	assert.Equal(t, answers, eval[string](p, `JSON.stringify(clsmForm.getDossier())`), "the baseline never replaces this year's answers")

	// Kept with the answers across a reload.
	p.do(chromedp.Reload())
	p.waitReady()
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelectorAll(".clsm-compare-group [data-rule]").length > 0`))
	require.NoError(t, err)
	assert.Equal(t, changes(want), p.shownChanges())
	assert.Contains(t, p.text(".clsm-compare-intro"), name)

	// A file that is no dossier is refused, and the baseline stays.
	p.chooseBaseline("notes.json", []byte(`{"schemaVersion": 2, "stage": "actif"}`))
	// chooseBaseline returns at once while a baseline is kept (its « Retirer »
	// button shows): wait for the refusal itself.
	_, err = chromedp.Run(p.ctx, chromedp.Poll[bool](`document.querySelector(".clsm-compare-error").textContent !== ""`, chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err)
	assert.Contains(t, p.text(".clsm-compare-error"), "ne peut pas servir de référence : 1 réponse est invalide.")
	assert.Contains(t, p.text(".clsm-compare-error"), "« Où en est le CLSM ? » : « actif »", "each problem names its question, once")
	assert.Contains(t, p.text(".clsm-compare-intro"), name)

	// Removed: no comparison, the answers untouched, the focus on the choice of a file.
	p.do(chromedp.Click(chromedp.ID("clsm1-baseline-remove")))
	assert.Zero(t, eval[int](p, `document.querySelectorAll(".clsm-compare-group").length`))
	assert.True(t, eval[bool](p, `document.getElementById("clsm1-baseline-remove").hidden`))
	assert.Equal(t, "clsm1-baseline-choose", eval[string](p, `document.activeElement.id`))
	assert.Equal(t, answers, eval[string](p, `JSON.stringify(clsmForm.getDossier())`))
	p.do(chromedp.Reload())
	p.waitReady()
	assert.Zero(t, eval[int](p, `document.querySelectorAll(".clsm-compare-group").length`), "removed for good")
}

// TestMarkerAndComparisonOnAPhone: with a question's rules open and the
// comparison shown, axe-core (every rule) finds nothing and nothing scrolls
// sideways at 320 px.
func TestMarkerAndComparisonOnAPhone(t *testing.T) {
	p := openStepped(t, 320, 640, 1)
	p.choose("#clsm1-ref", "idf")
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	p.chooseBaseline("dossier-clsm-de-montreuil-2025-06-30.json", lastYear(t))
	require.NotZero(t, eval[int](p, `document.querySelectorAll(".clsm-compare-group [data-rule]").length`))
	eval[bool](p, `(() => { clsmForm.focusQuestion(clsmForm.items.find(n => n.item.path === `+jsString(markedQuestion)+`)); return true; })()`)
	p.do(chromedp.Click(chromedp.CSS(q(markedQuestion) + " .clsm-rules-toggle")))
	require.NotZero(t, eval[int](p, `document.querySelectorAll(".clsm-rules-list:not([hidden]) [data-rule]").length`))
	assert.Empty(t, p.axeAll(), "marker open, comparison shown")
	sw := eval[int](p, `document.documentElement.scrollWidth`)
	cw := eval[int](p, `document.documentElement.clientWidth`)
	assert.LessOrEqual(t, sw, cw, "no horizontal scroll; widest: %s",
		eval[string](p, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(-3).map(e => e.tagName + "." + e.className).join(", ")`))
	assert.Empty(t, p.frenchSpacing())
}
