package assess

import (
	"errors"
	"fmt"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// Comparison is what changed between two reports of the same CLSM against the
// same referential: two years, or before and after some edits.
type Comparison struct {
	Referential  string         `json:"referential" title:"Référentiel"`
	Before       clsm.Date      `json:"before" title:"Date du premier rapport"`
	After        clsm.Date      `json:"after" title:"Date du second rapport"`
	ReadinessWas ReadinessLevel `json:"readinessBefore" title:"Niveau avant"`
	ReadinessNow ReadinessLevel `json:"readinessAfter" title:"Niveau après"`
	Improved     []Change       `json:"improved" title:"Ce qui s'est amélioré"`
	Regressed    []Change       `json:"regressed" title:"Ce qui a reculé"`
	New          []Change       `json:"new" title:"Ce qui s'applique désormais"`
	Dropped      []Change       `json:"dropped" title:"Ce qui ne s'applique plus"`
	Unchanged    int            `json:"unchanged" title:"Règles inchangées"`
}

// Change is one rule whose outcome changed.
type Change struct {
	RuleID      string         `json:"ruleId" title:"Règle"`
	Level       labels.Level   `json:"level" title:"Niveau"`
	Requirement string         `json:"requirement" title:"Exigence"`
	Before      labels.Outcome `json:"before,omitzero" title:"Avant"`
	After       labels.Outcome `json:"after,omitzero" title:"Après"`
}

// rank orders the outcomes of an applicable rule: unmet < unknown < met.
var rank = map[labels.Outcome]int{labels.Unmet: 0, labels.Unknown: 1, labels.Met: 2}

// ErrDifferentReferentials is the error, wrapped, of [Compare] for two
// reports made against different referentials: their rules cannot be set
// side by side.
var ErrDifferentReferentials = errors.New("Les deux rapports n'utilisent pas le même référentiel")

// Compare lists what improved, what regressed, what newly applies and what no
// longer applies from before to after. Both reports must use the same
// referential: reports of two referentials give an error that wraps
// [ErrDifferentReferentials].
func Compare(before, after *Report) (*Comparison, error) {
	if before == nil || after == nil {
		return nil, fmt.Errorf("assess: il faut deux rapports à comparer")
	}
	if before.Referential.ID != after.Referential.ID {
		return nil, fmt.Errorf("%w (« %s » et « %s »)\u00a0: comparez deux rapports d'un même référentiel.", ErrDifferentReferentials, Inert(before.Referential.ID), Inert(after.Referential.ID))
	}
	c := &Comparison{
		Referential: after.Referential.ID, Before: before.EvaluatedOn, After: after.EvaluatedOn,
		ReadinessWas: before.Readiness.Level, ReadinessNow: after.Readiness.Level,
		Improved: []Change{}, Regressed: []Change{}, New: []Change{}, Dropped: []Change{},
	}
	was := map[string]Finding{}
	for _, f := range before.Findings {
		was[f.RuleID] = f
	}
	seen := map[string]bool{}
	for _, f := range after.Findings {
		seen[f.RuleID] = true
		old, existed := was[f.RuleID]
		ch := Change{RuleID: f.RuleID, Level: f.Level, Requirement: f.Requirement, Before: old.Outcome, After: f.Outcome}
		// A rule not yet due is compared like one that does not apply: it
		// is neither a gap nor evidence.
		oldApplies := existed && old.Outcome != labels.NotApplicable && old.Outcome != labels.NotDue
		nowApplies := f.Outcome != labels.NotApplicable && f.Outcome != labels.NotDue
		switch {
		case !oldApplies && nowApplies:
			c.New = append(c.New, ch)
		case oldApplies && !nowApplies:
			c.Dropped = append(c.Dropped, ch)
		case !oldApplies && !nowApplies, rank[old.Outcome] == rank[f.Outcome]:
			c.Unchanged++
		case rank[f.Outcome] > rank[old.Outcome]:
			c.Improved = append(c.Improved, ch)
		default:
			c.Regressed = append(c.Regressed, ch)
		}
	}
	for _, f := range before.Findings {
		if !seen[f.RuleID] && f.Outcome != labels.NotApplicable && f.Outcome != labels.NotDue {
			c.Dropped = append(c.Dropped, Change{RuleID: f.RuleID, Level: f.Level, Requirement: f.Requirement, Before: f.Outcome})
		}
	}
	return c, nil
}
