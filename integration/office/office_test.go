package office

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/documents"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
)

var at = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "LibreOffice introuvable\u00a0: installez le paquet Debian « libreoffice-writer-nogui » pour ouvrir les documents produits"
	if os.Getenv("CLSM_REQUIRE_BROWSER") != "" {
		t.Fatal(msg + "\u00a0; CLSM_REQUIRE_BROWSER est défini, ce saut est donc un échec.")
	}
	t.Skip(msg + ".")
	return ""
}

type scenario struct {
	name string
	req  documents.Request
}

func parse(t *testing.T, data []byte) *clsm.Dossier {
	t.Helper()
	d, err := clsm.Parse(data)
	require.NoError(t, err)
	return d
}

// scenarios are the example dossiers, and held-out ones: an empty dossier
// of an active CLSM in Île-de-France, a CLSM with last year's dossier as
// baseline, a project under the national socle, a name that tries to be
// markup.
func scenarios(t *testing.T) []scenario {
	var out []scenario
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		d := parse(t, data)
		out = append(out, scenario{name, documents.Request{Dossier: d, Referential: labels.ForDossier(d), At: at}})
	}
	idf, err := labels.Builtin("idf")
	require.NoError(t, err)
	national, err := labels.Builtin("national")
	require.NoError(t, err)
	montreuil, _ := examples.Dossier("ile-de-france-montreuil-actif")
	last := parse(t, montreuil)
	last.Copil.Meetings = []clsm.Date{"2025-02-10"}
	last.Complex.SituationsHandled = nil
	out = append(out,
		scenario{"idf-vide-actif", documents.Request{Dossier: &clsm.Dossier{Stage: clsm.StageActive}, Referential: idf, At: at}},
		scenario{"idf-avec-annee-precedente", documents.Request{Dossier: parse(t, montreuil), Referential: idf, At: at, Baseline: last}},
		scenario{"national-projet", documents.Request{Dossier: &clsm.Dossier{Name: "CLSM du Val d'Essai", Stage: clsm.StageProject, Diagnostic: clsm.Diagnostic{Done: new(true), CompletedOn: "2026-04-02"}}, Referential: national, At: at}},
		scenario{"nom-balisé", documents.Request{Dossier: &clsm.Dossier{Name: "<b>CLSM</b> & « Test » ]]>", Stage: clsm.StageActive, Territory: clsm.Territory{Population: new(48250)}}, Referential: idf, At: at}},
	)
	return out
}

type written struct {
	file string
	doc  *documents.Document
}

// TestLibreOfficeOpensEveryDocument converts every document to text and to
// PDF in two runs of LibreOffice (it starts slowly), then checks each text.
func TestLibreOfficeOpensEveryDocument(t *testing.T) {
	bin := soffice(t)
	dir := t.TempDir()
	var all []written
	for _, s := range scenarios(t) {
		docs, err := documents.WriteAll(s.req)
		require.NoError(t, err, s.name)
		for _, doc := range docs {
			var buf bytes.Buffer
			require.NoError(t, documents.WriteODT(&buf, doc))
			file := filepath.Join(dir, s.name+"--"+doc.ID+".odt")
			require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))
			all = append(all, written{file, doc})
		}
	}
	require.Greater(t, len(all), 10)
	var files []string
	for _, w := range all {
		files = append(files, w.file)
	}
	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "profil")
	for _, target := range []string{"txt:Text (encoded):UTF8", "pdf"} {
		cmd := exec.Command(bin, append([]string{profile, "--headless", "--norestore", "--convert-to", target, "--outdir", dir}, files...)...)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "soffice --convert-to %s: %s", target, out)
		assert.NotContains(t, string(out), "Error", target)
	}
	for _, w := range all {
		base := strings.TrimSuffix(w.file, ".odt")
		pdf, err := os.ReadFile(base + ".pdf")
		require.NoError(t, err, "%s: no PDF", base)
		assert.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")), base)
		data, err := os.ReadFile(base + ".txt")
		require.NoError(t, err, "%s: no text", base)
		txt := string(data)
		assert.Contains(t, txt, wellformed.Spaces(w.doc.Title), base)
		if !w.doc.CLSM.IsBlank() {
			assert.Contains(t, txt, strings.ReplaceAll(w.doc.CLSM.Text, "\u00a0", " "), base)
		}
		want, cells := 0, 0
		for _, s := range w.doc.Sections {
			assert.Contains(t, txt, wellformed.Spaces(s.Heading), base)
			for _, bl := range s.Blocks {
				for _, sp := range bl.Spans {
					if sp.Blank == documents.BlankToWrite {
						want++
					}
				}
				if bl.Kind != documents.KindTable {
					continue
				}
				for _, row := range bl.Table.Rows {
					for _, c := range row {
						// Every figure and every answer of the dossier is in the
						// text LibreOffice reads back.
						if c.IsBlank() {
							assert.Contains(t, txt, c.Text, base)
							continue
						}
						assert.Contains(t, txt, wellformed.Spaces(c.Text), "%s: %q", base, c.Text)
						cells++
					}
				}
			}
		}
		assert.Equal(t, want, strings.Count(txt, documents.ToWrite)-1, "%s: every place « À rédiger par le CLSM », and the legend that names it", base)
		if w.doc.ID == "annexe" {
			assert.Greater(t, cells, 40, base)
		}
	}
}
