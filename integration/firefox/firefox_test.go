//go:build !(js && wasm)

package firefox_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ledongthuc/pdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/wasm"
	"github.com/clsmkit/go-clsm/wasm/site"
)

// date is the evaluation date of every check: typed into the pages, never
// the wall clock.
const date = "2026-11-22"

// harness is the Node.js test file, from this package's directory.
var harness = filepath.Join("..", "..", "wasm", "testdata", "firefox", "smoke.test.mjs")

// need returns the path of a program the suite needs, or skips the test with
// a French message; with CLSM_REQUIRE_BROWSER set, the skip is a failure.
func need(t *testing.T, env, what string, names ...string) string {
	t.Helper()
	if p := os.Getenv(env); p != "" {
		return p
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, fmt.Sprintf("%s introuvable : %s (ou indiquez son chemin dans %s)", names[0], what, env))
	return ""
}

func missing(t *testing.T, msg string) {
	t.Helper()
	msg = "Suite Firefox : " + msg
	if os.Getenv("CLSM_REQUIRE_BROWSER") != "" {
		t.Fatal(msg + " ; CLSM_REQUIRE_BROWSER est défini, ce saut est donc un échec.")
	}
	t.Skip(msg + ".")
}

// variants serves the built site at the root, and under three prefixes the
// same site with one file changed: /sans-travailleur/ without the checker's
// worker script (the form then runs the checker in the page),
// /sans-app/ without app.js, /app-illisible/ with an app.js in a syntax no
// browser reads (as an old browser sees the form's top-level await).
func variants(h http.Handler) http.Handler {
	without := func(file string, serve http.HandlerFunc) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/"+file) {
				w.Header().Set("Content-Security-Policy", site.ContentSecurityPolicy)
				serve(w, r)
				return
			}
			h.ServeHTTP(w, r)
		})
	}
	mux := http.NewServeMux()
	mux.Handle("/", h)
	mux.Handle("/sans-travailleur/", http.StripPrefix("/sans-travailleur", without("checker-worker.js", http.NotFound)))
	mux.Handle("/sans-app/", http.StripPrefix("/sans-app", without("app.js", http.NotFound)))
	mux.Handle("/app-illisible/", http.StripPrefix("/app-illisible", without("app.js", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write([]byte("const = ; // une syntaxe que ce navigateur ne lit pas\n"))
	})))
	return mux
}

// verdict is a readiness as the pages show it.
type verdict struct {
	Level string `json:"level"`
	Label string `json:"label"`
}

// checker calls the Go checker through the API the WebAssembly checker
// exposes, and decodes its value.
func checker(t *testing.T, out any, method string, args ...string) {
	t.Helper()
	var env struct {
		Value json.RawMessage
		Error *wasm.Error
	}
	require.NoError(t, json.Unmarshal([]byte(wasm.Call(method, args...)), &env))
	require.Nil(t, env.Error, "%s", method)
	require.NoError(t, json.Unmarshal(env.Value, out))
}

// upgraded is an example dossier at the current format, as the form holds it.
func upgraded(t *testing.T, name string) map[string]any {
	t.Helper()
	data, ok := examples.Dossier(name)
	require.True(t, ok, name)
	var up struct{ Dossier map[string]any }
	checker(t, &up, "upgrade", string(data))
	return up.Dossier
}

// assessed is the verdict of the Go checker on a dossier.
func assessed(t *testing.T, dossier any, referential string) (v verdict, findings []string) {
	t.Helper()
	data, err := json.Marshal(dossier)
	require.NoError(t, err)
	var r struct {
		Report struct {
			Readiness verdict
			Findings  []struct{ Requirement, Outcome string }
		}
	}
	checker(t, &r, "assess", string(data), referential, date)
	// A printed report names each rule by its requirement's words (its
	// identifier is for programs): the first words, compacted, are enough
	// to find it in the PDF's text.
	for _, f := range r.Report.Findings {
		if f.Outcome != "not_applicable" {
			words := []rune(compact(f.Requirement))
			findings = append(findings, string(words[:min(len(words), 40)]))
		}
	}
	return r.Report.Readiness, findings
}

// TestFirefox runs the smoke suite in Firefox ESR (see the package doc),
// then reads the report Firefox printed.
func TestFirefox(t *testing.T) {
	firefox := need(t, "CLSM_FIREFOX", "installez le paquet Debian « firefox-esr »", "firefox-esr", "firefox")
	node := need(t, "CLSM_NODE", "installez le paquet Debian « nodejs »", "node")
	if _, err := os.Stat(filepath.Join("..", "..", "wasm", "node_modules", "puppeteer-core", "package.json")); err != nil {
		missing(t, "puppeteer-core absent : lancez « npm ci » dans le dossier wasm")
	}

	dir := os.Getenv("CLSM_SITE")
	if dir == "" {
		dir = t.TempDir()
		require.NoError(t, site.BuildSite(dir))
		pages, err := fs.Sub(examples.ARSSite, "ars-site")
		require.NoError(t, err)
		ref, _ := examples.Referential("aveyron-exemple")
		require.NoError(t, site.AddDemo(dir, pages, ref))
	}
	srv := httptest.NewServer(variants(site.Handler(dir)))
	defer srv.Close()

	work := t.TempDir()
	for _, d := range []string{"profil", "telechargements", "dossiers"} {
		require.NoError(t, os.Mkdir(filepath.Join(work, d), 0o755))
	}
	fx := fixtures(t, work)
	fx["site"] = srv.URL
	fx["firefox"] = firefox
	fx["work"] = work
	fx["profile"] = filepath.Join(work, "profil")
	fx["downloads"] = filepath.Join(work, "telechargements")
	data, err := json.MarshalIndent(fx, "", "  ")
	require.NoError(t, err)
	fixturesFile := filepath.Join(work, "fixtures.json")
	require.NoError(t, os.WriteFile(fixturesFile, data, 0o644))

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "--test", "--test-reporter=spec", harness)
	cmd.Env = append(os.Environ(), "CLSM_FIREFOX_FIXTURES="+fixturesFile, "NO_COLOR=1", "HOME="+work)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("node --test %s (%s) :\n%s", filepath.Base(harness), time.Since(start).Round(time.Second), out)
	if err != nil {
		t.Fatalf("la suite Firefox a échoué (%v) : voir la sortie ci-dessus", err)
	}

	p := fx["print"].(map[string]any)
	for _, file := range p["pdfs"].([]string) {
		t.Run(filepath.Base(file), func(t *testing.T) { printed(t, file, p) })
	}
}

