package assess

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// FormatCSV is the spreadsheet export of a regional report: one row per
// file, for a French spreadsheet (UTF-8 with a byte order mark, « ; » between
// fields, decimal comma).
const FormatCSV Format = "csv"

// RegionalFormats lists the formats RenderRegional accepts.
func RegionalFormats() []Format {
	return []Format{FormatText, FormatMarkdown, FormatHTML, FormatCSV, FormatJSON}
}

// levelColors are the colours of the readiness levels, those of the single
// report's badges.
var levelColors = map[ReadinessLevel]string{Ready: "#18753c", AlmostReady: "#695240", InProgress: "#b34000", Incomplete: "#3a3a3a"}

// regionalIntro says what the regional report is.
const regionalIntro = "Synthèse des auto-évaluations de conseils locaux de santé mentale (CLSM) au regard d'un même référentiel, à la même date : " +
	"combien sont prêts, quelles exigences manquent le plus souvent et où. Chaque dossier a aussi son propre rapport."

// RenderRegional writes a regional report in the given format. As in
// [Render], every text a person typed (a CLSM's name, a file's name) is made
// inert for the format.
func RenderRegional(w io.Writer, a *RegionalReport, f Format) error {
	switch f {
	case FormatText:
		return writeRegionalText(w, a, plain{})
	case FormatMarkdown:
		return writeRegionalText(w, a, markdown{})
	case FormatHTML:
		return writeRegionalHTML(w, a)
	case FormatCSV:
		return writeRegionalCSV(w, a)
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		c := inertCopy(reflect.ValueOf(a).Elem()).Interface().(RegionalReport)
		return enc.Encode(&c)
	}
	return fmt.Errorf("format de synthèse inconnu « %s » : text, md, html, csv ou json", f)
}

// clsmCount writes « 3 CLSM »: the acronym does not take the plural mark.
func clsmCount(n int) string { return clsm.FrenchCount(n, "CLSM", "CLSM") }

// share writes n out of total as a rounded percentage, « 25 % »; out of
// nothing, no percentage: « sans objet », never a 0.
func share(n, total int) string {
	if total == 0 {
		return "sans objet"
	}
	return strconv.Itoa(percent(n, total)) + "\u00a0%"
}

// levelsLine writes the counts of a place by level, each level named as
// the report names it.
func levelsLine(a *RegionalReport, c LevelCounts) string {
	var parts []string
	for _, l := range Levels() {
		if n := c.Of(l); n > 0 {
			parts = append(parts, wellformed.LowerFirst(a.LevelLabel(l))+" "+strconv.Itoa(n))
		}
	}
	return clsmCount(c.Total()) + " — " + strings.Join(parts, ", ")
}

// ruleLine writes the outcomes of a rule over the CLSM.
func ruleLine(rc RuleCount) string {
	return fmt.Sprintf("respectée par %s, non respectée par %d, non renseignée pour %d, sans objet pour %d",
		clsmCount(rc.Met), rc.Unmet, rc.Unknown, rc.NotApplicable)
}

// gapLine writes a blocking gap: how many CLSM miss it out of those it
// concerns.
func gapLine(rc RuleCount) string {
	concerned := rc.Met + rc.Unmet + rc.Unknown
	return fmt.Sprintf("non respectée par %s sur %d concernés (%s)", clsmCount(rc.Unmet), concerned, share(rc.Unmet, concerned))
}

// spreadLine writes a spread in French: « médiane 0,8 (minimum 0,2 ;
// quartiles 0,5 et 1 ; maximum 1,5), sur 12 CLSM qui le renseignent »; over
// names whom the figures are computed on.
func spreadLine(s Spread, unit, over string) string {
	if s.Answered == 0 || s.Median == nil {
		return "non renseigné dans les dossiers"
	}
	n := func(p *float64) string { return clsm.FrenchNumber(*p) + unit }
	return fmt.Sprintf("médiane %s (minimum %s ; premier quartile %s ; troisième quartile %s ; maximum %s), sur ",
		n(s.Median), n(s.Min), n(s.Q1), n(s.Q3), n(s.Max)) + over
}

