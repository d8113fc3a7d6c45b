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

// Axis is an evaluation axis: the indicator families of seed 001 §12, plus organisation and evaluation.
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
	{Value: string(AxisObservation), Label: "Objectif : diagnostic et observation locale"},
	{Value: string(AxisPromotion), Label: "Objectif : éducation et promotion en santé mentale"},
	{Value: string(AxisAccess), Label: "Objectif : accès à la prévention et aux soins"},
	{Value: string(AxisInclusion), Label: "Objectif : inclusion sociale et citoyenneté"},
	{Value: string(AxisDestigmatisation), Label: "Objectif : déstigmatisation"},
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
