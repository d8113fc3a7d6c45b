// Package conformance checks the module's JSON Schemas with validators from
// other ecosystems — Ajv (JavaScript, draft 2020-12, strict mode) and
// Python's jsonschema (Draft202012Validator) — against the Go readers
// (clsm.Parse, labels.Parse, the strict decoder for reports), file by file,
// over the examples, the built-in referentials, the generated reports and
// both bad corpora. The few cases no schema can express are named in
// schemaBlind, and the test fails if that list is not exactly what happens.
package conformance

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
	"github.com/clsmkit/go-clsm/schema"
)

// schemaBlind names the files that the Go readers refuse and every schema
// validator accepts, with the reason no schema can express it. Any other
// file must get the same verdict from Go, Ajv and Python.
var schemaBlind = map[string]string{
	// Dossiers.
	"clsm/testdata/bad/10-never-in-version-1.json":    "« jamais » n'existe pas au format 1 ; le schéma décrit le format courant",
	"clsm/testdata/bad/24-shares-over-100.json":       "somme des parts des financeurs : aucun mot-clé de JSON Schema n'additionne des valeurs",
	"clsm/testdata/bad/42-duplicate-key.json":         "clé en double : l'analyseur JSON garde la dernière avant que le schéma ne s'applique",
	"clsm/testdata/bad/48-bilan-before-creation.json": "ordre de deux dates : aucun mot-clé de JSON Schema ne compare deux valeurs du document",
	// Referentials.
	"labels/testdata/bad/02-duplicate-rule-id.json":          "identifiants de règles en double : uniqueItems compare des éléments entiers",
	"labels/testdata/bad/03-unknown-source.json":             "renvoi vers la liste « documents » du même fichier",
	"labels/testdata/bad/21-rule-prefix.json":                "préfixe lu dans un autre champ du fichier",
	"labels/testdata/bad/22-duplicate-document.json":         "identifiants de documents en double",
	"labels/testdata/bad/23-readiness-rule-recommended.json": "renvoi de « readiness » vers le niveau d'une règle du même fichier",
	"labels/testdata/bad/24-contradictory-conditions.json":   "deux conditions sans réponse commune",
	"labels/testdata/bad/25-drop-unknown-base-rule.json":     "les règles du référentiel de départ ne sont pas dans le fichier",
	"labels/testdata/bad/34-duplicate-key.json":              "clé en double",
	// The stage a condition names against the rule's own « stages » is a
	// relation inside the file; the bounds of the question a condition
	// names could be written in the schema, and are not yet.
	"labels/testdata/bad/50-impossible-conditions.json": "condition sur un stade que la règle exclut ; bornes de la question visée (pas encore dans le schéma)",
	// A defect of labels.Parse, not a limit of JSON Schema: an integer
	// parameter written 2.0 is refused (labels/check.go, ParamSpec.decode
	// reads it with json.Number.Int64), where JSON Schema counts it an integer.
}

type job struct {
	Schema string `json:"schema"`
	File   string `json:"file"`
	kind   string // dossier, referential, report
	name   string // relative to the module root
}

type verdict struct {
	Valid  bool     `json:"valid"`
	Errors []string `json:"errors"`
}

// requireTool skips when a tool is missing, unless CLSM_REQUIRE_BROWSER=1
// (CI), where a missing tool fails.
func requireTool(t *testing.T, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if os.Getenv("CLSM_REQUIRE_BROWSER") == "1" {
		t.Fatalf("%s is missing, and CLSM_REQUIRE_BROWSER=1 requires it", what)
	}
	t.Skipf("%s is missing (set CLSM_REQUIRE_BROWSER=1 to make this a failure)", what)
}

