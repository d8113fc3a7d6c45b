package labels_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// calendarRule builds a resolved rule of the given check for active CLSM.
func calendarRule(t *testing.T, check string, params map[string]any) *labels.Rule {
	t.Helper()
	raw := map[string]json.RawMessage{}
	for k, v := range params {
		data, err := json.Marshal(v)
		require.NoError(t, err)
		raw[k] = data
	}
	ref := &labels.Referential{SchemaVersion: 1, ID: "essai", Name: "Essai", Issuer: "Essai", Version: "1",
		Documents: []labels.Document{{ID: "cdc", Title: "Cahier des charges"}},
		Rules: []labels.Rule{{ID: "essai-regle", Check: check, Params: raw, Level: labels.LevelRequired,
			Stages: []clsm.Stage{clsm.StageActive}, Source: "cdc", Section: "§1", Basis: labels.BasisARSRequirement,
			Quote: "Le CLSM doit le faire.", Modal: "doit", Requirement: "Exigence.", Advice: "Conseil."}},
	}
	require.NoError(t, ref.Resolve())
	return &ref.Rules[0]
}

// TestCalendar: a periodic rule is judged against the CLSM's own calendar.
// It is « pas encore dû » while the CLSM is younger than its period, with the
// day it becomes due; « non renseigné » while the creation date that would
// say so is missing or contradicts the evaluation date; and a blank is never
// « pas encore dû ».
func TestCalendar(t *testing.T) {
	bilan := map[string]any{"path": "/evaluation/lastAnnualReport", "months": 12}
	review := map[string]any{"path": "/evaluation/lastAppropriationReview", "months": 24}
	copil := map[string]any{"body": "copil", "min": 2, "months": 12}
	plenary := map[string]any{"body": "plenary", "min": 1, "months": 12}
	tests := []struct {
		name   string
		check  string
		params map[string]any
		d      doc
		want   labels.Outcome
		dueOn  clsm.Date
		detail string // a part of the detail, when it matters
		reason string
	}{
		{"bilan never, CLSM of 10 months", "date.within", bilan,
			doc{"createdOn": "2026-01-22"}.set("/evaluation/lastAnnualReport", "never"), labels.NotDue, "2027-01-22", "n'y est tenu qu'à partir du 22 janvier 2027",
			"« bilan annuel » (§12): owed once the CLSM has lived a year"},
		{"review never, CLSM of 10 months", "date.within", review,
			doc{"createdOn": "2026-01-22"}.set("/evaluation/lastAppropriationReview", "never"), labels.NotDue, "2028-01-22", "",
			"« tous les deux ans » (§12): owed two years after the creation"},
		{"bilan never, CLSM of 13 months", "date.within", bilan,
			doc{"createdOn": "2025-10-22"}.set("/evaluation/lastAnnualReport", "never"), labels.Unmet, "", "plus de 12 mois avant",
			"a year has passed without a bilan"},
		{"bilan never on the first anniversary", "date.within", bilan,
			doc{"createdOn": "2025-11-22"}.set("/evaluation/lastAnnualReport", "never"), labels.Unmet, "", "",
			"due from the day one period after the creation"},
		{"bilan never, no creation date", "date.within", bilan,
			doc{}.set("/evaluation/lastAnnualReport", "never"), labels.Unknown, "", "Sans la date de création du CLSM",
			"without the creation date nobody knows whether the bilan is owed: unknown, never « non »"},
		{"bilan never, created after the evaluation date", "date.within", bilan,
			doc{"createdOn": "2027-03-12"}.set("/evaluation/lastAnnualReport", "never"), labels.Unknown, "", "12 mars 2027",
			"a contradictory creation date is never evidence"},
		{"bilan blank, young CLSM", "date.within", bilan,
			doc{"createdOn": "2026-06-01"}, labels.Unknown, "", "",
			"a blank is « non renseigné », never « pas encore dû »"},
		{"bilan dated, young CLSM", "date.within", bilan,
			doc{"createdOn": "2026-01-22"}.set("/evaluation/lastAnnualReport", "2026-10-01"), labels.Met, "", "précède de 12 mois au plus",
			"a bilan made is met, whatever the age"},
		{"bilan stale, no creation date", "date.within", bilan,
			doc{}.set("/evaluation/lastAnnualReport", "2025-09-15"), labels.Unmet, "", "La date indiquée, le 15 septembre 2025, précède de plus de 12 mois la date d'évaluation (22 novembre 2026).",
			"a bilan of 14 months shows the CLSM is older than a year"},
		{"one COPIL meeting, CLSM of 5 months", "meetings.count", copil,
			doc{"createdOn": "2026-06-22"}.set("/copil/exists", true).set("/copil/meetings", []string{"2026-09-10"}), labels.NotDue, "2027-06-22", "1 réunion du comité de pilotage",
			"« au moins deux fois par an » (§4.1) is judged on a year; the second meeting can still be held"},
		{"two COPIL meetings, CLSM of 5 months", "meetings.count", copil,
			doc{"createdOn": "2026-06-22"}.set("/copil/exists", true).set("/copil/meetings", []string{"2026-09-10", "2026-11-02"}), labels.Met, "", "",
			"two meetings are evidence, whatever the age"},
		{"no plenary yet, CLSM of 5 months", "meetings.count", plenary,
			doc{"createdOn": "2026-06-22"}.set("/plenary/exists", true).set("/plenary/meetings", []string{}), labels.NotDue, "2027-06-22", "",
			"« au moins une fois par an » (§4.2): not owed before a year"},
		{"one COPIL meeting, old CLSM", "meetings.count", copil,
			doc{"createdOn": "2019-06-22"}.set("/copil/exists", true).set("/copil/meetings", []string{"2026-09-10"}), labels.Unmet, "", "",
			"an old CLSM owes two meetings a year"},
		{"one COPIL meeting, no creation date", "meetings.count", copil,
			doc{}.set("/copil/exists", true).set("/copil/meetings", []string{"2026-09-10"}), labels.Unknown, "", "Sans la date de création",
			"without the creation date, one meeting may be the first of a young CLSM"},
		{"one COPIL meeting and an older one, no creation date", "meetings.count", copil,
			doc{}.set("/copil/exists", true).set("/copil/meetings", []string{"2026-09-10", "2025-03-01"}), labels.Unmet, "", "",
			"a meeting before the period shows the COPIL existed all through it"},
		{"meeting before the creation", "meetings.count", copil,
			doc{"createdOn": "2026-06-22"}.set("/copil/exists", true).set("/copil/meetings", []string{"2026-05-10", "2026-09-10"}), labels.NotDue, "2027-06-22", "La réunion du 10 mai 2026, antérieure à la création du CLSM (22 juin 2026), n'est pas comptée",
			"a contradictory date is never evidence, and the finding names both dates"},
		{"COPIL not constituted, young CLSM", "meetings.count", copil,
			doc{"createdOn": "2026-06-22"}.set("/copil/exists", false), labels.Unmet, "", "n'est pas constitué",
			"an instance that does not exist does not meet, whatever the age"},
		{"training never, deadline to come", "coordinator.training", map[string]any{"years": 2},
			doc{}.set("/coordinator/meetsCompetencies", false).set("/coordinator/trainingNeeded", true).
				set("/coordinator/startedOn", "2025-09-01").set("/coordinator/trainingStartedOn", "never"), labels.NotDue, "2027-09-02", "jusqu'au 1er septembre 2027",
			"« engager dans un délai de 2 ans » (§5) cannot be missed before its end"},
		{"training blank, deadline to come", "coordinator.training", map[string]any{"years": 2},
			doc{}.set("/coordinator/meetsCompetencies", false).set("/coordinator/trainingNeeded", true).
				set("/coordinator/startedOn", "2025-09-01"), labels.Unknown, "", "",
			"a blank is never « pas encore dû », nor « respecté »"},
		{"training dated after the evaluation date, deadline passed", "coordinator.training", map[string]any{"years": 2},
			doc{}.set("/coordinator/meetsCompetencies", false).set("/coordinator/trainingNeeded", true).
				set("/coordinator/startedOn", "2023-09-01").set("/coordinator/trainingStartedOn", "2027-01-10"), labels.Unmet, "", "La formation est datée du 10 janvier 2027",
			"the detail never says no training exists when one is dated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rule := calendarRule(t, tt.check, tt.params)
			d := tt.d.clone()
			d["stage"] = "active"
			res := rule.Evaluate(d.dossier(t), evalDate)
			assert.Equal(t, tt.want, res.Outcome, "%s — %s", tt.reason, res.Detail)
			assert.Equal(t, tt.dueOn, res.DueOn, tt.reason)
			if tt.detail != "" {
				assert.Contains(t, strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(res.Detail), tt.detail)
			}
			if res.Outcome == labels.Unknown {
				assert.NotEmpty(t, res.Missing)
			}
		})
	}
}

