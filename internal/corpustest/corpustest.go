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

// AssertFrench fails on an empty message or one that fell back to the
// validator's or the JSON decoder's English.
func AssertFrench(t testing.TB, msg string) {
	t.Helper()
	for _, english := range []string{"Key:", "Error:", "Field validation", " failed on ", "json:", "cannot unmarshal"} {
		assert.NotContains(t, msg, english, "a French message")
	}
	assert.NotEmpty(t, msg)
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
