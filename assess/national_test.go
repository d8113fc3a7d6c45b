package assess_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
)

// TestNationalFiguresHaveSources: no figure without its source and year,
// and none written as a requirement.
func TestNationalFiguresHaveSources(t *testing.T) {
	figures := assess.NationalFigures()
	require.NotEmpty(t, figures)
	seen := map[string]bool{}
	for _, f := range figures {
		assert.False(t, seen[f.Item], "item %s twice", f.Item)
		seen[f.Item] = true
		assert.NotEmpty(t, f.Topic, f.Item)
		assert.Contains(t, f.Figure, "\u00a0%", f.Item)
		assert.Contains(t, f.Source, "État des lieux national des CLSM", f.Item)
		assert.Contains(t, []int{2018, 2023}, f.Year, f.Item)
		for _, word := range []string{"doit", "doivent", "exig", "requis"} {
			assert.NotContains(t, strings.ToLower(f.Figure), word, "%s reads as a rule", f.Item)
		}
	}
	// The figures of the national surveys, exactly as their sources give them.
	want := map[string]string{"coordinatorFullTime": "22\u00a0%", "coFunding": "70\u00a0%", "adolescentsGroup": "55\u00a0%", "coversQPV": "83\u00a0%", "asvInQPV": "42\u00a0%"}
	for item, pct := range want {
		found := false
		for _, f := range figures {
			if f.Item == item {
				found = true
				assert.Contains(t, f.Figure, pct, item)
			}
		}
		assert.True(t, found, item)
	}
}

// TestNationalComparisons places small dossiers against the figures: what
// the dossier says, « non renseigné » when it does not.
func TestNationalComparisons(t *testing.T) {
	yes, no := true, false
	half, full := 0.5, 1.0
	share := 50.0
	three := 3
	tests := []struct {
		name string
		d    clsm.Dossier
		want map[string]string
	}{
		{"empty", clsm.Dossier{}, map[string]string{
			"coordinatorFullTime": "non renseigné", "coFunding": "non renseigné", "adolescentsGroup": "non renseigné",
			"coversQPV": "non renseigné", "asvInQPV": "non renseigné",
		}},
		{"half-time, two funders, youth group, QPV without ASV", clsm.Dossier{
			Coordinator:   clsm.Coordinator{Exists: &yes, FTE: &half, Funders: []clsm.Funder{{Kind: clsm.FunderCollectivity, Share: &share}, {Kind: clsm.FunderARS, Share: &share}}},
			WorkingGroups: []clsm.WorkingGroup{{Theme: clsm.ThemeHousing}, {Theme: clsm.ThemeYouth}},
			Territory:     clsm.Territory{CoversQPV: &yes, QPVCount: &three},
			Articulations: clsm.Articulations{ASV: clsm.ArticulationAbsent},
		}, map[string]string{
			"coordinatorFullTime": "non, 0,5 ETP", "coFunding": "poste cofinancé par 2\u00a0financeurs", "adolescentsGroup": "oui",
			"coversQPV": "oui, 3\u00a0quartiers prioritaires", "asvInQPV": "pas d'atelier santé ville sur le territoire",
		}},
		{"full-time, single funder, no youth group, no QPV", clsm.Dossier{
			Coordinator:   clsm.Coordinator{Exists: &yes, FTE: &full, Funders: []clsm.Funder{{Kind: clsm.FunderCollectivity, Share: &share}}},
			WorkingGroups: []clsm.WorkingGroup{{Theme: clsm.ThemeHousing}},
			Territory:     clsm.Territory{CoversQPV: &no},
		}, map[string]string{
			"coordinatorFullTime": "oui, 1 ETP", "coFunding": "un seul financeur\u00a0: collectivité (commune, intercommunalité)", "adolescentsGroup": "non",
			"coversQPV": "non", "asvInQPV": "sans objet, le territoire ne comptant pas de quartier prioritaire",
		}},
		{"no coordinator post", clsm.Dossier{Coordinator: clsm.Coordinator{Exists: &no}}, map[string]string{
			"coordinatorFullTime": "pas de poste de coordination", "coFunding": "pas de poste de coordination",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := assess.Evaluate(&tt.d, builtin(t, "national"), evalDate)
			require.NoError(t, err)
			require.Len(t, r.National, len(assess.NationalFigures()))
			got := map[string]string{}
			for _, c := range r.National {
				got[c.Item] = c.Dossier
				assert.Equal(t, c.Dossier != "non renseigné", c.Answered, c.Item)
				assert.NotEmpty(t, c.Source, c.Item)
			}
			for item, want := range tt.want {
				assert.Equal(t, want, got[item], item)
			}
		})
	}
}
