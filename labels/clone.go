package labels

import (
	"encoding/json"
	"maps"
	"slices"
)

// Clone returns a deep copy of the referential: its slices, its rules'
// parameters, stages and conditions are the copy's own, so that changing
// one never changes the other. A resolved referential's copy is resolved
// too. [Builtin], [Builtins], [ForRegion] and [ForDossier] return such a
// copy, which the caller owns.
func (r *Referential) Clone() *Referential {
	if r == nil {
		return nil
	}
	c := *r
	c.Regions = slices.Clone(r.Regions)
	c.Drop = slices.Clone(r.Drop)
	c.Override = cloneRules(r.Override)
	c.UnreadSources = slices.Clone(r.UnreadSources)
	c.Readiness = slices.Clone(r.Readiness)
	for i := range c.Readiness {
		c.Readiness[i].Rules = slices.Clone(c.Readiness[i].Rules)
	}
	c.Documents = slices.Clone(r.Documents)
	c.Deliverables = slices.Clone(r.Deliverables)
	for i := range c.Deliverables {
		d := &c.Deliverables[i]
		d.Stages = slices.Clone(d.Stages)
		d.Sections = slices.Clone(d.Sections)
		for j := range d.Sections {
			s := &d.Sections[j]
			s.Answers, s.Indicators, s.Cites = slices.Clone(s.Answers), slices.Clone(s.Indicators), slices.Clone(s.Cites)
		}
	}
	c.Rules = cloneRules(r.Rules)
	c.NotCheckable = slices.Clone(r.NotCheckable)
	return &c
}

// cloneRules copies rules deeply. The binding (check, decoded parameters and
// what they were made from) is shared: nothing changes it after resolution.
func cloneRules(rules []Rule) []Rule {
	if rules == nil {
		return nil
	}
	out := slices.Clone(rules)
	for i := range out {
		r := &out[i]
		r.Params = cloneRaw(r.Params)
		r.Stages = slices.Clone(r.Stages)
		if r.When != nil {
			r.When = slices.Clone(r.When)
			for j := range r.When {
				r.When[j].In = cloneRawList(r.When[j].In)
			}
		}
	}
	return out
}

// cloneRaw copies a map of JSON values, bytes included.
func cloneRaw(m map[string]json.RawMessage) map[string]json.RawMessage {
	if m == nil {
		return nil
	}
	out := make(map[string]json.RawMessage, len(m))
	for k, v := range m {
		out[k] = slices.Clone(v)
	}
	return out
}

// cloneRawList copies a list of JSON values, bytes included.
func cloneRawList(l []json.RawMessage) []json.RawMessage {
	if l == nil {
		return nil
	}
	out := make([]json.RawMessage, len(l))
	for i, v := range l {
		out[i] = slices.Clone(v)
	}
	return out
}

// clone copies decoded parameters, lists included.
func (p Params) clone() Params {
	if p == nil {
		return nil
	}
	out := maps.Clone(p)
	delete(out, typedKey) // the rule's own, read-only
	for k, v := range out {
		if l, ok := v.([]string); ok {
			out[k] = slices.Clone(l)
		}
	}
	return out
}
