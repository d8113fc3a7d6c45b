package labels_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// TestProblemCodesAreTheConstants: ProblemCodes is clsm's codes and then
// exactly the Code constants this package declares with a value of its own,
// each once; CodeWrongDocument is clsm's, not a second declaration.
func TestProblemCodesAreTheConstants(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "parse.go", nil, 0)
	require.NoError(t, err)
	var own []string
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
				own = append(own, v)
			}
		}
	}
	assert.Equal(t, append(clsm.ProblemCodes(), own...), labels.ProblemCodes())
	seen := map[string]bool{}
	for _, c := range labels.ProblemCodes() {
		assert.False(t, seen[c], "code %q declared twice", c)
		seen[c] = true
	}
	assert.Equal(t, clsm.CodeWrongDocument, labels.CodeWrongDocument)
}
