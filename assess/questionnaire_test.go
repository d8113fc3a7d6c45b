package assess_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
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
			// Options come from the Go declaration, and so does the schema's
			// enum: the two lists are the same.
			if len(it.Options) > 0 {
				enum, _ := prop["enum"].([]any)
				if items, ok := prop["items"].(map[string]any); ok {
					enum, _ = items["enum"].([]any)
				}
				var values []any
				for _, o := range it.Options {
					values = append(values, o.Value)
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
