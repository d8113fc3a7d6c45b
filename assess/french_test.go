package assess_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
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
	{regexp.MustCompile(`[^\x{00a0}\x{202f}«\s]\s[:;%?!»]|«\s[^\x{00a0}\x{202f}]|« [^\s]|\d%`), "an ordinary space where French wants a no-break space (before « : », « ; », « % », « ? », « ! », « » », after « « »)"},
	{regexp.MustCompile(`[\p{L})»][;!»]|[\p{L}\d)»]\?|[\p{L})»]:([^/\d]|$)|«[\p{L}\d]`), "no space where French wants a no-break one (before « : », « ; », « ? », « ! », « » », after « « »)"},
	{regexp.MustCompile(`(?i)seules? 0`), "« Seules 0 exigences »"},
	{regexp.MustCompile(`non renseignée? (réunion|action|groupe|assemblée)`), "« non renseigné » used as a number"},
	{regexp.MustCompile(`\b0 (action|groupe de travail|réunion|assemblée)s?\b[^:]*non renseign`), "a 0 shown for an unanswered figure"},
	{regexp.MustCompile(`Répondez à « `), "« Répondez à » must name a question, not a noun"},
	{regexp.MustCompile(`(^|[^\d,\x{202f}])([2-9]|[1-9]\d+)[\x{00a0}\x{202f} ](réunion|action|règle|exigence|question|commune|étape|membre|groupe|élément)([^s\p{L}]|$)`), "a plural number with a singular noun"},
	{regexp.MustCompile(`\b1[\x{00a0}\x{202f} ](réunions|actions|règles|exigences|questions|communes|étapes|membres|groupes|éléments)\b`), "« 1 » with a plural noun"},
}

// ruleID is a rule's identifier as the built-in referentials write it: for
// the JSON report and the technical details, never in a text a town reads.
// A file name that holds one (« 10-idf-bilan-stale.json ») is the file's.
var ruleID = regexp.MustCompile(`(^|[^\w/.-])(idf|occ|hdf|nat)-[a-z0-9]+(-[a-z0-9]+)*($|[^\w.-])`)

// webAddress is an address, whose « ? » and « : » are not French.
var webAddress = regexp.MustCompile(`https?://[^\s«»<>"]+`)

// clauseEnd splits a line into sentences and into the clauses of a list
// (« Stade : actif · Département : 93 », « élus : oui, usagers : non »):
// each may join one label to its detail.
var clauseEnd = regexp.MustCompile(`[.!?][\x{00a0}\x{202f} ]*\s+|[\x{00a0}\x{202f} ]*[;·,—][\x{00a0}\x{202f} ]*`)

// innerQuote is a quotation or a parenthesis with none inside it: what is
// between them is someone's words, or an aside, not a label of ours.
var innerQuote = regexp.MustCompile(`«[^«»]*»|\([^()]*\)`)

// labelColon is a colon that joins a label to what follows it.
var labelColon = regexp.MustCompile(`[\s\x{00a0}\x{202f}]:`)

// frenchFaults lists what a careful civil servant would not write in s, a
// line or a text a person reads: the patterns of forbidden, and a sentence
// that chains labels with colons (« Constat : comité de pilotage : 3
// réunions »). Quotations and parentheses are left out of the colon count:
// they are the source's words, or asides. A quotation of a source keeps its
// own words (« Le(s) chef(s) » is the cahier's), so only its spacing is read.
// With noIDs, a rule identifier is a fault too.
func frenchFaults(s string, noIDs bool) []string {
	var faults []string
	s = webAddress.ReplaceAllString(s, "…")
	unquoted := quoted.ReplaceAllString(s, "«\u00a0…\u00a0»")
	for i, fb := range forbidden {
		text := unquoted
		if i == 1 || i == 2 {
			text = s // spacing holds inside quotations too
		}
		if m := fb.re.FindString(text); m != "" {
			faults = append(faults, fmt.Sprintf("%s: %q", fb.why, m))
		}
	}
	bare := s
	for {
		next := innerQuote.ReplaceAllString(bare, "…")
		if next == bare {
			break
		}
		bare = next
	}
	for _, clause := range clauseEnd.Split(bare, -1) {
		if n := len(labelColon.FindAllString(clause, -1)); n > 1 {
			faults = append(faults, fmt.Sprintf("%d colons chained in one clause: %q", n, clause))
		}
	}
	if noIDs {
		if m := ruleID.FindString(s); m != "" {
			faults = append(faults, fmt.Sprintf("a rule identifier in a text a town reads: %q", m))
		}
	}
	return faults
}

// assertFrench reports every fault of every line of text, named by where.
func assertFrench(t *testing.T, where, text string, noIDs bool) {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		for _, f := range frenchFaults(line, noIDs) {
			t.Errorf("%s: %s in %q", where, f, line)
		}
	}
}