// fixtures writes the files the harness gives Firefox and computes, with the
// Go checker, what the pages must show.
func fixtures(t *testing.T, work string) map[string]any {
	t.Helper()
	write := func(name string, data []byte) string {
		p := filepath.Join(work, "dossiers", name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}

	// The department: Montreuil without its department is judged by the
	// national baseline; with « 93 », by Île-de-France's cahier des charges.
	montreuil := upgraded(t, "ile-de-france-montreuil-actif")
	territory := montreuil["territory"].(map[string]any)
	require.Equal(t, "93", territory["department"])
	regional, _ := assessed(t, montreuil, "idf")
	delete(territory, "department")
	national, _ := assessed(t, montreuil, "national")
	require.NotEqual(t, national, regional, "the two referentials must give two verdicts, or the check proves nothing")

	// Import and export: Roubaix's file, at format 1, as an ARS would receive it.
	roubaix, _ := examples.Dossier("hauts-de-france-roubaix-actif")
	roubaixUp := upgraded(t, "hauts-de-france-roubaix-actif")
	roubaixVerdict, _ := assessed(t, roubaixUp, "national")

	// Printing: Montreuil under Île-de-France.
	printedDossier := upgraded(t, "ile-de-france-montreuil-actif")
	printVerdict, printFindings := assessed(t, printedDossier, "idf")

	// The regional page: every example, and a file that is not JSON.
	var files []string
	var rows [][2]string
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		files = append(files, write(name+".json", data))
		v, _ := assessed(t, upgraded(t, name), "idf")
		rows = append(rows, [2]string{upgraded(t, name)["name"].(string), v.Label})
	}
	files = append(files, write("casse.json", []byte(`{"schemaVersion": 2, "name": "CLSM tronqué`)))
	slices.SortFunc(rows, func(a, b [2]string) int { return strings.Compare(strings.ToLower(a[0]), strings.ToLower(b[0])) })

	return map[string]any{
		"date":       date,
		"dateFR":     date[8:10] + "/" + date[5:7] + "/" + date[0:4],
		"readyKnown": "Prêt au regard des règles connues",
		"department": map[string]any{
			"dossier": montreuil, "department": "93", "referential": "idf", "regionName": "Île-de-France",
			"national": national, "regional": regional,
		},
		"exchange": map[string]any{
			"file": write("roubaix.json", roubaix), "name": roubaixUp["name"], "upgraded": roubaixUp,
			"label": roubaixVerdict.Label, "exportPrefix": "dossier-conseil-roubaisien",
		},
		"print": map[string]any{
			"referential": "idf", "example": "ile-de-france-montreuil-actif", "name": printedDossier["name"],
			"label": printVerdict.Label, "rules": printFindings,
			"pdfs": []string{filepath.Join(work, "impression-ctrl-p.pdf"), filepath.Join(work, "impression-bouton.pdf")},
		},
		"region": map[string]any{
			"referential": "idf", "files": files, "rows": rows, "invalid": []string{"casse.json"},
		},
	}
}

// printed reads a PDF Firefox printed from the form (file): A4 pages, the
// report of the dossier p describes with every rule that applies, and nothing
// of the form.
func printed(t *testing.T, file string, p map[string]any) {
	t.Helper()
	f, r, err := pdf.Open(file)
	require.NoError(t, err, "the PDF printed by Firefox")
	defer f.Close()
	require.Positive(t, r.NumPage())
	var all strings.Builder
	for i := 1; i <= r.NumPage(); i++ {
		page := r.Page(i)
		box := page.V.Key("MediaBox")
		assert.InDelta(t, 595.3, box.Index(2).Float64(), 2, "page %d: A4 width in points", i)
		assert.InDelta(t, 841.9, box.Index(3).Float64(), 2, "page %d: A4 height in points", i)
		for _, s := range page.Content().Text {
			all.WriteString(s.S)
		}
	}
	text := compact(all.String())
	assert.Contains(t, text, compact(strings.SplitN(p["name"].(string), " (", 2)[0]), "the dossier's name")
	assert.Contains(t, text, compact(p["label"].(string)), "the verdict")
	for _, rule := range p["rules"].([]string) {
		assert.Contains(t, text, rule, "every rule that applies is printed")
	}
	for _, form := range []string{"Tout afficher sur une page", "Imprimer le rapport", "Aller aux questions", "Exporter"} {
		assert.NotContains(t, text, compact(form), "the form is not printed")
	}
	t.Logf("Firefox a imprimé %d pages A4, %d règles", r.NumPage(), len(p["rules"].([]string)))
}

// compact removes every space, no-break spaces included, and undoes the
// ligatures a PDF's text may carry, to compare texts whatever the line breaks.
func compact(s string) string {
	// A ligature may also come out as its letters and U+FFFD.
	s = strings.NewReplacer("ﬁ", "fi", "ﬂ", "fl", "ﬀ", "ff", "ﬃ", "ffi", "\ufffd", "").Replace(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\r'
	}), "")
}
