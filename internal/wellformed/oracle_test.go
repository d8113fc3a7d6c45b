package wellformed

// This file is the strict decoder as it was before the one-pass decoder of
// strict.go: a walk with json.Decoder.Token that finds the problems, then
// json.Unmarshal for the values. It is kept, unchanged but for its names, as
// the oracle of the differential tests (decode_test.go): the one-pass
// decoder must give exactly its problems, its values and its errors.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/clsmkit/go-clsm/internal/model"
)

// oracleMaxSize is the largest document, in bytes, that [oracleDecode] reads. A dossier
// is a few kilobytes; one megabyte leaves room for a large intercommunal
// territory and long free texts while bounding the work a malicious input
// can cause.
const oracleMaxSize = 1 << 20

var oracleRawMessageType = reflect.TypeFor[json.RawMessage]()

// oracleDecode decodes the JSON document data into v, which must be a pointer
// to a struct, refusing what encoding/json lets through: unknown keys,
// duplicate keys, null, "" for coded fields (an enumeration, a date, a code),
// numbers out of range, values of the wrong type and data after the document.
// It reports every such problem with its JSON Pointer and a French message.
// Unless the document is not one JSON object at all, v holds what could be
// decoded, so that the caller can validate the rest. It is what clsm.Parse
// uses for dossiers, and the labels package for referentials.
func oracleDecode(data []byte, v any) Problems {
	if len(data) > oracleMaxSize {
		return Problems{TooLarge(len(data))} // the message is not what this oracle compares
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Problems{{Code: CodeSyntax, Message: "Le fichier est vide : il ne contient aucun dossier."}}
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		panic("wellformed.Decode: v must be a non-nil pointer to a struct") // programmer error, not input
	}
	w := &oracleWalker{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	w.dec.UseNumber()
	if !w.root(rv.Elem().Type()) {
		return w.result() // not a single JSON object: nothing to decode
	}
	// Decode what can be: Unmarshal skips unknown keys and null, and keeps
	// going after a value of the wrong type, so the caller can still validate
	// the rest and report every problem at once.
	if err := json.Unmarshal(w.plain(), v); err != nil && len(w.problems) == 0 {
		// The walk accepts only what Unmarshal accepts; this is a safety net.
		return Problems{nestedTooDeep()}
	}
	return w.result()
}

type oracleWalker struct {
	data     []byte
	dec      *json.Decoder
	problems Problems
	dropped  int             // problems past MaxProblems, counted, not kept
	rewrites []oracleRewrite // whole numbers to write as plain digits, in document order
}

// oracleRewrite replaces data[start:end], a number literal, by text.
type oracleRewrite struct {
	start, end int
	text       string
}

// plain returns the document with the whole numbers that the walk found
// written with a fraction or an exponent (1000.0, 1e3) written as plain
// digits, which encoding/json decodes into an int.
func (w *oracleWalker) plain() []byte {
	if len(w.rewrites) == 0 {
		return w.data
	}
	out := make([]byte, 0, len(w.data))
	at := 0
	for _, r := range w.rewrites {
		out = append(out, w.data[at:r.start]...)
		out = append(out, r.text...)
		at = r.end
	}
	return append(out, w.data[at:]...)
}

// oracleMaxIntDigits bounds the digits of an integer worth computing: more than
// int64 holds is « bien trop grand ».
const oracleMaxIntDigits = 19

// oracleIntegerText reads a JSON number literal exactly (no rounding through
// float64) and tells whether it is a whole number, whether it has more
// digits than an int64 holds, and, for a whole number that fits, its plain
// decimal writing ("-1000" for "-1.0e3").
func oracleIntegerText(lit string) (text string, whole, tooBig bool) {
	neg := strings.HasPrefix(lit, "-")
	lit = strings.TrimPrefix(lit, "-")
	mant, exp := lit, 0
	if i := strings.IndexAny(lit, "eE"); i >= 0 {
		mant = lit[:i]
		e := strings.TrimPrefix(lit[i+1:], "+")
		if len(strings.TrimLeft(strings.TrimPrefix(e, "-"), "0")) > 6 {
			// An exponent beyond a million: zero, huge, or tiny.
			if strings.Trim(mant, "0.") == "" {
				return "0", true, false
			}
			if strings.HasPrefix(e, "-") {
				return "", false, false
			}
			return "", true, true
		}
		exp, _ = strconv.Atoi(e)
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	digits := strings.TrimLeft(intPart+frac, "0")
	exp -= len(frac)
	if digits == "" {
		return "0", true, false
	}
	trimmed := strings.TrimRight(digits, "0")
	exp += len(digits) - len(trimmed)
	digits = trimmed
	if exp < 0 {
		return "", false, false
	}
	if len(digits)+exp > oracleMaxIntDigits {
		return "", true, true
	}
	text = digits + strings.Repeat("0", exp)
	if neg {
		text = "-" + text
	}
	return text, true, false
}

func (w *oracleWalker) add(code, path, msg string) {
	w.addProblem(Problem{Code: code, Path: path, Message: msg})
}

// addValue adds a problem about the single value tok (a text, a number, a
// boolean), which it shows in [Problem.Value].
func (w *oracleWalker) addValue(code, path, msg string, tok json.Token) {
	p := Problem{Code: code, Path: path, Message: msg}
	switch v := tok.(type) {
	case string:
		p.Value = Value(v)
	case json.Number:
		p.Value = Value(v.String())
	case bool:
		p.Value = strconv.FormatBool(v)
	}
	w.addProblem(p)
}

func (w *oracleWalker) addProblem(p Problem) {
	if len(w.problems) < MaxProblems {
		w.problems = append(w.problems, p)
		return
	}
	w.dropped++
}

// full reports whether no more problems are kept.
func (w *oracleWalker) full() bool { return len(w.problems) >= MaxProblems }

// result is the oracleWalker's problems, with the count of those left out.
func (w *oracleWalker) result() Problems {
	if w.dropped == 0 {
		return w.problems
	}
	return append(w.problems, TooMany(w.dropped))
}

// root walks the whole document; it returns false after a fatal problem.
func (w *oracleWalker) root(t reflect.Type) bool {
	tok, err := w.dec.Token()
	if err != nil {
		w.syntax(err)
		return false
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		w.add(CodeNotObject, "", "Le fichier doit contenir un objet JSON (qui commence par « { »), pas "+oracleJsonKind(tok)+".")
		return false
	}
	if !w.object(t, "") {
		return false
	}
	if _, err := w.dec.Token(); err != io.EOF {
		w.add(CodeTrailingData, "", fmt.Sprintf(
			"Le fichier contient des données après la fin du dossier (%s). Un fichier ne doit contenir qu'un seul dossier.",
			w.position(w.dec.InputOffset())))
		return false
	}
	return true
}

func (w *oracleWalker) syntax(err error) {
	var se *json.SyntaxError
	msg := "Le fichier n'est pas un JSON valide"
	if errors.As(err, &se) {
		msg += " (" + w.position(se.Offset) + ")"
	} else if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg += " : il s'arrête avant la fin du dossier"
	}
	w.add(CodeSyntax, "", msg+". Il a peut-être été tronqué ou modifié à la main.")
}

func (w *oracleWalker) position(offset int64) string {
	if offset > int64(len(w.data)) {
		offset = int64(len(w.data))
	}
	line := 1 + bytes.Count(w.data[:offset], []byte("\n"))
	col := offset - int64(bytes.LastIndexByte(w.data[:offset], '\n'))
	return fmt.Sprintf("ligne %d, colonne %d", line, col)
}

// object walks the members of an object whose '{' was read, against the
// fields of struct type t.
func (w *oracleWalker) object(t reflect.Type, path string) bool {
	info := oracleStructInfoOf(t)
	return w.members(path, func(key, p string) bool {
		f, ok := info.fields[key]
		if !ok {
			if w.full() {
				w.dropped++ // counted; its message (a spelling suggestion) is not worth computing
			} else {
				w.add(CodeUnknownField, Truncate(p, MaxPathEcho), oracleUnknownKeyMessage(key, info))
			}
			return w.skip()
		}
		return w.value(f.typ, f, p)
	})
}

// mapMembers walks the members of an object decoded into a map.
func (w *oracleWalker) mapMembers(t reflect.Type, f *oracleFieldInfo, path string) bool {
	return w.members(path, func(_, p string) bool { return w.value(t.Elem(), f.item(), p) })
}

// members reads the keys of an object whose '{' was read, reports a key seen
// twice, calls each for its value, and reads the closing '}'.
func (w *oracleWalker) members(path string, each func(key, p string) bool) bool {
	seen := make(map[string]bool)
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			w.syntax(err)
			return false
		}
		key, _ := tok.(string)
		p := path + "/" + PointerEscape(key)
		if seen[key] {
			w.add(CodeDuplicateKey, p, fmt.Sprintf("La clé « %s » apparaît deux fois dans le même objet ; ne gardez qu'une des deux valeurs.", key))
		}
		seen[key] = true
		if !each(key, p) {
			return false
		}
	}
	return w.closing()
}

