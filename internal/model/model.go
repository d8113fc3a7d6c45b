// Package model is the one reflected description of the module's document
// types (the dossier first, and the referential and the report, which use the
// same tags). It walks a type once, caches the result, and says for every
// field its JSON key and pointer, its Go type, its French title and help, its
// show-if condition, and what its validate tag means: required-ness, numeric
// bounds with their exclusivity, length and count bounds, uniqueness, format
// and enumeration options, and, for a list, the same description of its
// items (the rules after "dive").
//
// The validate tag is parsed here and nowhere else. A rule this package does
// not know is an error of [Describe], so that a new tag is added here, once,
// before the validator's registration, the strict decoder, the questionnaire,
// the JSON Schema bridge and the tests can use it.
//
// The package lives at the module root, not under clsm/internal, because the
// assess and schema packages read it too, and Go's internal rule would hide
// clsm/internal from them. It imports nothing of the module (clsm imports
// it): enumerations are recognised by their methods, Options() and Valid(),
// Options returning a list of the option type clsm registers.
package model

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Tag is one rule name the validate tag may use.
type Tag struct {
	Name string
	// Structural tags (omitempty, omitnil, dive) carry no constraint of
	// their own and have no message.
	Structural bool
	// Custom tags are not the validator's own: package clsm registers a
	// function for each.
	Custom bool
	// Param says the rule takes a parameter (max=200).
	Param bool
}

// Formats whose value is a coded string: an enumeration, a date or a code.
const (
	FormatEnum      = "enum"
	FormatDate      = "date"
	FormatDateNever = "datenever"
	FormatINSEE     = "insee"
	FormatSIREN     = "siren"
	FormatDept      = "dept"
	FormatShareSum  = "sharesum"
)

var tags = []Tag{
	{Name: "omitempty", Structural: true},
	{Name: "omitnil", Structural: true},
	{Name: "dive", Structural: true},
	{Name: "required"},
	{Name: "eq", Param: true},
	{Name: "min", Param: true},
	{Name: "max", Param: true},
	{Name: "gte", Param: true},
	{Name: "gt", Param: true},
	{Name: "lte", Param: true},
	{Name: "lt", Param: true},
	{Name: "unique"},
	{Name: FormatEnum, Custom: true},
	{Name: FormatDate, Custom: true},
	{Name: FormatDateNever, Custom: true},
	{Name: FormatINSEE, Custom: true},
	{Name: FormatSIREN, Custom: true},
	{Name: FormatDept, Custom: true},
	{Name: FormatShareSum, Custom: true},
}

// Tags lists every rule name the validate tag may use, structural ones
// first, then the validator's own, then the custom formats.
func Tags() []Tag { return append([]Tag(nil), tags...) }

// Known reports whether name is a rule the validate tag may use.
func Known(name string) (Tag, bool) {
	for _, t := range tags {
		if t.Name == name {
			return t, true
		}
	}
	return Tag{}, false
}

// Option is one value of an enumeration and its French label. It has the
// fields of clsm.Option, and converts to it.
type Option option

// option is the underlying type of Option and of clsm.Option.
type option = struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// HasOption reports whether v is the value of one of opts (a list of
// clsm.Option or of Option), for the enumerations' Valid methods.
func HasOption[O ~option](opts []O, v string) bool {
	for _, o := range opts {
		if Option(o).Value == v {
			return true
		}
	}
	return false
}

// LabelOf returns the label of the option of opts whose value is v, or v
// itself, for the enumerations' Label methods.
func LabelOf[O ~option](opts []O, v string) string {
	for _, o := range opts {
		if Option(o).Value == v {
			return Option(o).Label
		}
	}
	return v
}

// Options converts a list of clsm.Option to Options.
func Options[O ~option](opts []O) []Option {
	if opts == nil {
		return nil
	}
	out := make([]Option, len(opts))
	for i, o := range opts {
		out[i] = Option(o)
	}
	return out
}

// Bound is one end of a range. Text is the number as the tag writes it
// ("0", "15000000"), so that a schema can repeat it exactly.
type Bound struct {
	Value     float64
	Text      string
	Exclusive bool // gt or lt: the bound itself is refused
}

