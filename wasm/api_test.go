package wasm_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
	"github.com/clsmkit/go-clsm/wasm"
	// The documents methods, in every build of these tests (the js/wasm one
	// included, where package wasm does not import them itself).
	_ "github.com/clsmkit/go-clsm/wasm/internal/docsapi"
)

type envelope struct {
	Value json.RawMessage `json:"value"`
	Error *wasm.Error     `json:"error"`
}

func call(t *testing.T, method string, args ...string) envelope {
	t.Helper()
	out := wasm.Call(method, args...)
	var e envelope
	require.NoError(t, json.Unmarshal([]byte(out), &e), out)
	require.True(t, (e.Error == nil) != (e.Value == nil), "exactly one of value and error: %s", out)
	return e
}

// TestCallForm: the form's checker answers every method as the complete
// one does, but those of FullOnly, which get an error that names the
// complete checker.
func TestCallForm(t *testing.T) {
	data, _ := examples.Dossier("ile-de-france-montreuil-actif")
	d := string(data)
	cases := [][]string{
		{"version"}, {"referentials"}, {"questionnaire", "idf"}, {"questionnaire", "{"}, {"validate", d}, {"validate", "{}"}, {"upgrade", d},
		{"assess", d, "idf", "2026-11-22"}, {"assess", "{", "idf", "2026-11-22"}, {"render", d, "national", "2026-11-22", "html"},
		{"render", "{", "idf", "2026-11-22", "md"}, {"compare", d, "idf", "2025-11-22", d, "idf", "2026-11-22"}, {"examples"},
		{"example", "gers-rural-intercommunal"}, {"example", "x"}, {"inconnue"}, {"assess", d}, {"schemas", "x"},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		assert.Equal(t, wasm.Call(c[0], c[1:]...), wasm.CallForm(c[0], c[1:]...), "%s %d", c[0], len(c)-1)
		seen[c[0]] = true
	}
	for m := range wasm.Methods {
		assert.True(t, seen[m] || wasm.FullOnly[m], "%s: neither compared nor left out of the form's checker", m)
	}
	// The form's checker renders HTML only: the other formats, and a format
	// that is not one, get an error that names the complete checker.
	for _, f := range []string{"md", "text", "json", "pdf"} {
		out := wasm.CallForm("render", d, "idf", "2026-11-22", f)
		var e envelope
		require.NoError(t, json.Unmarshal([]byte(out), &e), out)
		require.NotNil(t, e.Error, f)
		assert.Contains(t, e.Error.Message, "«\u00a0"+f+"\u00a0»")
		assert.Contains(t, e.Error.Message, wasm.FullChecker)
		assert.NotContains(t, wasm.Call("render", d, "idf", "2026-11-22", f), wasm.FullChecker)
	}
	require.NotEmpty(t, wasm.FullOnly)
	for m := range wasm.FullOnly {
		require.Contains(t, wasm.Methods, m)
		out := wasm.CallForm(m, make([]string, wasm.Methods[m])...)
		var e envelope
		require.NoError(t, json.Unmarshal([]byte(out), &e), out)
		require.NotNil(t, e.Error, m)
		assert.Nil(t, e.Value, m)
		assert.Contains(t, e.Error.Message, "«\u00a0"+m+"\u00a0»")
		assert.Contains(t, e.Error.Message, wasm.FullChecker)
		assert.NotContains(t, wasm.Call(m, make([]string, wasm.Methods[m])...), wasm.FullChecker, "the complete checker has %s", m)
	}
}

