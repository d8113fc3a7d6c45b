//go:build !(js && wasm)

package web_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/wasm/web"
)

// TestTypeScriptDeclarations compiles a page's use of the API and of the
// element against clsm.d.ts with the TypeScript compiler (npm ci installs it).
func TestTypeScriptDeclarations(t *testing.T) {
	tsc := filepath.Join("..", "node_modules", "typescript", "bin", "tsc")
	node, err := exec.LookPath("node")
	if _, serr := os.Stat(tsc); serr != nil || err != nil {
		msg := "TypeScript absent : lancez « npm ci » dans le dossier wasm pour vérifier clsm.d.ts"
		if os.Getenv("CLSM_REQUIRE_BROWSER") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	out, err := exec.Command(node, tsc, "--noEmit", "--strict", "--lib", "es2022,dom", "--module", "es2022", "--target", "es2022",
		filepath.Join("testdata", "usage.ts"), "clsm.d.ts").CombinedOutput()
	assert.NoError(t, err, "%s", out)
}

func TestFilesAreEmbedded(t *testing.T) {
	for _, name := range []string{"index.html", "app.js", "clsm.js", "form.js", "clsm-element.js", "clsm.css", "clsm-form.css", "clsm.d.ts",
		"region.html", "region.js", "clsm-region.js", "region-worker.js", "region.css"} {
		_, err := web.Files.ReadFile(name)
		require.NoError(t, err, name)
	}
}