// fundingLine writes what one kind of funder pays: the CLSM it funds, out
// of those that detail their funding, and the share it pays over them only.
func fundingLine(a *RegionalReport, f FunderSpread) string {
	over := "ces " + clsmCount(f.Share.Answered)
	if f.Share.Answered == 1 {
		over = "ce seul CLSM"
	}
	return fmt.Sprintf("%s : finance le poste de %s, sur %d qui détaillent leur financement ; part financée, %s",
		f.Label, clsmCount(f.Involved), a.FundingDetailed, spreadLine(f.Share, "\u00a0%", over))
}

// readyPlural names, in the plural, the CLSM at the best level: « prêts à
// déposer », or « prêts au regard des règles connues » with a partial
// referential.
func readyPlural(a *RegionalReport) string {
	if a.Partial {
		return "prêts au regard des règles connues"
	}
	return "prêts à déposer"
}

func displayName(name, file string) string {
	if strings.TrimSpace(name) == "" {
		return "CLSM sans nom (" + file + ")"
	}
	return name
}

// gapWords names blocking gaps by their requirement's words, as a town or
// an ARS reads them: the rules' identifiers are for the JSON report and the
// spreadsheet.
func gapWords(a *RegionalReport, ids []string) string {
	words := make([]string, 0, len(ids))
	for _, id := range ids {
		w := id
		for _, rc := range a.Rules {
			if rc.RuleID == id {
				w = "« " + strings.TrimRight(rc.Requirement, ". ") + " »"
				break
			}
		}
		words = append(words, w)
	}
	return strings.Join(words, ", ")
}

// problemLine writes one problem of a file.
func problemLine(p clsm.Problem) string {
	if p.Path == "" {
		return p.Message
	}
	// The message names the answer already (« « Population » : … »): the
	// path, for whoever opens the file, comes after it.
	return p.Message + " (" + p.Path + ")"
}

