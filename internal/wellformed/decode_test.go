package wellformed_test

// The differential tests of the strict decoder: on every document of the
// module's corpora, on mutations of them and on what the fuzzer finds,
// Decode gives exactly what the oracle (oracle_test.go, the decoder as it
// was) gives: the same problems, in the same order, with the same codes,
// paths, messages and values, and the same decoded value.
//
//	go test ./internal/wellformed -run Differential -exhaustive
//	go test ./internal/wellformed -run '^$' -fuzz FuzzDecode -parallel 1
//
// Without -exhaustive, the truncations and the replacements are sampled
// (more thinly still under -short), to keep go test ./... quick.

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
)

// kindsItem and kinds have what the dossier and the referential do not:
// a pointer to a struct, maps of structs and of numbers, lists of lists and
// of pointers, small integers, a float32, a key to escape in a JSON Pointer,
// "-" as a key and a field encoding/json ignores.
type kindsItem struct {
	Share *float64   `json:"share,omitzero" title:"Part"`
	Stage clsm.Stage `json:"stage,omitzero" validate:"omitempty,enum" title:"Stade"`
	Name  string     `json:"name,omitzero"`
}

type kinds struct {
	Small *int8                `json:"small,omitzero" title:"Petit nombre"`
	Int   int                  `json:"int,omitzero"`
	F32   float32              `json:"f32,omitzero" title:"Nombre simple"`
	Ptr   *kindsItem           `json:"ptr,omitzero" title:"Pointeur"`
	Item  kindsItem            `json:"item,omitzero"`
	Map   map[string]kindsItem `json:"map,omitzero" title:"Table"`
	Ints  map[string]int       `json:"ints,omitzero" title:"Entiers"`
	Lists [][]string           `json:"lists,omitzero" title:"Listes"`
	Ptrs  []*int               `json:"ptrs,omitzero" title:"Pointeurs"`
	Items []kindsItem          `json:"items,omitzero" title:"Éléments"`
	Raw   json.RawMessage      `json:"raw,omitzero"`
	Raws  []json.RawMessage    `json:"raws,omitzero"`
	Flag  *bool                `json:"flag,omitzero"`
	Coded []clsm.Stage         `json:"coded,omitzero" validate:"omitempty,dive,enum" title:"Stades"`
	Tilde string               `json:"a~b/c,omitzero" title:"Clé échappée"`
	Dash  string               `json:"-,omitzero"`
	Skip  string               `json:"-"`
}

var (
	dossierType     = reflect.TypeFor[clsm.Dossier]()
	referentialType = reflect.TypeFor[labels.Referential]()
	kindsType       = reflect.TypeFor[kinds]()
	allTypes        = []reflect.Type{dossierType, referentialType, kindsType}
)