// Allows reports whether x is on the allowed side of b, as a lower bound
// (lower) or an upper one.
func (b *Bound) Allows(x float64, lower bool) bool {
	switch {
	case b == nil:
		return true
	case lower && b.Exclusive:
		return x > b.Value
	case lower:
		return x >= b.Value
	case b.Exclusive:
		return x < b.Value
	default:
		return x <= b.Value
	}
}

// Constraints are what one level of a validate tag says (the part before
// "dive", or the part after it for the items).
type Constraints struct {
	// Rules is the part of the tag this level reads, as written.
	Rules string
	// Optional: omitempty or omitnil, the value may be absent.
	Optional bool
	// Required: required, the value must be present (non-zero, non-nil,
	// a non-empty string).
	Required bool
	// Const is eq's value, on a number.
	Const *Bound
	// Min and Max bound a number (gte, gt, min; lte, lt, max).
	Min, Max *Bound
	// MinLength and MaxLength bound a string's length in characters
	// (required implies a MinLength of 1).
	MinLength, MaxLength *int
	// MinItems and MaxItems bound a list's length.
	MinItems, MaxItems *int
	// Unique: no two items are equal.
	Unique bool
	// Format is one of the Format constants, or "".
	Format string
}

// Coded reports whether the value is a coded string (an enumeration, a date
// or a code), for which "" is never an answer.
func (c *Constraints) Coded() bool {
	switch c.Format {
	case FormatEnum, FormatDate, FormatDateNever, FormatINSEE, FormatSIREN, FormatDept:
		return true
	}
	return false
}

// Value describes a value of the model: a field's, or a list's items.
type Value struct {
	// Type is the Go type, pointers removed (int for *int).
	Type reflect.Type
	Constraints
	// Options are the values an enumeration allows (format enum or dept),
	// in the order a form shows them.
	Options []Option
	// Item describes the items of a list (or the values of a map), with
	// the rules after "dive"; nil when the value is not a list.
	Item *Value
	// Struct describes the fields of a struct value; nil otherwise.
	Struct *Struct
}

