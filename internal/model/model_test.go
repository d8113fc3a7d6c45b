package model

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type color string

func (color) Options() []Option { return []Option{{"red", "Rouge"}, {"blue", "Bleu"}} }
func (c color) Valid() bool     { return c == "red" || c == "blue" }

// Enumerations EnumOptions does not recognise: an option type not
// registered, no Valid method, not a string.
type (
	unregistered string
	noValid      string
	notString    int
)

func (unregistered) Options() []struct{ Value, Label string } {
	return []struct{ Value, Label string }{{"a", "A"}}
}
func (unregistered) Valid() bool    { return true }
func (noValid) Options() []Option   { return []Option{{"a", "A"}} }
func (notString) Options() []Option { return []Option{{"1", "Un"}} }
func (notString) Valid() bool       { return true }

func TestEnumOptions(t *testing.T) {
	opts, ok := EnumOptions(reflect.TypeFor[color]())
	assert.True(t, ok)
	assert.Equal(t, []Option{{"red", "Rouge"}, {"blue", "Bleu"}}, opts)
	for _, typ := range []reflect.Type{reflect.TypeFor[unregistered](), reflect.TypeFor[noValid](), reflect.TypeFor[notString](), reflect.TypeFor[string]()} {
		_, ok := EnumOptions(typ)
		assert.False(t, ok, "%s", typ)
	}
}

type inner struct {
	Share *float64 `json:"share"`
	Kind  color    `json:"kind" validate:"required,enum" title:"Sorte"`
}

type sample struct {
	Count  *float64 `json:"count,omitzero" validate:"omitnil,gt=0,lte=3" title:"Nombre" help:"Aide"`
	Name   string   `json:"name" validate:"required,max=20"`
	Tags   []color  `json:"tags" validate:"omitempty,max=5,unique,dive,enum" showif:"count=1|2"`
	Texts  []string `json:"texts" validate:"omitempty,dive,required,lt=300"`
	Parts  []inner  `json:"parts" validate:"omitempty,sharesum,dive"`
	hidden int
	Skip   int `json:"-"`
}

func TestDescribe(t *testing.T) {
	s, err := Describe(reflect.TypeFor[*sample]())
	require.NoError(t, err)
	require.Len(t, s.Fields, 5)
	count := s.Field("count")
	assert.Equal(t, "/count", count.Pointer)
	assert.Equal(t, reflect.TypeFor[float64](), count.Type)
	assert.Equal(t, "Nombre", count.Title)
	assert.Equal(t, "Aide", count.Help)
	assert.True(t, count.Optional)
	assert.Equal(t, &Bound{Value: 0, Text: "0", Exclusive: true}, count.Min)
	assert.Equal(t, &Bound{Value: 3, Text: "3"}, count.Max)
	assert.False(t, count.Min.Allows(0, true))
	assert.True(t, count.Max.Allows(3, false))

	name := s.Field("name")
	assert.True(t, name.Required)
	assert.Equal(t, 1, *name.MinLength)
	assert.Equal(t, 20, *name.MaxLength)

	tags := s.Field("tags")
	assert.Equal(t, 5, *tags.MaxItems)
	assert.True(t, tags.Unique)
	assert.Equal(t, &ShowIf{Key: "count", Values: []string{"1", "2"}}, tags.ShowIf)
	require.NotNil(t, tags.Item)
	assert.Equal(t, FormatEnum, tags.Item.Format)
	assert.True(t, tags.Item.Coded())
	assert.Equal(t, []Option{{"red", "Rouge"}, {"blue", "Bleu"}}, tags.Item.Options)

	texts := s.Field("texts")
	assert.Equal(t, 299, *texts.Item.MaxLength, "lt=300 on a text: at most 299 characters")
	assert.True(t, texts.Item.Required)

	parts := s.Field("parts")
	assert.Equal(t, FormatShareSum, parts.Format)
	require.NotNil(t, parts.Item.Struct)
	assert.Equal(t, "/parts/-/kind", parts.Item.Struct.Field("kind").Pointer)

	var walked []string
	s.Walk(func(f *Field) { walked = append(walked, f.Pointer) })
	assert.Equal(t, []string{"/count", "/name", "/tags", "/texts", "/parts", "/parts/-/share", "/parts/-/kind"}, walked)

	again, _ := Describe(reflect.TypeFor[sample]())
	assert.Same(t, s, again, "described once")
}

