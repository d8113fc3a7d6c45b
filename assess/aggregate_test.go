package assess_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"maps"
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
	"github.com/clsmkit/go-clsm/examples/generate/gen"
	"github.com/clsmkit/go-clsm/labels"
)

// regionalFiles are the four example dossiers, the scenario dossiers and two
// broken files: what the golden regional reports aggregate.
func regionalFiles(t testing.TB) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		files["exemples/"+name+".json"] = data
	}
	paths, err := filepath.Glob("testdata/scenarios/*.json")
	require.NoError(t, err)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		files["scenarios/"+filepath.Base(p)] = data
	}
	files["recus/compte-rendu.json"] = []byte("Compte rendu du COPIL, enregistré sous un mauvais nom")
	files["recus/stade-inconnu.json"] = []byte(`{"schemaVersion": 2, "name": "CLSM de Test", "stage": "actif"}`)
	return files
}

var regionalExtensions = map[assess.Format]string{assess.FormatText: "txt", assess.FormatMarkdown: "md", assess.FormatHTML: "html", assess.FormatCSV: "csv", assess.FormatJSON: "json"}

// TestGoldenRegional aggregates the examples, the scenarios and two broken
// files against the national baseline, and compares every format with
// testdata/aggregate. Run with -update after a deliberate change, and read
// the diff.
func TestGoldenRegional(t *testing.T) {
	a, err := assess.AggregateFiles(regionalFiles(t), builtin(t, "national"), evalDate)
	require.NoError(t, err)
	// The synthesis lists every kind of funder, those no CLSM names with
	// zeros (TestRegionalFundingListsEveryKind): the golden files keep the
	// kinds the files name, so that a new value of the enumeration rewrites
	// none of them.
	a.Funding = slices.DeleteFunc(a.Funding, func(f assess.FunderSpread) bool { return f.Involved == 0 })
	for _, f := range assess.RegionalFormats() {
		var buf bytes.Buffer
		require.NoError(t, assess.RenderRegional(&buf, a, f))
		file := filepath.Join("testdata", "aggregate", "regional."+regionalExtensions[f])
		if *update {
			require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))
		}
		want, err := os.ReadFile(file)
		require.NoError(t, err, "run go test ./assess -update to create %s", file)
		assert.Equal(t, string(want), buf.String(), file)
	}
}

// TestRegionalFundingListsEveryKind: the synthesis lists every kind of
// funder, in the order of its options, with its French label.
func TestRegionalFundingListsEveryKind(t *testing.T) {
	a, err := assess.AggregateFiles(regionalFiles(t), builtin(t, "national"), evalDate)
	require.NoError(t, err)
	options := clsm.FunderKind("").Options()
	require.Len(t, a.Funding, len(options))
	for i, o := range options {
		assert.Equal(t, clsm.FunderKind(o.Value), a.Funding[i].Kind)
		assert.Equal(t, o.Label, a.Funding[i].Label)
	}
}

// TestAggregateCounts: nothing is dropped, and every count adds up.
func TestAggregateCounts(t *testing.T) {
	files := regionalFiles(t)
	a, err := assess.AggregateFiles(files, builtin(t, "national"), evalDate)
	require.NoError(t, err)
	assert.Equal(t, len(files), a.Files)
	assert.Equal(t, a.Files, a.Assessed+len(a.Invalid), "no file dropped")
	assert.Len(t, a.Invalid, 2+len(invalidScenarios), "the two broken files and the scenarios that are dossiers to correct")
	for _, inv := range a.Invalid {
		assert.NotEmpty(t, inv.Problems, inv.File)
	}
	assert.Equal(t, a.Assessed, a.Levels.Total())
	assert.Len(t, a.CLSM, a.Assessed)
	sum := func(ps []assess.PlaceCount) int {
		n := 0
		for _, p := range ps {
			n += p.Levels.Total()
		}
		return n
	}
	assert.Equal(t, a.Assessed, sum(a.Departments))
	assert.Equal(t, a.Assessed, sum(a.Regions))
	stages := 0
	for _, s := range a.Stages {
		stages += s.Count
	}
	assert.Equal(t, a.Assessed, stages)
	for _, rc := range a.Rules {
		assert.Equal(t, a.Assessed, rc.Met+rc.Unmet+rc.Unknown+rc.NotApplicable, rc.RuleID)
	}
	assert.LessOrEqual(t, len(a.TopGaps), assess.MaxTopGaps)
	for i := 1; i < len(a.TopGaps); i++ {
		assert.GreaterOrEqual(t, a.TopGaps[i-1].Unmet, a.TopGaps[i].Unmet)
	}
	s := a.CoordinatorFTE
	require.NotNil(t, s.Median)
	assert.True(t, *s.Min <= *s.Q1 && *s.Q1 <= *s.Median && *s.Median <= *s.Q3 && *s.Q3 <= *s.Max)
}