// closing reads the '}' or ']' that ends a container.
func (w *oracleWalker) closing() bool {
	if _, err := w.dec.Token(); err != nil {
		w.syntax(err)
		return false
	}
	return true
}

// value walks one value expected to be of type t.
func (w *oracleWalker) value(t reflect.Type, f *oracleFieldInfo, path string) bool {
	tok, err := w.dec.Token()
	if err != nil {
		w.syntax(err)
		return false
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == oracleRawMessageType || t.Kind() == reflect.Interface {
		return w.rest(tok)
	}
	switch v := tok.(type) {
	case nil:
		w.add(CodeNull, path, fmt.Sprintf("%s : la valeur null n'est pas acceptée. Si vous ne connaissez pas la réponse, retirez simplement cette clé.", f.label(path)))
		return true
	case json.Delim:
		switch {
		case v == '{' && t.Kind() == reflect.Struct:
			return w.object(t, path)
		case v == '{' && t.Kind() == reflect.Map && t.Key().Kind() == reflect.String:
			return w.mapMembers(t, f, path)
		case v == '[' && t.Kind() == reflect.Slice:
			for i := 0; w.dec.More(); i++ {
				if !w.value(t.Elem(), f.item(), path+"/"+strconv.Itoa(i)) {
					return false
				}
			}
			return w.closing()
		}
		w.typeMismatch(t, f, path, tok)
		return w.rest(tok)
	case string:
		if t.Kind() != reflect.String {
			w.typeMismatch(t, f, path, tok)
		} else if v == "" && f.coded {
			w.add(CodeEmpty, path, fmt.Sprintf("%s : la valeur est vide. Si vous ne connaissez pas la réponse, retirez simplement cette clé.", f.label(path)))
		}
	case bool:
		if t.Kind() != reflect.Bool {
			w.typeMismatch(t, f, path, tok)
		}
	case json.Number:
		w.number(t, f, path, v)
	}
	return true
}

func (w *oracleWalker) number(t reflect.Type, f *oracleFieldInfo, path string, n json.Number) {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		// As in JSON Schema, an integer is a number without a fractional
		// part, however written: 1000, 1000.0 and 1e3 are the same.
		text, whole, tooBig := oracleIntegerText(n.String())
		if _, err := strconv.ParseFloat(n.String(), 64); err != nil {
			// Beyond any float (1e400): no number for a JSON Schema
			// validator either, which reads it as infinity.
			whole = false
		}
		switch {
		case !whole:
			w.addValue(CodeType, path, fmt.Sprintf("%s : un nombre entier est attendu, et non %s.", f.label(path), Truncate(n.String(), 40)), n)
			return
		case tooBig:
			w.addValue(CodeNumber, path, fmt.Sprintf("%s : le nombre %s est bien trop grand.", f.label(path), Truncate(n.String(), 40)), n)
			return
		}
		i, err := strconv.ParseInt(text, 10, 64)
		if err != nil || reflect.Zero(t).OverflowInt(i) {
			w.addValue(CodeNumber, path, fmt.Sprintf("%s : le nombre %s est bien trop grand.", f.label(path), Truncate(n.String(), 40)), n)
			return
		}
		if text != n.String() {
			// encoding/json decodes only plain digits into an int: the
			// document it reads gets the number written so.
			end := int(w.dec.InputOffset())
			w.rewrites = append(w.rewrites, oracleRewrite{start: end - len(n.String()), end: end, text: text})
		}
	case reflect.Float32, reflect.Float64:
		x, err := strconv.ParseFloat(n.String(), 64)
		if err != nil || math.IsInf(x, 0) || reflect.Zero(t).OverflowFloat(x) {
			w.addValue(CodeNumber, path, fmt.Sprintf("%s : le nombre %s est bien trop grand.", f.label(path), Truncate(n.String(), 40)), n)
		} else if x == 0 && !zeroLiteral(n.String()) {
			w.addValue(CodeNumber, path, tooSmall(f.label(path), n.String()), n)
		}
	default:
		w.typeMismatch(t, f, path, n)
	}
}

