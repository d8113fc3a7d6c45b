package wellformed

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/clsmkit/go-clsm/internal/model"
)

// MaxSize is the largest document, in bytes, that [Decode] reads. A dossier
// is a few kilobytes; one megabyte leaves room for a large intercommunal
// territory and long free texts while bounding the work a malicious input
// can cause.
const MaxSize = 1 << 20

// maxDepth is how deeply json.Unmarshal lets objects and lists nest (its
// scanner's maxNestingDepth): a document nested deeper is not decoded.
const maxDepth = 10000

// Decode decodes the JSON document data into v, which must be a pointer
// to a zero struct, refusing what encoding/json lets through: unknown keys,
// duplicate keys, null, "" for coded fields (an enumeration, a date, a code),
// numbers out of range, values of the wrong type and data after the document.
// It reports every such problem with its JSON Pointer and a French message.
// Unless the document is not one JSON object at all, v holds what could be
// decoded, so that the caller can validate the rest. It is what clsm.Parse
// uses for dossiers, and the labels package for referentials.
//
// v holds what json.Unmarshal would put in it: keys matched without regard
// to case (an unknown key, reported as such, still sets the field it
// matches), the last of two values for one key, nothing for a value of the
// wrong type (but the pointer that would have held it), null clearing a
// pointer, a list or a map. Decode reads the document once, finding the
// problems and storing the values as it goes; it supports the kinds the
// module's documents use (structs without embedded fields, pointers, lists,
// maps with string keys, texts, booleans, integers, floating-point numbers
// and json.RawMessage) and panics on a type with others, or with its own
// UnmarshalJSON or UnmarshalText.
func Decode(data []byte, v any) Problems {
	if len(data) > MaxSize {
		return Problems{TooLarge(len(data))}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Problems{{Code: CodeSyntax, Message: "Le fichier est vide : il ne contient aucun dossier."}}
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		panic("wellformed.Decode: v must be a non-nil pointer to a struct") // programmer error, not input
	}
	root := rv.Elem()
	if !root.IsZero() {
		panic("wellformed.Decode: v must point to a zero struct") // programmer error, not input
	}
	p := planOf(root.Type())
	d := &decoder{data: data}
	d.path = d.pathBuf[:0]
	d.space()
	if d.data[d.pos] != '{' {
		// Not an object (or not JSON): one problem, as json.Decoder sees it.
		d.notObject()
		return d.result()
	}
	if !d.object(root, p, false) {
		// The problems of what came before, and where the JSON breaks,
		// as json.Decoder.Token finds it.
		d.syntax(tokenError(data))
		root.SetZero()
		return d.result()
	}
	if d.space(); d.pos < len(d.data) {
		d.add(CodeTrailingData, "", fmt.Sprintf(
			"Le fichier contient des données après la fin du dossier (%s). Un fichier ne doit contenir qu'un seul dossier.",
			position(data, trailingOffset(data))))
		root.SetZero()
		return d.result()
	}
	if d.tooDeep {
		// json.Unmarshal refuses a document nested deeper than it reads,
		// and leaves v as it was.
		root.SetZero()
	}
	if (d.tooDeep || d.typeErr) && len(d.problems) == 0 {
		// json.Unmarshal fails, and the walk saw nothing wrong: only
		// nesting too deep in a raw value does it (a value of the wrong
		// type is always a problem too). Its error is the message.
		if err := json.Unmarshal(data, reflect.New(root.Type()).Interface()); err != nil {
			return Problems{nestedTooDeep()}
		}
	}
	return d.result()
}

// MaxPathEcho bounds, in characters, the path of an unknown key that a
// problem echoes: a key of 900 000 characters is named by its first ones,
// and « … ».
const MaxPathEcho = 200

// nestedTooDeep is the problem of a document that encoding/json refuses
// although the walk found nothing wrong: a raw value (a rule's parameter)
// nested deeper than the 10 000 levels it reads.
func nestedTooDeep() Problem {
	return Problem{Code: CodeType, Message: "Le fichier n'a pas pu être lu\u00a0: une valeur y est imbriquée sur plus de 10\u202f000 niveaux (des crochets ou des accolades ouverts les uns dans les autres). Vérifiez qu'il s'agit bien du bon fichier."}
}

