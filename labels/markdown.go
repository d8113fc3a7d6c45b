package labels

import (
	"fmt"
	"io"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
)

// WriteCatalogue writes, in French Markdown, the check catalogue and every
// rule of the given referentials: identifier, level, stages, conditions,
// citation with its source's kind and author, quoted text, what an absent
// device means for the rule and why, requirement and advice, then the
// requirements that no dossier can show. An ARS reviewer reads it beside its own cahier des charges.
func WriteCatalogue(w io.Writer, refs ...*Referential) error {
	var b strings.Builder
	b.WriteString("# Catalogue des règles\n\n")
	b.WriteString("Document généré par `go generate ./...` à partir des référentiels intégrés ; ne pas le modifier à la main.\n\n")
	b.WriteString("Chaque règle donne un résultat parmi : **respecté**, **non respecté**, **non renseigné** (une réponse manque : ce n'est jamais un « non ») ou **sans objet** (la règle ne concerne pas ce CLSM, par exemple parce que le dispositif est absent du territoire).\n\n")
	b.WriteString("## Référentiels\n\n")
	for _, r := range refs {
		fmt.Fprintf(&b, "- [%s](#%s) — %s, version %s : %d règles\n", md(r.Name), anchor(r.ID), md(r.Issuer), md(r.Version), len(r.Rules))
	}
	b.WriteString("\n## Vérifications du catalogue\n\n")
	b.WriteString("Les référentiels choisissent ces vérifications et fixent leurs paramètres.\n\n")
	for _, c := range Catalogue() {
		fmt.Fprintf(&b, "### `%s` — %s\n\n%s\n\n", c.ID, md(c.Title), md(c.Description()))
		if len(c.Params) > 0 {
			b.WriteString("| Paramètre | Type | Par défaut | Description |\n|---|---|---|---|\n")
			for _, p := range c.Params {
				def := "obligatoire"
				if p.Default != nil {
					def = fmt.Sprint(p.Default)
				}
				fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", p.Name, p.Kind, md(def), md(p.Description))
			}
			b.WriteString("\n")
		}
	}
	for _, r := range refs {
		fmt.Fprintf(&b, "## %s\n<a id=\"%s\"></a>\n\n", md(r.Name), anchor(r.ID))
		fmt.Fprintf(&b, "Identifiant `%s` · émis par %s · version %s\n\n", r.ID, md(r.Issuer), md(r.Version))
		if r.Summary != "" {
			b.WriteString(md(r.Summary) + "\n\n")
		}
		b.WriteString("Documents cités :\n\n")
		for _, d := range r.Documents {
			fmt.Fprintf(&b, "- `%s` : %s", d.ID, md(d.Title))
			if d.Kind != "" {
				b.WriteString(" — " + md(lowerFirst(d.Kind.Label())))
			}
			if d.Speaker != "" {
				b.WriteString(", propos de " + md(d.Speaker))
			}
			if d.Issuer != "" {
				b.WriteString(" — " + md(d.Issuer))
			}
			if d.Date != "" {
				b.WriteString(", " + string(d.Date))
			}
			if d.URL != "" {
				fmt.Fprintf(&b, " (<%s>)", d.URL)
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
		writeCompleteness(&b, r)
		writeModalTable(&b, r)
		for i := range r.Rules {
			rule := &r.Rules[i]
			fmt.Fprintf(&b, "### `%s`\n\n", rule.ID)
			fmt.Fprintf(&b, "- **Exigence** : %s\n", md(rule.Requirement))
			fmt.Fprintf(&b, "- **Niveau** : %s · **Fondement** : %s · **Axe** : %s\n", rule.Level.Label(), rule.Basis.Label(), rule.EffectiveAxis().Label())
			fmt.Fprintf(&b, "- **Stades** : %s\n", stagesLabel(rule.Stages))
			for _, c := range rule.When {
				var vals []string
				for _, v := range c.In {
					vals = append(vals, "`"+string(v)+"`")
				}
				fmt.Fprintf(&b, "- **S'applique si** %s (`%s`) vaut %s\n", titles([]string{c.Path}), c.Path, strings.Join(vals, " ou "))
			}
			fmt.Fprintf(&b, "- **Source** : `%s`, %s%s\n", rule.Source, md(rule.Section), sourceWho(r, rule))
			if len(rule.Devices()) > 0 {
				fmt.Fprintf(&b, "- **Si le dispositif est absent du territoire** : %s. %s\n", md(absenceLabel(rule.Absence)), md(rule.AbsenceWhy))
			}
			if rule.Quote != "" {
				fmt.Fprintf(&b, "- **Texte** : « %s »\n", md(rule.Quote))
			}
			fmt.Fprintf(&b, "- **Vérification** : `%s`%s\n", rule.Check, paramsLabel(rule))
			fmt.Fprintf(&b, "- **Conseil** : %s\n\n", md(rule.Advice))
		}
		if len(r.NotCheckable) > 0 {
			b.WriteString("### Exigences non vérifiables à partir d'un dossier\n\n| Source | Section | Exigence | Pourquoi |\n|---|---|---|---|\n")
			for _, u := range r.NotCheckable {
				fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", u.Source, md(u.Section), md(u.Text), md(u.Reason))
			}
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeCompleteness says which documents the referential could not read and
// what « prêt à déposer » means at each stage.
func writeCompleteness(b *strings.Builder, r *Referential) {
	if r.Partial() {
		b.WriteString("**Référentiel partiel.** Ces documents n'ont pas pu être lus ; leurs règles ne sont pas dans ce référentiel, et aucune n'a été inventée à leur place :\n\n")
		for _, u := range r.UnreadSources {
			fmt.Fprintf(b, "- %s", md(u.Title))
			if u.Issuer != "" {
				b.WriteString(" — " + md(u.Issuer))
			}
			fmt.Fprintf(b, " : %s\n", md(u.Reason))
		}
		b.WriteString("\n")
	}
	if len(r.Readiness) == 0 {
		b.WriteString("Ce référentiel ne dit pour aucun stade ce qu'est un dossier prêt : il ne donne jamais le verdict « Prêt à déposer ».\n\n")
		return
	}
	b.WriteString("Ce que « prêt à déposer » veut dire, stade par stade (en plus de toutes les règles requises qui s'appliquent) :\n\n| Stade | Attendu | Règles | Source |\n|---|---|---|---|\n")
	for _, sr := range r.Readiness {
		src := "`" + sr.Source + "`, " + md(sr.Section)
		if sr.Quote != "" {
			src += " : « " + md(sr.Quote) + " »"
		}
		fmt.Fprintf(b, "| %s | %s | `%s` | %s |\n", stagesLabel([]clsm.Stage{sr.Stage}), md(sr.Meaning), strings.Join(sr.Rules, "`, `"), src)
	}
	b.WriteString("\n")
}

// writeModalTable writes, for every rule, the quoted sentence, the word of it
// that sets the obligation, the level chosen and why.
func writeModalTable(b *strings.Builder, r *Referential) {
	b.WriteString("Le niveau de chaque règle et le mot du texte qui le fixe ; des propos rapportés (article, entretien) ne rendent jamais une règle requise :\n\n| Règle | Texte cité | Nature de la source | Mot | Force | Niveau | Pourquoi |\n|---|---|---|---|---|---|---|\n")
	for i := range r.Rules {
		rule := &r.Rules[i]
		word, force := "—", "texte non lu"
		if rule.Modal != "" {
			word = "« " + md(rule.Modal) + " »"
			f, _, _ := ModalLevels(rule.Modal)
			force = forceLabel(f)
		}
		quote := "—"
		if rule.Quote != "" {
			quote = "« " + md(rule.Quote) + " »"
		}
		kind := "—"
		if d, ok := r.Document(rule.Source); ok && d.Kind != "" {
			kind = md(d.Kind.Label())
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s | %s | %s | %s |\n", rule.ID, quote, kind, word, force, rule.Level.Label(), md(rule.LevelWhy))
	}
	b.WriteString("\n")
}

// sourceWho says who wrote the document a rule cites and what it is:
// « — cahier des charges d'une ARS, ARS Île-de-France », « — article,
// propos de … ».
func sourceWho(r *Referential, rule *Rule) string {
	d, ok := r.Document(rule.Source)
	if !ok {
		return ""
	}
	var parts []string
	if d.Kind != "" {
		parts = append(parts, lowerFirst(d.Kind.Label()))
	}
	if d.Speaker != "" {
		parts = append(parts, "propos de "+d.Speaker)
	} else if d.Issuer != "" {
		parts = append(parts, d.Issuer)
	}
	if len(parts) == 0 {
		return ""
	}
	return " — " + md(strings.Join(parts, ", "))
}

// absenceLabel is the decision as the catalogue states it; a rule without
// one is refused by Parse, and says so here.
func absenceLabel(a Absence) string {
	if a == "" {
		return "non décidé"
	}
	return a.Label()
}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToLower(string(r[:1])) + string(r[1:])
}

func forceLabel(f ModalForce) string {
	switch f {
	case ForceObligation:
		return "obligation"
	case ForceRecommendation:
		return "recommandation"
	case ForceExample:
		return "exemple"
	}
	return "non classé"
}

func paramsLabel(r *Rule) string {
	if r.check == nil || len(r.check.Params) == 0 {
		return ""
	}
	var parts []string
	for _, p := range r.check.Params {
		parts = append(parts, fmt.Sprintf("%s = %v", p.Name, r.params[p.Name]))
	}
	return " (" + md(strings.Join(parts, " ; ")) + ")"
}

func stagesLabel(stages []clsm.Stage) string {
	var out []string
	for _, s := range stages {
		l := s.Label()
		if i := strings.Index(l, " ("); i > 0 {
			l = l[:i]
		}
		out = append(out, l)
	}
	return strings.Join(out, ", ")
}

func anchor(id string) string { return "referentiel-" + id }

// md escapes the characters that Markdown tables and emphasis would read.
func md(s string) string {
	return strings.NewReplacer("|", "\\|", "*", "\\*", "_", "\\_", "<", "&lt;", ">", "&gt;", "\n", " ").Replace(s)
}
