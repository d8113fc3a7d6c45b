package labels_test

import (
	"fmt"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

func ExampleBuiltin() {
	ref, err := labels.Builtin("idf")
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := clsm.Parse([]byte(`{"schemaVersion": 1, "stage": "active",
		"copil": {"exists": true, "meetings": ["2026-03-10", "2026-10-02"]}}`))
	at := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	for _, id := range []string{"idf-copil-reunions", "idf-ap-reunion", "idf-asv"} {
		rule, _ := ref.Rule(id)
		res := rule.Evaluate(d, at)
		fmt.Printf("%s: %s\n", id, res.Outcome.Label())
	}
	// Output:
	// idf-copil-reunions: Respecté
	// idf-ap-reunion: Non renseigné
	// idf-asv: Non renseigné
}

func ExampleParse() {
	// An ARS's own rule: three COPIL meetings a year.
	ref, err := labels.Parse([]byte(`{
	  "schemaVersion": 1, "id": "dd12", "name": "Aveyron", "issuer": "ARS Occitanie — DD12", "version": "1",
	  "documents": [{"id": "cdc", "title": "Cahier des charges départemental"}],
	  "rules": [{"id": "dd12-copil", "check": "meetings.count", "params": {"body": "copil", "min": 3},
	    "level": "required", "stages": ["active"], "source": "cdc", "section": "§2",
	    "quote": "Le COPIL se réunit trois fois par an.", "modal": "se réunit",
	    "basis": "ars_requirement", "requirement": "Trois réunions du COPIL par an.",
	    "advice": "Réunissez le COPIL chaque trimestre."}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ref.Name, len(ref.Rules))

	_, err = labels.Parse([]byte(`{"schemaVersion": 1, "id": "x", "name": "X", "issuer": "X", "version": "1",
	  "documents": [{"id": "cdc", "title": "C"}],
	  "rules": [{"id": "r", "check": "meetings.count", "params": {"body": "copil", "min": "trois"},
	    "level": "required", "stages": ["active"], "source": "cdc", "section": "§2",
	    "quote": "Le COPIL se réunit trois fois par an.", "modal": "se réunit",
	    "basis": "ars_requirement", "requirement": "R", "advice": "A"}]}`))
	for _, p := range err.(clsm.Problems) {
		fmt.Println(p.Code, p.Path)
	}
	// Output:
	// Aveyron 1
	// param_type /rules/0/params/min
}

func ExampleParse_extends() {
	// Occitanie without one rule, with three COPIL meetings a year.
	ref, err := labels.Parse([]byte(`{
	  "schemaVersion": 1, "id": "dd12", "name": "Aveyron", "issuer": "ARS Occitanie — DD12", "version": "1",
	  "rulePrefix": "dd12-", "extends": "occitanie", "drop": ["occ-partenaires-cite"],
	  "documents": [{"id": "cdc", "title": "Cahier des charges départemental"}],
	  "rules": [{"id": "dd12-copil", "check": "meetings.count", "params": {"body": "copil", "min": 3},
	    "level": "required", "stages": ["active"], "source": "cdc", "section": "§2",
	    "quote": "Le COPIL se réunit trois fois par an.", "modal": "se réunit",
	    "basis": "ars_requirement", "requirement": "Trois réunions du COPIL par an.",
	    "advice": "Réunissez le COPIL chaque trimestre."}]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	occ, _ := labels.Builtin("occitanie")
	fmt.Println(len(occ.Rules), "→", len(ref.Rules), ref.Regions)

	_, err = labels.Parse([]byte(`{"schemaVersion": 1, "id": "x", "name": "X", "issuer": "X", "version": "1",
	  "extends": "occitanie", "drop": ["occ-partenaires"]}`))
	for _, p := range err.(clsm.Problems) {
		fmt.Println(p.Code, p.Path)
	}
	// Output:
	// 21 → 21 [76]
	// base_rule /drop/0
}

func ExampleForRegion() {
	for _, code := range []string{"11", "76", ""} {
		fmt.Printf("%q %s\n", code, labels.ForRegion(code).ID)
	}
	// Output:
	// "11" idf
	// "76" occitanie
	// "" national
}

func ExampleBuiltins() {
	refs := labels.Builtins()
	fmt.Println("first, the default:", refs[0].ID, refs[0].Default)
	for _, ref := range refs {
		if ref.ID == "idf" {
			fmt.Println(ref.ID, ref.Regions, ref.Default)
		}
	}
	// Output:
	// first, the default: national true
	// idf [11] false
}