// TooLarge is the problem of a document of size bytes, over [MaxSize]. A
// reader that stops one byte past MaxSize gives MaxSize+1 bytes whatever the
// file's size: for that size the message says « plus de », which is true of
// both.
func TooLarge(size int) Problem {
	told := Digits(strconv.Itoa(size), true) + "\u00a0octets"
	if size == MaxSize+1 {
		told = "plus de " + Digits(strconv.Itoa(MaxSize), true) + "\u00a0octets"
	}
	return Problem{Code: CodeTooLarge, Param: strconv.Itoa(MaxSize), Value: strconv.Itoa(size), Message: fmt.Sprintf(
		"Le fichier fait %s\u00a0: c'est plus que la taille maximale acceptée (%s\u00a0octets). Vérifiez qu'il s'agit bien du bon fichier.",
		told, Digits(strconv.Itoa(MaxSize), true))}
}

// decoder reads one document: the problems it finds, where it is, and the
// JSON Pointer of the value being read, kept as a list of steps and
// written only for a problem.
type decoder struct {
	data     []byte
	pos      int
	depth    int // objects and lists open around pos
	problems Problems
	dropped  int      // problems past MaxProblems, counted, not kept
	path     []step   // where the value being read is
	nesting  []byte   // '{' or '[' for each container being skipped
	tooDeep  bool     // more than maxDepth containers open at once
	typeErr  bool     // json.Unmarshal would have failed on a value
	scratch  [64]byte // a key being folded
	pathBuf  [16]step // path's first steps
}

// step is one reference token of a JSON Pointer: a key, escaped (index is
// -1), or the index of an item.
type step struct {
	key   string
	index int
}

// seenKeys are the keys of one object read so far.
type seenKeys struct {
	fields uint64          // the fields seen, by index, up to 64
	keys   map[string]bool // the other keys seen
}

func (d *decoder) push(s step) { d.path = append(d.path, s) }
func (d *decoder) pop()        { d.path = d.path[:len(d.path)-1] }

// pointer writes the JSON Pointer of the value being read.
func (d *decoder) pointer() string {
	var b strings.Builder
	for _, s := range d.path {
		b.WriteByte('/')
		if s.index >= 0 {
			b.WriteString(strconv.Itoa(s.index))
		} else {
			b.WriteString(s.key)
		}
	}
	return b.String()
}

func (d *decoder) add(code, path, msg string) {
	d.addProblem(Problem{Code: code, Path: path, Message: msg})
}

// addValue adds a problem about the single value tok (a text, a number, a
// boolean), which it shows in [Problem.Value].
func (d *decoder) addValue(code, path, msg string, tok json.Token) {
	p := Problem{Code: code, Path: path, Message: msg}
	switch v := tok.(type) {
	case string:
		p.Value = Value(v)
	case json.Number:
		p.Value = Value(v.String())
	case bool:
		p.Value = strconv.FormatBool(v)
	}
	d.addProblem(p)
}

func (d *decoder) addProblem(p Problem) {
	if len(d.problems) < MaxProblems {
		d.problems = append(d.problems, p)
		return
	}
	d.dropped++
}

// full reports whether no more problems are kept.
func (d *decoder) full() bool { return len(d.problems) >= MaxProblems }

// result is the decoder's problems, with the count of those left out.
func (d *decoder) result() Problems {
	if d.dropped == 0 {
		return d.problems
	}
	return append(d.problems, TooMany(d.dropped))
}

// notObject reports a document whose first token is not '{'.
func (d *decoder) notObject() {
	dec := json.NewDecoder(bytes.NewReader(d.data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		d.syntax(err)
		return
	}
	d.add(CodeNotObject, "", "Le fichier doit contenir un objet JSON (qui commence par « { »), pas "+jsonKind(tok)+".")
}

func (d *decoder) syntax(err error) {
	var se *json.SyntaxError
	msg := "Le fichier n'est pas un JSON valide"
	if errors.As(err, &se) {
		msg += " (" + position(d.data, se.Offset) + ")"
	} else if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg += " : il s'arrête avant la fin du dossier"
	}
	d.add(CodeSyntax, "", msg+". Il a peut-être été tronqué ou modifié à la main.")
}

// tokenError is the error json.Decoder.Token meets first in data, which the
// decoder found is not JSON: where it says the JSON breaks (its offsets
// are its own, and the messages have always used them).
func tokenError(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		if _, err := dec.Token(); err != nil {
			return err
		}
	}
}

