package assess_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/internal/model"
	"github.com/clsmkit/go-clsm/labels"
	"github.com/clsmkit/go-clsm/schema"
)

func allReferentials(t *testing.T) []*labels.Referential {
	var refs []*labels.Referential
	for _, id := range labels.BuiltinIDs() {
		refs = append(refs, builtin(t, id))
	}
	data, _ := examples.Referential("aveyron-exemple")
	ref, err := labels.Parse(data)
	require.NoError(t, err)
	return append(refs, ref)
}

func TestEveryRuleIsFedByAQuestion(t *testing.T) {
	for _, ref := range allReferentials(t) {
		q := assess.NewQuestionnaire(ref)
		fed := map[string]bool{}
		for _, s := range q.Sections {
			for _, it := range s.Questions {
				for _, r := range it.Rules {
					fed[r] = true
				}
			}
		}
		for _, rule := range ref.Rules {
			assert.True(t, fed[rule.ID], "%s: rule %s is fed by no question", ref.ID, rule.ID)
		}
	}
}

// schemaProperty resolves a JSON Pointer of the dossier through the dossier
// schema's properties and $refs.
func schemaProperty(t *testing.T, root map[string]any, path string) map[string]any {
	defs := root["$defs"].(map[string]any)
	resolve := func(s map[string]any) map[string]any {
		for {
			ref, ok := s["$ref"].(string)
			if !ok {
				return s
			}
			s = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
	}
	cur := resolve(root)
	for _, key := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		props, ok := cur["properties"].(map[string]any)
		if !ok {
			return nil
		}
		next, ok := props[key].(map[string]any)
		if !ok {
			return nil
		}
		cur = resolve(next)
	}
	return cur
}

func TestQuestionsMatchTheSchema(t *testing.T) {
	var root map[string]any
	require.NoError(t, json.Unmarshal(schema.Dossier, &root))
	q := assess.NewQuestionnaire(builtin(t, "idf"))
	seen := map[string]bool{}
	for _, s := range q.Sections {
		require.NotEmpty(t, s.Title)
		for _, it := range s.Questions {
			assert.False(t, seen[it.Path], "%s asked twice", it.Path)
			seen[it.Path] = true
			prop := schemaProperty(t, root, it.Path)
			require.NotNil(t, prop, "question %s is not in the dossier schema", it.Path)
			assert.NotEmpty(t, it.Title, it.Path)
			if it.ShowIf != nil {
				assert.NotNil(t, schemaProperty(t, root, it.ShowIf.Path), "%s shows if %s, which is not in the schema", it.Path, it.ShowIf.Path)
			}
			// Options come from the Go declaration, and so do the schema's
			// (a oneOf of one-value enums with the label as title): the two
			// lists are the same, save the answers kept but no longer offered
			// (the PTSM's « absent »), which the schema still accepts.
			if len(it.Options) > 0 {
				one, _ := prop["oneOf"].([]any)
				if items, ok := prop["items"].(map[string]any); ok {
					one, _ = items["oneOf"].([]any)
				}
				var enum, values []any
				for _, o := range one {
					opt := o.(map[string]any)
					require.Len(t, opt["enum"], 1, "%s: an option is a one-value enum, never a const a form generator fills in", it.Path)
					enum = append(enum, opt["enum"].([]any)[0], opt["title"])
				}
				kept := map[any]bool{}
				for _, o := range it.KeptOptions {
					kept[o.Value] = true
					assert.NotEmpty(t, o.Label)
				}
				for i := 0; i+1 < len(enum); i += 2 {
					if kept[enum[i]] {
						enum = append(enum[:i:i], enum[i+2:]...)
						i -= 2
					}
				}
				for _, o := range it.Options {
					values = append(values, o.Value, o.Label)
					assert.NotEmpty(t, o.Label)
				}
				assert.Equal(t, enum, values, it.Path)
			}
		}
	}
	// Every answer of the model has its question, the version excepted.
	for _, p := range []string{"/stage", "/territory/communes", "/copil/members", "/coordinator/funders", "/evaluation/reportRecipients", "/notes"} {
		assert.True(t, seen[p], "no question for %s", p)
	}
	assert.False(t, seen["/schemaVersion"])
}

