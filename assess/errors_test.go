package assess_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// goRule is a rule written as a Go value, as a program builds a referential
// without a JSON file.
func goReferential() *labels.Referential {
	return &labels.Referential{
		SchemaVersion: 1, ID: "go", Name: "Référentiel écrit en Go", Issuer: "Test", Version: "1",
		Documents: []labels.Document{{ID: "cdc", Title: "Cahier des charges"}},
		Rules: []labels.Rule{{
			ID: "go-copil", Check: "meetings.count",
			Params: map[string]json.RawMessage{"body": json.RawMessage(`"copil"`), "min": json.RawMessage(`2`)},
			Level:  labels.LevelRequired, Stages: []clsm.Stage{clsm.StageActive}, Source: "cdc", Section: "§4.1",
			Basis: labels.BasisARSRequirement, Quote: "Le COPIL se réunit deux fois par an.", Modal: "se réunit",
			Requirement: "Deux réunions du COPIL par an.", Advice: "Réunissez le COPIL.",
		}},
	}
}

// TestSentinelErrors checks that each documented failure kind is found by
// errors.Is, with a French message, and that no other failure is taken for
// it.
func TestSentinelErrors(t *testing.T) {
	d := exampleDossier(t, "ile-de-france-montreuil-actif")
	idf, occ := builtin(t, "idf"), builtin(t, "occitanie")
	rIDF, err := assess.Evaluate(d, idf, evalDate)
	require.NoError(t, err)
	rOcc, err := assess.Evaluate(d, occ, evalDate)
	require.NoError(t, err)
	resolved := goReferential()
	require.NoError(t, resolved.Resolve())
	broken := goReferential()
	broken.Rules[0].Check = "meetings.cuont"
	require.Error(t, broken.Resolve())
	// Changed after Resolve: a parameter, the check.
	raised := goReferential()
	require.NoError(t, raised.Resolve())
	raised.Rules[0].Params["min"] = json.RawMessage(`50`)
	renamed := goReferential()
	require.NoError(t, renamed.Resolve())
	renamed.Rules[0].Check = "nope.unknown"
	// A built-in referential changed by its caller: a copy of its own.
	idfChanged := builtin(t, "idf")
	rule, ok := idfChanged.Rule("idf-copil-reunions")
	require.True(t, ok)
	rule.Params["min"] = json.RawMessage(`50`)
	var noDate time.Time

	tests := []struct {
		reason string
		err    error
		is     error // nil: no error expected
		want   string
	}{
		{"referential built in Go, not resolved", evalErr(d, goReferential()), assess.ErrUnresolvedReferential, "Référentiel non résolu\u00a0: la règle « go-copil »"},
		{"referential whose resolution failed", evalErr(d, broken), assess.ErrUnresolvedReferential, "Resolve"},
		{"referential built in Go, resolved", evalErr(d, resolved), nil, ""},
		{"invalid dossier", evalErr(&clsm.Dossier{SchemaVersion: 1, Stage: "actif"}, idf), assess.ErrInvalidDossier, "Dossier à corriger\u00a0:"},
		{"nil dossier", evalErr(nil, idf), assess.ErrInvalidDossier, "Dossier à corriger\u00a0: 1\u00a0réponse invalide."},
		{"nil dossier, unresolved referential", evalErr(nil, goReferential()), assess.ErrInvalidDossier, "Dossier à corriger"},
		{"parameter changed after Resolve", evalErr(d, raised), assess.ErrUnresolvedReferential, "la règle « go-copil » a changé depuis que le référentiel a été résolu"},
		{"check changed after Resolve", evalErr(d, renamed), assess.ErrUnresolvedReferential, "appelez de nouveau sa méthode Resolve"},
		{"built-in referential changed by its caller", evalErr(d, idfChanged), assess.ErrUnresolvedReferential, "« idf-copil-reunions » a changé"},
		{"built-in referential of the next caller", evalErr(d, builtin(t, "idf")), nil, ""},
		{"zero date", func() error { _, err := assess.Evaluate(d, idf, noDate); return err }(), assess.ErrNoDate, "date d'évaluation absente\u00a0: indiquez le jour"},
		{"zero date, from JSON", func() error { _, err := assess.EvaluateJSON([]byte(`{}`), idf, noDate); return err }(), assess.ErrNoDate, "date d'évaluation absente"},
		{"reports of two referentials", compareErr(rIDF, rOcc), assess.ErrDifferentReferentials, "(« idf » et « occitanie »)\u00a0: comparez"},
		{"reports of one referential", compareErr(rIDF, rIDF), nil, ""},
		{"unknown format", assess.Render(&bytes.Buffer{}, rIDF, "pdf"), assess.ErrUnknownFormat, "Format de rapport inconnu « pdf »\u00a0: text, md, html ou json."},
		{"format with another case", assess.Render(&bytes.Buffer{}, rIDF, "HTML"), assess.ErrUnknownFormat, "« HTML »"},
		{"known format", assess.Render(&bytes.Buffer{}, rIDF, assess.FormatMarkdown), nil, ""},
	}
	sentinels := []error{assess.ErrUnresolvedReferential, assess.ErrInvalidDossier, assess.ErrNoDate, assess.ErrDifferentReferentials, assess.ErrUnknownFormat, labels.ErrUnknownReferential}
	for _, tt := range tests {
		if tt.is == nil {
			assert.NoError(t, tt.err, tt.reason)
			continue
		}
		require.Error(t, tt.err, tt.reason)
		assert.Contains(t, tt.err.Error(), tt.want, tt.reason)
		for _, s := range sentinels {
			assert.Equal(t, s == tt.is, errors.Is(tt.err, s), "%s: errors.Is(%q)", tt.reason, s)
		}
	}
}

func evalErr(d *clsm.Dossier, ref *labels.Referential) error {
	_, err := assess.Evaluate(d, ref, evalDate)
	return err
}

func compareErr(a, b *assess.Report) error {
	_, err := assess.Compare(a, b)
	return err
}
