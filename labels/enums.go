package labels

import (
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/model"
)

// This file declares the enumerations of the referential format once, with
// their French labels. Each implements clsm.Enum.

// Level is how binding a rule is.
type Level string

// Values of [Level].
const (
	LevelRequired     Level = "required"
	LevelRecommended  Level = "recommended"
	LevelGoodPractice Level = "good_practice"
)

var levelOptions = []clsm.Option{
	{Value: string(LevelRequired), Label: "Requis"},
	{Value: string(LevelRecommended), Label: "Recommandé"},
	{Value: string(LevelGoodPractice), Label: "Bonne pratique"},
}

// Options lists every value of [Level] with its French label.
func (Level) Options() []clsm.Option { return levelOptions }

// Valid reports whether v is one of the values of [Level].
func (v Level) Valid() bool { return hasOption(levelOptions, string(v)) }

// Label returns the French label of v.
func (v Level) Label() string { return optionLabel(levelOptions, string(v)) }

// Basis is what a rule rests on.
type Basis string

// Values of [Basis].
const (
	BasisLaw                 Basis = "law"
	BasisNationalInstruction Basis = "national_instruction"
	BasisARSRequirement      Basis = "ars_requirement"
	BasisARSFundingCondition Basis = "ars_funding_condition"
	BasisRecommendation      Basis = "recommendation"
)

var basisOptions = []clsm.Option{
	{Value: string(BasisLaw), Label: "Loi (code de la santé publique)"},
	{Value: string(BasisNationalInstruction), Label: "Instruction nationale"},
	{Value: string(BasisARSRequirement), Label: "Exigence du cahier des charges de l'ARS"},
	{Value: string(BasisARSFundingCondition), Label: "Condition de financement de l'ARS"},
	{Value: string(BasisRecommendation), Label: "Recommandation (centre national de ressources et d'appui aux CLSM)"},
}

// Options lists every value of [Basis] with its French label.
func (Basis) Options() []clsm.Option { return basisOptions }

// Valid reports whether v is one of the values of [Basis].
func (v Basis) Valid() bool { return hasOption(basisOptions, string(v)) }

// Label returns the French label of v.
func (v Basis) Label() string { return optionLabel(basisOptions, string(v)) }

// Axis is an evaluation axis: the indicator families of the ARS Île-de-France's « Cahier des charges des conseils locaux de santé mentale », §12, plus organisation and evaluation.
type Axis string

// Values of [Axis].
const (
	AxisGovernance        Axis = "governance"
	AxisPartnership       Axis = "partnership"
	AxisObservation       Axis = "objective_observation"
	AxisPromotion         Axis = "objective_promotion"
	AxisAccess            Axis = "objective_access"
	AxisInclusion         Axis = "objective_inclusion"
	AxisDestigmatisation  Axis = "objective_destigmatisation"
	AxisComplexSituations Axis = "complex_situations"
	AxisCLS               Axis = "cls"
	AxisCityPolicy        Axis = "city_policy"
	AxisOrganisation      Axis = "organisation"
	AxisEvaluation        Axis = "evaluation"
)

var axisOptions = []clsm.Option{
	{Value: string(AxisGovernance), Label: "Gouvernance"},
	{Value: string(AxisPartnership), Label: "Partenariat"},
	{Value: string(AxisObservation), Label: "Objectif de diagnostic et d'observation locale"},
	{Value: string(AxisPromotion), Label: "Objectif d'éducation et de promotion en santé mentale"},
	{Value: string(AxisAccess), Label: "Objectif d'accès à la prévention et aux soins"},
	{Value: string(AxisInclusion), Label: "Objectif d'inclusion sociale et de citoyenneté"},
	{Value: string(AxisDestigmatisation), Label: "Objectif de déstigmatisation"},
	{Value: string(AxisComplexSituations), Label: "Situations psychosociales complexes"},
	{Value: string(AxisCLS), Label: "Articulation avec le contrat local de santé"},
	{Value: string(AxisCityPolicy), Label: "Articulation avec la politique de la ville"},
	{Value: string(AxisOrganisation), Label: "Organisation et coordination"},
	{Value: string(AxisEvaluation), Label: "Évaluation"},
}

// Options lists every value of [Axis] with its French label.
func (Axis) Options() []clsm.Option { return axisOptions }

// Valid reports whether v is one of the values of [Axis].
func (v Axis) Valid() bool { return hasOption(axisOptions, string(v)) }

// Label returns the French label of v.
func (v Axis) Label() string { return optionLabel(axisOptions, string(v)) }

// Outcome is the result of one rule for one dossier.
type Outcome string

// Values of [Outcome].
const (
	Met           Outcome = "met"
	Unmet         Outcome = "unmet"
	Unknown       Outcome = "unknown"
	NotApplicable Outcome = "not_applicable"
	// NotDue is the outcome of a periodic rule (a yearly bilan, meetings
	// per year, a training within two years) that the CLSM is too young to
	// owe at the evaluation date: neither a gap nor evidence. The result
	// says from when the rule is due ([Result.DueOn]). A blank is never
	// NotDue: it is Unknown.
	NotDue Outcome = "not_due"
)

