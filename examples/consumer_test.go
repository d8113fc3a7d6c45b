//go:build !(js && wasm)

package examples_test

import (
	"os"
	"os/exec"
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
		"référentiel inconnu : référentiel «\u00a0occitani\u00a0» inconnu (vouliez-vous dire «\u00a0occitanie\u00a0»\u00a0?)",
		"occitanie : ",
		"comparaison refusée : Les deux rapports n'utilisent pas le même référentiel",
	} {
		assert.Contains(t, out, want)
	}
}

// TestConsumerModuleGraph: go list -m all, run in the consumer module, lists
// only the modules the library's own packages need (go list -deps, tests
// excluded), the modules their go.mod files require in turn, and testify,
// which the library's tests use, with what its go.mod requires. The tools of
// the browser tests and of the schema conformance (chromedp, a second JSON
// Schema validator) live in the nested integration module, and none of them
// may reach a consumer's graph.
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

	graph := strings.Fields(goCommand(t, "consumer", "list", "-m", "-e", "-f", "{{.Path}}", "all"))
	require.Contains(t, graph, library)
	for _, m := range graph {
		if !allowed[m] {
			t.Errorf("the consumer's module graph holds %s, which no package of the library needs: a test tool goes in the nested integration module, not in the root go.mod", m)
		}
	}
	for _, tool := range []string{"github.com/chromedp/chromedp", "github.com/santhosh-tekuri/jsonschema/v6"} {
		assert.NotContains(t, graph, tool, "a test tool of the integration module")
	}
}
