package clsm

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/internal/corpustest"
	"github.com/clsmkit/go-clsm/internal/model"
)

// TestProblemCodesAreTheConstants: ProblemCodes lists exactly the Code
// constants of problem_codes.go, each once, and every validation tag that finds
// problems has its code there.
func TestProblemCodesAreTheConstants(t *testing.T) {
	declared := corpustest.CodeConstants(t, "problem_codes.go")
	assert.Equal(t, declared, ProblemCodes(), "the constants of clsm, which users read, are those internal/wellformed declares")
	seen := map[string]bool{}
	for _, c := range ProblemCodes() {
		assert.False(t, seen[c], "code %q listed twice", c)
		seen[c] = true
	}
	for _, tag := range model.Tags() {
		if !tag.Structural {
			assert.True(t, seen[tag.Name], "the validate tag %q is a problem code but no constant declares it", tag.Name)
		}
	}
}

// TestNoLiteralProblemCode: no Problem of the module is written with a code
// as a string literal: every code is a declared constant, so that
// ProblemCodes (and the TypeScript union made from it) knows them all.
func TestNoLiteralProblemCode(t *testing.T) {
	isProblem := func(e ast.Expr) (one, list bool) {
		var name string
		switch x := e.(type) {
		case *ast.Ident:
			name = x.Name
		case *ast.SelectorExpr:
			name = x.Sel.Name
		case *ast.ArrayType:
			if id, ok := x.Elt.(*ast.SelectorExpr); ok && id.Sel.Name == "Problem" {
				return false, true
			}
			if id, ok := x.Elt.(*ast.Ident); ok && id.Name == "Problem" {
				return false, true
			}
		}
		return name == "Problem", name == "Problems"
	}
	literal := func(cl *ast.CompositeLit) (string, bool) {
		for _, el := range cl.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if k, ok := kv.Key.(*ast.Ident); ok && k.Name == "Code" {
				if lit, ok := kv.Value.(*ast.BasicLit); ok {
					return lit.Value, true
				}
			}
		}
		return "", false
	}
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		files++
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok || cl.Type == nil {
				return true
			}
			one, list := isProblem(cl.Type)
			var lits []*ast.CompositeLit
			if one {
				lits = append(lits, cl)
			}
			if list {
				for _, el := range cl.Elts {
					if inner, ok := el.(*ast.CompositeLit); ok {
						lits = append(lits, inner)
					}
				}
			}
			for _, l := range lits {
				if code, ok := literal(l); ok {
					t.Errorf("%s: a problem with the literal code %s: use a declared constant", fset.Position(l.Pos()), code)
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, files, 50, "the walk must see the whole module")
}

// TestProblemParamAndValue: the validator and the strict decoder give the
// rule's parameter and the offending value when they know them; only single
// values are shown, without control characters and cut to MaxValueLength
// runes.
func TestProblemParamAndValue(t *testing.T) {
	long := strings.Repeat("é", 70)
	tests := []struct {
		name         string
		json         string
		path, code   string
		param, value string
	}{
		{"number not above its minimum", `{"coordinator": {"fte": -1}}`, "/coordinator/fte", CodeGt, "0", "-1"},
		{"text too long", `{"name": "` + strings.Repeat("a", 201) + `"}`, "/name", CodeMax, "200", strings.Repeat("a", 59) + "…"},
		{"long text cut to 60 runes", `{"territory": {"communes": ["` + long + `"]}}`, "/territory/communes/0", CodeInsee, "", strings.Repeat("é", 59) + "…"},
		{"control characters stripped", `{"territory": {"communes": ["750\u0007\n56"]}}`, "/territory/communes/0", CodeInsee, "", "75056"},
		{"a text where a number is expected", `{"coordinator": {"fte": "un demi"}}`, "/coordinator/fte", CodeType, "", "un demi"},
		{"a boolean where a text is expected", `{"name": true}`, "/name", CodeType, "", "true"},
		{"an integer too large", `{"territory": {"population": 1e400}}`, "/territory/population", CodeType, "", "1e400"},
		{"a list has no value", `{"territory": {"communes": ["12202", "12202"]}}`, "/territory/communes", CodeUnique, "", ""},
		{"an object has no value", `{"name": {"a": 1}}`, "/name", CodeType, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.json))
			ps, ok := err.(Problems)
			require.True(t, ok, "want problems, got %v", err)
			i := slices.IndexFunc(ps, func(p Problem) bool { return p.Path == tt.path && p.Code == tt.code })
			require.GreaterOrEqual(t, i, 0, "no %s at %s in %v", tt.code, tt.path, ps)
			p := ps[i]
			assert.Equal(t, tt.param, p.Param)
			assert.Equal(t, tt.value, p.Value)
			assert.LessOrEqual(t, len([]rune(p.Value)), MaxValueLength)
			assert.Equal(t, SeverityError, p.Level())
			assert.Empty(t, p.Severity, "an error leaves Severity empty, and the JSON without it")
		})
	}
}

// TestFrenchNumbers: the exported writers of numbers; a negative count is
// not split after its sign.
func TestFrenchNumbers(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"FrenchNumber rounds to two decimals", FrenchNumber(33.3333), "33,33"},
		{"FrenchNumber drops zeros", FrenchNumber(100), "100"},
		{"FrenchNumber does not group", FrenchNumber(12000), "12000"},
		{"FrenchCount singular", FrenchCount(1, "réunion", "réunions"), "1\u00a0réunion"},
		{"FrenchCount groups", FrenchCount(1200, "commune", "communes"), "1\u202f200\u00a0communes"},
		{"FrenchCount negative", FrenchCount(-123, "règle", "règles"), "-123\u00a0règles"},
		{"FrenchCount negative thousands", FrenchCount(-1234, "règle", "règles"), "-1\u202f234\u00a0règles"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.got, tt.name)
	}
}