// frenchDossiers are the dossiers the French is read on: the examples, the
// scenarios, the empty dossier, and two examples each emptied of one of its
// sections, so that the texts for blank answers are read too.
func frenchDossiers(t *testing.T) map[string]*clsm.Dossier {
	t.Helper()
	out := map[string]*clsm.Dossier{"{}": {}}
	for _, name := range examples.DossierNames() {
		out[name] = exampleDossier(t, name)
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
		out[filepath.Base(f)] = d
	}
	// Two examples, the most complete ones, stand for the others here: the
	// test also runs compiled to WebAssembly, where each report costs more.
	for _, name := range []string{"ile-de-france-montreuil-actif", "hauts-de-france-roubaix-actif"} {
		data, ok := examples.Dossier(name)
		require.True(t, ok, name)
		var whole map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(data, &whole))
		for key := range whole {
			if key == "schemaVersion" || key == "name" {
				continue
			}
			less := maps.Clone(whole)
			delete(less, key)
			b, err := json.Marshal(less)
			require.NoError(t, err)
			if d, err := clsm.Parse(b); err == nil {
				out[name+" sans "+key] = d
			}
		}
	}
	return out
}

// TestReportsReadAsFrench renders a broad set of dossiers (see
// frenchDossiers)
// against every built-in referential, in every format a person reads, and
// reads every line as a careful civil servant writes: no-break spaces where
// French typography wants them, no « X : Y : Z » label chains, no « (s) »,
// numbers agreed with their noun, and no rule identifier (those are for the
// JSON report). The JSON report's texts are read too, one by one, since the
// form and the regional page show them as they are.
func TestReportsReadAsFrench(t *testing.T) {
	checked := 0
	for name, d := range frenchDossiers(t) {
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
				assertFrench(t, fmt.Sprintf("%s, %s, %s", name, id, f), text, true)
				checked++
			}
			var texts, quotes []string
			collectStrings(reflect.ValueOf(r).Elem(), "", &texts, &quotes)
			for _, s := range texts {
				assertFrench(t, fmt.Sprintf("%s, %s, JSON", name, id), s, false)
			}
			for _, s := range quotes {
				assertFrench(t, fmt.Sprintf("%s, %s, JSON", name, id), "«\u00a0"+s+"\u00a0»", false)
			}
		}
	}
	t.Logf("%d reports read", checked)
}

// zeroFigure is a count of something the dossier must say.
var zeroFigure = regexp.MustCompile(`\b0\x{00a0}(action|réunion|groupe|assemblée|situation|membre)`)

// quoted matches a quotation of a source in a report.
var quoted = regexp.MustCompile(`«\x{00a0}[^«»]{40,}\x{00a0}»`)

// blockTag is an HTML element that a browser shows on a line of its own.
var blockTag = regexp.MustCompile(`</?(p|li|ul|ol|tr|td|th|h[1-6]|div|br|section|table|thead|tbody|caption|figcaption|figure|blockquote|details|summary|header|footer|main|title|desc|text|svg|dl|dt|dd|meter|label)\b[^>]*>`)

// visibleText keeps the text of an HTML document: outside tags, the style
// sheet and the title.
func visibleText(doc string) string {
	doc = regexp.MustCompile(`(?s)<style>.*?</style>`).ReplaceAllString(doc, "")
	// A block ends a line, as a reader sees it; an inline element does not.
	doc = blockTag.ReplaceAllString(doc, "\n")
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
		for _, s := range texts {
			assertFrench(t, id, s, false)
		}
		for _, s := range quotes {
			assertFrench(t, id+", citation", "«\u00a0"+s+"\u00a0»", false)
		}
	}
}

