package labels_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

const minimalReferential = `{
  "schemaVersion": 1, "id": "test", "name": "Test", "issuer": "ARS Test", "version": "1",
  "documents": [{"id": "cdc", "title": "Cahier des charges"}],
  "rules": [RULE]
}`

const goodRule = `{"id": "r1", "check": "meetings.count", "params": {"body": "copil", "min": 2},
  "level": "required", "stages": ["active"], "source": "cdc", "section": "§4.1",
  "basis": "ars_requirement", "requirement": "Deux réunions par an.", "advice": "Réunissez-vous."}`

func referential(rules ...string) []byte {
	return []byte(strings.Replace(minimalReferential, "RULE", strings.Join(rules, ","), 1))
}

func withRule(replace ...string) []byte {
	return referential(strings.NewReplacer(replace...).Replace(goodRule))
}

func TestParseGoodReferential(t *testing.T) {
	r, err := labels.Parse(referential(goodRule))
	require.NoError(t, err)
	rule, ok := r.Rule("r1")
	require.True(t, ok)
	assert.Equal(t, 2, rule.ParamValues().Int("min"))
	assert.Equal(t, 12, rule.ParamValues().Int("months"), "defaults fill the parameters a rule leaves out")
	assert.Equal(t, labels.AxisGovernance, rule.EffectiveAxis())
}

func TestParseBadReferentials(t *testing.T) {
	tests := []struct {
		reason string
		data   []byte
		code   string
		path   string
		says   string
	}{
		{"unknown check", withRule(`"meetings.count"`, `"meetings.cuont"`), labels.CodeUnknownCheck, "/rules/0/check", "meetings.count"},
		{"parameter of the wrong type", withRule(`"min": 2`, `"min": "deux"`), labels.CodeParamType, "/rules/0/params/min", "nombre entier"},
		{"unknown parameter", withRule(`"min": 2`, `"min": 2, "minimum": 3`), labels.CodeUnknownParam, "/rules/0/params/minimum", "min, months"},
		{"missing required parameter", withRule(`"body": "copil", `, ``), labels.CodeMissingParam, "/rules/0/params", "body"},
		{"parameter value not allowed", withRule(`"copil"`, `"bureau"`), labels.CodeParamType, "/rules/0/params/body", "plenary"},
		{"duplicate rule ID", referential(goodRule, goodRule), labels.CodeDuplicateRule, "/rules/1/id", "r1"},
		{"citation of an unlisted document", withRule(`"source": "cdc"`, `"source": "cahier"`), labels.CodeUnknownDocument, "/rules/0/source", "cahier"},
		{"missing citation", withRule(`"section": "§4.1",`, ``), "required", "/rules/0/section", "obligatoire"},
		{"unknown stage", withRule(`["active"]`, `["actif"]`), "enum", "/rules/0/stages/0", "actif"},
		{"unknown level", withRule(`"required"`, `"obligatoire"`), "enum", "/rules/0/level", "obligatoire"},
		{"condition on no question", withRule(`"stages"`, `"when": [{"path": "/copil/existe", "in": [true]}], "stages"`), labels.CodeConditionPath, "/rules/0/when/0/path", "existe"},
		{"condition value of the wrong type", withRule(`"stages"`, `"when": [{"path": "/copil/exists", "in": ["oui"]}], "stages"`), labels.CodeConditionValue, "/rules/0/when/0/in/0", "oui"},
		{"path parameter on a non yes/no question", withRule(`"meetings.count", "params": {"body": "copil", "min": 2}`, `"answer.yes", "params": {"paths": ["/coordinator/fte"]}`), labels.CodeParamType, "/rules/0/params/paths", "oui/non"},
		{"list value of another list", withRule(`"meetings.count", "params": {"body": "copil", "min": 2}`, `"list.includes", "params": {"path": "/evaluation/reportRecipients", "values": ["cts"]}`), labels.CodeParamValue, "/rules/0/params", "cts"},
		{"unknown key", withRule(`"level"`, `"niveau": "requis", "level"`), clsm.CodeUnknownField, "/rules/0/niveau", "niveau"},
		{"condition on the format version", withRule(`"stages"`, `"when": [{"path": "/schemaVersion", "in": [2]}], "stages"`), labels.CodeConditionPath, "/rules/0/when/0/path", "version du format"},
		{"contradictory conditions on one question", withRule(`"stages"`, `"when": [{"path": "/stage", "in": ["active"]}, {"path": "/stage", "in": ["project"]}], "stages"`), labels.CodeConditionValue, "/rules/0/when/1", "sans réponse commune"},
		{"condition value not in the enumeration", withRule(`"stages"`, `"when": [{"path": "/stage", "in": ["actif"]}], "stages"`), labels.CodeConditionValue, "/rules/0/when/0/in/0", "actif"},
		{"too long a list parameter", withRule(`"meetings.count", "params": {"body": "copil", "min": 2}`, `"answer.yes", "params": {"paths": [`+strings.Repeat(`"/copil/exists",`, 50)+`"/copil/exists"]}`), labels.CodeParamType, "/rules/0/params/paths", "50 au plus"},
		{"no rules", referential(), "min", "/rules", "au moins 1"},
		{"not JSON", []byte(`{"id": `), clsm.CodeSyntax, "", "JSON"},
		{"a dossier instead of a referential", []byte(`{"schemaVersion": 1, "stage": "active", "territory": {"communes": ["12202"]}}`), labels.CodeWrongDocument, "", "dossier de CLSM"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			r, err := labels.Parse(tt.data)
			assert.Nil(t, r)
			var ps clsm.Problems
			require.ErrorAs(t, err, &ps)
			found := false
			for _, p := range ps {
				if p.Code == tt.code && p.Path == tt.path {
					found = true
					assert.Contains(t, p.Message, tt.says)
				}
				assert.NotContains(t, p.Message, "Key:")
			}
			assert.True(t, found, "want %s at %s, got %v", tt.code, tt.path, ps)
		})
	}
}

