package labels

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/answers"
	"github.com/clsmkit/go-clsm/internal/model"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// Catalogue returns every check, sorted by ID. The checks are shared: do not
// modify them.
func Catalogue() []*Check {
	out := make([]*Check, 0, len(catalogue))
	for _, c := range catalogue {
		out = append(out, c)
	}
	// The IDs are unique: a stable sort gives the same order, with the code
	// the built-in referentials' sort already brings into the browser
	// checker (sort.Slice would bring its own).
	slices.SortStableFunc(out, func(a, b *Check) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// LookupCheck returns the check with the given ID.
func LookupCheck(id string) (*Check, bool) {
	c, ok := catalogue[id]
	return c, ok
}

var catalogue = func() map[string]*Check {
	m := map[string]*Check{}
	for _, c := range []*Check{
		answerYes, answerAnyYes, listIncludes, listMinCount, dateWithin,
		electedPresident, electedChairsBodies, membersInclude, meetingsCount,
		threeLevels, themeAddressed, objectiveCovered, domainCovered,
		coordinatorPresent, coordinatorTraining, coordinatorRecruitment, arsShare,
		articulation, territoryDefined,
	} {
		m[c.ID] = c
	}
	return m
}()

// --- generic checks --------------------------------------------------------

var answerYes = checkOf[*answerYesParams]{
	ID:    "answer.yes",
	Title: "Réponse « oui »",
	Axis:  AxisOrganisation,
	reads: func(p *answerYesParams) []string { return p.Paths },
	eval: func(in input, p *answerYesParams, paths []string) Result {
		var no, missing []string
		for _, path := range paths {
			v, ok, _ := answers.ValueAt(in.d, path)
			switch {
			case !ok:
				missing = append(missing, path)
			case !v.Elem().Bool():
				no = append(no, path)
			}
		}
		if len(no) > 0 || len(missing) > 0 {
			return notMet(paths, no, missing, "Réponse « non »")
		}
		return Result{Outcome: Met, Paths: paths, Detail: "Réponse « oui » " + toQuestions(paths) + "."}
	},
}.check()

var answerAnyYes = checkOf[*answerAnyYesParams]{
	ID:    "answer.any-yes",
	Title: "Une réponse « oui » parmi plusieurs",
	Axis:  AxisOrganisation,
	reads: func(p *answerAnyYesParams) []string { return p.Paths },
	eval: func(in input, _ *answerAnyYesParams, paths []string) Result {
		var missing []string
		for _, path := range paths {
			v, ok, _ := answers.ValueAt(in.d, path)
			switch {
			case !ok:
				missing = append(missing, path)
			case v.Elem().Bool():
				return Result{Outcome: Met, Paths: paths, Detail: "Réponse « oui » " + toQuestions([]string{path}) + "."}
			}
		}
		if len(missing) > 0 {
			return unanswered(paths, missing)
		}
		return Result{Outcome: Unmet, Paths: paths, Detail: "Réponse « non » " + toQuestions(paths) + "."}
	},
}.check()

// listOptions are the options of the items of the list at path, as the
// model describes them; nil when they are not values to choose.
func listOptions(path string) []clsm.Option {
	f, err := answers.FieldAt(path)
	if err != nil || f.Item == nil {
		return nil
	}
	opts, _ := model.EnumOptions(f.Item.Type)
	if opts == nil {
		return nil
	}
	out := make([]clsm.Option, len(opts))
	for i, o := range opts {
		out[i] = clsm.Option(o)
	}
	return out
}

var listIncludes = checkOf[*listIncludesParams]{
	ID:    "list.includes",
	Title: "Liste complète",
	Axis:  AxisEvaluation,
	reads: func(p *listIncludesParams) []string { return []string{p.Path} },
	validate: func(p *listIncludesParams) error {
		opts := listOptions(p.Path)
		if opts == nil {
			return fmt.Errorf("« %s » n'est pas une liste de valeurs à choisir", p.Path)
		}
		spec := ParamSpec{Kind: ParamStrings, Options: opts}
		for _, v := range p.Values {
			if err := spec.checkValue(v); err != nil {
				return err
			}
		}
		return nil
	},
	eval: func(in input, p *listIncludesParams, paths []string) Result {
		path := p.Path
		v, ok, _ := answers.ValueAt(in.d, path)
		if !ok {
			return unanswered([]string{path}, []string{path})
		}
		have := map[string]bool{}
		var label func(string) string
		for i := 0; i < v.Len(); i++ {
			have[v.Index(i).String()] = true
		}
		if opts := listOptions(path); opts != nil {
			label = func(s string) string { return optionLabel(opts, s) }
		}
		var lacking []string
		for _, want := range p.Values {
			if !anyOf(want, func(s string) bool { return have[s] }) {
				lacking = append(lacking, alternatives(want, label))
			}
		}
		if len(lacking) > 0 {
			return Result{Outcome: Unmet, Paths: paths, Detail: "Il manque " + strings.Join(lacking, " ; ") + "."}
		}
		return Result{Outcome: Met, Paths: paths, Detail: "Toutes les valeurs demandées sont présentes."}
	},
}.check()

var listMinCount = checkOf[*listMinCountParams]{
	ID:    "list.min-count",
	Title: "Nombre minimal d'éléments",
	Axis:  AxisOrganisation,
	reads: func(p *listMinCountParams) []string { return []string{p.Path} },
	eval: func(in input, p *listMinCountParams, paths []string) Result {
		path := p.Path
		v, ok, _ := answers.ValueAt(in.d, path)
		if !ok {
			return unanswered([]string{path}, []string{path})
		}
		n, min := v.Len(), p.Min
		detail := fmt.Sprintf("%s %s, pour %s au moins.", wellformed.UpperFirst(count(n, "élément indiqué", "éléments indiqués")), toQuestions([]string{path}), count(min, "demandé", "demandés"))
		if n < min {
			return Result{Outcome: Unmet, Paths: paths, Detail: detail}
		}
		return Result{Outcome: Met, Paths: paths, Detail: detail}
	},
}.check()

var dateWithin = checkOf[*dateWithinParams]{
	ID:    "date.within",
	Title: "Date récente",
	Axis:  AxisEvaluation,
	reads: func(p *dateWithinParams) []string { return []string{p.Path, "/createdOn"} },
	eval: func(in input, p *dateWithinParams, paths []string) Result {
		path, n := p.Path, p.Months
		v, ok, _ := answers.ValueAt(in.d, path)
		if !ok {
			return unanswered(paths[:1], []string{path})
		}
		if clsm.Date(v.String()).IsNever() {
			return shortOfPeriod(in, n, paths, "Réponse « jamais » "+toQuestions([]string{path})+".", false)
		}
		// A date says enough by itself: the creation date is not involved.
		paths = paths[:1]
		day, _ := clsm.Date(v.String()).Time()
		limit := in.at.AddDate(0, -n, 0)
		switch {
		case day.After(in.at):
			return Result{Outcome: Unmet, Paths: paths, Detail: "La date indiquée (" + frDate(day) + ") est postérieure à la date d'évaluation (" + frDate(in.at) + ") ; corrigez-la."}
		case day.Before(limit):
			return Result{Outcome: Unmet, Paths: paths, Detail: "La date indiquée, le " + frDate(day) + ", précède de plus de " + months(n) + " la date d'évaluation (" + frDate(in.at) + ")."}
		}
		return Result{Outcome: Met, Paths: paths, Detail: "La date indiquée, le " + frDate(day) + ", précède de " + months(n) + " au plus la date d'évaluation (" + frDate(in.at) + ")."}
	},
}.check()

// calendarState is what the CLSM's creation date says of a periodic rule at
// the evaluation date.
type calendarState int

const (
	calendarUnknown     calendarState = iota // no creation date
	calendarContradicts                      // a creation date after the evaluation date
	calendarYoung                            // created less than one period before the evaluation date
	calendarOld                              // created one period or more before it
)

// calendar is the CLSM's own calendar for a rule of a period of some months:
// when it was created and from when the rule is due.
type calendar struct {
	state        calendarState
	created, due time.Time
	at           time.Time
}

// calendarOf reads the creation date against the evaluation date for a
// period of the given months. A periodic obligation is due one period after
// the creation: a bilan « annuel » is owed once the CLSM has lived a year.
// A creation date after the evaluation date proves nothing: it is a
// contradiction the report names, never evidence.
func calendarOf(in input, months int) calendar {
	c := calendar{at: in.at}
	created, ok := in.d.CreatedOn.Time()
	switch {
	case !ok:
		return c
	case created.After(in.at):
		c.state, c.created = calendarContradicts, created
		return c
	}
	c.created, c.due = created, created.AddDate(0, months, 0)
	c.state = calendarOld
	if in.at.Before(c.due) {
		c.state = calendarYoung
	}
	return c
}

// shortOfPeriod is the result of a periodic rule of n months whose
// requirement is not, or not yet, satisfied (detail says how): not yet due
// while the CLSM is younger than the period, unmet once it is older or when
// other evidence (old) shows the period is over, unknown when the creation
// date that would tell is missing or contradicts the evaluation date.
func shortOfPeriod(in input, n int, paths []string, detail string, old bool) Result {
	cal := calendarOf(in, n)
	switch {
	case cal.state == calendarYoung:
		return Result{Outcome: NotDue, Paths: paths, DueOn: clsm.DateOf(cal.due), Detail: detail + " Créé le " + frDate(cal.created) + ", le CLSM n'y est tenu qu'à partir du " + frDate(cal.due) + ", " + months(n) + " après sa création."}
	case cal.state == calendarOld:
		return Result{Outcome: Unmet, Paths: paths, Detail: detail + " Le CLSM a été créé le " + frDate(cal.created) + ", plus de " + months(n) + " avant la date d'évaluation (" + frDate(in.at) + ")."}
	case cal.state == calendarUnknown && old:
		return Result{Outcome: Unmet, Paths: paths, Detail: detail}
	}
	return Result{Outcome: Unknown, Paths: paths, Missing: []string{"/createdOn"}, Detail: detail + " " + cal.unknown(n)}
}

// unknown says why the calendar cannot tell whether a rule of the given
// period is due: the creation date is missing or contradicts the
// evaluation date.
func (c calendar) unknown(n int) string {
	if c.state == calendarContradicts {
		return "La date de création du CLSM (" + frDate(c.created) + ") est postérieure à la date d'évaluation (" + frDate(c.at) + ") ; corrigez l'une des deux pour savoir si l'échéance, " + months(n) + " après la création, est passée."
	}
	return "Sans la date de création du CLSM, on ne sait pas si l'échéance, " + months(n) + " après la création, est passée."
}

// --- governance and bodies ------------------------------------------------

func electedRole(r clsm.PresidentRole) bool {
	return r == clsm.PresidentMayor || r == clsm.PresidentGroupementElected || r == clsm.PresidentDelegateElected
}

var electedPresident = checkOf[*noParams]{
	ID:    "governance.elected-president",
	Title: "Présidence par un élu",
	Axis:  AxisGovernance,
	reads: fixedReads[*noParams]("/governance/president/role"),
	eval: func(in input, _ *noParams, paths []string) Result {
		role := in.d.Governance.President.Role
		switch {
		case role == "":
			return Result{Outcome: Unknown, Paths: paths, Missing: paths, Detail: "La présidence du CLSM n'est pas renseignée."}
		case electedRole(role):
			return Result{Outcome: Met, Paths: paths, Detail: "Le CLSM est présidé par " + wellformed.LowerFirst(role.Label()) + "."}
		}
		return Result{Outcome: Unmet, Paths: paths, Detail: "Le CLSM est présidé par " + wellformed.LowerFirst(role.Label()) + "."}
	},
}.check()

var electedChairsBodies = checkOf[*noParams]{
	ID:    "governance.elected-chairs-bodies",
	Title: "Élu président de l'assemblée plénière et du comité de pilotage",
	Axis:  AxisGovernance,
	reads: fixedReads[*noParams]("/governance/president/role", "/copil/exists", "/copil/chairedByPresident", "/plenary/exists", "/plenary/chairedByPresident"),
	eval: func(in input, _ *noParams, paths []string) Result {
		var no, missing []string
		switch role := in.d.Governance.President.Role; {
		case role == "":
			missing = append(missing, paths[0])
		case !electedRole(role):
			no = append(no, paths[0])
		}
		bodies := []struct {
			exists, chaired *bool
			at              int
		}{{in.d.Copil.Exists, in.d.Copil.ChairedByPresident, 1}, {in.d.Plenary.Exists, in.d.Plenary.ChairedByPresident, 3}}
		for _, b := range bodies {
			switch {
			case b.exists != nil && !*b.exists:
				no = append(no, paths[b.at]) // not constituted: nobody chairs it
			case b.chaired == nil:
				missing = append(missing, paths[b.at+1])
			case !*b.chaired:
				no = append(no, paths[b.at+1])
			}
		}
		if len(no) > 0 || len(missing) > 0 {
			return notMet(paths, no, missing, "Condition non remplie, vu la réponse")
		}
		return Result{Outcome: Met, Paths: paths, Detail: "Un élu préside le CLSM, son comité de pilotage et son assemblée plénière."}
	},
}.check()

// impossible is the result of a check given a parameter value outside its
// options, which reading the referential refuses: a fault of this package,
// never of the dossier. It is « non renseigné », so that no verdict rests on
// it, and says so in French.
func impossible(check, param, value string) Result {
	return Result{Outcome: Unknown, Detail: fmt.Sprintf(
		"Erreur interne : la vérification « %s » a reçu « %s » pour le paramètre « %s », qu'elle ne connaît pas. Merci de signaler ce problème avec le référentiel utilisé.",
		check, value, param)}
}

// bodyOptions are the options of memberBody: its Options method writes
// them, so that describing a check's parameters at initialisation never
// reads a list not yet initialised.
var bodyOptions = memberBody("").Options()

// Options lists the bodies whose members a rule may list.
func (memberBody) Options() []clsm.Option {
	return []clsm.Option{
		{Value: "copil", Label: "Comité de pilotage"},
		{Value: "bureau", Label: "Bureau restreint"},
	}
}

var membersInclude = checkOf[*membersIncludeParams]{
	ID:    "members.include",
	Title: "Composition d'une instance",
	Axis:  AxisPartnership,
	reads: func(p *membersIncludeParams) []string {
		return []string{"/" + string(p.Body) + "/exists", "/" + string(p.Body) + "/members"}
	},
	eval: func(in input, p *membersIncludeParams, paths []string) Result {
		body := string(p.Body)
		var exists *bool
		var cats []clsm.MemberCategory
		var known bool
		switch body {
		case "bureau":
			exists, cats, known = in.d.Bureau.Exists, in.d.Bureau.Members, in.d.Bureau.Members != nil
		case "copil":
			exists, known = in.d.Copil.Exists, in.d.Copil.Members != nil
			for _, m := range in.d.Copil.Members {
				cats = append(cats, m.Category)
			}
		default:
			return impossible("members.include", "body", body)
		}
		name := bodyNames[body]
		if exists != nil && !*exists {
			return Result{Outcome: Unmet, Paths: paths, Detail: name.notConstituted()}
		}
		if !known {
			if exists == nil {
				return Result{Outcome: Unknown, Paths: paths, Missing: paths[:1], Detail: name.unknownIfConstituted()}
			}
			return Result{Outcome: Unknown, Paths: paths, Missing: paths[1:], Detail: "La composition " + name.of + " n'est pas renseignée."}
		}
		have := map[string]bool{}
		for _, c := range cats {
			have[string(c)] = true
		}
		var lacking []string
		for _, want := range p.Categories {
			if !anyOf(string(want), func(s string) bool { return have[s] }) {
				lacking = append(lacking, alternatives(string(want), func(s string) string { return clsm.MemberCategory(s).Label() }))
			}
		}
		if len(lacking) > 0 {
			return Result{Outcome: Unmet, Paths: paths, Detail: fmt.Sprintf("Il manque %s %s %s.", name.to, map[bool]string{true: "la catégorie", false: "les catégories"}[len(lacking) == 1], strings.Join(lacking, " ; "))}
		}
		return Result{Outcome: Met, Paths: paths, Detail: "Toutes les catégories demandées sont représentées " + name.to + "."}
	},
}.check()

// meetingBodies are the options of meetingBody (see bodyOptions).
var meetingBodies = meetingBody("").Options()

// Options lists the bodies whose meetings a rule may count.
func (meetingBody) Options() []clsm.Option {
	return []clsm.Option{
		{Value: "copil", Label: "Comité de pilotage"},
		{Value: "plenary", Label: "Assemblée plénière"},
		{Value: "technicalCommittee", Label: "Comité technique"},
	}
}

// bodyOf names a body in « 3 réunions du comité de pilotage ».
func bodyOf(body string) string {
	switch body {
	case "plenary":
		return "de l'assemblée plénière"
	case "technicalCommittee":
		return "du comité technique"
	}
	return "du comité de pilotage"
}

// bodyAbsent says that a body is not constituted, or (known false) that
// nobody said whether it is.
func bodyAbsent(body string, known bool) string {
	the, constituted := "le comité de pilotage", "constitué"
	switch body {
	case "plenary":
		the, constituted = "l'assemblée plénière", "constituée"
	case "technicalCommittee":
		the = "le comité technique"
	}
	if !known {
		return "On ne sait pas si " + the + " est " + constituted + "."
	}
	return wellformed.UpperFirst(the) + " n'est pas " + constituted + "."
}

var meetingsCount = checkOf[*meetingsCountParams]{
	ID:    "meetings.count",
	Title: "Réunions d'une instance dans l'année",
	Axis:  AxisGovernance,
	reads: func(p *meetingsCountParams) []string {
		return []string{"/" + string(p.Body) + "/exists", "/" + string(p.Body) + "/meetings", "/createdOn"}
	},
	eval: func(in input, p *meetingsCountParams, paths []string) Result {
		body := string(p.Body)
		var exists *bool
		var dates []clsm.Date
		switch body {
		case "plenary":
			exists, dates = in.d.Plenary.Exists, in.d.Plenary.Meetings
		case "technicalCommittee":
			exists, dates = in.d.Technical.Exists, in.d.Technical.Meetings
		case "copil":
			exists, dates = in.d.Copil.Exists, in.d.Copil.Meetings
		default:
			return impossible("meetings.count", "body", body)
		}
		if exists != nil && !*exists {
			return Result{Outcome: Unmet, Paths: paths[:2], Detail: bodyAbsent(body, true)}
		}
		if dates == nil {
			if exists == nil {
				return Result{Outcome: Unknown, Paths: paths[:2], Missing: paths[:1], Detail: bodyAbsent(body, false)}
			}
			return Result{Outcome: Unknown, Paths: paths[:2], Missing: paths[1:2], Detail: "Les dates des réunions " + bodyOf(body) + " ne sont pas indiquées."}
		}
		n, min := p.Months, p.Min
		cal := calendarOf(in, n)
		from := in.at.AddDate(0, -n, 0)
		counted, oldest := 0, time.Time{}
		var beforeCreation []string
		for _, d := range dates {
			t, ok := d.Time()
			switch {
			case !ok || t.After(in.at):
				continue
			case cal.state != calendarUnknown && t.Before(cal.created):
				beforeCreation = append(beforeCreation, frDate(t))
				continue
			}
			if oldest.IsZero() || t.Before(oldest) {
				oldest = t
			}
			if t.After(from) {
				counted++
			}
		}
		detail := wellformed.UpperFirst(count(counted, "réunion", "réunions")) + " " + bodyOf(body) + " entre le " + frDate(from.AddDate(0, 0, 1)) + " et le " + frDate(in.at) + ", pour " + strconv.Itoa(min) + " au moins."
		if len(beforeCreation) > 0 {
			if len(beforeCreation) == 1 {
				detail += " La réunion du " + beforeCreation[0] + ", antérieure à la création du CLSM (" + frDate(cal.created) + "), n'est pas comptée ; corrigez l'une des deux dates."
			} else {
				detail += " Les réunions des " + strings.Join(beforeCreation, ", ") + ", antérieures à la création du CLSM (" + frDate(cal.created) + "), ne sont pas comptées ; corrigez les dates en cause."
			}
		}
		switch {
		case counted >= min && len(beforeCreation) == 0:
			return Result{Outcome: Met, Paths: paths[:2], Detail: detail}
		case counted >= min:
			return Result{Outcome: Met, Paths: paths, Detail: detail}
		}
		// A meeting before the period shows that the body existed all
		// through it, creation date or not.
		return shortOfPeriod(in, n, paths, detail, !oldest.IsZero() && !oldest.After(from))
	},
}.check()

var threeLevels = checkOf[*noParams]{
	ID:    "bodies.three-levels",
	Title: "Fonctionnement en trois niveaux",
	Axis:  AxisGovernance,
	reads: fixedReads[*noParams]("/copil/exists", "/plenary/exists", "/workingGroups"),
	eval: func(in input, _ *noParams, paths []string) Result {
		var no, missing []string
		for i, b := range []*bool{in.d.Copil.Exists, in.d.Plenary.Exists} {
			switch {
			case b == nil:
				missing = append(missing, paths[i])
			case !*b:
				no = append(no, paths[i])
			}
		}
		switch {
		case in.d.WorkingGroups == nil:
			missing = append(missing, paths[2])
		case len(in.d.WorkingGroups) == 0:
			no = append(no, paths[2])
		}
		if len(no) > 0 || len(missing) > 0 {
			return notMet(paths, no, missing, "Il manque un niveau, vu la réponse")
		}
		return Result{Outcome: Met, Paths: paths, Detail: fmt.Sprintf("Comité de pilotage, assemblée plénière et %s.", count(len(in.d.WorkingGroups), "groupe de travail", "groupes de travail"))}
	},
}.check()

// --- action plan ----------------------------------------------------------

// coverage finds whether the working groups or the actions hold a value.
// blankGroup and blankAction report whether a group or an action leaves the
// looked-at answer blank (nil: the answer is never blank, as a group's
// theme): a value found anywhere decides « respecté »; « non respecté » needs
// every group and action to have answered without it.
func coverage(in input, inGroup, blankGroup func(clsm.WorkingGroup) bool, inAction, blankAction func(clsm.Action) bool, what string, paths []string) Result {
	if in.d.WorkingGroups == nil && in.d.ActionPlan.Actions == nil {
		return Result{Outcome: Unknown, Paths: paths, Missing: paths, Detail: "Ni les groupes de travail ni les actions ne sont renseignés."}
	}
	var where, blank []string
	blanks := 0
	for _, g := range in.d.WorkingGroups {
		switch {
		case inGroup != nil && inGroup(g):
			where = append(where, "le groupe « "+firstNonEmpty(g.Name, g.Theme.Label())+" »")
		case blankGroup != nil && blankGroup(g):
			if blanks++; !slices.Contains(blank, "/workingGroups") {
				blank = append(blank, "/workingGroups")
			}
		}
	}
	for _, a := range in.d.ActionPlan.Actions {
		switch {
		case inAction(a):
			where = append(where, "l'action « "+a.Title+" »")
		case blankAction != nil && blankAction(a):
			if blanks++; !slices.Contains(blank, "/actionPlan/actions") {
				blank = append(blank, "/actionPlan/actions")
			}
		}
	}
	// A list left blank may hold the value too: no « non » without it.
	if inGroup != nil && in.d.WorkingGroups == nil {
		blank = append(blank, "/workingGroups")
	}
	if in.d.ActionPlan.Actions == nil {
		blank = append(blank, "/actionPlan/actions")
	}
	switch {
	case len(where) > 3:
		where = append(where[:3], count(len(where)-3, "autre", "autres"))
	case len(where) == 0 && len(blank) > 0 && blanks == 0:
		return Result{Outcome: Unknown, Paths: paths, Missing: blank, Detail: fmt.Sprintf("Aucun élément renseigné ne porte sur « %s », et %s.", what, unansweredLists(blank))}
	case len(where) == 0 && len(blank) > 0:
		return Result{Outcome: Unknown, Paths: paths, Missing: blank, Detail: fmt.Sprintf("Pour %s, la réponse manque ; aucun des autres ne porte sur « %s ».", count(blanks, "groupe de travail ou action", "groupes de travail ou actions"), what)}
	case len(where) == 0:
		return Result{Outcome: Unmet, Paths: paths, Detail: noneCovers(in, inGroup != nil, what)}
	}
	return Result{Outcome: Met, Paths: paths, Detail: fmt.Sprintf("« %s » figure dans %s.", what, joinFrench(where))}
}

func count(n int, singular, plural string) string { return clsm.FrenchCount(n, singular, plural) }

// noneCovers says that nothing listed covers what, without saying that no
// working group or no action exists (the dossier may list some). groups
// says whether the working groups count.
func noneCovers(in input, groups bool, what string) string {
	if !groups {
		return "Aucune des actions indiquées ne porte sur « " + what + " »."
	}
	return "Ni les groupes de travail ni les actions indiqués ne portent sur « " + what + " »."
}

func unansweredLists(paths []string) string {
	var parts []string
	for _, p := range paths {
		switch p {
		case "/workingGroups":
			parts = append(parts, "les groupes de travail ne sont pas renseignés")
		case "/actionPlan/actions":
			parts = append(parts, "les actions ne sont pas renseignées")
		}
	}
	return strings.Join(parts, " et ")
}

// months writes a number of months: "12 mois", "1 mois".
func months(n int) string { return strconv.Itoa(n) + "\u00a0mois" }

var themeAddressed = checkOf[*themeParams]{
	ID:    "theme.addressed",
	Title: "Thème travaillé",
	Axis:  AxisPartnership,
	reads: fixedReads[*themeParams]("/workingGroups", "/actionPlan/actions"),
	eval: func(in input, p *themeParams, paths []string) Result {
		t := p.Theme
		return coverage(in,
			func(g clsm.WorkingGroup) bool { return g.Theme == t }, nil,
			func(a clsm.Action) bool { return slices.Contains(a.Themes, t) },
			func(a clsm.Action) bool { return a.Themes == nil },
			t.Label(), paths)
	},
}.check()

// objectiveOfTheme is the strategic objective a working group of the theme
// serves by its theme alone, as the cahier des charges des CLSM de l'ARS
// Île-de-France words it: housing is the first partnership of « l'inclusion
// sociale » (§9.4), the objective « Favoriser l'inclusion sociale » of §3.1.
func objectiveOfTheme(t clsm.Theme) clsm.StrategicObjective {
	if themeDomain(t) == clsm.DomainInclusion {
		return clsm.ObjectiveInclusion
	}
	return ""
}

var objectiveCovered = checkOf[*objectiveParams]{
	ID:    "objective.covered",
	Title: "Objectif stratégique servi",
	Axis:  AxisObservation,
	reads: fixedReads[*objectiveParams]("/workingGroups", "/actionPlan/actions"),
	eval: func(in input, p *objectiveParams, paths []string) Result {
		o := p.Objective
		return coverage(in,
			func(g clsm.WorkingGroup) bool {
				return slices.Contains(g.Objectives, o) || objectiveOfTheme(g.Theme) == o
			},
			func(g clsm.WorkingGroup) bool { return g.Objectives == nil },
			func(a clsm.Action) bool { return slices.Contains(a.Objectives, o) },
			func(a clsm.Action) bool { return a.Objectives == nil },
			o.Label(), paths)
	},
}.check()

// objectiveDomains pairs the strategic objectives of the cahier des charges
// des CLSM de l'ARS Île-de-France (§3.1) with the priority actions of its §9
// that restate them: the §9 headings 9.1 to 9.5 repeat the five objectives.
var objectiveDomains = [...]struct {
	o clsm.StrategicObjective
	d clsm.PriorityDomain
}{
	{clsm.ObjectiveObservation, clsm.DomainObservation},
	{clsm.ObjectiveAccess, clsm.DomainPreventionAccess},
	{clsm.ObjectivePromotion, clsm.DomainEducationPromotion},
	{clsm.ObjectiveInclusion, clsm.DomainInclusion},
	{clsm.ObjectiveDestigmatisation, clsm.DomainDestigmatisation},
}

// themeDomain is the §9 section of the cahier des charges des CLSM de l'ARS
// Île-de-France that names a working-group theme itself: §9.4 « Le CLSM met
// en place et coordonne les partenariats visant à faciliter l'accès et le
// maintien dans le logement ».
func themeDomain(t clsm.Theme) clsm.PriorityDomain {
	if t == clsm.ThemeHousing {
		return clsm.DomainInclusion
	}
	return ""
}

// groupCovers reports whether a working group works on a §9 domain, and
// whether the answer that would say so is blank. A group counts through the
// objectives it serves (§3.1 and §9 name the same five), through a theme a §9
// section names (§9.4: housing), and for §9.7 through the participation of
// the people concerned, which the text places « dans les différents groupes
// de travail ». No group answer says §9.6 (support tools): there only
// actions count.
func groupCovers(g clsm.WorkingGroup, dom clsm.PriorityDomain) (covers, blank bool) {
	switch {
	case themeDomain(g.Theme) == dom:
		return true, false
	case dom == clsm.DomainParticipation:
		return g.UsersParticipate != nil && *g.UsersParticipate, g.UsersParticipate == nil
	case dom == clsm.DomainSupportTools:
		return false, false
	}
	for _, od := range objectiveDomains {
		if od.d == dom && slices.Contains(g.Objectives, od.o) {
			return true, false
		}
	}
	return false, g.Objectives == nil
}

// groupsCount reports whether any working-group answer can say that a group
// works on the domain.
func groupsCount(dom clsm.PriorityDomain) bool { return dom != clsm.DomainSupportTools }

var domainCovered = checkOf[*domainParams]{
	ID:    "domain.covered",
	Title: "Domaine d'action prioritaire couvert",
	Axis:  AxisOrganisation,
	reads: func(p *domainParams) []string {
		if !groupsCount(p.Domain) {
			return []string{"/actionPlan/actions"}
		}
		return []string{"/workingGroups", "/actionPlan/actions"}
	},
	eval: func(in input, p *domainParams, paths []string) Result {
		dom := p.Domain
		inAction := func(a clsm.Action) bool { return slices.Contains(a.Domains, dom) }
		blankAction := func(a clsm.Action) bool { return a.Domains == nil }
		if !groupsCount(dom) {
			if in.d.ActionPlan.Actions == nil {
				return Result{Outcome: Unknown, Paths: paths, Missing: paths, Detail: "Les actions ne sont pas renseignées."}
			}
			return coverage(input{d: &clsm.Dossier{ActionPlan: in.d.ActionPlan}, at: in.at}, nil, nil, inAction, blankAction, dom.Label(), paths)
		}
		return coverage(in,
			func(g clsm.WorkingGroup) bool { c, _ := groupCovers(g, dom); return c },
			func(g clsm.WorkingGroup) bool { _, b := groupCovers(g, dom); return b },
			inAction, blankAction, dom.Label(), paths)
	},
}.check()

// --- coordinator ----------------------------------------------------------

var coordinatorPresent = checkOf[*coordinatorPresentParams]{
	ID:    "coordinator.present",
	Title: "Poste de coordination",
	Axis:  AxisOrganisation,
	reads: fixedReads[*coordinatorPresentParams]("/coordinator/exists", "/coordinator/fte"),
	eval: func(in input, p *coordinatorPresentParams, paths []string) Result {
		c := in.d.Coordinator
		if c.Exists != nil && !*c.Exists {
			return Result{Outcome: Unmet, Paths: paths, Detail: "Le CLSM n'a pas de poste de coordonnateur."}
		}
		min := p.MinFTE
		if c.FTE == nil {
			if c.Exists == nil {
				return Result{Outcome: Unknown, Paths: paths, Missing: paths, Detail: "Le poste de coordination n'est pas renseigné."}
			}
			if min > 0 {
				return Result{Outcome: Unknown, Paths: paths, Missing: paths[1:], Detail: "Le temps de travail du coordonnateur n'est pas indiqué."}
			}
			return Result{Outcome: Met, Paths: paths, Detail: "Le CLSM dispose d'un poste de coordonnateur."}
		}
		detail := fmt.Sprintf("Coordonnateur à %s ETP", clsm.FrenchNumber(*c.FTE))
		if *c.FTE < min {
			return Result{Outcome: Unmet, Paths: paths, Detail: fmt.Sprintf("%s, pour %s ETP demandé.", detail, clsm.FrenchNumber(min))}
		}
		return Result{Outcome: Met, Paths: paths, Detail: detail + "."}
	},
}.check()

var coordinatorTraining = checkOf[*trainingParams]{
	ID:    "coordinator.training",
	Title: "Compétences et formation du coordonnateur",
	Axis:  AxisOrganisation,
	reads: fixedReads[*trainingParams]("/coordinator/meetsCompetencies", "/coordinator/trainingNeeded", "/coordinator/startedOn", "/coordinator/trainingStartedOn"),
	eval: func(in input, p *trainingParams, paths []string) Result {
		c := in.d.Coordinator
		if c.MeetsCompetencies != nil && *c.MeetsCompetencies {
			return Result{Outcome: Met, Paths: paths, Detail: "Le coordonnateur répond au référentiel de compétences."}
		}
		if c.TrainingNeeded == nil {
			missing := paths[1:2]
			if c.MeetsCompetencies == nil {
				missing = paths[:2]
			}
			return Result{Outcome: Unknown, Paths: paths, Missing: missing, Detail: "On ne sait pas si le coordonnateur répond au référentiel ni si une formation est nécessaire."}
		}
		if !*c.TrainingNeeded {
			return Result{Outcome: Met, Paths: paths, Detail: "Aucune formation qualifiante n'est nécessaire."}
		}
		start, ok := c.StartedOn.Time()
		if !ok {
			return Result{Outcome: Unknown, Paths: paths, Missing: paths[2:3], Detail: "La date de prise de poste n'est pas indiquée : le délai de formation ne peut pas être calculé."}
		}
		deadline := start.AddDate(p.Years, 0, 0)
		// A "no" needs answers, never blanks: the coordinator does not meet
		// the competencies, and the training was engaged late or never.
		unmet := func(detail string) Result {
			if c.MeetsCompetencies == nil {
				return Result{Outcome: Unknown, Paths: paths, Missing: paths[:1], Detail: detail + " Indiquez si le coordonnateur répond déjà au référentiel de compétences."}
			}
			return Result{Outcome: Unmet, Paths: paths, Detail: detail}
		}
		t, started := c.TrainingStartedOn.Time()
		later := ""
		if started && t.After(in.at) {
			later = "La formation est datée du " + frDate(t) + ", après la date d'évaluation (" + frDate(in.at) + "). "
		}
		switch {
		case started && !t.After(in.at) && t.After(deadline):
			return unmet("Formation engagée le " + frDate(t) + ", après la limite du " + frDate(deadline) + ".")
		case started && !t.After(in.at):
			return Result{Outcome: Met, Paths: paths, Detail: "Formation engagée le " + frDate(t) + ", avant la limite du " + frDate(deadline) + "."}
		case c.TrainingStartedOn == "":
			if !in.at.After(deadline) {
				return Result{Outcome: Unknown, Paths: paths, Missing: paths[3:], Detail: "La date d'engagement de la formation n'est pas indiquée ; elle est à engager au plus tard le " + frDate(deadline) + "."}
			}
			return Result{Outcome: Unknown, Paths: paths, Missing: paths[3:], Detail: "Le délai pour engager la formation a expiré le " + frDate(deadline) + ", et la date d'engagement de la formation n'est pas indiquée."}
		case !in.at.After(deadline):
			return Result{Outcome: NotDue, Paths: paths, DueOn: clsm.DateOf(deadline.AddDate(0, 0, 1)), Detail: later + "La formation n'est pas encore engagée ; elle peut l'être jusqu'au " + frDate(deadline) + ", " + count(p.Years, "an", "ans") + " après la prise de poste du " + frDate(start) + "."}
		}
		return unmet(later + "Aucune formation n'était engagée au terme du délai, le " + frDate(deadline) + ".")
	},
}.check()

// otherOutcomeOptions are the outcomes a referential may choose for a case
// its text settles one way or the other.
var otherOutcomeOptions = otherOutcome("").Options()

// Options lists the outcomes a referential may choose.
func (otherOutcome) Options() []clsm.Option {
	return []clsm.Option{
		{Value: string(NotApplicable), Label: "Sans objet"},
		{Value: string(Unmet), Label: "Non respecté"},
	}
}

var coordinatorRecruitment = checkOf[*recruitmentParams]{
	ID:    "coordinator.recruitment",
	Title: "Recrutement du coordonnateur",
	Axis:  AxisOrganisation,
	reads: fixedReads[*recruitmentParams]("/coordinator/employer", "/coordinator/recruitmentAssociated", "/territory/scale"),
	eval: func(in input, p *recruitmentParams, paths []string) Result {
		c := in.d.Coordinator
		var need []clsm.RecruitmentParty
		switch c.Employer {
		case "":
			return Result{Outcome: Unknown, Paths: paths, Missing: paths[:1], Detail: "L'employeur du coordonnateur n'est pas indiqué."}
		case clsm.EmployerHospital:
			switch in.d.Territory.Scale {
			case clsm.ScaleIntercommunal:
				need = []clsm.RecruitmentParty{clsm.RecruitmentGroupementElected}
			case "":
				need = []clsm.RecruitmentParty{clsm.RecruitmentMayor, clsm.RecruitmentGroupementElected}
			default:
				need = []clsm.RecruitmentParty{clsm.RecruitmentMayor}
			}
		case clsm.EmployerCommune, clsm.EmployerEPCI, clsm.EmployerSyndicatMixte:
			need = []clsm.RecruitmentParty{clsm.RecruitmentPsychiatryHead}
		default:
			detail := "Employeur du coordonnateur « " + wellformed.LowerFirst(c.Employer.Label()) + " ». Le texte ne prévoit que l'hôpital ou la collectivité comme employeur du coordonnateur ; vérifiez ce point avec l'ARS."
			return Result{Outcome: Outcome(p.OtherEmployer), Paths: paths, Detail: detail}
		}
		if c.RecruitmentAssociated == nil {
			return Result{Outcome: Unknown, Paths: paths, Missing: paths[1:2], Detail: "Les personnes associées au recrutement ne sont pas indiquées."}
		}
		for _, n := range need {
			if slices.Contains(c.RecruitmentAssociated, n) {
				return Result{Outcome: Met, Paths: paths, Detail: fmt.Sprintf("Employeur du coordonnateur « %s », qui a associé au recrutement %s.", wellformed.LowerFirst(c.Employer.Label()), wellformed.LowerFirst(n.Label()))}
			}
		}
		return Result{Outcome: Unmet, Paths: paths, Detail: fmt.Sprintf("Employeur du coordonnateur « %s » ; il fallait associer au recrutement %s.", wellformed.LowerFirst(c.Employer.Label()), wellformed.LowerFirst(need[0].Label()))}
	},
}.check()

var arsShare = checkOf[*arsShareParams]{
	ID:    "coordinator.ars-share",
	Title: "Part du poste financée par l'ARS",
	Axis:  AxisOrganisation,
	reads: fixedReads[*arsShareParams]("/coordinator/funders", "/coordinator/fte"),
	eval: func(in input, p *arsShareParams, paths []string) Result {
		c := in.d.Coordinator
		if c.Funders == nil {
			return Result{Outcome: Unknown, Paths: paths, Missing: paths[:1], Detail: "Les financeurs du poste ne sont pas indiqués."}
		}
		share, funded := 0.0, false
		for _, f := range c.Funders {
			if f.Kind == clsm.FunderARS && f.Share != nil {
				share += *f.Share
				funded = true
			}
		}
		if !funded {
			return Result{Outcome: NotApplicable, Paths: paths, Detail: "L'ARS ne figure pas parmi les financeurs du poste."}
		}
		if max := p.MaxShare; share > max {
			return Result{Outcome: Unmet, Paths: paths, Detail: fmt.Sprintf("L'ARS financerait %s %% du temps de coordination, pour %s %% au plus.", clsm.FrenchNumber(share), clsm.FrenchNumber(max))}
		}
		cap := p.MaxFTE
		if cap > 0 {
			if c.FTE == nil {
				return Result{Outcome: Unknown, Paths: paths, Missing: paths[1:], Detail: "Le temps de travail du coordonnateur n'est pas indiqué : le temps financé par l'ARS ne peut pas être calculé."}
			}
			fte := *c.FTE * share / 100
			if fte > cap+1e-9 {
				return Result{Outcome: Unmet, Paths: paths, Detail: fmt.Sprintf("L'ARS financerait %s ETP (%s %% de %s ETP), pour %s ETP au plus.", clsm.FrenchNumber(fte), clsm.FrenchNumber(share), clsm.FrenchNumber(*c.FTE), clsm.FrenchNumber(cap))}
			}
			return Result{Outcome: Met, Paths: paths, Detail: fmt.Sprintf("L'ARS finance %s %% du temps, soit %s ETP.", clsm.FrenchNumber(share), clsm.FrenchNumber(fte))}
		}
		return Result{Outcome: Met, Paths: paths, Detail: fmt.Sprintf("L'ARS finance %s %% du temps de coordination.", clsm.FrenchNumber(share))}
	},
}.check()

// --- articulations and territory -------------------------------------------

// schemeOptions are the devices of the dossier's articulations, as the
// model describes them: their keys and their titles.
var schemeOptions = scheme("").Options()

// Options lists the devices of the articulations.
func (scheme) Options() []clsm.Option {
	var opts []clsm.Option
	for _, f := range model.MustDescribe(reflect.TypeFor[clsm.Articulations]()).Fields {
		if f.Declared == reflect.TypeFor[clsm.Articulation]() {
			opts = append(opts, clsm.Option{Value: f.Key, Label: f.Title})
		}
	}
	return opts
}

var articulation = checkOf[*articulationParams]{
	ID:    "articulation",
	Title: "Articulation avec un dispositif",
	Axis:  AxisPartnership,
	reads: func(p *articulationParams) []string { return []string{articulationsPrefix + string(p.Scheme)} },
	eval: func(in input, p *articulationParams, paths []string) Result {
		path := articulationsPrefix + string(p.Scheme)
		v, _, _ := answers.ValueAt(in.d, path)
		name := optionLabel(schemeOptions, string(p.Scheme))
		switch clsm.Articulation(v.String()) {
		case clsm.ArticulationYes:
			return Result{Outcome: Met, Paths: paths, Detail: "Le CLSM s'articule avec le dispositif « " + name + " »."}
		case clsm.ArticulationNo:
			return Result{Outcome: Unmet, Paths: paths, Detail: "Le dispositif « " + name + " » est présent sur le territoire, mais le CLSM ne s'articule pas avec lui."}
		case clsm.ArticulationAbsent:
			// The rule reads the absence before its check (Rule.Evaluate),
			// from its own decision: this is a check run without a rule.
			return Result{Outcome: NotApplicable, Paths: paths, Detail: absentDetail(in.d, path, false)}
		}
		return Result{Outcome: Unknown, Paths: paths, Missing: []string{path}, Detail: "Sans réponse pour le dispositif « " + name + " »."}
	},
}.check()

var territoryDefined = checkOf[*noParams]{
	ID:    "territory.defined",
	Title: "Territoire défini",
	Axis:  AxisGovernance,
	reads: fixedReads[*noParams]("/territory/scale", "/territory/communes", "/territory/department"),
	eval: func(in input, _ *noParams, paths []string) Result {
		var missing []string
		if in.d.Territory.Scale == "" {
			missing = append(missing, paths[0])
		}
		if len(in.d.Territory.Communes) == 0 {
			missing = append(missing, paths[1])
		}
		if in.d.Territory.Department == "" {
			// Without it the communes cannot be checked: a blank never turns
			// an inconsistency into « respecté ».
			missing = append(missing, paths[2])
		}
		if len(missing) > 0 {
			return unanswered(paths, missing)
		}
		t := in.d.Territory
		if t.Scale == clsm.ScaleCommunal && len(t.Communes) > 1 {
			return Result{Outcome: Unmet, Paths: paths, Detail: fmt.Sprintf("Le territoire est dit communal mais couvre %d communes : choisissez l'échelle intercommunale, ou ne gardez que la commune concernée.", len(t.Communes))}
		}
		{
			var elsewhere []string
			for _, c := range t.Communes {
				if d, _ := clsm.DepartmentOfCommune(c); d != t.Department {
					elsewhere = append(elsewhere, string(c))
				}
			}
			if len(elsewhere) > 0 {
				return Result{Outcome: Unmet, Paths: paths, Detail: fmt.Sprintf("%s hors du département %s. Vérifiez les codes INSEE ou le département.", map[bool]string{true: "Commune " + elsewhere[0], false: "Communes " + joinFrench(elsewhere)}[len(elsewhere) == 1], t.Department.Label())}
			}
		}
		return Result{Outcome: Met, Paths: paths, Detail: fmt.Sprintf("Territoire %s, %s.", strings.ToLower(t.Scale.Label()), count(len(t.Communes), "commune", "communes"))}
	},
}.check()

// --- helpers --------------------------------------------------------------

// unanswered is the outcome of a check whose answers at missing are not
// given: "non renseigné", never "non respecté".
func unanswered(paths, missing []string) Result {
	return Result{Outcome: Unknown, Paths: paths, Missing: missing, Detail: "Sans réponse " + toQuestions(missing) + "."}
}

// notMet is the outcome of a check of several answers, some of them "no"
// (named after noPrefix, « Réponse « non » à la question « … » ») or
// missing: any "no" decides; otherwise the missing answers leave it unknown.
func notMet(paths, no, missing []string, noPrefix string) Result {
	if len(no) > 0 {
		if len(no) > 1 {
			noPrefix = strings.Replace(noPrefix, "la réponse", "les réponses", 1)
		}
		return Result{Outcome: Unmet, Paths: paths, Detail: noPrefix + " " + toQuestions(no) + "."}
	}
	return unanswered(paths, missing)
}

// titles joins the French titles of the questions at the given paths.
func titles(paths []string) string {
	out := make([]string, len(paths))
	for i, p := range paths {
		f, err := answers.FieldAt(p)
		if err != nil || f.Title == "" {
			out[i] = p
			continue
		}
		out[i] = "« " + f.Title + " »"
	}
	return strings.Join(out, ", ")
}

// toQuestions names the questions at the given paths after a word that asks
// for « à »: « à la question « … » », « aux questions « … », « … » et « … » »,
// so that a detail reads as a sentence, never as « Réponse à : … ».
func toQuestions(paths []string) string {
	if len(paths) == 1 {
		return "à la question " + titles(paths)
	}
	qs := make([]string, len(paths))
	for i, p := range paths {
		qs[i] = titles([]string{p})
	}
	return "aux questions " + joinFrench(qs)
}

// joinFrench joins items as French does: « a », « a et b », « a, b et c ».
func joinFrench(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + items[len(items)-1]
}

// bodyName is how a sentence names a body, with its article: « le comité
// de pilotage », « l'assemblée plénière », and the participle agreed.
type bodyName struct {
	the, of, to string // « le comité… », « du comité… », « au comité… »
	feminine    bool
}

func (b bodyName) notConstituted() string {
	return wellformed.UpperFirst(b.the) + map[bool]string{false: " n'est pas constitué.", true: " n'est pas constituée."}[b.feminine]
}

func (b bodyName) unknownIfConstituted() string {
	return "On ne sait pas si " + b.the + map[bool]string{false: " est constitué.", true: " est constituée."}[b.feminine]
}

// bodyNames are the bodies of bodyOptions and meetingBodies.
var bodyNames = map[string]bodyName{
	"copil":              {the: "le comité de pilotage", of: "du comité de pilotage", to: "au comité de pilotage"},
	"bureau":             {the: "le bureau restreint", of: "du bureau restreint", to: "au bureau restreint"},
	"plenary":            {the: "l'assemblée plénière", of: "de l'assemblée plénière", to: "à l'assemblée plénière", feminine: true},
	"technicalCommittee": {the: "le comité technique", of: "du comité technique", to: "au comité technique"},
}

func anyOf(alts string, has func(string) bool) bool {
	for _, a := range strings.Split(alts, "|") {
		if has(a) {
			return true
		}
	}
	return false
}

func alternatives(alts string, label func(string) string) string {
	parts := strings.Split(alts, "|")
	for i, p := range parts {
		if label != nil {
			p = label(p)
		}
		parts[i] = "« " + p + " »"
	}
	return strings.Join(parts, " ou ")
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// frDate writes a day the French way: "3 mars 2026", "1er avril 2026".
func frDate(t time.Time) string { return clsm.DateOf(t).French() }
