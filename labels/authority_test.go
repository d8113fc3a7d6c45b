package labels_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// interviewReferential is a referential whose only document reports words
// (an article), with one rule given by rule.
func interviewReferential(doc, rule string) []byte {
	return []byte(`{"schemaVersion": 1, "id": "test", "name": "Test", "issuer": "ARS Test", "version": "1",
  "documents": [` + doc + `], "rules": [` + rule + `]}`)
}

const (
	articleDoc  = `{"id": "art", "title": "Monter un CLSM", "kind": "article", "speaker": "Une coordinatrice nationale"}`
	articleRule = `{"id": "r1", "check": "answer.yes", "params": {"paths": ["/governance/convention"]},
  "level": "LEVEL", "stages": ["active"], "source": "art", "section": "Les étapes",
  "basis": "recommendation", "requirement": "Une convention.", "advice": "Signez-la."}`
	deviceRule = `{"id": "r1", "check": "articulation", "params": {"scheme": "ptsm"}, ABSENCE
  "level": "required", "stages": ["active"], "source": "cdc", "section": "§2",
  "basis": "ars_requirement", "quote": "Le CLSM doit participer au PTSM.", "modal": "doit",
  "requirement": "Le PTSM.", "advice": "Participez-y."}`
)

// TestParseAuthorityAndAbsence: a rule is « requis » only on a text that
// binds its author, and a rule that depends on a device says what its
// absence means, and why.
func TestParseAuthorityAndAbsence(t *testing.T) {
	absence := func(s string) []byte { return referential(strings.Replace(deviceRule, "ABSENCE", s, 1)) }
	tests := []struct {
		reason string
		data   []byte
		code   string
		path   string
		says   string
	}{
		{"a required rule from an article", interviewReferential(articleDoc, strings.Replace(articleRule, "LEVEL", "required", 1)),
			labels.CodeNonBinding, "/rules/0/level", "propos de Une coordinatrice nationale, rapportés dans l'article « Monter un CLSM »"},
		{"a required rule from an interview", interviewReferential(strings.Replace(articleDoc, `"article"`, `"interview"`, 1), strings.Replace(articleRule, "LEVEL", "required", 1)),
			labels.CodeNonBinding, "/rules/0/level", "au plus recommandée"},
		{"an article that does not say whose words", interviewReferential(`{"id": "art", "title": "Monter un CLSM", "kind": "article"}`, strings.Replace(articleRule, "LEVEL", "recommended", 1)),
			labels.CodeSpeaker, "/documents/0/speaker", "un article"},
		{"a device-dependent rule without a decision", absence(""), labels.CodeAbsence, "/rules/0/absence", "« not_applicable »"},
		{"a decision without its reason", absence(`"absence": "gap",`), labels.CodeAbsence, "/rules/0/absenceWhy", "absenceWhy"},
		{"a decision that is not an option", absence(`"absence": "absent", "absenceWhy": "…",`), "enum", "/rules/0/absence", "absent"},
		{"a condition on a device counts as a dependency", referential(strings.Replace(goodRule, `"stages"`, `"when": [{"path": "/articulations/asv", "in": ["yes", "no"]}], "stages"`, 1)),
			labels.CodeAbsence, "/rules/0/absence", "« Atelier santé ville (ASV) »"},
		{"a decision on a rule that depends on no device", referential(strings.Replace(goodRule, `"stages"`, `"absence": "gap", "absenceWhy": "…", "stages"`, 1)),
			labels.CodeAbsence, "/rules/0/absence", "ne dépend d'aucun dispositif"},
		{"the former parameter of the articulation check", referential(strings.NewReplacer("ABSENCE", `"absence": "gap", "absenceWhy": "…",`, `"scheme": "ptsm"`, `"scheme": "ptsm", "absent": "unmet"`).Replace(deviceRule)),
			labels.CodeUnknownParam, "/rules/0/params/absent", "absent"},
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
				assert.Contains(t, labels.ProblemCodes(), p.Code, "every code is a declared constant")
			}
			assert.True(t, found, "want %s at %s, got %v", tt.code, tt.path, ps)
		})
	}
	// The same rules, written as the texts allow, are read.
	for _, data := range [][]byte{
		interviewReferential(articleDoc, strings.Replace(articleRule, "LEVEL", "recommended", 1)),
		absence(`"absence": "gap", "absenceWhy": "Chaque territoire a son PTSM.",`),
		// A document without a kind is read as its issuer's own text, as
		// before kinds existed.
		referential(goodRule),
	} {
		_, err := labels.Parse(data)
		assert.NoError(t, err)
	}
}

// TestBuiltinDocumentsSayWhoWrote: every document of a built-in referential
// names its kind, and an article names whose words it reports.
func TestBuiltinDocumentsSayWhoWrote(t *testing.T) {
	for _, ref := range labels.Builtins() {
		for _, d := range ref.Documents {
			assert.True(t, d.Kind.Valid(), "%s/%s: kind %q", ref.ID, d.ID, d.Kind)
			if d.Kind.Reported() {
				assert.NotEmpty(t, d.Speaker, "%s/%s: whose words", ref.ID, d.ID)
				assert.True(t, strings.HasPrefix(d.Attribution(), "propos de "), "%s/%s: %s", ref.ID, d.ID, d.Attribution())
			} else {
				assert.Equal(t, d.Title, d.Attribution(), "%s/%s", ref.ID, d.ID)
			}
		}
		for _, r := range ref.Rules {
			if len(r.Devices()) > 0 {
				assert.NotEmpty(t, r.AbsenceWhy, "%s/%s: why this reading of an absence", ref.ID, r.ID)
			}
		}
	}
}

