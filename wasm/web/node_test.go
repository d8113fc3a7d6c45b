//go:build !(js && wasm)

package web_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/labels"
)

// nodeSite is a folder of wasm/ (where node_modules is found) that holds
// clsm.js, clsm.d.ts, wasm_exec.js and both checkers, built once for the
// tests of this file, as a site serves them; the harness of
// testdata/node/setup.mjs answers fetch from it.
var nodeSite = struct {
	once sync.Once
	dir  string
	err  error
}{}

func siteForNode(t *testing.T) (node, dir string) {
	node, _ = typeScript(t)
	nodeSite.once.Do(func() {
		dir, err := os.MkdirTemp("..", ".node-site-*")
		if err != nil {
			nodeSite.err = err
			return
		}
		nodeSite.dir, _ = filepath.Abs(dir)
		cmd := exec.Command("go", "build", "-o", nodeSite.dir+string(filepath.Separator), "./wasm/cmd/checker", "./wasm/cmd/checker-full")
		cmd.Dir = filepath.Join("..", "..")
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := cmd.CombinedOutput(); err != nil {
			nodeSite.err = &buildError{out: string(out), err: err}
			return
		}
		for from, to := range map[string]string{"checker": "checker.wasm", "checker-full": "checker-full.wasm"} {
			if err := os.Rename(filepath.Join(nodeSite.dir, from), filepath.Join(nodeSite.dir, to)); err != nil {
				nodeSite.err = err
				return
			}
		}
		// ES modules, as a site serves them, and Node reads them so without a warning.
		if err := os.WriteFile(filepath.Join(nodeSite.dir, "package.json"), []byte(`{"type": "module"}`+"\n"), 0o644); err != nil {
			nodeSite.err = err
			return
		}
		for _, f := range []string{"clsm.js", "checker-api.js", "checker-client.js", "checker-core.js", "clsm.d.ts", filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js")} {
			data, err := os.ReadFile(f)
			if err != nil {
				nodeSite.err = err
				return
			}
			if err := os.WriteFile(filepath.Join(nodeSite.dir, filepath.Base(f)), data, 0o644); err != nil {
				nodeSite.err = err
				return
			}
		}
	})
	require.NoError(t, nodeSite.err)
	return node, nodeSite.dir
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// TestMain removes the folder the Node tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if nodeSite.dir != "" {
		os.RemoveAll(nodeSite.dir)
	}
	os.Exit(code)
}

// runNode runs a script with node in dir, with the harness's environment.
func runNode(t *testing.T, node, dir string, args ...string) string {
	t.Helper()
	abs := func(p string) string { a, err := filepath.Abs(p); require.NoError(t, err); return a }
	cmd := exec.Command(node, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"CLSM_WASM_EXEC="+filepath.Join(dir, "wasm_exec.js"),
		"CLSM_DOSSIER="+abs(filepath.Join("..", "..", "examples", "dossiers", "ile-de-france-montreuil-actif.json")),
		"CLSM_REFERENTIAL="+abs(filepath.Join("..", "..", "examples", "referentials", "aveyron-exemple.json")),
		"CLSM_DOSSIER_SCHEMA="+abs(filepath.Join("..", "..", "schema", "dossier.v2.schema.json")),
		"CLSM_DOSSIER_SCHEMA_V1="+abs(filepath.Join("..", "..", "schema", "dossier.v1.schema.json")),
		"CLSM_SIREN="+abs(filepath.Join("..", "conformance", "siren.mjs")),
	)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "node %s:\n%s\n%s", strings.Join(args, " "), out, stderr.String())
	assert.Empty(t, stderr.String(), "node %s", strings.Join(args, " "))
	return string(out)
}

// TestTypeScriptDeclarationsMatchTheRuntime calls every method of the form's
// checker and of the complete one through clsm.js in Node.js, with the
// checkers the site serves, and compiles what they answered against
// clsm.d.ts with tsc --strict (testdata/node/shapes.mjs): the keys of each
// API object are exactly its interface's, and every value, error included,
// has exactly the fields its type declares — a field more, a field less or
// null where an array is promised fails. load() gives one object per
// checker file: the same one for the same file, another for another file.
func TestTypeScriptDeclarationsMatchTheRuntime(t *testing.T) {
	node, dir := siteForNode(t)
	_, tsc := typeScript(t)
	for _, f := range []string{"setup.mjs", "shapes.mjs"} {
		data, err := os.ReadFile(filepath.Join("testdata", "node", f))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), data, 0o644))
	}
	out := runNode(t, node, dir, "shapes.mjs", dir, "shapes.ts")
	var facts map[string]bool
	require.NoError(t, json.Unmarshal([]byte(strings.TrimSpace(out)), &facts), out)
	assert.Equal(t, map[string]bool{"sameForm": true, "sameFull": true, "distinct": true, "frozen": true}, facts)

	cmd := exec.Command(node, tsc, "--noEmit", "--strict", "--lib", "es2022,dom", "--module", "es2022", "--target", "es2022", "shapes.ts", "clsm.d.ts")
	cmd.Dir = dir
	tscOut, err := cmd.CombinedOutput()
	assert.NoError(t, err, "what the checkers answer differs from clsm.d.ts:\n%s", tscOut)
}

