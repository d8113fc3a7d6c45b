package assess

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
)

// Format is an output format of a report.
type Format string

// Formats of a report.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "md"
	FormatHTML     Format = "html"
	FormatJSON     Format = "json"
)

// Formats lists the formats Render accepts.
func Formats() []Format { return []Format{FormatText, FormatMarkdown, FormatHTML, FormatJSON} }

// Render writes the report in the given format. Every text a person typed
// (the CLSM's name) and every text of a referential is made inert for the
// format: on one line and without control characters in every format (see
// [Inert]; the JSON report is encoded from a copy, r is not changed),
// HTML-escaped in HTML, with Markdown's markup escaped in Markdown (see
// inertMarkdown). A format that is not one of [Formats] gives an error that
// wraps [ErrUnknownFormat].
func Render(w io.Writer, r *Report, f Format) error {
	switch f {
	case FormatText:
		return writeText(w, r, plain{})
	case FormatMarkdown:
		return writeText(w, r, markdown{})
	case FormatHTML:
		return RenderHTML(w, r)
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(inertReport(r))
	}
	return fmt.Errorf("%w « %s »\u00a0: text, md, html ou json.", ErrUnknownFormat, Inert(string(f)))
}

// RenderHTML writes the report in HTML, as [Render] does for [FormatHTML]. A
// program that only renders HTML, as the form's browser checker does, calls
// it and does not link the plain-text and Markdown writers.
func RenderHTML(w io.Writer, r *Report) error { return writeHTML(w, r) }

// ErrUnknownFormat is the error, wrapped, of [Render] for a format that is
// not one of [Formats].
var ErrUnknownFormat = errors.New("Format de rapport inconnu")

// intro spells out the acronyms the report uses, the first time.
const intro = "Rapport d'auto-évaluation d'un conseil local de santé mentale (CLSM) au regard d'un référentiel : " +
	"cahier des charges d'une agence régionale de santé (ARS) ou socle national. Une règle « non renseignée » " +
	"attend une réponse : ce n'est pas un manquement."

// styler is what differs between the plain-text and Markdown reports.
type styler interface {
	title(s string) string
	heading(s string) string
	item(s string) string
	numbered(n int, s string) string
	sub(s string) string
	strong(s string) string
	esc(s string) string
}

type plain struct{}

func (plain) title(s string) string   { return s + "\n" + strings.Repeat("=", len([]rune(s))) + "\n\n" }
func (plain) heading(s string) string { return s + "\n" + strings.Repeat("-", len([]rune(s))) + "\n\n" }
func (plain) item(s string) string    { return "  - " + s + "\n" }
func (plain) numbered(n int, s string) string {
	return fmt.Sprintf("  %2d. %s\n", n, s)
}
func (plain) sub(s string) string    { return "      " + s + "\n" }
func (plain) strong(s string) string { return strings.ToUpper(s) }
func (plain) esc(s string) string    { return strings.Trim(Inert(s), " \t") }

type markdown struct{}

func (markdown) title(s string) string           { return "# " + s + "\n\n" }
func (markdown) heading(s string) string         { return "## " + s + "\n\n" }
func (markdown) item(s string) string            { return "- " + s + "\n" }
func (markdown) numbered(n int, s string) string { return fmt.Sprintf("%d. %s\n", n, s) }
func (markdown) sub(s string) string             { return "   " + s + "  \n" }
func (markdown) strong(s string) string          { return "**" + s + "**" }
func (markdown) esc(s string) string             { return inertMarkdown(s) }

// MaxStepsShown is how many next steps the text, Markdown and HTML reports
// show before « et N autres étapes » (the HTML report keeps the others in a
// collapsed list; the JSON report has them all).
const MaxStepsShown = 5