func TestQuestionWidgets(t *testing.T) {
	q := assess.NewQuestionnaire(builtin(t, "national"))
	byPath := map[string]assess.Item{}
	for _, s := range q.Sections {
		for _, it := range s.Questions {
			byPath[it.Path] = it
		}
	}
	tests := []struct {
		path   string
		widget assess.Widget
	}{
		{"/stage", assess.WidgetChoice},
		{"/governance/psychiatryCoLeads", assess.WidgetYesNo},
		{"/territory/communes", assess.WidgetCommunes},
		{"/territory/epci", assess.WidgetSIRENs},
		{"/territory/population", assess.WidgetInteger},
		{"/coordinator/fte", assess.WidgetNumber},
		{"/copil/meetings", assess.WidgetDates},
		{"/diagnostic/completedOn", assess.WidgetDate},
		{"/bureau/members", assess.WidgetMultiChoice},
		{"/copil/members", assess.WidgetList},
		{"/actionPlan/priorityAxes", assess.WidgetTextList},
		{"/notes", assess.WidgetLongText},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.widget, byPath[tt.path].Widget, tt.path)
	}
	fte := byPath["/coordinator/fte"]
	require.NotNil(t, fte.Max)
	assert.Equal(t, 3.0, *fte.Max)
	// gt=0: more than 0, as the schema's exclusiveMinimum and the validator say.
	require.NotNil(t, fte.Min)
	assert.Equal(t, 0.0, *fte.Min)
	assert.True(t, fte.MinExclusive)
	assert.False(t, fte.MaxExclusive)
	assert.False(t, byPath["/territory/population"].MinExclusive, "gte=0: 0 is an answer")
	assert.Equal(t, &assess.ShowIf{Path: "/coordinator/exists", In: []any{true}}, fte.ShowIf)
	assert.Equal(t, &assess.ShowIf{Path: "/articulations/asv", In: []any{"yes", "no"}}, byPath["/articulations/asvCoordinatorFromCreation"].ShowIf)
	assert.Len(t, byPath["/territory/department"].Options, 101)
	assert.Contains(t, byPath["/copil/meetings"].Rules, "nat-copil-reunion")
	assert.Equal(t, len(clsm.MemberCategory("").Options()), len(byPath["/bureau/members"].Options))
}

// schemaAt resolves a pointer of the model's description ("-" for any list
// item) through the dossier schema's properties, items and $refs.
func schemaAt(root map[string]any, pointer string) map[string]any {
	defs := root["$defs"].(map[string]any)
	resolve := func(s map[string]any) map[string]any {
		for s != nil {
			ref, ok := s["$ref"].(string)
			if !ok {
				break
			}
			s, _ = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
		return s
	}
	cur := resolve(root)
	for _, key := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		if cur == nil {
			return nil
		}
		if key == "-" {
			next, _ := cur["items"].(map[string]any)
			cur = resolve(next)
			continue
		}
		props, _ := cur["properties"].(map[string]any)
		next, _ := props[key].(map[string]any)
		cur = resolve(next)
	}
	return cur
}

// placeIn returns the settable value of the last field of chain in d,
// allocating the pointers on the way and making a list of one item where the
// chain goes through a list.
func placeIn(d *clsm.Dossier, chain []*model.Field) reflect.Value {
	v := reflect.ValueOf(d).Elem()
	for i, f := range chain {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.FieldByIndex(f.Index)
		if i < len(chain)-1 && f.Item != nil {
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
			v = v.Index(0)
		}
	}
	return v
}

// boundCodes are the problem codes of a bound (a required text's empty
// value is a length bound too).
var boundCodes = map[string]bool{"required": true, "min": true, "max": true, "gte": true, "gt": true, "lte": true, "lt": true}

func bounded(v *model.Value) bool {
	return v.Min != nil || v.Max != nil || v.MinLength != nil || v.MaxLength != nil || v.MinItems != nil || v.MaxItems != nil
}

