package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/model"
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
func Generate(root any, id, title, description string, alwaysWritten bool) ([]byte, error) {
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
		s.Pattern = clsm.DatePattern
	case model.FormatDateNever:
		// A day, or the answer « jamais ».
		s.Type = ""
		s.AnyOf = []*jsonschema.Schema{
			{Type: "string", Format: "date", Pattern: clsm.DatePattern, Title: "Date"},
			{Type: "string", Const: string(clsm.Never), Title: "Jamais"},
		}
	case model.FormatINSEE:
		s.Pattern = clsm.CommunePattern
	case model.FormatSIREN:
		s.Pattern = clsm.SIRENPattern
		s.Format = "siren"
	case model.FormatShareSum:
		s.Format = "shares-at-most-100"
	}
}

func count(n *int) *uint64 {
	if n == nil {
		return nil
	}
	return ptr(uint64(*n))
}

// enumerate sets the allowed values and, beside them, their French labels in
// "x-enumLabels" (value -> label), which form generators can show.
func enumerate(s *jsonschema.Schema, opts []model.Option) {
	s.Enum = make([]any, len(opts))
	labels := make(map[string]string, len(opts))
	for i, o := range opts {
		s.Enum[i] = o.Value
		labels[o.Value] = o.Label
	}
	if s.Extras == nil {
		s.Extras = map[string]any{}
	}
	s.Extras["x-enumLabels"] = labels
}

func ptr[T any](v T) *T { return &v }
