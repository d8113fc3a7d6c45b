package labels

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/answers"
)

// A Deliverable has no validate tags: [Parse] checks it in one small
// function (required fields, stages, identifiers, what feeds each section),
// for the form's checker carries that code and has no room for the
// generated one. Its texts have no length limit of their own: the
// referential file's size bounds them, and every format writes them inert.

// Deliverable is a document a referential asks a CLSM to write and send, at
// some stages: the yearly bilan of its actions, the indicators annexed to
// its financing convention… It says which sections the document has, what
// feeds each (answers of the dossier, families of result indicators, the
// outcomes of the rules citing a section of the source), and where only
// people can write. The documents package writes it from a dossier.
type Deliverable struct {
	// ID names the document in commands and in the browser: lowercase
	// letters a to z, digits and hyphens, starting with a letter, at most
	// 40 characters (see [ValidDeliverableID]).
	ID       string               `json:"id,omitzero" title:"Identifiant du document"`
	Title    string               `json:"title,omitzero" title:"Titre du document"`
	Purpose  string               `json:"purpose,omitzero" title:"À quoi il sert, en une phrase"`
	Stages   []clsm.Stage         `json:"stages,omitzero" title:"Stades du CLSM auxquels il est demandé"`
	Source   string               `json:"source,omitzero" title:"Document cité (identifiant)"`
	Section  string               `json:"section,omitzero" title:"Section citée"`
	Quote    string               `json:"quote,omitzero" title:"Texte cité"`
	Sections []DeliverableSection `json:"sections,omitzero" title:"Sections du document"`
}

// DeliverableSection is one section of a [Deliverable]: a heading, and what
// fills it, in this order: an introduction, the answers of the dossier, the
// tables of result indicators, the rules citing sections of the source, and
// a place « À rédiger par le CLSM » when Write is set.
type DeliverableSection struct {
	Heading string `json:"heading,omitzero" title:"Titre de la section"`
	Intro   string `json:"intro,omitzero" title:"Texte d'introduction"`
	// Answers are JSON Pointers of questions of the dossier (object keys
	// only, « /copil/meetings »): each gives a line of the section's table,
	// or a list for a list of actions, groups, members or funders.
	Answers []string `json:"answers,omitzero" title:"Réponses du dossier reprises"`
	// Indicators are families of result indicators (see
	// [IndicatorFamilies]), each a table.
	Indicators []string `json:"indicators,omitzero" title:"Familles d'indicateurs de résultats reprises"`
	// Cites lists sections of the referential's source documents (« §4.1 »):
	// the section shows, for each rule that cites one of them and applies
	// at the dossier's stage, what the dossier shows and what is missing.
	Cites []string `json:"cites,omitzero" title:"Sections du texte dont les règles sont reprises"`
	// Write, when set, is what the CLSM has to write in the section: the
	// document leaves a marked place « À rédiger par le CLSM » under it.
	Write   string `json:"write,omitzero" title:"Ce que le CLSM doit rédiger"`
	Source  string `json:"source,omitzero" title:"Document cité (identifiant)"`
	Section string `json:"section,omitzero" title:"Section citée"`
	Quote   string `json:"quote,omitzero" title:"Texte cité"`
}

// Indicator families: the result indicators the cahier des charges des CLSM
// of the ARS Île-de-France (§12) asks to annex to the financing convention,
// plus the coordination post they depend on.
const (
	FamilyGovernance   = "governance"         // la gouvernance des CLSM
	FamilyPartnership  = "partnership"        // le partenariat mis en œuvre
	FamilyObjectives   = "objectives"         // l'action au regard des cinq objectifs stratégiques
	FamilyComplex      = "complex_situations" // l'aide à la résolution des situations psychosociales complexes
	FamilyCLS          = "cls"                // l'articulation avec le contrat local de santé
	FamilyCityPolicy   = "city_policy"        // l'articulation avec la politique de la ville
	FamilyCoordination = "coordination"       // le poste de coordination et son financement
)

// IndicatorFamilies lists the families a [DeliverableSection] may name in
// Indicators, in the order of §12, coordination last.
func IndicatorFamilies() []string {
	return []string{FamilyGovernance, FamilyPartnership, FamilyObjectives, FamilyComplex, FamilyCLS, FamilyCityPolicy, FamilyCoordination}
}

