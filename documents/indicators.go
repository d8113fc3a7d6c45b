package documents

import (
	"slices"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
)

// figure is one line of an indicator table: its label, its value and, for a
// count or a quantity, the number (to compute the change).
type figure struct {
	label string
	value Span
	num   *float64
}

func count(n int) (Span, *float64) {
	f := float64(n)
	return text(number(f)), &f
}

func num(p *int) (Span, *float64) {
	if p == nil {
		return unanswered, nil
	}
	return count(*p)
}

func yesNo(p *bool) Span {
	if p == nil {
		return unanswered
	}
	if *p {
		return text("oui")
	}
	return text("non")
}

func enum(e clsm.Enum, empty bool) Span {
	if empty {
		return unanswered
	}
	return text(e.Label())
}

func fig(label string, v Span) figure { return figure{label: label, value: v} }

func figN(label string, v Span, n *float64) figure { return figure{label: label, value: v, num: n} }

// meetings counts the meetings of the twelve months up to at; nil when the
// dates are not given.
func meetings(dates []clsm.Date, at time.Time) *int {
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

// counted counts the items of list for which has is true; nil when the
// list is not given, or when none is counted while an item does not say
// (unknown reports whether it does not): « non renseigné », never a 0 for
// a blank.
func counted[T any](list []T, has func(T) bool, unknown func(T) bool) *int {
	if list == nil {
		return nil
	}
	n := 0
	for _, x := range list {
		if has(x) {
			n++
		}
	}
	if n == 0 && slices.ContainsFunc(list, unknown) {
		return nil
	}
	return &n
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
	{"élus et collectivités", []clsm.MemberCategory{clsm.MemberPresident, clsm.MemberElectedOfficials, clsm.MemberDepartmentalCouncil}},
	{"santé", []clsm.MemberCategory{clsm.MemberPublicPsychiatry, clsm.MemberLiberalHealth, clsm.MemberHospital, clsm.MemberCPAM}},
	{"usagers et aidants", []clsm.MemberCategory{clsm.MemberUserAssociations, clsm.MemberCarerAssociations, clsm.MemberPeopleConcerned, clsm.MemberInhabitants}},
	{"social et médico-social", []clsm.MemberCategory{clsm.MemberSocialWorkers, clsm.MemberSocialInstitutions, clsm.MemberMedicoSocial, clsm.MemberMDPH}},
	{"éducation, logement, culture, sport", []clsm.MemberCategory{clsm.MemberNationalEducation, clsm.MemberHousing, clsm.MemberCulture, clsm.MemberSport}},
	{"justice, police, secours", []clsm.MemberCategory{clsm.MemberJustice, clsm.MemberPolice, clsm.MemberFirefighters}},
	{"État et ARS", []clsm.MemberCategory{clsm.MemberARS, clsm.MemberStateServices}},
	{"coordination et autres", []clsm.MemberCategory{clsm.MemberCoordinator, clsm.MemberASVCoordinator, clsm.MemberCLSCoordinator, clsm.MemberDesignatedByPlenary, clsm.MemberOther}},
}

func members(d *clsm.Dossier, cats []clsm.MemberCategory) *int {
	if d.Copil.Members == nil {
		return nil
	}
	n := 0
	for _, m := range d.Copil.Members {
		if slices.Contains(cats, m.Category) {
			n++
		}
	}
	return &n
}

// family computes the figures of one family of indicators. Its lines are
// the same for every dossier: a blank gives a line « non renseigné ».
func family(name string, d *clsm.Dossier, at time.Time) []figure {
	var fs []figure
	add := func(label string, v Span, n *float64) { fs = append(fs, figN(label, v, n)) }
	switch name {
	case labels.FamilyGovernance:
		v, n := num(meetings(d.Copil.Meetings, at))
		add("Réunions du comité de pilotage sur les douze derniers mois", v, n)
		v, n = num(meetings(d.Plenary.Meetings, at))
		add("Assemblées plénières sur les douze derniers mois", v, n)
		fs = append(fs,
			fig("Présidence du CLSM", enum(d.Governance.President.Role, d.Governance.President.Role == "")),
			fig("Co-animation par la psychiatrie publique", yesNo(d.Governance.PsychiatryCoLeads)),
			fig("Convention entre la collectivité et la psychiatrie de secteur", yesNo(d.Governance.Convention)))
		for _, p := range pillars {
			v := unanswered
			if n := members(d, p.cats); n != nil {
				v = yesNo(new(*n > 0))
			}
			fs = append(fs, fig("« Quart » représenté au comité de pilotage\u00a0: "+wellformed.LowerFirst(p.name), v))
		}
		fs = append(fs, fig("Bureau restreint", yesNo(d.Bureau.Exists)))
	case labels.FamilyPartnership:
		for _, s := range sectors {
			v, n := num(members(d, s.cats))
			add("Membres du comité de pilotage\u00a0: "+s.name, v, n)
		}
		v, n := num(lenOf(d.WorkingGroups))
		add("Groupes de travail", v, n)
		v, n = num(counted(d.WorkingGroups, func(g clsm.WorkingGroup) bool { return g.UsersParticipate != nil && *g.UsersParticipate },
			func(g clsm.WorkingGroup) bool { return g.UsersParticipate == nil }))
		add("Groupes de travail auxquels participent des personnes concernées", v, n)
		fs = append(fs, fig("Fonction de veille et d'alerte", yesNo(d.Diagnostic.WatchAndAlert)))
	case labels.FamilyObjectives:
		for _, o := range clsm.StrategicObjective("").Options() {
			obj := clsm.StrategicObjective(o.Value)
			v, n := num(counted(d.ActionPlan.Actions, func(a clsm.Action) bool { return slices.Contains(a.Objectives, obj) },
				func(a clsm.Action) bool { return a.Objectives == nil }))
			add(o.Label+"\u00a0: actions", v, n)
			v, n = num(counted(d.WorkingGroups, func(g clsm.WorkingGroup) bool { return slices.Contains(g.Objectives, obj) },
				func(g clsm.WorkingGroup) bool { return g.Objectives == nil }))
			add(o.Label+"\u00a0: groupes de travail", v, n)
		}
		v, n := num(counted(d.ActionPlan.Actions, func(a clsm.Action) bool { return a.Status == clsm.ActionDone },
			func(a clsm.Action) bool { return a.Status == "" }))
		add("Actions terminées", v, n)
	case labels.FamilyComplex:
		fs = append(fs,
			fig("Cellule de résolution des situations psychosociales complexes", yesNo(d.Complex.Exists)),
			fig("Règles déontologiques encadrant l'échange d'informations", yesNo(d.Complex.DeontologicalRules)),
			fig("Charte éthique adoptée", yesNo(d.Complex.EthicalCharter)),
			fig("Fréquence des réunions", enum(d.Complex.Frequency, d.Complex.Frequency == "")))
		v, n := num(d.Complex.SituationsHandled)
		add("Situations examinées ces douze derniers mois", v, n)
	case labels.FamilyCLS:
		fs = append(fs,
			fig("Articulation avec le contrat local de santé", enum(d.Articulations.CLS, d.Articulations.CLS == "")),
			fig("Coordination mutualisée avec celle du contrat local de santé", yesNo(d.Coordinator.MutualisedWithCLS)),
			fig("Coordonnateur dans l'équipe de pilotage du contrat local de santé", yesNo(d.Coordinator.InCLSSteeringTeam)))
	case labels.FamilyCityPolicy:
		fs = append(fs, fig("Quartiers prioritaires de la politique de la ville sur le territoire", yesNo(d.Territory.CoversQPV)))
		v, n := num(d.Territory.QPVCount)
		add("Nombre de quartiers prioritaires couverts", v, n)
		fs = append(fs,
			fig("Articulation avec le contrat de ville", enum(d.Articulations.CityContract, d.Articulations.CityContract == "")),
			fig("Articulation avec l'atelier santé ville", enum(d.Articulations.ASV, d.Articulations.ASV == "")))
		v, n = num(counted(d.ActionPlan.Actions, func(a clsm.Action) bool { return a.QPV != nil && *a.QPV },
			func(a clsm.Action) bool { return a.QPV == nil }))
		add("Actions visant spécifiquement un quartier prioritaire", v, n)
	case labels.FamilyCoordination:
		fs = append(fs, fig("Poste de coordination", yesNo(d.Coordinator.Exists)))
		v, n := unanswered, (*float64)(nil)
		if d.Coordinator.FTE != nil {
			v, n = text(number(*d.Coordinator.FTE)), d.Coordinator.FTE
		}
		add("Temps de coordination (équivalent temps plein)", v, n)
		fs = append(fs, fig("Employeur du coordonnateur", enum(d.Coordinator.Employer, d.Coordinator.Employer == "")))
		funders := unanswered
		if d.Coordinator.Funders != nil {
			var parts []string
			for _, f := range d.Coordinator.Funders {
				parts = append(parts, item(f))
			}
			funders = text(strings.Join(parts, " ; "))
			if len(parts) == 0 {
				funders = text("aucun")
			}
		}
		fs = append(fs, fig("Financeurs du poste", funders))
	}
	return fs
}

func lenOf[T any](list []T) *int {
	if list == nil {
		return nil
	}
	n := len(list)
	return &n
}

// familyCaption names a family of indicators in a table's caption.
func familyCaption(name string) string {
	switch name {
	case labels.FamilyGovernance:
		return "gouvernance"
	case labels.FamilyPartnership:
		return "partenariat"
	case labels.FamilyObjectives:
		return "action au regard des cinq objectifs stratégiques"
	case labels.FamilyComplex:
		return "situations psychosociales complexes"
	case labels.FamilyCLS:
		return "articulation avec le contrat local de santé"
	case labels.FamilyCityPolicy:
		return "articulation avec la politique de la ville"
	}
	return "coordination"
}

// familyTable is the table of one family of indicators: this year's values,
// and, with a baseline, last year's and the change. A blank in either year
// stays a blank, and so does the change.
func familyTable(name string, d *clsm.Dossier, at time.Time, prev *clsm.Dossier, prevAt time.Time) *Table {
	cur := family(name, d, at)
	t := &Table{Caption: "Indicateurs\u00a0: " + familyCaption(name), Rows: [][]Span{}}
	if prev == nil {
		t.Header = []string{"Indicateur", "Valeur au " + clsm.DateOf(at).French()}
		for _, f := range cur {
			t.Rows = append(t.Rows, []Span{text(f.label), f.value})
		}
		return t
	}
	old := family(name, prev, prevAt)
	t.Header = []string{"Indicateur", "Année précédente (au " + clsm.DateOf(prevAt).French() + ")", "Cette année (au " + clsm.DateOf(at).French() + ")", "Évolution"}
	for i, f := range cur {
		o := old[i]
		t.Rows = append(t.Rows, []Span{text(f.label), o.value, f.value, change(o, f)})
	}
	return t
}

// change is the change from last year's figure to this year's: a signed
// difference for numbers, « inchangé » or « modifié » otherwise, and a blank
// when either year is blank.
func change(old, cur figure) Span {
	if old.value.IsBlank() || cur.value.IsBlank() {
		return unanswered
	}
	if old.num != nil && cur.num != nil {
		diff := *cur.num - *old.num
		switch {
		case diff > 0:
			return text("+" + number(diff))
		case diff < 0:
			return text("−" + number(-diff))
		}
		return text("inchangé")
	}
	if old.value.Text == cur.value.Text {
		return text("inchangé")
	}
	return text("modifié")
}
