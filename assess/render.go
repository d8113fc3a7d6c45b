package assess

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
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
// (the CLSM's name) and every text of a referential is escaped for the
// format: HTML-escaped in HTML, with Markdown's special characters escaped in
// Markdown.
func Render(w io.Writer, r *Report, f Format) error {
	switch f {
	case FormatText:
		return writeText(w, r, plain{})
	case FormatMarkdown:
		return writeText(w, r, markdown{})
	case FormatHTML:
		return writeHTML(w, r)
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return fmt.Errorf("format de rapport inconnu « %s » : text, md, html ou json", f)
}

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
func (plain) esc(s string) string    { return s }

type markdown struct{}

func (markdown) title(s string) string           { return "# " + s + "\n\n" }
func (markdown) heading(s string) string         { return "## " + s + "\n\n" }
func (markdown) item(s string) string            { return "- " + s + "\n" }
func (markdown) numbered(n int, s string) string { return fmt.Sprintf("%d. %s\n", n, s) }
func (markdown) sub(s string) string             { return "   " + s + "  \n" }
func (markdown) strong(s string) string          { return "**" + s + "**" }
func (markdown) esc(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", "&lt;", ">", "&gt;", "#", `\#`, "|", `\|`).Replace(s)
}

func writeText(w io.Writer, r *Report, s styler) error {
	var b strings.Builder
	name := r.Dossier.Name
	if name == "" {
		name = "CLSM sans nom"
	}
	b.WriteString(s.title("Auto-évaluation — " + s.esc(name)))
	b.WriteString(intro + "\n\n")
	fmt.Fprintf(&b, "Référentiel : %s (%s, version %s)\n", s.esc(r.Referential.Name), s.esc(r.Referential.Issuer), s.esc(r.Referential.Version))
	fmt.Fprintf(&b, "Évalué le %s", r.EvaluatedOn.French())
	if r.Dossier.Stage != "" {
		fmt.Fprintf(&b, " · Stade : %s", stageShort(r.Dossier.Stage))
	}
	if r.Dossier.Department != "" {
		fmt.Fprintf(&b, " · Département : %s", s.esc(r.Dossier.Department.Label()))
	}
	if r.Dossier.ARS != "" {
		fmt.Fprintf(&b, " · %s", r.Dossier.ARS)
	}
	b.WriteString("\n\n")

	b.WriteString(s.heading("Verdict : " + r.Readiness.Label))
	b.WriteString(r.Readiness.Explanation + "\n")
	if r.Readiness.Compliance != nil {
		fmt.Fprintf(&b, "Exigences requises respectées parmi celles renseignées : %d %%. ", *r.Readiness.Compliance)
	}
	fmt.Fprintf(&b, "Exigences requises renseignées : %d %%.\n", r.Readiness.Confidence)
	fmt.Fprintf(&b, "Ensemble des règles : %d respectée(s), %d non respectée(s), %d non renseignée(s), %d sans objet ; %d question(s) sans réponse dont dépendent des règles.\n\n", r.Counts.Met, r.Counts.Unmet, r.Counts.Unknown, r.Counts.NotApplicable, r.Counts.MissingAnswers)

	b.WriteString(s.heading("Scores par axe"))
	for _, a := range r.Axes {
		if a.Met+a.Unmet+a.Unknown == 0 {
			b.WriteString(s.item(a.Label + " : sans objet pour ce CLSM"))
			continue
		}
		score := "pas encore de réponse"
		if a.Score != nil {
			score = fmt.Sprintf("%d %%", *a.Score)
		}
		b.WriteString(s.item(fmt.Sprintf("%s : %s (%d respectée(s), %d non respectée(s), %d non renseignée(s) ; renseigné à %d %%)", a.Label, score, a.Met, a.Unmet, a.Unknown, a.Answered)))
	}
	b.WriteString("\n")

	b.WriteString(s.heading("Prochaines étapes"))
	if len(r.NextSteps) == 0 {
		b.WriteString("Rien à faire : toutes les règles qui s'appliquent sont respectées.\n")
	}
	for i, st := range r.NextSteps {
		tag := st.Kind.Label()
		if st.Blocking {
			tag += ", bloquant"
		}
		b.WriteString(s.numbered(i+1, fmt.Sprintf("[%s] %s (règle %s)", tag, s.esc(st.Text), s.esc(st.RuleID))))
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
	for _, o := range []labels.Outcome{labels.Unmet, labels.Unknown, labels.Met, labels.NotApplicable} {
		for _, f := range r.Findings {
			if f.Outcome != o {
				continue
			}
			b.WriteString(s.item(fmt.Sprintf("%s %s (%s) — %s", s.strong("["+f.Outcome.Label()+"]"), s.esc(f.RuleID), strings.ToLower(f.Level.Label()), s.esc(f.Requirement))))
			b.WriteString(s.sub("Constat : " + s.esc(f.Detail)))
			cite := "Source : " + s.esc(f.Citation.Document) + ", " + s.esc(f.Citation.Section)
			if f.Citation.Quote != "" {
				cite += " — « " + s.esc(f.Citation.Quote) + " »"
			}
			b.WriteString(s.sub(cite))
			if f.Outcome == labels.Unmet {
				b.WriteString(s.sub("Conseil : " + s.esc(f.Advice)))
			}
		}
	}
	b.WriteString("\n")

	b.WriteString(s.heading("Indicateurs de résultats"))
	for _, line := range indicatorLines(r.Indicators) {
		b.WriteString(s.item(s.esc(line)))
	}
	if r.NotCheckable > 0 {
		fmt.Fprintf(&b, "\n%d exigence(s) du référentiel ne peuvent pas être vérifiées à partir d'un dossier ; elles sont listées dans le référentiel.\n", r.NotCheckable)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func stageShort(s clsm.Stage) string {
	l := s.Label()
	if i := strings.Index(l, " ("); i > 0 {
		return l[:i]
	}
	return l
}

// indicatorLines writes the §12 indicators as French sentences.
func indicatorLines(in Indicators) []string {
	unknown := "non renseigné"
	intOr := func(p *int) string {
		if p == nil {
			return unknown
		}
		return fmt.Sprint(*p)
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
	lines = append(lines, "Gouvernance : "+intOr(in.CopilMeetings)+" réunion(s) du comité de pilotage et "+intOr(in.PlenaryMeetings)+" assemblée(s) plénière(s) sur 12 mois")
	var q []string
	for _, p := range in.FourQuarters {
		q = append(q, p.Pillar+" : "+yesNo(p.Present))
	}
	lines = append(lines, "Les « quatre quarts » au comité de pilotage — "+strings.Join(q, ", "))
	var sec []string
	for _, s := range in.PartnersBySector {
		if s.Count > 0 {
			sec = append(sec, fmt.Sprintf("%s : %d", s.Sector, s.Count))
		}
	}
	if len(sec) == 0 {
		sec = []string{unknown}
	}
	lines = append(lines, "Partenariat (membres du comité de pilotage par secteur) — "+strings.Join(sec, ", "))
	var obj []string
	for _, o := range in.Objectives {
		obj = append(obj, fmt.Sprintf("%s : %d action(s), %d groupe(s)", objectiveShort(o.Objective), o.Actions, o.WorkingGroups))
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
		fund = append(fund, f.Kind.Label()+" "+share)
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