func TestAPI(t *testing.T) {
	d, _ := examples.Dossier("ile-de-france-montreuil-actif")
	custom, _ := examples.Referential("aveyron-exemple")

	var refs []map[string]any
	require.NoError(t, json.Unmarshal(call(t, "referentials").Value, &refs))
	require.Len(t, refs, len(labels.BuiltinIDs()))
	assert.Equal(t, "national", refs[0]["id"], "the national baseline comes first")

	var a struct {
		Report struct {
			Readiness struct{ Level string } `json:"readiness"`
		} `json:"report"`
		Problems []any `json:"problems"`
	}
	require.NoError(t, json.Unmarshal(call(t, "assess", string(d), "idf", "2026-11-22").Value, &a))
	assert.Equal(t, "almost_ready", a.Report.Readiness.Level)
	assert.Empty(t, a.Problems)

	require.NoError(t, json.Unmarshal(call(t, "assess", string(d), string(custom), "2026-11-22").Value, &a), "a custom referential is its JSON")
	assert.NotEmpty(t, a.Report.Readiness.Level)

	// A dossier with a validation problem gets its problems and no verdict,
	// from assess and from render alike.
	bad := strings.Replace(string(d), `"93048"`, `"93000"`, 1)
	for _, args := range [][]string{{bad, "idf", "2026-11-22"}, {bad, "idf", "2026-11-22", "html"}} {
		method := map[int]string{3: "assess", 4: "render"}[len(args)]
		res := wasm.Call(method, args...)
		var env struct {
			Value json.RawMessage `json:"value"`
			Error *wasm.Error     `json:"error"`
		}
		require.NoError(t, json.Unmarshal([]byte(res), &env))
		require.NotNil(t, env.Error, method)
		assert.Empty(t, env.Value, method)
		assert.Equal(t, wasm.CodeInvalidDossier, env.Error.Code, method)
		assert.Equal(t, "Dossier à corriger\u00a0: 1\u00a0réponse invalide.", env.Error.Message, method)
		require.Len(t, env.Error.Problems, 1, method)
		assert.Equal(t, "/territory/communes/0", env.Error.Problems[0].Path, method)
		assert.NotContains(t, res, "Prêt", method)
	}

	var html string
	require.NoError(t, json.Unmarshal(call(t, "render", string(d), "idf", "2026-11-22", "html").Value, &html))
	assert.True(t, strings.HasPrefix(html, "<!DOCTYPE html>"))

	var q struct{ Sections []any }
	require.NoError(t, json.Unmarshal(call(t, "questionnaire", "hdf").Value, &q))
	assert.NotEmpty(t, q.Sections)

	var s map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(call(t, "schemas").Value, &s))
	assert.Contains(t, string(s["dossier"]), "2020-12")

	var ex []map[string]string
	require.NoError(t, json.Unmarshal(call(t, "examples").Value, &ex))
	require.NotEmpty(t, ex)
	assert.JSONEq(t, string(d), string(call(t, "example", "ile-de-france-montreuil-actif").Value))
}

// TestUpgradeMethod: the form lifts a dossier saved by an older version with
// the upgrade method, every answer kept, problems beside.
func TestUpgradeMethod(t *testing.T) {
	var u struct {
		Dossier  map[string]any `json:"dossier"`
		From, To int
		Problems []any
	}
	require.NoError(t, json.Unmarshal(call(t, "upgrade", `{"schemaVersion":1,"stage":"active","territory":{"population":1200}}`).Value, &u))
	assert.Equal(t, 1, u.From)
	assert.Equal(t, 2, u.To)
	assert.EqualValues(t, clsm.SchemaVersion, u.Dossier["schemaVersion"])
	assert.Equal(t, "active", u.Dossier["stage"])
	assert.Empty(t, u.Problems)
	require.NoError(t, json.Unmarshal(call(t, "upgrade", `{"schemaVersion":1,"stage":"actif"}`).Value, &u))
	assert.Equal(t, "actif", u.Dossier["stage"], "an invalid answer is kept, and said")
	assert.Len(t, u.Problems, 1)
	e := call(t, "upgrade", `{"schemaVersion":99}`)
	require.NotNil(t, e.Error)
	assert.Contains(t, problemsText(e.Error), fmt.Sprintf(" et %d.", clsm.SchemaVersion), "the versions read, up to the current one")
}

