package assess_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/internal/corpustest"
	"github.com/clsmkit/go-clsm/labels"
)

// These tests hold behaviour that tests of the whole report let drift: each
// was written against a change of the engine that every other test let
// through (a mutation), named in its comment.

// outcomes maps each rule of a report to its outcome.
func outcomes(r *assess.Report) map[string]labels.Outcome {
	out := make(map[string]labels.Outcome, len(r.Findings))
	for _, f := range r.Findings {
		out[f.RuleID] = f.Outcome
	}
	return out
}

// TestCompareListsRulesThatDisappeared: a rule of the earlier report that
// the later one no longer has (the referential lost it between two
// assessments) is listed among what no longer applies, with its outcome of
// then. Mutation killed: Compare ignoring the rules of before that after
// does not have.
func TestCompareListsRulesThatDisappeared(t *testing.T) {
	ref := builtin(t, "idf")
	d := exampleDossier(t, "ile-de-france-montreuil-actif")
	before, err := assess.Evaluate(d, ref, evalDate)
	require.NoError(t, err)
	after, err := assess.Evaluate(d, ref, evalDate)
	require.NoError(t, err)
	var gone assess.Finding
	for i, f := range after.Findings {
		if f.Outcome == labels.Met || f.Outcome == labels.Unmet {
			gone = f
			after.Findings = append(after.Findings[:i:i], after.Findings[i+1:]...)
			break
		}
	}
	require.NotEmpty(t, gone.RuleID, "the example has an answered rule")
	c, err := assess.Compare(before, after)
	require.NoError(t, err)
	assert.Equal(t, []assess.Change{{RuleID: gone.RuleID, Level: gone.Level, Requirement: gone.Requirement, Before: gone.Outcome}}, c.Dropped)
	assert.Empty(t, c.New)
	assert.Empty(t, c.Improved)
	assert.Empty(t, c.Regressed)
	assert.Equal(t, len(after.Findings), c.Unchanged)
}

// TestCompareSetsMatchesNamesWhateverTheirCase: the same CLSM, its name
// typed with other capitals and spaces a year later, is matched by name,
// not left as one CLSM gone and one new. Mutation killed: names compared
// as typed.
func TestCompareSetsMatchesNamesWhateverTheirCase(t *testing.T) {
	ref := builtin(t, "national")
	entry := func(file string, d *clsm.Dossier) assess.Entry {
		r, err := assess.Evaluate(d, ref, evalDate)
		require.NoError(t, err)
		return assess.Entry{File: file, Dossier: d, Report: r}
	}
	before := *exampleDossier(t, "ile-de-france-montreuil-actif")
	before.Name = "CLSM de Montreuil"
	after := before
	after.Name = "  clsm  DE montreuil "
	c, err := assess.CompareSets([]assess.Entry{entry("2025/a.json", &before)}, []assess.Entry{entry("2026/b.json", &after)})
	require.NoError(t, err)
	assert.Empty(t, c.OnlyBefore, "matched by name")
	assert.Empty(t, c.OnlyAfter, "matched by name")
	assert.Equal(t, 1, c.Unchanged)
}

// hiddenUnderNo lists, for each gate, the answers the form hides while the
// gate is not « oui », and a value for each, so that a test can fill them
// under a « non ».
var hiddenUnderNo = []struct {
	gate string
	// underNo is the question shown only under « non ».
	underNo string
	// set clears the gate's answers and answers the gate.
	set  func(d *clsm.Dossier, gate *bool)
	fill func(d *clsm.Dossier)
}{
	{"/diagnostic/done", "/diagnostic/planned",
		func(d *clsm.Dossier, g *bool) { d.Diagnostic = clsm.Diagnostic{Done: g} },
		func(d *clsm.Dossier) {
			yes := true
			d.Diagnostic.CompletedOn = clsm.DateOf(evalDate.AddDate(-1, 0, 0))
			d.Diagnostic.Quantitative, d.Diagnostic.Qualitative, d.Diagnostic.WatchAndAlert = &yes, &yes, &yes
			d.Diagnostic.Sources = []clsm.DataSource{clsm.SourceCPAM, clsm.SourceObservatories}
		}},
	{"/copil/exists", "",
		func(d *clsm.Dossier, g *bool) { d.Copil = clsm.Copil{Exists: g} },
		func(d *clsm.Dossier) {
			yes := true
			d.Copil.ChairedByPresident = &yes
			d.Copil.Meetings = []clsm.Date{clsm.DateOf(evalDate.AddDate(0, -2, 0)), clsm.DateOf(evalDate.AddDate(0, -8, 0))}
			d.Copil.Members = []clsm.Member{{Category: clsm.MemberPublicPsychiatry}, {Category: clsm.MemberPresident}, {Category: clsm.MemberUserAssociations}, {Category: clsm.MemberCarerAssociations}}
		}},
	{"/coordinator/exists", "",
		func(d *clsm.Dossier, g *bool) { d.Coordinator = clsm.Coordinator{Exists: g} },
		func(d *clsm.Dossier) {
			fte, half := 1.0, 50.0
			d.Coordinator.FTE = &fte
			d.Coordinator.Funders = []clsm.Funder{{Kind: clsm.FunderARS, Share: &half}, {Kind: clsm.FunderCollectivity, Share: &half}}
		}},
}