// rest consumes what remains of a value whose first token was tok.
func (w *oracleWalker) rest(tok json.Token) bool {
	d, ok := tok.(json.Delim)
	if !ok || d == '}' || d == ']' {
		return true
	}
	for depth := 1; depth > 0; {
		tok, err := w.dec.Token()
		if err != nil {
			w.syntax(err)
			return false
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return true
}

// skip consumes one whole value.
func (w *oracleWalker) skip() bool {
	tok, err := w.dec.Token()
	if err != nil {
		w.syntax(err)
		return false
	}
	return w.rest(tok)
}

func (w *oracleWalker) typeMismatch(t reflect.Type, f *oracleFieldInfo, path string, tok json.Token) {
	w.addValue(CodeType, path, fmt.Sprintf("%s : il faut %s, et non %s.", f.label(path), oracleGoKind(t), oracleJsonKind(tok)), tok)
}

func oracleGoKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "un texte (entre guillemets)"
	case reflect.Bool:
		return "true (oui) ou false (non)"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "un nombre entier"
	case reflect.Float32, reflect.Float64:
		return "un nombre"
	case reflect.Slice, reflect.Array:
		return "une liste (entre crochets)"
	default:
		return "un objet (entre accolades)"
	}
}

func oracleJsonKind(tok json.Token) string {
	switch v := tok.(type) {
	case string:
		return "le texte « " + Truncate(v, 40) + " »"
	case json.Number:
		return "le nombre " + Truncate(v.String(), 40)
	case bool:
		return "la valeur " + strconv.FormatBool(v)
	case nil:
		return "null"
	case json.Delim:
		if v == '[' {
			return "une liste"
		}
		return "un objet"
	}
	return "une valeur inattendue"
}

