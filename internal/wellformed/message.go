package wellformed

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/clsmkit/go-clsm/internal/model"
)

// Fault is one value a validate rule refuses, as the two validations
// describe it (validator/v10's in the native build, the generated code's in
// the browser build), so that both write the same [Problem] with the same
// French message.
type Fault struct {
	Tag   string // the rule, which is the problem's code: "required", "max"…
	Param string // the rule's parameter as the tag writes it, or ""
	Path  string // the JSON Pointer of the value
	Name  string // the field's French title, or its JSON key when it has none
	// Item is, for an item of a list, its position ("0" for the first),
	// or its key in a map; "" for the field itself.
	Item string
	// Raw is the value as fmt.Sprint writes it (pointers followed, "<nil>"
	// for a missing one).
	Raw string
	// Text is a single value (a text, a number, a boolean) written as JSON
	// would, without the quotes; Single says there is one (not a list, an
	// object or a missing value).
	Text   string
	Single bool
	// Number says the value is a number.
	Number bool
	// List says the value is a list (a slice), of Len items.
	List bool
	Len  int
	// Options are the values an enumeration allows (rule enum).
	Options []model.Option
	// Sum is the total of the shares (rule sharesum).
	Sum float64
}

// Problem is the problem the fault is: its code, path, French message,
// parameter and value.
func (f Fault) Problem() Problem {
	p := Problem{Code: f.Tag, Path: f.Path, Message: f.Message(), Param: f.Param}
	if f.Single {
		p.Value = Value(f.Text)
	}
	return p
}

// Message is the French message of the fault.
func (f Fault) Message() string {
	if msg, ok := messages[f.Tag]; ok {
		return msg(f)
	}
	return fmt.Sprintf("%s n'est pas valide (règle « %s »).", f.label(), f.Tag)
}

// HasMessage reports whether the validate rule tag has a French message
// (structural rules need none), so that the packages validating their own
// types can test that none falls back to a generic one.
func HasMessage(tag string) bool {
	if t, known := model.Known(tag); known && t.Structural {
		return true
	}
	_, ok := messages[tag]
	return ok
}

