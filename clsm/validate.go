package clsm

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"

	"github.com/clsmkit/go-clsm/internal/model"
)

// Validate checks that d is well formed: types, ranges, formats and
// enumerations. It does not judge conformity with a cahier des charges; that
// is the job of the labels and assess packages. The error, if any, is
// [Problems], one per fault, each with the JSON Pointer of the faulty value.
func (d *Dossier) Validate() error {
	if d == nil {
		return Problems{{Code: CodeRequired, Message: "Le dossier est vide."}}
	}
	return append(ValidateStruct(d), d.formatProblems()...).Err()
}

// ValidateStruct runs the validator on any struct of this module that uses the
// same tags as [Dossier] (the labels package validates referentials with it)
// and returns the problems with French messages and JSON Pointer paths.
func ValidateStruct(v any) (ps Problems) {
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
		if i == maxProblems {
			ps = append(ps, tooMany(len(verrs)-i))
			break
		}
		path, _ := pointerOf(root, fe.StructNamespace())
		ps = append(ps, Problem{Code: fe.Tag(), Path: path, Message: translate(fe), Param: fe.Param(), Value: scalarValue(fe.Value())})
	}
	return ps.capped()
}

var validatorInstance = sync.OnceValue(func() *validator.Validate {
	val := validator.New(validator.WithRequiredStructEnabled())
	val.RegisterTagNameFunc(func(sf reflect.StructField) string {
		if t := sf.Tag.Get("title"); t != "" {
			return t
		}
		name, _ := jsonKey(sf)
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
			panic("clsm: the custom validate tag " + tag.Name + " has no function")
		}
		if err := val.RegisterValidation(tag.Name, fn); err != nil {
			panic(err)
		}
	}
	registerTranslations(val)
	return val
})

// customValidations are the functions of the custom tags of package
// internal/model, by tag.
var customValidations = map[string]validator.Func{
	"enum": func(fl validator.FieldLevel) bool {
		e, ok := fl.Field().Interface().(Enum)
		return ok && e.Valid()
	},
	"date": func(fl validator.FieldLevel) bool { return Date(fl.Field().String()).Valid() },
	"datenever": func(fl validator.FieldLevel) bool {
		d := Date(fl.Field().String())
		return d.Valid() || d.IsNever()
	},
	"insee": func(fl validator.FieldLevel) bool { return CommuneCode(fl.Field().String()).Valid() },
	"siren": func(fl validator.FieldLevel) bool { return SIREN(fl.Field().String()).Valid() },
	"dept":  func(fl validator.FieldLevel) bool { return DepartmentCode(fl.Field().String()).Valid() },
	"sharesum": func(fl validator.FieldLevel) bool {
		total, _ := shareSum(fl.Field())
		return total <= 100+1e-9
	},
}

// shareSum adds the Share fields of a slice of structs.
func shareSum(v reflect.Value) (float64, bool) {
	if v.Kind() != reflect.Slice {
		return 0, false
	}
	total := 0.0
	for i := 0; i < v.Len(); i++ {
		f := reflect.Indirect(v.Index(i)).FieldByName("Share")
		if f.Kind() == reflect.Pointer && !f.IsNil() {
			total += f.Elem().Float()
		}
	}
	return total, true
}