func writeRegionalText(w io.Writer, a *RegionalReport, s styler) error {
	var b strings.Builder
	b.WriteString(s.title("Vue régionale — " + s.esc(a.Referential.Name)))
	b.WriteString(regionalIntro + "\n\n")
	fmt.Fprintf(&b, "Référentiel : %s (%s, version %s)\n", s.esc(a.Referential.Name), s.esc(a.Referential.Issuer), s.esc(a.Referential.Version))
	if a.ReferentialChoice != "" {
		b.WriteString(s.esc(a.ReferentialChoice) + "\n")
	}
	fmt.Fprintf(&b, "Évalué le %s · %s lus, %s, %s à corriger ou illisibles\n\n", a.EvaluatedOn.French(),
		clsm.FrenchCount(a.Files, "fichier", "fichiers"), clsm.FrenchCount(a.Assessed, "dossier évalué", "dossiers évalués"), strconv.Itoa(len(a.Invalid)))
	for _, warn := range a.Warnings {
		b.WriteString(s.strong("Avertissement") + " : " + s.esc(warn) + "\n\n")
	}

	b.WriteString(s.heading("Niveau de préparation"))
	for _, l := range Levels() {
		n := a.Levels.Of(l)
		b.WriteString(s.item(fmt.Sprintf("%s : %s (%s)", a.LevelLabel(l), clsmCount(n), share(n, a.Assessed))))
	}
	b.WriteString("\n")

	b.WriteString(s.heading("Stades"))
	for _, st := range a.Stages {
		b.WriteString(s.item(fmt.Sprintf("%s : %s", wellformed.LowerFirst(st.Label), clsmCount(st.Count))))
	}
	if len(a.Stages) == 0 {
		b.WriteString("Aucun dossier évalué.\n")
	}
	b.WriteString("\n")

	b.WriteString(s.heading("Par région"))
	for _, p := range a.Regions {
		b.WriteString(s.item(s.esc(p.Label) + " : " + levelsLine(a, p.Levels)))
	}
	b.WriteString("\n")
	b.WriteString(s.heading("Par département"))
	for _, p := range a.Departments {
		b.WriteString(s.item(s.esc(p.Label) + " : " + levelsLine(a, p.Levels)))
	}
	b.WriteString("\n")

	b.WriteString(s.heading("Exigences requises le plus souvent non respectées"))
	if len(a.TopGaps) == 0 {
		b.WriteString("Aucune exigence requise n'est manquée.\n")
	}
	for i, g := range a.TopGaps {
		b.WriteString(s.numbered(i+1, s.esc(g.Requirement)))
		b.WriteString(s.sub(wellformed.UpperFirst(gapLine(g)) + "."))
	}
	b.WriteString("\n")

	b.WriteString(s.heading("Coordination et financement"))
	b.WriteString(s.item("Temps de coordination : " + spreadLine(a.CoordinatorFTE, "\u00a0ETP", clsmCount(a.CoordinatorFTE.Answered)+" qui le renseignent")))
	for _, f := range a.Funding {
		if f.Involved == 0 {
			continue
		}
		b.WriteString(s.item(fundingLine(a, f)))
	}
	b.WriteString("\n")

	b.WriteString(s.heading("Les CLSM"))
	for _, row := range a.CLSM {
		line := fmt.Sprintf("%s — %s", s.esc(displayName(row.Name, row.File)), row.Label)
		if row.Stage != "" {
			line += " · stade : " + stageShort(row.Stage)
		}
		if row.Department != "" {
			line += " · " + s.esc(row.Department.Label())
		}
		b.WriteString(s.item(line))
		b.WriteString(s.sub("Fichier : " + s.esc(row.File)))
		if len(row.MainGaps) > 0 {
			b.WriteString(s.sub(fmt.Sprintf("Lacunes bloquantes (%d) : %s", row.RequiredUnmet, s.esc(gapWords(a, row.MainGaps)))))
		}
	}
	b.WriteString("\n")

	b.WriteString(s.heading("Fichiers à corriger ou illisibles"))
	if len(a.Invalid) == 0 {
		b.WriteString("Aucun : tous les fichiers ont été évalués.\n")
	}
	for _, inv := range a.Invalid {
		label := s.esc(inv.File)
		if inv.Name != "" {
			label += " (" + s.esc(inv.Name) + ")"
		}
		b.WriteString(s.item(label + " — " + clsm.FrenchCount(len(inv.Problems), "problème", "problèmes")))
		for _, p := range inv.Problems {
			b.WriteString(s.sub(s.esc(problemLine(p))))
		}
	}

	if len(a.Duplicates) > 0 {
		b.WriteString("\n" + s.heading("Doublons"))
		for _, d := range a.Duplicates {
			b.WriteString(s.item(s.esc(d.File) + " — " + s.esc(duplicateLine(d))))
		}
	}

	if e := a.Evolution; e != nil {
		b.WriteString("\n" + s.heading("Évolution depuis le "+e.Before.French()))
		for _, l := range evolutionLines(a, e) {
			b.WriteString(s.item(s.esc(l)))
		}
		if len(e.RulesMoved) > 0 {
			b.WriteString("\nRègles qui ont le plus bougé :\n")
			for i, m := range e.RulesMoved {
				b.WriteString(s.numbered(i+1, s.esc(moveLine(m))))
			}
		}
	}

	b.WriteString("\n" + s.heading("Règle par règle"))
	for _, rc := range a.Rules {
		b.WriteString(s.item(fmt.Sprintf("%s (%s)", s.esc(rc.Requirement), strings.ToLower(rc.Level.Label()))))
		b.WriteString(s.sub(wellformed.UpperFirst(ruleLine(rc)) + "."))
	}
	_, err := io.WriteString(w, frenchSpaces(b.String()))
	return err
}

// evolutionLines sums up a year-on-year comparison.
func evolutionLines(a *RegionalReport, e *RegionalComparison) []string {
	var out []string
	change := func(c CLSMChange) string {
		return fmt.Sprintf("%s : %s → %s (%s, %s)", displayName(c.Name, c.FileAfter), wellformed.LowerFirst(a.LevelLabel(c.LevelWas)), wellformed.LowerFirst(a.LevelLabel(c.LevelNow)),
			clsm.FrenchCount(c.RulesImproved, "règle en progrès", "règles en progrès"), clsm.FrenchCount(c.RulesRegressed, "règle en recul", "règles en recul"))
	}
	out = append(out, fmt.Sprintf("En progrès : %s ; en recul : %s ; sans changement : %s.", clsmCount(len(e.Improved)), clsmCount(len(e.Regressed)), clsmCount(e.Unchanged)))
	for _, c := range e.Improved {
		out = append(out, "En progrès — "+change(c))
	}
	for _, c := range e.Regressed {
		out = append(out, "En recul — "+change(c))
	}
	if len(e.OnlyAfter) > 0 {
		out = append(out, "Nouveaux cette année : "+strings.Join(e.OnlyAfter, ", "))
	}
	if len(e.OnlyBefore) > 0 {
		out = append(out, "Présents l'an dernier seulement : "+strings.Join(e.OnlyBefore, ", "))
	}
	return out
}

