package labels_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// TestResolveFindsWhatParseFinds decodes each referential as a plain Go
// value, then resolves it: the problems are those of Parse, code, path and
// message alike, and a referential with problems is left unresolved.
func TestResolveFindsWhatParseFinds(t *testing.T) {
	tests := []struct {
		reason string
		data   []byte
		codes  []string // the codes Parse and Resolve report; none for a good referential
	}{
		{"good", referential(goodRule), nil},
		{"unknown check", withRule(`"meetings.count"`, `"meetings.cuont"`), []string{labels.CodeUnknownCheck}},
		{"ill-typed parameter", withRule(`"min": 2`, `"min": "deux"`), []string{labels.CodeParamType}},
		{"unknown parameter", withRule(`"min": 2`, `"min": 2, "max": 3`), []string{labels.CodeUnknownParam}},
		{"duplicate rule", referential(goodRule, goodRule), []string{labels.CodeDuplicateRule}},
		{"unknown document", withRule(`"source": "cdc"`, `"source": "loi"`), []string{labels.CodeUnknownDocument}},
		{"condition on no question", withRule(`"stages"`, `"when": [{"path": "/copil/nothing", "in": [true]}], "stages"`), []string{labels.CodeConditionPath}},
		{"missing level", withRule(`"level": "required",`, ``), []string{clsm.CodeRequired}},
		{"unknown stage", withRule(`["active"]`, `["actif"]`), []string{clsm.CodeEnum}},
		{"rule prefix", []byte(`{"schemaVersion": 1, "id": "t", "name": "T", "issuer": "T", "version": "1", "rulePrefix": "t-",
			"documents": [{"id": "cdc", "title": "C"}], "rules": [` + goodRule + `]}`), []string{labels.CodeRulePrefix}},
		{"extends, drop", []byte(`{"schemaVersion": 1, "id": "dd12", "name": "D", "issuer": "D", "version": "1",
			"extends": "occitanie", "drop": ["occ-partenaires-cite"]}`), nil},
		{"extends, unknown drop", []byte(`{"schemaVersion": 1, "id": "dd12", "name": "D", "issuer": "D", "version": "1",
			"extends": "occitanie", "drop": ["absente"]}`), []string{labels.CodeBaseRule}},
		{"extends, unknown base", []byte(`{"schemaVersion": 1, "id": "dd12", "name": "D", "issuer": "D", "version": "1",
			"extends": "referentiel.inconnu"}`), []string{labels.CodeUnknownBase}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			_, perr := labels.Parse(tt.data)
			var r labels.Referential
			require.NoError(t, json.Unmarshal(tt.data, &r))
			assert.False(t, r.Resolved(), "a decoded value is not resolved")
			err := r.Resolve()
			if tt.codes == nil {
				require.NoError(t, perr)
				require.NoError(t, err)
				assert.True(t, r.Resolved())
				return
			}
			var pps, rps clsm.Problems
			require.ErrorAs(t, perr, &pps)
			require.ErrorAs(t, err, &rps)
			assert.Equal(t, pps, rps, "Resolve reports what Parse reports")
			var codes []string
			for _, p := range rps {
				codes = append(codes, p.Code)
			}
			assert.Equal(t, tt.codes, codes)
			assert.False(t, r.Resolved(), "a referential with problems stays unresolved")
		})
	}
}

// TestResolveExtendsOnce resolves a referential that extends a built-in one,
// then resolves it again: the base is taken once.
func TestResolveExtendsOnce(t *testing.T) {
	r := labels.Referential{SchemaVersion: 1, ID: "dd12", Name: "D", Issuer: "D", Version: "1", Extends: "occitanie", Drop: []string{"occ-partenaires-cite"}}
	require.NoError(t, r.Resolve())
	base, err := labels.Builtin("occitanie")
	require.NoError(t, err)
	assert.Len(t, r.Rules, len(base.Rules)-1)
	assert.Empty(t, r.Drop)
	require.NoError(t, r.Resolve(), "resolving again does not take the base a second time")
	assert.Len(t, r.Rules, len(base.Rules)-1)
	assert.True(t, r.Resolved())
}

