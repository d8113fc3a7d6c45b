package assess

import (
	"slices"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
)

// Indicators are the result indicators of §12 of the ARS Île-de-France's
// « Cahier des charges des conseils locaux de santé mentale », computed from the
// dossier: what the ARS's funding convention asks a CLSM to report. A nil
// value means the dossier does not say.
type Indicators struct {
	CopilMeetings   *int `json:"copilMeetings,omitzero" title:"Réunions du comité de pilotage sur 12 mois"`
	PlenaryMeetings *int `json:"plenaryMeetings,omitzero" title:"Assemblées plénières sur 12 mois"`
	// FourQuarters says, for each of the four pillars (élus, psychiatrie
	// publique, usagers, aidants), whether it sits on the COPIL.
	FourQuarters     []Pillar          `json:"fourQuarters" validate:"required,dive" title:"Les « quatre quarts » au comité de pilotage"`
	PartnersBySector []SectorCount     `json:"partnersBySector" validate:"required,dive" title:"Membres du comité de pilotage par secteur"`
	Objectives       []ObjectiveCount  `json:"objectives" validate:"required,dive" title:"Actions et groupes de travail par objectif stratégique"`
	ComplexCell      *bool             `json:"complexSituationsCell,omitzero" title:"Cellule des situations complexes"`
	ComplexHandled   *int              `json:"complexSituationsHandled,omitzero" title:"Situations complexes examinées sur 12 mois"`
	CLS              clsm.Articulation `json:"cls,omitzero" validate:"omitempty,enum" title:"Articulation avec le contrat local de santé"`
	CityContract     clsm.Articulation `json:"cityContract,omitzero" validate:"omitempty,enum" title:"Articulation avec le contrat de ville"`
	ASV              clsm.Articulation `json:"asv,omitzero" validate:"omitempty,enum" title:"Articulation avec l'atelier santé ville"`
	CoversQPV        *bool             `json:"coversQPV,omitzero" title:"Le territoire couvre des quartiers prioritaires"`
	// QPVActions counts the actions said to target a QPV; absent when the
	// actions are not listed, or when none is said to while one does not
	// say (never a 0 for a blank).
	QPVActions     *int          `json:"qpvActions,omitzero" title:"Actions visant spécifiquement un quartier prioritaire"`
	CoordinatorFTE *float64      `json:"coordinatorFTE,omitzero" title:"Temps de coordination (ETP)"`
	Funding        []clsm.Funder `json:"funding" validate:"required,dive" title:"Financement du temps de coordination"`
}

// Pillar is one of the "quatre quarts" and whether it is on the COPIL; nil
// when the COPIL's members are not given.
type Pillar struct {
	Pillar  string `json:"pillar" title:"Pilier"`
	Present *bool  `json:"present,omitzero" title:"Présent"`
}

// SectorCount counts the COPIL members of one sector.
type SectorCount struct {
	Sector string `json:"sector" title:"Secteur"`
	Count  int    `json:"count" title:"Nombre"`
}

// ObjectiveCount counts the actions and working groups serving one strategic
// objective; a count is absent when the dossier does not list its actions
// (or its working groups), and when none is counted while one of them does
// not say which objectives it serves: « non renseigné », never a 0 for a
// blank.
type ObjectiveCount struct {
	Objective     clsm.StrategicObjective `json:"objective" validate:"required,enum" title:"Objectif"`
	Actions       *int                    `json:"actions,omitzero" title:"Actions"`
	WorkingGroups *int                    `json:"workingGroups,omitzero" title:"Groupes de travail"`
}

var pillars = []struct {
	name string
	cats []clsm.MemberCategory
}{
	{"Élus", []clsm.MemberCategory{clsm.MemberPresident, clsm.MemberElectedOfficials}},
	{"Psychiatrie publique", []clsm.MemberCategory{clsm.MemberPublicPsychiatry}},
	{"Usagers", []clsm.MemberCategory{clsm.MemberUserAssociations, clsm.MemberPeopleConcerned}},
	{"Aidants", []clsm.MemberCategory{clsm.MemberCarerAssociations}},
}