// TestAggregateOneReferential: reports of two referentials are not mixed.
func TestAggregateOneReferential(t *testing.T) {
	d := exampleDossier(t, "ile-de-france-montreuil-actif")
	r1, err := assess.Evaluate(d, builtin(t, "idf"), evalDate)
	require.NoError(t, err)
	r2, err := assess.Evaluate(d, builtin(t, "national"), evalDate)
	require.NoError(t, err)
	_, err = assess.Aggregate([]assess.Entry{{File: "a.json", Report: r1}, {File: "b.json", Report: r2}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "même référentiel")
}

// TestSpread checks the median and quartiles on small sets.
func TestSpread(t *testing.T) {
	tests := []struct {
		name                  string
		ftes                  []float64
		min, q1, med, q3, max float64
	}{
		{"one", []float64{0.5}, 0.5, 0.5, 0.5, 0.5, 0.5},
		{"two", []float64{0.4, 1}, 0.4, 0.55, 0.7, 0.85, 1},
		{"five", []float64{1, 0.2, 0.5, 0.8, 0.5}, 0.2, 0.5, 0.5, 0.8, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var entries []assess.Entry
			for i, fte := range tt.ftes {
				d := &clsm.Dossier{Coordinator: clsm.Coordinator{Exists: new(true), FTE: new(fte)}}
				r, err := assess.Evaluate(d, builtin(t, "national"), evalDate)
				require.NoError(t, err)
				entries = append(entries, assess.Entry{File: string(rune('a' + i)), Dossier: d, Report: r})
			}
			a, err := assess.Aggregate(entries)
			require.NoError(t, err)
			s := a.CoordinatorFTE
			assert.Equal(t, len(tt.ftes), s.Answered)
			assert.Equal(t, []float64{tt.min, tt.q1, tt.med, tt.q3, tt.max}, []float64{*s.Min, *s.Q1, *s.Median, *s.Q3, *s.Max})
		})
	}
}

// TestRegionalCSVReadsInAFrenchSpreadsheet reads the CSV export back with a
// real CSV parser set as a French spreadsheet is: a byte order mark, « ; »
// between fields, a decimal comma.
func TestRegionalCSVReadsInAFrenchSpreadsheet(t *testing.T) {
	a, err := assess.AggregateFiles(regionalFiles(t), builtin(t, "national"), evalDate)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, assess.RenderRegional(&buf, a, assess.FormatCSV))
	data := buf.Bytes()
	require.True(t, bytes.HasPrefix(data, []byte("\xef\xbb\xbf")), "UTF-8 byte order mark")
	r := csv.NewReader(bytes.NewReader(data[3:]))
	r.Comma = ';'
	rows, err := r.ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 1+a.Files, "a header and one row per file")
	header := rows[0]
	assert.Equal(t, "Fichier", header[0])
	fte := -1
	for i, h := range header {
		if h == "Temps de coordination (ETP)" {
			fte = i
		}
	}
	require.GreaterOrEqual(t, fte, 0)
	decimalComma := false
	for _, row := range rows[1:] {
		require.Len(t, row, len(header))
		assert.NotContains(t, row[fte], ".", "no decimal point")
		if strings.Contains(row[fte], ",") {
			decimalComma = true
		}
	}
	assert.True(t, decimalComma, "some coordinator works part-time: 0,4 ETP")
	assert.Contains(t, buf.String(), "Dossier à corriger ou illisible")
}

