package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/invopop/jsonschema"
)

// Generate reflects root into a draft 2020-12 schema and copies onto it what
// invopop/jsonschema does not read: the validate tags (required-ness, ranges,
// lengths, enumerations, formats) and the French title and help tags. The
// validate tags stay the one source of truth for the constraints.
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

func annotate(def *jsonschema.Schema, t reflect.Type) error {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		key, ok := jsonKey(sf)
		if !ok {
			continue
		}
		prop, ok := def.Properties.Get(key)
		if !ok {
			return fmt.Errorf("no property %q", key)
		}
		prop.Title = sf.Tag.Get("title")
		prop.Description = sf.Tag.Get("help")
		fieldRules, itemRules, _ := strings.Cut(sf.Tag.Get("validate"), ",dive")
		itemRules = strings.TrimPrefix(itemRules, ",")
		ft := sf.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		required, err := apply(prop, ft, fieldRules)
		if err != nil {
			return fmt.Errorf("field %s: %w", sf.Name, err)
		}
		if required && !slices.Contains(def.Required, key) {
			def.Required = append(def.Required, key)
		}
		if itemRules != "" {
			if prop.Items == nil {
				return fmt.Errorf("field %s: dive on a non-list", sf.Name)
			}
			if _, err := apply(prop.Items, ft.Elem(), itemRules); err != nil {
				return fmt.Errorf("field %s items: %w", sf.Name, err)
			}
		}
	}
	return nil
}

// apply copies the rules of one validate tag (the part before or after
// "dive") onto s, a schema for Go type t. It reports whether the key is
// required.
func apply(s *jsonschema.Schema, t reflect.Type, rules string) (required bool, err error) {
	if rules == "" {
		return false, nil
	}
	for _, rule := range strings.Split(rules, ",") {
		name, param, _ := strings.Cut(rule, "=")
		switch name {
		case "omitempty", "omitnil":
		case "required":
			required = true
			if t.Kind() == reflect.String {
				s.MinLength = ptr(uint64(1))
			}
		case "eq":
			n, err := strconv.Atoi(param)
			if err != nil {
				return false, err
			}
			s.Const = n
		case "min", "max":
			if err := bound(s, t, name, param); err != nil {
				return false, err
			}
		case "gte":
			s.Minimum = json.Number(param)
		case "lte":
			s.Maximum = json.Number(param)
		case "gt":
			s.ExclusiveMinimum = json.Number(param)
		case "lt":
			s.ExclusiveMaximum = json.Number(param)
		case "unique":
			s.UniqueItems = true
		case "enum":
			e, ok := reflect.Zero(t).Interface().(clsm.Enum)
			if !ok {
				return false, fmt.Errorf("enum on %s, which is not a clsm.Enum", t)
			}
			enumerate(s, e.Options())
		case "dept":
			enumerate(s, clsm.DepartmentCode("").Options())
		case "date":
			s.Format = "date"
			s.Pattern = clsm.DatePattern
		case "datenever":
			// A day, or the answer « jamais ».
			s.Type = ""
			s.AnyOf = []*jsonschema.Schema{
				{Type: "string", Format: "date", Pattern: clsm.DatePattern, Title: "Date"},
				{Type: "string", Const: string(clsm.Never), Title: "Jamais"},
			}
		case "insee":
			s.Pattern = clsm.CommunePattern
		case "siren":
			s.Pattern = clsm.SIRENPattern
			s.Format = "siren"
		case "sharesum":
			s.Format = "shares-at-most-100"
		default:
			return false, fmt.Errorf("validate rule %q has no JSON Schema counterpart", rule)
		}
	}
	return required, nil
}

func bound(s *jsonschema.Schema, t reflect.Type, name, param string) error {
	n, err := strconv.ParseUint(param, 10, 64)
	if err != nil {
		return fmt.Errorf("%s=%s: %w", name, param, err)
	}
	switch t.Kind() {
	case reflect.String:
		if name == "min" {
			s.MinLength = ptr(n)
		} else {
			s.MaxLength = ptr(n)
		}
	case reflect.Slice, reflect.Map:
		if name == "min" {
			s.MinItems = ptr(n)
		} else {
			s.MaxItems = ptr(n)
		}
	default:
		if name == "min" {
			s.Minimum = json.Number(param)
		} else {
			s.Maximum = json.Number(param)
		}
	}
	return nil
}

// enumerate sets the allowed values and, beside them, their French labels in
// "x-enumLabels" (value -> label), which form generators can show.
func enumerate(s *jsonschema.Schema, opts []clsm.Option) {
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

func jsonKey(sf reflect.StructField) (string, bool) { return clsm.JSONKey(sf) }