// messages holds the French message of every validation tag package
// internal/model knows, structural ones excepted. A test checks that every
// known tag is here.
var messages = map[string]func(Fault) string{
	"required": func(f Fault) string {
		return f.label() + " est obligatoire ici."
	},
	"eq": func(f Fault) string {
		return fmt.Sprintf("%s doit valoir %s : ce fichier a été écrit pour une autre version du format.", f.label(), f.Param)
	},
	"max": func(f Fault) string {
		if f.List {
			// Every list's maximum is set far above what a real CLSM or
			// referential has (see the comments of the model's types): a
			// list past it is a wrong file or a copy gone wrong, not a big
			// CLSM, and the message says so rather than only the numbers.
			return fmt.Sprintf("La liste %s compte %s ; elle en admet au plus %s, bien plus qu'on n'en rencontre en réalité : vérifiez que c'est le bon fichier, ou retirez les éléments en trop.",
				f.label(), Count(f.Len, "élément", "éléments"), Digits(f.Param, true))
		}
		return fmt.Sprintf("%s ne doit pas dépasser %s caractères (le texte en compte %s).", f.label(), Digits(f.Param, true), Digits(strconv.Itoa(utf8.RuneCountInString(f.Raw)), true))
	},
	"min": func(f Fault) string {
		if f.List {
			return fmt.Sprintf("%s doit compter au moins %s.", f.label(), Count(atoi(f.Param), "élément", "éléments"))
		}
		return fmt.Sprintf("%s doit compter au moins %s.", f.label(), Count(atoi(f.Param), "caractère", "caractères"))
	},
	"lt": func(f Fault) string {
		return fmt.Sprintf("%s doit valoir moins de %s (valeur donnée : %s).", f.label(), Digits(f.Param, false), f.value())
	},
	"gte": func(f Fault) string {
		return fmt.Sprintf("%s doit valoir au moins %s (valeur donnée : %s).", f.label(), Digits(f.Param, false), f.value())
	},
	"gt": func(f Fault) string {
		return fmt.Sprintf("%s doit valoir plus de %s (valeur donnée : %s).", f.label(), Digits(f.Param, false), f.value())
	},
	"lte": func(f Fault) string {
		return fmt.Sprintf("%s doit valoir au plus %s (valeur donnée : %s).", f.label(), Digits(f.Param, false), f.value())
	},
	"unique": func(f Fault) string {
		return f.label() + " contient deux fois la même valeur ; retirez le doublon."
	},
	"enum": func(f Fault) string {
		return fmt.Sprintf("%s : « %s » n'est pas une valeur possible. %s", f.label(), Truncate(f.Raw, 60), possibleValues(f.Options))
	},
	"date": func(f Fault) string {
		if f.Raw == "" {
			return f.label() + " : la date est vide. Retirez-la ou écrivez-la sous la forme AAAA-MM-JJ, par exemple 2025-03-14."
		}
		return fmt.Sprintf("%s : « %s » n'est pas une date valide. Écrivez-la sous la forme AAAA-MM-JJ, par exemple 2025-03-14.", f.label(), Truncate(f.Raw, 40))
	},
	"datenever": func(f Fault) string {
		if f.Raw == "" {
			return f.label() + " : la date est vide. Retirez-la, écrivez-la sous la forme AAAA-MM-JJ (par exemple 2025-03-14) ou répondez « never » (jamais)."
		}
		return fmt.Sprintf("%s : « %s » n'est pas une date valide. Écrivez-la sous la forme AAAA-MM-JJ (par exemple 2025-03-14), ou « never » si cela n'a jamais été fait.", f.label(), Truncate(f.Raw, 40))
	},
	"insee": func(f Fault) string {
		return fmt.Sprintf("%s : « %s » n'est pas un code INSEE de commune. Ce code a 5 caractères (2A ou 2B pour la Corse, 971 à 976 pour l'outre-mer) ; attention à ne pas le confondre avec le code postal.", f.label(), Truncate(f.Raw, 40))
	},
	"dept": func(f Fault) string {
		return fmt.Sprintf("%s : « %s » n'est pas un code de département. Exemples : 01, 2A, 34, 75, 971.", f.label(), Truncate(f.Raw, 40))
	},
	"siren": func(f Fault) string {
		return fmt.Sprintf("%s : « %s » n'est pas un numéro SIREN valide (9 chiffres, dont le dernier est une clé de contrôle). Vérifiez-le sur l'avis de situation au répertoire SIRENE.", f.label(), Truncate(f.Raw, 40))
	},
	"sharesum": func(f Fault) string {
		return fmt.Sprintf("%s : les parts additionnées font %s %%, ce qui dépasse 100 %%.", f.label(), Digits(strconv.FormatFloat(f.Sum, 'f', -1, 64), false))
	},
}

// label names the field for a message: « Titre », or « Titre » (élément
// n° 2) for the second item of a list.
func (f Fault) label() string {
	if f.Item != "" {
		if n, err := strconv.Atoi(f.Item); err == nil {
			return fmt.Sprintf("« %s » (élément n° %d)", f.Name, n+1)
		}
	}
	return "« " + f.Name + " »"
}

// value writes the refused value for a person to read: numbers in full,
// with a decimal comma; « aucune » for no single value.
func (f Fault) value() string {
	switch {
	case !f.Single:
		return "aucune"
	case f.Number:
		return Digits(f.Text, false)
	}
	return f.Text
}

func possibleValues(opts []model.Option) string {
	if opts == nil {
		return ""
	}
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

// atoi reads a rule parameter known to be a whole number.
func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// Faults collects, in order, the faults the generated validation finds; its
// problems are those validator/v10's would be.
type Faults struct {
	list    []Fault
	omitted int
}

// Add records a fault; past [MaxProblems], it is only counted.
func (c *Faults) Add(f Fault) {
	if len(c.list) >= MaxProblems {
		c.omitted++
		return
	}
	c.list = append(c.list, f)
}

// Problems returns the problems of the faults, nil when there is none,
// capped as [Struct] caps them.
func (c *Faults) Problems() Problems {
	if len(c.list) == 0 {
		return nil
	}
	ps := make(Problems, 0, len(c.list)+1)
	for _, f := range c.list {
		ps = append(ps, f.Problem())
	}
	if c.omitted > 0 {
		ps = append(ps, TooMany(c.omitted))
	}
	return Capped(ps)
}

// Unique reports whether no two items of s are equal (rule unique).
func Unique[E comparable](s []E) bool {
	seen := make(map[E]struct{}, len(s))
	for _, e := range s {
		seen[e] = struct{}{}
	}
	return len(seen) == len(s)
}