// TestAPIErrors feeds the API what a page could send by mistake: every call
// returns an error envelope with a French message, and none panics.
func TestAPIErrors(t *testing.T) {
	big := strings.Repeat("x", 2<<20)
	tests := []struct {
		method string
		args   []string
		says   string
	}{
		{"assesss", nil, "inconnue"},
		{"assess", []string{"{}"}, "attend 3"},
		{"assess", []string{"pas du json", "idf", "2026-11-22"}, "ne peut pas être lu"},
		{"assess", []string{`{"schemaVersion":1}`, neverAnID, "2026-11-22"}, "inconnu"},
		{"assess", []string{`{"schemaVersion":1}`, "{pas un référentiel", "2026-11-22"}, "référentiel personnalisé"},
		{"assess", []string{`{"schemaVersion":1}`, "idf", "22/11/2026"}, "AAAA-MM-JJ"},
		{"assess", []string{big, "idf", "2026-11-22"}, "trop grand"},
		{"render", []string{`{"schemaVersion":1}`, "idf", "2026-11-22", "pdf"}, "inconnu"},
		{"questionnaire", []string{`{"schemaVersion": 1, "rules": "non"}`}, "erreurs"},
		{"example", []string{"<script>"}, "inconnu"},
		{"aggregate", []string{"42", "idf", "2026-11-22"}, "en JSON"},
		{"aggregate", []string{`{"fichiers": {}}`, "idf", "2026-11-22"}, "en JSON"},
		{"aggregate", []string{`{"files": {"a.json": 3}}`, "idf", "2026-11-22"}, "en JSON"},
		{"aggregate", []string{`[]`, neverAnID, "2026-11-22"}, "inconnu"},
		{"aggregate", []string{`[]`, "idf", "hier"}, "AAAA-MM-JJ"},
		{"renderRegional", []string{"{}", "html"}, "aggregate"},
		{"renderRegional", []string{`{"schemaVersion": 99}`, "html"}, "format 99"},
	}
	for _, tt := range tests {
		e := call(t, tt.method, tt.args...)
		require.NotNil(t, e.Error, "%s %v", tt.method, tt.args)
		assert.Contains(t, e.Error.Message+problemsText(e.Error), tt.says, tt.method)
		assert.NotRegexp(t, ordinarySpace, e.Error.Message, "French typography wants a no-break space")
	}
	var v struct {
		Valid    bool
		Problems []map[string]string
	}
	require.NoError(t, json.Unmarshal(call(t, "validate", `{"schemaVersion":1,"coordinator":{"fte":9}}`).Value, &v))
	assert.False(t, v.Valid)
	assert.Equal(t, "/coordinator/fte", v.Problems[0]["path"])
}

// ordinarySpace finds an ordinary space where French typography wants a
// no-break one: before « : », « ; », « ? », « ! », « » », after « « ».
var ordinarySpace = regexp.MustCompile(`[^\x{00a0}\x{202f}«\s] [:;?!»]|« [^\x{00a0}]`)

func problemsText(e *wasm.Error) string {
	var b strings.Builder
	for _, p := range e.Problems {
		b.WriteString(p.Message)
	}
	return b.String()
}