// decodeCorpus is every document the module's tests hold, with the type it
// is decoded into first: the JSON files of the repository (examples, good
// and bad dossiers and referentials, scenarios, golden reports, the
// browser's hostile inputs…) and the fuzzers' saved inputs.
func decodeCorpus(t testing.TB) map[string][]byte {
	corpus := map[string][]byte{}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".") && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		slash := filepath.ToSlash(path)
		switch {
		case strings.HasSuffix(path, ".json"), strings.Contains(slash, "/testdata/hostile/"):
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			corpus[slash] = data
		case strings.Contains(slash, "/testdata/fuzz/"):
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for i, line := range strings.Split(string(data), "\n") {
				lit, ok := strings.CutPrefix(line, "[]byte(")
				if !ok {
					continue
				}
				s, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
				if err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				corpus[fmt.Sprintf("%s:%d", slash, i+1)] = []byte(s)
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.Greater(t, len(corpus), 150, "the corpus was not found")
	return corpus
}

// typeFor guesses which type a document of the corpus is meant for.
func typeFor(name string, data []byte) reflect.Type {
	if strings.Contains(name, "referential") || bytes.Contains(data, []byte(`"rules"`)) {
		return referentialType
	}
	return dossierType
}

// same decodes data into a new value of type typ with the oracle and with
// Decode, reports any difference, and returns the problems.
func same(t testing.TB, name string, data []byte, typ reflect.Type) wellformed.Problems {
	t.Helper()
	want := reflect.New(typ)
	wantPs := wellformed.OracleDecode(data, want.Interface())
	got := reflect.New(typ)
	gotPs := wellformed.Decode(data, got.Interface())
	if !reflect.DeepEqual(wantPs, gotPs) {
		assert.Equal(t, wantPs, gotPs, "%s into %s: problems\n%s", name, typ, excerpt(data))
		if wantPs == nil || gotPs == nil {
			t.Errorf("%s into %s: problems %#v, want %#v", name, typ, gotPs, wantPs)
		}
	}
	if !reflect.DeepEqual(want.Interface(), got.Interface()) {
		assert.Equal(t, want.Interface(), got.Interface(), "%s into %s: value\n%s", name, typ, excerpt(data))
		t.Errorf("%s into %s: values differ", name, typ)
	}
	return wantPs
}

func excerpt(data []byte) string {
	if len(data) > 300 {
		return strconv.Quote(string(data[:150])) + " … " + strconv.Quote(string(data[len(data)-150:]))
	}
	return strconv.Quote(string(data))
}

// TestDifferentialCorpus: every document of the corpus, into the type it is
// meant for and into the two others.
func TestDifferentialCorpus(t *testing.T) {
	corpus := decodeCorpus(t)
	codes := map[string]int{}
	for name, data := range corpus {
		for _, typ := range allTypes {
			for _, p := range same(t, name, data, typ) {
				codes[p.Code]++
			}
		}
	}
	t.Logf("%d documents, each into %d types; problems by code: %v", len(corpus), len(allTypes), codes)
	for _, code := range []string{wellformed.CodeSyntax, wellformed.CodeNotObject, wellformed.CodeUnknownField, wellformed.CodeDuplicateKey, wellformed.CodeNull, wellformed.CodeEmpty, wellformed.CodeType, wellformed.CodeNumber, wellformed.CodeTooMany} {
		assert.NotZero(t, codes[code], "the corpus never gives a problem of code %q", code)
	}
}

// TestDifferentialTruncations: every prefix of an example dossier, of an
// example referential and of a dossier with problems before the cut.
func TestDifferentialTruncations(t *testing.T) {
	dossier, ok := examples.Dossier("ile-de-france-montreuil-actif")
	require.True(t, ok)
	referential, err := os.ReadFile("../../examples/referentials/aveyron-exemple.json")
	require.NoError(t, err)
	faulty := bytes.Replace(dossier, []byte(`{`), []byte(`{"inconnu": [1, {"a": null}], "Name": 12, "schemaVersion": 1.5, "notes": null, "name": "a", "name": 3, "stage": "",`), 1)
	compact := compactJSON(t, faulty)
	docs := []struct {
		name string
		data []byte
	}{{"dossier", dossier}, {"referential", referential}, {"faulty dossier", faulty}, {"compact faulty dossier", compact}}
	n := 0
	for _, doc := range docs {
		// Cuts into the type the document is meant for; one in 13 of
		// them into the others, where almost every key is unknown.
		for i := 0; i <= len(doc.data); i += thin(3) {
			for _, typ := range allTypes {
				if typ == typeFor(doc.name, doc.data) || i%13 == 0 {
					same(t, fmt.Sprintf("%s cut at %d", doc.name, i), doc.data[:i], typ)
					n++
				}
			}
		}
	}
	t.Logf("%d truncated documents", n)
}

// replacements are the values that take the place of each value of a
// document in turn: every JSON type, numbers whole and not, written in
// every way, at and past every bound, texts empty, coded, escaped, with
// invalid UTF-8 and with a lone surrogate, containers empty and not.
var replacements = []string{
	`null`, `true`, `false`,
	`0`, `-0`, `1`, `-1`, `7`, `1.5`, `1.0`, `-0.0`, `1e3`, `1E+3`, `-1.0e3`, `1e-3`, `0.1e1`, `100e-2`, `12.50e1`,
	`1e400`, `-1e400`, `1e-400`, `1e1000000000`, `0e9999999`, `1.5e-9999999`,
	`127`, `128`, `-129`, `9223372036854775807`, `9223372036854775808`, `-9223372036854775808`, `-9223372036854775809`,
	`123456789012345678901234567890`, `1e19`, `2e18`, `10000000000000000000.0`, `3.4028236e38`, `1` + strings.Repeat("0", 400),
	`""`, `"x"`, `"active"`, `"project"`, `"2025-02-30"`, `"2024-02-29"`, `"never"`, `"93048"`, `"yes"`,
	`"\u00e9t\u00E9"`, `"\ud800"`, `"\ud83d\ude00"`, `"a\nb\t\"c\"\\/"`, `"<&>"`, `"\u0000"`, "\"\xff\xfe\"", "\"é\x80\"",
	`"` + strings.Repeat("é", 70) + `"`, `"` + strings.Repeat("x", 5001) + `"`,
	`[]`, `[1]`, `["a", null]`, `[{}]`, `[[]]`, `{}`, `{"a": 1}`, `{"exists": true}`, `{"title": "t", "title": ""}`,
	`[` + strings.Repeat(`"x",`, 120) + `"x"]`,
}

// TestDifferentialReplacements: each value of an example dossier and of the
// example referential replaced by each of the replacements, each object
// with a member doubled, an unknown key added, a key in other letter cases
// or escaped, each list emptied or with its first item doubled.
func TestDifferentialReplacements(t *testing.T) {
	dossier, _ := examples.Dossier("ile-de-france-montreuil-actif")
	referential, err := os.ReadFile("../../examples/referentials/aveyron-exemple.json")
	require.NoError(t, err)
	n, problems := 0, 0
	for _, doc := range []struct {
		name string
		data []byte
		typ  reflect.Type
	}{{"dossier", dossier, dossierType}, {"referential", referential, referentialType}} {
		root := parseTree(t, doc.data)
		eachMutation(root, func(what string) {
			data := root.bytes(n%3 == 0)
			problems += len(same(t, doc.name+": "+what, data, doc.typ))
			if n%5 == 0 {
				same(t, doc.name+": "+what, data, kindsType)
			}
			n++
		})
	}
	t.Logf("%d documents changed, %d problems found alike", n, problems)
	assert.Greater(t, problems, 18000/thin(6))
}

// TestDifferentialKinds: the kinds type's fields replaced in turn, since no
// document of the corpus has them.
func TestDifferentialKinds(t *testing.T) {
	doc := `{"small": 1, "int": 2, "f32": 1.5, "ptr": {"share": 3, "stage": "project", "name": "p"}, "item": {"name": "i"},
	"map": {"a": {"share": 1}, "b~/": {"stage": "x"}, "12": {}}, "ints": {"a": 1, "b": 2}, "lists": [["a"], [], ["b", "c"]],
	"ptrs": [1, 2], "items": [{"share": 1}, {"share": 2}, {"name": "x"}], "raw": {"x": [1, 2]}, "raws": [1, "a", null, {}],
	"flag": true, "coded": ["project", "active"], "a~b/c": "t", "-": "dash"}`
	root := parseTree(t, []byte(doc))
	n := 0
	eachMutation(root, func(what string) {
		same(t, "kinds: "+what, root.bytes(n%2 == 0), kindsType)
		n++
	})
	t.Logf("%d documents changed", n)
}

// TestDifferentialShapes: documents that are not what the format expects:
// not an object, empty, with a BOM, with data after the object, nested too
// deep, with keys escaped, folded or invalid, with more problems than are
// listed.
func TestDifferentialShapes(t *testing.T) {
	dossier, _ := examples.Dossier("occitanie-rodez-en-projet")
	referential, err := os.ReadFile("../../examples/referentials/aveyron-exemple.json")
	require.NoError(t, err)
	docs := map[string]string{
		"empty": "", "spaces": " \n\t\r ", "no-break space": "\u00a0", "vertical tab": "\v{}",
		"array": "[]", "array of objects": `[{"name": "a"}]`, "text": `"dossier"`, "number": "12", "null": "null", "true": "true",
		"minus": "-", "letter": "x", "lone brace": "{", "lone bracket": "[", "closing": "}", "BOM": "\xEF\xBB\xBF{}",
		"BOM dossier":             "\xEF\xBB\xBF" + string(dossier),
		"escaped keys":            `{"n\u0061me": "a", "name": "b", "\u006eotes": "c", "stag\u0065": ""}`,
		"folded keys":             `{"NAME": "a", "Name": 1, "nAmE": null, "name": "b", "STAGE": "", "Territory": {"Communes": ["x", 1], "POPULATION": 1e3}, "territory": {"communes": []}}`,
		"folded unicode keys":     `{"coordinator": {"funders": [{"\u212aind": "ars", "ſhare": "x"}], "fte": 1}, "diagnoſtic": {"ſources": 12}}`,
		"kelvin in a referential": `{"rules": [{"chec\u212a": 1, "ID": "x", "params": {"a": 1, "a": 2, "A": 3}}]}`,
		"invalid keys":            "{\"\xff\": 1, \"name\xfe\": \"a\", \"\xff\": 2, \"n\\ud800\": 3}",
		"invalid values":          "{\"name\": \"\xff\xfe\", \"notes\": \"a\\ud800b\\udc00\", \"stage\": \"\\u0000\"}",
		"control in text":         "{\"name\": \"a\tb\"}",
		"bad escape":              `{"name": "a\qb"}`, "bad unicode escape": `{"name": "\u12x4"}`, "quote escape": `{"name": "\'"}`,
		"leading zero": `{"schemaVersion": 01}`, "minus alone": `{"schemaVersion": -}`, "dot": `{"schemaVersion": 1.}`, "exponent": `{"schemaVersion": 1e}`,
		"plus": `{"schemaVersion": +1}`, "hex": `{"schemaVersion": 0x1}`, "number then letter": `{"schemaVersion": 2x}`,
		"trailing comma": `{"name": "a",}`, "missing comma": `{"name": "a" "notes": "b"}`, "missing colon": `{"name" "a"}`,
		"array trailing comma": `{"bureau": {"members": ["elected",]}}`, "mismatched": `{"bureau": {"members": ["elected"}}`,
		"colon in array": `{"bureau": {"members": ["a": 1]}}`, "number key": `{1: 2}`, "double comma": `{"name": "a",, "notes": "b"}`,
		"truex": `{"coversQPV": truex}`, "nul": `{"territory": {"coversQPV": nul}}`,
		"many unknown keys":     manyMembers(`"inconnu%d": 1`, 150),
		"many nulls":            `{"territory": ` + manyMembers(`"population": null`, 150) + `}`,
		"many then cut":         strings.TrimSuffix(manyMembers(`"k%d": [1, {}]`, 120), "}"),
		"many duplicates":       manyMembers(`"name": %d`, 130),
		"many values then tail": manyMembers(`"k%d": 1`, 101) + " x",
	}
	for _, tail := range []string{" x", "{}", "]", "}", " 12", `"s"`, "null", " ,", "\n\n}", "1.", "tru", `"open`, " \n\t", "\n[1, 2]", "{", "\x00"} {
		docs["dossier then "+strconv.Quote(tail)] = string(dossier) + tail
		docs["referential then "+strconv.Quote(tail)] = string(referential) + tail
	}
	// What json.Unmarshal does with a key given twice or thrice: a
	// struct, a map, an item of a list filled again, items left over
	// from a longer list reused, a pointer cleared.
	docs["merged"] = `{"copil": {"members": [{"category": "elected", "structure": "a"}, {"category": "x"}, {"category": "y"}], "members": [{"structure": "b"}], "members": [{}, {"category": "z"}]},
		"territory": {"population": 1, "communes": ["93048", "75056"]}, "territory": {"scale": "commune", "communes": ["x"]}, "Territory": {"communes": []},
		"coordinator": {"fte": 1, "fte": null, "funders": [{"kind": "ars", "share": 10}], "funders": [{"share": 20}], "FUNDERS": [{}, {"kind": "city"}]}}`
	docs["merged referential"] = `{"rules": [{"id": "a", "params": {"a": 1}, "when": [{"path": "/x", "in": [1, 2]}]}], "rules": [{"params": {"b": 2}, "when": [{"in": ["c"]}]}], "Rules": [{"id": "b"}]}`
	docs["cleared referential"] = `{"rules": [{"id": "a", "params": {"a": 1}, "stages": ["project"]}], "rules": [{"params": null, "stages": null}]}`
	for _, depth := range []int{9990, 9994, 9995, 9996, 9997, 9998, 9999, 10000, 10001, 20000} {
		docs[fmt.Sprintf("arrays %d deep", depth)] = `{"inconnu": ` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}`
		docs[fmt.Sprintf("objects %d deep", depth)] = `{"inconnu": ` + strings.Repeat(`{"a":`, depth) + "1" + strings.Repeat("}", depth) + `}`
		docs[fmt.Sprintf("arrays %d deep, cut", depth)] = `{"inconnu": ` + strings.Repeat("[", depth) + strings.Repeat("]", depth-1)
		// A parameter nested that deep is no problem of the walk: only
		// json.Unmarshal refuses it.
		docs[fmt.Sprintf("parameter %d deep", depth)] = strings.Replace(string(referential), `"params": {`, `"params": {"deep": `+strings.Repeat("[", depth)+strings.Repeat("]", depth)+`, `, 1)
		docs[fmt.Sprintf("condition %d deep", depth)] = `{"rules": [{"when": [{"in": [` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `]}]}]}`
	}
	for name, doc := range docs {
		for _, typ := range allTypes {
			same(t, name, []byte(doc), typ)
		}
	}
	// The limits: the largest document read, and one byte more.
	big := []byte(`{"notes": "` + strings.Repeat("x", wellformed.MaxSize-len(`{"notes": ""}`)) + `"}`)
	same(t, "largest", big, dossierType)
	same(t, "too large", append(big, ' '), dossierType)
}

// TestDecodePanicsOnAPointerToNothing: the programmer errors stay
// programmer errors.
func TestDecodePanicsOnAPointerToNothing(t *testing.T) {
	assert.Panics(t, func() { wellformed.Decode([]byte(`{}`), clsm.Dossier{}) })
	assert.Panics(t, func() { wellformed.Decode([]byte(`{}`), (*clsm.Dossier)(nil)) })
	s := "x"
	assert.Panics(t, func() { wellformed.Decode([]byte(`{}`), &s) })
}

// FuzzDecode: on any input, Decode gives what the oracle gives, into the
// dossier, the referential and the kinds type.
func FuzzDecode(f *testing.F) {
	for _, data := range decodeCorpus(f) {
		if len(data) < 20000 {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"name": "a", "name": 1, "Name": null, "inconnu": [1e400, {"a": "\ud800"}], "territory": {"population": 1e3, "communes": ["93048", "", null]}}`))
	f.Add([]byte(`{"rules": [{"params": {"a": [1, {"b": null}], "a": "x"}, "when": [{"in": [1, "a", null, {}]}]}]}`))
	f.Add([]byte(`{"small": 1e2, "f32": 3.5e38, "ptr": {"share": "x"}, "map": {"a": {"stage": ""}, "a": null}, "lists": [[1], null], "ptrs": [null, 1.0]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, typ := range allTypes {
			same(t, "fuzz", data, typ)
		}
	})
}

// BenchmarkDecode decodes the example dossiers and the Île-de-France
// referential, the largest, into fresh values: what the form does for the
// dossier at each answer.
func BenchmarkDecode(b *testing.B) {
	type doc struct {
		name string
		data []byte
		typ  reflect.Type
	}
	var docs []doc
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		docs = append(docs, doc{name, data, dossierType})
	}
	idf, err := os.ReadFile("../../labels/referentials/idf.json")
	require.NoError(b, err)
	docs = append(docs, doc{"referential-idf", idf, referentialType})
	for _, d := range docs {
		b.Run(d.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(d.data)))
			for b.Loop() {
				if ps := wellformed.Decode(d.data, reflect.New(d.typ).Interface()); ps != nil {
					b.Fatal(ps)
				}
			}
		})
	}
}

var exhaustive = flag.Bool("exhaustive", false, "every truncation and every replacement in the differential tests of Decode")

// thin returns the step of a sampling: 1 with -exhaustive, n without, and
// 5n under -short.
func thin(n int) int {
	switch {
	case *exhaustive:
		return 1
	case testing.Short():
		return 5 * n
	}
	return n
}

func manyMembers(format string, n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		if strings.Contains(format, "%d") {
			fmt.Fprintf(&b, format, i)
		} else {
			b.WriteString(format)
		}
	}
	b.WriteString("}")
	return b.String()
}

func compactJSON(t testing.TB, data []byte) []byte {
	var b bytes.Buffer
	require.NoError(t, json.Compact(&b, data))
	return b.Bytes()
}

// node is a JSON value kept with the order and the spelling of its keys,
// so that a test can change one part and write the document again.
type node struct {
	kind  byte     // '{', '[' or 0 for a scalar
	keys  []string // the keys of an object, as JSON texts ("\"name\"")
	items []*node  // the values of an object, the items of a list
	raw   string   // a scalar, as JSON text
}

func parseTree(t testing.TB, data []byte) *node {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var read func() *node
	read = func() *node {
		tok, err := dec.Token()
		require.NoError(t, err)
		switch v := tok.(type) {
		case json.Delim:
			n := &node{kind: byte(v)}
			for dec.More() {
				if v == '{' {
					key, err := dec.Token()
					require.NoError(t, err)
					n.keys = append(n.keys, quote(key.(string)))
				}
				n.items = append(n.items, read())
			}
			_, err := dec.Token()
			require.NoError(t, err)
			return n
		case string:
			return &node{raw: quote(v)}
		case json.Number:
			return &node{raw: v.String()}
		case bool:
			return &node{raw: strconv.FormatBool(v)}
		default:
			return &node{raw: "null"}
		}
	}
	root := read()
	_, err := dec.Token()
	require.ErrorIs(t, err, io.EOF)
	return root
}

func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// bytes writes the tree, indented or compact.
func (n *node) bytes(indent bool) []byte {
	var b bytes.Buffer
	n.write(&b, indent, "\n")
	return b.Bytes()
}

func (n *node) write(b *bytes.Buffer, indent bool, nl string) {
	if n.kind == 0 {
		b.WriteString(n.raw)
		return
	}
	closing := byte('}')
	if n.kind == '[' {
		closing = ']'
	}
	b.WriteByte(n.kind)
	for i, item := range n.items {
		if i > 0 {
			b.WriteByte(',')
		}
		if indent {
			b.WriteString(nl + "  ")
		}
		if n.kind == '{' {
			b.WriteString(n.keys[i])
			b.WriteString(": ")
		}
		item.write(b, indent, nl+"  ")
	}
	if indent && len(n.items) > 0 {
		b.WriteString(nl)
	}
	b.WriteByte(closing)
}

// eachMutation changes the tree below n in each way in turn, calling done
// after each change, and puts it back as it was.
func eachMutation(n *node, done func(what string)) {
	var walk func(n *node, where string)
	nodes := 0
	walk = func(n *node, where string) {
		saved := *n
		nodes++
		for i, r := range replacements {
			// Each node gets one replacement in six, in turn: each
			// replacement still takes the place of dozens of values.
			if (i+nodes)%thin(6) == 0 {
				*n = node{raw: r}
				done(where + " = " + truncate(r))
			}
		}
		*n = saved
		switch n.kind {
		case '{':
			for i, key := range saved.keys {
				// The member doubled, with its value and with another.
				n.keys = slices.Insert(slices.Clone(saved.keys), i+1, key, key)
				n.items = slices.Insert(slices.Clone(saved.items), i+1, saved.items[i], &node{raw: `"autre"`})
				done(where + ": " + key + " doubled")
				// The key in other letter cases, escaped, or unknown.
				name, _ := strconv.Unquote(key)
				for j, variant := range []string{
					quote(strings.ToUpper(name[:min(1, len(name))]) + name[min(1, len(name)):]), quote(strings.ToUpper(name)),
					quote(strings.NewReplacer("k", "\u212a", "s", "ſ").Replace(name)), escapeFirst(name), quote(name + "x"),
				} {
					for k, value := range []*node{saved.items[i], {raw: `"x"`}, {raw: `null`}, {raw: `1e3`}} {
						if k > 0 && j != i%5 {
							continue // other values for one variant only
						}
						n.keys = slices.Insert(slices.Clone(saved.keys), i, variant)
						n.items = slices.Insert(slices.Clone(saved.items), i, value)
						done(where + ": " + variant + " added before " + key)
					}
				}
				n.keys, n.items = saved.keys, saved.items
			}
			n.keys = append(slices.Clone(saved.keys), `"inconnu"`)
			n.items = append(slices.Clone(saved.items), &node{raw: `{"a": [1, null]}`})
			done(where + ": unknown key added")
			n.keys, n.items = nil, nil
			done(where + " emptied")
		case '[':
			n.items = nil
			done(where + " emptied")
			if len(saved.items) > 0 {
				n.items = slices.Insert(slices.Clone(saved.items), 0, saved.items[0])
				done(where + ": first item doubled")
				n.items = append(slices.Clone(saved.items), &node{raw: "null"}, &node{raw: `{}`})
				done(where + ": null and {} appended")
			}
		}
		*n = saved
		for i, item := range saved.items {
			step := strconv.Itoa(i)
			if n.kind == '{' {
				step = saved.keys[i]
			}
			walk(item, where+"/"+step)
		}
	}
	walk(n, "")
}

// escapeFirst writes key with its first letter as a \u escape.
func escapeFirst(key string) string {
	if key == "" || key[0] >= 0x80 {
		return quote(key)
	}
	q := quote(key[1:])
	return fmt.Sprintf(`"\u%04x%s`, key[0], q[1:])
}

func truncate(s string) string {
	if len(s) > 30 {
		return s[:30] + "…"
	}
	return s
}
