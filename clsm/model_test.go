package clsm

import (
	"reflect"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/internal/enumtest"
	"github.com/clsmkit/go-clsm/internal/model"
)

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

// TestTheDossierUsesKnownRules: the dossier uses only validate rules the
// model's description knows (each of which has its French message and, when
// custom, its function: see package internal/wellformed).
func TestTheDossierUsesKnownRules(t *testing.T) {
	_, err := model.Describe(reflect.TypeFor[Dossier]())
	require.NoError(t, err, "the dossier uses a validate rule the description does not know")
}

// TestEveryFieldIsDocumented checks that every key has a French title, since
// messages, the schema and the form show it, and that every coded string (an
// enumeration, a date, a code: a named string type), a field or a list's
// item, has its format.
func TestEveryFieldIsDocumented(t *testing.T) {
	eachField(reflect.TypeFor[Dossier](), func(typ reflect.Type, sf reflect.StructField) {
		assert.True(t, model.OmitZero(sf), "%s.%s: every key is optional in JSON; required-ness comes from validate", typ.Name(), sf.Name)
	})
	d := model.MustDescribe(reflect.TypeFor[Dossier]())
	n := 0
	d.Walk(func(f *model.Field) {
		n++
		assert.NotEmpty(t, f.Title, "%s has no title", f.Pointer)
		for v := &f.Value; v != nil; v = v.Item {
			if v.Type.Kind() == reflect.String && v.Type.PkgPath() != "" {
				assert.True(t, v.Coded(), "%s: a coded string (%s) needs its format tag", f.Pointer, v.Type)
			}
		}
	})
	assert.Greater(t, n, 100)
}

func TestEnums(t *testing.T) {
	for name, e := range Enums() {
		enumtest.Check(t, name, e)
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
