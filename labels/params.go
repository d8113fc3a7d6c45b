package labels

import "github.com/clsmkit/go-clsm/clsm"

// The parameters of the catalogue's checks, one struct per check (or per
// family of checks that take the same ones). Their tags say what a
// referential may write, as [checkOf] documents: the catalogue's
// documentation and the referential's schema are generated from them.

type answerYesParams struct {
	Paths []string `json:"paths" path:"yesno" help:"les questions oui/non (chemins dans le dossier) qui doivent toutes être répondues « oui »"`
}

type answerAnyYesParams struct {
	Paths []string `json:"paths" path:"yesno" help:"les questions oui/non (chemins dans le dossier) dont l'une au moins doit être répondue « oui »"`
}

type listIncludesParams struct {
	Path   string   `json:"path" path:"list" help:"la liste à examiner (chemin dans le dossier)"`
	Values []string `json:"values" help:"les valeurs qui doivent y figurer"`
}

type listMinCountParams struct {
	Path string `json:"path" path:"list" help:"la liste à compter (chemin dans le dossier)"`
	Min  int    `json:"min" default:"1" help:"le nombre minimal d'éléments"`
}

type dateWithinParams struct {
	Path   string `json:"path" path:"date" help:"la date à examiner (chemin dans le dossier)"`
	Months int    `json:"months" default:"12" help:"l'ancienneté maximale, en mois : la période de l'obligation"`
}

type membersIncludeParams struct {
	Body memberBody `json:"body" default:"copil" help:"l'instance : copil ou bureau"`
	// Categories may each be « a|b »: one or the other.
	Categories []clsm.MemberCategory `json:"categories" help:"les catégories de membres qui doivent y siéger"`
}

type meetingsCountParams struct {
	Body   meetingBody `json:"body" help:"l'instance : copil, plenary ou technicalCommittee"`
	Min    int         `json:"min" default:"1" help:"le nombre minimal de réunions"`
	Months int         `json:"months" default:"12" help:"la période examinée, en mois avant la date d'évaluation"`
}

type themeParams struct {
	Theme clsm.Theme `json:"theme" help:"le thème"`
}

type objectiveParams struct {
	Objective clsm.StrategicObjective `json:"objective" help:"l'objectif stratégique"`
}

type domainParams struct {
	Domain clsm.PriorityDomain `json:"domain" help:"le domaine d'action prioritaire (§9)"`
}

type coordinatorPresentParams struct {
	MinFTE float64 `json:"minFTE" default:"0" help:"le temps de travail minimal, en équivalent temps plein (0 : pas de minimum)"`
}

type trainingParams struct {
	Years int `json:"years" default:"2" help:"le délai pour engager la formation, en années après la prise de poste"`
}

type recruitmentParams struct {
	OtherEmployer otherOutcome `json:"otherEmployer" default:"not_applicable" help:"le résultat quand l'employeur n'est ni l'hôpital ni une collectivité : not_applicable (sans objet) ou unmet (non respecté, quand le texte ne prévoit que ces deux employeurs)"`
}

type arsShareParams struct {
	MaxShare float64 `json:"maxShare" default:"50" help:"la part maximale financée par l'ARS, en %"`
	MaxFTE   float64 `json:"maxFTE" default:"0" help:"le temps maximal financé par l'ARS, en ETP (0 : pas de plafond)"`
}

type articulationParams struct {
	Scheme scheme `json:"scheme" help:"le dispositif : cls, cityContract, asv, ptsm, cpts, dac, clspd ou cpt"`
}

// memberBody is a body whose members a rule may list: bodyOptions.
type memberBody string

// Valid reports whether b is one of the bodies.
func (b memberBody) Valid() bool { return hasOption(bodyOptions, string(b)) }

// meetingBody is a body whose meetings a rule may count: meetingBodies.
type meetingBody string

// Valid reports whether b is one of the bodies.
func (b meetingBody) Valid() bool { return hasOption(meetingBodies, string(b)) }

// scheme is a device the CLSM articulates with: schemeOptions.
type scheme string

// Valid reports whether s is one of the devices.
func (s scheme) Valid() bool { return hasOption(schemeOptions, string(s)) }

// otherOutcome is an outcome a referential chooses: otherOutcomeOptions.
type otherOutcome string

// Valid reports whether o is one of the outcomes.
func (o otherOutcome) Valid() bool { return hasOption(otherOutcomeOptions, string(o)) }
