package labels_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// TestBuiltinReadiness holds every built-in referential to saying what
// « prêt à déposer » means at each stage, with required, unconditional rules
// of that stage (Parse checks the rules themselves) and the text it rests on.
func TestBuiltinReadiness(t *testing.T) {
	for _, id := range labels.BuiltinIDs() {
		ref, err := labels.Builtin(id)
		require.NoError(t, err)
		for _, s := range []clsm.Stage{clsm.StageProject, clsm.StageConstitution, clsm.StageActive} {
			sr, ok := ref.ReadinessFor(s)
			if !assert.True(t, ok, "%s: no readiness for stage %s", id, s) {
				continue
			}
			assert.NotEmpty(t, sr.Meaning, "%s/%s: meaning", id, s)
			assert.NotEmpty(t, sr.Rules, "%s/%s: rules", id, s)
			assert.NotEmpty(t, sr.Quote, "%s/%s: quote", id, s)
			for _, rid := range sr.Rules {
				rule, ok := ref.Rule(rid)
				if assert.True(t, ok, "%s/%s: %s", id, s, rid) {
					assert.Equal(t, labels.LevelRequired, rule.Level, "%s/%s: %s", id, s, rid)
					assert.True(t, rule.AppliesTo(s), "%s/%s: %s", id, s, rid)
					assert.Empty(t, rule.When, "%s/%s: %s", id, s, rid)
					assert.NotEmpty(t, rule.Modal, "%s/%s: %s rests on a text read, with its word", id, s, rid)
				}
			}
		}
	}
}

// TestBuiltinReadinessAtProject: a project is ready only with its pillars
// committed and, where a text that binds its author asks for it, its
// diagnostic done or planned (the national socle, and the Hauts-de-France
// referential built on it, have the diagnostic step only from an interview:
// recommended); nothing the sources place later (a roadmap, a coordinator)
// is asked of it.
func TestBuiltinReadinessAtProject(t *testing.T) {
	for _, id := range labels.BuiltinIDs() {
		ref, err := labels.Builtin(id)
		require.NoError(t, err)
		sr, ok := ref.ReadinessFor(clsm.StageProject)
		require.True(t, ok, id)
		checks := map[string]bool{}
		paths := map[string]bool{}
		for _, rid := range sr.Rules {
			rule, _ := ref.Rule(rid)
			checks[rule.Check] = true
			for _, p := range rule.ParamValues().Strings("paths") {
				paths[p] = true
			}
		}
		assert.True(t, checks["governance.elected-president"], "%s: an elected president", id)
		assert.True(t, paths["/governance/psychiatryCoLeads"], "%s: public psychiatry co-leading", id)
		diagnostic := paths["/diagnostic/done"] && paths["/diagnostic/planned"]
		bindingDiagnostic := id == "idf" || id == "occitanie"
		assert.Equal(t, bindingDiagnostic, diagnostic, "%s: a diagnostic done or planned, only where a binding text asks for it", id)
		assert.False(t, paths["/copil/roadmap"], "%s: no roadmap before a COPIL is constituted", id)
		assert.False(t, checks["coordinator.present"], "%s: no coordinator asked of a project", id)
	}
}

func TestBuiltinRegionsAndPartial(t *testing.T) {
	tests := []struct {
		id      string
		serves  []string
		refuses []string
		partial bool
	}{
		{"idf", []string{"11"}, []string{"76", "32", "84"}, false},
		{"occitanie", []string{"76"}, []string{"11", "32"}, true},
		{"hdf", []string{"32"}, []string{"11", "76"}, true},
		{"national", []string{"11", "76", "32", "84", "01", "94"}, nil, true},
	}
	for _, tt := range tests {
		ref, err := labels.Builtin(tt.id)
		require.NoError(t, err)
		for _, r := range tt.serves {
			assert.True(t, ref.Serves(r), "%s serves region %s", tt.id, r)
		}
		for _, r := range tt.refuses {
			assert.False(t, ref.Serves(r), "%s does not serve region %s", tt.id, r)
		}
		assert.Equal(t, tt.partial, ref.Partial(), "%s: partial", tt.id)
		for _, u := range ref.UnreadSources {
			assert.NotEmpty(t, u.Title, tt.id)
			assert.NotEmpty(t, u.Reason, tt.id)
		}
	}
	idf, err := labels.Builtin("idf")
	require.NoError(t, err)
	assert.Equal(t, []string{"11"}, idf.Regions, "Île-de-France only")
	national, err := labels.Builtin("national")
	require.NoError(t, err)
	assert.Empty(t, national.Regions, "the national baseline names no region")
}

