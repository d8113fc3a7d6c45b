//go:build !(js && wasm)

package web_test

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/wasm/web"
)

// TestTypeCheck runs the TypeScript compiler over the shipped JavaScript
// (jsconfig.json: checkJs, noEmit, against clsm.d.ts): a type error fails the
// README's test command.
func TestTypeCheck(t *testing.T) {
	node, tsc := typeScript(t)
	out, err := exec.Command(node, tsc, "-p", "jsconfig.json").CombinedOutput()
	assert.NoError(t, err, "tsc -p wasm/web/jsconfig.json:\n%s", out)
}

// nodeSummary matches the totals node --test prints at its end.
var nodeSummary = regexp.MustCompile(`(?m)^# (tests|pass|fail|cancelled|skipped|todo) (\d+)$`)

// TestNodeUnit runs the unit tests of the pure modules and of the store and
// verdict state machines (test/*.test.mjs) with node --test. A failed,
// cancelled, skipped or unfinished test fails this one.
func TestNodeUnit(t *testing.T) {
	node, _ := typeScript(t)
	files, err := filepath.Glob(filepath.Join("test", "*.test.mjs"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "no unit test in wasm/web/test")
	out, err := exec.Command(node, append([]string{"--test", "--test-reporter=tap"}, files...)...).CombinedOutput()
	require.NoError(t, err, "node --test, the tests that failed:\n%s", failures(string(out)))
	totals := map[string]int{}
	for _, m := range nodeSummary.FindAllStringSubmatch(string(out), -1) {
		totals[m[1]], _ = strconv.Atoi(m[2])
	}
	assert.Positive(t, totals["tests"], "%s", out)
	assert.Equal(t, totals["tests"], totals["pass"], "%s", out)
	for _, k := range []string{"fail", "cancelled", "skipped", "todo"} {
		assert.Zero(t, totals[k], "%s tests\n%s", k, out)
	}
}

// failures keeps, of node --test's TAP output, the tests that failed and what
// they say (the lines up to the end of their YAML block), and its totals.
func failures(tap string) string {
	var b strings.Builder
	lines := strings.Split(tap, "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.Contains(lines[i], "not ok ") {
			if strings.HasPrefix(lines[i], "# ") && nodeSummary.MatchString(lines[i]) {
				b.WriteString(lines[i] + "\n")
			}
			continue
		}
		for ; i < len(lines); i++ {
			if t := strings.TrimSpace(lines[i]); !strings.HasPrefix(t, "at ") && !strings.HasPrefix(t, "Test.") && !strings.HasPrefix(t, "async ") {
				b.WriteString(lines[i] + "\n")
			}
			if strings.TrimSpace(lines[i]) == "..." {
				break
			}
		}
	}
	return b.String()
}

// jsconfig is the part of jsconfig.json these tests read.
type jsconfig struct {
	Include []string `json:"include"`
	Exclude []string `json:"exclude"`
}

func readJSConfig(t *testing.T) jsconfig {
	var c jsconfig
	require.NoError(t, json.Unmarshal([]byte(read(t, "jsconfig.json")), &c))
	return c
}

// shippedScripts lists the JavaScript files the site serves, and their text.
func shippedScripts(t *testing.T) map[string]string {
	scripts := map[string]string{}
	err := fs.WalkDir(web.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".js") {
			return err
		}
		data, err := web.Files.ReadFile(path)
		scripts[path] = string(data)
		return err
	})
	require.NoError(t, err)
	return scripts
}

// TestShippedScripts checks what the site serves of the form's JavaScript:
// every file on disk under form/ is embedded; every shipped file is type
// checked (// @ts-check first, covered by jsconfig.json), except those
// jsconfig.json still leaves out, and holds 600 lines at most; every module
// of the form is preloaded by index.html, and every preload is a shipped file.
func TestShippedScripts(t *testing.T) {
	scripts := shippedScripts(t)
	err := filepath.WalkDir("form", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".js") {
			assert.Contains(t, scripts, filepath.ToSlash(path), "not embedded by web.go")
		}
		return err
	})
	require.NoError(t, err)
	excluded := readJSConfig(t).Exclude
	for name, text := range scripts {
		if slices.Contains(excluded, name) {
			t.Logf("%s: not yet type checked (jsconfig.json excludes it)", name)
		} else {
			assert.True(t, strings.HasPrefix(text, "// @ts-check\n"), "%s: its first line is not // @ts-check", name)
		}
		assert.LessOrEqual(t, strings.Count(text, "\n"), 600, "%s: over 600 lines", name)
	}
	preloads := map[string]bool{}
	for _, m := range regexp.MustCompile(`<link rel="modulepreload" href="([^"]+)">`).FindAllStringSubmatch(read(t, "index.html"), -1) {
		preloads[m[1]] = true
		assert.Contains(t, scripts, m[1], "index.html preloads a file the site does not serve")
	}
	for name := range scripts {
		if name == "format.js" || name == "dom.js" || name == "form.js" || strings.HasPrefix(name, "form/") {
			assert.True(t, preloads[name], "%s: a module of the form that index.html does not preload (the browser would find it one import later)", name)
		}
	}
}

