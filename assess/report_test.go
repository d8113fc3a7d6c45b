package assess_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// evalDate is the fixed evaluation date of the golden reports.
var evalDate = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func exampleDossier(t testing.TB, name string) *clsm.Dossier {
	t.Helper()
	data, ok := examples.Dossier(name)
	require.True(t, ok, name)
	d, err := clsm.Parse(data)
	require.NoError(t, err)
	return d
}

func builtin(t testing.TB, id string) *labels.Referential {
	t.Helper()
	ref, err := labels.Builtin(id)
	require.NoError(t, err)
	return ref
}

var extensions = map[assess.Format]string{assess.FormatText: "txt", assess.FormatMarkdown: "md", assess.FormatHTML: "html", assess.FormatJSON: "json"}

// TestGoldenReports renders every example dossier against every built-in
// referential in every format and compares with testdata/golden. Run with
// -update after a deliberate change, and read the diff.
func TestGoldenReports(t *testing.T) {
	used := map[string]bool{}
	for _, name := range examples.DossierNames() {
		d := exampleDossier(t, name)
		for _, id := range labels.BuiltinIDs() {
			r, err := assess.Evaluate(d, builtin(t, id), evalDate)
			require.NoError(t, err)
			for _, f := range assess.Formats() {
				var buf bytes.Buffer
				require.NoError(t, assess.Render(&buf, r, f))
				file := filepath.Join("testdata", "golden", name+"."+id+"."+extensions[f])
				used[file] = true
				if *update {
					require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))
				}
				want, err := os.ReadFile(file)
				require.NoError(t, err, "run go test ./assess -update to create %s", file)
				assert.Equal(t, string(want), buf.String(), file)
			}
		}
	}
	// A golden file no test writes is stale: an example or a referential
	// that was renamed or removed.
	all, err := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	require.NoError(t, err)
	for _, file := range all {
		assert.True(t, used[file], "%s is used by no test: remove it", file)
	}
}

// TestHTMLClassesComeFromKnownValues renders a Report not made by Evaluate,
// whose level and outcome are hostile: they must not reach the markup.
func TestHTMLClassesComeFromKnownValues(t *testing.T) {
	r, err := assess.Evaluate(exampleDossier(t, "occitanie-rodez-en-projet"), builtin(t, "occitanie"), evalDate)
	require.NoError(t, err)
	r.Readiness.Level = `ready"><script>alert(1)</script>`
	r.Findings[0].Outcome = `met"><img src=x onerror=alert(1)>`
	var buf bytes.Buffer
	require.NoError(t, assess.Render(&buf, r, assess.FormatHTML))
	assert.NotContains(t, buf.String(), "<script>")
	assert.NotContains(t, buf.String(), "<img")
}

func TestReportInvariants(t *testing.T) {
	for _, name := range examples.DossierNames() {
		d := exampleDossier(t, name)
		for _, id := range labels.BuiltinIDs() {
			ref := builtin(t, id)
			r, err := assess.Evaluate(d, ref, evalDate)
			require.NoError(t, err)
			require.Len(t, r.Findings, len(ref.Rules))
			c := r.Counts
			assert.Equal(t, len(ref.Rules), c.Met+c.Unmet+c.Unknown+c.NotApplicable+c.NotDue)
			// Blocking steps come first, and every unmet or unknown required
			// rule that the stage's definition of « prêt » names has one:
			// those, and only those, stand between the dossier and « prêt ».
			sr, _ := ref.ReadinessFor(d.Stage)
			want := 0
			for _, f := range r.Findings {
				if f.Level == labels.LevelRequired && (f.Outcome == labels.Unmet || f.Outcome == labels.Unknown) && slices.Contains(sr.Rules, f.RuleID) {
					want++
				}
			}
			blocking := 0
			for i, s := range r.NextSteps {
				if s.Blocking {
					blocking++
					assert.Equal(t, blocking-1, i, "%s/%s: blocking steps come first", name, id)
				}
				assert.NotEmpty(t, s.Questions, "%s/%s: step %s links to its questions", name, id, s.RuleID)
			}
			assert.Equal(t, want, blocking, "%s/%s", name, id)
			for _, f := range r.Findings {
				assert.NotEmpty(t, f.Citation.Document, f.RuleID)
				assert.NotEmpty(t, f.Citation.Section, f.RuleID)
			}
			// The JSON report reads back into the same report.
			data, err := json.Marshal(r)
			require.NoError(t, err)
			var back assess.Report
			require.NoError(t, json.Unmarshal(data, &back))
			assert.Equal(t, *r, back)
		}
	}
}

func TestUnknownIsNotUnmet(t *testing.T) {
	// An empty dossier: nothing is answered, so nothing may be "non respecté".
	r, err := assess.Evaluate(&clsm.Dossier{SchemaVersion: 1}, builtin(t, "idf"), evalDate)
	require.NoError(t, err)
	assert.Zero(t, r.Counts.Unmet)
	assert.Equal(t, assess.Incomplete, r.Readiness.Level)
	assert.Equal(t, 0, r.Readiness.Confidence)
	assert.Nil(t, r.Readiness.Compliance)
	assert.NotEmpty(t, r.Decisive, "the missing answers could change the verdict")
	assert.Greater(t, r.Counts.MissingAnswers, 10, "the report says how many answers are missing")
	assert.LessOrEqual(t, r.Counts.MissingAnswers, r.Counts.Unknown*4)
	assert.Equal(t, "/stage", r.Decisive[0].Path, "the stage decides which rules apply")
}

