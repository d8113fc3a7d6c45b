// Package site builds and serves the static site of the self-assessment form:
// the form's files, the WebAssembly checker and the wasm_exec.js of the same
// Go toolchain.
package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/clsmkit/go-clsm/wasm"
	"github.com/clsmkit/go-clsm/wasm/web"
)

// BuildFlags are the flags the checker is built with: no symbol tables, and
// no inlining, which cut the gzipped download from 2.55 MB to 2.25 MB (the
// browser spends its time in the JavaScript boundary and the DOM, not here).
var BuildFlags = []string{"-trimpath", "-ldflags=-s -w", "-gcflags=all=-l"}

// ContentSecurityPolicy is the policy the form needs: scripts from its own
// origin and WebAssembly compilation, no inline script, no request to any
// other origin. The serve command sends it; an ARS's server should too.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

// BuildSite writes the static site an ARS deploys into dir: the form's files;
// the two checkers, compiled with the Go toolchain found as "go" (the one in
// use under "go run"), their data segments packed (see packData): the
// form's, checker.<hash>.wasm (cmd/checker), and the complete one,
// checker-full.wasm (cmd/checker-full, wasm.FullChecker), which the regional
// view loads; the wasm_exec.js of that same toolchain; and data.json (see
// wasm.StaticData), also written into index.html, which lets the form show
// its questions while the browser is still compiling the checker, with the
// form itself as form.js builds it (see [Prerendered]). Beside
// each text file and each checker are its Brotli and gzip siblings (see
// [Encodings]). The module root is found from the working directory.
//
// The form's checker is named after a hash of its content, so that a
// server may let browsers cache it for good and a new build still reaches
// them at once; the pages find it under that name, which replaces
// "checker.wasm?v=dev" in them. The complete checker keeps one name, which
// a page of the ARS's own can give clsm.js's load; the pages of the site
// ask for it with the hash as a query ("checker-full.wasm?v=dev" becomes
// "checker-full.wasm?v=<hash>").
func BuildSite(dir string) error {
	goBin, err := exec.LookPath("go")
	if err != nil {
		return fmt.Errorf("la commande go est introuvable : %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	checkers, err := buildCheckers(goBin, root, dir, "./wasm/cmd/checker", "./wasm/cmd/checker-full")
	if err != nil {
		return err
	}
	goroot, err := exec.Command(goBin, "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT : %w", err)
	}
	var execJS []byte
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		if execJS, err = os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), p)); err == nil {
			break
		}
	}
	if err != nil {
		return fmt.Errorf("wasm_exec.js introuvable dans %s : %w", strings.TrimSpace(string(goroot)), err)
	}
	written := []string{filepath.Join(dir, "wasm_exec.js")}
	if err := os.WriteFile(written[0], execJS, 0o644); err != nil {
		return err
	}
	formName := "checker." + Hash(checkers[0]) + ".wasm"
	rewrites := []string{
		"checker.wasm?v=dev", formName,
		wasm.FullChecker + "?v=dev", wasm.FullChecker + "?v=" + Hash(checkers[1]),
	}
	for i, name := range []string{formName, wasm.FullChecker} {
		if err := os.WriteFile(filepath.Join(dir, name), checkers[i], 0o644); err != nil {
			return err
		}
	}
	// The longest to compress (the form's checker, at Brotli's quality 10), first.
	written = append([]string{filepath.Join(dir, formName), filepath.Join(dir, wasm.FullChecker)}, written...)
	static, err := wasm.StaticData()
	if err != nil {
		return fmt.Errorf("données du formulaire : %w", err)
	}
	form, err := web.Files.ReadFile(Prerendered)
	if err != nil {
		return err
	}
	written = append(written, filepath.Join(dir, "data.json"))
	if err := os.WriteFile(written[len(written)-1], static, 0o644); err != nil {
		return err
	}
	err = fs.WalkDir(web.Files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := web.Files.ReadFile(path)
		if err != nil {
			return err
		}
		for i := 0; i < len(rewrites); i += 2 {
			data = bytes.ReplaceAll(data, []byte(rewrites[i]), []byte(rewrites[i+1]))
		}
		if path == Prerendered {
			return nil // written into index.html, below
		}
		if path == "index.html" {
			if data, err = inlineData(data, static); err != nil {
				return err
			}
			if data, err = inlineForm(data, form); err != nil {
				return err
			}
		}
		target := filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		written = append(written, target)
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		return err
	}
	return compressAll(written)
}