// trailingOffset is where json.Decoder is once it has read the first object
// of data and the token after it: the position the trailing-data message
// gives.
func trailingOffset(data []byte) int64 {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for depth := 0; ; {
		tok, err := dec.Token()
		if err != nil {
			break // cannot happen: the decoder read this object whole
		}
		if delim, ok := tok.(json.Delim); ok {
			if delim == '{' || delim == '[' {
				depth++
			} else {
				depth--
			}
		}
		if depth == 0 {
			break
		}
	}
	_, _ = dec.Token()
	return dec.InputOffset()
}

func position(data []byte, offset int64) string {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	line := 1 + bytes.Count(data[:offset], []byte("\n"))
	col := offset - int64(bytes.LastIndexByte(data[:offset], '\n'))
	return fmt.Sprintf("ligne %d, colonne %d", line, col)
}

// space skips white space.
func (d *decoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\r', '\n':
			d.pos++
		default:
			return
		}
	}
}

// afterMember reads what follows a member of an object: a comma (more is
// true) or the closing brace (the object is done: more is false, ok true);
// ok is false for anything else.
func (d *decoder) afterMember() (more, ok bool) {
	switch d.next() {
	case ',':
		d.pos++
		return true, true
	case '}':
		d.pos++
		d.depth--
		return false, true
	}
	return false, false
}

// next skips white space and returns the byte there, or 0 at the end.
func (d *decoder) next() byte {
	d.space()
	if d.pos < len(d.data) {
		return d.data[d.pos]
	}
	return 0
}

// open counts a container opened at d.pos.
func (d *decoder) open() {
	d.pos++
	d.depth++
	if d.depth > maxDepth {
		d.tooDeep = true
	}
}

// object reads an object into the struct v (of plan p), whose '{' is at
// d.pos. Quiet, it only stores values, as json.Unmarshal does below a key
// the walk does not know; otherwise it reports the problems. It returns
// false when the JSON breaks.
func (d *decoder) object(v reflect.Value, p *plan, quiet bool) bool {
	d.open()
	if d.next() == '}' {
		d.pos++
		d.depth--
		return true
	}
	var seen seenKeys
	for {
		if d.next() != '"' {
			return false
		}
		raw, unquoted, ok := d.str()
		if !ok {
			return false
		}
		f, known := p.field(raw, unquoted)
		if !quiet && seen.add(f, known, raw, unquoted) {
			key := text(raw, unquoted)
			d.push(step{key: PointerEscape(key), index: -1})
			d.add(CodeDuplicateKey, d.pointer(), fmt.Sprintf("La clé « %s » apparaît deux fois dans le même objet ; ne gardez qu'une des deux valeurs.", key))
			d.pop()
		}
		if known {
			if !d.colon() {
				return false
			}
			fp := &p.fields[f]
			d.push(step{key: fp.step, index: -1})
			ok = d.value(v.Field(fp.index), fp.plan, &fp.info, quiet)
			d.pop()
		} else {
			key := text(raw, unquoted)
			if !quiet {
				if d.full() {
					d.dropped++ // counted; its message (a spelling suggestion) is not worth computing
				} else {
					d.push(step{key: PointerEscape(key), index: -1})
					d.add(CodeUnknownField, Truncate(d.pointer(), MaxPathEcho), unknownKeyMessage(key, p.keys))
					d.pop()
				}
			}
			if !d.colon() {
				return false
			}
			// json.Unmarshal matches keys without regard to case: the
			// value goes into the field of that name, silently.
			if g, folded := p.folded[string(appendFoldedName(d.scratch[:0], []byte(key)))]; folded {
				fp := &p.fields[g]
				ok = d.value(v.Field(fp.index), fp.plan, nil, true)
			} else {
				ok = d.skip()
			}
		}
		if !ok {
			return false
		}
		if more, ok := d.afterMember(); !more {
			return ok
		}
	}
}

// add records a key and reports whether it was seen before: f, when known,
// is the key's field.
func (s *seenKeys) add(f int, known bool, raw []byte, unquoted string) bool {
	if known && f < 64 {
		bit := uint64(1) << f
		dup := s.fields&bit != 0
		s.fields |= bit
		return dup
	}
	if s.keys == nil {
		s.keys = make(map[string]bool)
	}
	key := text(raw, unquoted)
	dup := s.keys[key]
	s.keys[key] = true
	return dup
}

