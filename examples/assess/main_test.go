package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ready := write("ready.json", `{"schemaVersion": 1, "stage": "project", "governance": {"president": {"role": "mayor"}, "psychiatryCoLeads": true}}`)
	bad := write("bad.json", `{"schemaVersion": 1, "territory": {"communes": ["75000"]}, "coordinator": {"ftee": 1}}`)
	badRef := write("ref.json", `{"schemaVersion": 1}`)
	tests := []struct {
		reason string
		args   []string
		stdin  string
		code   int
		out    string // expected in standard output
		errOut string // expected in standard error
	}{
		{"embedded example, text", []string{"-at", "2026-11-22"}, "", exitNotReady, "Presque prêt", ""},
		{"embedded example, html", []string{"-at", "2026-11-22", "-format", "html"}, "", exitNotReady, "<!DOCTYPE html>", ""},
		{"embedded example, json", []string{"-format", "json"}, "", exitNotReady, `"readiness"`, ""},
		{"ready dossier, chosen referential", []string{"-r", "hdf", ready}, "", exitReady, "Prêt à déposer", ""},
		{"dossier on standard input", []string{"-r", "national", "-"}, `{"schemaVersion": 1}`, exitNotReady, "À compléter", ""},
		{"custom referential file", []string{"-r", "../referentials/aveyron-exemple.json"}, "", exitReady, "Aveyron", ""},
		{"invalid dossier", []string{bad}, "", exitBadInput, "", "/territory/communes/0"},
		{"unknown key", []string{bad}, "", exitBadInput, "", "vouliez-vous écrire « fte »"},
		{"missing file", []string{filepath.Join(dir, "absent.json")}, "", exitBadInput, "", "ne peut pas être lu"},
		{"bad referential", []string{"-r", badRef}, "", exitBadInput, "", "/documents"},
		{"unknown referential", []string{"-r", "bretagne"}, "", exitBadInput, "", "inconnu"},
		{"bad date", []string{"-at", "22/11/2026"}, "", exitBadInput, "", "AAAA-MM-JJ"},
		{"bad format", []string{"-format", "pdf"}, "", exitBadInput, "", "inconnu"},
		{"unknown flag", []string{"-x"}, "", exitBadInput, "", "Usage"},
		{"two dossiers", []string{ready, ready}, "", exitBadInput, "", "Un seul dossier"},
		{"files swapped", []string{"-r", ready, "../referentials/aveyron-exemple.json"}, "", exitBadInput, "", "inversé"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := run(tt.args, strings.NewReader(tt.stdin), &out, &errOut, today)
		assert.Equal(t, tt.code, code, "%s: %s", tt.reason, errOut.String())
		assert.Contains(t, out.String(), tt.out, tt.reason)
		assert.Contains(t, errOut.String(), tt.errOut, tt.reason)
	}
}
