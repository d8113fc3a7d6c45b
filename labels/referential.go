package labels

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/clsmkit/go-clsm/clsm"
)

// ReferentialVersion is the version of the referential format.
const ReferentialVersion = 1

// Referential is one cahier des charges as data: which checks of the
// [Catalogue] apply, with which parameters, at which level, for which stages,
// citing which section of which document. It is what an ARS writes to use its
// own rules; [Parse] reads one and reports every problem.
//
// Its lists have maxima well above what a cahier des charges holds, so that
// a hostile file is refused, not processed: 500 rules (and as many rules
// dropped or replaced), where the largest built-in referential, the ARS
// Île-de-France's cahier des charges read in full, has 62; 20 documents
// (the national socle cites 5), 20 unread sources, 200 requirements that
// cannot be checked (Île-de-France: 12); 3 definitions of « prêt », one per
// stage, of 100 rules each (Île-de-France: 16); 18 regions, all of France's;
// per rule, 5 conditions of 20 answers each (the built-in rules use 2 of 2;
// 20 covers the departments of the largest region, Occitanie's 13) and
// [MaxListParam] items in a list parameter. The file itself is bounded by
// [clsm.MaxSize]; every check runs in time linear in its size.
type Referential struct {
	SchemaVersion int       `json:"schemaVersion,omitzero" validate:"required,eq=1" title:"Version du format du référentiel" help:"Toujours 1 pour ce format."`
	ID            string    `json:"id,omitzero" validate:"required,max=40" title:"Identifiant" help:"Court, en minuscules, par exemple « idf » ou « ars-occitanie-2026 »."`
	Name          string    `json:"name,omitzero" validate:"required,max=200" title:"Nom du référentiel"`
	Issuer        string    `json:"issuer,omitzero" validate:"required,max=200" title:"Organisme qui l'émet" help:"Par exemple « ARS Île-de-France »."`
	Version       string    `json:"version,omitzero" validate:"required,max=40" title:"Version du référentiel"`
	Date          clsm.Date `json:"date,omitzero" validate:"omitempty,date" title:"Date de la version"`
	Summary       string    `json:"summary,omitzero" validate:"omitempty,max=2000" title:"Présentation" help:"Ce que couvre ce référentiel, en quelques phrases."`
	// Regions lists the INSEE codes of the regions whose ARS applies the
	// referential; empty for a national one. A dossier from another region
	// gets a warning in its report.
	Regions []string `json:"regions,omitzero" validate:"omitempty,max=18,unique" title:"Régions concernées (codes INSEE)" help:"Par exemple « 11 » pour l'Île-de-France. Laissez vide pour un référentiel national."`
	// Order is the referential's position in lists of referentials, smaller
	// first; referentials of equal order are listed by ID (see [Builtins]).
	Order int `json:"order,omitzero" validate:"omitempty,gte=0,lte=1000" title:"Position dans les listes" help:"Les plus petits d'abord ; à égalité, par ordre alphabétique d'identifiant."`
	// Default marks the referential used when no region's referential applies
	// to a dossier (see [ForRegion]); exactly one built-in referential, the
	// national one, has it.
	Default bool `json:"default,omitzero" title:"Référentiel par défaut" help:"Celui qui sert quand aucun référentiel régional ne s'applique ; un seul référentiel intégré l'est."`
	// RulePrefix, when set, is how the ID of every rule the file itself adds
	// (its "rules") begins; [Parse] refuses a rule that does not start with
	// it. The rules a referential inherits or overrides keep their IDs.
	RulePrefix string `json:"rulePrefix,omitzero" validate:"omitempty,max=20" title:"Début commun des identifiants de règles" help:"Par exemple « occ- » : chaque règle ajoutée par ce fichier commence ainsi."`
	// Extends names the built-in referential this one starts from (see
	// [BuiltinIDs]). The referential then inherits the base's documents,
	// rules, notCheckable, readiness, unreadSources and regions, minus the
	// rules of Drop, with the rules of Override in place of the base's rules
	// of the same ID; its own rules are added after them. After [Parse], the
	// other fields hold the result, Extends still names the base, and Drop
	// and Override are empty.
	Extends string `json:"extends,omitzero" validate:"omitempty,max=40" title:"Référentiel de départ (identifiant d'un référentiel intégré)" help:"Par exemple « occitanie » : ce référentiel en reprend tout, sauf ce qu'il retire ou remplace."`
	// Drop lists the IDs of the base's rules that this referential does not
	// keep (with Extends only).
	Drop []string `json:"drop,omitzero" validate:"omitempty,max=500,unique,dive,required,max=80" title:"Règles du référentiel de départ qui ne sont pas reprises"`
	// Override lists rules that replace, whole, the base's rule of the same
	// ID (with Extends only). A rule whose ID the base does not have is a
	// problem: new rules go in Rules.
	Override []Rule `json:"override,omitzero" validate:"omitempty,max=500,dive" title:"Règles du référentiel de départ remplacées" help:"Chaque règle remplace entièrement celle du référentiel de départ qui porte le même identifiant."`
	// UnreadSources lists the documents the referential should follow but
	// that could not be read when it was written. A referential that lists
	// one is partial: its verdict is « prêt au regard des règles connues »
	// at best, and every report says which document is missing.
	UnreadSources []UnreadSource `json:"unreadSources,omitzero" validate:"omitempty,max=20,dive" title:"Documents de référence qui n'ont pas pu être lus"`
	// Readiness says, for each stage the referential addresses, what
	// « prêt à déposer » means: rules that must all be answered and met.
	// A dossier at a stage the referential does not address is never ready.
	Readiness []StageReadiness `json:"readiness,omitzero" validate:"omitempty,max=3,dive" title:"Ce que « prêt à déposer » veut dire, stade par stade"`
	Documents []Document       `json:"documents,omitzero" validate:"omitempty,max=20,dive" title:"Documents cités"`
	// Deliverables are the documents the referential asks a CLSM to write
	// and send, stage by stage (see [Deliverable]); an extending referential
	// inherits its base's, a document of the same ID taking the base's place.
	Deliverables []Deliverable `json:"deliverables,omitzero" validate:"omitempty,max=20,dive" title:"Documents à déposer"`
	Rules        []Rule        `json:"rules,omitzero" validate:"omitempty,max=500,dive" title:"Règles"`
	NotCheckable []Uncheckable `json:"notCheckable,omitzero" validate:"omitempty,max=200,dive" title:"Exigences qui ne peuvent pas être vérifiées à partir d'un dossier"`

	// merged is set on the result of Extends: its Rules already hold the
	// base's, and Resolve does not start from the base again.
	merged bool
}

