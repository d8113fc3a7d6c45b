package assess

import (
	"fmt"
	"html"
	"io"
	"strings"

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
.unmet{border-color:#ce0500}.unknown{border-color:#b34000}.met{border-color:#18753c}.not_applicable{border-color:#929292}
.outcome{font-weight:700}.small{font-size:.9rem;color:#3a3a3a}blockquote{margin:.25rem 0 .25rem 1rem;font-style:italic}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}.finding{break-inside:avoid}}`

func esc(s string) string { return html.EscapeString(s) }

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
	p("<p class=\"meta\">Référentiel : %s (%s, version %s)<br>\nÉvalué le %s", esc(r.Referential.Name), esc(r.Referential.Issuer), esc(r.Referential.Version), esc(r.EvaluatedOn.French()))
	if r.Dossier.Stage != "" {
		p(" · Stade : %s", esc(stageShort(r.Dossier.Stage)))
	}
	if r.Dossier.Department != "" {
		p(" · Département : %s", esc(r.Dossier.Department.Label()))
	}
	if r.Dossier.ARS != "" {
		p(" · %s", esc(r.Dossier.ARS))
	}
	p("</p>\n</header>\n<main>\n")

	p("<section aria-labelledby=\"verdict\">\n<h2 id=\"verdict\">Verdict</h2>\n")
	p("<p><span class=\"badge %s\">%s</span></p>\n<p>%s</p>\n<p class=\"small\">", r.Readiness.Level, esc(r.Readiness.Label), esc(r.Readiness.Explanation))
	if r.Readiness.Compliance != nil {
		p("Exigences requises respectées parmi celles renseignées : %d %%. ", *r.Readiness.Compliance)
	}
	p("Exigences requises renseignées : %d %%.\nEnsemble des règles : %d respectée(s), %d non respectée(s), %d non renseignée(s), %d sans objet ; %d question(s) sans réponse dont dépendent des règles.</p>\n</section>\n",
		r.Readiness.Confidence, r.Counts.Met, r.Counts.Unmet, r.Counts.Unknown, r.Counts.NotApplicable, r.Counts.MissingAnswers)

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
		p("<p>Rien à faire : toutes les règles qui s'appliquent sont respectées.</p>\n")
	} else {
		p("<ol>")
		for _, s := range r.NextSteps {
			tag := s.Kind.Label()
			if s.Blocking {
				tag += ", bloquant"
			}
			p("<li><strong>%s</strong> — %s <span class=\"small\">(règle %s", esc(tag), esc(s.Text), esc(s.RuleID))
			if s.Kind == StepAct && len(s.Questions) > 0 {
				p(" ; questions : %s", esc(joinTitles(s.Questions)))
			}
			p(")</span></li>\n")
		}
		p("</ol>\n")
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
	for _, o := range []labels.Outcome{labels.Unmet, labels.Unknown, labels.Met, labels.NotApplicable} {
		for _, f := range r.Findings {
			if f.Outcome != o {
				continue
			}
			p("<div class=\"finding %s\">\n<p><span class=\"outcome\">%s</span> — %s <span class=\"small\">(%s, %s)</span></p>\n", f.Outcome, esc(f.Outcome.Label()), esc(f.Requirement), esc(f.RuleID), esc(strings.ToLower(f.Level.Label())))
			p("<p class=\"small\">Constat : %s</p>\n<p class=\"small\">Source : %s, %s</p>", esc(f.Detail), esc(f.Citation.Document), esc(f.Citation.Section))
			if f.Citation.Quote != "" {
				p("<blockquote class=\"small\">« %s »</blockquote>", esc(f.Citation.Quote))
			}
			p("\n")
			if f.Outcome == labels.Unmet {
				p("<p>Conseil : %s</p>", esc(f.Advice))
			}
			p("</div>\n")
		}
	}
	p("</section>\n")

	p("<section aria-labelledby=\"indicators\">\n<h2 id=\"indicators\">Indicateurs de résultats</h2>\n<ul>")
	for _, line := range indicatorLines(r.Indicators) {
		p("<li>%s</li>", esc(line))
	}
	p("</ul>\n")
	if r.NotCheckable > 0 {
		p("<p class=\"small\">%d exigence(s) du référentiel ne peuvent pas être vérifiées à partir d'un dossier ; elles sont listées dans le référentiel.</p>\n", r.NotCheckable)
	}
	p("</section>\n</main>\n<footer><p class=\"small\">Rapport produit sur votre poste : aucune donnée du dossier n'a été envoyée.</p></footer>\n</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
