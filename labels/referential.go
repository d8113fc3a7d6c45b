package labels

import (
	"encoding/json"

	"github.com/clsmkit/go-clsm/clsm"
)

// ReferentialVersion is the version of the referential format.
const ReferentialVersion = 1

// Referential is one cahier des charges as data: which checks of the
// [Catalogue] apply, with which parameters, at which level, for which stages,
// citing which section of which document. It is what an ARS writes to use its
// own rules; [Parse] reads one and reports every problem.
type Referential struct {
	SchemaVersion int           `json:"schemaVersion,omitzero" validate:"required,eq=1" title:"Version du format du référentiel" help:"Toujours 1 pour ce format."`
	ID            string        `json:"id,omitzero" validate:"required,max=40" title:"Identifiant" help:"Court, en minuscules, par exemple « idf » ou « ars-occitanie-2026 »."`
	Name          string        `json:"name,omitzero" validate:"required,max=200" title:"Nom du référentiel"`
	Issuer        string        `json:"issuer,omitzero" validate:"required,max=200" title:"Organisme qui l'émet" help:"Par exemple « ARS Île-de-France »."`
	Version       string        `json:"version,omitzero" validate:"required,max=40" title:"Version du référentiel"`
	Date          clsm.Date     `json:"date,omitzero" validate:"omitempty,date" title:"Date de la version"`
	Summary       string        `json:"summary,omitzero" validate:"omitempty,max=2000" title:"Présentation" help:"Ce que couvre ce référentiel, en quelques phrases."`
	Documents     []Document    `json:"documents,omitzero" validate:"required,min=1,max=20,dive" title:"Documents cités"`
	Rules         []Rule        `json:"rules,omitzero" validate:"required,min=1,max=500,dive" title:"Règles"`
	NotCheckable  []Uncheckable `json:"notCheckable,omitzero" validate:"omitempty,max=200,dive" title:"Exigences qui ne peuvent pas être vérifiées à partir d'un dossier"`
}

// Document is a source a rule cites: a cahier des charges, a law, an
// instruction, a page of an ARS's site.
type Document struct {
	ID     string    `json:"id,omitzero" validate:"required,max=40" title:"Identifiant du document" help:"Repris par le champ « source » des règles."`
	Title  string    `json:"title,omitzero" validate:"required,max=300" title:"Titre"`
	Issuer string    `json:"issuer,omitzero" validate:"omitempty,max=200" title:"Auteur"`
	Date   clsm.Date `json:"date,omitzero" validate:"omitempty,date" title:"Date"`
	URL    string    `json:"url,omitzero" validate:"omitempty,max=500" title:"Adresse"`
}

// Rule is one requirement of a referential, bound to a check of the
// [Catalogue].
type Rule struct {
	ID          string                     `json:"id,omitzero" validate:"required,max=80" title:"Identifiant de la règle"`
	Check       string                     `json:"check,omitzero" validate:"required,max=80" title:"Vérification du catalogue"`
	Params      map[string]json.RawMessage `json:"params,omitzero" title:"Paramètres de la vérification"`
	Level       Level                      `json:"level,omitzero" validate:"required,enum" title:"Niveau"`
	Stages      []clsm.Stage               `json:"stages,omitzero" validate:"required,min=1,unique,dive,enum" title:"Stades du CLSM auxquels la règle s'applique"`
	When        []Condition                `json:"when,omitzero" validate:"omitempty,max=5,dive" title:"Conditions d'application" help:"La règle est sans objet si l'une de ces conditions n'est pas remplie."`
	Axis        Axis                       `json:"axis,omitzero" validate:"omitempty,enum" title:"Axe d'évaluation" help:"Par défaut, l'axe de la vérification."`
	Source      string                     `json:"source,omitzero" validate:"required,max=40" title:"Document cité (identifiant)"`
	Section     string                     `json:"section,omitzero" validate:"required,max=100" title:"Section citée" help:"Par exemple « §4.1 »."`
	Basis       Basis                      `json:"basis,omitzero" validate:"required,enum" title:"Fondement"`
	Quote       string                     `json:"quote,omitzero" validate:"omitempty,max=2000" title:"Texte cité" help:"La phrase du document, mot pour mot."`
	Requirement string                     `json:"requirement,omitzero" validate:"required,max=1000" title:"Exigence, en clair"`
	Advice      string                     `json:"advice,omitzero" validate:"required,max=1000" title:"Conseil si la règle n'est pas respectée"`

	check  *Check
	params Params
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

// CheckDef returns the catalogue check the rule uses; nil before [Parse] has
// resolved it.
func (r *Rule) CheckDef() *Check { return r.check }

// EffectiveAxis is the rule's axis, or its check's when the rule sets none.
func (r *Rule) EffectiveAxis() Axis {
	if r.Axis != "" || r.check == nil {
		return r.Axis
	}
	return r.check.Axis
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
