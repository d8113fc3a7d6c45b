package labels_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
)

const minimalReferential = `{
  "schemaVersion": 1, "id": "test", "name": "Test", "issuer": "ARS Test", "version": "1",
  "documents": [{"id": "cdc", "title": "Cahier des charges"}],
  "rules": [RULE]
}`

const goodRule = `{"id": "r1", "check": "meetings.count", "params": {"body": "copil", "min": 2},
  "level": "required", "stages": ["active"], "source": "cdc", "section": "§4.1",
  "quote": "Le COPIL se réunit deux fois par an.", "modal": "se réunit",
  "basis": "ars_requirement", "requirement": "Deux réunions par an.", "advice": "Réunissez-vous."}`

func referential(rules ...string) []byte {
	return []byte(strings.Replace(minimalReferential, "RULE", strings.Join(rules, ","), 1))
}

func withRule(replace ...string) []byte {
	return referential(strings.NewReplacer(replace...).Replace(goodRule))
}

// TestIntegerParameterWithFraction: 2.0 is the whole number 2, as JSON
// Schema counts it; 2.5 is refused.
func TestIntegerParameterWithFraction(t *testing.T) {
	r, err := labels.Parse(withRule(`"min": 2`, `"min": 2.0`))
	require.NoError(t, err)
	rule, _ := r.Rule("r1")
	assert.Equal(t, 2, rule.ParamValues().Int("min"))
	_, err = labels.Parse(withRule(`"min": 2`, `"min": 2.5`))
	assert.ErrorContains(t, err, "nombre entier")
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
		{"no rules", referential(), "required", "/rules", "au moins une règle"},
		{"rule outside the prefix", []byte(strings.Replace(string(referential(goodRule)), `"version": "1",`, `"version": "1", "rulePrefix": "t-",`, 1)), labels.CodeRulePrefix, "/rules/0/id", "« t- »"},
		{"drop without extends", []byte(strings.Replace(string(referential(goodRule)), `"version": "1",`, `"version": "1", "drop": ["r2"],`, 1)), labels.CodeBaseRule, "/drop", "extends"},
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
				assert.Contains(t, labels.ProblemCodes(), p.Code, "every code is a declared constant")
			}
			assert.True(t, found, "want %s at %s, got %v", tt.code, tt.path, ps)
		})
	}
}

func TestBuiltinReferentials(t *testing.T) {
	defaults := 0
	served := map[string]string{}
	for _, id := range labels.BuiltinIDs() {
		data, ok := labels.BuiltinJSON(id)
		require.True(t, ok)
		_, err := labels.Parse(data)
		require.NoError(t, err, "%s must pass the full checks", id)
		r, err := labels.Builtin(id)
		require.NoError(t, err, id)
		assert.Equal(t, id, r.ID, "a built-in's file is named after its ID")
		if r.Extends == "" {
			assert.NotEmpty(t, r.RulePrefix, "%s: a built-in says how its rule IDs begin", id)
		}
		if r.Default {
			defaults++
			assert.Empty(t, r.Regions, "%s: the default referential serves every region", id)
		}
		for _, code := range r.Regions {
			assert.Empty(t, served[code], "region %s is served by %s and %s: ForRegion would pick one silently", code, served[code], id)
			served[code] = id
		}
		for _, rule := range r.Rules {
			doc, ok := r.Document(rule.Source)
			assert.True(t, ok)
			assert.NotEmpty(t, doc.Title)
			assert.NotEmpty(t, rule.EffectiveAxis(), rule.ID)
		}
	}
	assert.Equal(t, 1, defaults, "exactly one built-in referential is the default")
	_, err := labels.Builtin(neverAnID)
	assert.ErrorContains(t, err, "idf")
}

func TestBuiltinsAndRegions(t *testing.T) {
	refs := labels.Builtins()
	require.Len(t, refs, len(labels.BuiltinIDs()))
	for i := 1; i < len(refs); i++ {
		a, b := refs[i-1], refs[i]
		assert.True(t, a.Order < b.Order || a.Order == b.Order && a.ID < b.ID, "%s before %s", a.ID, b.ID)
	}
	assert.True(t, refs[0].Default, "the default referential comes first")
	for _, r := range refs {
		for _, code := range r.Regions {
			assert.Equal(t, r.ID, labels.ForRegion(code).ID)
		}
		same, err := labels.Builtin(r.ID)
		require.NoError(t, err)
		assert.Equal(t, same, r, "the same referential")
		assert.NotSame(t, same, r, "each caller owns its copy")
	}
	tests := []struct {
		region, reason string
	}{
		{"", "no region"},
		{regionWithoutItsOwn(t), "a region without its own referential"},
		{"99", "not a region"},
	}
	for _, tt := range tests {
		r := labels.ForRegion(tt.region)
		require.NotNil(t, r, tt.reason)
		assert.True(t, r.Default, tt.reason)
	}
	assert.True(t, labels.ForDossier(nil).Default)
	assert.True(t, labels.ForDossier(&clsm.Dossier{}).Default, "no department")
	for _, r := range refs {
		for _, code := range r.Regions {
			for _, dept := range clsm.DepartmentCode("").Options() {
				if reg, _ := clsm.DepartmentCode(dept.Value).Region(); reg.Code == code {
					d := &clsm.Dossier{Territory: clsm.Territory{Department: clsm.DepartmentCode(dept.Value)}}
					assert.Equal(t, r.ID, labels.ForDossier(d).ID, "department %s", dept.Value)
				}
			}
		}
	}
}

