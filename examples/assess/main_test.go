package main

import (
	"bytes"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
		out    string // expected in standard output; "" for none at all
		errOut string // expected in standard error; "" for none at all
	}{
		{"embedded example, text", []string{"-at", "2026-11-22"}, "", exitNotReady, "Verdict\u00a0: ", ""},
		{"embedded example, html", []string{"-at", "2026-11-22", "-format", "html"}, "", exitNotReady, "<!DOCTYPE html>", ""},
		{"embedded example, json", []string{"-format", "json"}, "", exitNotReady, `"readiness"`, ""},
		// The Hauts-de-France referential does not say what a ready project
		// is: no « prêt » verdict.
		{"project, chosen referential", []string{"-r", "hdf", ready}, "", exitNotReady, "Hauts-de-France", ""},
		{"dossier on standard input", []string{"-r", "national", "-"}, `{"schemaVersion": 1}`, exitNotReady, "Verdict\u00a0: à compléter", ""},
		{"custom referential file", []string{"-r", "../referentials/aveyron-exemple.json"}, "", exitReady, "Aveyron", ""},
		{"invalid dossier", []string{bad}, "", exitBadInput, "", "/territory/communes/0"},
		{"unknown key", []string{bad}, "", exitBadInput, "", "vouliez-vous écrire « fte »"},
		{"missing file", []string{filepath.Join(dir, "absent.json")}, "", exitBadInput, "", "ne peut pas être lu"},
		{"bad referential", []string{"-r", badRef}, "", exitBadInput, "", "/documents"},
		{"unknown referential", []string{"-r", "bretagne"}, "", exitBadInput, "", "inconnu"},
		{"bad date", []string{"-at", "22/11/2026"}, "", exitBadInput, "", "AAAA-MM-JJ"},
		{"bad format", []string{"-format", "pdf"}, "", exitBadInput, "", "inconnu"},
		{"unknown flag", []string{"-x"}, "", exitBadInput, "", "Usage"},
		{"directory", []string{dir}, "", exitBadInput, "", "c'est un répertoire, pas un fichier"},
		{"two dossiers", []string{ready, ready}, "", exitBadInput, "", "Un seul dossier"},
		{"files swapped", []string{"-r", ready, "../referentials/aveyron-exemple.json"}, "", exitBadInput, "", "inversé"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := run(tt.args, strings.NewReader(tt.stdin), &out, &errOut, today)
		assert.Equal(t, tt.code, code, "%s: %s", tt.reason, errOut.String())
		// An empty expectation means nothing at all: a refused input writes
		// no report, and a report comes without a word on standard error.
		if tt.out == "" {
			assert.Empty(t, out.String(), tt.reason)
		} else {
			assert.Contains(t, out.String(), tt.out, tt.reason)
		}
		if tt.errOut == "" {
			assert.Empty(t, errOut.String(), tt.reason)
		} else {
			assert.Contains(t, errOut.String(), tt.errOut, tt.reason)
		}
	}
}

// TestRunSpeaksFrench checks that what the flag package and the system say
// reaches the user in French only, and that nothing the command echoes
// carries a control character.
func TestRunSpeaksFrench(t *testing.T) {
	dir := t.TempDir()
	hostile := "ab\x1b[2J\x1b]8;;http://evil.example\x07sent\u009b1m\n\rX"
	tests := []struct {
		reason string
		args   []string
		want   string // the French line
	}{
		{"unknown flag", []string{"-x"}, "Option inconnue : -x\n"},
		{"unknown long flag", []string{"--verbose"}, "Option inconnue : -verbose\n"},
		{"unknown hostile flag", []string{"-" + hostile}, "Option inconnue : -ab"},
		{"missing argument", []string{"-r"}, "L'option -r attend une valeur.\n"},
		{"missing argument, format", []string{"-format"}, "L'option -format attend une valeur.\n"},
		{"bad flag syntax", []string{"---x"}, "Option mal écrite : ---x\n"},
		{"help", []string{"-h"}, "Usage : assess"},
		{"file not found", []string{filepath.Join(dir, "absent.json")}, "ne peut pas être lu : ce fichier n'existe pas.\n"},
		{"is a directory", []string{dir}, "ne peut pas être lu : c'est un répertoire, pas un fichier.\n"},
		{"referential not found", []string{"-r", filepath.Join(dir, "absent.json")}, "ne peut pas être lu : ce fichier n'existe pas\n"},
		{"referential is a directory", []string{"-r", dir + "/"}, "c'est un répertoire, pas un fichier\n"},
		{"hostile file name", []string{filepath.Join(dir, hostile)}, "« " + filepath.Join(dir, "absent X") + " » ne peut pas être lu : ce fichier n'existe pas.\n"},
		{"hostile referential name", []string{"-r", "bre" + hostile}, "le fichier « breabsent X » ne peut pas être lu : ce fichier n'existe pas\n"},
		{"hostile date", []string{"-at", hostile}, "Date d'évaluation « absent X » invalide"},
		{"hostile format", []string{"-format", hostile}, "Format « absent X » inconnu"},
	}
	english := []string{"flag", "provided", "defined", "needs an argument", "syntax", "no such file", "is a directory", "permission denied", "open ", "default", "string"}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := run(tt.args, strings.NewReader(""), &out, &errOut, today)
		got := errOut.String()
		assert.Equal(t, exitBadInput, code, tt.reason)
		assert.Contains(t, got, tt.want, tt.reason)
		for _, word := range english {
			assert.NotContains(t, got, word, "%s: %q", tt.reason, got)
		}
		for _, r := range got {
			if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) {
				t.Errorf("%s: control character %U in %q", tt.reason, r, got)
				break
			}
		}
		assert.Empty(t, out.String(), tt.reason)
	}
}

// TestOSError checks the French reason given for each kind of system error,
// whatever wraps it.
func TestOSError(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrNotExist}, "ce fichier n'existe pas"},
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, "vous n'avez pas le droit de le lire"},
		{errIsDir, "c'est un répertoire, pas un fichier"},
		{&fs.PathError{Op: "read", Path: "x", Err: errors.New("input/output error")}, "erreur du système lors de la lecture"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, osError(tt.err), tt.err.Error())
	}
}

// TestFlagError translates each error of the flag package, as the package
// writes it.
func TestFlagError(t *testing.T) {
	parse := func(args ...string) error {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(&bytes.Buffer{})
		fs.String("r", "", "")
		fs.Int("n", 0, "")
		fs.Bool("b", false, "")
		err := fs.Parse(args)
		require.Error(t, err)
		return err
	}
	tests := []struct {
		err  error
		want string
	}{
		{parse("-x"), "Option inconnue : -x"},
		{parse("-r"), "L'option -r attend une valeur."},
		{parse("-n", "abc"), "Valeur invalide pour l'option -n."},
		{parse("-b=peut-être"), "Valeur invalide pour l'option -b."},
		{parse("-=x"), "Option mal écrite : -=x"},
		{errors.New("autre chose"), "Ligne de commande incorrecte."},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, flagError(tt.err), tt.err.Error())
	}
}
