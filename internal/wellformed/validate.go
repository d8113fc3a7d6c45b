//go:build !(js && wasm)

package wellformed

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"

	"github.com/clsmkit/go-clsm/internal/model"
)

// The native build validates with go-playground/validator/v10, which reads
// the validate tags by reflection. The browser build does not link it: the
// code generated from the same tags by internal/wellformed/generate
// (wellformed_gen.go in packages clsm and labels) validates there, and
// differential tests (build tag wellformedgen) hold the two to the same
// problems.

// Struct validates v, a pointer to a struct of this module whose fields
// carry validate tags, and returns the problems with French messages and
// JSON Pointer paths, at most [MaxProblems] of them then one of code
// [CodeTooMany]. It is not in the browser build.
func Struct(v any) (ps Problems) {
	val := validatorInstance()
	defer func() {
		if r := recover(); r != nil {
			ps = Problems{{Code: CodeInternal, Message: fmt.Sprintf("Erreur interne pendant la vérification : %v. Merci de signaler ce problème avec le fichier qui l'a causé.", r)}}
		}
	}()
	err := val.Struct(v)
	if err == nil {
		return nil
	}
	verrs, ok := err.(validator.ValidationErrors)
	if !ok {
		return Problems{{Code: CodeInternal, Message: "Erreur interne pendant la vérification : " + err.Error()}}
	}
	root := reflect.TypeOf(v)
	for root.Kind() == reflect.Pointer {
		root = root.Elem()
	}
	for i, fe := range verrs {
		if i == MaxProblems {
			ps = append(ps, TooMany(len(verrs)-i))
			break
		}
		ps = append(ps, faultOf(root, fe).Problem())
	}
	return Capped(ps)
}

var validatorInstance = sync.OnceValue(func() *validator.Validate {
	val := validator.New(validator.WithRequiredStructEnabled())
	val.RegisterTagNameFunc(func(sf reflect.StructField) string {
		if t := sf.Tag.Get("title"); t != "" {
			return t
		}
		name, _ := model.JSONKey(sf)
		return name
	})
	// The custom tags are those the model's description knows as custom;
	// each needs its function here (fixed data: a missing one fails every
	// test run).
	for _, tag := range model.Tags() {
		if !tag.Custom {
			continue
		}
		fn, ok := customValidations[tag.Name]
		if !ok {
			panic("wellformed: the custom validate tag " + tag.Name + " has no function")
		}
		if err := val.RegisterValidation(tag.Name, fn); err != nil {
			panic(err)
		}
	}
	return val
})

// valid is the method of the module's enumerations (and department codes).
type valid interface{ Valid() bool }

// customValidations are the functions of the custom tags of package
// internal/model, by tag.
var customValidations = map[string]validator.Func{
	model.FormatEnum: func(fl validator.FieldLevel) bool {
		e, ok := fl.Field().Interface().(valid)
		return ok && e.Valid()
	},
	model.FormatDate: func(fl validator.FieldLevel) bool { return ValidDate(fl.Field().String()) },
	model.FormatDateNever: func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		return ValidDate(s) || s == Never
	},
	model.FormatINSEE: func(fl validator.FieldLevel) bool { return ValidCommune(fl.Field().String()) },
	model.FormatSIREN: func(fl validator.FieldLevel) bool { return ValidSIREN(fl.Field().String()) },
	model.FormatDept: func(fl validator.FieldLevel) bool {
		e, ok := fl.Field().Interface().(valid)
		return ok && e.Valid()
	},
	model.FormatShareSum: func(fl validator.FieldLevel) bool {
		return shareSum(fl.Field()) <= 100+1e-9
	},
}

// shareSum adds the Share fields of a slice of structs.
func shareSum(v reflect.Value) float64 {
	if v.Kind() != reflect.Slice {
		return 0
	}
	total := 0.0
	for i := 0; i < v.Len(); i++ {
		f := reflect.Indirect(v.Index(i)).FieldByName("Share")
		if f.Kind() == reflect.Pointer && !f.IsNil() {
			total += f.Elem().Float()
		}
	}
	return total
}

// faultOf describes what the validator refused.
func faultOf(root reflect.Type, fe validator.FieldError) Fault {
	path, _ := pointerOf(root, fe.StructNamespace())
	f := Fault{Tag: fe.Tag(), Param: fe.Param(), Path: path, Name: fe.Field(), Raw: fmt.Sprint(fe.Value())}
	if i := strings.IndexByte(f.Name, '['); i >= 0 {
		f.Name, f.Item = f.Name[:i], strings.Trim(f.Name[i:], "[]")
	}
	f.Text, f.Single = scalar(fe.Value())
	rv := reflect.Indirect(reflect.ValueOf(fe.Value()))
	f.Number = rv.CanFloat() || rv.CanInt()
	if fe.Kind() == reflect.Slice {
		f.List, f.Len = true, rv.Len()
	}
	switch fe.Tag() {
	case model.FormatEnum:
		if fe.Value() != nil {
			f.Options, _ = model.EnumOptions(reflect.TypeOf(fe.Value()))
		}
	case model.FormatShareSum:
		f.Sum = shareSum(reflect.ValueOf(fe.Value()))
	}
	return f
}

// scalar writes a single value (a text, a number, a boolean, behind any
// pointers) as JSON would, without the quotes; ok is false for a nil
// pointer, a list, a map or a struct.
func scalar(v any) (s string, ok bool) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return "", false
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.String:
		return rv.String(), true
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool()), true
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(rv.Float(), 'f', -1, 64), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(rv.Uint(), 10), true
	}
	return "", false
}

// pointerOf converts a validator struct namespace ("Dossier.Coordinator.
// Funders[1].Share") into a JSON Pointer ("/coordinator/funders/1/share"),
// walking the Go types to find each field's JSON key.
func pointerOf(root reflect.Type, ns string) (string, bool) {
	parts := strings.Split(ns, ".")
	if len(parts) == 0 {
		return "", false
	}
	t := root
	var b strings.Builder
	for _, part := range parts[1:] {
		name, idx, hasIdx := strings.Cut(part, "[")
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return b.String(), false
		}
		sf, ok := t.FieldByName(name)
		if !ok {
			return b.String(), false
		}
		key, _ := model.JSONKey(sf)
		b.WriteString("/" + PointerEscape(key))
		t = sf.Type
		for hasIdx {
			var rest string
			idx, rest, _ = strings.Cut(idx, "]")
			b.WriteString("/" + PointerEscape(idx))
			for t.Kind() == reflect.Pointer {
				t = t.Elem()
			}
			if t.Kind() == reflect.Slice || t.Kind() == reflect.Map || t.Kind() == reflect.Array {
				t = t.Elem()
			}
			idx, hasIdx = strings.CutPrefix(rest, "[")
		}
	}
	return b.String(), true
}
