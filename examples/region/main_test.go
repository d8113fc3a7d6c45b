package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/examples/generate/gen"
)

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// exampleDir writes the example dossiers and one broken file to a directory.
func exampleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name+".json"), data, 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "casse.json"), []byte(`{"stage": "actif"`), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("pas un dossier"), 0o644))
	return dir
}

func runRegion(t *testing.T, progress bool, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runWithInput(t, terminal(""), progress, args...)
}

func runWithInput(t *testing.T, stdin input, progress bool, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, stdin, &out, &errb, today, progress)
	return code, out.String(), errb.String()
}

// terminal is a standard input that is a terminal: nothing is piped.
func terminal(s string) input { return input{strings.NewReader(s), func() bool { return true }} }

// piped is a standard input that a pipe or a file feeds.
func piped(s string) input { return input{strings.NewReader(s), func() bool { return false }} }

// TestEveryFormat: a directory of examples and a broken file, in every
// format; the broken file is listed, never dropped, and stops nothing.
func TestEveryFormat(t *testing.T) {
	dir := exampleDir(t)
	for _, f := range assess.RegionalFormats() {
		t.Run(string(f), func(t *testing.T) {
			code, out, errs := runRegion(t, false, "-format", string(f), "-r", "national", dir)
			require.Equal(t, exitSetAside, code, errs)
			assert.Contains(t, out, "casse")
			assert.NotContains(t, out, "notes.txt", "only .json files are read")
			assert.Contains(t, errs, "Référentiel appliqué")
			assert.NotContains(t, errs, "fichiers évalués", "no progress for a small set")
		})
	}
	_, out, _ := runRegion(t, false, "-format", "json", dir)
	var a assess.RegionalReport
	require.NoError(t, json.Unmarshal([]byte(out), &a))
	assert.Equal(t, 5, a.Files)
	assert.Equal(t, 4, a.Assessed)
	assert.Equal(t, "national", a.Referential.ID, "dossiers of several regions: the national baseline")
}

// TestCSVForAFrenchSpreadsheet reads the CSV back as a French spreadsheet
// does.
func TestCSVForAFrenchSpreadsheet(t *testing.T) {
	code, out, errs := runRegion(t, false, "-format", "csv", "-r", "national", exampleDir(t))
	require.Equal(t, exitSetAside, code, errs)
	require.True(t, strings.HasPrefix(out, "\ufeff"), "byte order mark")
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 6)
	found := false
	for _, row := range rows[1:] {
		if strings.Contains(row[0], "gers") {
			assert.Equal(t, "0,4", row[10], "decimal comma")
			found = true
		}
	}
	assert.True(t, found)
}

// TestProgress: a line every 100 files when asked (a terminal), none
// otherwise.
func TestProgress(t *testing.T) {
	dir := t.TempDir()
	for name, data := range gen.Dossiers(7, 250) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	code, _, errs := runRegion(t, true, "-format", "json", "-r", "national", dir)
	require.Equal(t, exitSetAside, code, errs, "the generator writes a few invalid files on purpose")
	assert.Contains(t, errs, "100 / 250 fichiers évalués")
	assert.Contains(t, errs, "200 / 250 fichiers évalués")
	assert.Contains(t, errs, "250 / 250 fichiers évalués")
	_, _, errs = runRegion(t, false, "-format", "json", "-r", "national", dir)
	assert.NotContains(t, errs, "fichiers évalués")
}

// TestYearOnYear: last year's Montreuil without its psychiatry co-lead.
func TestYearOnYear(t *testing.T) {
	after := exampleDir(t)
	before := t.TempDir()
	data, _ := examples.Dossier("ile-de-france-montreuil-actif")
	old := strings.Replace(string(data), `"psychiatryCoLeads": true`, `"psychiatryCoLeads": false`, 1)
	require.NotEqual(t, string(data), old)
	require.NoError(t, os.WriteFile(filepath.Join(before, "montreuil-2025.json"), []byte(old), 0o644))
	code, out, errs := runRegion(t, false, "-r", "national", "-before", before, after)
	require.Equal(t, exitSetAside, code, errs)
	assert.Contains(t, out, "Évolution depuis le 22 novembre 2025")
	assert.Contains(t, out, "En progrès — CLSM de Montreuil")
	code, out, _ = runRegion(t, false, "-r", "national", "-format", "csv", "-before", before, after)
	require.Equal(t, exitSetAside, code)
	assert.Contains(t, out, ";en progrès;")
}

