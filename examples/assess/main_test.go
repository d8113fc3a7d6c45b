package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples/internal/readfile"
	"github.com/clsmkit/go-clsm/labels"
)

var today = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// terminal is a standard input that is a terminal: nothing is piped, and
// the command does not read it unless told to by "-".
func terminal(s string) input {
	return input{strings.NewReader(s), func() bool { return true }}
}

// piped is a standard input that is a pipe or a file: cat mon.json | assess.
func piped(s string) input {
	return input{strings.NewReader(s), func() bool { return false }}
}

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
	// One reading of bytes, as the form's: UTF-8 with or without a byte
	// order mark; other encodings refused with the byte where they go wrong.
	withBOM := write("bom.json", "\xef\xbb\xbf"+`{"schemaVersion": 1, "name": "Conseil"}`)
	utf16 := write("utf16.json", "\xff\xfe{\x00}\x00")
	latin1 := write("latin1.json", "{\"name\": \"Cons\xe9il\"}")
	huge := write("huge.json", `{"notes": "`+strings.Repeat("x", 3<<20)+`"}`)
	tests := []struct {
		reason string
		args   []string
		stdin  input
		code   int
		out    string // expected in standard output; "" for none at all
		errOut string // expected in standard error; "" for none at all
	}{
		{"embedded example, text", []string{"-at", "2026-11-22"}, terminal(""), exitNotReady, "Verdict\u00a0: ", "Aucun dossier donné\u00a0: évaluation du dossier d'exemple « ile-de-france-montreuil-actif »"},
		{"embedded example, html", []string{"-at", "2026-11-22", "-format", "html"}, terminal(""), exitNotReady, "<!DOCTYPE html>", "« - » pour lire l'entrée standard"},
		{"embedded example, json", []string{"-format", "json"}, terminal(""), exitNotReady, `"readiness"`, "Aucun dossier donné"},
		// -document writes a document to file instead of the report.
		{"document list", []string{"-at", "2026-11-22", "-document", "list"}, terminal(""), exitReady, "  annexe\tIndicateurs de résultats annexés à la convention de financement", "Aucun dossier donné"},
		{"document, Markdown by default", []string{"-at", "2026-11-22", "-document", "annexe"}, terminal(""), exitReady, "# Indicateurs de résultats annexés à la convention de financement", "Aucun dossier donné"},
		{"document, ODT", []string{"-at", "2026-11-22", "-document", "bilan", "-format", "ODT"}, terminal(""), exitReady, "mimetypeapplication/vnd.oasis.opendocument.text", "Aucun dossier donné"},
		{"document with last year's dossier", []string{"-at", "2026-11-22", "-document", "annexe", "-format", "html", "-baseline", ready}, terminal(""), exitReady, "<th scope=\"col\">Évolution</th>", "Aucun dossier donné"},
		{"document the referential does not ask for", []string{"-document", "rapport"}, terminal(""), exitBadInput, "", "Document inconnu\u00a0: le référentiel"},
		{"document in a report's format", []string{"-document", "bilan", "-format", "json"}, terminal(""), exitBadInput, "", "Format de document « json » inconnu\u00a0: odt, html ou md."},
		{"baseline without document", []string{"-baseline", ready}, terminal(""), exitBadInput, "", "L'option -baseline ne sert qu'avec -document"},
		{"invalid baseline", []string{"-document", "annexe", "-baseline", bad}, terminal(""), exitBadInput, "", "Dossier à corriger\u00a0: le dossier de l'année précédente"},
		{"a project under the national socle", []string{"-r", "occitanie", "-document", "list", ready}, terminal(""), exitReady, "ses sources ne le disent pas", ""},
		// The Hauts-de-France referential does not say what a ready project
		// is: no « prêt » verdict.
		{"project, chosen referential", []string{"-r", "hdf", ready}, terminal(""), exitNotReady, "Hauts-de-France", ""},
		{"dossier on standard input", []string{"-r", "national", "-"}, terminal(`{"schemaVersion": 1}`), exitNotReady, "Verdict\u00a0: à compléter", ""},
		// cat mon.json | assess: a standard input that is not a terminal is
		// read when no file is given.
		{"piped dossier, no file", []string{"-r", "national"}, piped(`{"schemaVersion": 1}`), exitNotReady, "Verdict\u00a0: à compléter", ""},
		{"piped invalid dossier", nil, piped(`{"schemaVersion": 1, "stage": "actif"}`), exitBadInput, "", "Dossier à corriger\u00a0: le dossier lu sur l'entrée standard contient des erreurs\u00a0:"},
		// A pending answer (text typed into a number question, exported by
		// the form) makes the dossier one to correct, never a verdict.
		{"piped pending answer", nil, piped(`{"schemaVersion": 2, "territory": {"department": "93"}, "pending": {"/territory/population": "environ 98 000"}}`), exitBadInput, "",
			"Réponse en attente\u00a0: «\u00a0environ 98 000\u00a0» a été tapé, mais ce n'est pas encore une réponse que le dossier peut garder (un nombre, une date JJ/MM/AAAA)\u00a0; corrigez-le ou effacez-le. Le texte est conservé d'ici là. (/territory/population)"},
		{"piped nothing", nil, piped(""), exitBadInput, "", "Rien n'a été lu sur l'entrée standard\u00a0: donnez le dossier en argument"},
		{"piped input beside a file", []string{"-r", "hdf", ready}, piped("ceci n'est pas lu"), exitNotReady, "Hauts-de-France", ""},
		// Options after the file, as the go command reads them.
		{"options after the file", []string{ready, "-r", "hdf", "-format", "md"}, terminal(""), exitNotReady, "# ", ""},
		{"options on both sides", []string{"-r", "hdf", ready, "-format", "json", "-at", "2026-11-22"}, terminal(""), exitNotReady, `"evaluatedOn": "2026-11-22"`, ""},
		{"after --, a file", []string{"--", "-format"}, terminal(""), exitBadInput, "", "Le dossier « -format » ne peut pas être lu\u00a0: ce fichier n'existe pas."},
		{"bad option after the file", []string{ready, "-x"}, terminal(""), exitBadInput, "", "Option inconnue\u00a0: -x"},
		// Formats, whatever their case; a slip gets a suggestion.
		{"format in capitals", []string{"-format", "HTML", ready}, terminal(""), exitNotReady, "<!DOCTYPE html>", ""},
		{"format, mixed case", []string{"-format", "Md", ready}, terminal(""), exitNotReady, "# ", ""},
		{"format, other name", []string{"-format", "markdown", ready}, terminal(""), exitNotReady, "# ", ""},
		{"format misspelt", []string{"-format", "htlm", ready}, terminal(""), exitBadInput, "", "Format « htlm » inconnu\u00a0: vouliez-vous dire « html »\u00a0? Formats\u00a0: text, md, html ou json.\n"},
		{"format misspelt, capitals", []string{"-format", "JSN", ready}, terminal(""), exitBadInput, "", "vouliez-vous dire « json »\u00a0?"},
		{"referential in capitals", []string{"-r", "HDF", ready}, terminal(""), exitNotReady, "Hauts-de-France", ""},
		{"referential misspelt", []string{"-r", "ifd", ready}, terminal(""), exitBadInput, "", "référentiel « ifd » inconnu\u00a0: vouliez-vous dire « idf »\u00a0?"},
		// Help and version: what was asked, on standard output, exit 0.
		{"help", []string{"-h"}, terminal(""), exitReady, "Usage\u00a0: assess", ""},
		{"help, long", []string{"--help", ready}, terminal(""), exitReady, "-version", ""},
		{"help after the file", []string{ready, "-help"}, piped(`{}`), exitReady, "Codes de sortie\u00a0: 0 prêt (ou, avec -document, document écrit), 1 pas encore prêt, 2 entrée invalide.", ""},
		{"version", []string{"-version"}, piped(`{}`), exitReady, fmt.Sprintf("Formats\u00a0: dossier version %d, référentiel version %d, rapport version %d, synthèse régionale version %d\n", clsm.SchemaVersion, labels.ReferentialVersion, assess.ReportVersion, assess.RegionalVersion), ""},
		{"custom referential file", []string{"-r", "../referentials/aveyron-exemple.json"}, terminal(""), exitReady, "Aveyron", "Aucun dossier donné"},
		{"byte order mark", []string{"-r", "national", withBOM}, terminal(""), exitNotReady, "Verdict\u00a0: à compléter", ""},
		{"byte order mark on standard input", []string{"-r", "national"}, piped("\xef\xbb\xbf{}"), exitNotReady, "Verdict\u00a0: à compléter", ""},
		{"UTF-16", []string{utf16}, terminal(""), exitBadInput, "", "encodé en UTF-16, et non en UTF-8"},
		{"Latin-1", []string{latin1}, terminal(""), exitBadInput, "", "l'octet n°\u00a015 (0xE9, ligne 1, colonne 15)"},
		{"too large", []string{huge}, terminal(""), exitBadInput, "", "Le fichier fait plus de 1\u202f048\u202f576\u00a0octets"},
		{"invalid dossier", []string{bad}, terminal(""), exitBadInput, "", "/territory/communes/0"},
		{"unknown key", []string{bad}, terminal(""), exitBadInput, "", "vouliez-vous écrire « fte »"},
		{"missing file", []string{filepath.Join(dir, "absent.json")}, terminal(""), exitBadInput, "", "ne peut pas être lu"},
		{"bad referential", []string{"-r", badRef}, terminal(""), exitBadInput, "", "/documents"},
		{"unknown referential", []string{"-r", neverAnID}, terminal(""), exitBadInput, "", "inconnu"},
		{"bad date", []string{"-at", "22/11/2026"}, terminal(""), exitBadInput, "", "AAAA-MM-JJ"},
		{"bad format", []string{"-format", "pdf"}, terminal(""), exitBadInput, "", "inconnu"},
		{"unknown flag", []string{"-x"}, terminal(""), exitBadInput, "", "Usage"},
		{"directory", []string{dir}, terminal(""), exitBadInput, "", "c'est un répertoire, pas un fichier"},
		{"two dossiers", []string{ready, ready}, terminal(""), exitBadInput, "", "Un seul dossier à la fois (2\u00a0fichiers donnés)."},
		{"files swapped", []string{"-r", ready, "../referentials/aveyron-exemple.json"}, terminal(""), exitBadInput, "", "inversé"},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := run(tt.args, tt.stdin, &out, &errOut, today)
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
		{"unknown flag", []string{"-x"}, "Option inconnue\u00a0: -x\n"},
		{"unknown long flag", []string{"--verbose"}, "Option inconnue\u00a0: -verbose\n"},
		{"unknown hostile flag", []string{"-" + hostile}, "Option inconnue\u00a0: -ab"},
		{"missing argument", []string{"-r"}, "L'option -r attend une valeur.\n"},
		{"missing argument, format", []string{"-format"}, "L'option -format attend une valeur.\n"},
		{"bad flag syntax", []string{"---x"}, "Option mal écrite\u00a0: ---x\n"},
		{"usage after an error", []string{"-x"}, "Usage\u00a0: assess"},
		{"file not found", []string{filepath.Join(dir, "absent.json")}, "ne peut pas être lu\u00a0: ce fichier n'existe pas.\n"},
		{"is a directory", []string{dir}, "ne peut pas être lu\u00a0: c'est un répertoire, pas un fichier.\n"},
		{"referential not found", []string{"-r", filepath.Join(dir, "absent.json")}, "ne peut pas être lu\u00a0: ce fichier n'existe pas\n"},
		{"referential is a directory", []string{"-r", dir + "/"}, "c'est un répertoire, pas un fichier\n"},
		{"hostile file name", []string{filepath.Join(dir, hostile)}, "« " + filepath.Join(dir, "absent X") + " » ne peut pas être lu\u00a0: ce fichier n'existe pas.\n"},
		{"hostile referential name", []string{"-r", "bre" + hostile}, "le fichier « breabsent X » ne peut pas être lu\u00a0: ce fichier n'existe pas\n"},
		{"hostile date", []string{"-at", hostile}, "Date d'évaluation « absent X » invalide"},
		{"hostile format", []string{"-format", hostile}, "Format « absent X » inconnu"},
	}
	english := []string{"flag", "provided", "defined", "needs an argument", "syntax", "no such file", "is a directory", "permission denied", "open ", "default", "string"}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := run(tt.args, terminal(""), &out, &errOut, today)
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
		{readfile.ErrIsDir, "c'est un répertoire, pas un fichier"},
		{&fs.PathError{Op: "read", Path: "x", Err: errors.New("input/output error")}, "erreur du système lors de la lecture"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, readfile.Reason(tt.err), tt.err.Error())
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		name string
		want assess.Format // "" for refused
		msg  string
	}{
		{"text", assess.FormatText, ""},
		{"TEXT", assess.FormatText, ""},
		{"Md", assess.FormatMarkdown, ""},
		{"markdown", assess.FormatMarkdown, ""},
		{"Html", assess.FormatHTML, ""},
		{"json", assess.FormatJSON, ""},
		{"htlm", "", "Format « htlm » inconnu\u00a0: vouliez-vous dire « html »\u00a0? Formats\u00a0: text, md, html ou json."},
		{"jsno", "", "vouliez-vous dire « json »\u00a0?"},
		{"tetx", "", "vouliez-vous dire « text »\u00a0?"},
		{"m", "", "vouliez-vous dire « md »\u00a0?"},
		{"pdf", "", "Format « pdf » inconnu\u00a0: text, md, html ou json."},
		{"", "", "Format «  » inconnu\u00a0: text, md, html ou json."},
		{"xlsx", "", "Format « xlsx » inconnu\u00a0: text, md, html ou json."},
	}
	for _, tt := range tests {
		got, err := parseFormat(tt.name)
		assert.Equal(t, tt.want, got, tt.name)
		if tt.want != "" {
			assert.NoError(t, err, tt.name)
			continue
		}
		require.Error(t, err, tt.name)
		assert.Contains(t, err.Error(), tt.msg, tt.name)
		if !strings.Contains(tt.msg, "vouliez") {
			assert.NotContains(t, err.Error(), "vouliez", "%s: no suggestion for a word far from every format", tt.name)
		}
	}
}

