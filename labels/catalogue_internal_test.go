package labels

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// TestViewHoldsOnlyReads: a check sees the answers its reads declare and
// those below them, and an answer it reads without declaring it is blank,
// so that a check cannot read what it does not declare.
func TestViewHoldsOnlyReads(t *testing.T) {
	yes := true
	d := &clsm.Dossier{Name: "CLSM", Copil: clsm.Copil{Exists: &yes, Meetings: []clsm.Date{"2026-01-10"}}, Plenary: clsm.Plenary{Exists: &yes}}
	var seen *clsm.Dossier
	check := checkOf[*noParams]{
		ID:    "test.view",
		reads: fixedReads[*noParams]("/copil", "/createdOn"),
		eval:  func(in input, _ *noParams, _ []string) Result { seen = in.d; return Result{Outcome: Met} },
	}.check()
	check.run(input{d: d, at: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}, Params{})
	require.NotNil(t, seen)
	assert.Equal(t, d.Copil.Exists, seen.Copil.Exists, "below a declared read")
	assert.Equal(t, d.Copil.Meetings, seen.Copil.Meetings, "below a declared read")
	assert.Nil(t, seen.Plenary.Exists, "an undeclared answer is blank")
	assert.Empty(t, seen.Name, "an undeclared answer is blank")
	assert.NotSame(t, d, seen, "the check never holds the dossier itself")
}

// TestParamSpecsFromStructs: the specifications a referential is checked
// against, documented and given a schema come from the parameter structs'
// types and tags.
func TestParamSpecsFromStructs(t *testing.T) {
	for _, tt := range []struct {
		check *Check
		want  []ParamSpec
	}{
		{listMinCount, []ParamSpec{
			{Name: "path", Kind: ParamPath, PathKind: "list", Description: "la liste à compter (chemin dans le dossier)"},
			{Name: "min", Kind: ParamInt, Default: 1, Description: "le nombre minimal d'éléments"},
		}},
		{membersInclude, []ParamSpec{
			{Name: "body", Kind: ParamString, Default: "copil", Options: bodyOptions, Description: "l'instance : copil ou bureau"},
			{Name: "categories", Kind: ParamStrings, Options: clsm.MemberCategory("").Options(), Description: "les catégories de membres qui doivent y siéger"},
		}},
		{arsShare, []ParamSpec{
			{Name: "maxShare", Kind: ParamNumber, Default: 50.0, Description: "la part maximale financée par l'ARS, en %"},
			{Name: "maxFTE", Kind: ParamNumber, Default: 0.0, Description: "le temps maximal financé par l'ARS, en ETP (0 : pas de plafond)"},
		}},
		{answerYes, []ParamSpec{{Name: "paths", Kind: ParamPaths, PathKind: "yesno",
			Description: "les questions oui/non (chemins dans le dossier) qui doivent toutes être répondues « oui »"}}},
		{threeLevels, nil},
	} {
		assert.Equal(t, tt.want, tt.check.Params, tt.check.ID)
	}
}

// TestBadParamStructs: a parameter struct the catalogue cannot describe is
// refused when the check is built.
func TestBadParamStructs(t *testing.T) {
	type listOfNumbers struct {
		N []int `json:"n"`
	}
	type badDefault struct {
		N int `json:"n" default:"deux"`
	}
	type pathDefault struct {
		P []string `json:"p" path:"list" default:"/copil"`
	}
	assert.Panics(t, func() { checkOf[*listOfNumbers]{}.check() })
	assert.Panics(t, func() { checkOf[*badDefault]{}.check() })
	assert.Panics(t, func() { checkOf[*pathDefault]{}.check() })
}

// TestTypedParamsMadeOnce: reading a referential makes each rule's
// parameter struct once, and the parameters a rule hands out leave it out.
func TestTypedParamsMadeOnce(t *testing.T) {
	raw := map[string]json.RawMessage{"body": json.RawMessage(`"plenary"`), "min": json.RawMessage(`3`)}
	p, ps := meetingsCount.decodeParams(raw, "/rules/0/params")
	require.Empty(t, ps)
	assert.Equal(t, &meetingsCountParams{Body: "plenary", Min: 3, Months: 12}, p[typedKey], "defaults included")
	assert.Same(t, p[typedKey], typedParams((*meetingsCountParams)(nil), p), "made once")
	assert.NotContains(t, p.clone(), typedKey)
	fresh := Params{"body": "copil", "min": 2, "months": 6}
	assert.Equal(t, &meetingsCountParams{Body: "copil", Min: 2, Months: 6}, typedParams((*meetingsCountParams)(nil), fresh), "made from decoded values")
}
