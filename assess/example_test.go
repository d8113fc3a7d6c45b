package assess_test

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

func ExampleEvaluate() {
	data, _ := examples.Dossier("ile-de-france-montreuil-actif")
	d, err := clsm.Parse(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	ref, _ := labels.Builtin("idf")
	r, err := assess.Evaluate(d, ref, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Readiness.Label)
	for _, s := range r.NextSteps[:2] {
		fmt.Println(s.RuleID, s.Blocking)
	}
	// Output:
	// Presque prêt
	// idf-evaluation-appropriation true
	// idf-cellule-charte false
}

// A dossier read from JSON and evaluated in one call; an invalid one gets its
// problems and no verdict.
func ExampleEvaluateJSON() {
	ref, _ := labels.Builtin("idf")
	at := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	data, _ := examples.Dossier("ile-de-france-montreuil-actif")
	r, err := assess.EvaluateJSON(data, ref, at)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Readiness.Label)

	_, err = assess.EvaluateJSON([]byte(`{"schemaVersion": 2, "territory": {"population": -3}}`), ref, at)
	var invalid *assess.InvalidDossierError
	if errors.As(err, &invalid) {
		fmt.Println(err)
		fmt.Println(invalid.Problems[0].Path)
	}
	// Output:
	// Presque prêt
	// Dossier à corriger : 1 réponse invalide.
	// /territory/population
}

func ExampleRender() {
	d, _ := clsm.Parse([]byte(`{"schemaVersion": 1, "name": "CLSM de Rodez", "stage": "project",
		"governance": {"president": {"role": "mayor"}, "psychiatryCoLeads": true}}`))
	ref, _ := labels.Builtin("hdf")
	r, _ := assess.Evaluate(d, ref, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	// FormatText, FormatMarkdown, FormatHTML or FormatJSON.
	if err := assess.Render(os.Stdout, r, assess.FormatMarkdown); err != nil {
		fmt.Println(err)
	}
}

func ExampleCompare() {
	ref, _ := labels.Builtin("national")
	at := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	d, _ := clsm.Parse([]byte(`{"schemaVersion": 1, "stage": "active", "governance": {"psychiatryCoLeads": false}}`))
	before, _ := assess.Evaluate(d, ref, at)
	yes := true
	d.Governance.PsychiatryCoLeads = &yes
	after, _ := assess.Evaluate(d, ref, at)
	c, _ := assess.Compare(before, after)
	for _, ch := range c.Improved {
		fmt.Println(ch.RuleID, ch.Before.Label(), "→", ch.After.Label())
	}
	// Output:
	// nat-coanimation Non respecté → Respecté
}

func ExampleNewQuestionnaire() {
	ref, _ := labels.Builtin("occitanie")
	q := assess.NewQuestionnaire(ref)
	for _, s := range q.Sections[:3] {
		fmt.Println(s.ID, "—", s.Title)
	}
	// Output:
	// identity — Le CLSM
	// territory — Territoire
	// governance — Gouvernance
}
