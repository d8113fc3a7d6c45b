package labels

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/answers"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// Evaluate applies the rule to a dossier at the given date (the date of the
// assessment, never the wall clock). In order: a rule for other stages than
// the dossier's is not applicable (and unknown while the stage is not
// answered); a rule whose condition does not hold is not applicable (unknown
// while the condition's question is not answered); a device the rule depends
// on that is absent from the territory gives the rule's own decision
// ([Rule.Absence]: not applicable, or unmet when the absence is the gap the
// text names); otherwise the check decides. A missing answer always gives
// "unknown", never "unmet".
func (r *Rule) Evaluate(d *clsm.Dossier, at time.Time) Result {
	if r.check == nil {
		return Result{Outcome: Unknown, Detail: "Règle non résolue : lisez le référentiel avec labels.Parse."}
	}
	if r.Stale() {
		return Result{Outcome: Unknown, Detail: "Règle modifiée depuis sa résolution (vérification, paramètres, niveau, texte cité ou mot qui fixe l'obligation) : appelez de nouveau Resolve sur le référentiel."}
	}
	var missing []string
	var unknownDetail []string
	if len(r.Stages) < len(clsm.Stage("").Options()) {
		switch {
		case d.Stage == "":
			missing = append(missing, "/stage")
			unknownDetail = append(unknownDetail, "cette règle ne concerne que les CLSM "+stageList(r.Stages)+", et le stade du CLSM n'est pas indiqué")
		case !r.AppliesTo(d.Stage):
			return Result{Outcome: NotApplicable, Paths: []string{"/stage"}, Detail: "Cette règle ne concerne que les CLSM " + stageList(r.Stages) + "."}
		}
	}
	// gap is a device the rule depends on, absent from the territory, whose
	// absence the rule's text makes the gap itself: decided once the other
	// conditions are known, so that a blank never turns into « non ».
	var gap string
	for _, c := range r.When {
		v, answered, err := answers.ValueAt(d, c.Path)
		if err != nil {
			return Result{Outcome: Unknown, Detail: "Condition invalide : " + err.Error()}
		}
		if !answered {
			missing = append(missing, c.Path)
			unknownDetail = append(unknownDetail, "cette règle dépend de la réponse à la question "+titles([]string{c.Path}))
			continue
		}
		if !c.holds(v) {
			if absent(d, c.Path) {
				if r.Absence == AbsenceGap {
					gap = c.Path
					continue
				}
				return r.absentResult(d, c.Path)
			}
			return Result{Outcome: NotApplicable, Paths: []string{c.Path}, Detail: fmt.Sprintf("Cette règle ne s'applique pas, vu la réponse « %s » à la question %s.", answerLabel(v.Interface()), titles([]string{c.Path}))}
		}
	}
	if len(missing) > 0 {
		// The rule's own questions are named too when they are blank: a
		// hint names every answer that is missing, not only the stage or
		// the condition that decides whether the rule applies.
		gates := slices.Clone(missing)
		if own := r.check.run(input{d: d, at: at}, r.params); own.Outcome == Unknown {
			for _, p := range own.Missing {
				if !slices.Contains(missing, p) {
					missing = append(missing, p)
				}
			}
		}
		return Result{Outcome: Unknown, Paths: append(gates, r.check.Reads(r.params)...), Missing: missing,
			Detail: wellformed.UpperFirst(strings.Join(unknownDetail, " ; ")) + "."}
	}
	if gap != "" {
		return r.absentResult(d, gap)
	}
	// A device the check reads, absent from the territory: the rule's own
	// decision, the same for every check.
	for _, p := range r.check.Reads(r.params) {
		if absent(d, p) {
			return r.absentResult(d, p)
		}
	}
	// The check's reads are the one declaration of its paths; a result
	// names others only when it says so.
	return r.check.run(input{d: d, at: at}, r.params)
}

// holds reports whether the answer v is one of the condition's values,
// compared as decoded values: "\u0061ctive" is "active", and 1.0 is 1.
func (c Condition) holds(v reflect.Value) bool {
	for _, raw := range c.In {
		want, ok := decodeAs(raw, v.Type())
		if ok && reflect.DeepEqual(want.Interface(), v.Interface()) {
			return true
		}
	}
	return false
}

// decodeAs decodes a condition's JSON value into a value of type t (a field
// of the model: a *bool, a *int, a *float64 or a string type). A whole
// number written with a fraction part (1.0, 1e0) is read as an int.
func decodeAs(raw json.RawMessage, t reflect.Type) (reflect.Value, bool) {
	p := reflect.New(t)
	if json.Unmarshal(raw, p.Interface()) == nil {
		return p.Elem(), !(t.Kind() == reflect.Pointer && p.Elem().IsNil())
	}
	base := t
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	var f float64
	if base.Kind() != reflect.Int || json.Unmarshal(raw, &f) != nil || f != math.Trunc(f) || math.Abs(f) > 1e15 {
		return reflect.Value{}, false
	}
	n := reflect.New(base)
	n.Elem().SetInt(int64(f))
	if t.Kind() == reflect.Pointer {
		return n, true
	}
	return n.Elem(), true
}

// Reads lists the dossier paths the rule reads: its check's, its conditions'
// and, for a rule restricted to some stages, the stage.
func (r *Rule) Reads() []string {
	var paths []string
	if len(r.Stages) < len(clsm.Stage("").Options()) {
		paths = append(paths, "/stage")
	}
	for _, c := range r.When {
		paths = append(paths, c.Path)
	}
	if c := r.checkDef(); c != nil {
		paths = append(paths, c.Reads(r.params)...)
	}
	return paths
}

// ParamValues returns a copy of the rule's decoded parameters, defaults
// included; nil when the rule is not resolved or has changed since
// ([Rule.Stale]).
func (r *Rule) ParamValues() Params {
	if r.checkDef() == nil {
		return nil
	}
	return r.params.clone()
}

func stageList(stages []clsm.Stage) string {
	names := map[clsm.Stage]string{clsm.StageProject: "en projet", clsm.StageConstitution: "en constitution", clsm.StageActive: "actifs"}
	var out []string
	for _, s := range stages {
		out = append(out, names[s])
	}
	if len(out) <= 1 {
		return strings.Join(out, "")
	}
	return strings.Join(out[:len(out)-1], ", ") + " ou " + out[len(out)-1]
}

func answerLabel(v any) string {
	switch x := v.(type) {
	case *bool:
		if *x {
			return "oui"
		}
		return "non"
	case clsm.Enum:
		return wellformed.LowerFirst(x.Label())
	}
	return fmt.Sprint(v)
}
