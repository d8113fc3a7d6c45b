// Command consumer is a program outside the module that uses go-clsm as a
// library, as a consumer's own module would: it builds a referential in Go,
// resolves and evaluates it, tells errors apart with errors.Is, and picks the
// referential of a dossier's region with one call. It has its own go.mod
// (replace directive to this checkout), and examples/consumer_test.go runs it.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	at := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	d, err := clsm.Parse([]byte(`{"schemaVersion": 2, "name": "CLSM de Rodez (exemple)", "stage": "active", "createdOn": "2019-05-14",
		"territory": {"department": "12"},
		"copil": {"exists": true, "meetings": ["2026-03-10", "2026-10-02"]}}`))
	if err != nil {
		return err
	}

	// A referential written in Go: one rule, three COPIL meetings a year.
	ref := &labels.Referential{
		SchemaVersion: 1, ID: "dd12-go", Name: "Aveyron — écrit en Go (exemple fictif)", Issuer: "Délégation départementale (exemple fictif)", Version: "1",
		Documents: []labels.Document{{ID: "cdc", Title: "Cahier des charges départemental des CLSM (exemple fictif)"}},
		Rules: []labels.Rule{{
			ID: "dd12-copil", Check: "meetings.count",
			Params: map[string]json.RawMessage{"body": json.RawMessage(`"copil"`), "min": json.RawMessage(`3`)},
			Level:  labels.LevelRequired, Stages: []clsm.Stage{clsm.StageActive}, Source: "cdc", Section: "§2",
			Basis: labels.BasisARSRequirement, Quote: "Le comité de pilotage se réunit au moins trois fois par an.", Modal: "se réunit",
			Requirement: "Trois réunions du comité de pilotage par an.", Advice: "Réunissez le comité de pilotage chaque trimestre.",
		}},
	}

	// Not resolved yet: Evaluate refuses it, and says so with a sentinel.
	if _, err := assess.Evaluate(d, ref, at); errors.Is(err, assess.ErrUnresolvedReferential) {
		fmt.Fprintln(w, "avant Resolve :", err)
	} else {
		return fmt.Errorf("Evaluate accepted an unresolved referential: %v", err)
	}
	if err := ref.Resolve(); err != nil {
		return err
	}
	report, err := assess.Evaluate(d, ref, at)
	if err != nil {
		return err
	}
	for _, f := range report.Findings {
		fmt.Fprintf(w, "%s : %s\n", f.RuleID, f.Outcome.Label())
	}

	// A misspelt built-in referential.
	if _, err := labels.Builtin("occitani"); errors.Is(err, labels.ErrUnknownReferential) {
		fmt.Fprintln(w, "référentiel inconnu :", err)
	} else {
		return fmt.Errorf("Builtin(occitani): %v", err)
	}

	// The referential of the dossier's region, in one call.
	regional := labels.ForDossier(d)
	r2, err := assess.Evaluate(d, regional, at)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s : %s\n", regional.ID, r2.Readiness.Label)

	// Two reports of different referentials cannot be compared.
	if _, err := assess.Compare(report, r2); errors.Is(err, assess.ErrDifferentReferentials) {
		fmt.Fprintln(w, "comparaison refusée :", err)
	} else {
		return fmt.Errorf("Compare: %v", err)
	}
	return nil
}
