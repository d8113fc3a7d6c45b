package labels_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/answers"
	"github.com/clsmkit/go-clsm/labels"
)

// evalDate is the fixed evaluation date of these tests: never the wall clock.
var evalDate = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// doc is a dossier under construction, as JSON, so that scenarios are written
// with the same paths as the referentials.
type doc map[string]any

func (d doc) set(path string, v any) doc {
	keys := strings.Split(strings.TrimPrefix(path, "/"), "/")
	m := map[string]any(d)
	for _, k := range keys[:len(keys)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[k] = next
		}
		m = next
	}
	m[keys[len(keys)-1]] = v
	return d
}

func (d doc) clone() doc {
	data, _ := json.Marshal(d)
	var c doc
	_ = json.Unmarshal(data, &c)
	return c
}

// dossier turns the JSON into a dossier through the real decoder, so that a
// scenario that is not a valid dossier fails the test.
func (d doc) dossier(t *testing.T) *clsm.Dossier {
	t.Helper()
	d["schemaVersion"] = clsm.SchemaVersion
	data, err := json.Marshal(d)
	require.NoError(t, err)
	out, err := clsm.Parse(data)
	require.NoError(t, err, "scenario is not a valid dossier: %s", data)
	return out
}

func day(t time.Time) string { return string(clsm.DateOf(t)) }

