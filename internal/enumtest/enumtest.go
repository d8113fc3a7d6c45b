// Package enumtest checks, for the tests of every package that declares
// enumerations (clsm, labels, assess), that each one is what the schema, the
// form and the reports expect: options listed, values unique English
// identifiers, labels unique and French. It is imported by tests only.
package enumtest

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Enum is the part of clsm.Enum the check uses; it is declared here so that
// clsm's own tests can use this package without an import cycle. Options
// must return a slice of structs with string fields Value and Label.
type Enum interface {
	Valid() bool
	Label() string
}

var identifier = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Check checks the enumeration e, named name in the messages: at least two
// options; each value an English identifier, given once, accepted by Valid
// and labelled by Label with its option's label; each label French (a
// capital or a digit first, no stray spaces, no « (s) ») and given once; the empty value not an option.
func Check(t testing.TB, name string, e Enum) {
	t.Helper()
	typ := reflect.TypeOf(e)
	opts := reflect.ValueOf(e).MethodByName("Options")
	if !opts.IsValid() || typ.Kind() != reflect.String {
		t.Errorf("%s: an enumeration is a string type with an Options method", name)
		return
	}
	list := opts.Call(nil)[0]
	if list.Len() < 2 {
		t.Errorf("%s: %d options, at least 2 expected", name, list.Len())
	}
	values, labels := map[string]bool{}, map[string]bool{}
	for i := 0; i < list.Len(); i++ {
		value, label := list.Index(i).FieldByName("Value").String(), list.Index(i).FieldByName("Label").String()
		if !identifier.MatchString(value) {
			t.Errorf("%s: value %q is not an English identifier (lower case, digits, _)", name, value)
		}
		if values[value] {
			t.Errorf("%s: value %q given twice", name, value)
		}
		values[value] = true
		if labels[label] {
			t.Errorf("%s: label %q given twice: a person could not tell the options apart", name, label)
		}
		labels[label] = true
		if msg := frenchLabel(label); msg != "" {
			t.Errorf("%s: label %q of %q: %s", name, label, value, msg)
		}
		v := reflect.New(typ).Elem()
		v.SetString(value)
		opt := v.Interface().(Enum)
		if !opt.Valid() {
			t.Errorf("%s: %q is an option but Valid says no", name, value)
		}
		if opt.Label() != label {
			t.Errorf("%s: Label of %q is %q, and not its option's %q", name, value, opt.Label(), label)
		}
	}
	if reflect.Zero(typ).Interface().(Enum).Valid() {
		t.Errorf("%s: the empty value is an option", name)
	}
}

// frenchLabel says what is wrong with a label, or "".
func frenchLabel(label string) string {
	first, _ := utf8.DecodeRuneInString(label)
	switch {
	case label == "":
		return "empty"
	case strings.TrimSpace(label) != label || strings.Contains(label, "  "):
		return "stray spaces"
	case !unicode.IsUpper(first) && !unicode.IsDigit(first):
		return "a label starts with a capital letter (or a number)"
	case strings.Contains(label, "(s)"):
		return "« (s) »: write the agreed form"
	}
	return ""
}