// messages holds the French message of every validation tag package
// internal/model knows, structural ones excepted. A test checks that every
// known tag is here, so that no message falls back to the validator's
// English.
var messages = map[string]func(validator.FieldError) string{
	"required": func(fe validator.FieldError) string {
		return label(fe) + " est obligatoire ici."
	},
	"eq": func(fe validator.FieldError) string {
		return fmt.Sprintf("%s doit valoir %s : ce fichier a été écrit pour une autre version du format.", label(fe), fe.Param())
	},
	"max": func(fe validator.FieldError) string {
		if fe.Kind() == reflect.Slice {
			return fmt.Sprintf("%s ne doit pas compter plus de %s éléments (il y en a %d).", label(fe), fe.Param(), reflect.ValueOf(fe.Value()).Len())
		}
		return fmt.Sprintf("%s ne doit pas dépasser %s caractères (le texte en compte %d).", label(fe), fe.Param(), len([]rune(fmt.Sprint(fe.Value()))))
	},
	"min": func(fe validator.FieldError) string {
		if fe.Kind() == reflect.Slice {
			return fmt.Sprintf("%s doit compter au moins %s.", label(fe), FrenchCount(atoi(fe.Param()), "élément", "éléments"))
		}
		return fmt.Sprintf("%s doit compter au moins %s.", label(fe), FrenchCount(atoi(fe.Param()), "caractère", "caractères"))
	},
	"lt": func(fe validator.FieldError) string {
		return fmt.Sprintf("%s doit valoir moins de %s (valeur donnée : %s).", label(fe), frenchNumber(fe.Param()), frenchValue(fe.Value()))
	},
	"gte": func(fe validator.FieldError) string {
		return fmt.Sprintf("%s doit valoir au moins %s (valeur donnée : %s).", label(fe), frenchNumber(fe.Param()), frenchValue(fe.Value()))
	},
	"gt": func(fe validator.FieldError) string {
		return fmt.Sprintf("%s doit valoir plus de %s (valeur donnée : %s).", label(fe), frenchNumber(fe.Param()), frenchValue(fe.Value()))
	},
	"lte": func(fe validator.FieldError) string {
		return fmt.Sprintf("%s doit valoir au plus %s (valeur donnée : %s).", label(fe), frenchNumber(fe.Param()), frenchValue(fe.Value()))
	},
	"unique": func(fe validator.FieldError) string {
		return label(fe) + " contient deux fois la même valeur ; retirez le doublon."
	},
	"enum": func(fe validator.FieldError) string {
		e, _ := fe.Value().(Enum)
		return fmt.Sprintf("%s : « %s » n'est pas une valeur possible. %s", label(fe), truncate(fmt.Sprint(fe.Value()), 60), possibleValues(e))
	},
	"date": func(fe validator.FieldError) string {
		if fmt.Sprint(fe.Value()) == "" {
			return label(fe) + " : la date est vide. Retirez-la ou écrivez-la sous la forme AAAA-MM-JJ, par exemple 2025-03-14."
		}
		return fmt.Sprintf("%s : « %s » n'est pas une date valide. Écrivez-la sous la forme AAAA-MM-JJ, par exemple 2025-03-14.", label(fe), truncate(fmt.Sprint(fe.Value()), 40))
	},
	"datenever": func(fe validator.FieldError) string {
		if fmt.Sprint(fe.Value()) == "" {
			return label(fe) + " : la date est vide. Retirez-la, écrivez-la sous la forme AAAA-MM-JJ (par exemple 2025-03-14) ou répondez « never » (jamais)."
		}
		return fmt.Sprintf("%s : « %s » n'est pas une date valide. Écrivez-la sous la forme AAAA-MM-JJ (par exemple 2025-03-14), ou « never » si cela n'a jamais été fait.", label(fe), truncate(fmt.Sprint(fe.Value()), 40))
	},
	"insee": func(fe validator.FieldError) string {
		return fmt.Sprintf("%s : « %s » n'est pas un code INSEE de commune. Ce code a 5 caractères (2A ou 2B pour la Corse, 971 à 976 pour l'outre-mer) ; attention à ne pas le confondre avec le code postal.", label(fe), truncate(fmt.Sprint(fe.Value()), 40))
	},
	"dept": func(fe validator.FieldError) string {
		return fmt.Sprintf("%s : « %s » n'est pas un code de département. Exemples : 01, 2A, 34, 75, 971.", label(fe), truncate(fmt.Sprint(fe.Value()), 40))
	},
	"siren": func(fe validator.FieldError) string {
		return fmt.Sprintf("%s : « %s » n'est pas un numéro SIREN valide (9 chiffres, dont le dernier est une clé de contrôle). Vérifiez-le sur l'avis de situation au répertoire SIRENE.", label(fe), truncate(fmt.Sprint(fe.Value()), 40))
	},
	"sharesum": func(fe validator.FieldError) string {
		total, _ := shareSum(reflect.ValueOf(fe.Value()))
		return fmt.Sprintf("%s : les parts additionnées font %s %%, ce qui dépasse 100 %%.", label(fe), frenchValue(total))
	},
}

// HasFrenchMessage reports whether the validation tag has a French message of
// this package, so that packages validating their own types with
// [ValidateStruct] can test that no message falls back to English.
func HasFrenchMessage(tag string) bool {
	if t, known := model.Known(tag); known && t.Structural {
		return true
	}
	_, ok := messages[tag]
	return ok
}

func label(fe validator.FieldError) string {
	name := fe.Field()
	if i := strings.IndexByte(name, '['); i >= 0 {
		idx := strings.Trim(name[i:], "[]")
		name = name[:i]
		if n, err := strconv.Atoi(idx); err == nil {
			return fmt.Sprintf("« %s » (élément n° %d)", name, n+1)
		}
	}
	return "« " + name + " »"
}

func possibleValues(e Enum) string {
	if e == nil {
		return ""
	}
	opts := e.Options()
	var b strings.Builder
	b.WriteString("Valeurs possibles : ")
	for i, o := range opts {
		if i == 12 {
			fmt.Fprintf(&b, " et %d autres (voir le schéma du dossier)", len(opts)-i)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s = « %s »", o.Value, o.Label)
	}
	b.WriteString(".")
	return b.String()
}

// frenchNumber writes a validator parameter ("0.5") for a person to read.
func frenchNumber(param string) string { return frenchDigits(param, false) }

// frenchValue writes the value a validator refused for a person to read:
// numbers in full, with a decimal comma; « aucune » for no value.
func frenchValue(v any) string {
	s, ok := scalar(v)
	if !ok {
		return "aucune"
	}
	if rv := reflect.Indirect(reflect.ValueOf(v)); rv.CanFloat() || rv.CanInt() {
		return frenchDigits(s, false)
	}
	return s
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

// scalarValue is [Problem.Value] for a value the validator refused: empty
// unless it is a single value.
func scalarValue(v any) string {
	s, ok := scalar(v)
	if !ok {
		return ""
	}
	return problemValue(s)
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
		key, _ := jsonKey(sf)
		b.WriteString("/" + pointerEscape(key))
		t = sf.Type
		for hasIdx {
			var rest string
			idx, rest, _ = strings.Cut(idx, "]")
			b.WriteString("/" + pointerEscape(idx))
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

// atoi reads a validator parameter known to be a whole number.
func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