// Numeric reports whether the value is a number.
func (v *Value) Numeric() bool {
	switch v.Type.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// List reports whether the value is a list (or a map), whose items Item
// describes.
func (v *Value) List() bool { return v.Item != nil }

// ShowIf is a show-if tag: the question is shown when the sibling answer Key
// (or, starting with "/", the answer at that pointer) is one of Values, as
// written in the tag ("true", "yes").
type ShowIf struct {
	Key    string
	Values []string
}

// Field is one JSON key of a struct.
type Field struct {
	Key     string // the JSON key
	Pointer string // the JSON Pointer from the described root; "-" stands for any list item
	GoName  string // the Go field name
	Index   []int  // the struct field index, for reflect.Value.FieldByIndex
	// Declared is the field's Go type as declared (*int, []Date).
	Declared reflect.Type
	Title    string
	Help     string
	// ShowIf is the field's show-if tag, as written (a key relative to
	// the struct, or a pointer from the root).
	ShowIf *ShowIf
	// Gate is the gate tag of a yes/no answer (gate:"true"): the other
	// answers of its struct, and of the structs below it, are shown only
	// when it holds one of these values. Nil for any other field.
	Gate []string
	// When is the condition under which a form shows the answer, with Key
	// a pointer from the described root: the show-if tag's, or else the
	// gate of the nearest enclosing struct that has one (never the gate
	// itself). Nil when the answer is always shown, and for a struct
	// value, whose answers carry their own.
	When *ShowIf
	// steps are the struct field indexes from the described root, one per
	// reference token, for [Field.In].
	steps [][]int
	// Tag is the whole validate tag.
	Tag string
	// StructTag is the field's whole struct tag, for the tags of other
	// documents (a check parameter's default); json, validate, title,
	// help, showif and gate are read here.
	StructTag reflect.StructTag
	Value
}

// Struct is the description of a struct type, its fields in declaration
// order.
type Struct struct {
	Type    reflect.Type
	Pointer string // where it sits from the described root ("" for the root)
	Fields  []*Field
	// Gate is the field whose gate tag hides the others, or nil.
	Gate *Field
}

// In returns the field's value inside root, a value of the described root
// type (addressable when root is), and false when a nil pointer on the way,
// or a list on the way (a pointer with "-"), leaves no such value.
func (f *Field) In(root reflect.Value) (reflect.Value, bool) {
	if f.steps == nil {
		return reflect.Value{}, false
	}
	v := root
	for _, index := range f.steps {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		v = v.FieldByIndex(index)
	}
	return v, true
}

// settable returns the field's value inside root, which must be
// addressable, allocating the nil pointers on the way; false under a list.
func (f *Field) settable(root reflect.Value) (reflect.Value, bool) {
	if f.steps == nil {
		return reflect.Value{}, false
	}
	v := root
	for _, index := range f.steps {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.FieldByIndex(index)
	}
	return v, true
}

// Only returns a new value of src's type (a pointer to a described struct)
// that holds only the answers at the given pointers, and below them: the
// view of a document limited to what a reader declared it reads. Answers
// are copied as Go copies them (a list is shared, not cloned). A pointer
// the model does not describe is an error, and the view holds the others.
//
// It takes and returns a pointer to the document (it is not generic: an
// instantiation for the dossier would carry the dossier's whole type, tags
// included, in its name into the browser's checker).
func Only(src any, pointers []string) (any, error) {
	from := reflect.ValueOf(src).Elem()
	dst := reflect.New(from.Type())
	to := dst.Elem()
	var err error
	for _, p := range pointers {
		f := FieldAt(from.Type(), p)
		if f == nil {
			if err == nil {
				err = fmt.Errorf("model: %s describes no %q", from.Type(), p)
			}
			continue
		}
		v, ok := f.In(from)
		if !ok || v.IsZero() {
			continue
		}
		if w, ok := f.settable(to); ok {
			w.Set(v)
		}
	}
	return dst.Interface(), err
}

// Each calls fn for every field of the described struct d points to, and of
// the structs below it, list items included, depth first in declaration
// order: its description, its JSON Pointer in d (with the items' indexes)
// and its value (an int, a *bool, a []Date…). A nil pointer on the way has
// nothing below it.
//
// d is a pointer to the document (see [Only] for why it is not generic).
func Each(d any, fn func(f *Field, pointer string, value any)) error {
	s, err := Describe(reflect.TypeOf(d))
	if err != nil {
		return err
	}
	each(s, reflect.ValueOf(d).Elem(), "", fn)
	return nil
}

func each(s *Struct, v reflect.Value, pointer string, fn func(*Field, string, any)) {
	for _, f := range s.Fields {
		fv := v.FieldByIndex(f.Index)
		at := pointer + "/" + escape(f.Key)
		fn(f, at, fv.Interface())
		for fv.Kind() == reflect.Pointer && !fv.IsNil() {
			fv = fv.Elem()
		}
		switch {
		case f.Struct != nil && fv.Kind() == reflect.Struct:
			each(f.Struct, fv, at, fn)
		case f.Item != nil && f.Item.Struct != nil && fv.Kind() == reflect.Slice:
			for i := range fv.Len() {
				item := fv.Index(i)
				for item.Kind() == reflect.Pointer && !item.IsNil() {
					item = item.Elem()
				}
				if item.Kind() == reflect.Struct {
					each(f.Item.Struct, item, at+"/"+strconv.Itoa(i), fn)
				}
			}
		}
	}
}

// Visible returns a copy of *d without the answers a form does not show:
// those whose [Field.When] does not hold, the conditions read in
// declaration order on the copy as it is cleared, so that hiding an answer
// hides, further on, the answers that depend on it. The copy shares what d
// holds below the cleared answers (lists are not cloned). d is a pointer to
// the document, and so is the copy (see [Only] for why it is not generic).
func Visible(d any) (any, error) {
	s, err := Describe(reflect.TypeOf(d))
	if err != nil {
		return nil, err
	}
	cp := reflect.New(s.Type)
	cp.Elem().Set(reflect.ValueOf(d).Elem())
	root := cp.Elem()
	for _, f := range conditional(s) {
		if !f.When.Holds(root) {
			if v, ok := f.In(root); ok {
				v.SetZero()
			}
		}
	}
	return cp.Interface(), nil
}

// conditional lists, once per type, the answers shown under a condition.
func conditional(s *Struct) []*Field {
	if c, ok := conditionals.Load(s.Type); ok {
		return c.([]*Field)
	}
	var out []*Field
	s.Leaves(func(f *Field) {
		if f.When != nil {
			out = append(out, f)
		}
	})
	conditionals.Store(s.Type, out)
	return out
}

var conditionals sync.Map // reflect.Type -> []*Field

// Answered reports whether a value of the model holds an answer: a non-nil
// pointer, list or map, a non-empty string, a non-zero struct; a number or
// a boolean that is not a pointer always does.
func Answered(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return !v.IsNil()
	case reflect.String:
		return v.Len() > 0
	case reflect.Struct:
		return !v.IsZero()
	}
	return true
}

