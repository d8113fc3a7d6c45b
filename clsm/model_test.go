package clsm

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// structural tags carry no constraint of their own and need no message.
var structural = map[string]bool{"omitempty": true, "omitnil": true, "dive": true}

// eachField calls fn for every field of every struct type reachable from t,
// each type once.
func eachField(t reflect.Type, fn func(owner reflect.Type, sf reflect.StructField)) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for i := 0; i < typ.NumField(); i++ {
			fn(typ, typ.Field(i))
			walk(typ.Field(i).Type)
		}
	}
	walk(t)
}

func TestEveryTagHasAFrenchMessage(t *testing.T) {
	tags := map[string]string{}
	eachField(reflect.TypeFor[Dossier](), func(owner reflect.Type, sf reflect.StructField) {
		for _, rule := range strings.Split(sf.Tag.Get("validate"), ",") {
			if name, _, _ := strings.Cut(rule, "="); name != "" {
				tags[name] = owner.Name() + "." + sf.Name
			}
		}
	})
	require.NotEmpty(t, tags)
	for tag, where := range tags {
		if structural[tag] {
			continue
		}
		_, ok := messages[tag]
		assert.True(t, ok, "validate tag %q (used by %s) has no French message", tag, where)
	}
}

// TestEveryFieldIsDocumented checks that every key has a French title, since
// messages, the schema and the form show it.
func TestEveryFieldIsDocumented(t *testing.T) {
	eachField(reflect.TypeFor[Dossier](), func(typ reflect.Type, sf reflect.StructField) {
		assert.NotEmpty(t, sf.Tag.Get("title"), "%s.%s has no title", typ.Name(), sf.Name)
		assert.Contains(t, sf.Tag.Get("json"), "omitzero", "%s.%s: every key is optional in JSON; required-ness comes from validate", typ.Name(), sf.Name)
		if sf.Type.Kind() == reflect.String && sf.Type.PkgPath() != "" {
			v := sf.Tag.Get("validate")
			assert.Regexp(t, `(^|,)(enum|date|datenever|insee|siren|dept)(,|$)`, v, "%s.%s: a coded string needs its format tag", typ.Name(), sf.Name)
		}
	})
}

func TestEnums(t *testing.T) {
	for name, e := range Enums() {
		opts := e.Options()
		assert.GreaterOrEqual(t, len(opts), 2, name)
		values := map[string]bool{}
		for _, o := range opts {
			assert.Regexp(t, `^[a-z][a-z0-9_]*$`, o.Value, "%s: values are English identifiers", name)
			assert.NotEmpty(t, o.Label, name)
			assert.False(t, values[o.Value], "%s: %s twice", name, o.Value)
			values[o.Value] = true
		}
		assert.False(t, e.Valid(), "%s: the empty value is not an option", name)
	}
}

// forbidden words: the product speaks of personnes concernées, usagers and
// aidants, never of "malades mentaux" or worse.
var forbidden = regexp.MustCompile(`(?i)\b(malades? mentaux|malade mental|fous|folle|déments?|aliénés?|psychotiques)\b`)

func TestVocabulary(t *testing.T) {
	var texts []string
	for _, e := range Enums() {
		for _, o := range e.Options() {
			texts = append(texts, o.Label)
		}
	}
	eachField(reflect.TypeFor[Dossier](), func(_ reflect.Type, sf reflect.StructField) {
		texts = append(texts, sf.Tag.Get("title"), sf.Tag.Get("help"))
	})
	for _, s := range texts {
		assert.NotRegexp(t, forbidden, s)
	}
}

func TestPointerOf(t *testing.T) {
	root := reflect.TypeFor[Dossier]()
	tests := []struct{ ns, want string }{
		{"Dossier.Coordinator.FTE", "/coordinator/fte"},
		{"Dossier.Coordinator.Funders[1].Share", "/coordinator/funders/1/share"},
		{"Dossier.Territory.Communes[12]", "/territory/communes/12"},
		{"Dossier.Technical.Meetings[0]", "/technicalCommittee/meetings/0"},
		{"Dossier.SchemaVersion", "/schemaVersion"},
	}
	for _, tt := range tests {
		got, ok := pointerOf(root, tt.ns)
		assert.True(t, ok, tt.ns)
		assert.Equal(t, tt.want, got, tt.ns)
	}
}
