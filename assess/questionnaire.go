package assess

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/model"
	"github.com/clsmkit/go-clsm/labels"
)

// Questionnaire is what the form shows for one referential: ordered sections
// of questions bound to dossier paths. It is derived from the dossier type
// (titles, help, enumerations, constraints, show-if tags) and from the
// referential (the rules each question feeds), so it cannot drift from them.
type Questionnaire struct {
	Referential ReferentialInfo `json:"referential"`
	Sections    []Section       `json:"sections"`
	// Rules describes every rule of the referential, in its order, as the
	// report cites it: what the form lists beside a question whose
	// [Item.Rules] name it.
	Rules []RuleSummary `json:"rules"`
}

// RuleSummary is one rule of a referential as the form shows it beside the
// questions that feed it: its requirement, its level, the stages it applies
// to and the text it comes from, cited as the report cites it.
type RuleSummary struct {
	ID          string       `json:"id"`
	Requirement string       `json:"requirement"`
	Level       labels.Level `json:"level"`
	// LevelLabel is the French label of Level (« Requis »…).
	LevelLabel string       `json:"levelLabel"`
	Stages     []clsm.Stage `json:"stages"`
	Citation   Citation     `json:"citation"`
}

// Section is one page or block of the form.
type Section struct {
	ID        string `json:"id"` // the dossier key it covers, or "identity" / "notes"
	Title     string `json:"title"`
	Questions []Item `json:"questions"`
	// Rules lists the rules of the referential that this section's
	// questions feed.
	Rules []string `json:"rules"`
}

// Widget is the kind of input a question needs.
type Widget string

// Widgets.
const (
	WidgetYesNo       Widget = "yesno"       // oui / non / je ne sais pas
	WidgetChoice      Widget = "choice"      // one of Options
	WidgetMultiChoice Widget = "multichoice" // several of Options
	WidgetText        Widget = "text"
	WidgetLongText    Widget = "longtext"
	WidgetTextList    Widget = "textlist" // a list of short texts
	WidgetInteger     Widget = "integer"
	WidgetNumber      Widget = "number"
	WidgetDate        Widget = "date"
	WidgetDateOrNever Widget = "date_or_never" // a date, or the answer « jamais » (clsm.Never)
	WidgetDates       Widget = "dates"         // a list of dates
	WidgetCommunes    Widget = "communes"      // a list of INSEE codes
	WidgetSIRENs      Widget = "sirens"        // a list of SIREN numbers
	WidgetList        Widget = "list"          // a list of objects, each with Fields
)

// Item is one question.
type Item struct {
	// Path is the JSON Pointer of the answer in the dossier; inside a list's
	// Fields it is relative to the list item ("/theme").
	Path    string        `json:"path"`
	Title   string        `json:"title"`
	Help    string        `json:"help,omitzero"`
	Widget  Widget        `json:"widget"`
	Options []clsm.Option `json:"options,omitzero"`
	// KeptOptions are answers the form no longer offers but still shows,
	// with their label, when a dossier holds one: « absent du territoire »
	// for a device the law gives every territory (the PTSM). Nothing a
	// person typed is lost; the rules assess it as the gap it is.
	KeptOptions []clsm.Option `json:"keptOptions,omitzero"`
	Required    bool          `json:"required,omitzero"` // inside a list item: the item needs it
	Min         *float64      `json:"min,omitzero"`
	Max         *float64      `json:"max,omitzero"`
	// MinExclusive and MaxExclusive say that the bound itself is refused
	// (a coordinator's time is more than 0): the answer must be above Min,
	// or below Max.
	MinExclusive bool     `json:"minExclusive,omitzero"`
	MaxExclusive bool     `json:"maxExclusive,omitzero"`
	MaxLength    int      `json:"maxLength,omitzero"`
	MaxItems     int      `json:"maxItems,omitzero"`
	ShowIf       *ShowIf  `json:"showIf,omitzero"`
	Fields       []Item   `json:"fields,omitzero"`
	Rules        []string `json:"rules"` // the rules this answer feeds
}

// ShowIf says when a question appears: when the answer at Path is one of In.
type ShowIf struct {
	Path string `json:"path"`
	In   []any  `json:"in"`
}