// TestRegionalCSVFormulaInert: a CLSM's name cannot become a formula.
func TestRegionalCSVFormulaInert(t *testing.T) {
	files := map[string][]byte{
		"=cmd.json":  []byte(`{"schemaVersion": 2, "name": "=HYPERLINK(\"http://x\")"}`),
		"tab.json":   []byte(`{"schemaVersion": 2, "name": "\t=1+1"}`),
		"bidi.json":  []byte(`{"schemaVersion": 2, "name": "CLSM \u202e;=1+1"}`),
		"minus.json": []byte(`{"schemaVersion": 2, "name": "-2+3"}`),
	}
	a, err := assess.AggregateFiles(files, builtin(t, "national"), evalDate)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, assess.RenderRegional(&buf, a, assess.FormatCSV))
	r := csv.NewReader(bytes.NewReader(buf.Bytes()[3:]))
	r.Comma = ';'
	rows, err := r.ReadAll()
	require.NoError(t, err)
	names := map[string]string{}
	for _, row := range rows[1:] {
		names[row[0]] = row[1]
	}
	assert.Equal(t, `'=HYPERLINK("http://x")`, names["'=cmd.json"])
	assert.Equal(t, "'\t=1+1", names["tab.json"], "a tab first is prefixed too (OWASP)")
	assert.Equal(t, "CLSM ;=1+1", names["bidi.json"], "the right-to-left override is removed")
	assert.Equal(t, "'-2+3", names["minus.json"])
}

// TestRegionalReadsAsFrench reads the regional reports, under every
// built-in referential, as a careful civil servant writes (see
// frenchFaults): an ARS reads them, and so may a town.
func TestRegionalReadsAsFrench(t *testing.T) {
	for _, id := range labels.BuiltinIDs() {
		a, err := assess.AggregateFiles(regionalFiles(t), builtin(t, id), evalDate)
		require.NoError(t, err)
		for _, f := range []assess.Format{assess.FormatText, assess.FormatMarkdown, assess.FormatHTML} {
			var buf bytes.Buffer
			require.NoError(t, assess.RenderRegional(&buf, a, f))
			text := buf.String()
			if f == assess.FormatHTML {
				text = visibleText(text)
			}
			assertFrench(t, fmt.Sprintf("%s, %s", id, f), text, true)
		}
	}
}

// TestRegionalHTMLCharts: each chart is an image with a title and a
// description, followed by a table of the same figures.
func TestRegionalHTMLCharts(t *testing.T) {
	a, err := assess.AggregateFiles(regionalFiles(t), builtin(t, "national"), evalDate)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, assess.RenderRegional(&buf, a, assess.FormatHTML))
	doc := buf.String()
	for _, id := range []string{"chart-departments", "chart-gaps"} {
		i := strings.Index(doc, `aria-labelledby="`+id+`-title `+id+`-desc"`)
		require.GreaterOrEqual(t, i, 0, id)
		assert.Contains(t, doc[:i], `role="img"`)
		assert.Contains(t, doc[i:], `<title id="`+id+`-title">`)
		assert.Contains(t, doc[i:], `<desc id="`+id+`-desc">`)
		assert.Contains(t, doc[i:], "<table>", "a table follows the chart")
	}
	assert.NotContains(t, doc, "<script")
}

// TestCompareSets matches CLSM by name across two years and says which
// improved and which regressed.
func TestCompareSets(t *testing.T) {
	ref := builtin(t, "national")
	entry := func(file string, d *clsm.Dossier) assess.Entry {
		r, err := assess.Evaluate(d, ref, evalDate)
		require.NoError(t, err)
		return assess.Entry{File: file, Dossier: d, Report: r}
	}
	good := exampleDossier(t, "ile-de-france-montreuil-actif")
	worse := *good
	worse.Governance.PsychiatryCoLeads = new(false)
	worse.Governance.Convention = new(false)
	rodez := exampleDossier(t, "occitanie-rodez-en-projet")
	before := []assess.Entry{entry("2025/montreuil.json", &worse), entry("2025/rodez.json", rodez), entry("2025/ferme.json", &clsm.Dossier{Name: "CLSM fermé"})}
	after := []assess.Entry{entry("2026/m.json", good), entry("2026/rodez.json", rodez), entry("2026/nouveau.json", &clsm.Dossier{Name: "CLSM nouveau"})}
	c, err := assess.CompareSets(before, after)
	require.NoError(t, err)
	require.Len(t, c.Improved, 1)
	assert.Equal(t, "2025/montreuil.json", c.Improved[0].FileBefore, "matched by name, not by file")
	assert.Empty(t, c.Regressed)
	assert.Equal(t, 1, c.Unchanged)
	assert.Equal(t, []string{"2026/nouveau.json"}, c.OnlyAfter)
	assert.Equal(t, []string{"2025/ferme.json"}, c.OnlyBefore)
	require.NotEmpty(t, c.RulesMoved)
	// The other way round, Montreuil regressed.
	c, err = assess.CompareSets(after, before)
	require.NoError(t, err)
	require.Len(t, c.Regressed, 1)
	assert.Empty(t, c.Improved)
}