// oracleFieldInfo describes one JSON key of a struct for the oracleWalker.
type oracleFieldInfo struct {
	typ    reflect.Type
	title  string // French label, from the title tag
	coded  bool   // an optional enumeration, date or code: "" is refused
	isItem bool
}

func (f *oracleFieldInfo) item() *oracleFieldInfo {
	if f == nil {
		return nil
	}
	return &oracleFieldInfo{title: f.title, isItem: true}
}

// label returns the French name of the field for a message.
func (f *oracleFieldInfo) label(path string) string {
	if f == nil || f.title == "" {
		return "La valeur en " + path
	}
	if f.isItem {
		i := path[strings.LastIndexByte(path, '/')+1:]
		if n, err := strconv.Atoi(i); err == nil {
			return fmt.Sprintf("« %s » (élément n° %d)", f.title, n+1)
		}
		return fmt.Sprintf("« %s » (clé « %s »)", f.title, i)
	}
	return "« " + f.title + " »"
}

type oracleStructInfo struct {
	fields map[string]*oracleFieldInfo
	keys   []string
}

var oracleStructInfos sync.Map // reflect.Type -> *oracleStructInfo

func oracleStructInfoOf(t reflect.Type) *oracleStructInfo {
	if si, ok := oracleStructInfos.Load(t); ok {
		return si.(*oracleStructInfo)
	}
	// The module's types are described at their first use; a tag the
	// description does not know is a programming error, which tests catch.
	desc := model.MustDescribe(t)
	si := &oracleStructInfo{fields: make(map[string]*oracleFieldInfo)}
	for _, f := range desc.Fields {
		// An optional enumeration, date or code refuses "": a required one
		// leaves it to the validator's "required" message.
		coded := f.Optional && f.Coded()
		si.fields[f.Key] = &oracleFieldInfo{typ: f.Declared, title: f.Title, coded: coded}
		si.keys = append(si.keys, f.Key)
	}
	v, _ := oracleStructInfos.LoadOrStore(t, si)
	return v.(*oracleStructInfo)
}

func oracleUnknownKeyMessage(key string, info *oracleStructInfo) string {
	msg := fmt.Sprintf("La clé « %s » n'est pas prévue à cet endroit du format", Truncate(key, 60))
	best, bestDist := "", 4
	for _, k := range info.keys {
		if d := oracleEditDistance(strings.ToLower(key), strings.ToLower(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return msg + fmt.Sprintf(" : vouliez-vous écrire « %s » ?", best)
	}
	return msg + " ; elle est peut-être mal orthographiée ou vient d'une autre version du format."
}

// oracleEditDistance is the Levenshtein distance between two short strings.
func oracleEditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 64
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