// Holds reports whether the answer at c.Key (a pointer from the root of
// root's type) is one of c.Values: a yes/no answer whose value is written
// "true" or "false", or a string written as itself. An unanswered question
// holds no value.
func (c *ShowIf) Holds(root reflect.Value) bool {
	f := FieldAt(root.Type(), c.Key)
	if f == nil {
		return false
	}
	v, ok := f.In(root)
	if !ok {
		return false
	}
	for _, want := range c.Values {
		switch {
		case v.Kind() == reflect.Pointer && !v.IsNil() && v.Elem().Kind() == reflect.Bool:
			if b, err := strconv.ParseBool(want); err == nil && v.Elem().Bool() == b {
				return true
			}
		case v.Kind() == reflect.String:
			if v.String() == want {
				return true
			}
		}
	}
	return false
}

// Field returns the field of key, or nil.
func (s *Struct) Field(key string) *Field {
	for _, f := range s.Fields {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// Walk calls fn for every field of s and of the structs below it (the
// fields of a list's items included), depth first, in declaration order.
func (s *Struct) Walk(fn func(f *Field)) {
	for _, f := range s.Fields {
		fn(f)
		for v := &f.Value; v != nil; v = v.Item {
			if v.Struct != nil {
				v.Struct.Walk(fn)
			}
		}
	}
}

// FieldAt returns the field of struct type root at the JSON Pointer (with
// "-" for any item of a list, as [Field.Pointer] writes it), or nil. The
// pointers of a type are indexed once.
func FieldAt(root reflect.Type, pointer string) *Field {
	for root.Kind() == reflect.Pointer {
		root = root.Elem()
	}
	if idx, ok := pointers.Load(root); ok {
		return idx.(map[string]*Field)[pointer]
	}
	s, err := Describe(root)
	if err != nil {
		return nil
	}
	idx := map[string]*Field{}
	s.Walk(func(f *Field) { idx[f.Pointer] = f })
	pointers.Store(root, idx)
	return idx[pointer]
}

// Leaves calls fn for every answer of s that is not a struct value, in
// declaration order, depth first, skipping the items of lists: the answers
// a form shows one by one, and [Field.When] describes.
func (s *Struct) Leaves(fn func(f *Field)) {
	for _, f := range s.Fields {
		if f.Struct != nil {
			f.Struct.Leaves(fn)
			continue
		}
		fn(f)
	}
}

var pointers sync.Map // reflect.Type -> map[string]*Field

var rawMessageType = reflect.TypeFor[json.RawMessage]()

type described struct {
	s   *Struct
	err error
}

var cache sync.Map // reflect.Type -> described

// Describe returns the description of struct type t (or of what pointers to
// it point to), computed once. It fails on a validate rule it does not know,
// on a rule that does not fit the field's type, and on contradictory rules.
func Describe(t reflect.Type) (*Struct, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if d, ok := cache.Load(t); ok {
		return d.(described).s, d.(described).err
	}
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("model: %s is not a struct", t)
	}
	s, err := describeStruct(t, "", map[reflect.Type]bool{}, within{steps: [][]int{}})
	d, _ := cache.LoadOrStore(t, described{s, err})
	return d.(described).s, d.(described).err
}

// DescribeValue is [Describe] for the type of v (a struct or a pointer to
// one).
func DescribeValue(v any) (*Struct, error) { return Describe(reflect.TypeOf(v)) }

// New returns a pointer to a new zero value of the type ptr points to (ptr
// may be nil): a document of a type known only by a pointer.
func New(ptr any) any { return reflect.New(reflect.TypeOf(ptr).Elem()).Interface() }

// MustDescribe is [Describe] for the module's own types, which tests check:
// it panics on an error.
func MustDescribe(t reflect.Type) *Struct {
	s, err := Describe(t)
	if err != nil {
		panic(err)
	}
	return s
}

// within says where a struct sits: the field indexes from the root (nil
// under a list's items) and the gate of the nearest enclosing struct.
type within struct {
	steps [][]int
	gate  *ShowIf
}

func describeStruct(t reflect.Type, pointer string, open map[reflect.Type]bool, at within) (*Struct, error) {
	if open[t] {
		return nil, fmt.Errorf("model: %s contains itself", t)
	}
	open[t] = true
	defer delete(open, t)
	s := &Struct{Type: t, Pointer: pointer}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Anonymous {
			return nil, fmt.Errorf("model: %s: the embedded field %s is not described", t, sf.Name)
		}
		key, ok := JSONKey(sf)
		if !ok {
			continue
		}
		if _, opts, _ := strings.Cut(sf.Tag.Get("json"), ","); slices.Contains(strings.Split(opts, ","), "string") {
			return nil, fmt.Errorf("model: %s.%s: the json option string is not described", t.Name(), sf.Name)
		}
		if s.Field(key) != nil {
			return nil, fmt.Errorf("model: %s: two fields of key %s", t, key)
		}
		f := &Field{
			Key: key, Pointer: pointer + "/" + escape(key), GoName: sf.Name, Index: sf.Index,
			Declared: sf.Type, Title: sf.Tag.Get("title"), Help: sf.Tag.Get("help"), Tag: sf.Tag.Get("validate"), StructTag: sf.Tag,
		}
		if at.steps != nil {
			f.steps = append(slices.Clip(at.steps), sf.Index)
		}
		if cond := sf.Tag.Get("showif"); cond != "" {
			k, vals, ok := strings.Cut(cond, "=")
			if !ok || k == "" || vals == "" {
				return nil, fmt.Errorf("model: %s.%s: show-if tag %q is not key=value|value", t.Name(), sf.Name, cond)
			}
			f.ShowIf = &ShowIf{Key: k, Values: strings.Split(vals, "|")}
		}
		if g, ok := sf.Tag.Lookup("gate"); ok {
			if sf.Type != reflect.TypeFor[*bool]() || g == "" {
				return nil, fmt.Errorf("model: %s.%s: a gate tag sits on a yes/no answer (*bool) and names the values that show the others", t.Name(), sf.Name)
			}
			if s.Gate != nil {
				return nil, fmt.Errorf("model: %s: two gates, %s and %s", t.Name(), s.Gate.GoName, sf.Name)
			}
			f.Gate = strings.Split(g, "|")
			s.Gate = f
		}
		s.Fields = append(s.Fields, f)
	}
	gate := at.gate
	if s.Gate != nil {
		gate = &ShowIf{Key: s.Gate.Pointer, Values: s.Gate.Gate}
	}
	for _, f := range s.Fields {
		sf := t.Field(f.Index[0])
		inner := within{gate: gate}
		if f.steps != nil {
			inner.steps = f.steps
		}
		v, err := describeValue(sf.Type, f.Tag, f.Pointer, open, inner)
		if err != nil {
			return nil, fmt.Errorf("model: %s.%s: %w", t.Name(), sf.Name, err)
		}
		f.Value = *v
		switch {
		case f.Struct != nil:
		case f.ShowIf != nil && strings.HasPrefix(f.ShowIf.Key, "/"):
			f.When = f.ShowIf
		case f.ShowIf != nil:
			f.When = &ShowIf{Key: pointer + "/" + f.ShowIf.Key, Values: f.ShowIf.Values}
		case f == s.Gate:
			f.When = at.gate
		default:
			f.When = gate
		}
	}
	return s, nil
}

