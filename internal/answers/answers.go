// Package answers finds the answers of a dossier by JSON Pointer: the
// question a pointer names in the model (its French title and help, its Go
// type, its validate tag), and the value it holds in a given dossier. The
// labels package resolves the paths of its rules with it, assess the titles
// of its findings, and the schema generator the form's questions.
//
// It is a thin French-speaking front of package internal/model, which walks
// the dossier type once and resolves the pointers: this package adds the
// messages a referential's author reads when a path names nothing.
package answers

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/model"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// Field describes the place a JSON Pointer names in the dossier model.
type Field struct {
	*model.Field
	Type reflect.Type // the Go type of the value as declared (*bool, []Date, Stage…)
}

var dossierType = reflect.TypeFor[clsm.Dossier]()

// FieldAt resolves a JSON Pointer made of object keys (no list index) against
// the dossier model, without a dossier. It fails with a French message when
// the pointer names nothing.
func FieldAt(pointer string) (Field, error) {
	if f := model.FieldAt(dossierType, pointer); f != nil && !strings.Contains(pointer+"/", "/-/") {
		return Field{Field: f, Type: f.Declared}, nil
	}
	if !strings.HasPrefix(pointer, "/") {
		return Field{}, fmt.Errorf("le chemin « %s » doit commencer par « / »", shown(pointer))
	}
	// Say which key is wrong: the first prefix the model does not know.
	prefix := ""
	for _, key := range strings.Split(pointer[1:], "/") {
		if prefix != "" {
			if f := model.FieldAt(dossierType, prefix); f == nil || f.Struct == nil {
				return Field{}, fmt.Errorf("le chemin « %s » traverse une valeur qui n'est pas un objet", shown(pointer))
			}
		}
		prefix += "/" + key
		if key == "-" || model.FieldAt(dossierType, prefix) == nil {
			return Field{}, fmt.Errorf("le chemin « %s » ne correspond à aucune question du dossier (« %s » inconnu)", shown(pointer), shown(key))
		}
	}
	return Field{}, fmt.Errorf("le chemin « %s » ne correspond à aucune question du dossier", shown(pointer))
}

// shown is a path, or a part of one, as a message echoes it: cut after 80
// characters, with « … », so that a path of a megabyte is not echoed whole.
func shown(s string) string { return wellformed.Truncate(s, 80) }

// ValueAt returns the value a JSON Pointer (object keys only) names in d, and
// whether it is answered: a non-nil pointer, a non-empty string, a non-nil
// slice. It fails when the pointer names nothing in the model.
func ValueAt(d *clsm.Dossier, pointer string) (v reflect.Value, answered bool, err error) {
	f, err := FieldAt(pointer)
	if err != nil {
		return reflect.Value{}, false, err
	}
	v, ok := f.In(reflect.ValueOf(d).Elem())
	if !ok {
		return reflect.Value{}, false, nil
	}
	return v, model.Answered(v), nil
}

// Answered reports whether a value of the model holds an answer.
func Answered(v reflect.Value) bool { return model.Answered(v) }
