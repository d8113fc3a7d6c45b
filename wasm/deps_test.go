//go:build !(js && wasm)

package wasm_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProductionCodeDoesNotImportExamples: the checker and the site builder
// an ARS runs do not depend on the examples package (the demo pages are
// given to the site builder by the serve command).
func TestProductionCodeDoesNotImportExamples(t *testing.T) {
	for _, env := range [][]string{nil, {"GOOS=js", "GOARCH=wasm"}} {
		cmd := exec.Command("go", "list", "-deps", "github.com/clsmkit/go-clsm/wasm", "github.com/clsmkit/go-clsm/wasm/site", "github.com/clsmkit/go-clsm/wasm/cmd/checker")
		cmd.Env = append(cmd.Environ(), env...)
		if env == nil {
			cmd.Args = cmd.Args[:len(cmd.Args)-1] // the checker builds for js/wasm only
		}
		out, err := cmd.Output()
		require.NoError(t, err, "%v", env)
		assert.NotContains(t, string(out), "github.com/clsmkit/go-clsm/examples\n", "%v", env)
	}
}

// TestCheckerLeavesOutTheValidator: the browser checker validates with the
// code generated from the validate tags, not with validator/v10, so neither
// it nor what it drags in (package regexp's tables, net and net/mail, MIME
// sniffing, cryptography, x/text's language tables, the translation
// packages) is in the download.
func TestCheckerLeavesOutTheValidator(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "github.com/clsmkit/go-clsm/wasm/cmd/checker")
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