// TestAnswersUnderANoCountForNothing: an answer kept under a « non » (a
// diagnostic's sources when no diagnostic is done, a COPIL's meetings when
// it is not constituted) changes no outcome, no count and no indicator of
// any built-in referential: the report is the one of the same dossier
// without it. Mutations killed: the « done » gate dropped (its answers then
// read), and the indicators computed on the dossier as typed rather than on
// the answers the form shows.
func TestAnswersUnderANoCountForNothing(t *testing.T) {
	no := false
	for _, g := range hiddenUnderNo {
		for _, ref := range labels.Builtins() {
			for _, name := range []string{"ile-de-france-montreuil-actif", "occitanie-rodez-en-projet"} {
				bare := exampleDossier(t, name)
				g.set(bare, &no)
				typed := exampleDossier(t, name)
				g.set(typed, &no)
				g.fill(typed)
				want, err := assess.Evaluate(bare, ref, evalDate)
				require.NoError(t, err)
				got, err := assess.Evaluate(typed, ref, evalDate)
				require.NoError(t, err)
				where := g.gate + " « non », " + name + ", " + ref.ID
				assert.Equal(t, outcomes(want), outcomes(got), where)
				assert.Equal(t, want.Counts, got.Counts, where)
				assert.Equal(t, want.Readiness.Level, got.Readiness.Level, where)
				assert.Equal(t, want.Indicators, got.Indicators, where)
				assert.Equal(t, want.National, got.National, where)
			}
		}
	}
}

// TestAnswersUnderAYesCount is the converse, so that the test above cannot
// pass by the answers being ignored everywhere: under « oui », the same
// answers change the report of at least one built-in referential.
func TestAnswersUnderAYesCount(t *testing.T) {
	yes := true
	for _, g := range hiddenUnderNo {
		changed := false
		for _, ref := range labels.Builtins() {
			for _, name := range []string{"ile-de-france-montreuil-actif", "occitanie-rodez-en-projet"} {
				bare := exampleDossier(t, name)
				g.set(bare, &yes)
				typed := exampleDossier(t, name)
				g.set(typed, &yes)
				g.fill(typed)
				want, err := assess.Evaluate(bare, ref, evalDate)
				require.NoError(t, err)
				got, err := assess.Evaluate(typed, ref, evalDate)
				require.NoError(t, err)
				changed = changed || !assert.ObjectsAreEqual(outcomes(want), outcomes(got)) ||
					!assert.ObjectsAreEqual(want.Indicators, got.Indicators) || !assert.ObjectsAreEqual(want.National, got.National)
			}
		}
		assert.True(t, changed, "%s « oui »: the answers it shows feed some rule or indicator", g.gate)
	}
}