// TestREADMEJavaScriptRuns runs every ```js block of the README in Node.js
// against the real checkers, as a page would paste it, with its free names
// defined (dossier, afficher, schémaDuDossier, estUnSiren): the imports of
// /clsm/clsm.js, the API's answers, Ajv in strict mode on the dossier
// schema. The block that drives the <clsm-autoevaluation> element needs a
// page: the browser tests run it (integration/browser); the block that
// renders the dossier with rjsf and JSON Forms needs their packages:
// wasm/conformance runs it (TestREADMEFormsBlockRuns).
func TestREADMEJavaScriptRuns(t *testing.T) {
	node, dir := siteForNode(t)
	for from, to := range map[string]string{filepath.Join("testdata", "node", "setup.mjs"): "setup.mjs", filepath.Join("..", "..", "schema", "ajv-frozen.mjs"): "ajv-frozen.mjs"} {
		data, err := os.ReadFile(from)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, to), data, 0o644))
	}
	readme := read(t, filepath.Join("..", "..", "README.md"))
	blocks := regexp.MustCompile("(?s)```js\n(.*?)```").FindAllStringSubmatch(readme, -1)
	require.NotEmpty(t, blocks)
	const prelude = `import "./setup.mjs";
import { readFileSync } from "node:fs";
const { siren: estUnSiren } = await import(process.env.CLSM_SIREN);
const dossier = JSON.parse(readFileSync(process.env.CLSM_DOSSIER, "utf8"));
const schémaDuDossier = JSON.parse(readFileSync(process.env.CLSM_DOSSIER_SCHEMA, "utf8"));
const schémaDuDossierV1 = JSON.parse(readFileSync(process.env.CLSM_DOSSIER_SCHEMA_V1, "utf8"));
const dossierV1 = { ...dossier, schemaVersion: 1 };
const shown = [];
function afficher(...what) { shown.push(what); }
`
	const epilogue = `
if (typeof r !== "undefined") {
  if (r.error) throw new Error("the checker answered an error: " + r.error.message);
  console.log("verdict", r.value.report.readiness.label);
}
if (typeof valider !== "undefined") console.log("schema", valider(dossier), JSON.stringify(valider.errors));
if (typeof validerV1 !== "undefined") console.log("schema-v1", validerV1(dossierV1), JSON.stringify(validerV1.errors), validerV1({ ...dossier, schemaVersion: 2 }));
for (const what of shown) console.log("shown", typeof what[0] === "string" ? what[0] : what[0].readiness.label);
process.exit(0);
`
	// The verdict the Go library gives the README's call.
	montreuil, err := os.ReadFile(filepath.Join("..", "..", "examples", "dossiers", "ile-de-france-montreuil-actif.json"))
	require.NoError(t, err)
	occitanie, err := labels.Builtin("occitanie")
	require.NoError(t, err)
	report, err := assess.EvaluateJSON(montreuil, occitanie, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	verdict := report.Readiness.Label
	ran, forms := 0, 0
	for i, b := range blocks {
		code := b[1]
		if strings.Contains(code, `document.querySelector("clsm-autoevaluation")`) {
			continue // needs a page: the browser tests
		}
		if strings.Contains(code, `"./forms/`) {
			forms++ // rjsf and JSON Forms: wasm/conformance, TestREADMEFormsBlockRuns
			continue
		}
		code = strings.ReplaceAll(code, `"/clsm/clsm.js"`, `"./clsm.js"`)
		name := filepath.Join(dir, "readme-"+strings.Repeat("x", i)+".mjs")
		require.NoError(t, os.WriteFile(name, []byte(prelude+code+epilogue), 0o644))
		out := runNode(t, node, dir, filepath.Base(name))
		t.Logf("block %d:\n%s", i, out)
		switch {
		case strings.Contains(code, "strictCopy"):
			assert.Contains(t, out, "schema-v1 true null false", "Ajv strict validates a format-1 dossier with the frozen schema's strict copy, and refuses a format-2 one")
		case strings.Contains(code, "ajv.compile"):
			assert.Contains(t, out, "schema true null", "Ajv strict validates the example dossier")
		case strings.Contains(code, "afficher"):
			assert.Contains(t, out, "shown "+verdict+"\n", "the README's snippet shows the verdict")
		default:
			assert.Contains(t, out, "verdict "+verdict+"\n")
		}
		ran++
	}
	assert.Equal(t, 1, forms, "the block that renders the dossier with form generators")
	assert.Equal(t, len(blocks)-1-forms, ran, "every block but the element's and the form generators' runs")
}