func jobs(t *testing.T) []job {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	var out []job
	add := func(kind, schemaFile, pattern string, min int) {
		files, err := filepath.Glob(filepath.Join(root, pattern))
		require.NoError(t, err)
		require.GreaterOrEqual(t, len(files), min, pattern)
		for _, f := range files {
			rel, _ := filepath.Rel(root, f)
			out = append(out, job{Schema: schemaFile, File: f, kind: kind, name: filepath.ToSlash(rel)})
		}
	}
	dossier := schema.FileName("dossier", clsm.SchemaVersion)
	referential := schema.FileName("referential", labels.ReferentialVersion)
	report := schema.FileName("report", assess.ReportVersion)
	add("dossier", dossier, "examples/dossiers/*.json", 4)
	add("dossier", dossier, "clsm/testdata/good/*.json", 1)
	add("dossier", dossier, "clsm/testdata/bad/*.json", 40)
	add("referential", referential, "labels/referentials/*.json", 4)
	add("referential", referential, "examples/referentials/*.json", 1)
	add("referential", referential, "labels/testdata/good/*.json", 1)
	add("referential", referential, "labels/testdata/bad/*.json", 20)
	add("report", report, "assess/testdata/golden/*.json", 4)
	return out
}

// goValid is the Go readers' verdict on a file.
func goValid(t *testing.T, j job) (bool, string) {
	data, err := os.ReadFile(j.File)
	require.NoError(t, err)
	switch j.kind {
	case "dossier":
		_, err = clsm.Parse(data)
	case "referential":
		_, err = labels.Parse(data)
	case "report":
		var r assess.Report
		if ps := wellformed.Decode(data, &r); len(ps) > 0 {
			err = ps
		}
	}
	if err != nil {
		return false, err.Error()
	}
	return true, ""
}

func run(t *testing.T, name string, cmd *exec.Cmd, js []job) map[string]verdict {
	t.Helper()
	in, err := json.Marshal(js)
	require.NoError(t, err)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "%s: %s", name, stderr.String())
	var res struct {
		Results map[string]verdict `json:"results"`
	}
	require.NoError(t, json.Unmarshal(out, &res), "%s: %s", name, out)
	require.Len(t, res.Results, len(js), "%s answers for every file", name)
	return res.Results
}

func TestValidatorsAgreeWithGo(t *testing.T) {
	node, err := exec.LookPath("node")
	requireTool(t, err == nil, "node")
	_, err = os.Stat(filepath.Join("..", "node_modules", "ajv", "dist", "2020.js"))
	requireTool(t, err == nil, "Ajv (cd wasm && npm ci)")
	python, err := exec.LookPath("python3")
	requireTool(t, err == nil, "python3")
	requireTool(t, exec.Command(python, "-c", "import jsonschema; jsonschema.Draft202012Validator").Run() == nil,
		"Python's jsonschema (pip install jsonschema, or Debian's python3-jsonschema)")

	schemaDir, err := filepath.Abs(filepath.Join("..", "..", "schema"))
	require.NoError(t, err)
	js := jobs(t)
	ajv := run(t, "Ajv", exec.Command(node, "ajv.mjs", schemaDir), js)
	py := run(t, "Python jsonschema", exec.Command(python, "validate.py", schemaDir), js)

	agree, blind := 0, 0
	var disagreements []string
	for _, j := range js {
		g, why := goValid(t, j)
		a, p := ajv[j.File], py[j.File]
		assert.Equal(t, a.Valid, p.Valid, "%s: Ajv says %v %v, Python says %v %v", j.name, a.Valid, a.Errors, p.Valid, p.Errors)
		if reason, named := schemaBlind[j.name]; named {
			assert.False(t, g, "%s is named as a case the schema cannot see (%s), but Go accepts it", j.name, reason)
			assert.True(t, a.Valid && p.Valid, "%s is named as a case the schema cannot see (%s), but a validator refuses it: Ajv %v, Python %v", j.name, reason, a.Errors, p.Errors)
			blind++
			continue
		}
		if g != a.Valid || g != p.Valid {
			disagreements = append(disagreements, j.name)
			t.Errorf("%s: Go valid=%v (%s), Ajv valid=%v %v, Python valid=%v %v", j.name, g, why, a.Valid, a.Errors, p.Valid, p.Errors)
			continue
		}
		agree++
	}
	for name := range schemaBlind {
		found := false
		for _, j := range js {
			found = found || j.name == name
		}
		assert.True(t, found, "%s is named in schemaBlind but no longer exists", name)
	}
	sort.Strings(disagreements)
	t.Logf("%d files: %d with the same verdict from Go, Ajv 2020 (strict) and Python jsonschema, %d named cases no schema can express; disagreements: %s",
		len(js), agree, blind, strings.Join(disagreements, ", "))
}