// FuzzCall: whatever the method, the number of arguments and their content,
// Call answers one JSON envelope with exactly one of value and error, never
// recovers from a panic, and every error is French.
func FuzzCall(f *testing.F) {
	d, _ := examples.Dossier("gers-rural-intercommunal")
	custom, _ := examples.Referential("aveyron-exemple")
	f.Add(uint8(4), uint8(3), string(d), "idf", "2026-11-22", "")
	f.Add(uint8(5), uint8(4), `{"schemaVersion":1}`, `{"rules":[]}`, "x", "html")
	f.Add(uint8(4), uint8(3), `{"stage":"actif"}`, string(custom), "2026-11-22", "")
	f.Add(uint8(2), uint8(1), "idf", "", "", "")
	f.Add(uint8(9), uint8(0), "", "", "", "")
	f.Add(uint8(8), uint8(2), "gers-rural-intercommunal", "x", "", "")
	f.Add(uint8(12), uint8(6), string(d), "idf", "2025-11-22", "2026-11-22")
	methods := []string{"version", "referentials", "questionnaire", "validate", "upgrade", "assess", "render", "schemas", "examples", "example", "aggregate", "renderRegional", "compare", "inconnue"}
	f.Fuzz(func(t *testing.T, m, n uint8, a, b, c, d string) {
		method := methods[int(m)%len(methods)]
		args := []string{a, b, c, d, a, b}[:int(n)%7]
		if method == "compare" {
			// Two (dossier, referential, date) triples: a, b, c then a, b, d.
			args = []string{a, b, c, a, b, d}[:int(n)%7]
		}
		out := wasm.Call(method, args...)
		var e struct {
			Value json.RawMessage `json:"value"`
			Error *wasm.Error     `json:"error"`
		}
		if err := json.Unmarshal([]byte(out), &e); err != nil {
			t.Fatalf("not JSON: %q", out)
		}
		if (e.Error == nil) == (e.Value == nil) {
			t.Fatalf("exactly one of value and error expected: %s", out)
		}
		if strings.Contains(out, "Erreur interne") {
			t.Fatalf("panic recovered: %s", out)
		}
		if e.Error != nil {
			text := e.Error.Message + problemsText(e.Error)
			for _, english := range []string{"invalid character", "unexpected end", "cannot unmarshal", "exceeded", "Key:", "Error:", "json:"} {
				if strings.Contains(text, english) {
					t.Fatalf("English in an error: %s", text)
				}
			}
		}
	})
}

// TestAggregate gives the API the example dossiers and two broken files, as
// the regional page does: every file is counted, the broken ones listed with
// their French problems, and the report renders as HTML (with its charts)
// and CSV.
func TestAggregate(t *testing.T) {
	files := map[string]string{"illisible.json": "{pas du json", "invalide.json": `{"schemaVersion": 2, "stage": "actif"}`}
	for _, name := range examples.DossierNames() {
		d, _ := examples.Dossier(name)
		files[name+".json"] = string(d)
	}
	arg, err := json.Marshal(map[string]any{"files": files})
	require.NoError(t, err)
	var list []map[string]string
	for name, text := range files {
		list = append(list, map[string]string{"name": name, "text": text})
	}
	arr, err := json.Marshal(list)
	require.NoError(t, err)

	var reports []json.RawMessage
	for _, a := range [][]byte{arg, arr} {
		e := call(t, "aggregate", string(a), "idf", "2026-11-22")
		require.Nil(t, e.Error)
		reports = append(reports, e.Value)
	}
	assert.JSONEq(t, string(reports[0]), string(reports[1]), "an object and an array of files give the same report")

	var r struct {
		SchemaVersion int
		Files         int
		Assessed      int
		Referential   struct{ ID string }
		EvaluatedOn   string
		CLSM          []struct{ File, Level string }
		Invalid       []struct {
			File     string
			Problems []struct{ Message string }
		}
	}
	require.NoError(t, json.Unmarshal(reports[0], &r))
	assert.Equal(t, 1, r.SchemaVersion)
	assert.Equal(t, len(files), r.Files)
	assert.Equal(t, len(files)-2, r.Assessed)
	assert.Equal(t, "idf", r.Referential.ID)
	assert.Equal(t, "2026-11-22", r.EvaluatedOn)
	require.Len(t, r.Invalid, 2)
	assert.Equal(t, "illisible.json", r.Invalid[0].File)
	assert.Equal(t, "invalide.json", r.Invalid[1].File)
	for _, inv := range r.Invalid {
		require.NotEmpty(t, inv.Problems, inv.File)
		assert.NotContains(t, inv.Problems[0].Message, "invalid", inv.File)
	}

	var html, csv, again string
	require.NoError(t, json.Unmarshal(call(t, "renderRegional", string(reports[0]), "html").Value, &html))
	assert.True(t, strings.HasPrefix(html, "<!DOCTYPE html>"))
	assert.Contains(t, html, `aria-labelledby="chart-departments-title`)
	assert.Contains(t, html, "illisible.json")
	require.NoError(t, json.Unmarshal(call(t, "renderRegional", string(reports[0]), "csv").Value, &csv))
	assert.True(t, strings.HasPrefix(csv, "\ufeffFichier;"), "a CSV for a French spreadsheet")
	assert.Equal(t, len(files)+1, strings.Count(csv, "\r\n")-strings.Count(csv, "\"\r\n"), "a header and one row per file")
	require.NoError(t, json.Unmarshal(call(t, "renderRegional", string(reports[0]), "json").Value, &again))
	assert.JSONEq(t, string(reports[0]), again, "the report goes back and forth unchanged")
	e := call(t, "renderRegional", string(reports[0]), "pdf")
	require.NotNil(t, e.Error)
	assert.Contains(t, e.Error.Message, "inconnu")

	// A name given twice keeps both files.
	var twice struct{ Files int }
	e = call(t, "aggregate", `[{"name": "a.json", "text": "{"}, {"name": "a.json", "text": "{"}, {"text": "{"}]`, "national", "2026-11-22")
	require.Nil(t, e.Error)
	require.NoError(t, json.Unmarshal(e.Value, &twice))
	assert.Equal(t, 3, twice.Files)
	assert.Contains(t, string(e.Value), `"a.json (2)"`)
	assert.Contains(t, string(e.Value), "fichier n°\u00a03")

	// Many dossiers are more than one dossier's limit.
	big := `{"files": {"a.json": "` + strings.Repeat(" ", 2<<20) + `{}"}}`
	e = call(t, "aggregate", big, "national", "2026-11-22")
	require.Nil(t, e.Error, "a set of files may be larger than one dossier")
}

