package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/answers"
	"github.com/clsmkit/go-clsm/internal/model"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
	"github.com/invopop/jsonschema"
)

// Generate reflects root into a draft 2020-12 schema and copies onto it what
// invopop/jsonschema does not read: what package internal/model describes of
// the validate tags (required-ness, ranges, lengths, enumerations, formats)
// and the French title and help tags. The validate tags stay the one source
// of truth for the constraints, and internal/model their one reader.
//
// For a document people write (dossier, referential) required-ness comes from
// validate:"required" only; for a document the program writes (report),
// alwaysWritten makes every key without omitempty or omitzero required, since
// it is always present.
//
// adjust, when not nil, adds what the types alone cannot say (the
// referential's parameters by check) once the annotations are made.
func Generate(root any, id, title, description string, alwaysWritten bool, adjust func(*jsonschema.Schema) error) ([]byte, error) {
	r := &jsonschema.Reflector{
		RequiredFromJSONSchemaTags: !alwaysWritten,
		Mapper:                     mapper,
	}
	s := r.Reflect(root)
	s.ID = jsonschema.ID(id)
	s.Title = title
	s.Description = description
	types := map[string]reflect.Type{}
	if err := collect(reflect.TypeOf(root), types); err != nil {
		return nil, err
	}
	for name, t := range types {
		def, ok := s.Definitions[name]
		if !ok {
			return nil, fmt.Errorf("no definition %q for type %s", name, t)
		}
		if err := annotate(def, t); err != nil {
			return nil, fmt.Errorf("%s: %w", t, err)
		}
	}
	if adjust != nil {
		if err := adjust(s); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// mapper keeps named string types (enumerations, codes, dates) inline as
// strings; annotate adds their constraints from the validate tags.
func mapper(t reflect.Type) *jsonschema.Schema {
	if t == reflect.TypeFor[json.RawMessage]() {
		return &jsonschema.Schema{} // any JSON value; the Go side checks it
	}
	if t.Kind() == reflect.String && t.PkgPath() != "" {
		return &jsonschema.Schema{Type: "string"}
	}
	return nil
}

// collect finds every struct type reachable from t, by definition name, and
// fails on two types sharing a name.
func collect(t reflect.Type, into map[string]reflect.Type) error {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	if prev, ok := into[t.Name()]; ok {
		if prev != t {
			return fmt.Errorf("two types are named %s: %s and %s", t.Name(), prev, t)
		}
		return nil
	}
	into[t.Name()] = t
	for i := 0; i < t.NumField(); i++ {
		if !t.Field(i).IsExported() {
			continue
		}
		if err := collect(t.Field(i).Type, into); err != nil {
			return err
		}
	}
	return nil
}

// annotate copies onto def, the definition of struct type t, what the
// model's description says of each field.
func annotate(def *jsonschema.Schema, t reflect.Type) error {
	desc, err := model.Describe(t)
	if err != nil {
		return err
	}
	for _, f := range desc.Fields {
		prop, ok := def.Properties.Get(f.Key)
		if !ok {
			return fmt.Errorf("no property %q", f.Key)
		}
		prop.Title = f.Title
		prop.Description = f.Help
		apply(prop, &f.Value)
		if f.Declared == reflect.TypeFor[*bool]() {
			yesNo(prop)
		}
		if f.Required && !slices.Contains(def.Required, f.Key) {
			def.Required = append(def.Required, f.Key)
		}
		if f.Item != nil && f.Item.Rules != "" {
			if prop.Items == nil {
				return fmt.Errorf("field %s: no items in the schema of a list", f.GoName)
			}
			apply(prop.Items, f.Item)
		}
	}
	return nil
}

// apply copies the described constraints of one value (a field's, or a
// list's items) onto s, its schema.
func apply(s *jsonschema.Schema, v *model.Value) {
	if v.Const != nil {
		s.Const = json.Number(v.Const.Text)
	}
	if b := v.Min; b != nil && b.Exclusive {
		s.ExclusiveMinimum = json.Number(b.Text)
	} else if b != nil {
		s.Minimum = json.Number(b.Text)
	}
	if b := v.Max; b != nil && b.Exclusive {
		s.ExclusiveMaximum = json.Number(b.Text)
	} else if b != nil {
		s.Maximum = json.Number(b.Text)
	}
	s.MinLength = count(v.MinLength)
	s.MaxLength = count(v.MaxLength)
	s.MinItems = count(v.MinItems)
	s.MaxItems = count(v.MaxItems)
	if v.Unique {
		s.UniqueItems = true
	}
	switch v.Format {
	case model.FormatEnum, model.FormatDept:
		enumerate(s, v.Options)
	case model.FormatDate:
		s.Format = "date"
		s.Pattern = wellformed.DatePattern
	case model.FormatDateNever:
		// A day, or the answer « jamais ».
		s.Type = ""
		s.AnyOf = []*jsonschema.Schema{
			{Type: "string", Format: "date", Pattern: wellformed.DatePattern, Title: "Date"},
			{Type: "string", Const: string(clsm.Never), Title: "Jamais"},
		}
	case model.FormatINSEE:
		s.Pattern = wellformed.CommunePattern
	case model.FormatSIREN:
		s.Pattern = wellformed.SIRENPattern
		s.Format = "siren"
	case model.FormatShareSum:
		// No keyword of JSON Schema adds up values: the rule is the Go
		// validator's (clsm.Parse), and the schema says so.
		s.Description = strings.TrimSpace(s.Description + " " + shareSumRule)
	}
}

func count(n *int) *uint64 {
	if n == nil {
		return nil
	}
	return ptr(uint64(*n))
}

// shareSumRule is the description of a list of funders: the rule on the
// sum of their shares, which no schema can express.
const shareSumRule = "Les parts additionnées ne doivent pas dépasser 100 % : cette règle est vérifiée par le validateur Go (clsm.Parse) et par le formulaire, mais aucun schéma JSON ne peut l'exprimer ; un validateur de schéma ne la voit donc pas."

// enumerate sets the allowed values as a standard "oneOf" of "const" with
// the French label as "title", which form generators show in their
// drop-down lists and editors in their completions.
func enumerate(s *jsonschema.Schema, opts []model.Option) {
	s.Enum = nil
	s.OneOf = make([]*jsonschema.Schema, len(opts))
	for i, o := range opts {
		s.OneOf[i] = &jsonschema.Schema{Const: o.Value, Title: o.Label}
	}
}

// yesNo gives a yes/no question its two answers, titled « Oui » and « Non »,
// so that a form generator shows both (and an absent key, « non renseigné »,
// as a third state) instead of a single checkbox.
func yesNo(s *jsonschema.Schema) {
	s.OneOf = []*jsonschema.Schema{{Const: true, Title: "Oui"}, {Const: false, Title: "Non"}}
}

func ptr[T any](v T) *T { return &v }

// discriminate makes the referential schema check what labels.Parse checks
// of each rule against the catalogue: the check's ID is one of the
// catalogue's, and its parameters are those of that check (names, types,
// allowed values, required ones), by an if/then on "check" per check. It
// also restricts conditions to the dossier's questions and their possible
// answers, regions to INSEE region codes, "extends" to the built-in
// referentials, and asks a referential that extends none for its own
// documents and rules.
func discriminate(s *jsonschema.Schema) error {
	rule, cond, ref := s.Definitions["Rule"], s.Definitions["Condition"], s.Definitions["Referential"]
	if rule == nil || cond == nil || ref == nil {
		return fmt.Errorf("the referential schema has no Rule, Condition or Referential definition")
	}
	paths, err := dossierPaths()
	if err != nil {
		return err
	}
	check, _ := rule.Properties.Get("check")
	for _, c := range labels.Catalogue() {
		check.OneOf = append(check.OneOf, &jsonschema.Schema{Const: c.ID, Title: c.Title, Description: c.Description()})
		params, err := paramsSchema(c, paths)
		if err != nil {
			return fmt.Errorf("check %s: %w", c.ID, err)
		}
		then := &jsonschema.Schema{Properties: jsonschema.NewProperties()}
		then.Properties.Set("params", params)
		if len(params.Required) > 0 {
			then.Required = []string{"params"}
		}
		rule.AllOf = append(rule.AllOf, &jsonschema.Schema{If: constIf("check", c.ID), Then: then})
	}
	// A required rule cites its text and the word of it that obliges, and
	// that word is not one that advises or gives an example.
	var weak []any
	for _, w := range labels.ModalWords() {
		if f, _, _ := labels.ModalLevels(w); f != labels.ForceObligation {
			weak = append(weak, w)
		}
	}
	quoted := &jsonschema.Schema{Required: []string{"quote", "modal"}, Properties: jsonschema.NewProperties()}
	quoted.Properties.Set("quote", &jsonschema.Schema{Type: "string", Pattern: `\S`})
	quoted.Properties.Set("modal", &jsonschema.Schema{Type: "string", Pattern: `\S`, Not: &jsonschema.Schema{Enum: weak}})
	rule.AllOf = append(rule.AllOf, &jsonschema.Schema{If: constIf("level", string(labels.LevelRequired)), Then: quoted})
	level, _ := rule.Properties.Get("level")
	level.Description = strings.TrimSpace(level.Description + " Une règle « requis » cite le texte qui la fonde (« quote ») et le mot de ce texte qui oblige (« modal ») : sans eux, ou avec un mot qui recommande ou donne un exemple (« peut », « recommande », « par exemple »…), elle ne peut être que « recommandé » ou « bonne pratique ».")
	rule.Properties.Set("params", &jsonschema.Schema{Type: "object", Title: "Paramètres de la vérification",
		Description: "Ceux de la vérification choisie dans « check » : leurs noms, types et valeurs possibles dépendent d'elle."})

	// Conditions: a question with a single answer, and answers of its type.
	path, _ := cond.Properties.Get("path")
	for _, p := range paths {
		if p.pointer == "/schemaVersion" || !p.scalar() {
			continue
		}
		path.Enum = append(path.Enum, p.pointer)
		then := &jsonschema.Schema{Properties: jsonschema.NewProperties()}
		then.Properties.Set("in", &jsonschema.Schema{Type: "array", Items: answerSchema(p.typ)})
		cond.AllOf = append(cond.AllOf, &jsonschema.Schema{If: constIf("path", p.pointer), Then: then})
	}

	regions, _ := ref.Properties.Get("regions")
	for _, r := range clsm.Regions() {
		regions.Items.OneOf = append(regions.Items.OneOf, &jsonschema.Schema{Const: r.Code, Title: r.Name})
	}
	extends, _ := ref.Properties.Get("extends")
	for _, b := range labels.Builtins() {
		extends.OneOf = append(extends.OneOf, &jsonschema.Schema{Const: b.ID, Title: b.Name})
	}
	// Without "extends": documents and rules of its own, no drop, no override.
	standalone := &jsonschema.Schema{Required: []string{"documents", "rules"}, Properties: jsonschema.NewProperties()}
	standalone.Properties.Set("documents", &jsonschema.Schema{Type: "array", MinItems: ptr(uint64(1))})
	standalone.Properties.Set("rules", &jsonschema.Schema{Type: "array", MinItems: ptr(uint64(1))})
	standalone.Properties.Set("drop", &jsonschema.Schema{Type: "array", MaxItems: ptr(uint64(0))})
	standalone.Properties.Set("override", &jsonschema.Schema{Type: "array", MaxItems: ptr(uint64(0))})
	absent := &jsonschema.Schema{Required: []string{"extends"}, Properties: jsonschema.NewProperties()}
	absent.Properties.Set("extends", &jsonschema.Schema{Type: "string"}) // named here for Ajv's strictRequired
	ref.AllOf = append(ref.AllOf, &jsonschema.Schema{If: &jsonschema.Schema{Not: absent}, Then: standalone})
	return nil
}

// constIf is the "if" of a discrimination: key is present and equals value.
func constIf(key string, value any) *jsonschema.Schema {
	s := &jsonschema.Schema{Properties: jsonschema.NewProperties(), Required: []string{key}}
	s.Properties.Set(key, &jsonschema.Schema{Const: value})
	return s
}

// dossierPath is a place of the dossier model a JSON Pointer of object keys
// names, as answers.FieldAt resolves it.
type dossierPath struct {
	pointer string
	typ     reflect.Type
}

var enumType = reflect.TypeFor[clsm.Enum]()

// scalar reports whether the place holds a single answer (not an object,
// not a list).
func (p dossierPath) scalar() bool {
	t := p.typ
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() != reflect.Struct && t.Kind() != reflect.Slice && t.Kind() != reflect.Map
}

// kind tells whether the place fits a path parameter's PathKind, as
// labels.Parse checks it.
func (p dossierPath) kind(kind string) bool {
	switch kind {
	case "yesno":
		return p.typ == reflect.TypeFor[*bool]()
	case "list":
		return p.typ.Kind() == reflect.Slice
	case "date":
		return p.typ == reflect.TypeFor[clsm.Date]()
	}
	return true
}

// dossierPaths lists every JSON Pointer answers.FieldAt resolves, in the order
// of the fields; it checks each against FieldAt.
func dossierPaths() ([]dossierPath, error) {
	var out []dossierPath
	model.MustDescribe(reflect.TypeFor[clsm.Dossier]()).Walk(func(f *model.Field) {
		if !strings.Contains(f.Pointer, "/-") { // the model's walk, list items left out
			out = append(out, dossierPath{pointer: f.Pointer, typ: f.Declared})
		}
	})
	for _, p := range out {
		f, err := answers.FieldAt(p.pointer)
		if err != nil || f.Type != p.typ {
			return nil, fmt.Errorf("path %s does not resolve as the model says: %v", p.pointer, err)
		}
	}
	return out, nil
}

// answerSchema is the schema of one possible answer at a place of type t,
// as labels.Parse decodes a condition's value.
func answerSchema(t reflect.Type) *jsonschema.Schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Implements(enumType) {
		s := &jsonschema.Schema{Type: "string"}
		enumerate(s, modelOptions(reflect.Zero(t).Interface().(clsm.Enum).Options()))
		return s
	}
	switch t.Kind() {
	case reflect.Bool:
		s := &jsonschema.Schema{Type: "boolean"}
		yesNo(s)
		return s
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return &jsonschema.Schema{Type: "integer"}
	case reflect.Float32, reflect.Float64:
		return &jsonschema.Schema{Type: "number"}
	}
	return &jsonschema.Schema{Type: "string"}
}

func modelOptions(opts []clsm.Option) []model.Option {
	out := make([]model.Option, len(opts))
	for i, o := range opts {
		out[i] = model.Option{Value: o.Value, Label: o.Label}
	}
	return out
}

// paramsSchema is the schema of the parameters of check c: an object with
// exactly its parameters, each of its type, the required ones (those
// without a default) required.
func paramsSchema(c *labels.Check, paths []dossierPath) (*jsonschema.Schema, error) {
	s := &jsonschema.Schema{Type: "object", Title: "Paramètres de « " + c.ID + " »", Properties: jsonschema.NewProperties(),
		AdditionalProperties: jsonschema.FalseSchema}
	for _, spec := range c.Params {
		var p *jsonschema.Schema
		switch spec.Kind {
		case labels.ParamInt:
			p = &jsonschema.Schema{Type: "integer", Minimum: "0", Maximum: "1000"}
		case labels.ParamNumber:
			p = &jsonschema.Schema{Type: "number", Minimum: "0", Maximum: "1000"}
		case labels.ParamString:
			p = stringParam(spec.Options)
		case labels.ParamPath:
			p = pathParam(paths, spec.PathKind)
		case labels.ParamStrings:
			p = listParam(stringParam(spec.Options))
		case labels.ParamPaths:
			p = listParam(pathParam(paths, spec.PathKind))
		default:
			return nil, fmt.Errorf("parameter %s: unknown kind %q", spec.Name, spec.Kind)
		}
		p.Title = spec.Name
		p.Description = strings.ToUpper(spec.Description[:1]) + spec.Description[1:] + "."
		if spec.Default != nil {
			p.Default = spec.Default
		} else {
			s.Required = append(s.Required, spec.Name)
		}
		s.Properties.Set(spec.Name, p)
	}
	valuesOfList(c, s, paths)
	return s, nil
}

// valuesOfList adds what labels.Parse checks between two parameters of a
// check that takes a list (path, PathKind "list") and the values it must
// contain (strings without options of their own): the list is one of
// values to choose, and the values are among its options.
func valuesOfList(c *labels.Check, s *jsonschema.Schema, paths []dossierPath) {
	var list, values string
	for _, spec := range c.Params {
		switch {
		case spec.Kind == labels.ParamPath && spec.PathKind == "list":
			list = spec.Name
		case spec.Kind == labels.ParamStrings && spec.Options == nil:
			values = spec.Name
		}
	}
	if list == "" || values == "" {
		return
	}
	path, _ := s.Properties.Get(list)
	path.Enum = nil
	for _, p := range paths {
		if p.typ.Kind() != reflect.Slice || !p.typ.Elem().Implements(enumType) {
			continue
		}
		path.Enum = append(path.Enum, p.pointer)
		then := &jsonschema.Schema{Properties: jsonschema.NewProperties()}
		then.Properties.Set(values, listParam(stringParam(modelOptions(reflect.Zero(p.typ.Elem()).Interface().(clsm.Enum).Options()))))
		s.AllOf = append(s.AllOf, &jsonschema.Schema{If: constIf(list, p.pointer), Then: then})
	}
}

// stringParam is a text parameter; with options, one of them or several
// joined by « | » (either one will do), as labels.Parse reads it.
func stringParam(opts any) *jsonschema.Schema {
	var values []model.Option
	switch o := opts.(type) {
	case []clsm.Option:
		values = modelOptions(o)
	case []model.Option:
		values = o
	}
	s := &jsonschema.Schema{Type: "string"}
	if len(values) == 0 {
		return s
	}
	one := &jsonschema.Schema{}
	enumerate(one, values)
	quoted := make([]string, len(values))
	for i, o := range values {
		quoted[i] = regexp.QuoteMeta(o.Value)
	}
	alt := "(?:" + strings.Join(quoted, "|") + ")"
	s.AnyOf = []*jsonschema.Schema{one, {Pattern: "^" + alt + "(?:\\|" + alt + ")+$", Title: "Plusieurs valeurs séparées par « | » (l'une ou l'autre)"}}
	return s
}

// pathParam is a path parameter: one of the dossier's places of the kind.
func pathParam(paths []dossierPath, kind string) *jsonschema.Schema {
	s := &jsonschema.Schema{Type: "string"}
	for _, p := range paths {
		if p.kind(kind) {
			s.Enum = append(s.Enum, p.pointer)
		}
	}
	return s
}

// listParam is a list parameter: one to labels.MaxListParam items.
func listParam(item *jsonschema.Schema) *jsonschema.Schema {
	return &jsonschema.Schema{Type: "array", MinItems: ptr(uint64(1)), MaxItems: ptr(uint64(labels.MaxListParam)), Items: item}
}

// noFabricatedAnswers writes each option of the dossier's questions as a
// one-value "enum" with its French title instead of a "const": the two are
// the same constraint (JSON Schema 2020-12, Validation, §6.1.2 and §6.1.3),
// so the same documents validate, but @rjsf/core, in its default setting
// (experimental_defaultFormStateBehavior.constAsDefaults "always"), fills
// every field whose options are "const" with the first one: a blank form
// then holds 66 answers, 51 of them « Oui ». With "enum", a generator starts
// from no answer, which is what an absent key means in a dossier. The
// options keep their titles, which rjsf shows in its lists.
//
// The report schema is written the same way: its types shared with the
// dossier (a funder) must read the same in both, and clsm.d.ts is made from
// both.
func noFabricatedAnswers(s *jsonschema.Schema) error {
	var walk func(*jsonschema.Schema)
	seen := map[*jsonschema.Schema]bool{}
	walk = func(s *jsonschema.Schema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		for _, o := range s.OneOf {
			if o.Const != nil && o.Enum == nil {
				o.Enum, o.Const = []any{o.Const}, nil
			}
		}
		for _, list := range [][]*jsonschema.Schema{s.OneOf, s.AnyOf, s.AllOf, s.PrefixItems} {
			for _, c := range list {
				walk(c)
			}
		}
		walk(s.Items)
		walk(s.Not)
		walk(s.If)
		walk(s.Then)
		walk(s.Else)
		walk(s.AdditionalProperties)
		for _, d := range s.Definitions {
			walk(d)
		}
		if s.Properties != nil {
			for p := s.Properties.Oldest(); p != nil; p = p.Next() {
				walk(p.Value)
			}
		}
	}
	walk(s)
	return nil
}
