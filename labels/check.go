package labels

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/answers"
	"github.com/clsmkit/go-clsm/internal/model"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// Check is one verification of the catalogue, written in Go. A referential's
// rule selects a check by ID and sets its parameters.
type Check struct {
	ID     string      // stable identifier, e.g. "meetings.count"
	Title  string      // French, short
	Axis   Axis        // the axis a rule gets when it sets none
	Params []ParamSpec // typed parameters, with their defaults

	// reads lists the dossier paths the check reads with these parameters.
	reads func(p Params) []string
	// eval computes the outcome. It never sees a stage or a condition: the
	// rule has handled them.
	// paths are the check's reads with these parameters: the one
	// declaration of the dossier paths a result names.
	eval func(in input, p Params, paths []string) Result
	// validate checks relations between parameters after their types.
	validate func(p Params) error
	// typed makes the parameter struct of decoded parameters.
	typed func(p Params) any
}

// run evaluates the check on a view of the dossier that holds only the
// answers its reads declare: an answer it reads without declaring it is
// blank. A result that names no paths names the check's reads.
func (c *Check) run(in input, p Params) Result {
	paths := c.reads(p)
	// Reading the referential checked every path: one the model does not
	// describe comes from a parameter value the check refuses itself
	// (impossible), and the view leaves it out.
	view, _ := model.Only(in.d, paths)
	in.d = view.(*clsm.Dossier)
	res := c.eval(in, p, paths)
	if len(res.Paths) == 0 {
		res.Paths = paths
	}
	return res
}

// Reads lists the dossier paths (JSON Pointers) the check reads with the given
// parameters.
func (c *Check) Reads(p Params) []string { return c.reads(p) }

// ParamKind is the type of a check parameter.
type ParamKind string

// Kinds of parameters.
const (
	ParamInt     ParamKind = "int"     // a whole number
	ParamNumber  ParamKind = "number"  // a number
	ParamString  ParamKind = "string"  // one of Options
	ParamStrings ParamKind = "strings" // a list of Options; "a|b" accepts either
	ParamPath    ParamKind = "path"    // a JSON Pointer into the dossier
	ParamPaths   ParamKind = "paths"   // a list of JSON Pointers
)

// ParamSpec describes one parameter of a check.
type ParamSpec struct {
	Name        string
	Kind        ParamKind
	Description string        // French
	Default     any           // nil: the parameter is required
	Options     []clsm.Option // allowed values of a string or strings parameter, if restricted
	// PathKind restricts a path parameter: "yesno" (a *bool), "list" (a
	// list) or "date" (a clsm.Date).
	PathKind string
}

// MaxListParam bounds a list parameter (paths, values): a rule reads a few
// answers, and the bound keeps the work of a hostile referential small.
const MaxListParam = 50

// Params holds the decoded parameters of a rule: int, float64, string or
// []string values, by name.
type Params map[string]any

// Int returns an int parameter.
func (p Params) Int(name string) int { v, _ := p[name].(int); return v }

// Number returns a number parameter.
func (p Params) Number(name string) float64 { v, _ := p[name].(float64); return v }

// String returns a string or path parameter.
func (p Params) String(name string) string { v, _ := p[name].(string); return v }

// Strings returns a strings or paths parameter.
func (p Params) Strings(name string) []string { v, _ := p[name].([]string); return v }

// Result is the outcome of one rule for one dossier.
type Result struct {
	Outcome Outcome  `json:"outcome"`
	Detail  string   `json:"detail"`            // French: what was found
	Paths   []string `json:"paths"`             // the dossier paths involved
	Missing []string `json:"missing,omitempty"` // unanswered paths that could change the outcome
	// DueOn is, for a [NotDue] outcome, the first day the rule can be
	// judged: from then on it is met or unmet. Empty otherwise.
	DueOn clsm.Date `json:"dueOn,omitempty"`
}

type input struct {
	d  *clsm.Dossier
	at time.Time
}