// extending is a referential that starts from Occitanie; CHANGES is replaced
// by its own keys.
const extending = `{"schemaVersion": 1, "id": "dd12", "name": "Aveyron", "issuer": "DD12", "version": "1",
  "extends": "occitanie", CHANGES}`

const ownRule = `{"id": "dd12-jeunes", "check": "theme.addressed", "params": {"theme": "youth"},
  "level": "required", "stages": ["active"], "source": "cdc-dd12", "section": "§3",
  "quote": "Le CLSM doit travailler sur la santé mentale des jeunes.", "modal": "doit",
  "basis": "ars_requirement", "requirement": "Les jeunes.", "advice": "Un groupe jeunes."}`

const ownDocument = `{"id": "cdc-dd12", "title": "Cahier des charges départemental"}`

func extend(changes string) []byte {
	return []byte(strings.Replace(extending, "CHANGES", changes, 1))
}

func TestExtends(t *testing.T) {
	occ, err := labels.Builtin("occitanie")
	require.NoError(t, err)
	override := strings.NewReplacer(`"dd12-jeunes"`, `"occ-copil"`, `"required"`, `"recommended"`).Replace(ownRule)
	r, err := labels.Parse(extend(`"drop": ["occ-partenaires-cite"], "override": [` + override + `],
	  "documents": [` + ownDocument + `], "rules": [` + ownRule + `]`))
	require.NoError(t, err)
	assert.Equal(t, "dd12", r.ID)
	assert.Equal(t, "occitanie", r.Extends)
	assert.Empty(t, r.Drop)
	assert.Empty(t, r.Override)
	assert.Equal(t, occ.Regions, r.Regions, "regions are inherited")
	assert.True(t, r.Partial(), "so are the unread sources")
	assert.Len(t, r.Rules, len(occ.Rules)-1+1)
	_, kept := r.Rule("occ-partenaires-cite")
	assert.False(t, kept, "dropped")
	copil, ok := r.Rule("occ-copil")
	require.True(t, ok)
	assert.Equal(t, "theme.addressed", copil.Check, "overridden whole")
	assert.NotNil(t, copil.CheckDef())
	assert.Equal(t, occ.Rules[5].ID, r.Rules[4].ID, "the base's order is kept")
	assert.Equal(t, "dd12-jeunes", r.Rules[len(r.Rules)-1].ID, "own rules come last")
	_, ok = r.Document("site-occ")
	assert.True(t, ok)
	_, ok = r.Document("cdc-dd12")
	assert.True(t, ok)
	assert.Equal(t, occ.Readiness, r.Readiness, "readiness is inherited")
	assert.Equal(t, "occ-copil", occ.Rules[5].ID)
	assert.Equal(t, "members.include", occ.Rules[5-1].Check, "the base is not modified")
	copilBase, _ := occ.Rule("occ-copil")
	assert.Equal(t, "answer.yes", copilBase.Check, "the base is not modified")

	// The file's own fields win; a stage of its own replaces the base's.
	r, err = labels.Parse(extend(`"regions": ["11"], "readiness": [{"stage": "active", "meaning": "Prêt.", "rules": ["occ-presidence"], "source": "site-occ", "section": "§1"}]`))
	require.NoError(t, err)
	assert.Equal(t, []string{"11"}, r.Regions)
	active, ok := r.ReadinessFor(clsm.StageActive)
	require.True(t, ok)
	assert.Equal(t, []string{"occ-presidence"}, active.Rules)
	assert.Len(t, r.Readiness, len(occ.Readiness))

	// A dropped rule leaves the readiness that named it.
	r, err = labels.Parse(extend(`"drop": ["occ-piliers-projet"]`))
	require.NoError(t, err)
	project, _ := r.ReadinessFor(clsm.StageProject)
	assert.Equal(t, []string{"occ-presidence", "occ-diagnostic-engage"}, project.Rules)
}