var sectors = []struct {
	name string
	cats []clsm.MemberCategory
}{
	{"Élus et collectivités", []clsm.MemberCategory{clsm.MemberPresident, clsm.MemberElectedOfficials, clsm.MemberDepartmentalCouncil}},
	{"Santé", []clsm.MemberCategory{clsm.MemberPublicPsychiatry, clsm.MemberLiberalHealth, clsm.MemberHospital, clsm.MemberCPAM}},
	{"Usagers et aidants", []clsm.MemberCategory{clsm.MemberUserAssociations, clsm.MemberCarerAssociations, clsm.MemberPeopleConcerned, clsm.MemberInhabitants}},
	{"Social et médico-social", []clsm.MemberCategory{clsm.MemberSocialWorkers, clsm.MemberSocialInstitutions, clsm.MemberMedicoSocial, clsm.MemberMDPH}},
	{"Éducation, logement, culture, sport", []clsm.MemberCategory{clsm.MemberNationalEducation, clsm.MemberHousing, clsm.MemberCulture, clsm.MemberSport}},
	{"Justice, police, secours", []clsm.MemberCategory{clsm.MemberJustice, clsm.MemberPolice, clsm.MemberFirefighters}},
	{"État et ARS", []clsm.MemberCategory{clsm.MemberARS, clsm.MemberStateServices}},
	{"Coordination et dispositifs", []clsm.MemberCategory{clsm.MemberCoordinator, clsm.MemberASVCoordinator, clsm.MemberCLSCoordinator, clsm.MemberDesignatedByPlenary, clsm.MemberOther}},
}

func indicators(d *clsm.Dossier, at time.Time) Indicators {
	in := Indicators{
		CopilMeetings:   meetingsIn(d.Copil.Meetings, at),
		PlenaryMeetings: meetingsIn(d.Plenary.Meetings, at),
		ComplexCell:     d.Complex.Exists,
		ComplexHandled:  d.Complex.SituationsHandled,
		CLS:             d.Articulations.CLS,
		CityContract:    d.Articulations.CityContract,
		ASV:             d.Articulations.ASV,
		CoversQPV:       d.Territory.CoversQPV,
		CoordinatorFTE:  d.Coordinator.FTE,
		Funding:         append([]clsm.Funder{}, d.Coordinator.Funders...),
	}
	has := map[clsm.MemberCategory]int{}
	for _, m := range d.Copil.Members {
		has[m.Category]++
	}
	for _, p := range pillars {
		pl := Pillar{Pillar: p.name}
		if d.Copil.Members != nil {
			present := false
			for _, c := range p.cats {
				present = present || has[c] > 0
			}
			pl.Present = &present
		}
		in.FourQuarters = append(in.FourQuarters, pl)
	}
	in.PartnersBySector = []SectorCount{}
	for _, s := range sectors {
		n := 0
		for _, c := range s.cats {
			n += has[c]
		}
		in.PartnersBySector = append(in.PartnersBySector, SectorCount{Sector: s.name, Count: n})
	}
	for _, o := range clsm.StrategicObjective("").Options() {
		oc := ObjectiveCount{Objective: clsm.StrategicObjective(o.Value)}
		if d.ActionPlan.Actions != nil {
			n := 0
			for _, a := range d.ActionPlan.Actions {
				if slices.Contains(a.Objectives, oc.Objective) {
					n++
				}
			}
			if n > 0 || !slices.ContainsFunc(d.ActionPlan.Actions, func(a clsm.Action) bool { return a.Objectives == nil }) {
				oc.Actions = &n
			}
		}
		if d.WorkingGroups != nil {
			n := 0
			for _, g := range d.WorkingGroups {
				if slices.Contains(g.Objectives, oc.Objective) {
					n++
				}
			}
			if n > 0 || !slices.ContainsFunc(d.WorkingGroups, func(g clsm.WorkingGroup) bool { return g.Objectives == nil }) {
				oc.WorkingGroups = &n
			}
		}
		in.Objectives = append(in.Objectives, oc)
	}
	if d.ActionPlan.Actions != nil {
		n := 0
		for _, a := range d.ActionPlan.Actions {
			if a.QPV != nil && *a.QPV {
				n++
			}
		}
		// None counted while an action does not say: « non renseigné », not 0.
		if n > 0 || !slices.ContainsFunc(d.ActionPlan.Actions, func(a clsm.Action) bool { return a.QPV == nil }) {
			in.QPVActions = &n
		}
	}
	return in
}

func meetingsIn(dates []clsm.Date, at time.Time) *int {
	if dates == nil {
		return nil
	}
	from := at.AddDate(-1, 0, 0)
	n := 0
	for _, d := range dates {
		if t, ok := d.Time(); ok && t.After(from) && !t.After(at) {
			n++
		}
	}
	return &n
}