// UnreadSource is a document a referential should follow but whose text could
// not be read: its rules are not in the referential, and no rule is invented
// in their place.
type UnreadSource struct {
	Title  string `json:"title,omitzero" validate:"required,max=300" title:"Titre du document"`
	Issuer string `json:"issuer,omitzero" validate:"omitempty,max=200" title:"Auteur"`
	URL    string `json:"url,omitzero" validate:"omitempty,max=500" title:"Adresse"`
	Reason string `json:"reason,omitzero" validate:"required,max=1000" title:"Pourquoi il n'a pas été lu"`
}

// StageReadiness is what « prêt à déposer » means at one stage: the rules
// that must all be answered and met (besides every other required rule that
// applies), in a sentence, with the text it comes from.
type StageReadiness struct {
	Stage   clsm.Stage `json:"stage,omitzero" validate:"required,enum" title:"Stade"`
	Meaning string     `json:"meaning,omitzero" validate:"required,max=1000" title:"Ce qui est attendu à ce stade, en clair"`
	Rules   []string   `json:"rules,omitzero" validate:"required,min=1,max=100,unique" title:"Règles qui doivent toutes être respectées" help:"Des règles requises de ce référentiel, qui s'appliquent à ce stade, sans condition."`
	Source  string     `json:"source,omitzero" validate:"required,max=40" title:"Document cité (identifiant)"`
	Section string     `json:"section,omitzero" validate:"required,max=100" title:"Section citée"`
	Quote   string     `json:"quote,omitzero" validate:"omitempty,max=2000" title:"Texte cité"`
}

// Document is a source a rule cites: a cahier des charges, a law, an
// instruction, a page of an ARS's site, an article or an interview. Its kind
// says how far it binds: only a text its author issues in its own name can
// make a rule requis (see [DocumentKind.Binding]); an article or an
// interview names whose words it reports (Speaker), and the report says so.
type Document struct {
	ID     string `json:"id,omitzero" validate:"required,max=40" title:"Identifiant du document" help:"Repris par le champ « source » des règles."`
	Title  string `json:"title,omitzero" validate:"required,max=300" title:"Titre"`
	Issuer string `json:"issuer,omitzero" validate:"omitempty,max=200" title:"Auteur" help:"L'organisme qui publie le texte ; pour un article, son éditeur s'il est connu."`
	// Kind is what the document is; empty in a referential written before
	// kinds existed, and then read as its issuer's own text.
	Kind DocumentKind `json:"kind,omitzero" validate:"omitempty,enum" title:"Nature du document" help:"Seul un texte que son auteur publie en son nom (cahier des charges, page d'une ARS, loi, instruction, recommandation du centre national) peut rendre une règle requise ; un article ou un entretien la rend au plus recommandée."`
	// Speaker names whose words an article or an interview reports, with
	// their role: « Fanny Pastant, coordinatrice nationale des CLSM ».
	Speaker string    `json:"speaker,omitzero" validate:"omitempty,max=300" title:"Propos de" help:"Pour un article ou un entretien : qui parle, et à quel titre."`
	Date    clsm.Date `json:"date,omitzero" validate:"omitempty,date" title:"Date"`
	URL     string    `json:"url,omitzero" validate:"omitempty,max=500" title:"Adresse"`
}

