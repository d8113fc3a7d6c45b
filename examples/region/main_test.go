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
	var out, errb bytes.Buffer
	code = run(args, &out, &errb, today, progress)
	return code, out.String(), errb.String()
}

// TestEveryFormat: a directory of examples and a broken file, in every
// format; the broken file is listed, never dropped, and stops nothing.
func TestEveryFormat(t *testing.T) {
	dir := exampleDir(t)
	for _, f := range assess.RegionalFormats() {
		t.Run(string(f), func(t *testing.T) {
			code, out, errs := runRegion(t, false, "-format", string(f), "-r", "national", dir)
			require.Equal(t, exitDone, code, errs)
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
	require.Equal(t, exitDone, code, errs)
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
	require.Equal(t, exitDone, code, errs)
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
	require.Equal(t, exitDone, code, errs)
	assert.Contains(t, out, "Évolution depuis le 22 novembre 2025")
	assert.Contains(t, out, "En progrès — CLSM de Montreuil")
	code, out, _ = runRegion(t, false, "-r", "national", "-format", "csv", "-before", before, after)
	require.Equal(t, exitDone, code)
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
		{"bad format", []string{"-format", "xlsx", dir}, "Format « xlsx » inconnu"},
		{"unknown referential", []string{"-r", "bretagne", dir}, "Référentiel « bretagne » inconnu"},
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
