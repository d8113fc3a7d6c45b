package labels

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
)

// Evaluate applies the rule to a dossier at the given date (the date of the
// assessment, never the wall clock). In order: a rule for other stages than
// the dossier's is not applicable (and unknown while the stage is not
// answered); a rule whose condition does not hold is not applicable (unknown
// while the condition's question is not answered); otherwise the check
// decides. A missing answer always gives "unknown", never "unmet".
func (r *Rule) Evaluate(d *clsm.Dossier, at time.Time) Result {
	if r.check == nil {
		return Result{Outcome: Unknown, Detail: "Règle non résolue : lisez le référentiel avec labels.Parse."}
	}
	var missing []string
	var unknownDetail []string
	if len(r.Stages) < len(clsm.Stage("").Options()) {
		switch {
		case d.Stage == "":
			missing = append(missing, "/stage")
			unknownDetail = append(unknownDetail, "cette règle ne concerne que les CLSM "+stageList(r.Stages)+", et le stade du CLSM n'est pas indiqué")
		case !r.AppliesTo(d.Stage):
			return Result{Outcome: NotApplicable, Paths: []string{"/stage"}, Detail: "Sans objet : cette règle ne concerne que les CLSM " + stageList(r.Stages) + "."}
		}
	}
	for _, c := range r.When {
		v, answered, err := clsm.ValueAt(d, c.Path)
		if err != nil {
			return Result{Outcome: Unknown, Detail: "Condition invalide : " + err.Error()}
		}
		if !answered {
			missing = append(missing, c.Path)
			unknownDetail = append(unknownDetail, "cette règle dépend de la réponse à "+titles([]string{c.Path}))
			continue
		}
		got, _ := json.Marshal(v.Interface())
		if !c.holds(got) {
			return Result{Outcome: NotApplicable, Paths: []string{c.Path}, Detail: fmt.Sprintf("Sans objet : %s : %s.", titles([]string{c.Path}), answerLabel(v.Interface()))}
		}
	}
	if len(missing) > 0 {
		return Result{Outcome: Unknown, Paths: append(missing, r.check.Reads(r.params)...), Missing: missing,
			Detail: "Non renseigné : " + strings.Join(unknownDetail, " ; ") + "."}
	}
	return r.check.eval(input{d: d, at: at}, r.params)
}

func (c Condition) holds(got []byte) bool {
	for _, want := range c.In {
		var buf bytes.Buffer
		if json.Compact(&buf, want) == nil && bytes.Equal(buf.Bytes(), got) {
			return true
		}
	}
	return false
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
	if r.check != nil {
		paths = append(paths, r.check.Reads(r.params)...)
	}
	return paths
}

// ParamValues returns the rule's decoded parameters, defaults included.
func (r *Rule) ParamValues() Params { return r.params }

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
		return lowerFirst(x.Label())
	}
	return fmt.Sprint(v)
}

// lowerFirst lowers the first letter of s, for a label inside a sentence.
func lowerFirst(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}
