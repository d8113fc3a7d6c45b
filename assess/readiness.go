package assess

import (
	"fmt"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/model"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
)

// ReadinessLevel is the overall verdict of a report.
type ReadinessLevel string

// Readiness levels, from the best. The thresholds are the constants below.
const (
	// Ready: the dossier's stage is known, the referential says what a ready
	// dossier is at that stage, and every required rule that applies is
	// answered and met, those of that definition included. With a partial
	// referential (see labels.Referential.UnreadSources) its label says « au
	// regard des règles connues ».
	Ready ReadinessLevel = "ready"
	// AlmostReady: at most AlmostMaxUnmet required rules are not met, and at
	// least AlmostMinCompliance of the answered required rules are met.
	AlmostReady ReadinessLevel = "almost_ready"
	// InProgress: more is missing than AlmostReady allows.
	InProgress ReadinessLevel = "in_progress"
	// Incomplete: fewer than MinConfidence of the applicable required rules
	// could be judged, or none applies: answer more questions before reading
	// a verdict. An empty dossier is here, at every stage.
	Incomplete ReadinessLevel = "incomplete"
)

// Thresholds of the readiness levels.
const (
	AlmostMaxUnmet      = 2    // required rules not met, at most, to be almost ready
	AlmostMinCompliance = 0.75 // share of answered required rules met, at least, to be almost ready
	MinConfidence       = 0.5  // share of applicable required rules answered, at least, for a verdict
)

// ReadyKnownRulesLabel is the label of [Ready] under a partial referential.
const ReadyKnownRulesLabel = "Prêt au regard des règles connues"

var readinessOptions = []clsm.Option{
	{Value: string(Ready), Label: "Prêt à déposer"},
	{Value: string(AlmostReady), Label: "Presque prêt"},
	{Value: string(InProgress), Label: "En construction"},
	{Value: string(Incomplete), Label: "À compléter"},
}

// Options lists the readiness levels with their French labels.
func (ReadinessLevel) Options() []clsm.Option { return readinessOptions }

// Valid reports whether l is a readiness level.
func (l ReadinessLevel) Valid() bool { return hasOption(readinessOptions, string(l)) }

// Label returns the French label of l.
func (l ReadinessLevel) Label() string { return optionLabel(readinessOptions, string(l)) }

// Readiness is the verdict and how sure it is.
type Readiness struct {
	Level       ReadinessLevel `json:"level" validate:"required,enum" title:"Niveau"`
	Label       string         `json:"label" title:"Libellé"`
	Explanation string         `json:"explanation" title:"Explication"`
	// Partial is true when the referential was written without some of its
	// reference documents: the verdict holds only for the rules known.
	Partial bool `json:"partial" title:"Référentiel partiel"`
	// Caveat says, in French, what the verdict cannot take into account
	// (the documents a partial referential could not read); empty otherwise.
	Caveat string `json:"caveat,omitzero" title:"Réserve"`
	// StageMeaning is what the referential says « prêt à déposer » means at
	// the dossier's stage; empty when the stage is unknown or the referential
	// does not say.
	StageMeaning string `json:"stageMeaning,omitzero" title:"Ce qui est attendu à ce stade"`
	// Compliance is the share of answered required rules that are met, in
	// percent; absent when no required rule is answered.
	Compliance *int `json:"compliance,omitzero" validate:"omitnil,gte=0,lte=100" title:"Règles requises respectées parmi celles renseignées (%)"`
	// Confidence is the share of applicable required rules that are
	// answered, in percent (0 when none applies): unanswered questions lower
	// it, never compliance. Rules not yet due count neither way.
	Confidence int `json:"confidence" validate:"gte=0,lte=100" title:"Règles requises renseignées (%)"`
	// Calendar names, in French with both dates, a contradiction in the
	// dossier's calendar (a creation date after the evaluation date, a
	// meeting before the creation): the town must correct it, and until then
	// the level is « À compléter ». Empty otherwise.
	Calendar string `json:"calendar,omitzero" title:"Dates à corriger"`
}