// mapObject reads an object into the map v (of plan p, string keys), whose
// '{' is at d.pos; f describes the map's field.
func (d *decoder) mapObject(v reflect.Value, p *plan, f *fieldInfo, quiet bool) bool {
	d.open()
	if d.next() == '}' {
		d.pos++
		d.depth--
		return true
	}
	var seen map[string]bool
	elem := reflect.New(p.elem.typ).Elem()
	first := true
	for {
		if d.next() != '"' {
			return false
		}
		raw, unquoted, ok := d.str()
		if !ok {
			return false
		}
		key := text(raw, unquoted)
		d.push(step{key: PointerEscape(key), index: -1})
		if !quiet {
			if seen == nil {
				seen = make(map[string]bool)
			}
			if seen[key] {
				d.add(CodeDuplicateKey, d.pointer(), fmt.Sprintf("La clé « %s » apparaît deux fois dans le même objet ; ne gardez qu'une des deux valeurs.", key))
			}
			seen[key] = true
		}
		if !d.colon() {
			return false
		}
		if !first {
			elem.SetZero()
		}
		first = false
		var item *fieldInfo
		if f != nil {
			item = f.itemInfo
		}
		if !d.value(elem, p.elem, item, quiet) {
			return false
		}
		d.pop()
		kv := reflect.New(p.base.Key()).Elem()
		kv.SetString(key)
		v.SetMapIndex(kv, elem)
		if more, ok := d.afterMember(); !more {
			return ok
		}
	}
}