// decodeParams checks and decodes raw parameters against the check's specs.
// It returns one problem per fault, with paths under base.
func (c *Check) decodeParams(raw map[string]json.RawMessage, base string) (Params, clsm.Problems) {
	var ps clsm.Problems
	p := Params{}
	known := map[string]bool{}
	for _, spec := range c.Params {
		known[spec.Name] = true
		at := base + "/" + spec.Name
		data, ok := raw[spec.Name]
		if !ok {
			if spec.Default == nil {
				ps = append(ps, clsm.Problem{Code: CodeMissingParam, Path: base, Message: fmt.Sprintf(
					"La vérification « %s » demande le paramètre « %s » (%s).", c.ID, spec.Name, spec.Description)})
				continue
			}
			p[spec.Name] = spec.Default
			continue
		}
		v, err := spec.decode(data)
		if err != nil {
			ps = append(ps, clsm.Problem{Code: CodeParamType, Path: at, Message: fmt.Sprintf(
				"Le paramètre « %s » de la vérification « %s » : %s.", spec.Name, c.ID, err)})
			continue
		}
		p[spec.Name] = v
	}
	var unknown []string
	for name := range raw {
		if !known[name] {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		// Sorted, so that the problems come in the same order every time.
		slices.Sort(unknown)
		names := make([]string, len(c.Params))
		for i, s := range c.Params {
			names[i] = s.Name
		}
		expected := "elle n'a aucun paramètre"
		if len(names) > 0 {
			expected = "ses paramètres sont\u00a0: " + strings.Join(names, ", ")
		}
		for _, name := range unknown {
			ps = append(ps, clsm.Problem{Code: CodeUnknownParam, Path: base + "/" + name, Message: fmt.Sprintf(
				"La vérification « %s » n'a pas de paramètre « %s »\u00a0; %s.", c.ID, truncate(name, 80), expected)})
		}
	}
	if len(ps) == 0 && c.typed != nil {
		p[typedKey] = c.typed(p)
	}
	if len(ps) == 0 && c.validate != nil {
		if err := c.validate(p); err != nil {
			ps = append(ps, clsm.Problem{Code: CodeParamValue, Path: base, Message: fmt.Sprintf(
				"Les paramètres de la vérification « %s » ne vont pas ensemble : %s.", c.ID, err)})
		}
	}
	return p, ps
}

func (s ParamSpec) decode(data json.RawMessage) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("la valeur n'est pas du JSON valide")
	}
	switch s.Kind {
	case ParamInt:
		n, ok := raw.(json.Number)
		if !ok {
			return nil, fmt.Errorf("un nombre entier est attendu")
		}
		// 2.0 and 2e0 are whole numbers, as JSON Schema counts them.
		f, err := n.Float64()
		if err != nil || f != math.Trunc(f) || f < 0 || f > 1000 {
			return nil, fmt.Errorf("un nombre entier entre 0 et 1000 est attendu, et non %s", n)
		}
		return int(f), nil
	case ParamNumber:
		n, ok := raw.(json.Number)
		if !ok {
			return nil, fmt.Errorf("un nombre est attendu")
		}
		f, err := n.Float64()
		if err != nil || f < 0 || f > 1000 {
			return nil, fmt.Errorf("un nombre entre 0 et 1000 est attendu, et non %s", n)
		}
		return f, nil
	case ParamString, ParamPath:
		str, ok := raw.(string)
		if !ok {
			return nil, fmt.Errorf("un texte est attendu")
		}
		return str, s.checkValue(str)
	case ParamStrings, ParamPaths:
		list, ok := raw.([]any)
		if !ok || len(list) == 0 {
			return nil, fmt.Errorf("une liste non vide de textes est attendue")
		}
		if len(list) > MaxListParam {
			return nil, fmt.Errorf("la liste compte %s, pour %d au plus", wellformed.Count(len(list), "élément", "éléments"), MaxListParam)
		}
		out := make([]string, len(list))
		for i, item := range list {
			str, ok := item.(string)
			if !ok {
				return nil, fmt.Errorf("l'élément n° %d de la liste n'est pas un texte", i+1)
			}
			if err := s.checkValue(str); err != nil {
				return nil, err
			}
			out[i] = str
		}
		return out, nil
	}
	return nil, fmt.Errorf("type de paramètre inconnu %q", s.Kind)
}

func (s ParamSpec) checkValue(v string) error {
	if s.Kind == ParamPath || s.Kind == ParamPaths {
		return checkPath(v, s.PathKind)
	}
	if s.Options == nil {
		return nil
	}
	for _, alt := range strings.Split(v, "|") {
		if !hasOption(s.Options, alt) {
			values := make([]string, len(s.Options))
			for i, o := range s.Options {
				values[i] = o.Value
			}
			return fmt.Errorf("« %s » n'est pas une valeur possible (valeurs possibles : %s)", truncate(alt, 80), strings.Join(values, ", "))
		}
	}
	return nil
}

var (
	yesNoType = reflect.TypeFor[*bool]()
	dateType  = reflect.TypeFor[clsm.Date]()
)

func checkPath(path, kind string) error {
	f, err := answers.FieldAt(path)
	if err != nil {
		return err
	}
	switch kind {
	case "yesno":
		if f.Type != yesNoType {
			return fmt.Errorf("« %s » n'est pas une question à réponse oui/non", truncate(path, 80))
		}
	case "list":
		if f.Type.Kind() != reflect.Slice {
			return fmt.Errorf("« %s » n'est pas une liste", truncate(path, 80))
		}
	case "date":
		if f.Type != dateType {
			return fmt.Errorf("« %s » n'est pas une date", truncate(path, 80))
		}
	}
	return nil
}