// scenarios builds, for one check with the rule's parameters, a dossier that
// meets it, one that does not, one where the answers are missing and, when
// the check can be not applicable by itself, one where it is. They are
// written from each check's documented meaning, not from its code.
func scenarios(t *testing.T, rule *labels.Rule) (met, unmet, unknown, na doc) {
	t.Helper()
	p := rule.ParamValues()
	met, unmet, unknown = doc{}, doc{}, doc{}
	switch rule.Check {
	case "answer.any-yes":
		for i, path := range p.Strings("paths") {
			met.set(path, i == 0)
			unmet.set(path, false)
		}
	case "answer.yes":
		for i, path := range p.Strings("paths") {
			met.set(path, true)
			unmet.set(path, i != 0)
		}
	case "list.includes":
		path := p.String("path")
		var all []string
		for _, v := range p.Strings("values") {
			all = append(all, strings.Split(v, "|")[0])
		}
		met.set(path, all)
		unmet.set(path, all[1:])
	case "list.min-count":
		path, min := p.String("path"), p.Int("min")
		met.set(path, listItems(t, path, min))
		unmet.set(path, listItems(t, path, min-1))
	case "date.within":
		path, months := p.String("path"), p.Int("months")
		met.set(path, day(evalDate.AddDate(0, -months, 1)))
		unmet.set(path, day(evalDate.AddDate(0, -months, -1)))
	case "governance.elected-president":
		met.set("/governance/president/role", "mayor")
		unmet.set("/governance/president/role", "not_elected")
	case "governance.elected-chairs-bodies":
		met.set("/governance/president/role", "groupement_elected").set("/copil/chairedByPresident", true).set("/plenary/chairedByPresident", true)
		unmet.set("/governance/president/role", "mayor").set("/copil/chairedByPresident", true).set("/plenary/exists", false)
	case "members.include":
		body := p.String("body")
		var first []string
		for _, c := range p.Strings("categories") {
			first = append(first, strings.Split(c, "|")[0])
		}
		members := func(cats []string) any {
			if body == "bureau" {
				return cats
			}
			out := []map[string]string{}
			for _, c := range cats {
				out = append(out, map[string]string{"category": c})
			}
			return out
		}
		met.set("/"+body+"/exists", true).set("/"+body+"/members", members(first))
		unmet.set("/"+body+"/exists", true).set("/"+body+"/members", members(append([]string{"other"}, first[1:]...)))
		unknown.set("/"+body+"/exists", true)
	case "meetings.count":
		body, min, months := p.String("body"), p.Int("min"), p.Int("months")
		inWindow := func(n int) []string {
			var dates []string
			for i := 0; i < n; i++ {
				dates = append(dates, day(evalDate.AddDate(0, 0, -10-20*i)))
			}
			return dates
		}
		met.set("/"+body+"/exists", true).set("/"+body+"/meetings", inWindow(min))
		// One meeting fewer in the window, and one just outside it.
		unmet.set("/"+body+"/exists", true).set("/"+body+"/meetings", append(inWindow(min-1), day(evalDate.AddDate(0, -months, -1))))
		unknown.set("/"+body+"/exists", true)
	case "bodies.three-levels":
		met.set("/copil/exists", true).set("/plenary/exists", true).set("/workingGroups", []any{map[string]any{"theme": "housing"}})
		unmet.set("/copil/exists", true).set("/plenary/exists", true).set("/workingGroups", []any{})
	case "theme.addressed":
		theme := p.String("theme")
		other := "other"
		met.set("/workingGroups", []any{map[string]any{"theme": theme}})
		unmet.set("/workingGroups", []any{map[string]any{"theme": other}}).set("/actionPlan/actions", []any{map[string]any{"title": "Action", "themes": []string{other}}})
	case "objective.covered":
		o := p.String("objective")
		met.set("/actionPlan/actions", []any{map[string]any{"title": "Action", "objectives": []string{o}}})
		unmet.set("/actionPlan/actions", []any{map[string]any{"title": "Action", "objectives": []string{}}}).set("/workingGroups", []any{})
		// Objectives left blank on the only action: a blank, never a « non ».
		unknown.set("/actionPlan/actions", []any{map[string]any{"title": "Action"}}).set("/workingGroups", []any{})
	case "domain.covered":
		met.set("/actionPlan/actions", []any{map[string]any{"title": "Action", "domains": []string{p.String("domain")}}})
		// A group working on nothing the domain names: groups count where
		// the text counts them, and their answers are given here.
		unmet.set("/actionPlan/actions", []any{map[string]any{"title": "Action", "domains": []string{}}}).
			set("/workingGroups", []any{map[string]any{"theme": "addictions", "objectives": []string{}, "usersParticipate": false}})
	case "coordinator.present":
		fte := max(p.Number("minFTE"), 0.5)
		met.set("/coordinator/exists", true).set("/coordinator/fte", fte)
		unmet.set("/coordinator/exists", false)
	case "coordinator.training":
		years := p.Int("years")
		met.set("/coordinator/meetsCompetencies", false).set("/coordinator/trainingNeeded", true).
			set("/coordinator/startedOn", day(evalDate.AddDate(-years, 0, 10))).set("/coordinator/trainingStartedOn", day(evalDate.AddDate(0, -1, 0)))
		unmet.set("/coordinator/meetsCompetencies", false).set("/coordinator/trainingNeeded", true).
			set("/coordinator/startedOn", day(evalDate.AddDate(-years, 0, -1))).set("/coordinator/trainingStartedOn", "never")
	case "coordinator.recruitment":
		met.set("/territory/scale", "intercommunal").set("/coordinator/employer", "hospital").set("/coordinator/recruitmentAssociated", []string{"groupement_elected"})
		unmet.set("/territory/scale", "communal").set("/coordinator/employer", "commune").set("/coordinator/recruitmentAssociated", []string{"mayor"})
		if p.String("otherEmployer") == "not_applicable" {
			na = doc{}.set("/coordinator/employer", "association")
		} else {
			unmet = doc{}.set("/coordinator/employer", "association")
		}
	case "coordinator.ars-share":
		share, cap := p.Number("maxShare"), p.Number("maxFTE")
		met.set("/coordinator/fte", 1.0).set("/coordinator/funders", []any{map[string]any{"kind": "ars", "share": share}})
		unmet.set("/coordinator/fte", 1.0).set("/coordinator/funders", []any{map[string]any{"kind": "ars", "share": share + 10}})
		if cap > 0 {
			met.set("/coordinator/fte", cap*100/share)
		}
		na = doc{}.set("/coordinator/funders", []any{map[string]any{"kind": "collectivity", "share": 100}})
	case "articulation":
		path := "/articulations/" + p.String("scheme")
		met.set(path, "yes")
		unmet.set(path, "no")
		if rule.Absence == labels.AbsenceNotApplicable {
			na = doc{}.set(path, "absent")
		}
	case "territory.defined":
		met.set("/territory/scale", "communal").set("/territory/department", "12").set("/territory/communes", []string{"12202"})
		unmet.set("/territory/scale", "intercommunal").set("/territory/department", "34").set("/territory/communes", []string{"12202", "34172"})
	default:
		t.Fatalf("rule %s: no scenarios for check %q: write them before using the check", rule.ID, rule.Check)
	}
	return met, unmet, unknown, na
}

// listItems builds n valid items for the list at path.
func listItems(t *testing.T, path string, n int) []any {
	f, err := answers.FieldAt(path)
	require.NoError(t, err)
	items := []any{}
	elem := f.Type.Elem()
	for i := 0; i < n; i++ {
		switch {
		case elem == reflect.TypeFor[clsm.WorkingGroup]():
			items = append(items, map[string]any{"theme": "housing", "name": fmt.Sprint("Groupe ", i+1)})
		case elem.Implements(reflect.TypeFor[clsm.Enum]()):
			opts := reflect.Zero(elem).Interface().(clsm.Enum).Options()
			items = append(items, opts[i%len(opts)].Value)
		default:
			t.Fatalf("no item builder for %s", elem)
		}
	}
	return items
}