// TestBoundsAgree compares, field by field over the whole dossier model, the
// bounds the questionnaire shows, the bounds the generated JSON Schema
// states and the bounds the validator enforces, probing the three with
// values at and around each bound: a number on each side of it, a text or a
// list one shorter, as long and one longer.
func TestBoundsAgree(t *testing.T) {
	var root map[string]any
	require.NoError(t, json.Unmarshal(schema.Dossier, &root))
	questions := map[string]assess.Item{}
	for _, s := range assess.NewQuestionnaire(builtin(t, "national")).Sections {
		for _, it := range s.Questions {
			questions[it.Path] = it
			for _, sub := range it.Fields {
				questions[it.Path+"/-"+sub.Path] = sub
			}
		}
	}
	fields, probes := 0, 0
	var visit func(s *model.Struct, chain []*model.Field)
	check := func(chain []*model.Field, v *model.Value, item bool) {
		f := chain[len(chain)-1]
		pointer := f.Pointer
		if item {
			pointer += "/-"
		}
		if !bounded(v) {
			return
		}
		fields++
		prop := schemaAt(root, pointer)
		require.NotNil(t, prop, "%s is not in the schema", pointer)
		q, asked := questions[f.Pointer]
		if f.Pointer == "/schemaVersion" {
			asked = true // not a question: the questionnaire has no say
			q = assess.Item{}
		}
		require.True(t, asked, "no question for %s", f.Pointer)
		path := strings.ReplaceAll(pointer, "/-", "/0")
		validatorAllows := func(set func(reflect.Value)) bool {
			var d clsm.Dossier
			field := placeIn(&d, chain)
			if item {
				field.Set(reflect.MakeSlice(field.Type(), 1, 1))
				field = field.Index(0)
			}
			set(field)
			ps, _ := d.Validate().(clsm.Problems)
			for _, p := range ps {
				if p.Path == path && boundCodes[p.Code] {
					return false
				}
				// Refused through its list: 101 % of a coordinator's
				// time is first a sum of shares above 100 %, and the
				// validator then leaves the items unchecked.
				if p.Path != "" && strings.HasPrefix(path, p.Path+"/") {
					return false
				}
			}
			return true
		}
		num := func(key string) (float64, bool) { n, ok := prop[key].(float64); return n, ok }
		agree := func(what string, x float64, questionnaire, schemaSays, validator bool) {
			probes++
			assert.True(t, questionnaire == schemaSays && schemaSays == validator,
				"%s = %v: questionnaire allows %v, schema %v, validator %v", pointer, what, questionnaire, schemaSays, validator)
		}
		switch {
		case v.Numeric():
			integer := v.Type.Kind() != reflect.Float64 && v.Type.Kind() != reflect.Float32
			var around []float64
			for _, b := range []*model.Bound{v.Min, v.Max} {
				if b == nil {
					continue
				}
				around = append(around, b.Value-1, b.Value, b.Value+1)
				if !integer {
					around = append(around, b.Value-0.01, b.Value+0.01)
				}
			}
			for _, x := range around {
				if x == 0 && f.Declared.Kind() != reflect.Pointer && v.Optional {
					continue // the zero value of a plain number is "absent", never checked
				}
				qa := (q.Min == nil || x > *q.Min || (x == *q.Min && !q.MinExclusive)) &&
					(q.Max == nil || x < *q.Max || (x == *q.Max && !q.MaxExclusive))
				if f.Pointer == "/schemaVersion" {
					qa = true
				}
				sa := true
				if n, ok := num("minimum"); ok && x < n {
					sa = false
				}
				if n, ok := num("exclusiveMinimum"); ok && x <= n {
					sa = false
				}
				if n, ok := num("maximum"); ok && x > n {
					sa = false
				}
				if n, ok := num("exclusiveMaximum"); ok && x >= n {
					sa = false
				}
				va := validatorAllows(func(field reflect.Value) {
					for field.Kind() == reflect.Pointer {
						field.Set(reflect.New(field.Type().Elem()))
						field = field.Elem()
					}
					if integer {
						field.SetInt(int64(x))
					} else {
						field.SetFloat(x)
					}
				})
				if f.Pointer == "/schemaVersion" {
					qa = sa // not asked; compare the schema and the validator
				}
				agree(strconv.FormatFloat(x, 'f', -1, 64), x, qa, sa, va)
			}
		case v.Type.Kind() == reflect.String:
			var around []int
			for _, b := range []*int{v.MinLength, v.MaxLength} {
				if b != nil {
					around = append(around, *b-1, *b, *b+1)
				}
			}
			for _, n := range around {
				if n < 0 || (n == 0 && v.Optional) {
					continue
				}
				qa := (q.MaxLength == 0 || n <= q.MaxLength) && (!(q.Required || item && v.Required) || n >= 1)
				sa := true
				if m, ok := num("minLength"); ok && float64(n) < m {
					sa = false
				}
				if m, ok := num("maxLength"); ok && float64(n) > m {
					sa = false
				}
				va := validatorAllows(func(field reflect.Value) { field.SetString(strings.Repeat("a", n)) })
				agree(fmt.Sprintf("a text of %d characters", n), float64(n), qa, sa, va)
			}
		case v.List():
			var around []int
			for _, b := range []*int{v.MinItems, v.MaxItems} {
				if b != nil {
					around = append(around, *b-1, *b, *b+1)
				}
			}
			for _, n := range around {
				if n < 1 {
					continue
				}
				qa := q.MaxItems == 0 || n <= q.MaxItems
				sa := true
				if m, ok := num("minItems"); ok && float64(n) < m {
					sa = false
				}
				if m, ok := num("maxItems"); ok && float64(n) > m {
					sa = false
				}
				va := validatorAllows(func(field reflect.Value) { field.Set(reflect.MakeSlice(field.Type(), n, n)) })
				agree(fmt.Sprintf("a list of %d items", n), float64(n), qa, sa, va)
			}
		default:
			t.Errorf("%s: bounds on %s, which the test cannot probe", pointer, v.Type)
		}
	}
	visit = func(s *model.Struct, chain []*model.Field) {
		for _, f := range s.Fields {
			c := append(chain[:len(chain):len(chain)], f)
			check(c, &f.Value, false)
			if f.Item != nil {
				check(c, f.Item, true)
				if f.Item.Struct != nil {
					visit(f.Item.Struct, c)
				}
			}
			if f.Struct != nil {
				visit(f.Struct, c)
			}
		}
	}
	visit(model.MustDescribe(reflect.TypeFor[clsm.Dossier]()), nil)
	assert.Greater(t, fields, 30)
	t.Logf("%d bounded values, %d probes, each answered alike by the questionnaire, the schema and the validator", fields, probes)
}