// TestExampleCopiesAreFresh: the checker's example dossiers are copies of
// examples/dossiers (the checker does not depend on the examples package);
// run go generate ./... when an example changes.
func TestExampleCopiesAreFresh(t *testing.T) {
	var e []map[string]string
	require.NoError(t, json.Unmarshal(call(t, "examples").Value, &e))
	require.Len(t, e, len(examples.DossierNames()))
	for _, name := range examples.DossierNames() {
		want, _ := examples.Dossier(name)
		assert.JSONEq(t, string(want), string(call(t, "example", name).Value), "%s is stale: run go generate ./...", name)
	}
}

// TestStaticDataDepartments: data.json gives the form the region of every
// department, as clsm's reference data says (the form switches an imported
// dossier to its region's referential with it).
func TestStaticDataDepartments(t *testing.T) {
	data, err := wasm.StaticData()
	require.NoError(t, err)
	var s struct {
		Departments map[string]struct{ Code, Name string } `json:"departments"`
	}
	require.NoError(t, json.Unmarshal(data, &s))
	require.Len(t, s.Departments, len(clsm.Departments()))
	for _, d := range clsm.Departments() {
		r, ok := clsm.LookupRegion(d.Region)
		require.True(t, ok, d.Code)
		assert.Equal(t, r.Code, s.Departments[string(d.Code)].Code, d.Code)
		assert.Equal(t, r.Name, s.Departments[string(d.Code)].Name, d.Code)
	}
}