// TestGatedQuestionsAreShownUnderYes: in the questionnaire of every
// built-in referential, each answer of hiddenUnderNo's gates is shown only
// when its gate is « oui ». Mutation killed: the « done » gate dropped.
func TestGatedQuestionsAreShownUnderYes(t *testing.T) {
	for _, ref := range labels.Builtins() {
		q := assess.NewQuestionnaire(ref)
		conditions := map[string]*assess.ShowIf{}
		for _, s := range q.Sections {
			for _, it := range s.Questions {
				conditions[it.Path] = it.ShowIf
			}
		}
		for _, g := range hiddenUnderNo {
			parent := g.gate[:strings.LastIndex(g.gate, "/")]
			n := 0
			for path, c := range conditions {
				if !strings.HasPrefix(path, parent+"/") || path == g.gate || strings.Count(path, "/") != 2 {
					continue
				}
				n++
				want := true
				if path == g.underNo {
					want = false
				}
				if assert.NotNil(t, c, "%s: %s is shown whatever %s says", ref.ID, path, g.gate) && c.Path == g.gate {
					assert.Equal(t, []any{want}, c.In, "%s: %s", ref.ID, path)
				}
			}
			assert.Positive(t, n, "%s: questions under %s", ref.ID, g.gate)
		}
	}
}

// TestCompareOutcomePairs: how each pair of outcomes of one rule, before and
// after, is told. A rule not yet due is neither a gap nor evidence, like one
// that does not apply; « non renseigné » sits between « non respecté » and
// « respecté ». Mutations killed: a rule not yet due compared as one that
// applies; unknown ranked below unmet.
func TestCompareOutcomePairs(t *testing.T) {
	const (
		improved  = "improved"
		regressed = "regressed"
		isNew     = "new"
		dropped   = "dropped"
		same      = "unchanged"
	)
	met, unm, unk, nApp, nDue := labels.Met, labels.Unmet, labels.Unknown, labels.NotApplicable, labels.NotDue
	for _, tt := range []struct {
		before, after labels.Outcome
		want          string
		reason        string
	}{
		{unm, met, improved, "the gap is closed"},
		{unm, unk, improved, "an answer « non » withdrawn is no longer a gap"},
		{unk, met, improved, "answered, and met"},
		{met, unk, regressed, "evidence withdrawn"},
		{unk, unm, regressed, "answered, and unmet"},
		{met, unm, regressed, "no longer met"},
		{met, met, same, ""},
		{unk, unk, same, ""},
		{nApp, met, isNew, "now applies"},
		{nDue, unm, isNew, "now due"},
		{nDue, met, isNew, "now due, and met"},
		{met, nApp, dropped, "no longer applies"},
		{unm, nDue, dropped, "not yet due again (a new creation date)"},
		{nApp, nDue, same, "applies in neither"},
		{nDue, nDue, same, "due in neither"},
	} {
		rep := func(o labels.Outcome) *assess.Report {
			return &assess.Report{Referential: assess.ReferentialInfo{ID: "x"}, Findings: []assess.Finding{{RuleID: "r", Outcome: o}}}
		}
		c, err := assess.Compare(rep(tt.before), rep(tt.after))
		require.NoError(t, err)
		got := map[string]int{improved: len(c.Improved), regressed: len(c.Regressed), isNew: len(c.New), dropped: len(c.Dropped), same: c.Unchanged}
		want := map[string]int{improved: 0, regressed: 0, isNew: 0, dropped: 0, same: 0}
		want[tt.want] = 1
		assert.Equal(t, want, got, "%s → %s: %s", tt.before, tt.after, tt.reason)
	}
}

// TestReportSentencesAreFrench holds every sentence a report writes for a
// person (the verdict's explanation, each finding's requirement, detail and
// advice, each next step) to the positive rule of corpustest.AssertFrench,
// for every example under every built-in referential.
func TestReportSentencesAreFrench(t *testing.T) {
	for _, name := range examples.DossierNames() {
		for _, ref := range labels.Builtins() {
			r, err := assess.Evaluate(exampleDossier(t, name), ref, evalDate)
			require.NoError(t, err)
			texts := []string{r.Readiness.Explanation}
			for _, s := range []string{r.Readiness.Caveat, r.Readiness.StageMeaning, r.Readiness.Calendar} {
				if s != "" {
					texts = append(texts, s)
				}
			}
			for _, f := range r.Findings {
				texts = append(texts, f.Requirement, f.Detail)
				if f.Advice != "" {
					texts = append(texts, f.Advice)
				}
			}
			for _, s := range r.NextSteps {
				texts = append(texts, s.Text)
			}
			for _, text := range texts {
				corpustest.AssertFrench(t, text)
			}
		}
	}
}
