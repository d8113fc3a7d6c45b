package documents

import (
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/answers"
	"github.com/clsmkit/go-clsm/internal/model"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
)

// shown returns a copy of d without the answers the form does not show (a
// COPIL's meetings when « Le comité de pilotage est-il constitué ? » is not
// answered « oui »), as the rules read it: an answer kept under a « non »
// fills no document either.
func shown(d *clsm.Dossier) *clsm.Dossier {
	v, err := model.Visible(d)
	if err != nil {
		panic(err) // the dossier's model is described by the tests
	}
	return v.(*clsm.Dossier)
}

func build(req Request, del labels.Deliverable, report *assess.Report) *Document {
	ref, d := req.Referential, shown(req.Dossier)
	at := time.Date(req.At.Year(), req.At.Month(), req.At.Day(), 0, 0, 0, 0, time.UTC)
	doc := &Document{
		ID: del.ID, Title: del.Title, Purpose: del.Purpose,
		CLSM:        unanswered,
		Referential: ref.Name,
		Date:        clsm.DateOf(at),
		Source:      source(ref, del.Source, del.Section, del.Quote),
	}
	if strings.TrimSpace(d.Name) != "" {
		doc.CLSM = text(d.Name)
	}
	var prev *clsm.Dossier
	prevAt := at.AddDate(-1, 0, 0)
	if req.Baseline != nil {
		prev = shown(req.Baseline)
		doc.Baseline = clsm.DateOf(prevAt)
	}
	for _, s := range del.Sections {
		sec := Section{Heading: s.Heading, Blocks: []Block{}}
		if s.Intro != "" {
			sec.Blocks = append(sec.Blocks, Block{Kind: KindParagraph, Spans: []Span{text(s.Intro)}})
		}
		if s.Quote != "" {
			sec.Blocks = append(sec.Blocks, Block{Kind: KindParagraph, Note: true, Spans: []Span{text(source(ref, s.Source, s.Section, s.Quote))}})
		}
		sec.Blocks = append(sec.Blocks, answerBlocks(d, s.Answers)...)
		for _, f := range s.Indicators {
			sec.Blocks = append(sec.Blocks, Block{Kind: KindTable, Table: familyTable(f, d, at, prev, prevAt)})
		}
		if len(s.Cites) > 0 {
			sec.Blocks = append(sec.Blocks, Block{Kind: KindTable, Table: findingsTable(ref, report, d.Stage, s.Cites)})
		}
		if s.Write != "" {
			sec.Blocks = append(sec.Blocks,
				Block{Kind: KindParagraph, Spans: []Span{text(s.Write)}},
				Block{Kind: KindParagraph, Spans: []Span{toWrite}})
		}
		doc.Sections = append(doc.Sections, sec)
	}
	return doc
}

// source cites a document of the referential: « Cahier des charges…
// (ARS Île-de-France), §12 : « … » ».
func source(ref *labels.Referential, id, section, quote string) string {
	doc, ok := ref.Document(id)
	if !ok {
		return ""
	}
	s := doc.Attribution()
	if doc.Issuer != "" && !doc.Kind.Reported() {
		s += " (" + doc.Issuer + ")"
	}
	if section != "" {
		s += ", " + section
	}
	if quote != "" {
		s += "\u00a0: «\u00a0" + quote + "\u00a0»"
	}
	return "Source\u00a0: " + s
}

// answerBlocks writes the answers of the dossier a section names: a table
// of the single answers, then a list for each list of actions, groups,
// members or funders, in the order given.
func answerBlocks(d *clsm.Dossier, paths []string) []Block {
	var blocks []Block
	var rows [][]Span
	flush := func() {
		if rows != nil {
			blocks = append(blocks, Block{Kind: KindTable, Table: &Table{Caption: "Réponses du dossier", Header: []string{"Question", "Réponse"}, Rows: rows}})
			rows = nil
		}
	}
	for _, p := range paths {
		f, err := answers.FieldAt(p)
		if err != nil {
			continue // labels.Parse refuses it
		}
		v, ok, _ := answers.ValueAt(d, p)
		if items, isList := structItems(v, ok); isList {
			flush()
			blocks = append(blocks, Block{Kind: KindParagraph, Spans: []Span{text(f.Title)}}, Block{Kind: KindList, Items: items})
			continue
		}
		rows = append(rows, []Span{text(f.Title), value(v, ok)})
	}
	flush()
	return blocks
}

// structItems writes a list of structs (members, groups, actions, funders)
// as list items; isList is false for any other value.
func structItems(v reflect.Value, ok bool) (items [][]Span, isList bool) {
	if v.Kind() != reflect.Slice || v.Type().Elem().Kind() != reflect.Struct && v.Type().Elem() != reflect.TypeFor[string]() {
		return nil, false
	}
	switch {
	case !ok:
		return [][]Span{{unanswered}}, true
	case v.Len() == 0:
		return [][]Span{{text("aucun élément")}}, true
	}
	for i := range v.Len() {
		items = append(items, []Span{text(item(v.Index(i).Interface()))})
	}
	return items, true
}