func moveLine(m RuleMove) string {
	return fmt.Sprintf("« %s » — en progrès pour %s, en recul pour %d", strings.TrimRight(m.Requirement, ". "), clsmCount(m.Improved), m.Regressed)
}

// regionalStyle is the style sheet of the regional report: the single
// report's colours and type, with tables and charts.
const regionalStyle = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#161616;max-width:60rem;margin:0 auto;padding:1.5rem;line-height:1.5}
h1{font-size:1.75rem;margin:0 0 .5rem}h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:2px solid #000091;padding-bottom:.25rem}
.meta{color:#3a3a3a}.badge{display:inline-block;padding:.1rem .5rem;border-radius:.25rem;font-weight:700;color:#fff}
.ready{background:#18753c}.almost_ready{background:#695240}.in_progress{background:#b34000}.incomplete{background:#3a3a3a}
.small{font-size:.9rem;color:#3a3a3a}.warning{border-left:4px solid #b34000;padding:.25rem .75rem;background:#fff4f3}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #929292;padding:.2rem .4rem;text-align:left;vertical-align:top}
td.n{text-align:right}caption{text-align:left;font-weight:700;padding:.25rem 0}.chart{max-width:48rem;display:block;margin:.5rem 0}
svg,.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media print{@page{size:A4;margin:15mm 15mm 18mm;@bottom-right{content:"Page " counter(page) " sur " counter(pages);font-size:8pt;color:#3a3a3a}}html{font-size:10pt}body{max-width:none;padding:0}h2{break-after:avoid;margin:1rem 0 .5rem}figure,tr{break-inside:avoid}}`

func writeRegionalHTML(w io.Writer, a *RegionalReport) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	title := "Vue régionale — " + a.Referential.Name
	p("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	p("<title>%s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n", esc(title), regionalStyle)
	p("<header>\n<h1>%s</h1>\n<p>%s</p>\n", esc(title), esc(regionalIntro))
	p("<p class=\"meta\">Référentiel : %s (%s, version %s)<br>\nÉvalué le %s · %s lus, %s, %d à corriger ou illisibles</p>\n",
		esc(a.Referential.Name), esc(a.Referential.Issuer), esc(a.Referential.Version), esc(a.EvaluatedOn.French()),
		esc(clsm.FrenchCount(a.Files, "fichier", "fichiers")), esc(clsm.FrenchCount(a.Assessed, "dossier évalué", "dossiers évalués")), len(a.Invalid))
	if a.ReferentialChoice != "" {
		p("<p class=\"meta\">%s</p>\n", esc(a.ReferentialChoice))
	}
	for _, warn := range a.Warnings {
		p("<p class=\"warning\" role=\"note\"><strong>Avertissement</strong> : %s</p>\n", esc(warn))
	}
	p("</header>\n<main>\n")

	p("<section aria-labelledby=\"levels\">\n<h2 id=\"levels\">Niveau de préparation</h2>\n<table>\n<thead><tr><th scope=\"col\">Niveau</th><th scope=\"col\">CLSM</th><th scope=\"col\">Part</th></tr></thead>\n<tbody>\n")
	for _, l := range Levels() {
		n := a.Levels.Of(l)
		p("<tr><th scope=\"row\"><span class=\"badge %s\">%s</span></th><td class=\"n\">%d</td><td class=\"n\">%s</td></tr>\n", levelClass(l), esc(a.LevelLabel(l)), n, share(n, a.Assessed))
	}
	p("</tbody>\n</table>\n<h3>Stades</h3>\n<ul>")
	for _, st := range a.Stages {
		p("<li>%s : %s</li>", esc(wellformed.LowerFirst(st.Label)), esc(clsmCount(st.Count)))
	}
	p("</ul>\n</section>\n")

	// Readiness by department: a stacked bar chart and its table.
	series := make([]chartSeries, 0, 4)
	for _, l := range Levels() {
		series = append(series, chartSeries{Label: a.LevelLabel(l), Color: levelColors[l]})
	}
	rows := make([]string, 0, len(a.Departments))
	values := make([][]int, 0, len(a.Departments))
	for _, d := range a.Departments {
		rows = append(rows, d.Label)
		vs := make([]int, 0, 4)
		for _, l := range Levels() {
			vs = append(vs, d.Levels.Of(l))
		}
		values = append(values, vs)
	}
	p("<section aria-labelledby=\"departments\">\n<h2 id=\"departments\">Par département</h2>\n<figure>\n")
	b.WriteString(stackedBarsSVG("chart-departments", "Niveau de préparation des CLSM par département",
		fmt.Sprintf("Barres empilées : pour chacun des %d départements, le nombre de CLSM %s, presque prêts, en construction et à compléter. Les chiffres sont dans le tableau qui suit.", len(a.Departments), readyPlural(a)),
		rows, series, values))
	p("<figcaption class=\"small\">Niveau de préparation des CLSM par département ; les mêmes chiffres dans le tableau ci-dessous.</figcaption>\n</figure>\n")
	p("<table>\n<caption>Niveau de préparation par département</caption>\n<thead><tr><th scope=\"col\">Département</th>")
	for _, l := range Levels() {
		p("<th scope=\"col\">%s</th>", esc(a.LevelLabel(l)))
	}
	p("<th scope=\"col\">Total</th></tr></thead>\n<tbody>\n")
	for _, d := range a.Departments {
		p("<tr><th scope=\"row\">%s</th>", esc(d.Label))
		for _, l := range Levels() {
			p("<td class=\"n\">%d</td>", d.Levels.Of(l))
		}
		p("<td class=\"n\">%d</td></tr>\n", d.Levels.Total())
	}
	p("</tbody>\n</table>\n<h3>Par région</h3>\n<ul>")
	for _, r := range a.Regions {
		p("<li>%s : %s</li>", esc(r.Label), esc(levelsLine(a, r.Levels)))
	}
	p("</ul>\n</section>\n")

	p("<section aria-labelledby=\"gaps\">\n<h2 id=\"gaps\">Exigences requises le plus souvent non respectées</h2>\n")
	if len(a.TopGaps) == 0 {
		p("<p>Aucune exigence requise n'est manquée.</p>\n")
	} else {
		gapRows := make([]string, 0, len(a.TopGaps))
		gapValues := make([]int, 0, len(a.TopGaps))
		for _, g := range a.TopGaps {
			gapRows = append(gapRows, strings.TrimRight(g.Requirement, ". "))
			gapValues = append(gapValues, g.Unmet)
		}
		p("<figure>\n")
		b.WriteString(barsSVG("chart-gaps", "Exigences requises le plus souvent non respectées",
			fmt.Sprintf("Barres : pour chacune des %s le plus souvent manquées, le nombre de CLSM qui ne la respectent pas. Les exigences et les chiffres sont dans le tableau qui suit.", clsm.FrenchCount(len(a.TopGaps), "exigence requise", "exigences requises")),
			gapRows, gapValues, "#ce0500"))
		p("<figcaption class=\"small\">Nombre de CLSM qui ne respectent pas l'exigence ; le texte des exigences dans le tableau ci-dessous.</figcaption>\n</figure>\n")
		p("<table>\n<caption>Exigences requises le plus souvent non respectées</caption>\n<thead><tr><th scope=\"col\">Exigence</th><th scope=\"col\">Non respectée par</th><th scope=\"col\">CLSM concernés</th></tr></thead>\n<tbody>\n")
		for _, g := range a.TopGaps {
			p("<tr data-rule=\"%s\"><th scope=\"row\">%s</th><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n", esc(g.RuleID), esc(g.Requirement), g.Unmet, g.Met+g.Unmet+g.Unknown)
		}
		p("</tbody>\n</table>\n")
	}
	p("</section>\n")

	p("<section aria-labelledby=\"funding\">\n<h2 id=\"funding\">Coordination et financement</h2>\n<ul>")
	p("<li>Temps de coordination : %s</li>", esc(spreadLine(a.CoordinatorFTE, "\u00a0ETP", clsmCount(a.CoordinatorFTE.Answered)+" qui le renseignent")))
	for _, f := range a.Funding {
		if f.Involved > 0 {
			p("<li>%s</li>", esc(fundingLine(a, f)))
		}
	}
	p("</ul>\n</section>\n")

	p("<section aria-labelledby=\"list\">\n<h2 id=\"list\">Les CLSM</h2>\n<table>\n<thead><tr><th scope=\"col\">CLSM</th><th scope=\"col\">Verdict</th><th scope=\"col\">Stade</th><th scope=\"col\">Département</th><th scope=\"col\">Lacunes bloquantes</th><th scope=\"col\">Fichier</th></tr></thead>\n<tbody>\n")
	for _, row := range a.CLSM {
		stage := "non renseigné"
		if row.Stage != "" {
			stage = stageShort(row.Stage)
		}
		dept := "non renseigné"
		if row.Department != "" {
			dept = row.Department.Label()
		}
		gaps := "aucune"
		if len(row.MainGaps) > 0 {
			gaps = fmt.Sprintf("%d : %s", row.RequiredUnmet, gapWords(a, row.MainGaps))
		}
		p("<tr><th scope=\"row\">%s</th><td><span class=\"badge %s\">%s</span></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>\n",
			esc(displayName(row.Name, row.File)), levelClass(row.Level), esc(row.Label), esc(stage), esc(dept), esc(gaps), esc(row.File))
	}
	p("</tbody>\n</table>\n</section>\n")

	p("<section aria-labelledby=\"invalid\">\n<h2 id=\"invalid\">Fichiers à corriger ou illisibles</h2>\n")
	if len(a.Invalid) == 0 {
		p("<p>Aucun : tous les fichiers ont été évalués.</p>\n")
	}
	for _, inv := range a.Invalid {
		label := inv.File
		if inv.Name != "" {
			label += " (" + inv.Name + ")"
		}
		p("<h3>%s</h3>\n<ul>", esc(label))
		for _, pr := range inv.Problems {
			p("<li>%s</li>", esc(problemLine(pr)))
		}
		p("</ul>\n")
	}
	p("</section>\n")

	if len(a.Duplicates) > 0 {
		p("<section aria-labelledby=\"duplicates\">\n<h2 id=\"duplicates\">Doublons</h2>\n<ul>")
		for _, d := range a.Duplicates {
			p("<li>%s — %s</li>", esc(d.File), esc(duplicateLine(d)))
		}
		p("</ul>\n</section>\n")
	}

	if e := a.Evolution; e != nil {
		p("<section aria-labelledby=\"evolution\">\n<h2 id=\"evolution\">Évolution depuis le %s</h2>\n<ul>", esc(e.Before.French()))
		for _, l := range evolutionLines(a, e) {
			p("<li>%s</li>", esc(l))
		}
		p("</ul>\n")
		if len(e.RulesMoved) > 0 {
			p("<h3>Règles qui ont le plus bougé</h3>\n<ol>")
			for _, m := range e.RulesMoved {
				p("<li>%s</li>", esc(moveLine(m)))
			}
			p("</ol>\n")
		}
		p("</section>\n")
	}

	p("<section aria-labelledby=\"rules\">\n<h2 id=\"rules\">Règle par règle</h2>\n<table>\n<thead><tr><th scope=\"col\">Exigence</th><th scope=\"col\">Respectée</th><th scope=\"col\">Non respectée</th><th scope=\"col\">Non renseignée</th><th scope=\"col\">Sans objet</th></tr></thead>\n<tbody>\n")
	for _, rc := range a.Rules {
		p("<tr data-rule=\"%s\"><th scope=\"row\">%s <span class=\"small\">(%s)</span></th><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>\n",
			esc(rc.RuleID), esc(rc.Requirement), esc(strings.ToLower(rc.Level.Label())), rc.Met, rc.Unmet, rc.Unknown, rc.NotApplicable)
	}
	p("</tbody>\n</table>\n</section>\n</main>\n<footer><p class=\"small\">Synthèse produite sur votre poste : aucune donnée des dossiers n'a été envoyée.</p></footer>\n</body>\n</html>\n")
	_, err := io.WriteString(w, frenchSpacesHTML(b.String()))
	return err
}

// csvHeader is the first row of the spreadsheet export.
var csvHeader = []string{"Fichier", "Nom du CLSM", "Verdict", "Stade", "Département", "Région",
	"Exigences requises respectées parmi celles renseignées (%)", "Exigences requises renseignées (%)",
	"Exigences requises non respectées", "Principales lacunes bloquantes", "Temps de coordination (ETP)", "Évolution depuis l'an dernier", "Problèmes"}

// writeRegionalCSV writes one row per file, evaluated or not, for a French
// spreadsheet: a byte order mark so that it reads the file as UTF-8, « ; »
// between fields, numbers with a decimal comma, lines ending in CRLF.
func writeRegionalCSV(w io.Writer, a *RegionalReport) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	_ = cw.Write(csvHeader)
	evolution := map[string]string{}
	if e := a.Evolution; e != nil {
		for _, c := range e.Improved {
			evolution[c.FileAfter] = "en progrès"
		}
		for _, c := range e.Regressed {
			evolution[c.FileAfter] = "en recul"
		}
		for _, f := range e.OnlyAfter {
			evolution[f] = "nouveau"
		}
	}
	cell := func(s string) string { return csvInert(Inert(s)) }
	twice := map[string]string{} // a counted CLSM of the same name and communes as another -> the line that says so
	for _, d := range a.Duplicates {
		if d.Counted {
			twice[d.File] = duplicateLine(d)
		}
	}
	for _, row := range a.CLSM {
		compliance := ""
		if row.Compliance != nil {
			compliance = strconv.Itoa(*row.Compliance)
		}
		fte := ""
		if row.CoordinatorFTE != nil {
			fte = clsm.FrenchNumber(*row.CoordinatorFTE)
		}
		stage := ""
		if row.Stage != "" {
			stage = stageShort(row.Stage)
		}
		dept := ""
		if row.Department != "" {
			dept = row.Department.Label()
		}
		ev := evolution[row.File]
		if ev == "" && a.Evolution != nil {
			ev = "sans changement"
		}
		_ = cw.Write([]string{cell(row.File), cell(row.Name), row.Label, stage, dept, row.Region, compliance, strconv.Itoa(row.Confidence),
			strconv.Itoa(row.RequiredUnmet), cell(strings.Join(row.MainGaps, ", ")), fte, ev, cell(twice[row.File])})
	}
	for _, inv := range a.Invalid {
		var ps []string
		for _, p := range inv.Problems {
			ps = append(ps, problemLine(p))
		}
		_ = cw.Write([]string{cell(inv.File), cell(inv.Name), "Dossier à corriger ou illisible", "", "", "", "", "", "", "", "", "", cell(frenchSpaces(strings.Join(ps, " ; ")))})
	}
	for _, d := range a.Duplicates {
		if !d.Counted {
			_ = cw.Write([]string{cell(d.File), "", "Copie d'un autre fichier", "", "", "", "", "", "", "", "", "", cell(duplicateLine(d))})
		}
	}
	cw.Flush()
	return cw.Error()
}

// duplicateLine says, in French, what a file repeats and what the report
// did with it.
func duplicateLine(d DuplicateFile) string {
	if d.Same == SameContent {
		return frenchSpaces(fmt.Sprintf("copie exacte de « %s » : le CLSM n'est compté qu'une fois, avec ce fichier-là", Inert(d.Of)))
	}
	return frenchSpaces(fmt.Sprintf("même nom et mêmes communes que « %s » : compté, mais c'est peut-être le même CLSM écrit deux fois", Inert(d.Of)))
}

// csvInert keeps a spreadsheet from reading a text a person typed as a
// formula: a cell starting with =, +, -, @, a tab or a carriage return gets
// a leading apostrophe, as OWASP's « CSV Injection » page advises.
func csvInert(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