// TestResolvedSeesAnAddedRule: a rule appended after resolution leaves the
// referential unresolved until Resolve binds it.
func TestResolvedSeesAnAddedRule(t *testing.T) {
	r, err := labels.Parse(referential(goodRule))
	require.NoError(t, err)
	assert.True(t, r.Resolved())
	extra := r.Rules[0]
	extra.ID = "r2"
	extra.Params = map[string]json.RawMessage{"body": json.RawMessage(`"plenary"`), "min": json.RawMessage(`1`)}
	r.Rules = append(r.Rules, labels.Rule{ID: extra.ID, Check: extra.Check, Params: extra.Params, Level: extra.Level, Stages: extra.Stages,
		Source: extra.Source, Section: extra.Section, Basis: extra.Basis, Quote: extra.Quote, Modal: extra.Modal, Requirement: extra.Requirement, Advice: extra.Advice})
	assert.False(t, r.Resolved())
	require.NoError(t, r.Resolve())
	assert.True(t, r.Resolved())
	var nilRef *labels.Referential
	assert.False(t, nilRef.Resolved())
	assert.Error(t, nilRef.Resolve())
}

func TestBuiltinUnknownIsErrUnknownReferential(t *testing.T) {
	tests := []struct {
		id    string
		known bool
	}{
		{"idf", true},
		{"national", true},
		{neverAnID, false},
		{"", false},
		{"../idf", false},
	}
	for _, tt := range tests {
		_, err := labels.Builtin(tt.id)
		if tt.known {
			assert.NoError(t, err, tt.id)
			continue
		}
		assert.ErrorIs(t, err, labels.ErrUnknownReferential, tt.id)
		assert.Contains(t, err.Error(), "inconnu", tt.id)
		assert.Contains(t, err.Error(), "idf", "%s: the message lists the IDs there are", tt.id)
	}
}

// A referential written in Go: Resolve binds each rule to its check, as
// Parse does for a JSON file, and reports the same problems.
func ExampleReferential_Resolve() {
	ref := &labels.Referential{
		SchemaVersion: 1, ID: "dd12", Name: "Aveyron", Issuer: "ARS Occitanie — DD12", Version: "1",
		Documents: []labels.Document{{ID: "cdc", Title: "Cahier des charges départemental"}},
		Rules: []labels.Rule{{
			ID: "dd12-copil", Check: "meetings.count",
			Params: map[string]json.RawMessage{"body": json.RawMessage(`"copil"`), "min": json.RawMessage(`3`)},
			Level:  labels.LevelRequired, Stages: []clsm.Stage{clsm.StageActive}, Source: "cdc", Section: "§2",
			Basis: labels.BasisARSRequirement, Quote: "Le COPIL se réunit trois fois par an.", Modal: "se réunit",
			Requirement: "Trois réunions du COPIL par an.", Advice: "Réunissez le COPIL chaque trimestre.",
		}},
	}
	fmt.Println(ref.Resolved())
	if err := ref.Resolve(); err != nil {
		fmt.Println(err)
		return
	}
	d, _ := clsm.Parse([]byte(`{"schemaVersion": 1, "stage": "active", "createdOn": "2019-05-14", "copil": {"exists": true, "meetings": ["2026-03-10", "2026-10-02"]}}`))
	rule, _ := ref.Rule("dd12-copil")
	fmt.Println(ref.Resolved(), rule.Evaluate(d, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)).Outcome.Label())

	ref.Rules[0].Check = "meetings.cuont"
	var ps clsm.Problems
	if errors.As(ref.Resolve(), &ps) {
		fmt.Println(ps[0].Code, ps[0].Path, ref.Resolved())
	}
	// Output:
	// false
	// true Non respecté
	// unknown_check /rules/0/check false
}
