package cli

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
		{parse("-x"), "Option inconnue\u00a0: -x"},
		{parse("-r"), "L'option -r attend une valeur."},
		{parse("-n", "abc"), "Valeur invalide pour l'option -n."},
		{parse("-b=peut-être"), "Valeur invalide pour l'option -b."},
		{parse("-=x"), "Option mal écrite\u00a0: -=x"},
		{errors.New("autre chose"), "Ligne de commande incorrecte."},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FlagError(tt.err), tt.err.Error())
	}
}

// TestParseInterspersed reads options wherever they are among the files.
func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args   []string
		files  []string
		format string
		r      string
	}{
		{nil, nil, "text", ""},
		{[]string{"a.json"}, []string{"a.json"}, "text", ""},
		{[]string{"-format", "md", "a.json"}, []string{"a.json"}, "md", ""},
		{[]string{"a.json", "-format", "md"}, []string{"a.json"}, "md", ""},
		{[]string{"a.json", "-format=md", "-r", "idf"}, []string{"a.json"}, "md", "idf"},
		{[]string{"-r", "idf", "a.json", "b.json", "-format", "json"}, []string{"a.json", "b.json"}, "json", "idf"},
		{[]string{"-", "-r", "hdf"}, []string{"-"}, "text", "hdf"},
		{[]string{"a.json", "--", "-format", "md"}, []string{"a.json", "-format", "md"}, "text", ""},
		{[]string{"--", "-r"}, []string{"-r"}, "text", ""},
	}
	for _, tt := range tests {
		flags := flag.NewFlagSet("t", flag.ContinueOnError)
		flags.SetOutput(&bytes.Buffer{})
		format := flags.String("format", "text", "")
		r := flags.String("r", "", "")
		files, err := ParseInterspersed(flags, tt.args)
		require.NoError(t, err, "%q", tt.args)
		assert.Equal(t, tt.files, files, "%q", tt.args)
		assert.Equal(t, tt.format, *format, "%q", tt.args)
		assert.Equal(t, tt.r, *r, "%q", tt.args)
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"html", "html", 0},
		{"htlm", "html", 1}, // two neighbours swapped
		{"htm", "html", 1},
		{"jsn", "json", 1},
		{"pdf", "md", 2},
		{"", "md", 2},
		{"idé", "ide", 1}, // runes, not bytes,
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, EditDistance(tt.a, tt.b), "%s/%s", tt.a, tt.b)
		assert.Equal(t, tt.want, EditDistance(tt.b, tt.a), "%s/%s", tt.b, tt.a)
	}
}

// TestStdinIsTerminal checks the detection on what a shell gives a command:
// a pipe and a file are read; a device such as /dev/null is not.
func TestStdinIsTerminal(t *testing.T) {
	pr, pw, err := os.Pipe()
	require.NoError(t, err)
	defer pr.Close()
	defer pw.Close()
	file, err := os.CreateTemp(t.TempDir(), "dossier")
	require.NoError(t, err)
	defer file.Close()
	tests := []struct {
		reason string
		stdin  *os.File
		want   bool
	}{
		{"pipe (cat mon.json | assess)", pr, false},
		{"file (assess < mon.json)", file, false},
	}
	if null, err := os.Open(os.DevNull); err == nil {
		defer null.Close()
		tests = append(tests, struct {
			reason string
			stdin  *os.File
			want   bool
		}{"device (assess < /dev/null)", null, true})
	}
	saved := os.Stdin
	defer func() { os.Stdin = saved }()
	for _, tt := range tests {
		os.Stdin = tt.stdin
		assert.Equal(t, tt.want, StdinIsTerminal(), tt.reason)
	}
}

// TestSuggest proposes the nearest word for a slip, and nothing for a word
// far from every candidate.
func TestSuggest(t *testing.T) {
	tests := []struct {
		word, want string
		ok         bool
	}{
		{"htlm", "html", true},
		{"csb", "csv", true},
		{"occitani", "occitanie", true},
		{"nationl", "national", true},
		{"xlsx", "", false},
		{"html", "", false}, // the word itself: nothing to suggest
	}
	for _, tt := range tests {
		got, ok := Suggest(tt.word, []string{"text", "md", "html", "csv", "json", "idf", "occitanie", "hdf", "national"})
		assert.Equal(t, tt.ok, ok, tt.word)
		if tt.ok {
			assert.Equal(t, tt.want, got, tt.word)
		}
	}
}
