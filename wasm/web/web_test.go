//go:build !(js && wasm)

package web_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/wasm/web"
)

// TestTypeScriptDeclarations compiles a page's use of every method of the
// API and of the element (testdata/consumer.ts) against clsm.d.ts with the
// TypeScript compiler in strict mode (npm ci installs it). The consumer also
// holds lines that must stay errors (@ts-expect-error): clsm-report on an
// element other than <clsm-autoevaluation>, a problem code outside
// ProblemCode, an import of a type named Document.
func TestTypeScriptDeclarations(t *testing.T) {
	node, tsc := typeScript(t)
	out, err := exec.Command(node, tsc, "--noEmit", "--strict", "--lib", "es2022,dom", "--module", "es2022", "--target", "es2022",
		filepath.Join("testdata", "consumer.ts"), "clsm.d.ts").CombinedOutput()
	assert.NoError(t, err, "%s", out)
}

// TestConsumerCallsEveryMethod: the consumer calls every method of the
// Checker interface and of the element, and every method the README names.
func TestConsumerCallsEveryMethod(t *testing.T) {
	consumer := read(t, filepath.Join("testdata", "consumer.ts"))
	dts := read(t, "clsm.d.ts")
	for _, iface := range []struct{ name, receiver string }{{"Checker", "api."}, {"FullChecker", "full."}, {"ClsmAutoevaluationElement", "el."}} {
		body, ok := interfaceBody(dts, iface.name)
		require.True(t, ok, iface.name)
		methods := regexp.MustCompile(`(?m)^  (?:readonly )?([a-zA-Z]+)[(<:]`).FindAllStringSubmatch(body, -1)
		require.NotEmpty(t, methods, iface.name)
		for _, m := range methods {
			assert.Contains(t, consumer, iface.receiver+m[1], "%s.%s is not used by testdata/consumer.ts", iface.name, m[1])
		}
	}
	readme := read(t, filepath.Join("..", "..", "README.md"))
	// The paragraph that lists the methods, to its end: a blank line, however
	// its lines are wrapped.
	para := regexp.MustCompile(`(?s)Les méthodes[\x{00a0} ]?: (.*?)\n\n`).FindStringSubmatch(readme)
	require.NotNil(t, para, "the README lists the API's methods")
	named := regexp.MustCompile("`([a-zA-Z]+)`").FindAllStringSubmatch(para[1], -1)
	require.Greater(t, len(named), 12, "the README's list of methods is read whole")
	for _, m := range named {
		switch {
		case m[1] == "html", m[1] == "md", m[1] == "text", m[1] == "json", m[1] == "csv":
			continue // the formats of render and renderRegional
		case m[1] == "load", m[1] == "loadInWorker":
			assert.Contains(t, consumer, "= await "+m[1]+"(", "the README names %s", m[1])
			continue
		case strings.ToUpper(m[1][:1]) == m[1][:1]:
			assert.Contains(t, consumer, "type "+m[1]+",", "the README names the type %s", m[1])
			continue
		}
		assert.Regexp(t, `(api|full)\.`+m[1]+`\(`, consumer, "the README names %s", m[1])
	}
}

// TestNoGlobalTypeShadowed: no type clsm.d.ts exports has the name of a
// global type of the browser or of the language (lib.dom.d.ts, lib.es*.d.ts),
// which a page that imports it would hide.
func TestNoGlobalTypeShadowed(t *testing.T) {
	typeScript(t)
	var libs []string
	filepath.WalkDir(filepath.Join("..", "node_modules"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && regexp.MustCompile(`^lib\.(dom|es5|es20\d\d(\.[a-z]+)?)\.d\.ts$`).MatchString(d.Name()) {
			libs = append(libs, path)
		}
		return nil
	})
	require.NotEmpty(t, libs, "TypeScript's lib files")
	globals := map[string]string{}
	decl := regexp.MustCompile(`(?m)^(?:interface|declare var|type|declare function|declare class) ([A-Za-z_$][A-Za-z0-9_$]*)\b`)
	for _, lib := range libs {
		for _, m := range decl.FindAllStringSubmatch(read(t, lib), -1) {
			globals[m[1]] = filepath.Base(lib)
		}
	}
	require.Contains(t, globals, "Document", "the DOM's Document is found")
	exported := regexp.MustCompile(`(?m)^export (?:interface|type|function|class|const) ([A-Za-z_$][A-Za-z0-9_$]*)`).FindAllStringSubmatch(read(t, "clsm.d.ts"), -1)
	require.NotEmpty(t, exported)
	for _, m := range exported {
		if lib, ok := globals[m[1]]; ok {
			t.Errorf("clsm.d.ts exports %s, a global type of %s: rename it (schema/internal/generate/typescript.go, tsNames)", m[1], lib)
		}
	}
}

// typeScript returns node and TypeScript's compiler, or skips the test
// without them (it fails under CLSM_REQUIRE_BROWSER).
func typeScript(t *testing.T) (node, tsc string) {
	tsc = filepath.Join("..", "node_modules", "typescript", "bin", "tsc")
	node, err := exec.LookPath("node")
	if _, serr := os.Stat(tsc); serr != nil || err != nil {
		msg := "TypeScript absent\u00a0: lancez « npm ci » dans le dossier wasm pour vérifier clsm.d.ts"
		if os.Getenv("CLSM_REQUIRE_BROWSER") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return node, tsc
}

func read(t *testing.T, name string) string {
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(data)
}

// interfaceBody returns the body of the exported interface name.
func interfaceBody(src, name string) (string, bool) {
	start := strings.Index(src, "export interface "+name+" ")
	if start < 0 {
		return "", false
	}
	end := strings.Index(src[start:], "\n}\n")
	if end < 0 {
		return "", false
	}
	return src[start : start+end], true
}

func TestFilesAreEmbedded(t *testing.T) {
	for _, name := range []string{"index.html", "app.js", "clsm.js", "form.js", "clsm-element.js", "clsm.css", "clsm-form.css", "clsm.d.ts",
		"region.html", "region.js", "clsm-region.js", "region.css", "checker-worker.js", "prerendered.html", "browser-check.js"} {
		_, err := web.Files.ReadFile(name)
		require.NoError(t, err, name)
	}
}
