//go:build !(js && wasm)

package examples_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goCommand runs the go command in dir, offline: the consumer module
// resolves the library through its replace directive and every other
// module from the module cache, with the go.sum entries of the root.
func goCommand(t *testing.T, dir string, args ...string) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("la commande go est absente")
	}
	cmd := exec.Command(gobin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=readonly", "GOPROXY=off", "GOWORK=off")
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		require.NoError(t, err, "go %s: %s", strings.Join(args, " "), ee.Stderr)
	}
	require.NoError(t, err, "go %s", strings.Join(args, " "))
	return string(out)
}

// TestConsumerModule builds and runs examples/consumer, a module of its own
// that uses the library as a consumer would: a referential built in Go,
// refused unresolved and evaluated once resolved, errors told apart with
// errors.Is, the region's referential picked with one call.
func TestConsumerModule(t *testing.T) {
	if testing.Short() {
		t.Skip("compile un module à part")
	}
	out := goCommand(t, "consumer", "run", ".")
	for _, want := range []string{
		"avant Resolve : Référentiel non résolu\u00a0: la règle « dd12-copil »",
		"dd12-copil : Non respecté\n",
		"référentiel inconnu : référentiel « occitani » inconnu",
		"occitanie : ",
		"comparaison refusée : Les deux rapports n'utilisent pas le même référentiel",
	} {
		assert.Contains(t, out, want)
	}
}

// inheritedTestTools are the modules that the root go.mod requires only for
// its tests (browser tests, conformance of the schemas), and that a
// consumer's module graph inherits for that reason alone. Each one is
// tolerated only while the root go.mod still requires it: moving the tests
// that need them into a nested module takes them out of the root go.mod, and
// this test then holds the consumer's graph free of them. The list is to be
// emptied, not extended.
var inheritedTestTools = []string{
	"github.com/chromedp/chromedp",
	"github.com/chromedp/cdproto",
	"github.com/go-json-experiment/json",
	"github.com/santhosh-tekuri/jsonschema/v6",
}

// TestConsumerModuleGraph: go list -m all, run in the consumer module, lists
// only the modules the library's own packages need (go list -deps, tests
// excluded), the modules their go.mod files require in turn, and testify,
// which the library's tests use, with what its go.mod requires, plus the
// test tools above while the root go.mod requires them. Today the test tools
// are still there (the test logs them); once the root go.mod no longer
// requires them, any of them in the consumer's graph fails the test.
func TestConsumerModuleGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("lit le graphe d'un module à part")
	}
	const self, library = "example.com/clsm-consumer", "github.com/clsmkit/go-clsm"
	needed := map[string]bool{"github.com/stretchr/testify": true}
	for _, m := range strings.Fields(goCommand(t, "..", "list", "-deps", "-f", "{{with .Module}}{{.Path}}{{end}}", "./...")) {
		needed[m] = true
	}
	require.True(t, needed["github.com/go-playground/validator/v10"], "the library's dependencies are listed")

	// What the needed modules bring along through their own go.mod files:
	// every module reachable from them in the consumer's graph, not through
	// the library's go.mod.
	// Both graphs: the consumer's is pruned, and leaves out what testify's
	// go.mod requires (testify is the library's tests' only).
	edges := map[string][]string{}
	graphs := goCommand(t, "consumer", "mod", "graph") + goCommand(t, "..", "mod", "graph")
	for _, line := range strings.Split(graphs, "\n") {
		from, to, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		fromPath, _, _ := strings.Cut(from, "@")
		toPath, _, _ := strings.Cut(to, "@")
		if fromPath != library && fromPath != self {
			edges[fromPath] = append(edges[fromPath], toPath)
		}
	}
	allowed := map[string]bool{self: true, library: true}
	var queue []string
	for m := range needed {
		queue = append(queue, m)
	}
	for len(queue) > 0 {
		m := queue[0]
		queue = queue[1:]
		if allowed[m] {
			continue
		}
		allowed[m] = true
		queue = append(queue, edges[m]...)
	}

	rootMod, err := os.ReadFile(filepath.Join("..", "go.mod"))
	require.NoError(t, err)
	requiredByRoot := func(path string) bool {
		return slices.ContainsFunc(strings.Split(string(rootMod), "\n"), func(line string) bool {
			f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
			return len(f) >= 2 && f[0] == path
		})
	}
	var inherited []string
	for _, m := range strings.Fields(goCommand(t, "consumer", "list", "-m", "-e", "-f", "{{.Path}}", "all")) {
		if allowed[m] {
			continue
		}
		if slices.Contains(inheritedTestTools, m) && requiredByRoot(m) {
			inherited = append(inherited, m)
			continue
		}
		t.Errorf("the consumer's module graph holds %s, which no package of the library needs: a test tool goes in a nested module, not in the root go.mod", m)
	}
	if len(inherited) > 0 {
		t.Logf("still inherited from the root go.mod, to move out with the browser and conformance tests: %s", strings.Join(inherited, ", "))
	}
}