// TestQuestionnaireDescribesItsRules: the questionnaire describes every rule
// of its referential, in order, with the requirement, level and citation a
// report gives it (the form lists them beside the questions that feed them),
// and every rule a question names is described.
func TestQuestionnaireDescribesItsRules(t *testing.T) {
	d, _ := examples.Dossier("ile-de-france-montreuil-actif")
	dossier, err := clsm.Parse(d)
	require.NoError(t, err)
	for _, ref := range allReferentials(t) {
		q := assess.NewQuestionnaire(ref)
		r, err := assess.Evaluate(dossier, ref, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
		require.NoError(t, err)
		require.Len(t, q.Rules, len(ref.Rules), ref.ID)
		described := map[string]bool{}
		for i, rule := range q.Rules {
			f := r.Findings[i]
			assert.Equal(t, f.RuleID, rule.ID, ref.ID)
			// The questionnaire's texts have the no-break spaces the rendered
			// report puts in; the report's data has the referential's own.
			assert.Equal(t, plainSpaces(f.Requirement), plainSpaces(rule.Requirement), rule.ID)
			assert.Equal(t, f.Level, rule.Level, rule.ID)
			assert.Equal(t, f.Level.Label(), rule.LevelLabel, rule.ID)
			assert.Equal(t, plainCitation(f.Citation), plainCitation(rule.Citation), rule.ID)
			assert.Equal(t, ref.Rules[i].Stages, rule.Stages, rule.ID)
			described[rule.ID] = true
		}
		for _, s := range q.Sections {
			for _, it := range s.Questions {
				for _, id := range it.Rules {
					assert.True(t, described[id], "%s: %s names %s", ref.ID, it.Path, id)
				}
			}
		}
	}
}

// plainSpaces turns no-break spaces into plain ones.
func plainSpaces(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }

func plainCitation(c assess.Citation) assess.Citation {
	c.Document, c.Issuer, c.Section, c.Quote = plainSpaces(c.Document), plainSpaces(c.Issuer), plainSpaces(c.Section), plainSpaces(c.Quote)
	return c
}

// TestPTSMAbsentNotOffered: the law gives every territory its projet
// territorial de santé mentale (article L3221-2 of the code de la santé
// publique), so the form does not offer « absent du territoire » for it as a
// normal answer, says why, and still shows an « absent » a dossier holds.
func TestPTSMAbsentNotOffered(t *testing.T) {
	for _, id := range labels.BuiltinIDs() {
		q := assess.NewQuestionnaire(builtin(t, id))
		var ptsm, cls *assess.Item
		for _, s := range q.Sections {
			for i := range s.Questions {
				switch s.Questions[i].Path {
				case "/articulations/ptsm":
					ptsm = &s.Questions[i]
				case "/articulations/cls":
					cls = &s.Questions[i]
				}
			}
		}
		require.NotNil(t, ptsm, id)
		require.NotNil(t, cls, id)
		for _, o := range ptsm.Options {
			assert.NotEqual(t, "absent", o.Value, "%s: the PTSM exists on every territory", id)
		}
		require.Len(t, ptsm.KeptOptions, 1, id)
		assert.Equal(t, "absent", ptsm.KeptOptions[0].Value, id)
		assert.Contains(t, ptsm.Help, "article L3221-2", id)
		assert.Contains(t, ptsm.Help, "laissez la question sans réponse", id)
		assert.Empty(t, cls.KeptOptions, "%s: a CLS may truly be absent", id)
		assert.Len(t, cls.Options, 3, id)
	}
}