// TestFrenchFaults: the reader finds what it is meant to find, and only that.
func TestFrenchFaults(t *testing.T) {
	tests := []struct {
		text   string
		faults int
		reason string
	}{
		{"Constat\u00a0: 3\u00a0réunions du comité de pilotage.", 0, "a label and its detail"},
		{"Constat\u00a0: comité de pilotage\u00a0: 3\u00a0réunions.", 1, "two labels chained"},
		{"Objectif\u00a0: déstigmatisation\u00a0: 100\u00a0%", 1, "an axis label with a colon, then its score"},
		{"Réponse «\u00a0non\u00a0» à\u00a0: «\u00a0Une charte\u00a0?\u00a0».", 0, "one colon is not a chain (but « à : » is no sentence either)"},
		{"Source\u00a0: cahier, §4 — «\u00a0Il rassemble\u00a0: les élus\u00a0: tous\u00a0»", 0, "colons inside a quotation are the source's"},
		{"Dernière fois le 3 mars (limite\u00a0: 4 mars). Conseil\u00a0: agissez.", 0, "an aside in parentheses, and two sentences"},
		{"Stade\u00a0: actif · Département\u00a0: 93\u00a0; élus\u00a0: oui, usagers\u00a0: non", 0, "a list of labelled values"},
		{"Source\u00a0: Le conseil local\u00a0: un outil, §2 — «\u00a0Le CLSM a comme missions\u00a0: participer. Et évaluer.\u00a0»", 1, "a title with a colon after a label, and a quotation of two sentences"},
		{"Exigences requises : 50 %", 1, "ordinary spaces before « : » and « % »"},
		{"« oui »", 1, "ordinary spaces inside guillemets"},
		{"Réponse «oui»", 1, "no space inside guillemets"},
		{"Respectée(s)", 1, "« (s) »"},
		{"2\u00a0réunion demandée", 1, "a plural number with a singular noun"},
		{"1\u00a0réunions", 1, "one with a plural noun"},
		{"0\u00a0réunion, 1\u00a0réunion, 2\u00a0réunions", 0, "French agreement: 0 and 1 take the singular"},
		{"[NON RESPECTÉ] idf-cellule-charte (requis)", 1, "a rule id"},
		{"https://exemple.fr, 18:50", 0, "colons that join no label"},
	}
	for _, tt := range tests {
		got := frenchFaults(tt.text, true)
		assert.Len(t, got, tt.faults, "%s: %q → %q", tt.reason, tt.text, got)
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

// TestHintsNameTheMissingQuestion: a next step that asks for answers names
// every question whose answer the rule lacks, not only the one that says
// whether it applies (« Répondez à la question « Où en est le CLSM ? » pour
// savoir si la délégation départementale de l'ARS siège au comité de
// pilotage » named the stage alone).
func TestHintsNameTheMissingQuestion(t *testing.T) {
	tests := []struct {
		dossier string
		rule    string
		want    []string
		reason  string
	}{
		{`{}`, "idf-ars-copil", []string{"/stage", "/copil/exists"}, "stage and COPIL both blank"},
		{`{"copil": {"exists": true, "members": [{"category": "elected_officials"}]}}`, "idf-ars-copil", []string{"/stage"}, "the COPIL answered: only the stage is missing"},
		{`{"stage": "active"}`, "idf-ars-copil", []string{"/copil/exists"}, "the stage answered: only the COPIL is missing"},
	}
	for _, tt := range tests {
		d, err := clsm.Parse([]byte(tt.dossier))
		require.NoError(t, err)
		r, err := assess.Evaluate(d, builtin(t, "idf"), evalDate)
		require.NoError(t, err)
		var got []string
		for _, s := range r.NextSteps {
			if s.RuleID == tt.rule {
				for _, q := range s.Questions {
					got = append(got, q.Path)
				}
				for _, q := range s.Questions {
					assert.Contains(t, s.Text, q.Title, "%s: the hint names « %s »", tt.reason, q.Title)
				}
			}
		}
		assert.Equal(t, tt.want, got, tt.reason)
	}
}

// TestMissingCategoriesAgree: the finding says exactly what the COPIL lacks,
// with its number (« la catégorie » for one, « les catégories » for more),
// and the advice holds whatever the number.
func TestMissingCategoriesAgree(t *testing.T) {
	member := func(cats ...string) string {
		var ms []string
		for _, c := range cats {
			ms = append(ms, `{"category": "`+c+`"}`)
		}
		return `{"stage": "active", "copil": {"exists": true, "members": [` + strings.Join(ms, ",") + `]}}`
	}
	tests := []struct {
		dossier, want, reason string
	}{
		{member("president", "public_psychiatry", "user_associations"), "Il manque au comité de pilotage la catégorie «\u00a0Associations d'aidants et de familles\u00a0».", "one pillar missing"},
		{member("president", "public_psychiatry"), "Il manque au comité de pilotage les catégories «\u00a0Associations de représentants des usagers\u00a0» ou «\u00a0Personnes concernées par des troubles psychiques\u00a0» ; «\u00a0Associations d'aidants et de familles\u00a0».", "two pillars missing, one of them with the cahier's alternative"},
	}
	for _, tt := range tests {
		d, err := clsm.Parse([]byte(tt.dossier))
		require.NoError(t, err, tt.reason)
		r, err := assess.Evaluate(d, builtin(t, "idf"), evalDate)
		require.NoError(t, err)
		for _, f := range r.Findings {
			if f.RuleID == "idf-copil-piliers" {
				assert.Equal(t, labels.Unmet, f.Outcome, tt.reason)
				assert.Equal(t, strings.ReplaceAll(tt.want, " ;", "\u00a0;"), f.Detail, tt.reason)
				assert.NotContains(t, f.Advice, "les catégories qui manquent", tt.reason)
			}
		}
	}
}
