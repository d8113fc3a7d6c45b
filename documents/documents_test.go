package documents_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/documents"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// at is the evaluation date of every test: never the wall clock.
var at = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func dossier(t testing.TB, name string) *clsm.Dossier {
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

func TestList(t *testing.T) {
	tests := []struct {
		reason string
		ref    string
		stage  clsm.Stage
		want   []string
		note   string
	}{
		{"Île-de-France asks an active CLSM for the §12 documents and the summary", "idf", clsm.StageActive, []string{"bilan", "annexe", "evaluation", "demande"}, ""},
		{"a project files only the summary of its application", "idf", clsm.StageProject, []string{"demande"}, ""},
		{"the national socle: the diagnostic its sources describe", "national", clsm.StageProject, []string{"diagnostic"}, ""},
		{"Hauts-de-France inherits the national socle's documents", "hdf", clsm.StageConstitution, []string{"diagnostic", "feuille-de-route"}, ""},
		{"Occitanie's page names no document: a plain sentence says so", "occitanie", clsm.StageActive, nil, "ses sources ne le disent pas"},
		{"no stage: every document, and a note that says why", "idf", "", []string{"bilan", "annexe", "evaluation", "demande"}, "n'est pas renseigné"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			l, err := documents.List(documents.Request{Dossier: &clsm.Dossier{Stage: tt.stage}, Referential: builtin(t, tt.ref), At: at})
			require.NoError(t, err)
			var ids []string
			for _, d := range l.Documents {
				ids = append(ids, d.ID)
			}
			assert.Equal(t, tt.want, ids)
			if tt.note == "" {
				assert.Empty(t, l.Note)
			} else {
				assert.Contains(t, l.Note, tt.note)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	ref := builtin(t, "idf")
	_, err := documents.Write(documents.Request{Dossier: &clsm.Dossier{}, Referential: ref, At: at}, "inconnu")
	assert.ErrorIs(t, err, documents.ErrUnknownDocument)
	assert.Contains(t, err.Error(), "bilan, annexe, evaluation, demande")
	_, err = documents.Write(documents.Request{Dossier: &clsm.Dossier{}, At: at}, "bilan")
	assert.ErrorIs(t, err, documents.ErrNoReferential)
	bad := &clsm.Dossier{Coordinator: clsm.Coordinator{FTE: new(9.0)}}
	_, err = documents.Write(documents.Request{Dossier: bad, Referential: ref, At: at}, "bilan")
	assert.Error(t, err, "an invalid dossier gets its problems, never a document")
	_, err = documents.Write(documents.Request{Dossier: &clsm.Dossier{}, Referential: ref, At: at, Baseline: bad}, "annexe")
	assert.ErrorContains(t, err, "année précédente")
}

// cells lists a document's structure: its headings, and for each table its
// caption and every cell, as the golden files show it.
func structure(d *documents.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", d.Title)
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "\n## %s\n", s.Heading)
		for _, bl := range s.Blocks {
			switch bl.Kind {
			case documents.KindTable:
				fmt.Fprintf(&b, "[table] %s\n  | %s |\n", bl.Table.Caption, strings.Join(bl.Table.Header, " | "))
				for _, row := range bl.Table.Rows {
					var cells []string
					for _, c := range row {
						cells = append(cells, cellText(c))
					}
					fmt.Fprintf(&b, "  | %s |\n", strings.Join(cells, " | "))
				}
			case documents.KindList:
				fmt.Fprintf(&b, "[list] %d\n", len(bl.Items))
			case documents.KindParagraph:
				for _, sp := range bl.Spans {
					if sp.IsBlank() {
						fmt.Fprintf(&b, "[%s]\n", sp.Text)
					}
				}
			}
		}
	}
	return b.String()
}

func cellText(s documents.Span) string {
	if s.IsBlank() {
		return "[" + s.Text + "]"
	}
	return s.Text
}

// TestGoldenStructure keeps, for review, the structure (headings, table
// cells, marked blanks) of every document of the example dossiers. Run
// go test ./documents -update after a deliberate change, and read the diff.
func TestGoldenStructure(t *testing.T) {
	for _, name := range examples.DossierNames() {
		d := dossier(t, name)
		docs, err := documents.WriteAll(documents.Request{Dossier: d, Referential: labels.ForDossier(d), At: at})
		require.NoError(t, err)
		var b strings.Builder
		if len(docs) == 0 {
			l, _ := documents.List(documents.Request{Dossier: d, Referential: labels.ForDossier(d), At: at})
			b.WriteString(l.Note + "\n")
		}
		for _, doc := range docs {
			b.WriteString(structure(doc) + "\n")
		}
		file := filepath.Join("testdata", name+".txt")
		if *update {
			require.NoError(t, os.WriteFile(file, []byte(b.String()), 0o644))
			continue
		}
		want, err := os.ReadFile(file)
		require.NoError(t, err, "run go test ./documents -update to create %s", file)
		assert.Equal(t, string(want), b.String(), "%s: run go test ./documents -update and read the diff", file)
	}
}

// answerPaths lists the JSON Pointer of every key of the dossier's JSON,
// list items included.
func answerPaths(v any, base string, out *[]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			p := base + "/" + k
			*out = append(*out, p)
			answerPaths(x, p, out)
		}
	case []any:
		for i, x := range v {
			answerPaths(x, base+"/"+strconv.Itoa(i), out)
		}
	}
}

