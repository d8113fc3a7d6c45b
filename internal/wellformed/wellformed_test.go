package wellformed

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/internal/model"
)

// TestEveryTagHasAFrenchMessage: every rule the model's description knows
// has its French message (structural rules excepted), and every custom one
// its function in the native validation.
func TestEveryTagHasAFrenchMessage(t *testing.T) {
	known := map[string]bool{}
	for _, tag := range model.Tags() {
		known[tag.Name] = true
		_, hasMessage := messages[tag.Name]
		assert.Equal(t, !tag.Structural, hasMessage, "validate tag %q: a French message exactly when it is not structural", tag.Name)
		assert.True(t, HasMessage(tag.Name), tag.Name)
		_, hasFunc := customValidations[tag.Name]
		assert.Equal(t, tag.Custom, hasFunc, "validate tag %q: a function exactly when it is custom", tag.Name)
	}
	for tag := range messages {
		assert.True(t, known[tag], "message for %q, a tag the description does not know", tag)
	}
	assert.False(t, HasMessage("email"))
}

// TestCodesAreTheConstants: Codes lists exactly the Code constants of
// problem.go, in their order, and every validation rule that finds problems
// has its code there.
func TestCodesAreTheConstants(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "problem.go", nil, 0)
	require.NoError(t, err)
	var declared []string
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, name := range vs.Names {
				if strings.HasPrefix(name.Name, "Code") {
					v, err := strconv.Unquote(vs.Values[i].(*ast.BasicLit).Value)
					require.NoError(t, err)
					declared = append(declared, v)
				}
			}
		}
	}
	assert.Equal(t, declared, Codes())
	seen := map[string]bool{}
	for _, c := range Codes() {
		assert.False(t, seen[c], "code %q listed twice", c)
		seen[c] = true
	}
	for _, tag := range model.Tags() {
		if !tag.Structural {
			assert.True(t, seen[tag.Name], "the validate tag %q is a problem code but no constant declares it", tag.Name)
		}
	}
}

type inner struct {
	Share *float64 `json:"share,omitzero" validate:"omitempty,gte=0"`
}

type outer struct {
	FTE     *float64 `json:"fte,omitzero"`
	Funders []inner  `json:"funders,omitzero"`
	Inner   inner    `json:"inner,omitzero"`
	Days    []string `json:"meeting~days,omitzero"`
}

func TestPointerOf(t *testing.T) {
	root := reflect.TypeFor[outer]()
	tests := []struct{ ns, want string }{
		{"outer.FTE", "/fte"},
		{"outer.Funders[1].Share", "/funders/1/share"},
		{"outer.Inner.Share", "/inner/share"},
		{"outer.Days[12]", "/meeting~0days/12"},
	}
	for _, tt := range tests {
		got, ok := pointerOf(root, tt.ns)
		assert.True(t, ok, tt.ns)
		assert.Equal(t, tt.want, got, tt.ns)
	}
}

// TestTooLargeHasParamAndValue: the size refused and the limit are given to
// programs as numbers.
func TestTooLargeHasParamAndValue(t *testing.T) {
	ps := Decode(make([]byte, MaxSize+2), &outer{})
	require.Len(t, ps, 1)
	assert.Equal(t, Problem{Code: CodeTooLarge, Param: "1048576", Value: "1048578", Message: ps[0].Message}, ps[0])
	assert.Contains(t, ps[0].Message, "fait 1\u202f048\u202f578\u00a0octets")
	// A reader stops one byte past the limit, whatever the file's size: the
	// size is then not known, and the message says « plus de ».
	ps = Decode(make([]byte, MaxSize+1), &outer{})
	assert.Contains(t, ps[0].Message, "fait plus de 1\u202f048\u202f576\u00a0octets")
}

// TestText: the one reading of bytes accepts UTF-8 with or without a byte
// order mark, and refuses the other encodings with the byte where they go
// wrong.
func TestText(t *testing.T) {
	utf16le := []byte{0xff, 0xfe, '{', 0, '}', 0}
	tests := []struct {
		name, data, want string // want: the text read, or a part of the message
		ok               bool
	}{
		{"UTF-8", `{"name": "Conseil"}`, `{"name": "Conseil"}`, true},
		{"UTF-8 with a byte order mark", "\xef\xbb\xbf{\"name\": \"Conseil\"}", `{"name": "Conseil"}`, true},
		{"accents", `{"name": "Nîmes – Créteil"}`, `{"name": "Nîmes – Créteil"}`, true},
		{"a surrogate pair", `{"name": "\ud83d\ude00"}`, `{"name": "\ud83d\ude00"}`, true},
		{"an escaped backslash before u", `{"name": "\\ud800"}`, `{"name": "\\ud800"}`, true},
		{"UTF-16 with its mark", string(utf16le), "encodé en UTF-16", false},
		{"UTF-16 big-endian without a mark", "\x00{\x00}", "encodé en UTF-16", false},
		{"UTF-32", "\x00\x00\xfe\xff\x00\x00\x00{", "encodé en UTF-32", false},
		{"Latin-1", "{\"name\": \"Cons\xe9il\"}", "l'octet n°\u00a015 (0xE9, ligne 1, colonne 15)", false},
		{"Windows-1252 quote", "{\n\"name\": \"l\x92ARS\"}", "l'octet n°\u00a013 (0x92, ligne 2, colonne 11)", false},
		{"a lone high surrogate", `{"name": "Cons\ud800il"}`, "« \\ud800 » à l'octet n°\u00a015", false},
		{"a lone low surrogate", `{"name": "\udc00"}`, "« \\udc00 »", false},
		{"a high surrogate then a letter", `{"name": "\ud800\u0041"}`, "« \\ud800 »", false},
	}
	for _, tt := range tests {
		got, ps := Text([]byte(tt.data))
		if tt.ok {
			assert.Empty(t, ps, tt.name)
			assert.Equal(t, tt.want, string(got), tt.name)
			continue
		}
		if assert.Len(t, ps, 1, tt.name) {
			assert.Equal(t, CodeEncoding, ps[0].Code, tt.name)
			assert.Contains(t, ps[0].Message, tt.want, tt.name)
			assert.True(t, Fatal(ps), tt.name)
		}
	}
}