func writeText(w io.Writer, r *Report, s styler) error {
	var b strings.Builder
	name := r.Dossier.Name
	if name == "" {
		name = "CLSM sans nom"
	}
	b.WriteString(s.title("Auto-évaluation — " + s.esc(name)))
	b.WriteString(intro + "\n\n")
	fmt.Fprintf(&b, "Référentiel : %s (%s, version %s)\n", s.esc(r.Referential.Name), s.esc(r.Referential.Issuer), s.esc(r.Referential.Version))
	b.WriteString(metaLine(r, s.esc) + "\n")
	if r.Dossier.VersionNote != "" {
		b.WriteString(r.Dossier.VersionNote + "\n")
	}
	b.WriteString("\n")
	for _, w := range r.Warnings {
		b.WriteString(s.strong("Avertissement") + " : " + s.esc(w) + "\n\n")
	}

	b.WriteString(s.heading("Verdict : " + wellformed.LowerFirst(r.Readiness.Label)))
	b.WriteString(s.esc(r.Readiness.Explanation) + "\n")
	if r.Readiness.Caveat != "" {
		b.WriteString(s.esc(r.Readiness.Caveat) + "\n")
	}
	if r.Readiness.StageMeaning != "" && r.Readiness.Level != Ready {
		// The meaning names its stage (« Un CLSM actif est prêt quand… ») and
		// may explain itself with « : »: it stands alone, under no label.
		b.WriteString(s.esc(wellformed.UpperFirst(r.Readiness.StageMeaning)) + "\n")
	}
	b.WriteString(scoreLine(r) + "\n")
	b.WriteString(countsLine(r.Counts) + "\n\n")

	b.WriteString(s.heading("Scores par axe"))
	for _, a := range r.Axes {
		b.WriteString(s.item(axisLine(a)))
	}
	b.WriteString("\n")

	b.WriteString(s.heading("Prochaines étapes"))
	if len(r.NextSteps) == 0 {
		b.WriteString(nothingToDo(r.Counts) + "\n")
	}
	for i, st := range r.NextSteps {
		if i == MaxStepsShown {
			b.WriteString(s.item(fmt.Sprintf("… et %s : voir « Règle par règle ».", clsm.FrenchCount(len(r.NextSteps)-MaxStepsShown, "autre étape", "autres étapes"))))
			break
		}
		b.WriteString(s.numbered(i+1, fmt.Sprintf("[%s] %s", stepTag(st), s.esc(st.Text))))
		if st.Kind == StepAct && len(st.Questions) > 0 {
			b.WriteString(s.sub("Questions concernées : " + s.esc(joinTitles(st.Questions))))
		}
	}
	b.WriteString("\n")

	if len(r.Decisive) > 0 {
		b.WriteString(s.heading("Questions sans réponse qui peuvent changer le verdict"))
		for _, q := range r.Decisive {
			b.WriteString(s.item("« " + s.esc(q.Title) + " »"))
		}
		b.WriteString("\n")
	}

	b.WriteString(s.heading("Règle par règle"))
	for _, o := range []labels.Outcome{labels.Unmet, labels.Unknown, labels.NotDue, labels.Met} {
		for _, f := range r.Findings {
			if f.Outcome != o {
				continue
			}
			// The rule's identifier is for the JSON report: a town reads the
			// requirement's words.
			b.WriteString(s.item(fmt.Sprintf("%s %s", s.strong("["+outcomeTag(f)+" · "+strings.ToLower(f.Level.Label())+"]"), s.esc(f.Requirement))))
			b.WriteString(s.sub("Constat : " + s.esc(wellformed.LowerFirst(f.Detail))))
			// The document's title is quoted: a title may hold a colon of its
			// own (« Le conseil local de santé mentale : un outil… »).
			cite := "Source : « " + s.esc(f.Citation.Document) + " », " + s.esc(f.Citation.Section)
			if f.Citation.Quote != "" {
				cite += " — « " + s.esc(f.Citation.Quote) + " »"
			}
			b.WriteString(s.sub(cite))
			if f.Outcome == labels.Unmet {
				b.WriteString(s.sub("Conseil — " + s.esc(wellformed.LowerFirst(f.Advice))))
			}
		}
	}
	if line := notApplicableLine(r.Counts.NotApplicable); line != "" {
		b.WriteString(s.item(s.strong("[Sans objet]") + " " + line))
	}
	b.WriteString("\n")

	b.WriteString(s.heading("Indicateurs de résultats"))
	for _, line := range indicatorLines(r.Indicators) {
		b.WriteString(s.item(s.esc(line)))
	}
	if line := notCheckableLine(r.NotCheckable); line != "" {
		b.WriteString("\n" + line + "\n")
	}

	if len(r.National) > 0 {
		b.WriteString("\n" + s.heading("Repères nationaux"))
		b.WriteString(NationalIntro + "\n\n")
		for _, c := range r.National {
			b.WriteString(s.item(s.esc(c.Topic) + " — ce CLSM : " + s.esc(c.Dossier)))
			b.WriteString(s.sub("Au niveau national : " + s.esc(wellformed.LowerFirst(c.Figure))))
			b.WriteString(s.sub(fmt.Sprintf("Source (état des lieux %d) : %s", c.Year, s.esc(c.Source))))
		}
	}
	_, err := io.WriteString(w, frenchSpaces(b.String()))
	return err
}