func remove(v any, segs []string) any {
	switch x := v.(type) {
	case map[string]any:
		c := map[string]any{}
		for k, y := range x {
			c[k] = y
		}
		if len(segs) == 1 {
			delete(c, segs[0])
			return c
		}
		c[segs[0]] = remove(x[segs[0]], segs[1:])
		return c
	case []any:
		i, _ := strconv.Atoi(segs[0])
		c := slices.Clone(x)
		c[i] = remove(x[i], segs[1:])
		return c
	}
	return v
}

// shape is what removing an answer must keep: the headings and, for each
// table, its rows' first cells.
func shape(docs []*documents.Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, "doc "+d.ID)
		for _, s := range d.Sections {
			out = append(out, "h "+s.Heading)
			for _, bl := range s.Blocks {
				if bl.Kind == documents.KindTable {
					for _, row := range bl.Table.Rows {
						out = append(out, "row "+row[0].Text)
					}
				}
			}
		}
	}
	return out
}

// TestRemovingAnAnswerKeepsTheStructure is the property: removing any
// answer of an example dossier never removes a heading or a table row from
// any document, and never turns a value into 0 or « non ».
func TestRemovingAnAnswerKeepsTheStructure(t *testing.T) {
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		d := dossier(t, name)
		ref := labels.ForDossier(d)
		whole, err := writeAllStages(d, ref)
		require.NoError(t, err)
		var tree any
		require.NoError(t, json.Unmarshal(data, &tree))
		var paths []string
		answerPaths(tree, "", &paths)
		slices.Sort(paths)
		checked := 0
		for _, p := range paths {
			cut, _ := json.Marshal(remove(tree, strings.Split(p[1:], "/")))
			less, err := clsm.Parse(cut)
			if err != nil {
				continue // a required key of a list item: the dossier is invalid, and gets no document
			}
			if p == "/stage" {
				less.Stage = d.Stage // the stage chooses which documents; the documents themselves must keep their shape
			}
			docs, err := writeAllStages(less, ref)
			require.NoError(t, err, p)
			require.Equal(t, shape(whole), shape(docs), "%s: removing %s changed a document's structure", name, p)
			noZeroForBlank(t, whole, docs, name+" "+p)
			checked++
		}
		assert.Greater(t, checked, 30, name)
	}
}

func writeAllStages(d *clsm.Dossier, ref *labels.Referential) ([]*documents.Document, error) {
	var out []*documents.Document
	for _, del := range ref.Deliverables {
		doc, err := documents.Write(documents.Request{Dossier: d, Referential: ref, At: at}, del.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, doc)
	}
	return out, nil
}

// noZeroForBlank checks that a cell that changed when an answer was
// removed became a marked blank, or a count, never « non » or « 0 » where
// there was something else.
func noZeroForBlank(t *testing.T, before, after []*documents.Document, where string) {
	t.Helper()
	for i := range before {
		for j := range before[i].Sections {
			for k, bl := range before[i].Sections[j].Blocks {
				if bl.Kind != documents.KindTable {
					continue
				}
				other := after[i].Sections[j].Blocks[k]
				for r, row := range bl.Table.Rows {
					for c, cell := range row {
						got := other.Table.Rows[r][c]
						if got == cell || got.IsBlank() {
							continue
						}
						if got.Text == "non" || got.Text == "0" || got.Text == "aucun" {
							t.Errorf("%s: %q became %q in %s", where, cell.Text, got.Text, row[0].Text)
						}
					}
				}
			}
		}
	}
}