// formCodes are the codes of the « clsm-error » events the form and the
// element send the host page: names of their own messages, not facts of the
// model.
var formCodes = []string{"duplicate_storage_key", "saved_state_unreadable",
	"invalid_date", "referential_unavailable", "referential_invalid", "start_failed"}

// modelValues returns the values of the typed string constants of the Go
// model (packages clsm, labels, assess and wasm: stages, levels, outcomes,
// widgets, axes…) and the string literal types of clsm.d.ts, which go
// generate writes from the same Go.
func modelValues(t *testing.T) map[string]bool {
	values := map[string]bool{}
	for _, dir := range []string{"../../clsm", "../../labels", "../../assess", ".."} {
		pkgs, err := parser.ParseDir(token.NewFileSet(), dir, func(fi fs.FileInfo) bool {
			return !strings.HasSuffix(fi.Name(), "_test.go")
		}, 0)
		require.NoError(t, err)
		for _, pkg := range pkgs {
			ast.Inspect(pkg, func(n ast.Node) bool {
				spec, ok := n.(*ast.ValueSpec)
				if !ok || spec.Type == nil {
					return true
				}
				if id, ok := spec.Type.(*ast.Ident); !ok || id.Name == "string" {
					return true
				}
				for _, v := range spec.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, err := strconv.Unquote(lit.Value)
						require.NoError(t, err)
						values[s] = true
					}
				}
				return true
			})
		}
	}
	for _, m := range regexp.MustCompile(`"([a-z][a-z0-9_]*)"`).FindAllStringSubmatch(read(t, "clsm.d.ts"), -1) {
		values[m[1]] = true
	}
	return values
}

var (
	// snakeLiteral is a string literal in snake_case, the shape of the
	// model's enum values (the DOM's own tokens use hyphens).
	snakeLiteral = regexp.MustCompile(`["'\x60]([a-z][a-z0-9]*(?:_[a-z0-9]+)+)["'\x60]`)
	// comparedLiteral is a literal compared with a field of the model.
	comparedLiteral = regexp.MustCompile(`\b(?:stage|level|outcome|widget|kind|axis|basis|code|status)\s*[!=]==?\s*"([^"]*)"`)
)

// TestModelLiterals keeps the model's facts out of the JavaScript: they come
// from data.json or the checker. A shipped script may name a stage, level,
// outcome, widget or other enum value only if Go has it: every string literal
// in snake_case, and every literal compared with a field named like one of
// the model's (stage, level, outcome, widget, kind…), must be a value of a
// typed string constant of the Go model or a literal type of clsm.d.ts
// (generated from it), the form's own notice codes aside. Files jsconfig.json
// still excludes are left out here too.
func TestModelLiterals(t *testing.T) {
	values := modelValues(t)
	for _, c := range formCodes {
		values[c] = true
	}
	require.True(t, values["date_or_never"] && values["not_applicable"] && values["ready"], "the Go model was not read")
	excluded := readJSConfig(t).Exclude
	for name, text := range shippedScripts(t) {
		if slices.Contains(excluded, name) {
			continue
		}
		for _, re := range []*regexp.Regexp{snakeLiteral, comparedLiteral} {
			for _, m := range re.FindAllStringSubmatch(text, -1) {
				assert.True(t, values[m[1]], "%s names %q, which the Go model does not have", name, m[1])
			}
		}
	}
}

// TestJSConfigCoversEveryScript checks that jsconfig.json includes every
// folder of shipped scripts: a new folder is type checked from its first file.
func TestJSConfigCoversEveryScript(t *testing.T) {
	c := readJSConfig(t)
	for name := range shippedScripts(t) {
		pattern := filepath.Dir(name) + "/*.js"
		if filepath.Dir(name) == "." {
			pattern = "*.js"
		}
		assert.Contains(t, c.Include, pattern, "%s: jsconfig.json does not include it", name)
	}
}