// ValidDeliverableID reports whether id is a document identifier: 1 to 40
// characters among the lowercase letters a to z, the digits and the hyphen,
// starting with a letter and not ending with a hyphen. Such an identifier is
// a file name, a command-line value and a URL fragment as it is.
func ValidDeliverableID(id string) bool {
	if id == "" || len(id) > 40 || id[0] < 'a' || id[0] > 'z' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// checkDeliverables checks the documents a referential declares: their
// required fields and IDs, the documents they cite, and what feeds their
// sections. Its messages are few and plain: the form's checker carries it.
func (r *Referential) checkDeliverables(docs map[string]bool) clsm.Problems {
	var ps clsm.Problems
	add := func(code, path, msg string) { ps = append(ps, clsm.Problem{Code: code, Path: path, Message: msg}) }
	seen := map[string]bool{}
	for i, d := range r.Deliverables {
		base := "/deliverables/" + strconv.Itoa(i)
		var missing []string
		for _, f := range [...][2]string{{"id", d.ID}, {"title", d.Title}, {"purpose", d.Purpose}, {"source", d.Source}, {"section", d.Section}, {"quote", d.Quote}} {
			if strings.TrimSpace(f[1]) == "" {
				missing = append(missing, "« "+f[0]+" »")
			}
		}
		if len(d.Stages) == 0 {
			missing = append(missing, "« stages »")
		}
		if len(d.Sections) == 0 {
			missing = append(missing, "« sections »")
		}
		if missing != nil {
			add(clsm.CodeRequired, base, "Document à déposer n° "+strconv.Itoa(i+1)+" : il manque "+strings.Join(missing, ", ")+".")
		}
		if d.ID != "" && (!ValidDeliverableID(d.ID) || seen[d.ID]) {
			add(CodeDeliverableID, base+"/id", "L'identifiant de document « "+truncate(d.ID, 40)+" » est déjà pris ou ne convient pas : lettres minuscules sans accent, chiffres et tirets, en commençant par une lettre (par exemple « bilan-annuel »).")
		}
		seen[d.ID] = true
		for n, st := range d.Stages {
			if !st.Valid() {
				add(clsm.CodeEnum, base+"/stages/"+strconv.Itoa(n), "« "+truncate(string(st), 40)+" » n'est pas un stade : project, constitution ou active.")
			}
		}
		if d.Source != "" && !docs[d.Source] {
			add(CodeUnknownDocument, base+"/source", "« "+truncate(d.Source, 40)+" » n'est pas dans la liste « documents ».")
		}
		for k, s := range d.Sections {
			at := base + "/sections/" + strconv.Itoa(k)
			if s.Source != "" && !docs[s.Source] {
				add(CodeUnknownDocument, at+"/source", "« "+truncate(s.Source, 40)+" » n'est pas dans la liste « documents ».")
			}
			for n, p := range s.Answers {
				if msg := deliverableAnswer(p); msg != "" {
					add(CodeDeliverableFeed, at+"/answers/"+strconv.Itoa(n), msg)
				}
			}
			for n, f := range s.Indicators {
				if !slices.Contains(IndicatorFamilies(), f) {
					add(CodeDeliverableFeed, at+"/indicators/"+strconv.Itoa(n), "« "+truncate(f, 40)+" » n'est pas une famille d'indicateurs : "+strings.Join(IndicatorFamilies(), ", ")+".")
				}
			}
			if s.Heading == "" || len(s.Answers)+len(s.Indicators)+len(s.Cites) == 0 && s.Intro == "" && s.Write == "" {
				add(CodeDeliverableFeed, at, "Une section a un titre (« heading ») et un contenu : « answers », « indicators », « cites », « write » ou « intro ».")
			}
		}
	}
	return ps
}

// deliverableAnswer says why a pointer cannot feed a document's section; ""
// when it can.
func deliverableAnswer(p string) string {
	f, err := answers.FieldAt(p)
	if err != nil {
		return "Réponse reprise : " + err.Error() + "."
	}
	if t := f.Type; t.Kind() == reflect.Struct || t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct {
		return "Réponse reprise : « " + truncate(p, 200) + " » est un groupe de questions ; nommez chacune de ses questions."
	}
	return ""
}