// TestNoDetailDeniesWhatIsListed: a finding never says that no working
// group or no action exists when the dossier lists one. Every check that
// looks for a theme, an objective or a §9 domain is run on a dossier with a
// « Logement » working group and an action that cover none of them.
func TestNoDetailDeniesWhatIsListed(t *testing.T) {
	base := doc{"stage": "active"}.
		set("/workingGroups", []any{map[string]any{"name": "Logement", "theme": "housing", "objectives": []string{}, "usersParticipate": false}}).
		set("/actionPlan/actions", []any{map[string]any{"title": "Action", "domains": []string{}, "objectives": []string{}, "themes": []string{}}})
	denial := []string{"Aucun groupe", "aucun groupe", "Aucune action", "aucune action", "ni aucune"}
	var rules []*labels.Rule
	for _, o := range clsm.Theme("").Options() {
		rules = append(rules, calendarRule(t, "theme.addressed", map[string]any{"theme": o.Value}))
	}
	for _, o := range clsm.StrategicObjective("").Options() {
		rules = append(rules, calendarRule(t, "objective.covered", map[string]any{"objective": o.Value}))
	}
	for _, o := range clsm.PriorityDomain("").Options() {
		rules = append(rules, calendarRule(t, "domain.covered", map[string]any{"domain": o.Value}))
	}
	for _, rule := range rules {
		res := rule.Evaluate(base.clone().dossier(t), evalDate)
		for _, d := range denial {
			assert.NotContains(t, res.Detail, d, "%s %v: %s", rule.Check, rule.ParamValues(), res.Outcome)
		}
	}
	// The housing group covers §9.4 and the inclusion objective (§9.4 names
	// « le logement »), with its objectives answered « none ».
	for _, rule := range []*labels.Rule{
		calendarRule(t, "domain.covered", map[string]any{"domain": "inclusion"}),
		calendarRule(t, "objective.covered", map[string]any{"objective": "inclusion"}),
		calendarRule(t, "theme.addressed", map[string]any{"theme": "housing"}),
	} {
		res := rule.Evaluate(base.clone().dossier(t), evalDate)
		assert.Equal(t, labels.Met, res.Outcome, "%s %v: %s", rule.Check, rule.ParamValues(), res.Detail)
		assert.Contains(t, res.Detail, "Logement")
	}
}