// item describes one element of a list in a line.
func item(x any) string {
	switch x := x.(type) {
	case string:
		return x
	case clsm.Member:
		if x.Structure != "" {
			return x.Category.Label() + " — " + x.Structure
		}
		return x.Category.Label()
	case clsm.WorkingGroup:
		s := x.Theme.Label()
		if x.Name != "" {
			s = x.Name + " (" + s + ")"
		}
		if len(x.Objectives) > 0 {
			s += " — objectifs\u00a0: " + labelsOf(x.Objectives)
		}
		if x.MeetingsPerYear != nil {
			s += " — " + clsm.FrenchCount(*x.MeetingsPerYear, "réunion", "réunions") + " par an"
		}
		return s
	case clsm.Action:
		s := x.Title
		if x.Status != "" {
			s += " — " + wellformed.LowerFirst(x.Status.Label())
		}
		if len(x.Objectives) > 0 {
			s += " — objectifs\u00a0: " + labelsOf(x.Objectives)
		}
		if len(x.Domains) > 0 {
			s += " — domaines\u00a0: " + labelsOf(x.Domains)
		}
		return s
	case clsm.Funder:
		s := x.Kind.Label()
		if x.Share != nil {
			s += "\u00a0: " + clsm.FrenchNumber(*x.Share) + "\u00a0%"
		}
		return s
	}
	return ""
}

func labelsOf[E clsm.Enum](es []E) string {
	var s []string
	for _, e := range es {
		s = append(s, wellformed.LowerFirst(e.Label()))
	}
	return strings.Join(s, ", ")
}

// value writes one answer; a blank is [Unanswered], never 0 or « non ».
func value(v reflect.Value, ok bool) Span {
	if !ok {
		return unanswered
	}
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if e, isEnum := v.Interface().(clsm.Enum); isEnum {
		return text(e.Label())
	}
	switch x := v.Interface().(type) {
	case clsm.Date:
		return text(x.French())
	case bool:
		if x {
			return text("oui")
		}
		return text("non")
	case int:
		return text(number(float64(x)))
	case float64:
		return text(number(x))
	case string:
		return text(x)
	}
	if v.Kind() == reflect.Slice {
		if v.Len() == 0 {
			return text("aucun")
		}
		var parts []string
		for i := range v.Len() {
			parts = append(parts, value(v.Index(i), true).Text)
		}
		if v.Type().Elem() == reflect.TypeFor[clsm.Date]() {
			return text(clsm.FrenchCount(v.Len(), "date", "dates") + "\u00a0: " + strings.Join(parts, ", "))
		}
		return text(strings.Join(parts, ", "))
	}
	return text(v.String())
}

// findingsTable shows, for every rule of the referential that cites one of
// the sections, what the dossier shows and what is missing. Its rows are
// the rules, whatever the dossier says: an answer removed makes a row
// « non renseigné », never removes it.
func findingsTable(ref *labels.Referential, r *assess.Report, stage clsm.Stage, cites []string) *Table {
	t := &Table{Caption: "Exigences du cahier des charges", Header: []string{"Exigence", "Section", "Ce que montre le dossier", "Ce qui manque"}, Rows: [][]Span{}}
	for i, rule := range ref.Rules {
		if !slices.Contains(cites, rule.Section) {
			continue
		}
		f := r.Findings[i]
		req := rule.Requirement + " (" + wellformed.LowerFirst(rule.Level.Label()) + ")"
		var shows, missing Span
		switch f.Outcome {
		case labels.Met:
			shows, missing = text(f.Detail), text("rien")
		case labels.Unmet:
			shows, missing = text(f.Detail), text(rule.Advice)
		case labels.NotApplicable:
			shows, missing = text("Sans objet\u00a0: "+wellformed.LowerFirst(f.Detail)), text("rien")
		case labels.NotDue:
			shows, missing = text("Pas encore due\u00a0: "+wellformed.LowerFirst(f.Detail)), text("rien pour l'instant")
		default:
			shows = unanswered
			missing = text("Répondre dans le dossier\u00a0: " + questionTitles(f.Missing, f.Paths))
		}
		if !rule.AppliesTo(stage) && stage != "" {
			shows, missing = text("Pas demandé au stade «\u00a0"+stage.Label()+"\u00a0»"), text("rien à ce stade")
		}
		t.Rows = append(t.Rows, []Span{text(req), text(rule.Section), shows, missing})
	}
	if len(t.Rows) == 0 {
		t.Rows = append(t.Rows, []Span{text("Aucune règle de ce référentiel ne cite cette section."), text(strings.Join(cites, ", ")), text("—"), text("—")})
	}
	return t
}

func questionTitles(missing, paths []string) string {
	if len(missing) == 0 {
		missing = paths
	}
	var titles []string
	for _, p := range missing {
		if f, err := answers.FieldAt(p); err == nil {
			titles = append(titles, "«\u00a0"+f.Title+"\u00a0»")
		}
	}
	if len(titles) == 0 {
		return "les questions de cette exigence"
	}
	return strings.Join(titles, ", ")
}

// number writes a number the French way: a decimal comma, at most two
// decimals, and thousands grouped by no-break spaces (« 111 000 »).
func number(f float64) string {
	s := clsm.FrenchNumber(f)
	whole, frac, _ := strings.Cut(s, ",")
	sign := ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString("\u00a0")
		}
		b.WriteRune(r)
	}
	if frac != "" {
		return sign + b.String() + "," + frac
	}
	return sign + b.String()
}