// Attribution is how a report names the document: its title, or, for an
// article or an interview, whose words it reports and where (« propos de
// Fanny Pastant, coordinatrice nationale des CLSM, rapportés dans l'article
// « … » »).
func (d Document) Attribution() string {
	if !d.Kind.Reported() || d.Speaker == "" {
		return d.Title
	}
	where := "l'article"
	if d.Kind == KindInterview {
		where = "l'entretien"
	}
	return "propos de " + d.Speaker + ", rapportés dans " + where + " « " + d.Title + " »"
}

// Rule is one requirement of a referential, bound to a check of the
// [Catalogue].
type Rule struct {
	ID      string                     `json:"id,omitzero" validate:"required,max=80" title:"Identifiant de la règle"`
	Check   string                     `json:"check,omitzero" validate:"required,max=80" title:"Vérification du catalogue"`
	Params  map[string]json.RawMessage `json:"params,omitzero" title:"Paramètres de la vérification"`
	Level   Level                      `json:"level,omitzero" validate:"required,enum" title:"Niveau"`
	Stages  []clsm.Stage               `json:"stages,omitzero" validate:"required,min=1,unique,dive,enum" title:"Stades du CLSM auxquels la règle s'applique"`
	When    []Condition                `json:"when,omitzero" validate:"omitempty,max=5,dive" title:"Conditions d'application" help:"La règle est sans objet si l'une de ces conditions n'est pas remplie."`
	Axis    Axis                       `json:"axis,omitzero" validate:"omitempty,enum" title:"Axe d'évaluation" help:"Par défaut, l'axe de la vérification."`
	Source  string                     `json:"source,omitzero" validate:"required,max=40" title:"Document cité (identifiant)"`
	Section string                     `json:"section,omitzero" validate:"required,max=100" title:"Section citée" help:"Par exemple « §4.1 »."`
	Basis   Basis                      `json:"basis,omitzero" validate:"required,enum" title:"Fondement"`
	Quote   string                     `json:"quote,omitzero" validate:"omitempty,max=2000" title:"Texte cité" help:"La phrase du document, mot pour mot."`
	// Modal is the word or phrase of Quote that sets the obligation (« doit »,
	// « rassemble », « met en œuvre », « est recommandé », « peut »…), as it
	// is written there; empty when the text itself could not be read, and
	// then the rule is never « requis »: [Parse] and [Referential.Resolve]
	// refuse a rule « requis » whose Quote or Modal is empty (code
	// [CodeUnquotedRequired]), and one whose Modal is a word that
	// [ModalLevels] classifies as not obliging ([CodeModalLevel]).
	Modal string `json:"modal,omitzero" validate:"omitempty,max=100" title:"Mot qui fixe l'obligation" help:"Tel qu'il figure dans le texte cité, par exemple « doit », « rassemble » ou « peut »."`
	// LevelWhy says why the level follows from Modal.
	LevelWhy string `json:"levelWhy,omitzero" validate:"omitempty,max=1000" title:"Pourquoi ce niveau"`
	// Absence is what « absent du territoire » means for a rule that depends
	// on a device's presence (its check reads an articulation, or one of its
	// conditions does): sans objet, or the gap itself. [Parse] refuses a
	// device-dependent rule without it, and a rule that depends on no device
	// with it.
	Absence Absence `json:"absence,omitzero" validate:"omitempty,enum" title:"Si le dispositif est absent du territoire" help:"« not_applicable » si le texte ne vise le dispositif que là où il existe ; « gap » s'il l'exige ou y lie le CLSM."`
	// AbsenceWhy says why, from the quoted text.
	AbsenceWhy  string `json:"absenceWhy,omitzero" validate:"omitempty,max=1000" title:"Pourquoi cette lecture de l'absence"`
	Requirement string `json:"requirement,omitzero" validate:"required,max=1000" title:"Exigence, en clair"`
	Advice      string `json:"advice,omitzero" validate:"required,max=1000" title:"Conseil si la règle n'est pas respectée"`

	// check and params are the rule's binding, set by resolution; bound is
	// what the binding was made from, so that a rule changed since is
	// seen (see [Rule.Stale]).
	check  *Check
	params Params
	bound  *binding
}

// binding is what resolution read of a rule to bind it: a rule whose fields
// differ from it is stale.
type binding struct {
	check, quote, modal string
	level               Level
	params              map[string]json.RawMessage
}