var outcomeOptions = []clsm.Option{
	{Value: string(Met), Label: "Respecté"},
	{Value: string(Unmet), Label: "Non respecté"},
	{Value: string(Unknown), Label: "Non renseigné"},
	{Value: string(NotApplicable), Label: "Sans objet"},
	{Value: string(NotDue), Label: "Pas encore dû"},
}

// Options lists every value of [Outcome] with its French label.
func (Outcome) Options() []clsm.Option { return outcomeOptions }

// Valid reports whether v is one of the values of [Outcome].
func (v Outcome) Valid() bool { return hasOption(outcomeOptions, string(v)) }

// Label returns the French label of v.
func (v Outcome) Label() string { return optionLabel(outcomeOptions, string(v)) }

func hasOption(opts []clsm.Option, v string) bool { return model.HasOption(opts, v) }

func optionLabel(opts []clsm.Option, v string) string { return model.LabelOf(opts, v) }

// DocumentKind is what a cited document is, and so how far it can bind: the
// texts an authority issues in its own name (a cahier des charges, an ARS's
// page, a law, a national instruction, the national resource centre's
// published recommendations) can make a rule requis; an article or an
// interview reports someone's words and makes it at most recommandé (see
// [DocumentKind.Binding]).
type DocumentKind string

// Values of [DocumentKind].
const (
	KindARSSpecification    DocumentKind = "ars_specification"
	KindARSWebPage          DocumentKind = "ars_web_page"
	KindLaw                 DocumentKind = "law"
	KindNationalInstruction DocumentKind = "national_instruction"
	KindResourceCentre      DocumentKind = "resource_centre"
	KindArticle             DocumentKind = "article"
	KindInterview           DocumentKind = "interview"
)

var documentKindOptions = []clsm.Option{
	{Value: string(KindARSSpecification), Label: "Cahier des charges d'une ARS"},
	{Value: string(KindARSWebPage), Label: "Page du site d'une ARS"},
	{Value: string(KindLaw), Label: "Loi ou code"},
	{Value: string(KindNationalInstruction), Label: "Instruction ou circulaire nationale"},
	{Value: string(KindResourceCentre), Label: "Recommandation du centre national de ressources et d'appui aux CLSM"},
	{Value: string(KindArticle), Label: "Article (presse ou site internet)"},
	{Value: string(KindInterview), Label: "Entretien (propos rapportés)"},
}

// Options lists every value of [DocumentKind] with its French label.
func (DocumentKind) Options() []clsm.Option { return documentKindOptions }

// Valid reports whether v is one of the values of [DocumentKind].
func (v DocumentKind) Valid() bool { return hasOption(documentKindOptions, string(v)) }

// Label returns the French label of v.
func (v DocumentKind) Label() string { return optionLabel(documentKindOptions, string(v)) }

// Binding reports whether a document of this kind can make a rule requis: a
// text its author issues in its own name. An article or an interview
// reports words; it gives at most recommandé. The empty kind (a referential
// written before kinds existed) is read as its issuer's own text.
func (v DocumentKind) Binding() bool { return v != KindArticle && v != KindInterview }

// Reported reports whether a document of this kind carries someone's words,
// whom [Document.Speaker] must name.
func (v DocumentKind) Reported() bool { return v == KindArticle || v == KindInterview }

// Absence is what « absent du territoire » means for a rule that depends on
// a device's presence (CLS, contrat de ville, ASV, PTSM, CPTS, DAC, CLSPD,
// CPT): decided from the quoted text, with its reason in [Rule.AbsenceWhy].
type Absence string

// Values of [Absence].
const (
	// AbsenceNotApplicable: the text addresses the device only where it
	// exists (« si un ASV est en place »): its absence makes the rule sans
	// objet.
	AbsenceNotApplicable Absence = "not_applicable"
	// AbsenceGap: the text requires the device or ties the CLSM to it (a CLS
	// for IDF funding, the contrat de ville where there are QPV, the PTSM
	// every territory has): its absence is the gap itself, « non respecté ».
	AbsenceGap Absence = "gap"
)

var absenceOptions = []clsm.Option{
	{Value: string(AbsenceNotApplicable), Label: "Sans objet : le texte ne vise le dispositif que là où il existe"},
	{Value: string(AbsenceGap), Label: "Non respecté : l'absence est précisément ce que le texte demande de combler"},
}

// Options lists every value of [Absence] with its French label.
func (Absence) Options() []clsm.Option { return absenceOptions }

// Valid reports whether v is one of the values of [Absence].
func (v Absence) Valid() bool { return hasOption(absenceOptions, string(v)) }

// Label returns the French label of v.
func (v Absence) Label() string { return optionLabel(absenceOptions, string(v)) }