// otherValue returns an answer to the question at path that is not in in.
func otherValue(t *testing.T, path string, in []json.RawMessage) (any, bool) {
	f, err := answers.FieldAt(path)
	require.NoError(t, err)
	var candidates []any
	if f.Type == reflect.TypeFor[*bool]() {
		candidates = []any{true, false}
	} else if e, ok := reflect.Zero(f.Type).Interface().(clsm.Enum); ok {
		for _, o := range e.Options() {
			candidates = append(candidates, o.Value)
		}
	}
	for _, c := range candidates {
		data, _ := json.Marshal(c)
		taken := false
		for _, w := range in {
			taken = taken || string(w) == string(data)
		}
		if !taken {
			return c, true
		}
	}
	return nil, false
}

// TestEveryRuleOfEveryReferential evaluates each rule of each built-in
// referential on dossiers built to meet it, to miss it and to leave it
// unanswered, and, when the rule is conditional (stages, conditions, or a
// check that can be not applicable), on one where it does not apply. A rule
// whose check has no scenarios fails the test.
func TestEveryRuleOfEveryReferential(t *testing.T) {
	refs := labels.Builtins()
	require.Len(t, refs, len(labels.BuiltinIDs()), "every file of labels/referentials is a built-in referential")
	for _, ref := range refs {
		for i := range ref.Rules {
			rule := &ref.Rules[i]
			t.Run(ref.ID+"/"+rule.ID, func(t *testing.T) { testRule(t, rule) })
		}
	}
}

func testRule(t *testing.T, rule *labels.Rule) {
	met, unmet, unknown, na := scenarios(t, rule)
	// Every scenario is placed where the rule applies: its first stage and
	// conditions that hold.
	applies := doc{"stage": string(rule.Stages[0])}
	for _, c := range rule.When {
		var v any
		require.NoError(t, json.Unmarshal(c.In[0], &v))
		applies.set(c.Path, v)
	}
	merge := func(d doc) doc {
		out := applies.clone()
		data, _ := json.Marshal(d)
		var m map[string]any
		_ = json.Unmarshal(data, &m)
		mergeInto(out, m)
		return out
	}
	cases := []struct {
		name string
		d    doc
		want labels.Outcome
	}{
		{"respecté", merge(met), labels.Met},
		{"non respecté", merge(unmet), labels.Unmet},
		{"non renseigné", merge(unknown), labels.Unknown},
	}
	conditional := na != nil
	if na != nil {
		cases = append(cases, struct {
			name string
			d    doc
			want labels.Outcome
		}{"sans objet (vérification)", merge(na), labels.NotApplicable})
	}
	if len(rule.Stages) < 3 {
		conditional = true
		other := ""
		for _, s := range []string{"project", "constitution", "active"} {
			if !rule.AppliesTo(clsm.Stage(s)) {
				other = s
			}
		}
		d := merge(met)
		d["stage"] = other
		cases = append(cases, struct {
			name string
			d    doc
			want labels.Outcome
		}{"sans objet (stade)", d, labels.NotApplicable})
		d = merge(met)
		delete(d, "stage")
		cases = append(cases, struct {
			name string
			d    doc
			want labels.Outcome
		}{"non renseigné (stade)", d, labels.Unknown})
	}
	for i, c := range rule.When {
		other, ok := otherValue(t, c.Path, c.In)
		if !ok {
			continue
		}
		conditional = true
		d := merge(met).set(c.Path, other)
		cases = append(cases, struct {
			name string
			d    doc
			want labels.Outcome
		}{fmt.Sprintf("sans objet (condition %d)", i+1), d, labels.NotApplicable})
	}
	if len(rule.When) > 0 {
		require.True(t, conditional, "rule %s has conditions but no scenario makes it not applicable", rule.ID)
	}
	// Each device the rule depends on, absent from the territory: the
	// rule's own decision, whichever of its check or its conditions reads it.
	for _, key := range rule.Devices() {
		want := labels.NotApplicable
		if rule.Absence == labels.AbsenceGap {
			want = labels.Unmet
		}
		cases = append(cases, struct {
			name string
			d    doc
			want labels.Outcome
		}{"absent du territoire (" + key + ")", merge(met).set("/articulations/"+key, "absent"), want})
	}
	for _, tc := range cases {
		res := rule.Evaluate(tc.d.dossier(t), evalDate)
		assert.Equal(t, tc.want, res.Outcome, "%s: %s — %s", rule.ID, tc.name, res.Detail)
		assert.NotEmpty(t, res.Detail, "%s: %s", rule.ID, tc.name)
		if res.Outcome == labels.Unknown {
			assert.NotEmpty(t, res.Missing, "%s: %s: an unknown outcome names the missing answers", rule.ID, tc.name)
		}
		for _, p := range append(res.Paths, res.Missing...) {
			_, err := answers.FieldAt(p)
			assert.NoError(t, err, "%s: %s: path %s", rule.ID, tc.name, p)
		}
	}
}

func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				mergeInto(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}