// describeValue describes a value of Go type t under the rules of tag; the
// rules after "dive" go to the items.
func describeValue(t reflect.Type, tag, pointer string, open map[reflect.Type]bool, at within) (*Value, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	rules, itemRules, dive := cutDive(tag)
	v := &Value{Type: t}
	if err := v.parse(rules); err != nil {
		return nil, err
	}
	switch {
	case t == rawMessageType:
		if dive {
			return nil, fmt.Errorf("dive on a raw JSON value")
		}
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map:
		item, err := describeValue(t.Elem(), itemRules, pointer+"/-", open, within{})
		if err != nil {
			return nil, fmt.Errorf("items: %w", err)
		}
		v.Item = item
	case dive:
		return nil, fmt.Errorf("dive on %s, which is not a list", t)
	case t.Kind() == reflect.Struct:
		s, err := describeStruct(t, pointer, open, at)
		if err != nil {
			return nil, err
		}
		v.Struct = s
	}
	return v, nil
}

// cutDive splits a validate tag at its first "dive" rule.
func cutDive(tag string) (rules, itemRules string, dive bool) {
	if tag == "" {
		return "", "", false
	}
	parts := strings.Split(tag, ",")
	for i, p := range parts {
		if p == "dive" {
			return strings.Join(parts[:i], ","), strings.Join(parts[i+1:], ","), true
		}
	}
	return tag, "", false
}

