package assess

import (
	"html/template"
	"io"
	"strings"

	"github.com/clsmkit/go-clsm/labels"
)

// htmlTemplate is a self-contained, printable page. html/template escapes
// every value; no value is marked safe.
var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"stage":      stageShort,
	"indicators": indicatorLines,
	"lower":      strings.ToLower,
	"titles":     joinTitles,
	"outcomes": func() []labels.Outcome {
		return []labels.Outcome{labels.Unmet, labels.Unknown, labels.Met, labels.NotApplicable}
	},
	"deref": func(p *int) int { return *p },
	"add": func(n ...int) int {
		t := 0
		for _, x := range n {
			t += x
		}
		return t
	},
}).Parse(`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Auto-évaluation — {{with .Dossier.Name}}{{.}}{{else}}CLSM sans nom{{end}}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#161616;max-width:60rem;margin:0 auto;padding:1.5rem;line-height:1.5}
h1{font-size:1.75rem;margin:0 0 .5rem}h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:2px solid #000091;padding-bottom:.25rem}
.meta{color:#3a3a3a}.badge{display:inline-block;padding:.25rem .75rem;border-radius:.25rem;font-weight:700;color:#fff}
.ready{background:#18753c}.almost_ready{background:#695240}.in_progress{background:#b34000}.incomplete{background:#3a3a3a}
.axis{display:grid;grid-template-columns:16rem 1fr 4rem;gap:.5rem;align-items:center;margin:.25rem 0}
.bar{background:#e5e5e5;height:.9rem;border-radius:.2rem;overflow:hidden}.bar span{display:block;height:100%;background:#000091}
.finding{border-left:4px solid #929292;padding:.25rem .75rem;margin:.75rem 0}
.unmet{border-color:#ce0500}.unknown{border-color:#b34000}.met{border-color:#18753c}.not_applicable{border-color:#929292}
.outcome{font-weight:700}.small{font-size:.9rem;color:#3a3a3a}blockquote{margin:.25rem 0 .25rem 1rem;font-style:italic}
@media print{body{max-width:none;padding:0}h2{break-after:avoid}.finding{break-inside:avoid}}
</style>
</head>
<body>
<header>
<h1>Auto-évaluation — {{with .Dossier.Name}}{{.}}{{else}}CLSM sans nom{{end}}</h1>
<p class="meta">Référentiel : {{.Referential.Name}} ({{.Referential.Issuer}}, version {{.Referential.Version}})<br>
Évalué le {{.EvaluatedOn.French}}{{with .Dossier.Stage}} · Stade : {{stage .}}{{end}}{{with .Dossier.Department}} · Département : {{.Label}}{{end}}{{with .Dossier.ARS}} · {{.}}{{end}}</p>
</header>
<main>
<section aria-labelledby="verdict">
<h2 id="verdict">Verdict</h2>
<p><span class="badge {{.Readiness.Level}}">{{.Readiness.Label}}</span></p>
<p>{{.Readiness.Explanation}}</p>
<p class="small">{{with .Readiness.Compliance}}Exigences requises respectées parmi celles renseignées : {{deref .}} %. {{end}}Exigences requises renseignées : {{.Readiness.Confidence}} %.
Ensemble des règles : {{.Counts.Met}} respectée(s), {{.Counts.Unmet}} non respectée(s), {{.Counts.Unknown}} non renseignée(s), {{.Counts.NotApplicable}} sans objet.</p>
</section>
<section aria-labelledby="axes">
<h2 id="axes">Scores par axe</h2>
{{range .Axes}}<div class="axis"><span>{{.Label}}</span>{{if eq 0 (add .Met .Unmet .Unknown)}}<span class="small">sans objet pour ce CLSM</span><span></span>{{else}}<span class="bar" role="img" aria-label="{{if .Score}}{{deref .Score}} %{{else}}pas encore de réponse{{end}}"><span style="width:{{if .Score}}{{deref .Score}}{{else}}0{{end}}%"></span></span><span>{{if .Score}}{{deref .Score}} %{{else}}—{{end}}</span>{{end}}</div>
{{end}}</section>
<section aria-labelledby="steps">
<h2 id="steps">Prochaines étapes</h2>
{{if .NextSteps}}<ol>{{range .NextSteps}}<li><strong>{{.Kind.Label}}{{if .Blocking}}, bloquant{{end}}</strong> — {{.Text}} <span class="small">(règle {{.RuleID}}{{if eq .Kind "act"}}{{with .Questions}} ; questions : {{titles .}}{{end}}{{end}})</span></li>
{{end}}</ol>{{else}}<p>Rien à faire : toutes les règles qui s'appliquent sont respectées.</p>{{end}}
{{with .Decisive}}<h3>Questions sans réponse qui peuvent changer le verdict</h3><ul>{{range .}}<li>« {{.Title}} »</li>{{end}}</ul>{{end}}
</section>
<section aria-labelledby="rules">
<h2 id="rules">Règle par règle</h2>
{{$r := .}}{{range $o := outcomes}}{{range $r.Findings}}{{if eq .Outcome $o}}<div class="finding {{.Outcome}}">
<p><span class="outcome">{{.Outcome.Label}}</span> — {{.Requirement}} <span class="small">({{.RuleID}}, {{lower .Level.Label}})</span></p>
<p class="small">Constat : {{.Detail}}</p>
<p class="small">Source : {{.Citation.Document}}, {{.Citation.Section}}</p>{{with .Citation.Quote}}<blockquote class="small">« {{.}} »</blockquote>{{end}}
{{if eq .Outcome "unmet"}}<p>Conseil : {{.Advice}}</p>{{end}}</div>
{{end}}{{end}}{{end}}</section>
<section aria-labelledby="indicators">
<h2 id="indicators">Indicateurs de résultats</h2>
<ul>{{range indicators .Indicators}}<li>{{.}}</li>{{end}}</ul>
{{if .NotCheckable}}<p class="small">{{.NotCheckable}} exigence(s) du référentiel ne peuvent pas être vérifiées à partir d'un dossier ; elles sont listées dans le référentiel.</p>{{end}}
</section>
</main>
<footer><p class="small">Rapport produit sur votre poste : aucune donnée du dossier n'a été envoyée.</p></footer>
</body>
</html>
`))

func writeHTML(w io.Writer, r *Report) error { return htmlTemplate.Execute(w, r) }