func TestDecisiveQuestions(t *testing.T) {
	d := exampleDossier(t, "ile-de-france-montreuil-actif")
	r, err := assess.Evaluate(d, builtin(t, "idf"), evalDate)
	require.NoError(t, err)
	assert.Empty(t, r.Decisive, "every answer is given: nothing unanswered can change the verdict")
	assert.Zero(t, r.Counts.MissingAnswers)

	// Forget one answer that a required rule needs: the verdict (almost
	// ready) could become "in progress" if the answer is no.
	d.Complex.DeontologicalRules = nil
	r, err = assess.Evaluate(d, builtin(t, "idf"), evalDate)
	require.NoError(t, err)
	require.Len(t, r.Decisive, 1)
	assert.Equal(t, "/complexSituations/deontologicalRules", r.Decisive[0].Path)
	assert.Equal(t, "Des règles déontologiques encadrent-elles l'échange d'informations\u00a0?", r.Decisive[0].Title)
}

func TestHTMLEscapesWhatPeopleType(t *testing.T) {
	d := exampleDossier(t, "occitanie-rodez-en-projet")
	d.Name = `<script>alert("x")</script> & <b>gras</b>`
	r, err := assess.Evaluate(d, builtin(t, "occitanie"), evalDate)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, assess.Render(&buf, r, assess.FormatHTML))
	assert.NotContains(t, buf.String(), "<script>")
	assert.NotContains(t, buf.String(), "<b>gras")
	assert.Contains(t, buf.String(), "&lt;script&gt;")
	buf.Reset()
	require.NoError(t, assess.Render(&buf, r, assess.FormatMarkdown))
	assert.NotContains(t, buf.String(), "<script>")
	assert.Error(t, assess.Render(&buf, r, assess.Format("pdf")))
}

func TestEvaluateRefusesEmptyInput(t *testing.T) {
	_, err := assess.Evaluate(nil, builtin(t, "idf"), evalDate)
	assert.Error(t, err)
	_, err = assess.Evaluate(&clsm.Dossier{}, nil, evalDate)
	assert.Error(t, err)
	_, err = assess.Evaluate(&clsm.Dossier{}, &labels.Referential{}, evalDate)
	assert.Error(t, err)
}

func TestCompare(t *testing.T) {
	ref := builtin(t, "idf")
	before := exampleDossier(t, "ile-de-france-montreuil-actif")
	after := exampleDossier(t, "ile-de-france-montreuil-actif")
	yes, no := true, false
	after.Complex.EthicalCharter = &yes                                                // adopted the charter
	after.Communication.SISM = &no                                                     // stopped the SISM actions
	after.Articulations.ASV = clsm.ArticulationAbsent                                  // the ASV closed
	after.Evaluation.LastAppropriationReview = clsm.DateOf(evalDate.AddDate(0, -1, 0)) // held the review
	r1, err := assess.Evaluate(before, ref, evalDate)
	require.NoError(t, err)
	r2, err := assess.Evaluate(after, ref, evalDate)
	require.NoError(t, err)
	c, err := assess.Compare(r1, r2)
	require.NoError(t, err)
	ids := func(cs []assess.Change) []string {
		var out []string
		for _, ch := range cs {
			out = append(out, ch.RuleID)
		}
		return out
	}
	assert.ElementsMatch(t, []string{"idf-cellule-charte", "idf-evaluation-appropriation"}, ids(c.Improved))
	assert.ElementsMatch(t, []string{"idf-sism"}, ids(c.Regressed))
	assert.ElementsMatch(t, []string{"idf-copil-asv", "idf-asv-des-creation", "idf-asv"}, ids(c.Dropped))
	assert.Empty(t, c.New)
	assert.Equal(t, assess.AlmostReady, c.ReadinessWas)
	assert.Equal(t, assess.Ready, c.ReadinessNow)

	other, err := assess.Evaluate(after, builtin(t, "national"), evalDate)
	require.NoError(t, err)
	_, err = assess.Compare(r1, other)
	assert.ErrorContains(t, err, "même référentiel")
}

func TestFormatsAreFrench(t *testing.T) {
	d := exampleDossier(t, "gers-rural-intercommunal")
	r, err := assess.Evaluate(d, builtin(t, "hdf"), evalDate)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, assess.Render(&buf, r, assess.FormatText))
	out := buf.String()
	for _, w := range []string{"Verdict", "Prochaines étapes", "Règle par règle", "Indicateurs"} {
		assert.Contains(t, out, w)
	}
	assert.False(t, strings.Contains(out, "unmet") || strings.Contains(out, "not_applicable"), "no raw identifiers in the text report")
}
