package labels_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// TestBuiltinIsTheCallersCopy: whatever a caller does to the referential
// Builtin, Builtins or ForRegion gave it — its rules, a rule's parameters
// down to their bytes, its stages, conditions, readiness, regions — the next
// caller gets the built-in referential as its file says, and resolved.
func TestBuiltinIsTheCallersCopy(t *testing.T) {
	pristine, err := labels.Builtin("idf")
	require.NoError(t, err)
	require.Len(t, pristine.Rules, 62)
	tests := []struct {
		reason string
		get    func() *labels.Referential
		change func(r *labels.Referential)
	}{
		{"rules truncated", builtinIDF, func(r *labels.Referential) { r.Rules = r.Rules[:1] }},
		{"rules truncated in place", builtinIDF, func(r *labels.Referential) { clear(r.Rules[1:]) }},
		{"a parameter replaced", builtinIDF, func(r *labels.Referential) { rule(t, r, "idf-copil-reunions").Params["min"] = json.RawMessage(`50`) }},
		{"a parameter's bytes changed", builtinIDF, func(r *labels.Referential) { rule(t, r, "idf-copil-reunions").Params["min"][0] = '9' }},
		{"a stage changed", builtinIDF, func(r *labels.Referential) { r.Rules[0].Stages[0] = clsm.StageActive }},
		{"a condition's value changed", builtinIDF, func(r *labels.Referential) {
			for i := range r.Rules {
				if len(r.Rules[i].When) > 0 {
					r.Rules[i].When[0].In[0] = json.RawMessage(`"x"`)
					return
				}
			}
			t.Fatal("no conditional rule in idf")
		}},
		{"readiness changed", builtinIDF, func(r *labels.Referential) { r.Readiness[0].Rules[0] = "absente" }},
		{"regions changed", builtinIDF, func(r *labels.Referential) { r.Regions[0] = "84" }},
		{"a document changed", builtinIDF, func(r *labels.Referential) { r.Documents[0].Title = "Autre" }},
		{"through Builtins", func() *labels.Referential {
			for _, r := range labels.Builtins() {
				if r.ID == "idf" {
					return r
				}
			}
			return nil
		}, func(r *labels.Referential) { r.Rules = r.Rules[:1]; r.Regions[0] = "84" }},
		{"through ForRegion", func() *labels.Referential { return labels.ForRegion("11") },
			func(r *labels.Referential) { rule(t, r, "idf-copil-reunions").Params["min"] = json.RawMessage(`50`) }},
		{"through ForDossier", func() *labels.Referential {
			return labels.ForDossier(&clsm.Dossier{Territory: clsm.Territory{Department: "93"}})
		}, func(r *labels.Referential) { r.Rules = nil }},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			mine := tt.get()
			require.NotNil(t, mine)
			tt.change(mine)
			again, err := labels.Builtin("idf")
			require.NoError(t, err)
			assert.Equal(t, pristine, again, "the next caller's referential is untouched")
			assert.True(t, again.Resolved())
			assert.Equal(t, "11", labels.ForRegion("11").Regions[0])
		})
	}
}

// TestExtendingTakesACopy: a referential that extends a built-in one owns the
// rules it inherits; changing them changes neither the built-in referential
// nor another referential that extends it.
func TestExtendingTakesACopy(t *testing.T) {
	data := []byte(`{"schemaVersion": 1, "id": "dd12", "name": "D", "issuer": "D", "version": "1", "extends": "occitanie"}`)
	a, err := labels.Parse(data)
	require.NoError(t, err)
	for i := range a.Rules {
		for name := range a.Rules[i].Params {
			a.Rules[i].Params[name][0] = 'x'
		}
		a.Rules[i].Stages[0] = "x"
	}
	b, err := labels.Parse(data)
	require.NoError(t, err)
	base, err := labels.Builtin("occitanie")
	require.NoError(t, err)
	assert.Equal(t, base.Rules, b.Rules)
	assert.True(t, b.Resolved())
}

