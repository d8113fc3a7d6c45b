// Package answers finds the answers of a dossier by JSON Pointer: the
// question a pointer names in the model (its French title and help, its Go
// type, its validate tag), and the value it holds in a given dossier. The
// labels package resolves the paths of its rules with it, assess the titles
// of its findings, and the schema generator the form's questions.
package answers

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/model"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// Field describes the place a JSON Pointer names in the dossier model.
type Field struct {
	index   [][]int      // the struct field index at each step
	Pointer string       // the JSON Pointer, e.g. "/coordinator/fte"
	Title   string       // the French label of the question
	Help    string       // the French help text, if any
	Type    reflect.Type // the Go type of the value (*bool, []Date, Stage…)
	Tag     string       // the validate tag
}

// FieldAt resolves a JSON Pointer made of object keys (no list index) against
// the dossier model, without a dossier. It fails with a French message when
// the pointer names nothing.
func FieldAt(pointer string) (Field, error) {
	if f, ok := fieldCache.Load(pointer); ok {
		return f.(Field), nil
	}
	f, err := fieldAt(pointer)
	if err == nil {
		fieldCache.Store(pointer, f)
	}
	return f, err
}

// shown is a path, or a part of one, as a message echoes it: cut after 80
// characters, with « … », so that a path of a megabyte is not echoed whole.
func shown(s string) string { return wellformed.Truncate(s, 80) }

// fieldCache holds the resolved pointers: the model is fixed, and the form
// re-assesses on every answer.
var fieldCache sync.Map // string -> Field

func fieldAt(pointer string) (Field, error) {
	if !strings.HasPrefix(pointer, "/") {
		return Field{}, fmt.Errorf("le chemin « %s » doit commencer par « / »", shown(pointer))
	}
	t := reflect.TypeFor[clsm.Dossier]()
	var f Field
	for _, key := range strings.Split(pointer[1:], "/") {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return Field{}, fmt.Errorf("le chemin « %s » traverse une valeur qui n'est pas un objet", shown(pointer))
		}
		sf, ok := fieldByKey(t, unescape(key))
		if !ok {
			return Field{}, fmt.Errorf("le chemin « %s » ne correspond à aucune question du dossier (« %s » inconnu)", shown(pointer), shown(key))
		}
		f = Field{index: append(f.index, sf.Index), Pointer: pointer, Title: sf.Tag.Get("title"), Help: sf.Tag.Get("help"), Type: sf.Type, Tag: sf.Tag.Get("validate")}
		t = sf.Type
	}
	return f, nil
}

// ValueAt returns the value a JSON Pointer (object keys only) names in d, and
// whether it is answered: a non-nil pointer, a non-empty string, a non-nil
// slice. It fails when the pointer names nothing in the model.
func ValueAt(d *clsm.Dossier, pointer string) (v reflect.Value, answered bool, err error) {
	f, err := FieldAt(pointer)
	if err != nil {
		return reflect.Value{}, false, err
	}
	v = reflect.ValueOf(d).Elem()
	for _, index := range f.index {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, false, nil
			}
			v = v.Elem()
		}
		v = v.FieldByIndex(index)
	}
	return v, Answered(v), nil
}

// Answered reports whether a value of the model holds an answer.
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

func fieldByKey(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if k, ok := model.JSONKey(sf); ok && k == key {
			return sf, true
		}
	}
	return reflect.StructField{}, false
}

func unescape(s string) string {
	if !strings.Contains(s, "~") {
		return s
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(s)
}