func TestBaseline(t *testing.T) {
	ref := builtin(t, "idf")
	this := dossier(t, "ile-de-france-montreuil-actif")
	last := dossier(t, "ile-de-france-montreuil-actif")
	last.Copil.Meetings = []clsm.Date{"2025-03-01"}                // one meeting last year
	last.Complex.SituationsHandled = nil                           // blank last year
	this.Territory.QPVCount, last.Territory.QPVCount = nil, new(4) // blank this year
	doc, err := documents.Write(documents.Request{Dossier: this, Referential: ref, At: at, Baseline: last}, "annexe")
	require.NoError(t, err)
	rows := map[string][]documents.Span{}
	for _, s := range doc.Sections {
		for _, bl := range s.Blocks {
			if bl.Kind == documents.KindTable {
				assert.Len(t, bl.Table.Header, 4)
				for _, r := range bl.Table.Rows {
					rows[r[0].Text] = r
				}
			}
		}
	}
	copil := rows["Réunions du comité de pilotage sur les douze derniers mois"]
	assert.Equal(t, []string{"1", "3", "+2"}, []string{copil[1].Text, copil[2].Text, copil[3].Text})
	for _, label := range []string{"Situations examinées ces douze derniers mois", "Nombre de quartiers prioritaires couverts"} {
		r := rows[label]
		require.NotNil(t, r, label)
		assert.True(t, r[1].IsBlank() || r[2].IsBlank(), "%s: one year is blank", label)
		assert.True(t, r[3].IsBlank(), "%s: the change of a blank year is a blank, never a number", label)
		for _, c := range r[1:] {
			assert.NotEqual(t, "0", c.Text, label)
		}
	}
	assert.Equal(t, clsm.Date("2025-11-22"), doc.Baseline)
}

// TestEveryFormatIsInert writes a dossier whose name tries to break out of
// each format: it stays text.
func TestEveryFormatIsInert(t *testing.T) {
	d := &clsm.Dossier{Name: "<script>alert(1)</script> # [lien](http://x.fr) & \u202e\x1b[2J", Stage: clsm.StageActive}
	doc, err := documents.Write(documents.Request{Dossier: d, Referential: builtin(t, "idf"), At: at}, "bilan")
	require.NoError(t, err)
	var html, md, odt bytes.Buffer
	require.NoError(t, documents.WriteHTML(&html, doc))
	require.NoError(t, documents.WriteMarkdown(&md, doc))
	require.NoError(t, documents.WriteODT(&odt, doc))
	assert.NotContains(t, html.String(), "<script>")
	assert.Contains(t, html.String(), "&lt;script&gt;")
	assert.NotContains(t, md.String(), "](http://")
	assert.NotContains(t, md.String(), "<script>")
	for _, s := range []string{html.String(), md.String()} {
		assert.NotContains(t, s, "\x1b")
		assert.NotContains(t, s, "\u202e")
	}
	content := odtFile(t, odt.Bytes(), "content.xml")
	assert.Contains(t, content, "&lt;script&gt;")
	assert.NotContains(t, content, "\x1b")
}

func TestRenderUnknownFormat(t *testing.T) {
	err := documents.Render(&bytes.Buffer{}, &documents.Document{}, "docx")
	assert.ErrorContains(t, err, "odt, html ou md")
	assert.False(t, errors.Is(err, documents.ErrUnknownDocument))
}

// TestAnswersUnderANoFillNothing: meetings kept in a dossier whose COPIL is
// answered « non » (nothing typed is lost) are not shown by the form, not
// read by the rules, and not counted in a document either: the line stays,
// as a marked blank, in the annex of this year and of last year.
func TestAnswersUnderANoFillNothing(t *testing.T) {
	ref := builtin(t, "idf")
	this := dossier(t, "ile-de-france-montreuil-actif")
	last := dossier(t, "ile-de-france-montreuil-actif")
	for _, d := range []*clsm.Dossier{this, last} {
		d.Copil.Exists = new(false)
		require.NotEmpty(t, d.Copil.Meetings, "the example lists COPIL meetings")
	}
	doc, err := documents.Write(documents.Request{Dossier: this, Referential: ref, At: at, Baseline: last}, "annexe")
	require.NoError(t, err)
	var copil []documents.Span
	for _, s := range doc.Sections {
		for _, bl := range s.Blocks {
			if bl.Kind != documents.KindTable {
				continue
			}
			for _, r := range bl.Table.Rows {
				if r[0].Text == "Réunions du comité de pilotage sur les douze derniers mois" {
					copil = r
				}
			}
		}
	}
	require.NotNil(t, copil, "the line stays in the annex")
	for i, c := range copil[1:] {
		assert.True(t, c.IsBlank(), "column %d: a meeting under « non » counts for nothing, got %q", i+1, c.Text)
	}
}