// TestBadInput: exit code 2 and a French message.
func TestBadInput(t *testing.T) {
	dir := exampleDir(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no file", nil, "Indiquez un répertoire"},
		{"unknown option", []string{"-x", dir}, "Option inconnue"},
		{"bad date", []string{"-at", "22/11/2026", dir}, "AAAA-MM-JJ"},
		{"bad format", []string{"-format", "xlsx", dir}, "Format « xlsx » inconnu\u00a0: text, md, html, csv ou json."},
		{"misspelt format", []string{"-format", "cvs", dir}, "Format « cvs » inconnu\u00a0: vouliez-vous dire « csv »\u00a0?"},
		{"unknown referential", []string{"-r", neverAnID, dir}, "Référentiel « " + neverAnID + " » inconnu"},
		{"misspelt referential", []string{"-r", "occitani", dir}, "vouliez-vous dire « occitanie »\u00a0?"},
		{"stdin twice", []string{"-", "-"}, "donné deux fois"},
		{"version with a value", []string{"-version=peut-être"}, "Valeur invalide pour l'option -version."},
		{"missing directory", []string{filepath.Join(dir, "absent")}, "n'existe pas"},
		{"empty directory", []string{t.TempDir()}, "aucun fichier .json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runRegion(t, false, tt.args...)
			assert.Equal(t, exitBadInput, code)
			assert.Empty(t, out)
			assert.Contains(t, errs, tt.want)
		})
	}
}

// TestRegionReferentialByDefault: dossiers of one region get its
// referential.
func TestRegionReferentialByDefault(t *testing.T) {
	dir := t.TempDir()
	data, _ := examples.Dossier("ile-de-france-montreuil-actif")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "m.json"), data, 0o644))
	code, out, errs := runRegion(t, false, "-format", "json", dir)
	require.Equal(t, exitDone, code, errs)
	var a assess.RegionalReport
	require.NoError(t, json.Unmarshal([]byte(out), &a))
	assert.Equal(t, "idf", a.Referential.ID)
}

