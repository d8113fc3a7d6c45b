package assess_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

// forbidden are patterns a careful civil servant never writes, each with why.
var forbidden = []struct {
	re  *regexp.Regexp
	why string
}{
	{regexp.MustCompile(`\((s|e|es)\)`), "« (s) » or « (e) » instead of real agreement"},
	{regexp.MustCompile(`[^\x{00a0}\x{202f}«\s]\s[:;%?!»]|«\s[^\x{00a0}]`), "an ordinary space where French wants a no-break space (before « : », « ; », « % », « ? », « ! », « » », after « « »)"},
	{regexp.MustCompile(`(?i)seules? 0`), "« Seules 0 exigences »"},
	{regexp.MustCompile(`non renseignée? (réunion|action|groupe|assemblée)`), "« non renseigné » used as a number"},
	{regexp.MustCompile(`\b0 (action|groupe de travail|réunion|assemblée)s?\b[^:]*non renseign`), "a 0 shown for an unanswered figure"},
	{regexp.MustCompile(`Répondez à « `), "« Répondez à » must name a question, not a noun"},
}

// TestReportsReadAsFrench renders every example and every scenario dossier
// against every built-in referential, in every format, and looks for what a
// careful civil servant never writes.
func TestReportsReadAsFrench(t *testing.T) {
	var dossiers []*clsm.Dossier
	for _, name := range examples.DossierNames() {
		dossiers = append(dossiers, exampleDossier(t, name))
	}
	files, _ := filepath.Glob("testdata/scenarios/*.json")
	for _, f := range files {
		if invalidScenarios[strings.TrimSuffix(filepath.Base(f), ".json")] {
			continue // a dossier to correct has no report
		}
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		d, err := clsm.Parse(data)
		require.NoError(t, err, f)
		dossiers = append(dossiers, d)
	}
	checked := 0
	for i, d := range dossiers {
		for _, id := range labels.BuiltinIDs() {
			r, err := assess.Evaluate(d, builtin(t, id), evalDate)
			require.NoError(t, err)
			for _, f := range []assess.Format{assess.FormatText, assess.FormatMarkdown, assess.FormatHTML} {
				var buf bytes.Buffer
				require.NoError(t, assess.Render(&buf, r, f))
				text := buf.String()
				if f == assess.FormatHTML {
					text = visibleText(text)
				}
				for _, line := range strings.Split(text, "\n") {
					// A quoted text is the source's own words, « Le(s)
					// chef(s) » included: it is not ours to correct.
					line = quoted.ReplaceAllString(line, "«\u00a0…\u00a0»")
					for _, fb := range forbidden {
						if m := fb.re.FindString(line); m != "" {
							t.Errorf("dossier %d, %s, %s: %s: %q in %q", i, id, f, fb.why, m, line)
						}
					}
				}
				checked++
			}
		}
	}
	t.Logf("%d reports read", checked)
}

// zeroFigure is a count of something the dossier must say.
var zeroFigure = regexp.MustCompile(`\b0\x{00a0}(action|réunion|groupe|assemblée|situation|membre)`)

// quoted matches a quotation of a source in a report.
var quoted = regexp.MustCompile(`«\x{00a0}[^«»]{40,}\x{00a0}»`)

// visibleText keeps the text of an HTML document: outside tags, the style
// sheet and the title.
func visibleText(doc string) string {
	doc = regexp.MustCompile(`(?s)<style>.*?</style>`).ReplaceAllString(doc, "")
	return regexp.MustCompile(`<[^>]*>`).ReplaceAllString(doc, "")
}

// TestEmptyDossierNeverReady: an empty dossier, or one that gives only its
// stage, is never « prêt », at any stage, under any built-in referential.
func TestEmptyDossierNeverReady(t *testing.T) {
	for _, id := range labels.BuiltinIDs() {
		for _, stage := range []clsm.Stage{"", clsm.StageProject, clsm.StageConstitution, clsm.StageActive} {
			r, err := assess.Evaluate(&clsm.Dossier{Stage: stage}, builtin(t, id), evalDate)
			require.NoError(t, err)
			if r.Readiness.Level != assess.Incomplete {
				t.Errorf("%s, stage %q: %s (%s)", id, stage, r.Readiness.Label, r.Readiness.Explanation)
			}
			if r.Counts.Unmet != 0 {
				t.Errorf("%s, stage %q: %d rules « non respecté » with nothing answered", id, stage, r.Counts.Unmet)
			}
			// Nothing was said, so no figure may be 0.
			var buf bytes.Buffer
			require.NoError(t, assess.Render(&buf, r, assess.FormatText))
			if m := zeroFigure.FindString(buf.String()); m != "" {
				t.Errorf("%s, stage %q: %q for a figure nobody gave", id, stage, m)
			}
		}
	}
}

// TestQuestionnaireReadsAsFrench: what the form shows before any report —
// the questions' titles and help, the options, the rules behind each
// question — under every built-in referential, read as a careful civil
// servant writes. A quote keeps the words of its source (« Le(s) chef(s) de
// secteur(s) » is the cahier's own): only its spacing is checked.
func TestQuestionnaireReadsAsFrench(t *testing.T) {
	for _, id := range labels.BuiltinIDs() {
		ref, err := labels.Builtin(id)
		require.NoError(t, err)
		var texts, quotes []string
		collectStrings(reflect.ValueOf(assess.NewQuestionnaire(ref)), "", &texts, &quotes)
		require.NotEmpty(t, texts)
		require.NotEmpty(t, quotes)
		for _, f := range forbidden {
			for _, s := range texts {
				if f.re.MatchString(s) {
					t.Errorf("%s: %s: %q", id, f.why, s)
				}
			}
		}
		for _, s := range quotes {
			if spacing := forbidden[1]; spacing.re.MatchString(s) {
				t.Errorf("%s: %s: %q", id, spacing.why, s)
			}
		}
	}
}

// collectStrings appends every string held in v, at any depth, to texts,
// or to quotes for a field named Quote.
func collectStrings(v reflect.Value, field string, texts, quotes *[]string) {
	switch v.Kind() {
	case reflect.String:
		if field == "Quote" {
			*quotes = append(*quotes, v.String())
		} else {
			*texts = append(*texts, v.String())
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collectStrings(v.Elem(), field, texts, quotes)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				collectStrings(v.Field(i), f.Name, texts, quotes)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			collectStrings(v.Index(i), field, texts, quotes)
		}
	}
}