// parse reads one level of a validate tag (no "dive" in it).
func (v *Value) parse(rules string) error {
	v.Rules = rules
	if rules == "" {
		return nil
	}
	kind := v.Type.Kind()
	isString := kind == reflect.String
	isList := kind == reflect.Slice || kind == reflect.Array || kind == reflect.Map
	for _, rule := range strings.Split(rules, ",") {
		name, param, hasParam := strings.Cut(rule, "=")
		tag, ok := Known(name)
		if !ok {
			return fmt.Errorf("validate rule %q is not known: describe it in package internal/model first", rule)
		}
		if tag.Param != hasParam || (hasParam && param == "") {
			if tag.Param {
				return fmt.Errorf("validate rule %q needs a parameter", rule)
			}
			return fmt.Errorf("validate rule %q takes no parameter", rule)
		}
		switch name {
		case "omitempty", "omitnil":
			v.Optional = true
		case "required":
			v.Required = true
		case "eq":
			if !v.Numeric() {
				return fmt.Errorf("eq on %s: only numbers are described", v.Type)
			}
			b, err := number(param)
			if err != nil {
				return fmt.Errorf("%s: %w", rule, err)
			}
			v.Const = b
		case "min", "max", "gte", "gt", "lte", "lt":
			lower := name == "min" || name == "gte" || name == "gt"
			exclusive := name == "gt" || name == "lt"
			switch {
			case isString || isList:
				n, err := strconv.Atoi(param)
				if err != nil || n < 0 {
					return fmt.Errorf("%s: a count is expected", rule)
				}
				if exclusive && lower {
					n++
				} else if exclusive {
					n--
				}
				minP, maxP := &v.MinLength, &v.MaxLength
				if isList {
					minP, maxP = &v.MinItems, &v.MaxItems
				}
				p := maxP
				if lower {
					p = minP
				}
				if *p != nil {
					return fmt.Errorf("%s: two bounds on the same side", rule)
				}
				*p = &n
			case v.Numeric():
				b, err := number(param)
				if err != nil {
					return fmt.Errorf("%s: %w", rule, err)
				}
				b.Exclusive = exclusive
				p := &v.Max
				if lower {
					p = &v.Min
				}
				if *p != nil {
					return fmt.Errorf("%s: two bounds on the same side", rule)
				}
				*p = b
			default:
				return fmt.Errorf("%s on %s, which is neither a number, a text nor a list", rule, v.Type)
			}
		case "unique":
			if !isList {
				return fmt.Errorf("unique on %s, which is not a list", v.Type)
			}
			v.Unique = true
		default: // the custom formats
			if v.Format != "" {
				return fmt.Errorf("two formats, %s and %s", v.Format, name)
			}
			v.Format = name
			if err := v.format(); err != nil {
				return err
			}
		}
	}
	if v.Optional && v.Required {
		return fmt.Errorf("validate tag %q is both optional and required", rules)
	}
	if v.Required && isString && (v.MinLength == nil || *v.MinLength < 1) {
		one := 1
		v.MinLength = &one
	}
	return nil
}