// metaLine writes the date, stage, department and ARS of a report.
func metaLine(r *Report, esc func(string) string) string {
	line := "Évalué le " + r.EvaluatedOn.French()
	if r.Dossier.Stage != "" {
		line += " · Stade : " + wellformed.LowerFirst(stageShort(r.Dossier.Stage))
	}
	if r.Dossier.Department != "" {
		line += " · Département : " + esc(r.Dossier.Department.Label())
	}
	if r.Dossier.ARS != "" {
		line += " · " + esc(r.Dossier.ARS)
	}
	return line
}

// nothingToDo says there is no next step; with rules not yet due, that
// those are still to come.
func nothingToDo(c Counts) string {
	switch {
	case c.NotDue == 1:
		return "Rien à faire pour l'instant : les règles qui s'appliquent sont respectées, et 1\u00a0règle n'est pas encore due (voir « Règle par règle »)."
	case c.NotDue > 1:
		return fmt.Sprintf("Rien à faire pour l'instant : les règles qui s'appliquent sont respectées, et %s ne sont pas encore dues (voir « Règle par règle »).", clsm.FrenchCount(c.NotDue, "règle", "règles"))
	}
	return "Rien à faire : toutes les règles qui s'appliquent sont respectées."
}

// outcomeTag is the outcome of a finding as reports show it: for a rule not
// yet due, with the day it becomes due (« Pas encore dû, exigible à partir
// du 12 mars 2027 »).
func outcomeTag(f Finding) string {
	if f.Outcome == labels.NotDue && f.DueOn != "" {
		return f.Outcome.Label() + ", exigible à partir du " + f.DueOn.French()
	}
	return f.Outcome.Label()
}

func stepTag(st NextStep) string {
	tag := st.Kind.Label()
	if st.Blocking {
		tag += ", bloquant"
	}
	return tag
}

func scoreLine(r *Report) string {
	line := ""
	if r.Readiness.Compliance != nil {
		line = fmt.Sprintf("Exigences requises respectées parmi celles renseignées : %d %%. ", *r.Readiness.Compliance)
	}
	return line + fmt.Sprintf("Exigences requises renseignées : %d %%.", r.Readiness.Confidence)
}

func countsLine(c Counts) string {
	questions := "aucune question sans réponse dont dépendent des règles"
	switch {
	case c.MissingAnswers == 1:
		questions = "1\u00a0question sans réponse dont dépendent des règles"
	case c.MissingAnswers > 1:
		questions = clsm.FrenchCount(c.MissingAnswers, "question", "questions") + " sans réponse dont dépendent des règles"
	}
	notDue := ""
	if c.NotDue > 0 {
		notDue = ", " + clsm.FrenchCount(c.NotDue, "pas encore due", "pas encore dues")
	}
	return fmt.Sprintf("Ensemble des règles : %s, %s, %s%s, %d sans objet ; %s.",
		clsm.FrenchCount(c.Met, "respectée", "respectées"), clsm.FrenchCount(c.Unmet, "non respectée", "non respectées"),
		clsm.FrenchCount(c.Unknown, "non renseignée", "non renseignées"), notDue, c.NotApplicable, questions)
}

func axisLine(a AxisScore) string {
	if a.Met+a.Unmet+a.Unknown == 0 {
		return a.Label + " : sans objet pour ce CLSM"
	}
	score := "pas encore de réponse"
	if a.Score != nil {
		score = fmt.Sprintf("%d %%", *a.Score)
	}
	return fmt.Sprintf("%s : %s (%s, %s, %s ; renseigné à %d %%)", a.Label, score,
		clsm.FrenchCount(a.Met, "respectée", "respectées"), clsm.FrenchCount(a.Unmet, "non respectée", "non respectées"),
		clsm.FrenchCount(a.Unknown, "non renseignée", "non renseignées"), a.Answered)
}

// notApplicableLine sums up the rules that do not apply: a count, not a list
// (they are half the rules of a detailed referential, and say nothing to do).
func notApplicableLine(n int) string {
	switch {
	case n == 0:
		return ""
	case n == 1:
		return "1\u00a0règle ne concerne pas ce CLSM (stade, dispositif absent du territoire ou condition non réunie)."
	}
	return fmt.Sprintf("%s ne concernent pas ce CLSM (stade, dispositif absent du territoire ou condition non réunie).", clsm.FrenchCount(n, "règle", "règles"))
}

func notCheckableLine(n int) string {
	switch {
	case n == 0:
		return ""
	case n == 1:
		return "1\u00a0exigence du référentiel ne peut pas être vérifiée à partir d'un dossier ; elle est listée dans le référentiel."
	}
	return clsm.FrenchCount(n, "exigence", "exigences") + " du référentiel ne peuvent pas être vérifiées à partir d'un dossier ; elles sont listées dans le référentiel."
}

