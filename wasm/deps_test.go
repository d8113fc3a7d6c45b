//go:build !(js && wasm)

package wasm_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/wasm/site"
)

// TestProductionCodeDoesNotImportExamples: the checker and the site builder
// an ARS runs do not depend on the examples package (the demo pages are
// given to the site builder by the serve command).
func TestProductionCodeDoesNotImportExamples(t *testing.T) {
	for _, env := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		cmd := exec.Command("go", "list", "-deps", "github.com/clsmkit/go-clsm/wasm", "github.com/clsmkit/go-clsm/wasm/site",
			"github.com/clsmkit/go-clsm/wasm/cmd/checker", "github.com/clsmkit/go-clsm/wasm/cmd/checker-full")
		cmd.Env = append(cmd.Environ(), env...)
		if env == nil {
			cmd.Args = cmd.Args[:len(cmd.Args)-2] // the checkers build for js/wasm only
		}
		out, err := cmd.Output()
		require.NoError(t, err, "%v", env)
		assert.NotContains(t, string(out), "github.com/clsmkit/go-clsm/examples\n", "%v", env)
	}
}

// TestCheckerLeavesOutTheValidator: the browser checkers validate with the
// code generated from the validate tags, not with validator/v10, so neither
// it nor what it drags in (package regexp's tables, net and net/mail, MIME
// sniffing, cryptography, x/text's language tables, the translation
// packages) is in the download.
func TestCheckerLeavesOutTheValidator(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "github.com/clsmkit/go-clsm/wasm/cmd/checker", "github.com/clsmkit/go-clsm/wasm/cmd/checker-full")
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	require.NoError(t, err)
	deps := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Contains(t, deps, "github.com/clsmkit/go-clsm/clsm", "the list is the checker's dependencies")
	forbidden := []string{
		"github.com/go-playground/", "github.com/gabriel-vasile/mimetype", "github.com/leodido/go-urn",
		"golang.org/x/text/", "golang.org/x/crypto/", "crypto", "net", "regexp",
	}
	for _, dep := range deps {
		for _, f := range forbidden {
			if dep == f || strings.HasPrefix(dep, strings.TrimSuffix(f, "/")+"/") {
				t.Errorf("the checker depends on %s", dep)
			}
		}
	}
}

// TestFormCheckerLeavesOutFullOnly: the form's checker does not link the
// methods of wasm.FullOnly: neither the regional view's code nor the JSON
// Schemas are in it. The function names the runtime keeps (even with -s -w)
// say which code is linked.
func TestFormCheckerLeavesOutFullOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("compile le vérificateur")
	}
	out := filepath.Join(t.TempDir(), "checker.wasm")
	cmd := exec.Command("go", append(append([]string{"build"}, site.BuildFlags...), "-o", out, "github.com/clsmkit/go-clsm/wasm/cmd/checker")...)
	cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", msg)
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(data), "go-clsm/assess.EvaluateJSON", "the names of the functions linked are in the module")
	for _, absent := range []string{"go-clsm/documents.Write", "go-clsm/wasm.document", "go-clsm/wasm.aggregate", "go-clsm/wasm.renderRegional", "go-clsm/assess.AggregateFiles", "go-clsm/assess.RenderRegional", `"$defs"`} {
		assert.NotContains(t, string(data), absent)
	}
}