// TestChangedRuleIsStale: a rule changed after resolution is never evaluated
// with the binding of its old values. Its referential is not resolved any
// more (so assess.Evaluate refuses it), the rule says it is stale, its own
// Evaluate gives « non renseigné » with the reason, and Resolve binds the new
// values, or reports them when they are wrong.
func TestChangedRuleIsStale(t *testing.T) {
	at := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	d, err := clsm.Parse([]byte(`{"schemaVersion": 2, "stage": "active", "createdOn": "2020-01-15", "copil": {"exists": true, "meetings": ["2026-03-10", "2026-10-02"]}}`))
	require.NoError(t, err)
	tests := []struct {
		reason     string
		change     func(r *labels.Rule)
		resolveErr string         // the code Resolve reports afterwards; "" when it binds the new values
		after      labels.Outcome // the outcome once resolved again
	}{
		{"parameter replaced", func(r *labels.Rule) { r.Params["min"] = json.RawMessage(`50`) }, "", labels.Unmet},
		{"parameter's bytes changed in place", func(r *labels.Rule) { r.Params["min"][0] = '9' }, "", labels.Unmet},
		{"parameter removed", func(r *labels.Rule) { delete(r.Params, "body") }, labels.CodeMissingParam, ""},
		{"parameters replaced whole", func(r *labels.Rule) {
			r.Params = map[string]json.RawMessage{"body": json.RawMessage(`"copil"`), "min": json.RawMessage(`3`)}
		}, "", labels.Unmet},
		{"check renamed", func(r *labels.Rule) { r.Check = "nope.unknown" }, labels.CodeUnknownCheck, ""},
		{"modal emptied", func(r *labels.Rule) { r.Modal = "" }, labels.CodeUnquotedRequired, ""},
		{"level lowered", func(r *labels.Rule) { r.Level = labels.LevelRecommended }, "", labels.Met},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			ref, err := labels.Parse(referential(goodRule))
			require.NoError(t, err)
			r := &ref.Rules[0]
			require.Equal(t, labels.Met, r.Evaluate(d, at).Outcome, "two meetings, two required")
			tt.change(r)
			assert.True(t, r.Stale())
			assert.False(t, ref.Resolved())
			assert.Nil(t, r.CheckDef())
			assert.Nil(t, r.ParamValues())
			res := r.Evaluate(d, at)
			assert.Equal(t, labels.Unknown, res.Outcome, "never evaluated with the old binding")
			assert.Contains(t, res.Detail, "Resolve")

			err = ref.Resolve()
			if tt.resolveErr != "" {
				assert.Equal(t, []string{tt.resolveErr}, codes(err))
				assert.False(t, ref.Resolved())
				assert.Equal(t, labels.Unknown, r.Evaluate(d, at).Outcome)
				return
			}
			require.NoError(t, err)
			assert.False(t, r.Stale())
			assert.True(t, ref.Resolved())
			assert.Equal(t, tt.after, r.Evaluate(d, at).Outcome)
		})
	}
}

// TestParamValuesIsACopy: changing the decoded parameters a rule hands out
// does not change how the rule evaluates.
func TestParamValuesIsACopy(t *testing.T) {
	ref, err := labels.Builtin("idf")
	require.NoError(t, err)
	r := rule(t, ref, "idf-copil-reunions")
	p := r.ParamValues()
	p["min"] = 50
	assert.Equal(t, 2, r.ParamValues().Int("min"))
	assert.False(t, r.Stale())
}

// TestRequiredRuleNeedsItsText: a rule is « requis » only with the text
// that founds it and the word of it that obliges; the level the Go doc of
// Rule.Modal promises is enforced by Parse and Resolve alike, and a rule
// below « requis » needs neither.
func TestRequiredRuleNeedsItsText(t *testing.T) {
	tests := []struct {
		reason string
		data   []byte
		code   string // "" when the referential is accepted
	}{
		{"quote and modal", referential(goodRule), ""},
		{"no modal", withRule(`"modal": "se réunit",`, ``), labels.CodeUnquotedRequired},
		{"empty modal", withRule(`"modal": "se réunit"`, `"modal": ""`), labels.CodeUnquotedRequired},
		{"blank modal", withRule(`"modal": "se réunit"`, `"modal": "  "`), labels.CodeUnquotedRequired},
		{"no quote", withRule(`"quote": "Le COPIL se réunit deux fois par an.",`, ``), labels.CodeUnquotedRequired},
		{"neither", withRule(`"quote": "Le COPIL se réunit deux fois par an.", "modal": "se réunit",`, ``), labels.CodeUnquotedRequired},
		{"a word that advises", withRule(`"se réunit deux`, `"peut se réunir deux`, `"modal": "se réunit"`, `"modal": "peut"`), labels.CodeModalLevel},
		{"a word that gives an example, in capitals", withRule(`"modal": "se réunit"`, `"modal": "Par exemple"`), labels.CodeModalLevel},
		{"a word not classified", withRule(`"modal": "se réunit"`, `"modal": "se tient"`), ""},
		{"recommended without quote or modal", withRule(`"quote": "Le COPIL se réunit deux fois par an.", "modal": "se réunit",`, ``, `"required"`, `"recommended"`), ""},
		{"recommended with a word that obliges", withRule(`"required"`, `"recommended"`), ""},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			ref, err := labels.Parse(tt.data)
			if tt.code == "" {
				require.NoError(t, err)
				assert.True(t, ref.Resolved())
				return
			}
			assert.Equal(t, []string{tt.code}, codes(err))
			var ps clsm.Problems
			require.ErrorAs(t, err, &ps)
			assert.Equal(t, "/rules/0/level", ps[0].Path)

			var value labels.Referential
			require.NoError(t, json.Unmarshal(tt.data, &value))
			assert.Equal(t, codes(err), codes(value.Resolve()), "Resolve finds it too")
			assert.False(t, value.Resolved())
		})
	}
}

func builtinIDF() *labels.Referential {
	r, _ := labels.Builtin("idf")
	return r
}

func rule(t *testing.T, r *labels.Referential, id string) *labels.Rule {
	t.Helper()
	found, ok := r.Rule(id)
	require.True(t, ok, id)
	return found
}

// codes lists the codes of a clsm.Problems error, in order.
func codes(err error) []string {
	var ps clsm.Problems
	if !errors.As(err, &ps) {
		return nil
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return out
}