func TestBuiltinReferentials(t *testing.T) {
	for _, id := range labels.BuiltinIDs() {
		data, ok := labels.BuiltinJSON(id)
		require.True(t, ok)
		_, err := labels.Parse(data)
		require.NoError(t, err, "%s must pass the full checks", id)
		r, err := labels.Builtin(id)
		require.NoError(t, err, id)
		assert.Equal(t, id, r.ID)
		for _, rule := range r.Rules {
			assert.True(t, strings.HasPrefix(rule.ID, map[string]string{"idf": "idf-", "occitanie": "occ-", "hdf": "hdf-", "national": "nat-"}[id]), rule.ID)
			doc, ok := r.Document(rule.Source)
			assert.True(t, ok)
			assert.NotEmpty(t, doc.Title)
			assert.NotEmpty(t, rule.EffectiveAxis(), rule.ID)
		}
	}
	_, err := labels.Builtin("bretagne")
	assert.ErrorContains(t, err, "idf")
}

func TestReferentialTagsHaveFrenchMessages(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for i := 0; i < typ.NumField(); i++ {
			sf := typ.Field(i)
			for _, rule := range strings.Split(sf.Tag.Get("validate"), ",") {
				tag, _, _ := strings.Cut(rule, "=")
				if tag != "" {
					assert.True(t, clsm.HasFrenchMessage(tag), "%s.%s uses %q, which has no French message", typ.Name(), sf.Name, tag)
				}
			}
			walk(sf.Type)
		}
	}
	walk(reflect.TypeFor[labels.Referential]())
}

// TestConditionsCompareDecodedValues checks that a condition written with a
// JSON escape or a fraction part matches the answer it means: before, the
// bytes were compared and such a rule was silently « sans objet ».
func TestConditionsCompareDecodedValues(t *testing.T) {
	tests := []struct {
		when, reason string
	}{
		{`{"path": "/stage", "in": ["\u0061ctive"]}`, "a JSON escape spells the same text"},
		{`{"path": "/territory/qpvCount", "in": [1.0]}`, "1.0 is the whole number 1"},
		{`{"path": "/territory/qpvCount", "in": [1e0]}`, "so is 1e0"},
	}
	d := &clsm.Dossier{Stage: clsm.StageActive, Territory: clsm.Territory{CoversQPV: new(true), QPVCount: new(1)}}
	for _, tt := range tests {
		r, err := labels.Parse(withRule(`"stages"`, `"when": [`+tt.when+`], "stages"`))
		require.NoError(t, err, tt.reason)
		rule, _ := r.Rule("r1")
		res := rule.Evaluate(d, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
		assert.NotEqual(t, labels.NotApplicable, res.Outcome, "%s: %s", tt.reason, res.Detail)
	}
}
