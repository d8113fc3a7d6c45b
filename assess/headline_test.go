package assess_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// TestRegionalHeadlinesAgreeWithRows: with a partial referential, every
// headline names the best level as the rows do, « Prêt au regard des
// règles connues », in every format; with a complete one, « Prêt à
// déposer ».
func TestRegionalHeadlinesAgreeWithRows(t *testing.T) {
	tests := []struct {
		ref     string
		partial bool
		ready   string
		never   string
	}{
		{"national", true, "Prêt au regard des règles connues", "Prêt à déposer"},
		{"hdf", true, "Prêt au regard des règles connues", "Prêt à déposer"},
		{"idf", false, "Prêt à déposer", "Prêt au regard des règles connues"},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			a, err := assess.AggregateFiles(regionalFiles(t), builtin(t, tt.ref), evalDate)
			require.NoError(t, err)
			assert.Equal(t, tt.partial, a.Partial)
			assert.Equal(t, tt.ready, a.LevelLabel(assess.Ready))
			for _, row := range a.CLSM {
				if row.Level == assess.Ready {
					assert.Equal(t, tt.ready, row.Label, "a row says what the headline says: %s", row.File)
				}
			}
			for _, f := range []assess.Format{assess.FormatText, assess.FormatMarkdown, assess.FormatHTML, assess.FormatCSV} {
				var buf bytes.Buffer
				require.NoError(t, assess.RenderRegional(&buf, a, f))
				text := strings.ReplaceAll(buf.String(), "\u00a0", " ")
				assert.NotContains(t, strings.ToLower(text), strings.ToLower(tt.never), "%s: a headline contradicts its rows", f)
				if a.Levels.Ready > 0 {
					assert.Contains(t, text, tt.ready, f)
				}
			}
		})
	}
}

// TestFundingSpreadOverFunders: a funder's share is spread over the CLSM it
// funds, never with a 0 for the others, and the report says over how many.
func TestFundingSpreadOverFunders(t *testing.T) {
	share := func(v float64) *float64 { return &v }
	dossiers := []*clsm.Dossier{
		{Name: "A", Coordinator: clsm.Coordinator{Exists: new(true), Funders: []clsm.Funder{{Kind: clsm.FunderARS, Share: share(50)}, {Kind: clsm.FunderCollectivity, Share: share(50)}}}},
		{Name: "B", Coordinator: clsm.Coordinator{Exists: new(true), Funders: []clsm.Funder{{Kind: clsm.FunderCollectivity, Share: share(100)}}}},
		{Name: "C", Coordinator: clsm.Coordinator{Exists: new(true), Funders: []clsm.Funder{{Kind: clsm.FunderCollectivity, Share: share(80)}}}},
		{Name: "D", Coordinator: clsm.Coordinator{Exists: new(true)}}, // does not say: counted nowhere
	}
	var entries []assess.Entry
	for i, d := range dossiers {
		r, err := assess.Evaluate(d, builtin(t, "national"), evalDate)
		require.NoError(t, err)
		entries = append(entries, assess.Entry{File: string(rune('a'+i)) + ".json", Dossier: d, Report: r})
	}
	a, err := assess.Aggregate(entries)
	require.NoError(t, err)
	assert.Equal(t, 3, a.FundingDetailed)
	by := map[clsm.FunderKind]assess.FunderSpread{}
	for _, f := range a.Funding {
		by[f.Kind] = f
	}
	ars := by[clsm.FunderARS]
	assert.Equal(t, 1, ars.Involved)
	assert.Equal(t, 1, ars.Share.Answered, "the ARS's share over the one CLSM it funds")
	require.NotNil(t, ars.Share.Median)
	assert.Equal(t, 50.0, *ars.Share.Median, "not 0, as it would be with the CLSM it does not fund counted")
	coll := by[clsm.FunderCollectivity]
	assert.Equal(t, 3, coll.Share.Answered)
	assert.Equal(t, 80.0, *coll.Share.Median)
	assert.Zero(t, by[clsm.FunderHospital].Share.Answered)
	assert.Nil(t, by[clsm.FunderHospital].Share.Median, "no figure for a funder of none")

	var buf bytes.Buffer
	require.NoError(t, assess.RenderRegional(&buf, a, assess.FormatText))
	text := strings.ReplaceAll(buf.String(), "\u00a0", " ")
	assert.Contains(t, text, "ARS (agence régionale de santé) : finance le poste de 1 CLSM, sur 3 qui détaillent leur financement ; part financée, médiane 50 %")
	assert.Contains(t, text, "maximum 50 %), sur ce seul CLSM", "over whom the median is said")
	assert.Contains(t, text, "maximum 100 %), sur ces 3 CLSM")
	assert.NotContains(t, text, "médiane 0 %")
}