// TestRJSFRendersFrench renders the unmodified dossier schema with @rjsf/core
// and @rjsf/validator-ajv8 on Ajv 2020 in jsdom (rjsf.mjs): the drop-down
// lists show the French titles of the oneOf options, never a raw code, and a
// yes/no question has three states, « Je ne sais pas » for an absent answer.
func TestRJSFRendersFrench(t *testing.T) {
	node, err := exec.LookPath("node")
	requireTool(t, err == nil, "node")
	for _, pkg := range []string{"@rjsf/core", "@rjsf/validator-ajv8", "jsdom", "react-dom"} {
		_, err := os.Stat(filepath.Join("..", "node_modules", pkg, "package.json"))
		requireTool(t, err == nil, pkg+" (cd wasm && npm ci)")
	}
	schemaDir, err := filepath.Abs(filepath.Join("..", "..", "schema"))
	require.NoError(t, err)
	out, err := exec.Command(node, "rjsf.mjs", schemaDir, schema.FileName("dossier", clsm.SchemaVersion)).CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "copil.exists : Je ne sais pas | Oui | Non")
	assert.Contains(t, string(out), "Actif (instances réunies")
	t.Logf("%s", out)
}

// TestFrozenSchemasInAjvStrict: the schemas of the frozen formats
// (schema.Frozen) carry keywords Ajv refuses in strict mode, and the README
// says so; the documented setup (schema/ajv-frozen.mjs, strictCopy) compiles
// them in strict mode and gives, on every dossier and report of the corpora
// and on the example dossiers written in format 1, the verdict the published
// schema gives without strict mode (frozen.mjs).
func TestFrozenSchemasInAjvStrict(t *testing.T) {
	node, err := exec.LookPath("node")
	requireTool(t, err == nil, "node")
	_, err = os.Stat(filepath.Join("..", "node_modules", "ajv", "dist", "2020.js"))
	requireTool(t, err == nil, "Ajv (cd wasm && npm ci)")
	schemaDir, err := filepath.Abs(filepath.Join("..", "..", "schema"))
	require.NoError(t, err)

	dossierV1, reportV1 := schema.FileName("dossier", 1), schema.FileName("report", 1)
	// report.v2, frozen since format 3, has only standard keywords: it
	// needs no strict copy.
	require.Subset(t, schema.Frozen, []string{dossierV1, reportV1})
	var js []job
	for _, j := range jobs(t) {
		switch j.kind {
		case "dossier":
			js = append(js, job{Schema: dossierV1, File: j.File})
		case "report":
			js = append(js, job{Schema: reportV1, File: j.File})
		}
	}
	// The examples as their authors would have written them in format 1.
	dir := t.TempDir()
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		v1 := regexp.MustCompile(`"schemaVersion": *\d+`).ReplaceAll(data, []byte(`"schemaVersion": 1`))
		file := filepath.Join(dir, name+".json")
		require.NoError(t, os.WriteFile(file, v1, 0o644))
		js = append(js, job{Schema: dossierV1, File: file})
	}
	in, err := json.Marshal(js)
	require.NoError(t, err)
	cmd := exec.Command(node, "frozen.mjs", schemaDir)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "frozen.mjs: %s", stderr.String())
	var res struct {
		RefusedAsPublished map[string]string `json:"refusedAsPublished"`
		Disagreements      []string          `json:"disagreements"`
		Checked, Valid     int
	}
	require.NoError(t, json.Unmarshal(out, &res), "%s", out)
	assert.Contains(t, res.RefusedAsPublished[dossierV1], "x-enumLabels", "as the README says")
	assert.Contains(t, res.RefusedAsPublished[reportV1], "x-enumLabels", "as the README says")
	assert.Empty(t, res.Disagreements)
	assert.Equal(t, len(js), res.Checked)
	assert.Greater(t, res.Valid, len(examples.DossierNames())-1, "format-1 files are read")
	t.Logf("%d files, %d valid, the same verdict from the published frozen schemas and their strict copies", res.Checked, res.Valid)
}

