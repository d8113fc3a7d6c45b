package labels

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
)

// baseError is why a built-in referential cannot serve as a base: it does not
// exist, or the built-ins extend one another in a loop.
type baseError struct {
	code    string
	message string
}

func (e *baseError) Error() string { return e.message }

// inherited is where a problem of the result points when it lies in what the
// referential inherits from its base rather than in the file itself.
const inherited = "/extends"

// provenance maps a place of the resolved referential ("/rules/3",
// "/readiness/0/rules/2") to the place of the file it comes from
// ("/override/1", "/rules/0"), or to [inherited].
type provenance map[string]string

// path returns the JSON Pointer, in the file, of a place of the result.
func (pv provenance) path(p string) string {
	segs := strings.Split(p, "/")
	for _, n := range []int{4, 2} {
		if n >= len(segs) {
			continue
		}
		key := strings.Join(segs[:n+1], "/")
		if to, ok := pv[key]; ok {
			if to == inherited {
				return inherited
			}
			return to + strings.TrimPrefix(p, key)
		}
	}
	return p
}

func (pv provenance) remap(ps clsm.Problems) clsm.Problems {
	for i := range ps {
		ps[i].Path = pv.path(ps[i].Path)
	}
	return ps
}

// extend builds the referential r describes from its base: see
// [Referential.Extends]. ps holds the problems already found in the file.
func (r *Referential) extend(ps clsm.Problems, validate bool, base func(id string) (*Referential, error)) (*Referential, error) {
	b, err := base(r.Extends)
	if err != nil {
		return nil, append(ps, baseProblem(r.Extends, err))
	}
	// The base is shared by every caller: the result gets its own rules.
	b = b.Clone()
	m := Referential{
		SchemaVersion: r.SchemaVersion, ID: r.ID, Name: r.Name, Issuer: r.Issuer, Version: r.Version, Date: r.Date, Summary: r.Summary,
		Order: r.Order, Default: r.Default, RulePrefix: r.RulePrefix, Extends: r.Extends, Drop: r.Drop,
	}
	pv := provenance{}
	at := func(collection string, i int) string { return "/" + collection + "/" + strconv.Itoa(i) }

	// Regions: the file's, or else the base's.
	m.Regions = slices.Clone(r.Regions)
	if len(r.Regions) == 0 {
		m.Regions = slices.Clone(b.Regions)
		for i := range m.Regions {
			pv[at("regions", i)] = inherited
		}
	}

	// Unread sources and requirements that cannot be checked: the base's,
	// then the file's.
	m.UnreadSources = append(slices.Clone(b.UnreadSources), r.UnreadSources...)
	for i := range m.UnreadSources {
		pv[at("unreadSources", i)] = inherited
		if j := i - len(b.UnreadSources); j >= 0 {
			pv[at("unreadSources", i)] = at("unreadSources", j)
		}
	}
	m.NotCheckable = append(slices.Clone(b.NotCheckable), r.NotCheckable...)
	for i := range m.NotCheckable {
		pv[at("notCheckable", i)] = inherited
		if j := i - len(b.NotCheckable); j >= 0 {
			pv[at("notCheckable", i)] = at("notCheckable", j)
		}
	}

	// Documents: the base's, where the file's document of the same ID takes
	// the place of the base's, then the file's others.
	// The base's documents are found by ID in a map, not by a search of
	// the list for each of the file's: the work grows with the number of
	// documents, not with its square.
	m.Documents = slices.Clone(b.Documents)
	baseDocument := make(map[string]int, len(b.Documents))
	for i, d := range m.Documents {
		pv[at("documents", i)] = inherited
		if _, twice := baseDocument[d.ID]; !twice && d.ID != "" {
			baseDocument[d.ID] = i
		}
	}
	for j, d := range r.Documents {
		i, ok := baseDocument[d.ID]
		if !ok || d.ID == "" {
			i = len(m.Documents)
			m.Documents = append(m.Documents, Document{})
		}
		m.Documents[i] = d
		pv[at("documents", i)] = at("documents", j)
	}

	// Deliverables: the base's, where the file's document of the same ID
	// takes the place of the base's, then the file's others.
	m.Deliverables = slices.Clone(b.Deliverables)
	for i := range m.Deliverables {
		pv[at("deliverables", i)] = inherited
	}
	for j, d := range r.Deliverables {
		i := slices.IndexFunc(m.Deliverables, func(o Deliverable) bool { return o.ID == d.ID && d.ID != "" })
		if i < 0 || i >= len(b.Deliverables) {
			i = len(m.Deliverables)
			m.Deliverables = append(m.Deliverables, Deliverable{})
		}
		m.Deliverables[i] = d
		pv[at("deliverables", i)] = at("deliverables", j)
	}

	// Rules: the base's, minus drop, with override; then the file's own.
	dropped := map[string]int{}
	for k, id := range r.Drop {
		if _, ok := b.Rule(id); !ok && id != "" {
			ps = append(ps, clsm.Problem{Code: CodeBaseRule, Path: at("drop", k), Message: fmt.Sprintf("« drop » : le référentiel « %s » n'a pas de règle « %s » ; vérifiez l'identifiant dans sa liste de règles (CATALOGUE.md).", b.ID, truncate(id, 80))})
			continue
		}
		dropped[id] = k
	}
	overrides := map[string]int{}
	for k, rule := range r.Override {
		where := at("override", k) + "/id"
		_, inBase := b.Rule(rule.ID)
		_, twice := overrides[rule.ID]
		_, gone := dropped[rule.ID]
		switch {
		case rule.ID == "":
			continue // reported by the validation
		case !inBase:
			ps = append(ps, clsm.Problem{Code: CodeBaseRule, Path: where, Message: fmt.Sprintf("« override » : le référentiel « %s » n'a pas de règle « %s » à remplacer ; une règle nouvelle se met dans « rules ».", b.ID, truncate(rule.ID, 80))})
		case twice:
			ps = append(ps, clsm.Problem{Code: CodeDuplicateRule, Path: where, Message: fmt.Sprintf("« override » remplace deux fois la règle « %s » ; gardez un seul remplacement.", truncate(rule.ID, 80))})
		case gone:
			ps = append(ps, clsm.Problem{Code: CodeBaseRule, Path: where, Message: fmt.Sprintf("La règle « %s » est à la fois retirée (« drop ») et remplacée (« override ») ; choisissez l'un ou l'autre.", truncate(rule.ID, 80))})
		default:
			overrides[rule.ID] = k
		}
	}
	for _, rule := range b.Rules {
		if _, gone := dropped[rule.ID]; gone {
			continue
		}
		from := inherited
		if k, ok := overrides[rule.ID]; ok {
			rule, from = r.Override[k], at("override", k)
		}
		pv[at("rules", len(m.Rules))] = from
		m.Rules = append(m.Rules, rule)
	}
	for j, rule := range r.Rules {
		if _, inBase := b.Rule(rule.ID); inBase {
			ps = append(ps, clsm.Problem{Code: CodeDuplicateRule, Path: at("rules", j) + "/id", Message: fmt.Sprintf("La règle « %s » existe déjà dans le référentiel « %s » : pour la remplacer, mettez-la dans « override » ; pour la retirer, dans « drop ».", truncate(rule.ID, 80), b.ID)})
			continue
		}
		pv[at("rules", len(m.Rules))] = at("rules", j)
		m.Rules = append(m.Rules, rule)
	}
	ruleFrom := func(id string) string {
		if k, ok := overrides[id]; ok {
			return at("override", k)
		}
		return inherited
	}

	// Readiness: the file's entry for a stage replaces the base's; the
	// base's others lose the rules that were dropped.
	own := map[clsm.Stage]int{}
	for j, sr := range r.Readiness {
		if _, seen := own[sr.Stage]; !seen {
			own[sr.Stage] = j
		}
	}
	used := map[int]bool{}
	for _, sr := range b.Readiness {
		n := len(m.Readiness)
		if j, ok := own[sr.Stage]; ok {
			pv[at("readiness", n)] = at("readiness", j)
			m.Readiness = append(m.Readiness, r.Readiness[j])
			used[j] = true
			continue
		}
		emptiedBy := ""
		sr.Rules = slices.DeleteFunc(slices.Clone(sr.Rules), func(id string) bool {
			k, gone := dropped[id]
			if gone {
				emptiedBy = at("drop", k)
			}
			return gone
		})
		if len(sr.Rules) == 0 {
			ps = append(ps, clsm.Problem{Code: CodeReadinessEmpty, Path: emptiedBy, Message: fmt.Sprintf("Stade « %s » : toutes les règles par lesquelles le référentiel « %s » dit ce que « prêt » veut dire sont retirées (« drop ») ; décrivez ce stade dans « readiness », avec les règles qui en décident ici.", sr.Stage.Label(), b.ID)})
			continue
		}
		pv[at("readiness", n)] = inherited
		for i, id := range sr.Rules {
			pv[at("readiness", n)+at("rules", i)] = ruleFrom(id)
		}
		m.Readiness = append(m.Readiness, sr)
	}
	for j, sr := range r.Readiness {
		if !used[j] {
			pv[at("readiness", len(m.Readiness))] = at("readiness", j)
			m.Readiness = append(m.Readiness, sr)
		}
	}

	if validate {
		ps = append(ps, pv.remap(validateTags(&m))...)
	}
	ps = append(ps, pv.remap(m.resolve())...)
	if len(ps) > 0 {
		return nil, ps
	}
	m.Drop = nil
	return &m, nil
}

// baseProblem says why the base a file names cannot be used.
func baseProblem(id string, err error) clsm.Problem {
	var be *baseError
	if errors.As(err, &be) {
		return clsm.Problem{Code: be.code, Path: "/extends", Message: "« extends » : " + be.message + "."}
	}
	var ps clsm.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			if p.Code == CodeBaseCycle {
				return clsm.Problem{Code: CodeBaseCycle, Path: "/extends", Message: p.Message}
			}
		}
	}
	return clsm.Problem{Code: CodeUnknownBase, Path: "/extends", Message: fmt.Sprintf("« extends » : le référentiel « %s » ne peut pas être lu (%v).", truncate(id, 40), err)}
}