// TestCommandLine: the conventions of examples/assess — help on standard
// output with exit 0, -version, options after the files, "-" and a piped
// dossier, formats and referentials whatever their case — and exit codes
// that tell « every file assessed », « some set aside », « bad input » and
// « nothing assessed » apart.
func TestCommandLine(t *testing.T) {
	montreuil, _ := examples.Dossier("ile-de-france-montreuil-actif")
	only := func(files map[string]string) string {
		dir := t.TempDir()
		for name, text := range files {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
		}
		return dir
	}
	referential, _ := examples.Referential("aveyron-exemple")
	tests := []struct {
		reason string
		stdin  input
		args   []string
		code   int
		out    string // in standard output
		errs   string // in standard error
	}{
		{"-h", terminal(""), []string{"-h"}, exitDone, "Usage\u00a0: region", ""},
		{"-help", terminal(""), []string{"-help"}, exitDone, "Codes de sortie", ""},
		{"--help", terminal(""), []string{"--help"}, exitDone, "Usage\u00a0: region", ""},
		{"help after a file", terminal(""), []string{"dossiers/", "-h"}, exitDone, "Usage\u00a0: region", ""},
		{"-version", terminal(""), []string{"-version"}, exitDone, "region (github.com/clsmkit/go-clsm) ", ""},
		{"every file assessed", terminal(""), []string{"-format", "json", only(map[string]string{"m.json": string(montreuil)})}, exitDone, `"assessed": 1`, "Référentiel appliqué\u00a0: Île-de-France"},
		{"options after the directory", terminal(""), []string{only(map[string]string{"m.json": string(montreuil)}), "-FORMAT", "json"}, exitBadInput, "", "Option inconnue"},
		{"format in capitals", terminal(""), []string{only(map[string]string{"m.json": string(montreuil)}), "-format", "JSON", "-r", "IDF"}, exitDone, `"assessed": 1`, "(demandé par -r)"},
		{"some set aside", terminal(""), []string{"-format", "json", only(map[string]string{"m.json": string(montreuil), "casse.json": `{"stage"`})}, exitSetAside, `"assessed": 1`, "Synthèse écrite, 1\u00a0fichier sur 2 mis de côté (illisible, invalide, ou qui n'est pas un dossier de CLSM)\u00a0; la synthèse le liste avec ses problèmes."},
		{"only invalid files", terminal(""), []string{only(map[string]string{"a.json": `{"stage": "actif"}`, "b.json": "{"})}, exitNothing, "", "Aucun fichier n'a pu être évalué\u00a0: 2\u00a0fichiers mis de côté (illisibles, invalides, ou qui ne sont pas des dossiers de CLSM)\u00a0; la synthèse les liste avec leurs problèmes."},
		{"only referentials", terminal(""), []string{"-format", "json", only(map[string]string{"aveyron.json": string(referential)})}, exitNothing, `"assessed": 0`, "Aucun fichier n'a pu être évalué"},
		{"-", piped(string(montreuil)), []string{"-format", "json", "-"}, exitDone, `"file": "entrée standard"`, ""},
		{"piped, no file", piped(string(montreuil)), []string{"-format", "json"}, exitDone, `"assessed": 1`, ""},
		{"piped nothing", piped(""), []string{"-format", "json"}, exitNothing, "", "Aucun fichier n'a pu être évalué"},
		{"terminal, no file", terminal(""), nil, exitBadInput, "", "Indiquez un répertoire"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			code, out, errs := runWithInput(t, tt.stdin, false, tt.args...)
			assert.Equal(t, tt.code, code, errs)
			assert.Contains(t, out, tt.out)
			assert.Contains(t, errs, tt.errs)
			if strings.HasPrefix(tt.out, "Usage") || strings.HasPrefix(tt.out, "region (") {
				assert.Empty(t, errs, "help and version say nothing on standard error")
			}
		})
	}
}

// TestReferentialSaidOutLoud: the referential applied by default is that of
// the dossiers' region when they share one, else the national baseline, and
// standard error says which and why.
func TestReferentialSaidOutLoud(t *testing.T) {
	write := func(names ...string) string {
		dir := t.TempDir()
		for _, n := range names {
			data, ok := examples.Dossier(n)
			require.True(t, ok, n)
			require.NoError(t, os.WriteFile(filepath.Join(dir, n+".json"), data, 0o644))
		}
		return dir
	}
	tests := []struct {
		reason, dir, id, why string
	}{
		{"one region with its referential", write("ile-de-france-montreuil-actif"), "idf", "Les dossiers relèvent tous de la région Île-de-France\u00a0: son référentiel"},
		{"one region, Occitanie", write("occitanie-rodez-en-projet", "gers-rural-intercommunal"), "occitanie", "Les dossiers relèvent tous de la région Occitanie\u00a0: son référentiel"},
		{"several regions", write("ile-de-france-montreuil-actif", "hauts-de-france-roubaix-actif"), "national", "Les dossiers relèvent de 2\u00a0régions différentes"},
		{"no department", func() string {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "vide.json"), []byte(`{"schemaVersion": 2}`), 0o644))
			return dir
		}(), "national", "Aucun dossier ne dit son département"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			code, out, errs := runRegion(t, false, "-format", "json", tt.dir)
			require.Equal(t, exitDone, code, errs)
			var a assess.RegionalReport
			require.NoError(t, json.Unmarshal([]byte(out), &a))
			assert.Equal(t, tt.id, a.Referential.ID)
			assert.Contains(t, errs, "Référentiel appliqué\u00a0: ")
			assert.Contains(t, errs, tt.why)
		})
	}
}

// neverAnID is a referential identifier no referential can ever have: it is
// longer than the 40 characters an identifier may have (a real one, such as
// « bretagne », may be added as a built-in referential at any time).
const neverAnID = "referentiel-inconnu-de-plus-de-quarante-caracteres"
