package labels

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/clsmkit/go-clsm/clsm"
)

// TestBodyParameter: members.include and meetings.count handle every option
// of their body parameter, and an impossible value gives an internal
// « non renseigné » with a French detail, never the COPIL's answer.
func TestBodyParameter(t *testing.T) {
	yes := true
	d := &clsm.Dossier{
		Copil:     clsm.Copil{Exists: &yes},
		Bureau:    clsm.Bureau{Exists: &yes},
		Plenary:   clsm.Plenary{Exists: &yes},
		Technical: clsm.TechnicalCommittee{Exists: &yes},
	}
	in := input{d: d, at: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
	tests := []struct {
		check  *Check
		params Params
		bodies []clsm.Option
	}{
		{membersInclude, Params{"categories": []string{"elected"}}, bodyOptions},
		{meetingsCount, Params{"min": 1, "months": 12}, meetingBodies},
	}
	for _, tt := range tests {
		t.Run(tt.check.ID, func(t *testing.T) {
			for _, o := range tt.bodies {
				p := Params{"body": o.Value}
				for k, v := range tt.params {
					p[k] = v
				}
				r := tt.check.run(in, p)
				assert.NotContains(t, r.Detail, "Erreur interne", o.Value)
				assert.Contains(t, strings.ToLower(r.Detail), strings.ToLower(o.Label), "%s: %q names its body", o.Value, r.Detail)
			}
			p := Params{"body": "comite"}
			for k, v := range tt.params {
				p[k] = v
			}
			r := tt.check.run(in, p)
			assert.Equal(t, Unknown, r.Outcome)
			assert.Equal(t, "Erreur interne : la vérification « "+tt.check.ID+" » a reçu « comite » pour le paramètre « body », qu'elle ne connaît pas. Merci de signaler ce problème avec le référentiel utilisé.", r.Detail)
		})
	}
}

// TestEvaluateFillsPathsFromReads: a check that names no path in its result
// gets those its reads declares.
func TestEvaluateFillsPathsFromReads(t *testing.T) {
	check := &Check{
		ID:    "test.reads",
		reads: func(Params) []string { return []string{"/copil/exists", "/copil/members"} },
		eval:  func(input, Params, []string) Result { return Result{Outcome: Met, Detail: "Vu."} },
	}
	r := &Rule{ID: "r", check: check, Stages: []clsm.Stage{clsm.StageProject, clsm.StageConstitution, clsm.StageActive}}
	assert.Equal(t, []string{"/copil/exists", "/copil/members"}, r.Evaluate(&clsm.Dossier{}, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)).Paths)
}