// TestDigits: the one writer of numbers, for every shape strconv gives.
func TestDigits(t *testing.T) {
	tests := []struct {
		in      string
		grouped bool
		want    string
	}{
		{"0", true, "0"},
		{"123", true, "123"},
		{"1234", true, "1\u202f234"},
		{"1234567", true, "1\u202f234\u202f567"},
		{"-123", true, "-123"},
		{"-1234", true, "-1\u202f234"},
		{"1234.5", false, "1234,5"},
		{"1234.5", true, "1\u202f234,5"},
		{"-0.25", false, "-0,25"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Digits(tt.in, tt.grouped), "%s grouped=%v", tt.in, tt.grouped)
	}
}

// TestFaultValues: a refused value is written in full with a decimal comma,
// « aucune » when there is no single value, and the rule's parameter the
// French way too.
func TestFaultValues(t *testing.T) {
	tests := []struct {
		name string
		f    Fault
		want string
	}{
		{"a number in full", Fault{Tag: "gte", Param: "0.5", Name: "ETP", Text: "0.125", Single: true, Number: true}, "« ETP » doit valoir au moins 0,5 (valeur donnée : 0,125)."},
		{"an integer", Fault{Tag: "lte", Param: "10", Name: "Nombre", Text: "-3", Single: true, Number: true}, "« Nombre » doit valoir au plus 10 (valeur donnée : -3)."},
		{"no value", Fault{Tag: "gt", Param: "0", Name: "ETP"}, "« ETP » doit valoir plus de 0 (valeur donnée : aucune)."},
		{"an item", Fault{Tag: "required", Name: "Membres", Item: "1"}, "« Membres » (élément n° 2) est obligatoire ici."},
		{"a key of a map", Fault{Tag: "required", Name: "Paramètres", Item: "min"}, "« Paramètres » est obligatoire ici."},
		{"a list too long", Fault{Tag: "max", Param: "2", Name: "Thèmes", List: true, Len: 3}, "La liste « Thèmes » compte 3\u00a0éléments ; elle en admet au plus 2, bien plus qu'on n'en rencontre en réalité : vérifiez que c'est le bon fichier, ou retirez les éléments en trop."},
		{"a list far too long", Fault{Tag: "max", Param: "50", Name: "Groupes de travail", List: true, Len: 15000}, "La liste « Groupes de travail » compte 15\u202f000\u00a0éléments ; elle en admet au plus 50, bien plus qu'on n'en rencontre en réalité : vérifiez que c'est le bon fichier, ou retirez les éléments en trop."},
		{"a text too long", Fault{Tag: "max", Param: "2", Name: "Nom", Raw: "abé"}, "« Nom » ne doit pas dépasser 2 caractères (le texte en compte 3)."},
		{"a text far too long", Fault{Tag: "max", Param: "5000", Name: "Remarques", Raw: strings.Repeat("é", 12345)}, "« Remarques » ne doit pas dépasser 5\u202f000 caractères (le texte en compte 12\u202f345)."},
		{"a sum of shares", Fault{Tag: "sharesum", Name: "Financeurs", Sum: 100.5}, "« Financeurs » : les parts additionnées font 100,5 %, ce qui dépasse 100 %."},
		{"an unknown rule", Fault{Tag: "email", Name: "Courriel"}, "« Courriel » n'est pas valide (règle « email »)."},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.f.Message(), tt.name)
	}
}

// TestFormatsFollowTheirPatterns: the hand-written checks accept exactly
// what the JSON Schema's patterns accept, on every five-character string of
// digits, A, B and x (and on other lengths and characters).
func TestFormatsFollowTheirPatterns(t *testing.T) {
	commune := regexp.MustCompile(CommunePattern)
	siren := regexp.MustCompile(SIRENPattern)
	alphabet := "0123456789ABx"
	var each func(prefix string, n int)
	checked := 0
	each = func(prefix string, n int) {
		if n == 0 {
			checked++
			if commune.MatchString(prefix) != ValidCommune(prefix) {
				t.Errorf("commune %q: pattern %v, check %v", prefix, commune.MatchString(prefix), ValidCommune(prefix))
			}
			return
		}
		for i := 0; i < len(alphabet); i++ {
			each(prefix+alphabet[i:i+1], n-1)
		}
	}
	for n := 0; n <= 6; n++ {
		each("", n)
	}
	assert.Greater(t, checked, 371292) // 13⁵ five-character strings at least
	for _, s := range []string{"", "12345678", "123456789", "1234567890", "12345678a", "732829320", "73282932O", "٣٣٣٣٣٣٣٣٣", "+12345678", " 12345678"} {
		if !siren.MatchString(s) {
			assert.False(t, ValidSIREN(s), "siren %q", s)
		}
	}
	assert.True(t, ValidSIREN("732829320"))
	for _, s := range []string{"93048", "2A004", "97101", "97611", "٩٣٠٤٨", "93048\n", "9304８"} {
		assert.Equal(t, commune.MatchString(s), ValidCommune(s), "commune %q", s)
	}
}