// formsOutput is what forms.mjs prints.
type formsOutput struct {
	RJSFDefault struct {
		Submitted  json.RawMessage `json:"submitted"`
		Checkboxes int             `json:"checkboxes"`
	} `json:"rjsfDefault"`
	RJSFShipped struct {
		Submitted   json.RawMessage `json:"submitted"`
		Checkboxes  int             `json:"checkboxes"`
		CopilExists []string        `json:"copilExists"`
		Stage       []string        `json:"stage"`
		Selects     int             `json:"selects"`
	} `json:"rjsfShipped"`
	UISchemaMissing  []string `json:"uiSchemaMissing"`
	Messages         []string `json:"messages"`
	JSONFormsDefault struct {
		Submitted  json.RawMessage `json:"submitted"`
		Unrendered int             `json:"unrendered"`
	} `json:"jsonFormsDefault"`
	Presentation struct {
		Files   int      `json:"files"`
		Checked int      `json:"checked"`
		Differ  []string `json:"differ"`
	} `json:"presentation"`
	JSONFormsShipped struct {
		Submitted         json.RawMessage `json:"submitted"`
		Unrendered        []string        `json:"unrendered"`
		SectionsMissing   []string        `json:"sectionsMissing"`
		Sections, Groups  int
		TriStates         int             `json:"triStates"`
		CopilExists       []string        `json:"copilExists"`
		AfterYes          json.RawMessage `json:"afterYes"`
		AfterUnset        json.RawMessage `json:"afterUnset"`
		None              int             `json:"none"`
		NotAnsweredOption int             `json:"notAnsweredOptions"`
		English           []string        `json:"english"`
		Messages          []string        `json:"messages"`
	} `json:"jsonFormsShipped"`
}

