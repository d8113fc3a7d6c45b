package assess

import (
	"fmt"
	"slices"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// NationalFigure is one figure of the national surveys of CLSM (the états
// des lieux of the Centre national de ressources et d'appui aux CLSM): what
// a CLSM can be placed against. It is a description of the CLSM that
// answered the survey, never a rule.
type NationalFigure struct {
	// Item is the stable identifier of the item of the dossier the figure
	// is about (coordinatorFullTime, coFunding, adolescentsGroup, coversQPV,
	// asvInQPV).
	Item string `json:"item" title:"Élément du dossier"`
	// Topic names the item in French, for a heading or a table.
	Topic string `json:"topic" title:"Thème"`
	// Figure is the figure as a French sentence, percentages included.
	Figure string `json:"figure" title:"Chiffre national"`
	// Source says where the figure comes from, as the press reported the national survey (see the source* constants).
	Source string `json:"source" title:"Source"`
	// Year is the year of the survey edition the figure belongs to.
	Year int    `json:"year" title:"Année de l'enquête"`
	URL  string `json:"url,omitzero" title:"Adresse"`
}

// Sources of the national figures: the national surveys (« États des lieux
// nationaux des CLSM ») of the Centre national de ressources et d'appui aux
// CLSM, as Directions (8 May 2019), Maire-info and the Fabrique Territoires
// Santé reported them, and the centre's slides « Le conseil local de santé
// mentale : un outil pour répondre aux enjeux de santé mentale » (webinar of
// 23 April 2024).
const (
	source2018        = "État des lieux national des CLSM 2018 (Centre national de ressources et d'appui aux CLSM), cité par Directions, 8 mai 2019"
	source2023        = "État des lieux national des CLSM 2023 (Centre national de ressources et d'appui aux CLSM ; enquête de 2022, 131 CLSM répondants), cité par Maire-info et la Fabrique Territoires Santé"
	source2023Webinar = "État des lieux national des CLSM 2023, présenté par le Centre national de ressources et d'appui aux CLSM (CCOMS) au webinaire « Santé mentale et politique de la ville », Occitanie, 23 avril 2024"
	url2018           = "https://directions.fr/Fiches-metiers/categorie/2019/5/Un-coordonnateur-dedie-a-la-sante-mentale-2052253W/"
)

// nationalFigures is the one declaration of the national figures: every
// renderer reads them from here, through the report.
var nationalFigures = typeset([]NationalFigure{
	{Item: "coordinatorFullTime", Topic: "Coordonnateur à temps plein",
		Figure: "22 % des coordonnateurs de CLSM travaillent à temps plein.",
		Source: source2018, Year: 2018, URL: url2018},
	{Item: "coFunding", Topic: "Financeurs du poste de coordination",
		Figure: "70 % des CLSM répondants déclarent que le poste de coordination est cofinancé ; 30 % ne sont financés que par un seul organisme, dans trois quarts des cas la collectivité.",
		Source: source2023Webinar, Year: 2023},
	{Item: "adolescentsGroup", Topic: "Groupe de travail sur la santé mentale des adolescents",
		Figure: "55 % des CLSM ont un groupe de travail consacré à la santé mentale des adolescents.",
		Source: source2023Webinar, Year: 2023},
	{Item: "coversQPV", Topic: "Quartiers prioritaires de la politique de la ville (QPV)",
		Figure: "83 % des CLSM couvrent au moins un quartier prioritaire.",
		Source: source2023, Year: 2023},
	{Item: "asvInQPV", Topic: "Atelier santé ville (ASV) là où le CLSM couvre un QPV",
		Figure: "Parmi les CLSM qui couvrent un quartier prioritaire, 42 % n'ont pas d'atelier santé ville.",
		Source: source2023Webinar, Year: 2023},
})

// typeset puts the no-break spaces of French typography in the figures'
// texts, so that the JSON report and the CSV export read as well as the
// text and HTML reports.
func typeset(fs []NationalFigure) []NationalFigure {
	for i := range fs {
		fs[i].Topic, fs[i].Figure, fs[i].Source = frenchSpaces(fs[i].Topic), frenchSpaces(fs[i].Figure), frenchSpaces(fs[i].Source)
	}
	return fs
}

// NationalFigures returns the national figures a dossier is placed against,
// each with its source and year. The slice is a copy.
func NationalFigures() []NationalFigure { return slices.Clone(nationalFigures) }

// NationalComparison places one answer of the dossier beside a national
// figure. It is information, not a verdict: the figure describes the CLSM
// that answered the survey, and is no requirement.
type NationalComparison struct {
	Item   string `json:"item" title:"Élément du dossier"`
	Topic  string `json:"topic" title:"Thème"`
	Figure string `json:"figure" title:"Chiffre national"`
	Source string `json:"source" title:"Source"`
	Year   int    `json:"year" title:"Année de l'enquête"`
	URL    string `json:"url,omitzero" title:"Adresse"`
	// Answered is false when the dossier does not say (then Dossier is
	// « non renseigné »).
	Answered bool `json:"answered" title:"Le dossier répond"`
	// Dossier is what the dossier says, in French.
	Dossier string `json:"dossier" title:"Ce que dit le dossier"`
}

// notAnswered is what a comparison says of an item the dossier leaves blank.
const notAnswered = "non renseigné"

// NationalIntro is the sentence that introduces the national figures in
// every report: they situate, they do not judge.
const NationalIntro = "Pour situer le CLSM parmi les autres, quelques chiffres des enquêtes nationales sur les CLSM, avec leur source. Ce sont des repères, non des exigences\u00a0: ils n'entrent pas dans le verdict."

// nationalComparisons places the dossier (its visible answers) against every
// national figure, in the order of nationalFigures.
func nationalComparisons(d *clsm.Dossier) []NationalComparison {
	out := make([]NationalComparison, 0, len(nationalFigures))
	for _, f := range nationalFigures {
		answer, ok := nationalAnswer(d, f.Item)
		if !ok {
			answer = notAnswered
		}
		out = append(out, NationalComparison{Item: f.Item, Topic: f.Topic, Figure: f.Figure, Source: f.Source, Year: f.Year, URL: f.URL, Answered: ok, Dossier: answer})
	}
	return out
}

// nationalAnswer says, in French, what the dossier answers for an item; ok
// is false when it does not say.
func nationalAnswer(d *clsm.Dossier, item string) (answer string, ok bool) {
	noPost := d.Coordinator.Exists != nil && !*d.Coordinator.Exists
	switch item {
	case "coordinatorFullTime":
		switch fte := d.Coordinator.FTE; {
		case noPost:
			return "pas de poste de coordination", true
		case fte == nil:
			return "", false
		case *fte >= 1:
			return "oui, " + clsm.FrenchNumber(*fte) + " ETP", true
		default:
			return "non, " + clsm.FrenchNumber(*fte) + " ETP", true
		}
	case "coFunding":
		fs := d.Coordinator.Funders
		switch {
		case noPost:
			return "pas de poste de coordination", true
		case fs == nil:
			return "", false
		case len(fs) == 0:
			return "aucun financeur indiqué", true
		case len(fs) == 1:
			return "un seul financeur\u00a0: " + wellformed.LowerFirst(fs[0].Kind.Label()), true
		}
		return fmt.Sprintf("poste cofinancé par %s", clsm.FrenchCount(len(fs), "financeur", "financeurs")), true
	case "adolescentsGroup":
		if d.WorkingGroups == nil {
			return "", false
		}
		for _, g := range d.WorkingGroups {
			if g.Theme == clsm.ThemeYouth {
				return "oui", true
			}
		}
		return "non", true
	case "coversQPV":
		switch q := d.Territory.CoversQPV; {
		case q == nil:
			return "", false
		case !*q:
			return "non", true
		case d.Territory.QPVCount != nil && *d.Territory.QPVCount > 0:
			return "oui, " + clsm.FrenchCount(*d.Territory.QPVCount, "quartier prioritaire", "quartiers prioritaires"), true
		}
		return "oui", true
	case "asvInQPV":
		if q := d.Territory.CoversQPV; q != nil && !*q {
			return "sans objet, le territoire ne comptant pas de quartier prioritaire", true
		}
		var asv string
		switch d.Articulations.ASV {
		case clsm.ArticulationYes:
			asv = "un atelier santé ville, articulé avec le CLSM"
		case clsm.ArticulationNo:
			asv = "un atelier santé ville, sans articulation avec le CLSM"
		case clsm.ArticulationAbsent:
			asv = "pas d'atelier santé ville sur le territoire"
		default:
			return "", false
		}
		if d.Territory.CoversQPV == nil {
			return asv + " (présence de quartiers prioritaires non renseignée)", true
		}
		return asv, true
	}
	return "", false
}