// buildCheckers compiles main packages (paths relative to the module root)
// for js/wasm with [BuildFlags], in one go build, into a temporary
// directory of dir, and returns each module with its data segments packed
// (see packData), in the order of pkgs.
func buildCheckers(goBin, root, dir string, pkgs ...string) ([][]byte, error) {
	tmp, err := os.MkdirTemp(dir, "checkers-*.build")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	args := append([]string{"build"}, BuildFlags...)
	args = append(args, "-o", tmp+string(filepath.Separator))
	cmd := exec.Command(goBin, append(args, pkgs...)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("compilation du vérificateur\u00a0: %v\n%s", err, out)
	}
	modules := make([][]byte, len(pkgs))
	for i, pkg := range pkgs {
		data, err := os.ReadFile(filepath.Join(tmp, filepath.Base(pkg)))
		if err != nil {
			return nil, err
		}
		modules[i] = packData(data)
	}
	return modules, nil
}

// dataBlock is the empty data block of index.html, which BuildSite fills
// with data.json: the page then shows its questions without waiting for a
// request, with the same code (app.js, form.js) that renders them from
// data.json elsewhere.
const dataBlock = `<script type="application/json" id="clsm-data">null</script>`

// inlineData writes the form's data into the data block of a page. A "<"
// appears only inside a JSON string, where \u003c says the same, so the
// block cannot be closed by the data.
func inlineData(page, static []byte) ([]byte, error) {
	safe := bytes.ReplaceAll(bytes.TrimSpace(static), []byte("<"), []byte(`\u003c`))
	block := strings.Replace(dataBlock, ">null<", ">"+string(safe)+"<", 1)
	return replaceOnce(page, dataBlock, []byte(block), "bloc de données")
}

// replaceOnce replaces placeholder, which must appear once and only once in
// page (else an error names it, as what), with content.
func replaceOnce(page []byte, placeholder string, content []byte, what string) ([]byte, error) {
	if bytes.Count(page, []byte(placeholder)) != 1 {
		return nil, fmt.Errorf("index.html n'a pas un et un seul %s %s", what, placeholder)
	}
	return bytes.Replace(page, []byte(placeholder), content, 1), nil
}

// Prerendered is the file of the web package that holds the form as form.js
// builds it on a first visit (no saved answer, the default referential, the
// first step): BuildSite writes it into index.html in place of [appBlock], so
// that the questions are shown, and can be answered, with the page itself,
// before any script has run; form.js then builds the same form and carries
// over what was typed in it and the focus. A browser test holds the file
// equal to what form.js builds (TestPrerenderedForm, with -update to write
// it again).
const Prerendered = "prerendered.html"

// appBlock is the placeholder of index.html that BuildSite replaces with
// the prerendered form.
const appBlock = `<div id="app"><p id="chargement" role="status">Chargement du vérificateur…</p></div>`

// inlineForm writes the prerendered form into a page, in place of appBlock.
func inlineForm(page, form []byte) ([]byte, error) {
	if !bytes.HasPrefix(bytes.TrimSpace(form), []byte(`<div id="app"`)) {
		return nil, fmt.Errorf("%s ne commence pas par le bloc <div id=\"app\"> du formulaire", Prerendered)
	}
	return replaceOnce(page, appBlock, bytes.TrimSpace(form), "emplacement du formulaire")
}

// AddDemo writes the demonstration pages of an ARS site (the files of demo,
// at its root) under dir/demo/, with a custom referential beside them as
// aveyron-exemple.json, each with its compressed siblings. The pages are the examples' (examples.ARSSite); the
// caller passes them, so that this package, which builds the site an ARS
// deploys, does not depend on the examples.
func AddDemo(dir string, demo fs.FS, referential []byte) error {
	target := filepath.Join(dir, "demo")
	if err := os.MkdirAll(target, 0o755); err != nil {
		return err
	}
	var written []string
	err := fs.WalkDir(demo, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(demo, path)
		if err != nil {
			return err
		}
		written = append(written, filepath.Join(target, path))
		return os.WriteFile(written[len(written)-1], data, 0o644)
	})
	if err != nil {
		return err
	}
	written = append(written, filepath.Join(target, "aveyron-exemple.json"))
	if err := os.WriteFile(written[len(written)-1], referential, 0o644); err != nil {
		return err
	}
	return compressAll(written)
}

// Hash returns a short content hash for cache-busting file URLs.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])[:12]
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && isRootModule(data) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("lancez la commande depuis le dépôt go-clsm (go.mod introuvable)")
		}
		dir = parent
	}
}

// isRootModule reports whether a go.mod file declares the library's own
// module, not a module nested in the repository (such as the integration
// tests' one, whose path starts with the same words).
func isRootModule(goMod []byte) bool {
	for line := range bytes.Lines(goMod) {
		if fields := strings.Fields(string(line)); len(fields) == 2 && fields[0] == "module" {
			return strings.Trim(fields[1], `"`) == "github.com/clsmkit/go-clsm"
		}
	}
	return false
}