// TestFormGeneratorsStartBlank renders the dossier schema with @rjsf/core
// and JSON Forms in jsdom (forms.mjs), with each tool's default settings
// and with the setups the module ships (wasm/forms/rjsf.mjs and
// wasm/forms/jsonforms.mjs), and submits
// each blank form untouched: the dossier submitted holds no answer, and the
// real checker's verdict on it is « À compléter » under every built-in
// referential, never a verdict made of answers nobody gave. The shipped
// setup shows yes/no as three answers and every list from « Non
// renseigné », has an entry for every question, and gives Ajv's messages in
// French; with JSON Forms it draws every section, each yes/no question as
// three radio buttons, « Non renseigné » removing the answer.
func TestFormGeneratorsStartBlank(t *testing.T) {
	node, err := exec.LookPath("node")
	requireTool(t, err == nil, "node")
	for _, pkg := range []string{"@rjsf/core", "@rjsf/validator-ajv8", "ajv-i18n", "@jsonforms/core", "@jsonforms/react", "@jsonforms/vanilla-renderers", "jsdom", "react-dom"} {
		_, err := os.Stat(filepath.Join("..", "node_modules", pkg, "package.json"))
		requireTool(t, err == nil, pkg+" (cd wasm && npm ci)")
	}
	schemaFile, err := filepath.Abs(filepath.Join("..", "..", "schema", schema.FileName("dossier", clsm.SchemaVersion)))
	require.NoError(t, err)
	var dossiers []string
	for _, j := range jobs(t) {
		if j.kind == "dossier" {
			dossiers = append(dossiers, j.File)
		}
	}
	in, err := json.Marshal(dossiers)
	require.NoError(t, err)
	cmd := exec.Command(node, "forms.mjs", schemaFile)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "forms.mjs: %s", stderr.String())
	var res formsOutput
	require.NoError(t, json.Unmarshal(out, &res), "%s", out)

	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name      string
		submitted json.RawMessage
	}{
		{"rjsf, default settings", res.RJSFDefault.Submitted},
		{"rjsf, shipped setup", res.RJSFShipped.Submitted},
		{"JSON Forms, default settings", res.JSONFormsDefault.Submitted},
		{"JSON Forms, shipped setup", res.JSONFormsShipped.Submitted},
		{"JSON Forms, shipped setup, « Oui » then « Non renseigné »", res.JSONFormsShipped.AfterUnset},
	} {
		t.Run(c.name, func(t *testing.T) {
			var answers map[string]any
			require.NoError(t, json.Unmarshal(c.submitted, &answers), "%s submitted %s", c.name, c.submitted)
			assert.Empty(t, leaves(answers), "a blank form submitted untouched holds no answer")
			for _, id := range labels.BuiltinIDs() {
				ref, err := labels.Builtin(id)
				require.NoError(t, err)
				rep, err := assess.EvaluateJSON(c.submitted, ref, at)
				require.NoError(t, err, "%s: %s", id, c.submitted)
				assert.Equal(t, assess.Incomplete, rep.Readiness.Level, "%s under %s: %s", c.name, id, rep.Readiness.Label)
			}
		})
	}
	assert.Zero(t, res.RJSFShipped.Checkboxes, "no yes/no question is a two-state checkbox")
	assert.Equal(t, []string{"Non renseigné", "Oui", "Non"}, res.RJSFShipped.CopilExists)
	require.NotEmpty(t, res.RJSFShipped.Stage)
	assert.Equal(t, "Non renseigné", res.RJSFShipped.Stage[0])
	assert.Contains(t, res.RJSFShipped.Stage, "Actif (instances réunies, plan d'action en œuvre)")
	assert.Empty(t, res.UISchemaMissing, "questions without their entry in the shipped uiSchema")
	require.NotEmpty(t, res.Messages)
	for _, m := range res.Messages {
		assert.Regexp(t, `^doit `, m, "Ajv's message in French")
	}
	// JSON Forms with the shipped setup: every section drawn, yes/no as three
	// radio buttons, « Non renseigné » removes the answer, French words.
	js := res.JSONFormsShipped
	assert.Empty(t, js.Unrendered, "fields JSON Forms found no renderer for")
	assert.Empty(t, js.SectionsMissing, "sections not drawn")
	assert.Equal(t, 15, js.Sections, "sections of the dossier")
	assert.Equal(t, res.RJSFDefault.Checkboxes, js.TriStates, "every yes/no question has three radio buttons")
	assert.Equal(t, []string{"Non renseigné", "Oui", "Non"}, js.CopilExists)
	assert.JSONEq(t, `{"copil":{"exists":true}}`, string(js.AfterYes))
	assert.JSONEq(t, `{"copil":{}}`, string(js.AfterUnset), "« Non renseigné » removes the key")
	assert.Zero(t, js.None, "« None » in a list")
	assert.Positive(t, js.NotAnsweredOption)
	// The only English left is a literal of the vanilla renderers' list of
	// objects (ArrayControlRenderer.tsx writes « Add to » and the label), which
	// no translation reaches.
	for _, e := range js.English {
		assert.Regexp(t, `^Add to (Groupes de travail|Actions)$`, e)
	}
	require.NotEmpty(t, js.Messages)
	for _, m := range js.Messages {
		assert.Regexp(t, `^(doit|ne doit) `, m, "Ajv's message in French")
	}
	// The copy of the schema JSON Forms is given validates the same
	// documents as the published one.
	assert.Equal(t, len(dossiers), res.Presentation.Files)
	assert.Greater(t, res.Presentation.Checked, 40, "dossier files that are JSON")
	assert.Empty(t, res.Presentation.Differ, "files the published schema and JSON Forms' copy judge differently")
	t.Logf("JSON Forms shipped: %d sections, %d groups, %d three-answer questions, English left: %q, Ajv: %q; its copy of the schema and the published one agree on %d dossier files (of %d, the others not JSON)",
		js.Sections, js.Groups, js.TriStates, js.English, js.Messages, res.Presentation.Checked, res.Presentation.Files)
	t.Logf("rjsf default: %s submitted, %d checkboxes; shipped: %s, %d lists; JSON Forms default: %s, %d fields it cannot render; Ajv: %q",
		res.RJSFDefault.Submitted, res.RJSFDefault.Checkboxes, res.RJSFShipped.Submitted, res.RJSFShipped.Selects,
		res.JSONFormsDefault.Submitted, res.JSONFormsDefault.Unrendered, res.Messages)
}

// leaves returns the answers of a submitted document: its values that are
// not objects, by path (an empty section is no answer).
func leaves(v any) map[string]any {
	out := map[string]any{}
	var walk func(string, any)
	walk = func(path string, v any) {
		if m, ok := v.(map[string]any); ok {
			for k, x := range m {
				walk(path+"/"+k, x)
			}
			return
		}
		out[path] = v
	}
	walk("", v)
	return out
}