// array reads a list into the slice v (of plan p), whose '[' is at d.pos,
// growing it as json.Unmarshal does, so that the items a doubled key left
// are reused alike.
func (d *decoder) array(v reflect.Value, p *plan, f *fieldInfo, quiet bool) bool {
	d.open()
	i := 0
	if d.next() == ']' {
		d.pos++
	} else {
		var item *fieldInfo
		if f != nil {
			item = f.itemInfo
		}
		for {
			if i >= v.Cap() {
				v.Grow(1)
			}
			if i >= v.Len() {
				v.SetLen(i + 1)
			}
			d.push(step{index: i})
			ok := d.value(v.Index(i), p.elem, item, quiet)
			d.pop()
			if !ok {
				return false
			}
			i++
			c := d.next()
			if c == ']' {
				d.pos++
				break
			}
			if c != ',' {
				return false
			}
			d.pos++
		}
	}
	d.depth--
	if i < v.Len() {
		v.SetLen(i)
	}
	if i == 0 {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
	return true
}

// colon reads the ':' after a key.
func (d *decoder) colon() bool {
	if d.next() != ':' {
		return false
	}
	d.pos++
	return true
}

// indirect allocates the pointers of v (of plan p) that are nil, as
// json.Unmarshal does before it looks at a value, and returns what they
// point to.
func indirect(v reflect.Value, p *plan) reflect.Value {
	for range p.ptrs {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	return v
}

// value reads one value into v, of plan p; f describes the field for the
// messages (nil when quiet).
func (d *decoder) value(v reflect.Value, p *plan, f *fieldInfo, quiet bool) bool {
	c := d.next()
	if p.kind == kindRaw {
		start := d.pos
		if !d.skip() {
			return false
		}
		v.SetBytes(append(v.Bytes()[:0], d.data[start:d.pos]...))
		return true
	}
	switch c {
	case 'n':
		if !d.literal("null") {
			return false
		}
		if !quiet {
			d.add(CodeNull, d.pointer(), fmt.Sprintf("%s : la valeur null n'est pas acceptée. Si vous ne connaissez pas la réponse, retirez simplement cette clé.", f.label(d.pointer())))
		}
		if p.ptrs > 0 || p.kind == kindSlice || p.kind == kindMap {
			v.SetZero()
		}
		return true
	case '{':
		switch p.kind {
		case kindStruct:
			return d.object(indirect(v, p), p, quiet)
		case kindMap:
			m := indirect(v, p)
			if m.IsNil() {
				m.Set(reflect.MakeMap(p.base))
			}
			return d.mapObject(m, p, f, quiet)
		}
		d.mismatch(v, p, f, json.Delim('{'), quiet)
		return d.skip()
	case '[':
		if p.kind == kindSlice {
			return d.array(indirect(v, p), p, f, quiet)
		}
		d.mismatch(v, p, f, json.Delim('['), quiet)
		return d.skip()
	case '"':
		raw, unquoted, ok := d.str()
		if !ok {
			return false
		}
		s := text(raw, unquoted)
		if p.kind != kindString {
			d.mismatch(v, p, f, s, quiet)
			return true
		}
		if !quiet && s == "" && f.coded {
			d.add(CodeEmpty, d.pointer(), fmt.Sprintf("%s : la valeur est vide. Si vous ne connaissez pas la réponse, retirez simplement cette clé.", f.label(d.pointer())))
		}
		indirect(v, p).SetString(s)
		return true
	case 't', 'f':
		b := c == 't'
		if !d.literal(strconv.FormatBool(b)) {
			return false
		}
		if p.kind != kindBool {
			d.mismatch(v, p, f, b, quiet)
			return true
		}
		indirect(v, p).SetBool(b)
		return true
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		lit, ok := d.number()
		if !ok {
			return false
		}
		d.storeNumber(v, p, f, lit, quiet)
		return true
	}
	return false
}

// mismatch reports a value of the wrong JSON type, which json.Unmarshal
// does not store, though it allocates the pointers that would have held it.
func (d *decoder) mismatch(v reflect.Value, p *plan, f *fieldInfo, tok json.Token, quiet bool) {
	if !quiet {
		path := d.pointer()
		d.addValue(CodeType, path, fmt.Sprintf("%s : il faut %s, et non %s.", f.label(path), goKind(p.base), jsonKind(tok)), tok)
	}
	indirect(v, p)
	d.typeErr = true
}

// storeNumber checks and stores the number literal lit.
func (d *decoder) storeNumber(v reflect.Value, p *plan, f *fieldInfo, lit string, quiet bool) {
	switch p.kind {
	case kindInt:
		e := indirect(v, p)
		if !quiet {
			// As in JSON Schema, an integer is a number without a
			// fractional part, however written: 1000, 1000.0 and 1e3
			// are the same.
			text, whole, tooBig := integerText(lit)
			if _, err := strconv.ParseFloat(lit, 64); err != nil {
				// Beyond any float (1e400): no number for a JSON Schema
				// validator either, which reads it as infinity.
				whole = false
			}
			path := d.pointer()
			switch {
			case !whole:
				d.addValue(CodeType, path, fmt.Sprintf("%s : un nombre entier est attendu, et non %s.", f.label(path), Truncate(lit, 40)), json.Number(lit))
			case tooBig:
				d.addValue(CodeNumber, path, fmt.Sprintf("%s : le nombre %s est bien trop grand.", f.label(path), Truncate(lit, 40)), json.Number(lit))
			default:
				i, err := strconv.ParseInt(text, 10, 64)
				if err == nil && !e.OverflowInt(i) {
					e.SetInt(i)
					return
				}
				d.addValue(CodeNumber, path, fmt.Sprintf("%s : le nombre %s est bien trop grand.", f.label(path), Truncate(lit, 40)), json.Number(lit))
			}
		}
		// json.Unmarshal reads plain digits only.
		i, err := strconv.ParseInt(lit, 10, 64)
		if err != nil || e.OverflowInt(i) {
			d.typeErr = true
			return
		}
		e.SetInt(i)
	case kindFloat:
		e := indirect(v, p)
		x, err := strconv.ParseFloat(lit, p.base.Bits())
		if !quiet {
			y, err64 := x, err
			if p.base.Bits() != 64 {
				y, err64 = strconv.ParseFloat(lit, 64)
			}
			if err64 != nil || math.IsInf(y, 0) || e.OverflowFloat(y) {
				path := d.pointer()
				d.addValue(CodeNumber, path, fmt.Sprintf("%s : le nombre %s est bien trop grand.", f.label(path), Truncate(lit, 40)), json.Number(lit))
			} else if y == 0 && !zeroLiteral(lit) {
				path := d.pointer()
				d.addValue(CodeNumber, path, tooSmall(f.label(path), Truncate(lit, 40)), json.Number(lit))
			}
		}
		if err != nil || e.OverflowFloat(x) {
			d.typeErr = true
			return
		}
		e.SetFloat(x)
	default:
		d.mismatch(v, p, f, json.Number(lit), quiet)
	}
}

// str reads the JSON text (a key or a value) at d.pos. When its content
// needs no unquoting, raw is that content (not nil, though maybe empty);
// otherwise raw is nil and unquoted is the text.
func (d *decoder) str() (raw []byte, unquoted string, ok bool) {
	start := d.pos
	escaped, ascii, ok := d.scan()
	if !ok {
		return nil, "", false
	}
	lit := d.data[start:d.pos]
	if content := lit[1 : len(lit)-1]; !escaped && (ascii || utf8.Valid(content)) {
		return content, "", true
	}
	// Escapes, or invalid UTF-8 to replace: json.Unmarshal unquotes it,
	// exactly as it always did.
	var s string
	if err := json.Unmarshal(lit, &s); err != nil {
		return nil, "", false // cannot happen: scan checked the text
	}
	return nil, s, true
}

// scan moves past the JSON text at d.pos, checking it; escaped says it has
// escapes, ascii that all its bytes are ASCII.
func (d *decoder) scan() (escaped, ascii, ok bool) {
	ascii = true
	for i := d.pos + 1; i < len(d.data); {
		// Most bytes are plain: pass them quickly.
		for i < len(d.data) && plainByte[d.data[i]] {
			i++
		}
		if i >= len(d.data) {
			break
		}
		switch c := d.data[i]; {
		case c == '"':
			d.pos = i + 1
			return escaped, ascii, true
		case c == '\\':
			escaped = true
			i++
			if i >= len(d.data) {
				return false, false, false
			}
			switch d.data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i++
			case 'u':
				i++
				for range 4 {
					if i >= len(d.data) || !isHex(d.data[i]) {
						return false, false, false
					}
					i++
				}
			default:
				return false, false, false
			}
		case c < 0x20:
			return false, false, false
		default:
			if c >= utf8.RuneSelf {
				ascii = false
			}
			i++
		}
	}
	return false, false, false
}

// plainByte tells the bytes a JSON text holds as they are: not a quote, a
// backslash, a control character or a byte of a multi-byte character.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// text is what str read, as a string.
func text(raw []byte, unquoted string) string {
	if raw != nil {
		return string(raw)
	}
	return unquoted
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// number reads the number literal at d.pos.
func (d *decoder) number() (string, bool) {
	start, i := d.pos, d.pos
	digits := func() int {
		n := 0
		for i < len(d.data) && '0' <= d.data[i] && d.data[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if d.data[i] == '-' {
		i++
	}
	switch {
	case i >= len(d.data):
		return "", false
	case d.data[i] == '0':
		i++
	case '1' <= d.data[i] && d.data[i] <= '9':
		digits()
	default:
		return "", false
	}
	if i < len(d.data) && d.data[i] == '.' {
		i++
		if digits() == 0 {
			return "", false
		}
	}
	if i < len(d.data) && (d.data[i] == 'e' || d.data[i] == 'E') {
		i++
		if i < len(d.data) && (d.data[i] == '+' || d.data[i] == '-') {
			i++
		}
		if digits() == 0 {
			return "", false
		}
	}
	d.pos = i
	return string(d.data[start:i]), true
}

// literal reads the word (true, false, null) at d.pos.
func (d *decoder) literal(word string) bool {
	if !bytes.HasPrefix(d.data[d.pos:], []byte(word)) {
		return false
	}
	d.pos += len(word)
	return true
}

// skip reads one whole value without storing it, checking its syntax.
func (d *decoder) skip() bool {
	base := len(d.nesting)
	for {
		// A value.
		switch c := d.next(); c {
		case '{', '[':
			d.open()
			closing := byte('}')
			if c == '[' {
				closing = ']'
			}
			if d.next() != closing {
				d.nesting = append(d.nesting, c)
				if c == '{' && !d.skipKey() {
					return false
				}
				continue
			}
			d.pos++
			d.depth--
		case '"':
			if !d.scanString() {
				return false
			}
		case 't':
			if !d.literal("true") {
				return false
			}
		case 'f':
			if !d.literal("false") {
				return false
			}
		case 'n':
			if !d.literal("null") {
				return false
			}
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			if _, ok := d.number(); !ok {
				return false
			}
		default:
			return false
		}
		// After a value: close containers, or go on to the next value.
		for {
			if len(d.nesting) == base {
				return true
			}
			open := d.nesting[len(d.nesting)-1]
			c := d.next()
			if c == ',' {
				d.pos++
				if open == '{' && !d.skipKey() {
					return false
				}
				break
			}
			if open == '{' && c == '}' || open == '[' && c == ']' {
				d.pos++
				d.depth--
				d.nesting = d.nesting[:len(d.nesting)-1]
				continue
			}
			return false
		}
	}
}

// skipKey reads a key and its colon, while skipping.
func (d *decoder) skipKey() bool {
	if d.next() != '"' {
		return false
	}
	if !d.scanString() {
		return false
	}
	return d.colon()
}

// scanString checks the JSON text at d.pos and moves past it.
func (d *decoder) scanString() bool {
	_, _, ok := d.scan()
	return ok
}

// maxIntDigits bounds the digits of an integer worth computing: more than
// int64 holds is « bien trop grand ».
const maxIntDigits = 19

// integerText reads a JSON number literal exactly (no rounding through
// float64) and tells whether it is a whole number, whether it has more
// digits than an int64 holds, and, for a whole number that fits, its plain
// decimal writing ("-1000" for "-1.0e3").
func integerText(lit string) (text string, whole, tooBig bool) {
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
	if len(digits)+exp > maxIntDigits {
		return "", true, true
	}
	text = digits + strings.Repeat("0", exp)
	if neg {
		text = "-" + text
	}
	return text, true, false
}

func goKind(t reflect.Type) string {
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

func jsonKind(tok json.Token) string {
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

// fieldInfo describes one JSON key of a struct, or the items of its list
// or map, for the messages.
type fieldInfo struct {
	title    string     // French label, from the title tag
	coded    bool       // an optional enumeration, date or code: "" is refused
	isItem   bool       // the items of a list or the values of a map
	itemInfo *fieldInfo // the same for the items (nil for an item's)
}

// label returns the French name of the field for a message.
func (f *fieldInfo) label(path string) string {
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

// The kinds of value a plan reads.
const (
	kindString = iota
	kindBool
	kindInt
	kindFloat
	kindStruct
	kindMap
	kindSlice
	kindRaw // json.RawMessage
)

// plan is how the decoder reads a value of one Go type: its kind under
// its pointers, its items' plan, its fields.
type plan struct {
	typ  reflect.Type // as declared
	base reflect.Type // without its pointers
	ptrs int
	kind int
	elem *plan // a list's items, a map's values

	// A struct's fields, in declaration order (the order of the
	// suggestions), found by their exact key or, as json.Unmarshal also
	// does, by their key folded (the first field of that folded key).
	fields []planField
	exact  map[string]int
	folded map[string]int
	keys   []string
}

type planField struct {
	index int
	step  string // the key escaped for a JSON Pointer
	plan  *plan
	info  fieldInfo
}

// field returns the index of the field whose key str read.
func (p *plan) field(raw []byte, unquoted string) (int, bool) {
	if raw != nil {
		f, ok := p.exact[string(raw)] // no allocation for the lookup
		return f, ok
	}
	f, ok := p.exact[unquoted]
	return f, ok
}

var (
	plans   sync.Map // reflect.Type -> *plan, for the types given to Decode
	plansMu sync.Mutex

	rawMessageType      = reflect.TypeFor[json.RawMessage]()
	numberType          = reflect.TypeFor[json.Number]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// planOf returns the plan of struct type t, made once.
func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	plansMu.Lock()
	defer plansMu.Unlock()
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	p := makePlan(t, map[reflect.Type]*plan{})
	plans.Store(t, p)
	return p
}

// cannot panics: the decoder cannot read type t as json.Unmarshal would.
func cannot(t reflect.Type, why string) {
	panic(fmt.Sprintf("wellformed.Decode: cannot decode %s strictly: %s", t, why))
}

func makePlan(t reflect.Type, made map[reflect.Type]*plan) *plan {
	if p, ok := made[t]; ok {
		return p
	}
	p := &plan{typ: t, base: t}
	made[t] = p
	for p.base.Kind() == reflect.Pointer {
		p.base = p.base.Elem()
		p.ptrs++
	}
	if p.base == rawMessageType {
		if p.ptrs > 0 {
			cannot(t, "a pointer to json.RawMessage")
		}
		p.kind = kindRaw
		return p
	}
	if p.base == numberType {
		cannot(t, "json.Number")
	}
	for _, m := range []reflect.Type{p.base, reflect.PointerTo(p.base)} {
		if m.Implements(jsonUnmarshalerType) || m.Implements(textUnmarshalerType) {
			cannot(t, "it has its own UnmarshalJSON or UnmarshalText")
		}
	}
	switch p.base.Kind() {
	case reflect.String:
		p.kind = kindString
	case reflect.Bool:
		p.kind = kindBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		p.kind = kindInt
	case reflect.Float32, reflect.Float64:
		p.kind = kindFloat
	case reflect.Slice:
		if p.base.Elem().Kind() == reflect.Uint8 {
			cannot(t, "a list of bytes, which JSON writes in base64")
		}
		p.kind = kindSlice
		p.elem = makePlan(p.base.Elem(), made)
	case reflect.Map:
		k := p.base.Key()
		if k.Kind() != reflect.String || reflect.PointerTo(k).Implements(textUnmarshalerType) {
			cannot(t, "a map whose keys are not plain strings")
		}
		p.kind = kindMap
		p.elem = makePlan(p.base.Elem(), made)
	case reflect.Struct:
		p.kind = kindStruct
		makeFields(p, made)
	default:
		cannot(t, "its kind, "+p.base.Kind().String())
	}
	return p
}

// makeFields takes the fields of a struct from the model, which finds them
// as json.Unmarshal does (and refuses what this decoder does not handle: an
// embedded field, the option string, two fields of one key), with their
// titles.
func makeFields(p *plan, made map[reflect.Type]*plan) {
	t := p.base
	desc := model.MustDescribe(t)
	p.exact = map[string]int{}
	p.folded = map[string]int{}
	for n, df := range desc.Fields {
		key := df.Key
		fp := planField{index: df.Index[0], step: PointerEscape(key), plan: makePlan(df.Declared, made)}
		// An optional enumeration, date or code refuses "": a required one
		// leaves it to the validator's "required" message.
		fp.info = fieldInfo{title: df.Title, coded: df.Optional && df.Coded()}
		fp.info.itemInfo = &fieldInfo{title: df.Title, isItem: true}
		fp.info.itemInfo.itemInfo = fp.info.itemInfo
		p.exact[key] = n
		folded := string(appendFoldedName(nil, []byte(key)))
		if _, ok := p.folded[folded]; !ok {
			p.folded[folded] = n // the first field of a folded key wins
		}
		p.fields = append(p.fields, fp)
		p.keys = append(p.keys, key)
	}
}

// appendFoldedName is encoding/json's: it folds a key so that two keys
// fold alike exactly when bytes.EqualFold finds them equal.
func appendFoldedName(out, in []byte) []byte {
	for i := 0; i < len(in); {
		// Handle single-byte ASCII.
		if c := in[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			out = append(out, c)
			i++
			continue
		}
		// Handle multi-byte Unicode.
		r, n := utf8.DecodeRune(in[i:])
		out = utf8.AppendRune(out, foldRune(r))
		i += n
	}
	return out
}

// foldRune returns the smallest rune for all runes in the same fold set.
func foldRune(r rune) rune {
	for {
		r2 := unicode.SimpleFold(r)
		if r2 <= r {
			return r2
		}
		r = r2
	}
}

func unknownKeyMessage(key string, keys []string) string {
	msg := fmt.Sprintf("La clé « %s » n'est pas prévue à cet endroit du format", Truncate(key, 60))
	best, bestDist := "", 4
	for _, k := range keys {
		if d := editDistance(strings.ToLower(key), strings.ToLower(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best != "" {
		return msg + fmt.Sprintf(" : vouliez-vous écrire « %s » ?", best)
	}
	return msg + " ; elle est peut-être mal orthographiée ou vient d'une autre version du format."
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
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

// zeroLiteral reports whether the JSON number lit is written as zero (0,
// -0.0, 0e5…), as opposed to a number too close to zero for a float64,
// which strconv.ParseFloat rounds to 0 without an error (1e-400).
func zeroLiteral(lit string) bool {
	mantissa, _, _ := strings.Cut(strings.ToLower(lit), "e")
	return strings.Trim(mantissa, "-+0.") == ""
}

// tooSmall is the message for a number too close to zero to be read: it
// would be read as 0, and a message that said « valeur donnée : 0 » would
// name a value the file does not hold.
func tooSmall(label, lit string) string {
	return fmt.Sprintf("%s : le nombre %s est trop proche de zéro pour être lu (il serait lu comme 0) ; écrivez 0 ou la valeur voulue.", label, Truncate(lit, 40))
}
