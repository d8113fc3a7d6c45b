package examples_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

func TestCustomReferential(t *testing.T) {
	data, ok := examples.Referential("aveyron-exemple")
	require.True(t, ok)
	ref, err := labels.Parse(data)
	require.NoError(t, err)
	rule, ok := ref.Rule("dd12-copil-reunions")
	require.True(t, ok)
	assert.Equal(t, 3, rule.ParamValues().Int("min"))
	_, kept := ref.Rule("occ-partenaires-cite")
	assert.False(t, kept, "dropped")

	// It starts from Occitanie: every other rule, document, region and unread
	// source of Occitanie is its own, the composition rule as it rewrites it.
	occ, err := labels.Builtin("occitanie")
	require.NoError(t, err)
	assert.Equal(t, "occitanie", ref.Extends)
	assert.Equal(t, occ.Regions, ref.Regions)
	assert.True(t, ref.Partial())
	assert.Len(t, ref.Rules, len(occ.Rules)-1+2)
	for _, base := range occ.Rules {
		_, ok := ref.Rule(base.ID)
		assert.Equal(t, base.ID != "occ-partenaires-cite", ok, base.ID)
	}
	composition, ok := ref.Rule("occ-composition")
	require.True(t, ok)
	assert.Contains(t, composition.ParamValues().Strings("categories"), "ars_delegation")
	assert.Equal(t, "cdc-dd12", composition.Source)
	project, _ := ref.ReadinessFor(clsm.StageProject)
	occProject, _ := occ.ReadinessFor(clsm.StageProject)
	assert.Equal(t, occProject, project, "the project stage is Occitanie's")
	active, _ := ref.ReadinessFor(clsm.StageActive)
	assert.Contains(t, active.Rules, "dd12-jeunes")

	// Like the built-in rules, each rule quotes its text and its level
	// follows the quote's word.
	for _, r := range ref.Rules {
		assert.NotEmpty(t, r.Quote, r.ID)
		assert.NotEmpty(t, r.LevelWhy, r.ID)
		_, levels, ok := labels.ModalLevels(r.Modal)
		assert.True(t, ok && labels.QuoteHasModal(r.Quote, r.Modal) && slices.Contains(levels, r.Level), "%s: level %s, word « %s »", r.ID, r.Level, r.Modal)
	}

	// The Roubaix example met two COPIL meetings in the last 12 months' window
	// of the built-in rules; three are asked here.
	d := dossier(t, "hauts-de-france-roubaix-actif")
	res := rule.Evaluate(d, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, labels.Met, res.Outcome, res.Detail)
	res = rule.Evaluate(d, time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, labels.Unmet, res.Outcome, res.Detail)
}

func dossier(t *testing.T, name string) *clsm.Dossier {
	t.Helper()
	data, ok := examples.Dossier(name)
	require.True(t, ok)
	d, err := clsm.Parse(data)
	require.NoError(t, err)
	return d
}
