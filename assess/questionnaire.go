package assess

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// Questionnaire is what the form shows for one referential: ordered sections
// of questions bound to dossier paths. It is derived from the dossier type
// (titles, help, enumerations, constraints, show-if tags) and from the
// referential (the rules each question feeds), so it cannot drift from them.
type Questionnaire struct {
	Referential ReferentialInfo `json:"referential"`
	Sections    []Section       `json:"sections"`
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
	Path      string        `json:"path"`
	Title     string        `json:"title"`
	Help      string        `json:"help,omitzero"`
	Widget    Widget        `json:"widget"`
	Options   []clsm.Option `json:"options,omitzero"`
	Required  bool          `json:"required,omitzero"` // inside a list item: the item needs it
	Min       *float64      `json:"min,omitzero"`
	Max       *float64      `json:"max,omitzero"`
	MaxLength int           `json:"maxLength,omitzero"`
	MaxItems  int           `json:"maxItems,omitzero"`
	ShowIf    *ShowIf       `json:"showIf,omitzero"`
	Fields    []Item        `json:"fields,omitzero"`
	Rules     []string      `json:"rules"` // the rules this answer feeds
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
	for i := range ref.Rules {
		reads[ref.Rules[i].ID] = ref.Rules[i].Reads()
		order = append(order, ref.Rules[i].ID)
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
	t := reflect.TypeFor[clsm.Dossier]()
	identity := Section{ID: "identity", Title: "Le CLSM"}
	var notes Section
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		key := jsonKey(sf)
		if key == "schemaVersion" {
			continue
		}
		path := "/" + key
		switch {
		case sf.Type.Kind() == reflect.Struct && sf.Type != reflect.TypeFor[clsm.Date]():
			s := Section{ID: key, Title: sf.Tag.Get("title")}
			s.Questions = structItems(sf.Type, path, feeds)
			q.Sections = append(q.Sections, s)
		case sf.Type.Kind() == reflect.Slice && sf.Type.Elem().Kind() == reflect.Struct:
			q.Sections = append(q.Sections, Section{ID: key, Title: sf.Tag.Get("title"), Questions: []Item{item(sf, path, "", feeds)}})
		case key == "notes":
			notes = Section{ID: "notes", Title: sf.Tag.Get("title"), Questions: []Item{item(sf, path, "", feeds)}}
		default:
			identity.Questions = append(identity.Questions, item(sf, path, "", feeds))
		}
	}
	q.Sections = append([]Section{identity}, q.Sections...)
	if notes.ID != "" {
		q.Sections = append(q.Sections, notes)
	}
	for i := range q.Sections {
		q.Sections[i].Rules = sectionRules(q.Sections[i].Questions, order)
	}
	return q
}

// structItems lists the questions of a struct, flattening nested structs.
func structItems(t reflect.Type, base string, feeds func(string) []string) []Item {
	gate := ""
	for i := 0; i < t.NumField(); i++ {
		if k := jsonKey(t.Field(i)); (k == "exists" || k == "done") && t.Field(i).Type == reflect.TypeFor[*bool]() {
			gate = base + "/" + k
		}
	}
	var items []Item
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		path := base + "/" + jsonKey(sf)
		if sf.Type.Kind() == reflect.Struct && sf.Type != reflect.TypeFor[clsm.Date]() {
			sub := structItems(sf.Type, path, feeds)
			for j := range sub {
				if sub[j].ShowIf == nil && gate != "" {
					sub[j].ShowIf = &ShowIf{Path: gate, In: []any{true}}
				}
			}
			items = append(items, sub...)
			continue
		}
		g := gate
		if path == gate {
			g = ""
		}
		it := item(sf, path, base, feeds)
		if it.ShowIf == nil && g != "" {
			it.ShowIf = &ShowIf{Path: g, In: []any{true}}
		}
		items = append(items, it)
	}
	return items
}

// item describes one field. base is the path of its parent, for show-if tags.
func item(sf reflect.StructField, path, base string, feeds func(string) []string) Item {
	it := Item{Path: path, Title: sf.Tag.Get("title"), Help: sf.Tag.Get("help"), Rules: []string{}}
	if feeds != nil {
		it.Rules = feeds(path)
	}
	rules, itemRules, _ := strings.Cut(sf.Tag.Get("validate"), ",dive")
	t := sf.Type
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	constraints(&it, t, rules)
	switch {
	case sf.Type == reflect.TypeFor[*bool]():
		it.Widget = WidgetYesNo
	case t == reflect.TypeFor[clsm.Date]() && strings.Contains(","+rules+",", ",datenever,"):
		it.Widget = WidgetDateOrNever
	case t == reflect.TypeFor[clsm.Date]():
		it.Widget = WidgetDate
	case t.Kind() == reflect.String && isEnum(t):
		it.Widget, it.Options = WidgetChoice, enumOptions(t)
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
		elem := t.Elem()
		switch {
		case elem == reflect.TypeFor[clsm.Date]():
			it.Widget = WidgetDates
		case elem == reflect.TypeFor[clsm.CommuneCode]():
			it.Widget = WidgetCommunes
		case elem == reflect.TypeFor[clsm.SIREN]():
			it.Widget = WidgetSIRENs
		case elem.Kind() == reflect.String && isEnum(elem):
			it.Widget, it.Options = WidgetMultiChoice, enumOptions(elem)
		case elem.Kind() == reflect.String:
			it.Widget = WidgetTextList
			var sub Item
			constraints(&sub, elem, strings.TrimPrefix(itemRules, ","))
			it.MaxLength = sub.MaxLength
		case elem.Kind() == reflect.Struct:
			it.Widget = WidgetList
			for i := 0; i < elem.NumField(); i++ {
				f := item(elem.Field(i), "/"+jsonKey(elem.Field(i)), "", nil)
				f.Rules = nil
				it.Fields = append(it.Fields, f)
			}
		}
	}
	if cond := sf.Tag.Get("showif"); cond != "" {
		key, vals, _ := strings.Cut(cond, "=")
		s := &ShowIf{Path: base + "/" + key}
		if strings.HasPrefix(key, "/") {
			s.Path = key
		}
		for _, v := range strings.Split(vals, "|") {
			if b, err := strconv.ParseBool(v); err == nil {
				s.In = append(s.In, b)
			} else {
				s.In = append(s.In, v)
			}
		}
		it.ShowIf = s
	}
	return it
}

// constraints copies the validate tag's bounds onto the item.
func constraints(it *Item, t reflect.Type, rules string) {
	for _, rule := range strings.Split(rules, ",") {
		name, param, _ := strings.Cut(rule, "=")
		n, err := strconv.ParseFloat(param, 64)
		switch name {
		case "required":
			it.Required = true
		case "gte", "gt", "min":
			if err == nil && t.Kind() != reflect.String && t.Kind() != reflect.Slice {
				it.Min = &n
			}
		case "lte", "lt", "max":
			if err != nil {
				continue
			}
			switch t.Kind() {
			case reflect.String:
				it.MaxLength = int(n)
			case reflect.Slice:
				it.MaxItems = int(n)
			default:
				it.Max = &n
			}
		}
	}
}

func isEnum(t reflect.Type) bool {
	_, ok := reflect.Zero(t).Interface().(clsm.Enum)
	return ok
}

func enumOptions(t reflect.Type) []clsm.Option {
	return reflect.Zero(t).Interface().(clsm.Enum).Options()
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

func jsonKey(sf reflect.StructField) string {
	key, _ := clsm.JSONKey(sf)
	return key
}
