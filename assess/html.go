package assess

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
)

// The HTML report is written by hand rather than with html/template, which
// would add 265 KB (gzipped) to the browser checker. Every value goes
// through esc, which escapes &, <, >, ' and ", so what a person typed is
// shown as text; attribute values are only the report's own identifiers.

const htmlStyle = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#161616;max-width:60rem;margin:0 auto;padding:1.5rem;line-height:1.5}
h1{font-size:1.75rem;margin:0 0 .5rem}h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:2px solid #000091;padding-bottom:.25rem}
.meta{color:#3a3a3a}.badge{display:inline-block;padding:.25rem .75rem;border-radius:.25rem;font-weight:700;color:#fff}
.ready{background:#18753c}.almost_ready{background:#695240}.in_progress{background:#b34000}.incomplete{background:#3a3a3a}
.axis{display:grid;grid-template-columns:16rem 1fr 4rem;gap:.5rem;align-items:center;margin:.25rem 0}
.bar{background:#e5e5e5;height:.9rem;border-radius:.2rem;overflow:hidden}.bar span{display:block;height:100%;background:#000091}
.finding{border-left:4px solid #929292;padding:.25rem .75rem;margin:.75rem 0}
.unmet{border-color:#ce0500}.unknown{border-color:#b34000}.met{border-color:#18753c}.not_applicable{border-color:#929292}.not_due{border-color:#0063cb}
.outcome{font-weight:700}.small{font-size:.9rem;color:#3a3a3a}blockquote{margin:.25rem 0 .25rem 1rem;font-style:italic}
.warning{border-left:4px solid #b34000;padding:.25rem .75rem;background:#fff4f3}
table.national{border-collapse:collapse;width:100%}table.national th,table.national td{border:1px solid #929292;padding:.25rem .5rem;text-align:left;vertical-align:top}
@media print{@page{size:A4;margin:15mm 15mm 18mm;@bottom-right{content:"Page " counter(page) " sur " counter(pages);font-size:8pt;color:#3a3a3a}}html{font-size:10pt}body{max-width:none;padding:0}h2{break-after:avoid}.finding{break-inside:avoid;margin:.4rem 0}
.finding p{margin:.1rem 0}blockquote{margin:.1rem 0 .1rem 1rem}.finding.met blockquote{display:none}.group.met{column-count:2;column-gap:1.5rem}h2{margin:1rem 0 .5rem}}`

// esc makes a text inert in HTML: on one line, without control characters
// (see [Inert]), HTML-escaped.
func esc(s string) string { return html.EscapeString(Inert(s)) }

func writeHTML(w io.Writer, r *Report) error {
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	name := r.Dossier.Name
	if name == "" {
		name = "CLSM sans nom"
	}
	p("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	p("<title>Auto-évaluation — %s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n", esc(name), htmlStyle)
	p("<header>\n<h1>Auto-évaluation — %s</h1>\n<p>%s</p>\n", esc(name), esc(intro))
	p("<p class=\"meta\">Référentiel : %s (%s, version %s)<br>\n%s", esc(r.Referential.Name), esc(r.Referential.Issuer), esc(r.Referential.Version), metaLine(r, esc))
	if r.Dossier.VersionNote != "" {
		p("<br>\n%s", esc(r.Dossier.VersionNote))
	}
	p("</p>\n")
	for _, warning := range r.Warnings {
		p("<p class=\"warning\" role=\"note\"><strong>Avertissement</strong> : %s</p>\n", esc(warning))
	}
	p("</header>\n<main>\n")

	p("<section aria-labelledby=\"verdict\">\n<h2 id=\"verdict\">Verdict</h2>\n")
	p("<p><span class=\"badge %s\">%s</span></p>\n<p>%s</p>\n", levelClass(r.Readiness.Level), esc(r.Readiness.Label), esc(r.Readiness.Explanation))
	if r.Readiness.Caveat != "" {
		p("<p class=\"warning\">%s</p>\n", esc(r.Readiness.Caveat))
	}
	if r.Readiness.StageMeaning != "" && r.Readiness.Level != Ready {
		p("<p>%s</p>\n", esc(wellformed.UpperFirst(r.Readiness.StageMeaning)))
	}
	p("<p class=\"small\">%s<br>\n%s</p>\n</section>\n", esc(scoreLine(r)), esc(countsLine(r.Counts)))

	p("<section aria-labelledby=\"axes\">\n<h2 id=\"axes\">Scores par axe</h2>\n")
	for _, a := range r.Axes {
		p("<div class=\"axis\"><span>%s</span>", esc(a.Label))
		switch {
		case a.Met+a.Unmet+a.Unknown == 0:
			p("<span class=\"small\">sans objet pour ce CLSM</span><span></span>")
		case a.Score == nil:
			p("<span class=\"bar\" role=\"img\" aria-label=\"pas encore de réponse\"><span style=\"width:0%%\"></span></span><span>—</span>")
		default:
			p("<span class=\"bar\" role=\"img\" aria-label=\"%d %%\"><span style=\"width:%d%%\"></span></span><span>%d %%</span>", *a.Score, *a.Score, *a.Score)
		}
		p("</div>\n")
	}
	p("</section>\n")

	p("<section aria-labelledby=\"steps\">\n<h2 id=\"steps\">Prochaines étapes</h2>\n")
	if len(r.NextSteps) == 0 {
		p("<p>%s</p>\n", nothingToDo(r.Counts)) // our own words and a count: nothing to escape
	} else {
		step := func(s NextStep) {
			p("<li><strong>%s</strong> — %s", esc(stepTag(s)), esc(s.Text))
			if s.Kind == StepAct && len(s.Questions) > 0 {
				p(" <span class=\"small\">(questions : %s)</span>", esc(joinTitles(s.Questions)))
			}
			p("</li>\n")
		}
		p("<ol>\n")
		for i, s := range r.NextSteps {
			if i < MaxStepsShown {
				step(s)
			}
		}
		p("</ol>\n")
		if len(r.NextSteps) > MaxStepsShown {
			p("<details><summary>Et %s</summary>\n<ol start=\"%d\">\n", esc(clsm.FrenchCount(len(r.NextSteps)-MaxStepsShown, "autre étape", "autres étapes")), MaxStepsShown+1)
			for _, s := range r.NextSteps[MaxStepsShown:] {
				step(s)
			}
			p("</ol>\n</details>\n")
		}
	}
	if len(r.Decisive) > 0 {
		p("<h3>Questions sans réponse qui peuvent changer le verdict</h3><ul>")
		for _, q := range r.Decisive {
			p("<li>« %s »</li>", esc(q.Title))
		}
		p("</ul>\n")
	}
	p("</section>\n")

	p("<section aria-labelledby=\"rules\">\n<h2 id=\"rules\">Règle par règle</h2>\n")
	for _, o := range []labels.Outcome{labels.Unmet, labels.Unknown, labels.NotDue, labels.Met} {
		p("<div class=\"group %s\">\n", outcomeClass(o))
		for _, f := range r.Findings {
			if f.Outcome != o {
				continue
			}
			p("<div class=\"finding %s\" data-rule=\"%s\">\n<p><span class=\"outcome\">%s</span> — %s <span class=\"small\">(%s)</span></p>\n", outcomeClass(f.Outcome), esc(f.RuleID), esc(outcomeTag(f)), esc(f.Requirement), esc(strings.ToLower(f.Level.Label())))
			p("<p class=\"small\">Constat : %s</p>\n<p class=\"small\">Source : « %s », %s</p>", esc(wellformed.LowerFirst(f.Detail)), esc(f.Citation.Document), esc(f.Citation.Section))
			if f.Citation.Quote != "" {
				p("<blockquote class=\"small\">« %s »</blockquote>", esc(f.Citation.Quote))
			}
			p("\n")
			if f.Outcome == labels.Unmet {
				p("<p>Conseil — %s</p>", esc(wellformed.LowerFirst(f.Advice)))
			}
			p("</div>\n")
		}
		p("</div>\n")
	}
	if line := notApplicableLine(r.Counts.NotApplicable); line != "" {
		p("<p class=\"finding not_applicable\"><span class=\"outcome\">Sans objet</span> — %s</p>\n", esc(line))
	}
	p("</section>\n")

	p("<section aria-labelledby=\"indicators\">\n<h2 id=\"indicators\">Indicateurs de résultats</h2>\n<ul>")
	for _, line := range indicatorLines(r.Indicators) {
		p("<li>%s</li>", esc(line))
	}
	p("</ul>\n")
	if line := notCheckableLine(r.NotCheckable); line != "" {
		p("<p class=\"small\">%s</p>\n", esc(line))
	}
	p("</section>\n")
	if len(r.National) > 0 {
		p("<section aria-labelledby=\"national\">\n<h2 id=\"national\">Repères nationaux</h2>\n<p>%s</p>\n", esc(NationalIntro))
		p("<table class=\"national\">\n<thead><tr><th scope=\"col\">Élément</th><th scope=\"col\">Ce CLSM</th><th scope=\"col\">Au niveau national</th></tr></thead>\n<tbody>\n")
		for _, c := range r.National {
			p("<tr><th scope=\"row\">%s</th><td>%s</td><td>%s<br><span class=\"small\">Source (état des lieux %d) : ", esc(c.Topic), esc(c.Dossier), esc(c.Figure), c.Year)
			if c.URL != "" {
				p("<a href=\"%s\">%s</a>", esc(c.URL), esc(c.Source))
			} else {
				p("%s", esc(c.Source))
			}
			p("</span></td></tr>\n")
		}
		p("</tbody>\n</table>\n</section>\n")
	}
	p("</main>\n<footer><p class=\"small\">Rapport produit sur votre poste : aucune donnée du dossier n'a été envoyée.</p></footer>\n</body>\n</html>\n")
	_, err := io.WriteString(w, frenchSpacesHTML(b.String()))
	return err
}

// levelClass and outcomeClass give the class attribute of a level or an
// outcome: only known values, so a Report not made by Evaluate cannot write
// markup into an attribute.
func levelClass(l ReadinessLevel) string {
	if !l.Valid() {
		return "incomplete"
	}
	return string(l)
}

func outcomeClass(o labels.Outcome) string {
	switch o {
	case labels.Met, labels.Unmet, labels.Unknown, labels.NotApplicable, labels.NotDue:
		return string(o)
	}
	return "unknown"
}

// frenchSpacesHTML applies frenchSpaces to the text of an HTML document,
// outside tags and the style sheet.
func frenchSpacesHTML(doc string) string {
	var b strings.Builder
	for len(doc) > 0 {
		i := strings.IndexByte(doc, '<')
		if i < 0 {
			b.WriteString(frenchSpaces(doc))
			break
		}
		b.WriteString(frenchSpaces(doc[:i]))
		doc = doc[i:]
		end := strings.IndexByte(doc, '>')
		if strings.HasPrefix(doc, "<style") {
			end = strings.Index(doc, "</style>") + len("</style>") - 1
		}
		if end < 0 {
			b.WriteString(doc)
			break
		}
		b.WriteString(doc[:end+1])
		doc = doc[end+1:]
	}
	return b.String()
}
