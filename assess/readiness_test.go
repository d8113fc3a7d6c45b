package assess

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

func findings(met, unmet, unknown int) []Finding {
	var fs []Finding
	add := func(n int, o labels.Outcome) {
		for i := 0; i < n; i++ {
			fs = append(fs, Finding{Level: labels.LevelRequired, Outcome: o})
		}
	}
	add(met, labels.Met)
	add(unmet, labels.Unmet)
	add(unknown, labels.Unknown)
	// Recommended rules and rules that do not apply never change the level.
	fs = append(fs, Finding{Level: labels.LevelRecommended, Outcome: labels.Unmet}, Finding{Level: labels.LevelRequired, Outcome: labels.NotApplicable})
	return fs
}

// TestReadinessThresholds checks each level at the edges of its thresholds.
func TestReadinessThresholds(t *testing.T) {
	tests := []struct {
		met, unmet, unknown int
		want                ReadinessLevel
		reason              string
	}{
		{10, 0, 0, Ready, "every required rule met"},
		{0, 0, 0, Incomplete, "no required rule applies: no evidence, no verdict"},
		{9, 0, 1, AlmostReady, "one required rule unanswered: not ready yet"},
		{8, 2, 0, AlmostReady, "AlmostMaxUnmet unmet, compliance 80 %"},
		{7, 3, 0, InProgress, "one unmet more than AlmostMaxUnmet"},
		{6, 2, 0, AlmostReady, "compliance exactly AlmostMinCompliance (75 %)"},
		{5, 2, 0, InProgress, "compliance 71 %, under AlmostMinCompliance"},
		{1, 0, 1, AlmostReady, "confidence exactly MinConfidence (50 %)"},
		{1, 0, 2, Incomplete, "confidence 33 %, under MinConfidence"},
		{0, 1, 3, Incomplete, "one unmet but too little is answered for a verdict"},
		{0, 0, 5, Incomplete, "nothing answered"},
	}
	for _, tt := range tests {
		r := readiness(findings(tt.met, tt.unmet, tt.unknown), activeBasis)
		assert.Equal(t, tt.want, r.Level, tt.reason)
		assert.Equal(t, tt.want.Label(), r.Label, tt.reason)
		assert.NotEmpty(t, r.Explanation, tt.reason)
	}
}

// activeBasis is a dossier at the active stage under a referential that says
// what ready means there.
var activeBasis = verdictBasis{stage: clsm.StageActive, defined: true, meaning: "Les instances se réunissent."}

// TestReadyNeedsEvidence checks that every required rule met is not enough
// for « prêt » when the stage is unknown or the referential does not define
// ready for it, and that a partial referential says so in the label.
func TestReadyNeedsEvidence(t *testing.T) {
	all := findings(10, 0, 0)
	tests := []struct {
		basis  verdictBasis
		want   ReadinessLevel
		label  string
		reason string
	}{
		{activeBasis, Ready, "Prêt à déposer", "stage known and defined, all met"},
		{verdictBasis{stage: "", defined: false}, AlmostReady, "Presque prêt", "stage unknown: which rules apply is not known"},
		{verdictBasis{stage: clsm.StageProject, defined: false}, AlmostReady, "Presque prêt", "the referential does not say what ready means at this stage"},
		{verdictBasis{stage: clsm.StageActive, defined: true, meaning: "x", caveat: "Référentiel partiel : « cahier » n'a pas pu être lu."}, Ready, ReadyKnownRulesLabel, "partial referential: ready only as far as the known rules go"},
	}
	for _, tt := range tests {
		r := readiness(all, tt.basis)
		assert.Equal(t, tt.want, r.Level, tt.reason)
		assert.Equal(t, tt.label, r.Label, tt.reason)
		assert.Equal(t, tt.basis.caveat != "", r.Partial, tt.reason)
	}
}

func TestConfidenceAndCompliance(t *testing.T) {
	r := readiness(findings(6, 2, 2), activeBasis)
	assert.Equal(t, 80, r.Confidence) // 8 answered of 10
	if assert.NotNil(t, r.Compliance) {
		assert.Equal(t, 75, *r.Compliance) // 6 met of 8 answered
	}
}

func TestAxisScoreWeights(t *testing.T) {
	fs := []Finding{
		{Axis: labels.AxisGovernance, Level: labels.LevelRequired, Outcome: labels.Met},        // weight 3
		{Axis: labels.AxisGovernance, Level: labels.LevelGoodPractice, Outcome: labels.Unmet},  // weight 1
		{Axis: labels.AxisGovernance, Level: labels.LevelRecommended, Outcome: labels.Unknown}, // weight 2
		{Axis: labels.AxisCLS, Level: labels.LevelRequired, Outcome: labels.NotApplicable},
	}
	axes := axisScores(fs)
	assert.Len(t, axes, 2)
	gov := axes[0]
	assert.Equal(t, labels.AxisGovernance, gov.Axis)
	if assert.NotNil(t, gov.Score) {
		assert.Equal(t, 75, *gov.Score) // 3 / (3 + 1)
	}
	assert.Equal(t, 67, gov.Answered) // 4 / 6
	assert.Nil(t, axes[1].Score, "an axis with nothing answered has no score")
}
