package assess

import (
	"fmt"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// ReadinessLevel is the overall verdict of a report.
type ReadinessLevel string

// Readiness levels, from the best. The thresholds are the constants below.
const (
	// Ready: every required rule that applies is met.
	Ready ReadinessLevel = "ready"
	// AlmostReady: at most AlmostMaxUnmet required rules are not met, and at
	// least AlmostMinCompliance of the answered required rules are met.
	AlmostReady ReadinessLevel = "almost_ready"
	// InProgress: more is missing than AlmostReady allows.
	InProgress ReadinessLevel = "in_progress"
	// Incomplete: fewer than MinConfidence of the applicable required rules
	// could be judged; answer more questions before reading a verdict.
	Incomplete ReadinessLevel = "incomplete"
)

// Thresholds of the readiness levels.
const (
	AlmostMaxUnmet      = 2    // required rules not met, at most, to be almost ready
	AlmostMinCompliance = 0.75 // share of answered required rules met, at least, to be almost ready
	MinConfidence       = 0.5  // share of applicable required rules answered, at least, for a verdict
)

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
	// Compliance is the share of answered required rules that are met, in
	// percent; absent when no required rule is answered.
	Compliance *int `json:"compliance,omitzero" validate:"omitnil,gte=0,lte=100" title:"Règles requises respectées parmi celles renseignées (%)"`
	// Confidence is the share of applicable required rules that are
	// answered, in percent: unanswered questions lower it, not compliance.
	Confidence int `json:"confidence" validate:"gte=0,lte=100" title:"Règles requises renseignées (%)"`
}

func readiness(fs []Finding) Readiness {
	c := count(fs)
	applicable := c.RequiredMet + c.RequiredUnmet + c.RequiredUnknown
	answered := c.RequiredMet + c.RequiredUnmet
	r := Readiness{Confidence: 100}
	if applicable > 0 {
		r.Confidence = percent(answered, applicable)
	}
	if answered > 0 {
		v := percent(c.RequiredMet, answered)
		r.Compliance = &v
	}
	switch {
	case c.RequiredUnmet == 0 && c.RequiredUnknown == 0:
		r.Level = Ready
		r.Explanation = fmt.Sprintf("Toutes les exigences requises qui s'appliquent à ce stade sont respectées (%d sur %d).", c.RequiredMet, applicable)
		if applicable == 0 {
			r.Explanation = "Aucune exigence requise ne s'applique à ce stade."
		}
	case applicable > 0 && float64(answered) < MinConfidence*float64(applicable):
		r.Level = Incomplete
		r.Explanation = fmt.Sprintf("Seules %d exigences requises sur %d ont pu être vérifiées : répondez aux questions restantes pour obtenir un verdict.", answered, applicable)
	case c.RequiredUnmet <= AlmostMaxUnmet && float64(c.RequiredMet) >= AlmostMinCompliance*float64(answered):
		r.Level = AlmostReady
		r.Explanation = fmt.Sprintf("%d exigence(s) requise(s) non respectée(s) et %d non renseignée(s), sur %d.", c.RequiredUnmet, c.RequiredUnknown, applicable)
	default:
		r.Level = InProgress
		r.Explanation = fmt.Sprintf("%d exigence(s) requise(s) non respectée(s) et %d non renseignée(s), sur %d.", c.RequiredUnmet, c.RequiredUnknown, applicable)
	}
	r.Label = r.Level.Label()
	return r
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

func hasOption(opts []clsm.Option, v string) bool { return clsm.HasOption(opts, v) }

func optionLabel(opts []clsm.Option, v string) string { return clsm.LabelOf(opts, v) }

func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