func TestExtendsProblems(t *testing.T) {
	tests := []struct {
		reason  string
		changes string
		code    string
		path    string
		says    string
	}{
		{"unknown base", `"summary": "Rien."`, labels.CodeUnknownBase, "/extends", "occitanie"},
		{"drop of a rule the base does not have", `"drop": ["occ-presidence", "occ-inconnue"]`, labels.CodeBaseRule, "/drop/1", "occ-inconnue"},
		{"override of a rule the base does not have", `"override": [` + ownRule + `], "documents": [` + ownDocument + `]`, labels.CodeBaseRule, "/override/0/id", "rules"},
		{"a rule dropped and overridden", `"drop": ["occ-copil"], "override": [` + strings.Replace(goodRule, `"r1"`, `"occ-copil"`, 1) + `], "documents": [{"id": "cdc", "title": "CDC"}]`, labels.CodeBaseRule, "/override/0/id", "à la fois"},
		{"a new rule with a base rule's ID", `"rules": [` + strings.Replace(ownRule, `"dd12-jeunes"`, `"occ-copil"`, 1) + `], "documents": [` + ownDocument + `]`, labels.CodeDuplicateRule, "/rules/0/id", "override"},
		{"a readiness emptied by drop", `"drop": ["occ-presidence", "occ-piliers-projet", "occ-diagnostic-engage"]`, labels.CodeReadinessEmpty, "/drop/2", "« readiness »"},
		{"an override that makes a readiness rule optional", `"override": [` + strings.NewReplacer(`"dd12-jeunes"`, `"occ-presidence"`, `"required"`, `"recommended"`).Replace(ownRule) + `], "documents": [` + ownDocument + `]`, labels.CodeReadinessRule, "/override/0", "occ-presidence"},
		{"an override citing no document", `"override": [` + strings.Replace(ownRule, `"dd12-jeunes"`, `"occ-copil"`, 1) + `]`, labels.CodeUnknownDocument, "/override/0/source", "cdc-dd12"},
		{"an invalid override", `"override": [` + strings.NewReplacer(`"dd12-jeunes"`, `"occ-copil"`, `"required"`, `"obligatoire"`).Replace(ownRule) + `], "documents": [` + ownDocument + `]`, "enum", "/override/0/level", "obligatoire"},
		{"an own rule outside the prefix", `"rulePrefix": "dd12-", "rules": [` + strings.Replace(ownRule, `"dd12-jeunes"`, `"jeunes"`, 1) + `], "documents": [` + ownDocument + `]`, labels.CodeRulePrefix, "/rules/0/id", "dd12-"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			data := extend(tt.changes)
			if tt.code == labels.CodeUnknownBase {
				data = []byte(strings.Replace(string(data), `"occitanie"`, `"referentiel.inconnu"`, 1))
			}
			r, err := labels.Parse(data)
			assert.Nil(t, r)
			var ps clsm.Problems
			require.ErrorAs(t, err, &ps)
			found := false
			for _, p := range ps {
				if p.Code == tt.code && p.Path == tt.path {
					found = true
					assert.Contains(t, p.Message, tt.says)
				}
			}
			assert.True(t, found, "want %s at %s, got %v", tt.code, tt.path, ps)
		})
	}
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
					assert.True(t, wellformed.HasMessage(tag), "%s.%s uses %q, which has no French message", typ.Name(), sf.Name, tag)
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

// neverAnID is a referential identifier no referential can ever have: it is
// longer than the 40 characters an identifier may have (a real one, such as
// « bretagne », may be added as a built-in referential at any time).
const neverAnID = "referentiel-inconnu-de-plus-de-quarante-caracteres"

// TestUnknownCheckMessage: a check name one slip away from a real one gets
// that one; any other unknown name gets the catalogue, as Catalogue lists
// it today.
func TestUnknownCheckMessage(t *testing.T) {
	var ids []string
	for _, c := range labels.Catalogue() {
		ids = append(ids, c.ID)
	}
	for _, tt := range []struct {
		check, want string
	}{
		{ids[0] + "x", "vouliez-vous dire «\u00a0" + ids[0] + "\u00a0»\u00a0?"},
		{"aucune-verification-de-ce-nom", strings.Join(ids, ", ")},
	} {
		rule := strings.Replace(ownRule, `"theme.addressed"`, `"`+tt.check+`"`, 1)
		_, err := labels.Parse(extend(`"documents": [` + ownDocument + `], "rules": [` + rule + `]`))
		var ps clsm.Problems
		require.ErrorAs(t, err, &ps, tt.check)
		found := false
		for _, p := range ps {
			if p.Code == labels.CodeUnknownCheck {
				found = true
				assert.Contains(t, p.Message, tt.want, tt.check)
			}
		}
		assert.True(t, found, tt.check)
	}
}

// regionWithoutItsOwn is the code of a region that no built-in referential
// names, whichever are built in when the test runs.
func regionWithoutItsOwn(t *testing.T) string {
	t.Helper()
	named := map[string]bool{}
	for _, r := range labels.Builtins() {
		for _, code := range r.Regions {
			named[code] = true
		}
	}
	for _, r := range clsm.Regions() {
		if !named[r.Code] {
			return r.Code
		}
	}
	t.Fatal("every region has its own built-in referential")
	return ""
}