// verdictBasis is what the verdict needs besides the findings: the stage and
// what the referential says of it.
type verdictBasis struct {
	stage   clsm.Stage
	defined bool   // the referential says what ready means at this stage
	meaning string // and what it means
	caveat  string // the documents a partial referential could not read
	// calendar says how the dossier's dates contradict the evaluation date.
	calendar string
}

func newVerdictBasis(d *clsm.Dossier, ref *labels.Referential, at time.Time) verdictBasis {
	b := verdictBasis{stage: d.Stage, calendar: calendarContradiction(d, at)}
	if sr, ok := ref.ReadinessFor(d.Stage); ok && d.Stage != "" {
		b.defined, b.meaning = true, sr.Meaning
	}
	if ref.Partial() {
		var docs []string
		for _, u := range ref.UnreadSources {
			docs = append(docs, "« "+u.Title+" »")
		}
		verb := "n'a pas pu être lu"
		if len(docs) > 1 {
			verb = "n'ont pas pu être lus"
		}
		b.caveat = "Référentiel partiel, car " + joinFrench(docs) + " " + verb + " ; ce verdict ne tient compte que des règles connues."
	}
	return b
}

// calendarContradiction says, in French and with both dates, how the
// dossier's calendar contradicts itself or the evaluation date; empty when it
// does not. Two contradictions are named here, as findings of the
// assessment rather than errors of the dossier:
//   - a creation date after the evaluation date: it depends on the
//     evaluation date, and a dossier's validity never does;
//   - a meeting of the comité de pilotage, the assemblée plénière or the
//     comité technique dated before the creation: a body of the CLSM cannot
//     meet before the CLSM exists, unless the date is that of a preparatory
//     meeting, which only the town can tell; the report keeps every finding
//     for it to read.
//
// Either way one of the two dates is wrong, and a contradictory date is
// never evidence: no level rests on it (see [readiness]).
func calendarContradiction(d *clsm.Dossier, at time.Time) string {
	created, ok := d.CreatedOn.Time()
	if !ok {
		return ""
	}
	if created.After(at) {
		return "La date de création du CLSM (" + d.CreatedOn.French() + ") est postérieure à la date d'évaluation (" + clsm.DateOf(at).French() + ") : corrigez l'une des deux, ou laissez la date de création vide si le CLSM n'est pas encore créé. Aucun verdict ne repose sur des dates qui se contredisent."
	}
	// The earliest meeting before the creation, if any, and how many there
	// are: naming one with both dates says what to correct.
	var first clsm.Date
	n := 0
	for _, ms := range [][]clsm.Date{d.Copil.Meetings, d.Plenary.Meetings, d.Technical.Meetings} {
		for _, m := range ms {
			if m < d.CreatedOn && m.Valid() {
				n++
				if first == "" || m < first {
					first = m
				}
			}
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return "La réunion du " + first.French() + " précède la création du CLSM (" + d.CreatedOn.French() + ") : corrigez l'une des deux dates, ou retirez cette réunion si elle préparait la création. Aucun verdict ne repose sur des dates qui se contredisent."
	}
	return "Des réunions des instances du CLSM précèdent sa création (" + d.CreatedOn.French() + "), la première le " + first.French() + " : corrigez ces dates ou la date de création, ou retirez les réunions qui préparaient la création. Aucun verdict ne repose sur des dates qui se contredisent."
}

func readiness(fs []Finding, basis verdictBasis) Readiness {
	c := count(fs)
	applicable := c.RequiredMet + c.RequiredUnmet + c.RequiredUnknown
	answered := c.RequiredMet + c.RequiredUnmet
	r := Readiness{Partial: basis.caveat != "", Caveat: basis.caveat, StageMeaning: basis.meaning, Calendar: basis.calendar}
	if applicable > 0 {
		r.Confidence = percent(answered, applicable)
	}
	if answered > 0 {
		v := percent(c.RequiredMet, answered)
		r.Compliance = &v
	}
	// Why the dossier cannot be ready whatever its answers say, if so.
	var cannot string
	switch {
	case basis.stage == "":
		cannot = "Le stade du CLSM n'est pas indiqué : répondez à « Où en est le CLSM ? » pour savoir quelles exigences s'appliquent."
	case !basis.defined:
		cannot = "Ce référentiel ne dit pas ce qu'est un dossier prêt au stade « " + stageShort(basis.stage) + " » : il ne peut pas donner le verdict « prêt »."
	case applicable == 0:
		cannot = "Aucune exigence requise de ce référentiel ne s'applique à ce stade : il n'y a pas de quoi établir un verdict."
	}
	switch {
	case basis.calendar != "":
		// A contradictory date is never evidence, and no level rests on it:
		// the lowest, so that making dates contradict never raises it.
		r.Level = Incomplete
		r.Explanation = basis.calendar
	case cannot == "" && c.RequiredUnmet == 0 && c.RequiredUnknown == 0:
		r.Level = Ready
		if applicable == 1 {
			r.Explanation = fmt.Sprintf("L'exigence requise qui s'applique au stade « %s » est renseignée et respectée : %s", stageShort(basis.stage), wellformed.LowerFirst(basis.meaning))
		} else {
			r.Explanation = fmt.Sprintf("Les %s au stade « %s » sont toutes renseignées et respectées : %s", requiredPhrase(applicable, "exigence requise qui s'applique", "exigences requises qui s'appliquent"), stageShort(basis.stage), wellformed.LowerFirst(basis.meaning))
		}
	case applicable == 0:
		r.Level = Incomplete
		r.Explanation = cannot
	case float64(answered) < MinConfidence*float64(applicable):
		r.Level = Incomplete
		switch answered {
		case 0:
			r.Explanation = fmt.Sprintf("Aucune des %s n'a encore de réponse : répondez aux questions pour obtenir un verdict.", requiredPhrase(applicable, "exigence requise", "exigences requises"))
			if applicable == 1 {
				r.Explanation = "L'exigence requise qui s'applique n'a pas encore de réponse : répondez aux questions pour obtenir un verdict."
			}
		case 1:
			r.Explanation = fmt.Sprintf("Une seule exigence requise sur %d a pu être vérifiée : répondez aux questions restantes pour obtenir un verdict.", applicable)
		default:
			r.Explanation = fmt.Sprintf("Seules %d exigences requises sur %d ont pu être vérifiées : répondez aux questions restantes pour obtenir un verdict.", answered, applicable)
		}
	case c.RequiredUnmet <= AlmostMaxUnmet && float64(c.RequiredMet) >= AlmostMinCompliance*float64(answered):
		r.Level = AlmostReady
		r.Explanation = shortfall(c, applicable)
	default:
		r.Level = InProgress
		r.Explanation = shortfall(c, applicable)
	}
	if cannot != "" && r.Level != Incomplete {
		r.Explanation += " " + cannot
	}
	r.Label = r.Level.Label()
	if r.Level == Ready && r.Partial {
		r.Label = ReadyKnownRulesLabel
	}
	return r
}

// shortfall says how many required rules are not met and not answered.
func shortfall(c Counts, applicable int) string {
	var parts []string
	switch {
	case c.RequiredUnmet == 1:
		parts = append(parts, "1\u00a0exigence requise n'est pas respectée")
	case c.RequiredUnmet > 1:
		parts = append(parts, fmt.Sprintf("%d\u00a0exigences requises ne sont pas respectées", c.RequiredUnmet))
	}
	switch {
	case c.RequiredUnknown == 1 && len(parts) == 0:
		parts = append(parts, "1\u00a0exigence requise n'est pas renseignée")
	case c.RequiredUnknown == 1:
		parts = append(parts, "1 n'est pas renseignée")
	case c.RequiredUnknown > 1 && len(parts) == 0:
		parts = append(parts, fmt.Sprintf("%d\u00a0exigences requises ne sont pas renseignées", c.RequiredUnknown))
	case c.RequiredUnknown > 1:
		parts = append(parts, fmt.Sprintf("%d ne sont pas renseignées", c.RequiredUnknown))
	}
	if len(parts) == 0 {
		return fmt.Sprintf("Les %s sont respectées.", requiredPhrase(applicable, "exigence requise", "exigences requises"))
	}
	return wellformed.UpperFirst(strings.Join(parts, " et ")) + fmt.Sprintf(", sur %d.", applicable)
}

// requiredPhrase writes "1 exigence requise", "12 exigences requises".
func requiredPhrase(n int, singular, plural string) string {
	return clsm.FrenchCount(n, singular, plural)
}

// joinFrench joins items as French does: "a", "a et b", "a, b et c".
func joinFrench(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + items[len(items)-1]
}

func percent(n, of int) int { return (200*n + of) / (2 * of) } // rounded half up

// AxisScore is the result of the rules of one axis.
type AxisScore struct {
	Axis          labels.Axis `json:"axis" validate:"required,enum" title:"Axe"`
	Label         string      `json:"label" title:"Libellé"`
	Met           int         `json:"met" title:"Respectées"`
	Unmet         int         `json:"unmet" title:"Non respectées"`
	Unknown       int         `json:"unknown" title:"Non renseignées"`
	NotApplicable int         `json:"notApplicable" title:"Sans objet"`
	// NotDue counts the rules not yet due, which weigh like those not
	// applicable: in neither the score nor the share answered.
	NotDue int `json:"notDue" title:"Pas encore dues"`
	// Score is the weighted share of answered rules that are met, in
	// percent (weights: requis 3, recommandé 2, bonne pratique 1); absent
	// when no rule of the axis is answered.
	Score *int `json:"score,omitzero" validate:"omitnil,gte=0,lte=100" title:"Score (%)"`
	// Answered is the weighted share of applicable rules that are answered.
	Answered int `json:"answered" validate:"gte=0,lte=100" title:"Règles renseignées (%)"`
}

func axisScores(fs []Finding) []AxisScore {
	var out []AxisScore
	for _, opt := range labels.Axis("").Options() {
		a := AxisScore{Axis: labels.Axis(opt.Value), Label: opt.Label}
		var wMet, wAnswered, wApplicable float64
		any := false
		for _, f := range fs {
			if f.Axis != a.Axis {
				continue
			}
			any = true
			w := levelWeight[f.Level]
			switch f.Outcome {
			case labels.Met:
				a.Met++
				wMet += w
				wAnswered += w
				wApplicable += w
			case labels.Unmet:
				a.Unmet++
				wAnswered += w
				wApplicable += w
			case labels.Unknown:
				a.Unknown++
				wApplicable += w
			case labels.NotApplicable:
				a.NotApplicable++
			case labels.NotDue:
				a.NotDue++
			}
		}
		if !any {
			continue
		}
		if wAnswered > 0 {
			v := int(100*wMet/wAnswered + 0.5)
			a.Score = &v
		}
		if wApplicable > 0 {
			a.Answered = int(100*wAnswered/wApplicable + 0.5)
		}
		out = append(out, a)
	}
	return out
}

// StepKind says what a next step asks.
type StepKind string

// Kinds of next steps.
const (
	StepAct    StepKind = "act"    // something to do: the rule is not met
	StepAnswer StepKind = "answer" // a question to answer: the rule is not answered
)

var stepKindOptions = []clsm.Option{
	{Value: string(StepAct), Label: "À faire"},
	{Value: string(StepAnswer), Label: "À renseigner"},
}

// Options lists the kinds of next steps with their French labels.
func (StepKind) Options() []clsm.Option { return stepKindOptions }

// Valid reports whether k is a kind of next step.
func (k StepKind) Valid() bool { return hasOption(stepKindOptions, string(k)) }

// Label returns the French label of k.
func (k StepKind) Label() string { return optionLabel(stepKindOptions, string(k)) }

func hasOption(opts []clsm.Option, v string) bool { return model.HasOption(opts, v) }

func optionLabel(opts []clsm.Option, v string) string { return model.LabelOf(opts, v) }