// TestAbsenceReadAsTheTextReadsIt pins the decisions that the texts settle
// (each with its reason in the referential).
func TestAbsenceReadAsTheTextReadsIt(t *testing.T) {
	want := map[string]map[string]labels.Absence{
		"idf": {
			"idf-cls":              labels.AbsenceGap,           // §6 « ne financera des CLSM que si leur action s'intègre dans un CLS »
			"idf-contrat-de-ville": labels.AbsenceGap,           // §7 and the 2014 circular, where there are QPV
			"idf-ptsm":             labels.AbsenceGap,           // §2, and a PTSM on every territory
			"idf-asv":              labels.AbsenceNotApplicable, // §7 « Si un ASV est en place »
			"idf-copil-asv":        labels.AbsenceNotApplicable,
		},
		"occitanie": {
			"occ-cls":               labels.AbsenceGap, // « un cadre d'action privilégié », recommended
			"occ-articulation-ptsm": labels.AbsenceGap,
			"occ-articulation-cpts": labels.AbsenceNotApplicable, // « Il existe également d'autres outils … sur un territoire »
		},
		"national": {
			"nat-qpv":               labels.AbsenceGap,
			"nat-articulation-ptsm": labels.AbsenceGap,
			"nat-articulation-cls":  labels.AbsenceNotApplicable,
		},
	}
	for id, rules := range want {
		ref, err := labels.Builtin(id)
		require.NoError(t, err)
		for rid, a := range rules {
			rule, ok := ref.Rule(rid)
			if assert.True(t, ok, rid) {
				assert.Equal(t, a, rule.Absence, rid)
			}
		}
	}
	idf, _ := labels.Builtin("idf")
	city, _ := idf.Rule("idf-contrat-de-ville")
	require.Len(t, city.When, 1, "the contrat de ville is asked where the territory has QPV")
	assert.Equal(t, "/territory/coversQPV", city.When[0].Path)
	occ, _ := labels.Builtin("occitanie")
	cls, _ := occ.Rule("occ-cls")
	assert.Equal(t, labels.LevelRecommended, cls.Level, "« n'est pas conditionnée à l'existence d'un CLS »: never blocking")
	hdf, _ := labels.Builtin("hdf")
	for _, r := range hdf.Rules {
		assert.False(t, strings.HasPrefix(r.ID, "hdf-") && r.Check == "articulation", "%s: the article names no device", r.ID)
		assert.False(t, strings.HasPrefix(r.ID, "hdf-") && r.Level == labels.LevelRequired, "%s: the article's words give at most recommandé", r.ID)
		assert.NotEqual(t, "coordinator.ars-share", r.Check, "%s: what the ARS pays is no rule on the dossier", r.ID)
	}
}

// TestAbsentDeviceDetails: the report says whether an absence is the gap or
// makes the rule sans objet, and names what contradicts it.
func TestAbsentDeviceDetails(t *testing.T) {
	idf, err := labels.Builtin("idf")
	require.NoError(t, err)
	city, _ := idf.Rule("idf-contrat-de-ville")
	d := doc{"stage": "active"}.set("/territory/coversQPV", true).set("/territory/qpvCount", 6).set("/articulations/cityContract", "absent").dossier(t)
	res := city.Evaluate(d, evalDate)
	assert.Equal(t, labels.Unmet, res.Outcome)
	assert.Contains(t, res.Detail, "Aucun contrat de ville sur le territoire, alors que c'est précisément ce que le texte demande.")
	assert.Contains(t, res.Detail, "6\u00a0quartiers prioritaires")
	assert.Contains(t, res.Detail, "vérifiez cette réponse")

	ptsm, _ := idf.Rule("idf-ptsm")
	res = ptsm.Evaluate(doc{"stage": "active"}.set("/articulations/ptsm", "absent").dossier(t), evalDate)
	assert.Equal(t, labels.Unmet, res.Outcome)
	assert.Contains(t, res.Detail, "article L3221-2")

	asv, _ := idf.Rule("idf-copil-asv")
	res = asv.Evaluate(doc{"stage": "active"}.set("/articulations/asv", "absent").dossier(t), evalDate)
	assert.Equal(t, labels.NotApplicable, res.Outcome)
	assert.Equal(t, "Aucun atelier santé ville (ASV) sur le territoire, ce qui rend la règle sans objet.", res.Detail)

	// A blank never becomes « non »: with the QPV question unanswered, an
	// absent contrat de ville leaves the rule unknown.
	res = city.Evaluate(doc{"stage": "active"}.set("/articulations/cityContract", "absent").dossier(t), evalDate)
	assert.Equal(t, labels.Unknown, res.Outcome)
}