// frenchSpaces puts the no-break spaces French typography wants.
var frenchSpaces = wellformed.Spaces

// frenchSpacesIn applies frenchSpaces to every settable string held in v,
// at any depth: for a value the form shows as it is, such as the
// questionnaire, whose texts come from the model's tags and from a
// referential an ARS may have written with ordinary spaces. Identifiers and
// option values never hold a space, so frenchSpaces leaves them as they are.
func frenchSpacesIn(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(frenchSpaces(v.String()))
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			frenchSpacesIn(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				frenchSpacesIn(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			frenchSpacesIn(v.Index(i))
		}
	}
}

// stageShort is the stage's label without its explanation, in lower case
// for use inside a sentence: "en projet", "actif".
func stageShort(s clsm.Stage) string {
	l := s.Label()
	if i := strings.Index(l, " ("); i > 0 {
		l = l[:i]
	}
	return wellformed.LowerFirst(l)
}

// indicatorLines writes the §12 indicators as French sentences. An
// unanswered figure is « non renseigné », never 0.
func indicatorLines(in Indicators) []string {
	unknown := "non renseigné"
	countOr := func(p *int, singular, plural string) string {
		if p == nil {
			return plural + " (nombre non renseigné)"
		}
		return clsm.FrenchCount(*p, singular, plural)
	}
	intOr := func(p *int) string {
		if p == nil {
			return unknown
		}
		return clsm.FrenchNumber(float64(*p))
	}
	yesNo := func(p *bool) string {
		switch {
		case p == nil:
			return unknown
		case *p:
			return "oui"
		}
		return "non"
	}
	art := func(a clsm.Articulation) string {
		if a == "" {
			return unknown
		}
		return strings.ToLower(a.Label())
	}
	var lines []string
	lines = append(lines, "Gouvernance sur 12 mois — "+countOr(in.CopilMeetings, "réunion du comité de pilotage", "réunions du comité de pilotage")+", "+countOr(in.PlenaryMeetings, "assemblée plénière", "assemblées plénières"))
	var q []string
	for _, p := range in.FourQuarters {
		q = append(q, wellformed.LowerFirst(p.Pillar)+" : "+yesNo(p.Present))
	}
	lines = append(lines, "Les « quatre quarts » au comité de pilotage — "+strings.Join(q, ", "))
	var sec []string
	for _, s := range in.PartnersBySector {
		if s.Count > 0 {
			sec = append(sec, fmt.Sprintf("%s : %d", wellformed.LowerFirst(s.Sector), s.Count))
		}
	}
	if len(sec) == 0 {
		sec = []string{unknown}
	}
	lines = append(lines, "Partenariat (membres du comité de pilotage par secteur) — "+strings.Join(sec, ", "))
	var obj []string
	for _, o := range in.Objectives {
		obj = append(obj, objectiveShort(o.Objective)+" : "+countOr(o.Actions, "action", "actions")+", "+countOr(o.WorkingGroups, "groupe de travail", "groupes de travail"))
	}
	lines = append(lines, "Objectifs stratégiques — "+strings.Join(obj, " ; "))
	lines = append(lines, "Situations complexes — cellule : "+yesNo(in.ComplexCell)+", situations examinées sur 12 mois : "+intOr(in.ComplexHandled))
	lines = append(lines, "Articulation avec le contrat local de santé : "+art(in.CLS))
	lines = append(lines, "Politique de la ville — quartiers prioritaires : "+yesNo(in.CoversQPV)+", contrat de ville : "+art(in.CityContract)+", atelier santé ville : "+art(in.ASV)+", actions en QPV : "+intOr(in.QPVActions))
	fte := unknown
	if in.CoordinatorFTE != nil {
		fte = clsm.FrenchNumber(*in.CoordinatorFTE) + " ETP"
	}
	var fund []string
	for _, f := range in.Funding {
		share := "part non indiquée"
		if f.Share != nil {
			share = clsm.FrenchNumber(*f.Share) + " %"
		}
		fund = append(fund, wellformed.LowerFirst(f.Kind.Label())+" "+share)
	}
	if len(fund) == 0 {
		fund = []string{unknown}
	}
	lines = append(lines, "Coordination : "+fte+" ; financement : "+strings.Join(fund, ", "))
	return lines
}

func objectiveShort(o clsm.StrategicObjective) string {
	return map[clsm.StrategicObjective]string{
		clsm.ObjectiveObservation:      "observation",
		clsm.ObjectivePromotion:        "promotion",
		clsm.ObjectiveAccess:           "accès aux soins",
		clsm.ObjectiveInclusion:        "inclusion",
		clsm.ObjectiveDestigmatisation: "déstigmatisation",
	}[o]
}