// TestUnknownTagIsReported: a rule the package does not know fails the
// description, in this one place, whichever consumer asks first.
func TestUnknownTagIsReported(t *testing.T) {
	type unknown struct {
		Mail string `json:"mail" validate:"omitempty,email"`
	}
	_, err := Describe(reflect.TypeFor[unknown]())
	require.Error(t, err)
	assert.Contains(t, err.Error(), `validate rule "email" is not known`)
	assert.Contains(t, err.Error(), "unknown.Mail")

	type unknownItem struct {
		Mails []string `json:"mails" validate:"omitempty,dive,url"`
	}
	_, err = Describe(reflect.TypeFor[unknownItem]())
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"url" is not known`)
	assert.Panics(t, func() { MustDescribe(reflect.TypeFor[unknownItem]()) })
}

func TestMisfitRulesAreReported(t *testing.T) {
	for name, typ := range map[string]reflect.Type{
		"enum on a plain string": reflect.TypeFor[struct {
			A string `validate:"enum"`
		}](),
		"unique on a number": reflect.TypeFor[struct {
			A int `validate:"unique"`
		}](),
		"dive on a number": reflect.TypeFor[struct {
			A int `validate:"dive,gte=0"`
		}](),
		"two lower bounds": reflect.TypeFor[struct {
			A int `validate:"gte=0,gt=1"`
		}](),
		"no parameter": reflect.TypeFor[struct {
			A int `validate:"gte"`
		}](),
		"optional and required": reflect.TypeFor[struct {
			A int `validate:"omitempty,required"`
		}](),
		"bad show-if": reflect.TypeFor[struct {
			A int `showif:"x"`
		}](),
	} {
		_, err := Describe(typ)
		assert.Error(t, err, name)
	}
}

func TestTags(t *testing.T) {
	seen := map[string]bool{}
	for _, tag := range Tags() {
		assert.False(t, seen[tag.Name], tag.Name)
		seen[tag.Name] = true
		assert.False(t, tag.Custom && tag.Structural, tag.Name)
		got, ok := Known(tag.Name)
		assert.True(t, ok)
		assert.Equal(t, tag, got)
	}
	_, ok := Known("email")
	assert.False(t, ok)
}

// body, gated and form are a form with a gated body: its answers are shown
// when it exists, except the one with a show-if tag of its own, and a nested
// body has a gate of its own.
type gated struct {
	Exists *bool   `json:"exists,omitzero" gate:"true"`
	Note   string  `json:"note,omitzero"`
	Kind   color   `json:"kind,omitzero" validate:"omitempty,enum"`
	Other  string  `json:"other,omitzero" showif:"kind=red"`
	Sub    body    `json:"sub,omitzero"`
	Items  []inner `json:"items,omitzero"`
}

type body struct {
	Done  *bool  `json:"done,omitzero" gate:"true|false"`
	Count *int   `json:"count,omitzero"`
	Free  string `json:"free,omitzero" showif:"/name=x"`
}

type form struct {
	Name  string  `json:"name"`
	Body  gated   `json:"body"`
	Inner *gated  `json:"inner,omitzero"`
	Yes   *bool   `json:"yes,omitzero"`
	Any   []inner `json:"any,omitzero"`
}

func TestGates(t *testing.T) {
	s, err := Describe(reflect.TypeFor[form]())
	require.NoError(t, err)
	when := map[string]*ShowIf{}
	var order []string
	s.Leaves(func(f *Field) { when[f.Pointer] = f.When; order = append(order, f.Pointer) })
	assert.Equal(t, []string{"/name", "/body/exists", "/body/note", "/body/kind", "/body/other", "/body/sub/done", "/body/sub/count", "/body/sub/free", "/body/items",
		"/inner/exists", "/inner/note", "/inner/kind", "/inner/other", "/inner/sub/done", "/inner/sub/count", "/inner/sub/free", "/inner/items", "/yes", "/any"}, order)
	for _, tt := range []struct {
		pointer string
		want    *ShowIf
		reason  string
	}{
		{"/name", nil, "outside any gated struct"},
		{"/body/exists", nil, "a gate is not hidden by itself"},
		{"/body/note", &ShowIf{Key: "/body/exists", Values: []string{"true"}}, "hidden by its struct's gate"},
		{"/body/items", &ShowIf{Key: "/body/exists", Values: []string{"true"}}, "a list is an answer too"},
		{"/body/other", &ShowIf{Key: "/body/kind", Values: []string{"red"}}, "a show-if tag wins, resolved from the struct"},
		{"/body/sub/done", &ShowIf{Key: "/body/exists", Values: []string{"true"}}, "a nested gate is hidden by the outer one"},
		{"/body/sub/count", &ShowIf{Key: "/body/sub/done", Values: []string{"true", "false"}}, "the nearest gate"},
		{"/body/sub/free", &ShowIf{Key: "/name", Values: []string{"x"}}, "a show-if pointer from the root"},
	} {
		assert.Equal(t, tt.want, when[tt.pointer], "%s: %s", tt.pointer, tt.reason)
	}
	assert.Equal(t, s.Field("body").Struct.Gate, s.Field("body").Struct.Field("exists"))
	assert.Nil(t, s.Field("body").Struct.Field("items").Item.Struct.Fields[0].When, "no condition inside list items")
}

func TestIn(t *testing.T) {
	yes, no, three := true, false, 3
	d := form{Name: "x", Body: gated{Exists: &yes, Kind: "red", Sub: body{Done: &no, Count: &three}}}
	root := reflect.ValueOf(&d).Elem()
	for _, tt := range []struct {
		pointer  string
		want     any
		answered bool
		found    bool
	}{
		{"/name", "x", true, true},
		{"/body/sub/count", &three, true, true},
		{"/body/note", "", false, true},
		{"/yes", (*bool)(nil), false, true},
		{"/inner/note", nil, false, false}, // through a nil pointer
		{"/any/-/share", nil, false, false},
	} {
		f := FieldAt(reflect.TypeFor[form](), tt.pointer)
		require.NotNil(t, f, tt.pointer)
		v, ok := f.In(root)
		require.Equal(t, tt.found, ok, tt.pointer)
		if ok {
			assert.Equal(t, tt.want, v.Interface(), tt.pointer)
			assert.Equal(t, tt.answered, Answered(v), tt.pointer)
		}
	}
	assert.Nil(t, FieldAt(reflect.TypeFor[form](), "/body/nothing"))

	for _, tt := range []struct {
		cond *ShowIf
		want bool
	}{
		{&ShowIf{Key: "/body/exists", Values: []string{"true"}}, true},
		{&ShowIf{Key: "/body/sub/done", Values: []string{"true"}}, false},
		{&ShowIf{Key: "/body/sub/done", Values: []string{"true", "false"}}, true},
		{&ShowIf{Key: "/yes", Values: []string{"false"}}, false}, // unanswered holds nothing
		{&ShowIf{Key: "/body/kind", Values: []string{"blue", "red"}}, true},
		{&ShowIf{Key: "/inner/kind", Values: []string{"red"}}, false},
		{&ShowIf{Key: "/nothing", Values: []string{"red"}}, false},
	} {
		assert.Equal(t, tt.want, tt.cond.Holds(root), "%+v", tt.cond)
	}
}

func TestGateErrors(t *testing.T) {
	type notYesNo struct {
		Exists string `json:"exists" gate:"true"`
	}
	type twoGates struct {
		A *bool `json:"a" gate:"true"`
		B *bool `json:"b" gate:"true"`
	}
	type empty struct {
		A *bool `json:"a" gate:""`
	}
	type embedded struct{ inner }
	type stringOpt struct {
		N int `json:"n,string"`
	}
	for _, typ := range []reflect.Type{reflect.TypeFor[notYesNo](), reflect.TypeFor[twoGates](), reflect.TypeFor[empty](),
		reflect.TypeFor[embedded](), reflect.TypeFor[stringOpt]()} {
		_, err := Describe(typ)
		assert.Error(t, err, "%s", typ)
	}
}

func TestEach(t *testing.T) {
	yes := true
	d := form{Name: "x", Body: gated{Exists: &yes, Items: []inner{{Kind: "red"}, {Kind: "blue"}}}}
	got := map[string]any{}
	require.NoError(t, Each(&d, func(f *Field, pointer string, v any) { got[pointer] = v }))
	assert.Equal(t, "x", got["/name"])
	assert.Equal(t, &yes, got["/body/exists"])
	assert.Equal(t, color("red"), got["/body/items/0/kind"], "list items, with their index")
	assert.Equal(t, color("blue"), got["/body/items/1/kind"])
	assert.Contains(t, got, "/inner", "a nil pointer is visited")
	assert.NotContains(t, got, "/inner/note", "and has nothing below it")
}

func TestVisible(t *testing.T) {
	yes, no, three := true, false, 3
	for _, tt := range []struct {
		reason string
		in     form
		want   form
	}{
		{"a closed gate hides its struct's answers, nested ones included",
			form{Name: "x", Body: gated{Exists: &no, Note: "n", Sub: body{Done: &yes, Count: &three}}},
			form{Name: "x", Body: gated{Exists: &no}}},
		{"an unanswered gate hides them too: blank is not « oui »",
			form{Body: gated{Note: "n"}},
			form{}},
		{"an open gate shows them; a nested closed gate hides its own",
			form{Body: gated{Exists: &yes, Note: "n", Kind: "blue", Other: "o", Sub: body{Count: &three}}},
			form{Body: gated{Exists: &yes, Note: "n", Kind: "blue"}}},
		{"a show-if tag that holds",
			form{Name: "x", Body: gated{Exists: &yes, Kind: "red", Other: "o", Sub: body{Done: &no, Count: &three, Free: "f"}}},
			form{Name: "x", Body: gated{Exists: &yes, Kind: "red", Other: "o", Sub: body{Done: &no, Count: &three, Free: "f"}}}},
	} {
		in := tt.in
		got, err := Visible(&in)
		require.NoError(t, err)
		assert.Equal(t, &tt.want, got, tt.reason)
		assert.Equal(t, tt.in, in, "%s: the dossier itself is kept whole", tt.reason)
	}
}

func TestOnly(t *testing.T) {
	yes := true
	d := form{Name: "x", Yes: &yes, Body: gated{Exists: &yes, Note: "n"}, Inner: &gated{Note: "i"}}
	got, err := Only(&d, []string{"/body", "/inner/note", "/any"})
	require.NoError(t, err)
	assert.Equal(t, &form{Body: gated{Exists: &yes, Note: "n"}, Inner: &gated{Note: "i"}}, got)
	_, err = Only(&d, []string{"/nothing", "/name"})
	assert.Error(t, err)
}

func TestOmitZero(t *testing.T) {
	type s struct {
		A int `json:"a,omitzero"`
		B int `json:"b,omitempty"`
		C int `json:",omitempty,omitzero"`
		D int
	}
	typ := reflect.TypeFor[s]()
	for i, want := range []bool{true, false, true, false} {
		assert.Equal(t, want, OmitZero(typ.Field(i)), typ.Field(i).Name)
	}
}
