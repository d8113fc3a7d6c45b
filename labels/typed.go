package labels

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/model"
)

// checkOf declares a check whose parameters are the fields of the struct P,
// (P is a pointer to it), so that a check reads p.Min, never a name a typo
// would turn into 0. The
// fields' tags document and type the parameters, as the dossier's tags do
// its answers (package internal/model reads them):
//
//   - json: the parameter's name in a referential;
//   - help: its French description, in the catalogue's documentation and
//     the referential's schema;
//   - default: its value when a rule leaves it out; without it, a rule
//     must set it;
//   - path: on a string or a list of strings, says that it names answers of
//     the dossier by JSON Pointer, and of which kind: "yesno" (a yes/no
//     answer), "list" (a list) or "date" (a date).
//
// The Go type gives the kind: int (a whole number from 0 to 1 000), float64
// (a number from 0 to 1 000), a string or a list of strings; a string type
// with Options and Valid methods (an enumeration of package clsm, or one of
// this package) restricts the values, each of which may be written « a|b »
// (one or the other).
//
// eval receives, as its dossier, a view that holds only the answers reads
// declares (and the answers below them): an answer it reads without
// declaring it is always blank, so that what the report names as read is
// what decided.
type checkOf[P any] struct { // P: a pointer to the parameter struct
	ID       string
	Title    string
	Axis     Axis
	reads    func(p P) []string
	eval     func(in input, p P, paths []string) Result
	validate func(p P) error
}

// noParams is the parameters of a check that has none.
type noParams struct{}

// fixedReads is the reads of a check whose paths do not depend on its
// parameters.
func fixedReads[P any](paths ...string) func(P) []string {
	return func(P) []string { return paths }
}

// check builds the catalogue's check, its parameter specifications derived
// from the struct P points to. It panics on a parameter struct it cannot
// describe: the tests build every check. P is a pointer type so that every
// check shares one instantiation of this code (Go's generics share the code
// of all pointer types): a value type per check would add a copy, and a long
// name, to the browser's checker for each.
func (c checkOf[P]) check() *Check {
	var zero P // a nil pointer, of the parameters' type
	typed := func(p Params) P { return typedParams(zero, p).(P) }
	out := &Check{ID: c.ID, Title: c.Title, Axis: c.Axis, Params: paramSpecsOf(zero),
		reads: func(p Params) []string { return c.reads(typed(p)) },
		eval:  func(in input, p Params, paths []string) Result { return c.eval(in, typed(p), paths) },
	}
	if c.validate != nil {
		out.validate = func(p Params) error { return c.validate(typed(p)) }
	}
	out.typed = func(p Params) any { return typed(p) }
	return out
}

// typedKey holds, in the decoded parameters of a rule, their parameter
// struct, made once when the referential is read; no parameter has this
// name, and [Rule.ParamValues] leaves it out.
const typedKey = "\x00typed"

// typedParams returns the parameter struct of the decoded parameters p, of
// the type zero points to: the one decodeParams made, or a new one. It goes
// through encoding/json, which the checker has anyway, rather than through
// reflection of its own.
func typedParams(zero any, p Params) any {
	if t, ok := p[typedKey]; ok {
		return t
	}
	v := model.New(zero)
	values := make(map[string]any, len(p))
	for k, x := range p {
		if k != typedKey {
			values[k] = x
		}
	}
	data, err := json.Marshal(values)
	if err == nil {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		panic(err) // decodeParams gives each parameter its field's kind
	}
	return v
}

// paramSpecsOf derives the specifications of the parameters of the struct
// type proto points to.
func paramSpecsOf(proto any) []ParamSpec {
	desc, err := model.DescribeValue(proto)
	if err != nil {
		panic(err)
	}
	return paramSpecs(desc)
}

// paramSpecs derives the specifications of a check's parameters from the
// description of its parameter struct.
func paramSpecs(desc *model.Struct) []ParamSpec {
	var specs []ParamSpec
	for _, f := range desc.Fields {
		spec := ParamSpec{Name: f.Key, Description: f.Help, PathKind: f.StructTag.Get("path")}
		_, isPath := f.StructTag.Lookup("path")
		elem := &f.Value
		list := f.List()
		if list {
			elem = f.Item
		}
		// The kind's name, as package reflect writes it: this package
		// leaves reflection to the model.
		switch kind := elem.Type.Kind().String(); {
		case kind == "string" && list && isPath:
			spec.Kind = ParamPaths
		case kind == "string" && list:
			spec.Kind = ParamStrings
		case kind == "string" && isPath:
			spec.Kind = ParamPath
		case kind == "string":
			spec.Kind = ParamString
		case kind == "int" && !list:
			spec.Kind = ParamInt
		case kind == "float64" && !list:
			spec.Kind = ParamNumber
		default:
			panic(fmt.Sprintf("labels: parameter %s: a %s is no kind of parameter", f.Key, f.Type))
		}
		if opts, ok := model.EnumOptions(elem.Type); ok {
			spec.Options = make([]clsm.Option, len(opts))
			for i, o := range opts {
				spec.Options[i] = clsm.Option(o)
			}
		}
		if def, ok := f.StructTag.Lookup("default"); ok {
			var err error
			switch spec.Kind {
			case ParamInt:
				spec.Default, err = strconv.Atoi(def)
			case ParamNumber:
				spec.Default, err = strconv.ParseFloat(def, 64)
			case ParamString:
				spec.Default = def
			default:
				err = fmt.Errorf("a %s parameter has no default", spec.Kind)
			}
			if err != nil {
				panic(fmt.Sprintf("labels: parameter %s: default %q: %v", f.Key, def, err))
			}
		}
		specs = append(specs, spec)
	}
	return specs
}
