// Package corpustest checks a corpus of documents that a reader must refuse
// against the golden files beside them: each problem's code, path and French
// message. The bad dossiers (clsm) and the bad referentials (labels) both go
// through it; it also reads the problem codes a package declares. Only tests
// import it.
package corpustest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// Refused reads every dir/*.json (at least min of them), which read must
// refuse with problems, and compares the problems, one line each (code, path,
// message, tab-separated), with the file's .golden sibling; with update it
// rewrites the golden files instead. Every code must be one of codes, every
// message French, and every golden file must belong to a document. rerun is
// the command that rewrites the golden files, said when one is missing.
func Refused(t *testing.T, dir string, min int, read func([]byte) error, codes []string, update bool, rerun string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), min)
	goldens, err := filepath.Glob(filepath.Join(dir, "*.golden"))
	require.NoError(t, err)
	for _, g := range goldens {
		_, err := os.Stat(strings.TrimSuffix(g, ".golden") + ".json")
		assert.NoError(t, err, "%s belongs to no document: remove it", g)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			var ps wellformed.Problems
			require.ErrorAs(t, read(data), &ps, "a bad document must be refused with its problems")
			require.NotEmpty(t, ps)
			var got bytes.Buffer
			for _, p := range ps {
				assert.Contains(t, codes, p.Code, "every code is a declared constant")
				AssertFrench(t, p.Message)
				fmt.Fprintf(&got, "%s\t%s\t%s\n", p.Code, p.Path, p.Message)
			}
			golden := strings.TrimSuffix(file, ".json") + ".golden"
			if update {
				require.NoError(t, os.WriteFile(golden, got.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run %s to create the golden file", rerun)
			assert.Equal(t, string(want), got.String())
		})
	}
}

// AssertFrench holds a message a person reads to a positive rule: it is one
// or more French sentences, starting with a capital letter, a digit or an
// opening quotation mark, ending with a full stop, a question or
// exclamation mark, an ellipsis or a closing quotation mark, and made of
// French words (at least one of the short words every French sentence
// has, or an accented letter). It also fails on the validator's and the JSON decoder's English,
// the fallbacks that would otherwise slip through.
func AssertFrench(t testing.TB, msg string) {
	t.Helper()
	if !assert.NotEmpty(t, msg) {
		return
	}
	for _, english := range []string{"Key:", "Error:", "Field validation", " failed on ", "json:", "cannot unmarshal"} {
		assert.NotContains(t, msg, english, "a French message")
	}
	first, _ := utf8.DecodeRuneInString(msg)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(msg, " \u00a0"))
	assert.True(t, unicode.IsUpper(first) || unicode.IsDigit(first) || first == '«' || first == '…',
		"a French sentence starts with a capital letter, a digit or «\u00a0: %q", msg)
	assert.True(t, strings.ContainsRune(".?!…»)", last), "a French sentence ends with its punctuation: %q", msg)
	words := strings.FieldsFunc(strings.ToLower(msg), func(r rune) bool { return !unicode.IsLetter(r) })
	french := strings.ContainsAny(msg, "éèêàâîôûùçœÉÈÀ")
	for _, w := range words {
		if frenchWords[w] {
			french = true
			break
		}
	}
	assert.True(t, french, "a French sentence has French words: %q", msg)
}

// frenchWords are short words nearly every French sentence has.
var frenchWords = map[string]bool{
	"le": true, "la": true, "les": true, "l": true, "un": true, "une": true, "des": true, "du": true, "de": true, "d": true,
	"est": true, "sont": true, "n": true, "pas": true, "ne": true, "et": true, "ou": true, "à": true, "au": true, "aux": true,
	"en": true, "ce": true, "cette": true, "dans": true, "pour": true, "par": true, "sur": true, "avec": true, "qui": true, "que": true,
	"doit": true, "peut": true, "il": true, "elle": true, "se": true, "sa": true, "son": true, "ses": true,
	"oui": true, "non": true, "aucun": true, "aucune": true, "territoire": true, "commune": true, "communes": true,
}

// CodeConstants returns the values of the constants named Code… that the Go
// file declares with a string literal of their own, in their order: what a
// package says its problem codes are, for a test to hold its list of codes to.
func CodeConstants(t *testing.T, file string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	require.NoError(t, err)
	var codes []string
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				lit, isLiteral := vs.Values[i].(*ast.BasicLit)
				if !strings.HasPrefix(name.Name, "Code") || !isLiteral {
					continue
				}
				v, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				codes = append(codes, v)
			}
		}
	}
	return codes
}