// NewQuestionnaire derives the questionnaire of a referential.
func NewQuestionnaire(ref *labels.Referential) *Questionnaire {
	q := &Questionnaire{Referential: ReferentialInfo{ID: ref.ID, Name: ref.Name, Issuer: ref.Issuer, Version: ref.Version}}
	reads := map[string][]string{} // rule ID -> paths
	var order []string
	q.Rules = make([]RuleSummary, 0, len(ref.Rules))
	for i := range ref.Rules {
		rule := &ref.Rules[i]
		reads[rule.ID] = rule.Reads()
		order = append(order, rule.ID)
		q.Rules = append(q.Rules, RuleSummary{ID: rule.ID, Requirement: rule.Requirement, Level: rule.Level, LevelLabel: rule.Level.Label(),
			Stages: append([]clsm.Stage{}, rule.Stages...), Citation: citation(ref, rule)})
	}
	feeds := func(path string) []string {
		out := []string{}
		for _, id := range order {
			for _, p := range reads[id] {
				if p == path || strings.HasPrefix(p, path+"/") {
					out = append(out, id)
					break
				}
			}
		}
		return out
	}
	identity := Section{ID: "identity", Title: "Le CLSM"}
	var notes Section
	for _, f := range dossierModel().Fields {
		key, path := f.Key, "/"+f.Key
		if key == "schemaVersion" {
			continue
		}
		switch {
		case f.Struct != nil:
			s := Section{ID: key, Title: f.Title}
			s.Questions = describedItems(f.Struct, feeds)
			q.Sections = append(q.Sections, s)
		case f.Item != nil && f.Item.Struct != nil:
			q.Sections = append(q.Sections, Section{ID: key, Title: f.Title, Questions: []Item{item(f, path, "", feeds)}})
		case key == "notes":
			notes = Section{ID: "notes", Title: f.Title, Questions: []Item{item(f, path, "", feeds)}}
		default:
			identity.Questions = append(identity.Questions, item(f, path, "", feeds))
		}
	}
	q.Sections = append([]Section{identity}, q.Sections...)
	if notes.ID != "" {
		q.Sections = append(q.Sections, notes)
	}
	for i := range q.Sections {
		q.Sections[i].Rules = sectionRules(q.Sections[i].Questions, order)
	}
	frenchSpacesIn(reflect.ValueOf(q).Elem()) // titles, help, rules and quotes as the form shows them
	return q
}

// dossierModel is the description of the dossier's fields that the
// questionnaire reads: titles, help, show-if tags, constraints, options.
var dossierModel = sync.OnceValue(func() *model.Struct {
	return model.MustDescribe(reflect.TypeFor[clsm.Dossier]())
})

// describedItems lists the questions of a described struct, flattening
// nested structs. A question the model shows under a condition (its show-if
// tag, or the gate of its struct: a body's questions once it exists) says
// so.
func describedItems(st *model.Struct, feeds func(string) []string) []Item {
	var items []Item
	st.Leaves(func(f *model.Field) {
		it := item(f, f.Pointer, "", feeds)
		if f.When != nil {
			it.ShowIf = showIf(f.When)
		}
		items = append(items, it)
	})
	return items
}

