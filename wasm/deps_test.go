//go:build !(js && wasm)

package wasm_test

import (
	"os/exec"
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