// TestRegionalCSVBlankIsEmpty: in the spreadsheet, an answer the dossier does
// not give is an empty cell, never a 0.
func TestRegionalCSVBlankIsEmpty(t *testing.T) {
	files := map[string][]byte{"vide.json": []byte(`{"schemaVersion": 2, "name": "CLSM sans réponse"}`)}
	a, err := assess.AggregateFiles(files, builtin(t, "national"), evalDate)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, assess.RenderRegional(&buf, a, assess.FormatCSV))
	r := csv.NewReader(bytes.NewReader(buf.Bytes()[3:]))
	r.Comma = ';'
	rows, err := r.ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2)
	cell := map[string]string{}
	for i, h := range rows[0] {
		cell[h] = rows[1][i]
	}
	assert.Empty(t, cell["Exigences requises respectées parmi celles renseignées (%)"], "no compliance without an answer")
	assert.Empty(t, cell["Temps de coordination (ETP)"])
	assert.Empty(t, cell["Stade"])
}

// TestIndicatorsNoZeroForBlank: an indicator counted over answers left blank
// is « non renseigné », never 0; a count that some answers give stands.
func TestIndicatorsNoZeroForBlank(t *testing.T) {
	yes := new(true)
	tests := []struct {
		name      string
		actions   []clsm.Action
		groups    []clsm.WorkingGroup
		qpv       *int
		observe   *int // actions serving the observation objective
		groupsObs *int // working groups serving it
		reason    string
	}{
		{"blank objectives and QPV", []clsm.Action{{Title: "SISM"}}, []clsm.WorkingGroup{{Theme: clsm.Theme("housing")}}, nil, nil, nil,
			"an action that says neither its objectives nor whether it targets a QPV counts for nothing"},
		{"said none", []clsm.Action{{Title: "SISM", Objectives: []clsm.StrategicObjective{}, QPV: new(false)}}, []clsm.WorkingGroup{{Theme: clsm.Theme("housing"), Objectives: []clsm.StrategicObjective{}}}, new(0), new(0), new(0),
			"answered « none »: a real 0"},
		{"one said, one blank", []clsm.Action{{Title: "A", Objectives: []clsm.StrategicObjective{clsm.ObjectiveObservation}, QPV: yes}, {Title: "B"}}, nil, new(1), new(1), nil,
			"what is said is counted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &clsm.Dossier{WorkingGroups: tt.groups}
			d.ActionPlan.Actions = tt.actions
			r, err := assess.Evaluate(d, builtin(t, "hdf"), evalDate)
			require.NoError(t, err, tt.reason)
			in := r.Indicators
			assert.Equal(t, tt.qpv, in.QPVActions, tt.reason)
			var obs assess.ObjectiveCount
			for _, o := range in.Objectives {
				if o.Objective == clsm.ObjectiveObservation {
					obs = o
				}
			}
			assert.Equal(t, tt.observe, obs.Actions, tt.reason)
			assert.Equal(t, tt.groupsObs, obs.WorkingGroups, tt.reason)
			var buf bytes.Buffer
			require.NoError(t, assess.Render(&buf, r, assess.FormatText))
			if tt.qpv == nil {
				assert.NotContains(t, strings.ReplaceAll(buf.String(), "\u00a0", " "), "actions en QPV : 0", tt.reason)
			}
		})
	}
}

// TestReferentialForFiles: the referential of the region the dossiers share,
// else the national baseline, and a sentence that says which and why.
func TestReferentialForFiles(t *testing.T) {
	// A department of a region no built-in referential names, whichever
	// are built in.
	named := map[string]bool{}
	for _, r := range labels.Builtins() {
		for _, code := range r.Regions {
			named[code] = true
		}
	}
	var dept clsm.DepartmentCode
	var region clsm.Region
	for _, o := range clsm.DepartmentCode("").Options() {
		if r, ok := clsm.DepartmentCode(o.Value).Region(); ok && !named[r.Code] {
			dept, region = clsm.DepartmentCode(o.Value), r
			break
		}
	}
	require.NotEmpty(t, dept, "a region without its own referential")
	dossier := func(dept string) []byte {
		return []byte(`{"schemaVersion": 2, "territory": {"department": "` + dept + `"}}`)
	}
	tests := []struct {
		name  string
		files map[string][]byte
		want  string
		says  string
	}{
		{"Île-de-France", map[string][]byte{"a.json": dossier("93"), "b.json": dossier("75"), "c.json": []byte("illisible"), "d.json": []byte(`{}`)}, "idf", "Les dossiers relèvent tous de la région Île-de-France"},
		{"two regions", map[string][]byte{"a.json": dossier("93"), "b.json": dossier("12")}, "national", "2\u00a0régions différentes"},
		{"region without its own", map[string][]byte{"a.json": dossier(string(dept))}, "national", region.Name + ", qui n'a pas de référentiel intégré"},
		{"no department", map[string][]byte{"a.json": []byte(`{}`)}, "national", "Aucun dossier ne dit son département"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref, why := assess.ReferentialForFiles(tt.files)
			assert.Equal(t, tt.want, ref.ID)
			assert.Contains(t, why, tt.says)
			assert.Contains(t, why, "«\u00a0"+ref.Name+"\u00a0»")
		})
	}
}