// TestVersionText reads the module version from the build information, or
// says "(devel)" when the build does not give it.
func TestVersionText(t *testing.T) {
	formats := fmt.Sprintf("Formats\u00a0: dossier version %d, référentiel version %d, rapport version %d, synthèse régionale version %d\n", clsm.SchemaVersion, labels.ReferentialVersion, assess.ReportVersion, assess.RegionalVersion)
	tests := []struct {
		reason string
		info   *debug.BuildInfo
		ok     bool
		want   string
	}{
		{"no build information", nil, false, "assess (github.com/clsmkit/go-clsm) (devel)\n" + formats},
		{"version unknown", &debug.BuildInfo{GoVersion: "go1.26.0"}, true, "assess (github.com/clsmkit/go-clsm) (devel)\n" + formats + "Compilé avec go1.26.0\n"},
		{"go run in a checkout", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/clsmkit/go-clsm", Version: "(devel)"}}, true, "assess (github.com/clsmkit/go-clsm) (devel)\n" + formats + "Compilé avec go1.26.0\n"},
		{"go install at a tag", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/clsmkit/go-clsm", Version: "v1.4.0"}}, true, "assess (github.com/clsmkit/go-clsm) v1.4.0\n" + formats + "Compilé avec go1.26.0\n"},
		{"hostile version", &debug.BuildInfo{Main: debug.Module{Version: "v1\x1b[2J"}}, true, "assess (github.com/clsmkit/go-clsm) v1\n" + formats},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, versionText(tt.info, tt.ok), tt.reason)
	}
}

// neverAnID is a referential identifier no referential can ever have: it is
// longer than the 40 characters an identifier may have (a real one, such as
// « bretagne », may be added as a built-in referential at any time).
const neverAnID = "referentiel-inconnu-de-plus-de-quarante-caracteres"