// TestLevelsTheTextsFix pins the levels and thresholds that follow from
// the words of the texts, so that they do not drift back.
func TestLevelsTheTextsFix(t *testing.T) {
	levels := map[string]map[string]labels.Level{
		"idf": {
			"idf-copil-partenaires":             labels.LevelRequired,     // « rassemble »
			"idf-copil-coordonnateur-cls":       labels.LevelRequired,     // « rassemble »
			"idf-integration-regionale":         labels.LevelRequired,     // « sera portée »
			"idf-action-9-2":                    labels.LevelRequired,     // « il met en œuvre »
			"idf-communication":                 labels.LevelRequired,     // « il doit [mettre] en œuvre »
			"idf-communication-clsm":            labels.LevelRecommended,  // « il peut »
			"idf-sism":                          labels.LevelGoodPractice, // « il peut notamment »
			"idf-financement-part-ars":          labels.LevelRecommended,  // page not read
			"idf-financement-demande-conjointe": labels.LevelRecommended,  // page not read
			"idf-convention-tripartite":         labels.LevelRecommended,  // page not read
		},
		"occitanie": {
			"occ-objectif-observation": labels.LevelRequired,    // « définit »
			"occ-copil":                labels.LevelRecommended, // « généralement »
		},
		"national": {
			"nat-presidence":           labels.LevelRequired,    // « présidé »
			"nat-coanimation":          labels.LevelRequired,    // « coanimé »
			"nat-presidence-instances": labels.LevelRecommended, // summaries only
			"nat-reglement-interieur":  labels.LevelRecommended, // summaries only
			"nat-feuille-de-route":     labels.LevelRecommended, // « élabore », in an interview
			"nat-diagnostic":           labels.LevelRecommended, // « est mené », in an interview
		},
		"hdf": {
			"nat-presidence":         labels.LevelRequired,    // the national socle, inherited
			"hdf-convention":         labels.LevelRecommended, // « effectue », in an interview
			"hdf-coordonnateur":      labels.LevelRecommended, // « a minima », in an interview
			"hdf-copil-strategie":    labels.LevelRecommended, // « élabore », in an interview
			"hdf-groupes-de-travail": labels.LevelRecommended, // « élabore », in an interview
		},
	}
	for id, want := range levels {
		ref, err := labels.Builtin(id)
		require.NoError(t, err)
		for rid, level := range want {
			rule, ok := ref.Rule(rid)
			if assert.True(t, ok, rid) {
				assert.Equal(t, level, rule.Level, rid)
			}
		}
	}
	idf, err := labels.Builtin("idf")
	require.NoError(t, err)
	bilan, _ := idf.Rule("idf-bilan-annuel")
	assert.Equal(t, 12, bilan.ParamValues().Int("months"), "« bilan annuel »: twelve months")
	cls, _ := idf.Rule("idf-cls")
	assert.Equal(t, labels.AbsenceGap, cls.Absence, "« ne financera … que si … un CLS »: no CLS is the very case")
	recruit, _ := idf.Rule("idf-coordonnateur-recrutement")
	assert.Equal(t, "unmet", recruit.ParamValues().String("otherEmployer"), "§5 names only the hospital or the collectivité")
}