// bind records what the rule is bound from, with its own copy of the
// parameters' bytes.
func (r *Rule) bind(check *Check, params Params) {
	r.check, r.params = check, params
	r.bound = &binding{check: r.Check, quote: r.Quote, modal: r.Modal, level: r.Level, params: cloneRaw(r.Params)}
}

// Stale reports whether the rule's Check, Params, Level, Quote or Modal
// changed since [Parse] or [Referential.Resolve] bound it: such a rule is
// not resolved any more ([Referential.Resolved] is false, [Rule.CheckDef]
// nil), and assess.Evaluate refuses its referential until Resolve is called
// again, rather than evaluate it with the binding of the old values. A rule
// never resolved is not stale.
func (r *Rule) Stale() bool {
	b := r.bound
	if r.check == nil || b == nil {
		return false
	}
	if r.Check != b.check || r.Level != b.level || r.Quote != b.quote || r.Modal != b.modal || len(r.Params) != len(b.params) {
		return true
	}
	for name, raw := range r.Params {
		old, ok := b.params[name]
		if !ok || !bytes.Equal(raw, old) {
			return true
		}
	}
	return false
}

// checkDef is the rule's check, nil when the rule is not resolved or has
// changed since.
func (r *Rule) checkDef() *Check {
	if r.Stale() {
		return nil
	}
	return r.check
}

// Condition restricts a rule to the dossiers where the answer at Path is one
// of In. Where the answer is missing the rule's outcome is unknown; where it is
// another value the rule is not applicable (sans objet).
type Condition struct {
	Path string            `json:"path,omitzero" validate:"required,max=200" title:"Question (chemin JSON Pointer dans le dossier)"`
	In   []json.RawMessage `json:"in,omitzero" validate:"required,min=1,max=20" title:"Réponses pour lesquelles la règle s'applique"`
}

// Uncheckable is a requirement of a source document that a dossier cannot
// show, kept in the referential so that nothing is silently dropped.
type Uncheckable struct {
	Source  string `json:"source,omitzero" validate:"required,max=40" title:"Document (identifiant)"`
	Section string `json:"section,omitzero" validate:"required,max=100" title:"Section"`
	Text    string `json:"text,omitzero" validate:"required,max=2000" title:"Exigence"`
	Reason  string `json:"reason,omitzero" validate:"required,max=1000" title:"Pourquoi elle n'est pas vérifiée"`
}

// Partial reports whether the referential was written without some of its
// reference documents (see [Referential.UnreadSources]).
func (r *Referential) Partial() bool { return len(r.UnreadSources) > 0 }

// ReadinessFor returns what « prêt à déposer » means at the given stage, if
// the referential says it.
func (r *Referential) ReadinessFor(s clsm.Stage) (StageReadiness, bool) {
	for _, sr := range r.Readiness {
		if sr.Stage == s {
			return sr, true
		}
	}
	return StageReadiness{}, false
}

// Serves reports whether the referential applies to the given region (INSEE
// code); a referential that names no region is national and serves every one.
func (r *Referential) Serves(region string) bool {
	return len(r.Regions) == 0 || slices.Contains(r.Regions, region)
}

// Document returns the document a rule cites.
func (r *Referential) Document(id string) (Document, bool) {
	for _, d := range r.Documents {
		if d.ID == id {
			return d, true
		}
	}
	return Document{}, false
}

// Rule returns the rule with the given ID.
func (r *Referential) Rule(id string) (*Rule, bool) {
	for i := range r.Rules {
		if r.Rules[i].ID == id {
			return &r.Rules[i], true
		}
	}
	return nil, false
}

// Resolved reports whether every rule of the referential is bound to its
// check, as [Parse] and [Referential.Resolve] leave it; assess.Evaluate
// refuses a referential that is not. A referential with no rule is not
// resolved. A rule added after resolution, or whose check, parameters,
// level, quote or modal word changed since ([Rule.Stale]), needs Resolve
// again: until then the referential is not resolved.
func (r *Referential) Resolved() bool {
	if r == nil || len(r.Rules) == 0 {
		return false
	}
	for i := range r.Rules {
		if r.Rules[i].checkDef() == nil {
			return false
		}
	}
	return true
}

// CheckDef returns the catalogue check the rule uses; nil before [Parse] or
// [Referential.Resolve] has resolved it, and nil again once the rule has
// changed since ([Rule.Stale]).
func (r *Rule) CheckDef() *Check { return r.checkDef() }

// EffectiveAxis is the rule's axis, or its check's when the rule sets none.
func (r *Rule) EffectiveAxis() Axis {
	c := r.checkDef()
	if r.Axis != "" || c == nil {
		return r.Axis
	}
	return c.Axis
}

// AppliesTo reports whether the rule applies at the given stage.
func (r *Rule) AppliesTo(s clsm.Stage) bool {
	for _, st := range r.Stages {
		if st == s {
			return true
		}
	}
	return false
}