// TestRegionalJSON reads the JSON export back.
func TestRegionalJSON(t *testing.T) {
	a, err := assess.AggregateFiles(regionalFiles(t), builtin(t, "national"), evalDate)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, assess.RenderRegional(&buf, a, assess.FormatJSON))
	var back assess.RegionalReport
	require.NoError(t, json.Unmarshal(buf.Bytes(), &back))
	assert.Equal(t, a.Files, back.Files)
	assert.Equal(t, a.Levels, back.Levels)
}

// BenchmarkAggregate1000 reads, assesses and aggregates 1 000 generated
// dossiers (ten of them broken) against the Île-de-France referential, the
// largest: what the region command does natively.
func BenchmarkAggregate1000(b *testing.B) {
	files := gen.Dossiers(1, 1000)
	ref := builtin(b, "idf")
	b.ReportAllocs()
	for b.Loop() {
		a, err := assess.AggregateFiles(files, ref, evalDate)
		if err != nil || a.Assessed != 990 {
			b.Fatal(err, a.Assessed)
		}
	}
}

// BenchmarkRenderRegionalHTML renders the regional report of 1 000 dossiers.
func BenchmarkRenderRegionalHTML(b *testing.B) {
	a, err := assess.AggregateFiles(gen.Dossiers(1, 1000), builtin(b, "idf"), evalDate)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := assess.RenderRegional(&bytes.Buffer{}, a, assess.FormatHTML); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleAggregateFiles() {
	files := map[string][]byte{}
	for _, name := range examples.DossierNames() {
		files[name+".json"], _ = examples.Dossier(name)
	}
	files["casse.json"] = []byte(`{"stage": "actif"`)
	ref, _ := labels.Builtin("national")
	a, err := assess.AggregateFiles(files, ref, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Files, a.Assessed, a.Levels.Ready, a.Invalid[0].File)
	fmt.Println(a.TopGaps[0].RuleID, a.TopGaps[0].Unmet)
	// Output:
	// 5 4 2 casse.json
	// nat-partenaire-ptsm 1
}

// TestAggregatorOneFileAtATime: files added one at a time, in any order, give
// the report AggregateFiles gives for the set held at once.
func TestAggregatorOneFileAtATime(t *testing.T) {
	files := regionalFiles(t)
	ref := builtin(t, "national")
	want, err := assess.AggregateFiles(files, ref, evalDate)
	require.NoError(t, err)
	for _, order := range []string{"by name", "reversed"} {
		t.Run(order, func(t *testing.T) {
			names := slices.Sorted(maps.Keys(files))
			if order == "reversed" {
				slices.Reverse(names)
			}
			g := assess.NewAggregator()
			for _, name := range names {
				require.NoError(t, g.AddFile(name, files[name], ref, evalDate))
			}
			got := g.ReportFor(ref, evalDate)
			var w, o bytes.Buffer
			require.NoError(t, assess.RenderRegional(&w, want, assess.FormatJSON))
			require.NoError(t, assess.RenderRegional(&o, got, assess.FormatJSON))
			assert.JSONEq(t, w.String(), o.String())
		})
	}
}

// TestRegionalDuplicates: a copy of a file is counted once and named in
// every format; a CLSM of the same name and communes with other answers is
// counted and pointed out, as only the ARS can tell which is right.
func TestRegionalDuplicates(t *testing.T) {
	montreuil, ok := examples.Dossier("ile-de-france-montreuil-actif")
	require.True(t, ok)
	var d map[string]any
	require.NoError(t, json.Unmarshal(montreuil, &d))
	d["notes"] = "Version corrigée après le comité de pilotage."
	other, err := json.Marshal(d)
	require.NoError(t, err)
	files := map[string][]byte{
		"a/montreuil.json":       montreuil,
		"b/montreuil-copie.json": montreuil,
		"c/montreuil-v2.json":    other,
		"d/casse.json":           []byte("pas du JSON"),
		"e/casse-copie.json":     []byte("pas du JSON"),
	}
	ref := builtin(t, "idf")
	a, err := assess.AggregateFiles(files, ref, evalDate)
	require.NoError(t, err)
	assert.Equal(t, 5, a.Files, "every file given is counted as read")
	assert.Equal(t, 2, a.Assessed, "the copy is not counted twice; the other version is")
	assert.Len(t, a.Invalid, 1)
	assert.Equal(t, []assess.DuplicateFile{
		{File: "b/montreuil-copie.json", Of: "a/montreuil.json", Same: assess.SameContent},
		{File: "c/montreuil-v2.json", Of: "a/montreuil.json", Same: assess.SameNameAndCommunes, Counted: true},
		{File: "e/casse-copie.json", Of: "d/casse.json", Same: assess.SameContent},
	}, a.Duplicates)
	assert.Equal(t, a.Files, a.Assessed+len(a.Invalid)+2, "no file dropped: each is evaluated, to correct or a copy")
	assert.Contains(t, strings.Join(a.Warnings, "\n"), "2\u00a0fichiers sont la copie exacte d'un autre")
	assert.Contains(t, strings.Join(a.Warnings, "\n"), "1\u00a0dossier porte le même nom et les mêmes communes qu'un autre")
	for _, f := range assess.RegionalFormats() {
		var buf bytes.Buffer
		require.NoError(t, assess.RenderRegional(&buf, a, f))
		// Markdown keeps « .json » from becoming a link with a zero-width non-joiner.
		out := strings.ReplaceAll(buf.String(), "\u200c", "")
		want := []string{"b/montreuil-copie.json", "c/montreuil-v2.json", "e/casse-copie.json"}
		if f != assess.FormatJSON {
			want = append(want, "copie exacte de «\u00a0a/montreuil.json\u00a0»", "même nom et mêmes communes que «\u00a0a/montreuil.json\u00a0»")
		}
		for _, w := range want {
			assert.True(t, strings.Contains(out, w), "%s: %q missing", f, w)
		}
	}
}

// BenchmarkAggregator1000 adds 1 000 generated dossiers (ten of them broken)
// one at a time to an Aggregator, as the region command and the regional
// page do, against the Île-de-France referential, and renders the report:
// what an ARS waits for, on one core.
func BenchmarkAggregator1000(b *testing.B) {
	files := gen.Dossiers(1, 1000)
	names := slices.Sorted(maps.Keys(files))
	ref := builtin(b, "idf")
	b.ReportAllocs()
	for b.Loop() {
		g := assess.NewAggregator()
		for _, name := range names {
			if err := g.AddFile(name, files[name], ref, evalDate); err != nil {
				b.Fatal(err)
			}
		}
		a := g.ReportFor(ref, evalDate)
		if a.Files != 1000 {
			b.Fatal(a.Files)
		}
		if err := assess.RenderRegional(io.Discard, a, assess.FormatHTML); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleAggregator() {
	ref, _ := labels.Builtin("national")
	at := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	g := assess.NewAggregator()
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		// Each file is read, assessed and dropped: only its row stays.
		if err := g.AddFile(name+".json", data, ref, at); err != nil {
			fmt.Println(err)
			return
		}
	}
	data, _ := examples.Dossier(examples.DossierNames()[0])
	_ = g.AddFile("copie.json", data, ref, at)
	a := g.ReportFor(ref, at)
	fmt.Println(a.Files, a.Assessed, a.Duplicates[0].File, a.Duplicates[0].Same)
	// Output:
	// 5 4 copie.json content
}