// TestREADMEFormsBlockRuns runs the README's block that renders the dossier
// with rjsf and JSON Forms (the ```js block that imports ./forms/), as a
// developer would paste it beside copies of wasm/forms, with its free names
// defined (schémaDuDossier, évaluer): both forms render in jsdom, and the
// blank rjsf form submitted and the JSON Forms state are both {}.
func TestREADMEFormsBlockRuns(t *testing.T) {
	node, err := exec.LookPath("node")
	requireTool(t, err == nil, "node")
	modules, err := filepath.Abs(filepath.Join("..", "node_modules"))
	require.NoError(t, err)
	for _, pkg := range []string{"@rjsf/core", "@jsonforms/react", "jsdom", "react-dom"} {
		_, err := os.Stat(filepath.Join(modules, pkg, "package.json"))
		requireTool(t, err == nil, pkg+" (cd wasm && npm ci)")
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	var block string
	for _, m := range regexp.MustCompile("(?s)```js\n(.*?)```").FindAllStringSubmatch(string(readme), -1) {
		if strings.Contains(m[1], `"./forms/`) {
			require.Empty(t, block, "one block of the README renders the forms")
			block = m[1]
		}
	}
	require.NotEmpty(t, block, "the README's block that renders the dossier with rjsf and JSON Forms")

	dir := t.TempDir()
	require.NoError(t, os.Symlink(modules, filepath.Join(dir, "node_modules")))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "forms"), 0o755))
	shipped, err := filepath.Glob(filepath.Join("..", "forms", "*.mjs"))
	require.NoError(t, err)
	require.NotEmpty(t, shipped)
	for _, path := range shipped {
		f := filepath.Base(path)
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "forms", f), data, 0o644))
	}
	const setup = `import { JSDOM } from "jsdom";
const dom = new JSDOM("<!doctype html><html><body></body></html>");
Object.assign(globalThis, { window: dom.window, document: dom.window.document, navigator: dom.window.navigator, HTMLElement: dom.window.HTMLElement, IS_REACT_ACT_ENVIRONMENT: true });
`
	const prelude = `import "./setup.mjs";
import { readFileSync } from "node:fs";
import { act } from "react";
import { createRoot } from "react-dom/client";
const schémaDuDossier = JSON.parse(readFileSync(process.env.CLSM_DOSSIER_SCHEMA, "utf8"));
const évalués = [];
function évaluer(dossier) { évalués.push(dossier); }
`
	const epilogue = `
const out = {};
for (const [name, element] of [["rjsf", avecRjsf], ["jsonforms", avecJsonForms]]) {
  évalués.length = 0;
  const host = document.createElement("div");
  document.body.appendChild(host);
  const root = createRoot(host);
  await act(async () => root.render(element));
  const form = host.querySelector("form");
  if (form) await act(async () => form.dispatchEvent(new window.Event("submit", { bubbles: true, cancelable: true })));
  await act(() => new Promise((r) => setTimeout(r, 30)));
  out[name] = { evaluated: évalués.at(-1) ?? null, legends: host.querySelectorAll("legend").length, selects: host.querySelectorAll("select").length };
  await act(async () => root.unmount());
}
console.log(JSON.stringify(out));
process.exit(0);
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "setup.mjs"), []byte(setup), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "readme.mjs"), []byte(prelude+block+epilogue), 0o644))
	schemaFile, err := filepath.Abs(filepath.Join("..", "..", "schema", schema.FileName("dossier", clsm.SchemaVersion)))
	require.NoError(t, err)
	cmd := exec.Command(node, "--preserve-symlinks", "readme.mjs")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CLSM_DOSSIER_SCHEMA="+schemaFile)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "the README's block: %s", stderr.String())
	var res map[string]struct {
		Evaluated        json.RawMessage `json:"evaluated"`
		Legends, Selects int
	}
	require.NoError(t, json.Unmarshal(out, &res), "%s", out)
	for _, name := range []string{"rjsf", "jsonforms"} {
		assert.JSONEq(t, `{}`, string(res[name].Evaluated), "%s: what the blank form hands to évaluer", name)
	}
	assert.Positive(t, res["rjsf"].Selects)
	assert.GreaterOrEqual(t, res["jsonforms"].Legends, 15, "JSON Forms draws the sections")
	t.Logf("%s", out)
}