// format checks that the format fits the type, and reads an enumeration's
// options.
func (v *Value) format() error {
	switch v.Format {
	case FormatEnum, FormatDept:
		opts, ok := EnumOptions(v.Type)
		if !ok {
			return fmt.Errorf("%s on %s, which is not an enumeration (Options and Valid methods)", v.Format, v.Type)
		}
		v.Options = opts
	case FormatDate, FormatDateNever, FormatINSEE, FormatSIREN:
		if v.Type.Kind() != reflect.String {
			return fmt.Errorf("%s on %s, which is not a string", v.Format, v.Type)
		}
	case FormatShareSum:
		if v.Type.Kind() != reflect.Slice {
			return fmt.Errorf("%s on %s, which is not a list", v.Format, v.Type)
		}
		elem := v.Type.Elem()
		for elem.Kind() == reflect.Pointer {
			elem = elem.Elem()
		}
		if elem.Kind() != reflect.Struct {
			return fmt.Errorf("%s on a list of %s, not of objects", v.Format, elem)
		}
		if f, ok := elem.FieldByName("Share"); !ok || f.Type != reflect.TypeFor[*float64]() {
			return fmt.Errorf("%s on a list of %s, which has no Share *float64", v.Format, elem)
		}
	}
	return nil
}

// EnumOptions calls the Options method of a string type whose zero value
// also has a Valid() bool method, Options returning a list of an option type
// registered with [RegisterOptionType] (clsm.Option, or Option); ok is
// false when t is not such an enumeration.
//
// The methods are called through an interface, not looked up by name with
// package reflect: a reflected method call would keep reflect's machinery
// for calls (Value.Call, FuncOf, StructOf…) in the browser checker, 27 KB of
// its gzipped download.
func EnumOptions(t reflect.Type) ([]Option, bool) {
	if t.Kind() != reflect.String {
		return nil, false
	}
	zero := reflect.Zero(t).Interface()
	for _, read := range optionReaders {
		if opts, ok := read(zero); ok {
			return opts, true
		}
	}
	return nil, false
}

// optionReaders give the options of an enumeration's zero value, one for
// each option type registered.
var optionReaders []func(zero any) ([]Option, bool)

func init() { RegisterOptionType[Option]() }

// RegisterOptionType makes [EnumOptions] recognise the enumerations whose
// Options method returns a list of O. Package clsm registers clsm.Option,
// the option type of every enumeration of the module, from an init
// function, before anything describes its types.
func RegisterOptionType[O ~option]() {
	optionReaders = append(optionReaders, func(zero any) ([]Option, bool) {
		e, ok := zero.(interface {
			Options() []O
			Valid() bool
		})
		if !ok {
			return nil, false
		}
		list := e.Options()
		opts := make([]Option, len(list))
		for i, o := range list {
			opts[i] = Option(o)
		}
		return opts, true
	})
}

func number(param string) (*Bound, error) {
	n, err := strconv.ParseFloat(param, 64)
	if err != nil {
		return nil, fmt.Errorf("%q is not a number", param)
	}
	return &Bound{Value: n, Text: param}, nil
}

// JSONKey returns the JSON key of an exported struct field, as encoding/json
// names it; ok is false for an unexported field or a field tagged "-".
func JSONKey(sf reflect.StructField) (key string, ok bool) {
	if !sf.IsExported() {
		return "", false
	}
	tag := sf.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	name, _, _ := strings.Cut(tag, ",")
	if !validKey(name) {
		name = sf.Name
	}
	return name, true
}

// OmitZero reports whether the json tag of a struct field has the option
// omitzero: encoding/json leaves out the key of a zero value.
func OmitZero(sf reflect.StructField) bool {
	_, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
	return slices.Contains(strings.Split(opts, ","), "omitzero")
}

// validKey is encoding/json's isValidTag: a key it takes from a tag.
func validKey(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
			// Backslash and quote chars are reserved, but
			// otherwise any punctuation chars are allowed
			// in a tag name.
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

func escape(key string) string {
	return strings.ReplaceAll(strings.ReplaceAll(key, "~", "~0"), "/", "~1")
}