// item describes one field. base is the path of its parent, for show-if tags.
func item(f *model.Field, path, base string, feeds func(string) []string) Item {
	it := Item{Path: path, Title: f.Title, Help: f.Help, Rules: []string{}}
	if feeds != nil {
		it.Rules = feeds(path)
	}
	t := f.Type
	constraints(&it, &f.Value)
	switch {
	case f.Declared == reflect.TypeFor[*bool]():
		it.Widget = WidgetYesNo
	case t == reflect.TypeFor[clsm.Date]() && f.Format == model.FormatDateNever:
		it.Widget = WidgetDateOrNever
	case t == reflect.TypeFor[clsm.Date]():
		it.Widget = WidgetDate
	case t.Kind() == reflect.String && len(f.Options) > 0:
		it.Widget, it.Options = WidgetChoice, options(f.Options)
		withdrawAbsent(&it)
	case t.Kind() == reflect.String:
		it.Widget = WidgetText
		if it.MaxLength > 300 {
			it.Widget = WidgetLongText
		}
	case t.Kind() == reflect.Int:
		it.Widget = WidgetInteger
	case t.Kind() == reflect.Float64:
		it.Widget = WidgetNumber
	case t.Kind() == reflect.Slice:
		elem := f.Item
		switch {
		case elem.Type == reflect.TypeFor[clsm.Date]():
			it.Widget = WidgetDates
		case elem.Type == reflect.TypeFor[clsm.CommuneCode]():
			it.Widget = WidgetCommunes
		case elem.Type == reflect.TypeFor[clsm.SIREN]():
			it.Widget = WidgetSIRENs
		case elem.Type.Kind() == reflect.String && len(elem.Options) > 0:
			it.Widget, it.Options = WidgetMultiChoice, options(elem.Options)
		case elem.Type.Kind() == reflect.String:
			it.Widget = WidgetTextList
			var sub Item
			constraints(&sub, elem)
			it.MaxLength = sub.MaxLength
		case elem.Struct != nil:
			it.Widget = WidgetList
			for _, sf := range elem.Struct.Fields {
				f := item(sf, "/"+sf.Key, "", nil)
				f.Rules = []string{}
				it.Fields = append(it.Fields, f)
			}
		}
	}
	if cond := f.ShowIf; cond != nil {
		s := showIf(cond)
		if !strings.HasPrefix(cond.Key, "/") {
			s.Path = base + "/" + cond.Key
		}
		it.ShowIf = s
	}
	return it
}

// showIf converts a condition of the model, whose values are written as in
// a tag ("true", "yes"), to the form's.
func showIf(cond *model.ShowIf) *ShowIf {
	s := &ShowIf{Path: cond.Key}
	for _, v := range cond.Values {
		if b, err := strconv.ParseBool(v); err == nil {
			s.In = append(s.In, b)
		} else {
			s.In = append(s.In, v)
		}
	}
	return s
}

// constraints copies the described bounds of a value onto the item: a
// number's range with its exclusivity, a text's length, a list's count.
func constraints(it *Item, v *model.Value) {
	it.Required = v.Required
	if v.Numeric() {
		if v.Min != nil {
			n := v.Min.Value
			it.Min, it.MinExclusive = &n, v.Min.Exclusive
		}
		if v.Max != nil {
			n := v.Max.Value
			it.Max, it.MaxExclusive = &n, v.Max.Exclusive
		}
	}
	if v.MaxLength != nil {
		it.MaxLength = *v.MaxLength
	}
	if v.MaxItems != nil {
		it.MaxItems = *v.MaxItems
	}
}

// options converts the described options of an enumeration.
func options(opts []model.Option) []clsm.Option {
	out := make([]clsm.Option, len(opts))
	for i, o := range opts {
		out[i] = clsm.Option(o)
	}
	return out
}

func sectionRules(items []Item, order []string) []string {
	in := map[string]bool{}
	for _, it := range items {
		for _, r := range it.Rules {
			in[r] = true
		}
	}
	out := []string{}
	for _, id := range order {
		if in[id] {
			out = append(out, id)
		}
	}
	return out
}

// withdrawAbsent takes « absent du territoire » out of the options of a
// device the law gives every territory (the PTSM: article L3221-2 of the
// code de la santé publique), keeps it in KeptOptions so that a dossier that
// answered it still shows it, and says why in the help.
func withdrawAbsent(it *Item) {
	why, ok := labels.EveryTerritoryHas(it.Path)
	if !ok {
		return
	}
	i := slices.IndexFunc(it.Options, func(o clsm.Option) bool { return o.Value == string(clsm.ArticulationAbsent) })
	if i < 0 {
		return
	}
	it.KeptOptions = []clsm.Option{{Value: it.Options[i].Value, Label: "Absent du territoire (réponse à vérifier)"}}
	it.Options = slices.Delete(slices.Clone(it.Options), i, i+1)
	help := why + " Si vous ne savez pas comment le CLSM s'y articule, laissez la question sans réponse."
	if it.Help != "" {
		help = it.Help + " " + help
	}
	it.Help = help
}