// TestCompareMethod: the form sets last year's export beside this year's
// answers. The method answers what assess.Compare answers for the same two
// reports, with both verdicts; an error says which dossier it is about, and
// two referentials give the sentinel error of assess with its code.
func TestCompareMethod(t *testing.T) {
	after, _ := examples.Dossier("ile-de-france-montreuil-actif")
	var m map[string]any
	require.NoError(t, json.Unmarshal(after, &m))
	m["governance"].(map[string]any)["psychiatryCoLeads"] = false // worse last year…
	delete(m, "coordinator")                                      // …and unknown
	before, err := json.Marshal(m)
	require.NoError(t, err)

	var got struct {
		Comparison    assess.Comparison `json:"comparison"`
		Before, After assess.Readiness
	}
	require.NoError(t, json.Unmarshal(call(t, "compare", string(before), "idf", "2025-11-22", string(after), "idf", "2026-11-22").Value, &got))
	ref, _ := labels.Builtin("idf")
	rb, err := assess.Evaluate(mustParse(t, before), ref, time.Date(2025, 11, 22, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	ra, err := assess.Evaluate(mustParse(t, after), ref, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	want, err := assess.Compare(rb, ra)
	require.NoError(t, err)
	assert.Equal(t, *want, got.Comparison)
	assert.NotEmpty(t, got.Comparison.Improved, "the co-animation is met this year")
	assert.Equal(t, rb.Readiness, got.Before)
	assert.Equal(t, ra.Readiness, got.After)
	assert.Equal(t, clsm.Date("2025-11-22"), got.Comparison.Before)

	// An older format is read as assess reads it.
	require.Nil(t, call(t, "compare", `{"schemaVersion":1,"stage":"active"}`, "idf", "2025-11-22", string(after), "idf", "2026-11-22").Error)

	tests := []struct {
		name string
		args []string
		code string
		says string
	}{
		{"last year's file is not JSON", []string{"{pas du json", "idf", "2025-11-22", string(after), "idf", "2026-11-22"}, "", "Premier dossier (avant)\u00a0: le dossier ne peut pas être lu."},
		{"a referential given as last year's dossier", []string{`{"schemaVersion":1,"id":"x","rules":[]}`, "idf", "2025-11-22", string(after), "idf", "2026-11-22"}, "", "ne peut pas être lu"},
		{"an invalid answer this year", []string{string(before), "idf", "2025-11-22", `{"schemaVersion":2,"stage":"actif"}`, "idf", "2026-11-22"}, wasm.CodeInvalidDossier, "Le second dossier (après) est à corriger\u00a0: 1\u00a0réponse invalide."},
		{"a bad date", []string{string(before), "idf", "22/11/2025", string(after), "idf", "2026-11-22"}, "", "Premier dossier (avant)\u00a0: date d'évaluation"},
		{"an unknown referential", []string{string(before), "idf", "2025-11-22", string(after), neverAnID, "2026-11-22"}, "", "Second dossier (après)\u00a0:"},
		{"two referentials", []string{string(before), "national", "2025-11-22", string(after), "idf", "2026-11-22"}, wasm.CodeDifferentReferentials, assess.ErrDifferentReferentials.Error()},
		{"too few arguments", []string{string(before), string(after), "idf", "2026-11-22"}, "", "attend 6\u00a0arguments"},
	}
	for _, tt := range tests {
		e := call(t, "compare", tt.args...)
		require.NotNil(t, e.Error, tt.name)
		assert.Equal(t, tt.code, e.Error.Code, tt.name)
		assert.Contains(t, e.Error.Message, tt.says, tt.name)
		if tt.code == wasm.CodeInvalidDossier {
			require.Len(t, e.Error.Problems, 1, tt.name)
			assert.Equal(t, "/stage", e.Error.Problems[0].Path, tt.name)
		}
	}
}

func mustParse(t *testing.T, data []byte) *clsm.Dossier {
	t.Helper()
	d, err := clsm.Parse(data)
	require.NoError(t, err)
	return d
}

// TestAggregateAutoReferential: with « auto » (or no referential), the
// dossiers' region chooses the referential, and the report says why; a
// pending answer makes its file one to correct.
func TestAggregateAutoReferential(t *testing.T) {
	files := map[string]string{
		"a.json": `{"schemaVersion": 2, "name": "A", "territory": {"department": "93"}}`,
		"b.json": `{"schemaVersion": 2, "name": "B", "territory": {"department": "75"}, "pending": {"/territory/population": "environ 98 000"}}`,
	}
	arg, err := json.Marshal(map[string]any{"files": files})
	require.NoError(t, err)
	for _, spec := range []string{"auto", ""} {
		e := call(t, "aggregate", string(arg), spec, "2026-11-22")
		require.Nil(t, e.Error)
		var r struct {
			Referential       struct{ ID string }
			ReferentialChoice string
			Invalid           []struct {
				File     string
				Problems []struct{ Code, Path string }
			}
		}
		require.NoError(t, json.Unmarshal(e.Value, &r))
		assert.Equal(t, "idf", r.Referential.ID, "%q", spec)
		assert.Contains(t, r.ReferentialChoice, "Île-de-France")
		require.Len(t, r.Invalid, 1)
		assert.Equal(t, "b.json", r.Invalid[0].File)
		assert.Equal(t, "pending", r.Invalid[0].Problems[0].Code)
		assert.Equal(t, "/territory/population", r.Invalid[0].Problems[0].Path)
	}
	e := call(t, "aggregate", string(arg), "national", "2026-11-22")
	require.Nil(t, e.Error)
	assert.NotContains(t, string(e.Value), "referentialChoice", "a referential named by the caller needs no reason")
}

// neverAnID is a referential identifier no referential can ever have: it is
// longer than the 40 characters an identifier may have (a real one, such as
// « bretagne », may be added as a built-in referential at any time).
const neverAnID = "referentiel-inconnu-de-plus-de-quarante-caracteres"

// TestDocuments: the complete checker lists the documents a referential asks
// for and writes them; an ODT comes as base64 of a zip whose first file is
// the stored mimetype.
func TestDocuments(t *testing.T) {
	dossier, _ := examples.Dossier("ile-de-france-montreuil-actif")
	var list struct {
		Value struct {
			Documents []struct{ ID string } `json:"documents"`
			Note      string                `json:"note"`
		} `json:"value"`
	}
	require.NoError(t, json.Unmarshal([]byte(wasm.Call("documents", string(dossier), "idf", "2026-11-22")), &list))
	var ids []string
	for _, d := range list.Value.Documents {
		ids = append(ids, d.ID)
	}
	assert.Equal(t, []string{"bilan", "annexe", "evaluation", "demande"}, ids)

	var doc struct {
		Value struct {
			FileName, MediaType, Base64, Text string
		} `json:"value"`
		Error *wasm.Error `json:"error"`
	}
	require.NoError(t, json.Unmarshal([]byte(wasm.Call("document", string(dossier), "idf", "2026-11-22", "annexe", "odt", "")), &doc))
	require.Nil(t, doc.Error)
	assert.Equal(t, "annexe.odt", doc.Value.FileName)
	assert.Equal(t, "application/vnd.oasis.opendocument.text", doc.Value.MediaType)
	data, err := base64.StdEncoding.DecodeString(doc.Value.Base64)
	require.NoError(t, err)
	assert.Equal(t, "PK\x03\x04", string(data[:4]))
	assert.Equal(t, "mimetypeapplication/vnd.oasis.opendocument.text", string(data[30:77]))

	tests := []struct {
		reason string
		args   []string
		want   string
	}{
		{"an unknown document", []string{string(dossier), "idf", "2026-11-22", "rapport", "odt", ""}, "Document inconnu"},
		{"an unknown format", []string{string(dossier), "idf", "2026-11-22", "bilan", "docx", ""}, "Format de document «\u00a0docx\u00a0» inconnu"},
		{"an invalid dossier", []string{`{"stage": "actif"}`, "idf", "2026-11-22", "bilan", "md", ""}, "Dossier à corriger"},
		{"an invalid baseline", []string{string(dossier), "idf", "2026-11-22", "annexe", "md", `{"stage": "actif"}`}, "année précédente"},
		{"a bad date", []string{string(dossier), "idf", "22/11/2026", "annexe", "md", ""}, "Date d'évaluation"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			var out struct {
				Error *wasm.Error `json:"error"`
			}
			require.NoError(t, json.Unmarshal([]byte(wasm.Call("document", tt.args...)), &out))
			require.NotNil(t, out.Error)
			assert.Contains(t, out.Error.Message, tt.want)
		})
	}
}
