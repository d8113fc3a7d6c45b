package assess_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

// A blank is never a « non ». These tests remove one answer at a time from
// real dossiers (every key of every object, at any depth: a yes/no, a date, a
// whole list, a whole section) and check, rule by rule and for every built-in
// referential, that the outcome moves only towards « non renseigné » or
// « sans objet »: never to « non respecté », and never from « non respecté »
// to « respecté ».

// blankSeeds are the dossiers the property is checked on: the examples and
// the scenario dossiers.
func blankSeeds(t testing.TB) map[string][]byte {
	seeds := map[string][]byte{}
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		seeds[name] = data
	}
	files, _ := filepath.Glob("testdata/scenarios/*.json")
	for _, f := range files {
		if invalidScenarios[strings.TrimSuffix(filepath.Base(f), ".json")] {
			continue // a dossier to correct has no verdict to compare
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds[filepath.Base(f)] = data
	}
	return seeds
}

func TestRemovingAnAnswerNeverMakesANo(t *testing.T) {
	refs := builtins(t)
	checked := 0
	for name, data := range blankSeeds(t) {
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		d, err := parseDoc(doc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var before []*assess.Report
		for _, ref := range refs {
			r, err := assess.Evaluate(d, ref, evalDate)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			before = append(before, r)
		}
		for _, path := range keyPaths(doc, "") {
			if path == "/schemaVersion" {
				continue
			}
			if msg := checkRemovalFrom(doc, before, path, refs); msg != "" {
				t.Errorf("%s: %s", name, msg)
			}
			checked++
		}
	}
	if checked < 200 {
		t.Fatalf("only %d removals checked: the seeds are too thin to prove anything", checked)
	}
	t.Logf("%d removals checked against %d referentials", checked, len(refs))
}

// FuzzRemovingAnAnswer checks the same property on dossiers the fuzzer
// derives from the seeds: each byte of ops flips a yes/no, cycles an
// articulation, answers « jamais » to a date that allows it, or removes a key,
// so that most inputs stay valid dossiers; the last byte picks the answer to
// remove.
func FuzzRemovingAnAnswer(f *testing.F) {
	var seeds [][]byte
	names := []string{}
	all := blankSeeds(f)
	for name := range all {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		seeds = append(seeds, all[name])
	}
	for i := range seeds {
		f.Add(uint8(i), []byte{0, 17, 42})
		f.Add(uint8(i), []byte{3, 250, 9, 128, 77})
	}
	refs := builtins(f)
	f.Fuzz(func(t *testing.T, seed uint8, ops []byte) {
		if len(ops) == 0 {
			return
		}
		var doc map[string]any
		if err := json.Unmarshal(seeds[int(seed)%len(seeds)], &doc); err != nil {
			t.Fatal(err)
		}
		for _, op := range ops[:len(ops)-1] {
			paths := keyPaths(doc, "")
			if len(paths) == 0 {
				break
			}
			doc = mutate(doc, paths[int(op)%len(paths)], op)
		}
		paths := keyPaths(doc, "")
		if len(paths) == 0 {
			return
		}
		if msg := checkRemoval(doc, paths[int(ops[len(ops)-1])%len(paths)], refs); msg != "" {
			data, _ := json.Marshal(doc)
			t.Fatalf("%s\ndossier: %s", msg, data)
		}
	})
}

// mutate changes the answer at path: a yes/no is flipped, an articulation
// cycles through its three answers, a date that allows it becomes « jamais »
// (on odd op), anything else is removed.
func mutate(doc map[string]any, path string, op byte) map[string]any {
	parent, key := lookupParent(doc, path)
	if parent == nil {
		return doc
	}
	switch v := parent[key].(type) {
	case bool:
		parent[key] = !v
	case string:
		switch {
		case v == "yes" || v == "no" || v == "absent":
			parent[key] = map[string]string{"yes": "no", "no": "absent", "absent": "yes"}[v]
		case op%2 == 1 && (key == "lastAnnualReport" || key == "lastAppropriationReview" || key == "trainingStartedOn"):
			parent[key] = "never"
		default:
			delete(parent, key)
		}
	default:
		delete(parent, key)
	}
	return doc
}

func lookupParent(doc map[string]any, path string) (map[string]any, string) {
	parts := splitPointer(path)
	var cur any = doc
	for _, p := range parts[:len(parts)-1] {
		switch x := cur.(type) {
		case map[string]any:
			cur = x[p]
		case []any:
			var n int
			fmt.Sscan(p, &n)
			if n >= len(x) {
				return nil, ""
			}
			cur = x[n]
		default:
			return nil, ""
		}
	}
	m, _ := cur.(map[string]any)
	return m, parts[len(parts)-1]
}

func builtins(t testing.TB) []*labels.Referential {
	var refs []*labels.Referential
	for _, id := range labels.BuiltinIDs() {
		r, err := labels.Builtin(id)
		if err != nil {
			t.Fatal(err)
		}
		refs = append(refs, r)
	}
	return refs
}

// checkRemoval removes the key at path from doc and compares the outcomes of
// every rule before and after; it returns what went wrong, or "".
func checkRemoval(doc map[string]any, path string, refs []*labels.Referential) string {
	before, err := parseDoc(doc)
	if err != nil {
		return "" // the property is about valid dossiers
	}
	var reports []*assess.Report
	for _, ref := range refs {
		r, err := assess.Evaluate(before, ref, evalDate)
		if err != nil {
			return fmt.Sprintf("evaluate: %v", err)
		}
		reports = append(reports, r)
	}
	return checkRemovalFrom(doc, reports, path, refs)
}

// checkRemovalFrom is checkRemoval with the reports of the whole dossier
// already computed, one per referential.
func checkRemovalFrom(doc map[string]any, before []*assess.Report, path string, refs []*labels.Referential) string {
	after, err := parseDoc(without(doc, path))
	if err != nil {
		return "" // removing a required key (a working group's theme) makes it invalid: no verdict at all
	}
	for k, ref := range refs {
		rb := before[k]
		ra, err := assess.Evaluate(after, ref, evalDate)
		if err != nil {
			return fmt.Sprintf("evaluate: %v", err)
		}
		for i, fb := range rb.Findings {
			fa := ra.Findings[i]
			b, a := fb.Outcome, fa.Outcome
			switch {
			case a == labels.Unmet && b != labels.Unmet:
				return fmt.Sprintf("%s, %s: removing %s turned « %s » into « non respecté » (%s)", ref.ID, fb.RuleID, path, b.Label(), fa.Detail)
			case b == labels.Unmet && a == labels.Met:
				return fmt.Sprintf("%s, %s: removing %s turned « non respecté » into « respecté » (%s)", ref.ID, fb.RuleID, path, fa.Detail)
			case a == labels.NotDue && b != labels.NotDue && b != labels.Met:
				// A blank is « non renseigné »: it never makes a rule « pas
				// encore dû », which would take it out of the gaps.
				return fmt.Sprintf("%s, %s: removing %s turned « %s » into « pas encore dû » (%s)", ref.ID, fb.RuleID, path, b.Label(), fa.Detail)
			}
		}
		// A contradiction in the calendar withholds every level; removing
		// one of the two dates is one way to correct it, after which the
		// report judges the answers that remain (their outcomes are checked
		// above like any other).
		resolved := rb.Readiness.Calendar != "" && ra.Readiness.Calendar == ""
		if rank(ra.Readiness.Level) > rank(rb.Readiness.Level) && ra.Readiness.Level == assess.Ready && !resolved {
			return fmt.Sprintf("%s: removing %s made the dossier « prêt »", ref.ID, path)
		}
	}
	return ""
}

func rank(l assess.ReadinessLevel) int {
	return map[assess.ReadinessLevel]int{assess.Incomplete: 0, assess.InProgress: 1, assess.AlmostReady: 2, assess.Ready: 3}[l]
}

func parseDoc(doc map[string]any) (*clsm.Dossier, error) {
	data, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return clsm.Parse(data)
}

// keyPaths lists the JSON Pointer of every object member in v, at any depth
// (inside lists too), sorted.
func keyPaths(v any, base string) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		for k, child := range x {
			p := base + "/" + k
			out = append(out, p)
			out = append(out, keyPaths(child, p)...)
		}
	case []any:
		for i, child := range x {
			out = append(out, keyPaths(child, fmt.Sprintf("%s/%d", base, i))...)
		}
	}
	sort.Strings(out)
	return out
}

// without returns a deep copy of doc without the member at path.
func without(doc map[string]any, path string) map[string]any {
	data, _ := json.Marshal(doc)
	var out map[string]any
	_ = json.Unmarshal(data, &out)
	var cur any = out
	parts := splitPointer(path)
	for i, p := range parts {
		last := i == len(parts)-1
		switch x := cur.(type) {
		case map[string]any:
			if last {
				delete(x, p)
				return out
			}
			cur = x[p]
		case []any:
			var n int
			fmt.Sscan(p, &n)
			cur = x[n]
		}
	}
	return out
}

func splitPointer(p string) []string {
	var parts []string
	cur := ""
	for _, r := range p[1:] {
		if r == '/' {
			parts = append(parts, cur)
			cur = ""
			continue
		}
		cur += string(r)
	}
	return append(parts, cur)
}

// TestContradictoryDatesNeverRaiseTheLevel changes only dates of the seed
// dossiers so that they contradict each other — a creation date after the
// evaluation date, a creation date after a meeting, a meeting before the
// creation, a last bilan or appropriation evaluation before the creation —
// and checks, for every built-in referential, that the level never rises: a
// contradictory date is never evidence. A dossier made invalid by the change
// (a bilan before the creation) gets no level at all, only its problems.
func TestContradictoryDatesNeverRaiseTheLevel(t *testing.T) {
	refs := builtins(t)
	day := func(s string, days int) string {
		d, _ := time.Parse(time.DateOnly, s)
		return d.AddDate(0, 0, days).Format(time.DateOnly)
	}
	checked, invalid := 0, 0
	for name, data := range blankSeeds(t) {
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		before, err := parseDoc(doc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		created, _ := doc["createdOn"].(string)
		var meetings []string
		for _, body := range []string{"copil", "plenary", "technicalCommittee"} {
			if b, ok := doc[body].(map[string]any); ok {
				if ms, ok := b["meetings"].([]any); ok {
					for _, m := range ms {
						meetings = append(meetings, m.(string))
					}
				}
			}
		}
		sort.Strings(meetings)
		variants := map[string]func(map[string]any){
			"creation after the evaluation date": func(d map[string]any) { d["createdOn"] = evalDate.AddDate(1, 0, 0).Format(time.DateOnly) },
		}
		if len(meetings) > 0 && meetings[0] < evalDate.Format(time.DateOnly) {
			variants["creation after the first meeting"] = func(d map[string]any) { d["createdOn"] = day(meetings[0], 1) }
		}
		if created != "" {
			if c, ok := doc["copil"].(map[string]any); ok {
				if ms, ok := c["meetings"].([]any); ok && len(ms) > 0 {
					variants["a COPIL meeting before the creation"] = func(d map[string]any) {
						d["copil"].(map[string]any)["meetings"].([]any)[0] = day(created, -1)
					}
				}
			}
			for _, key := range []string{"lastAnnualReport", "lastAppropriationReview"} {
				variants[key+" before the creation"] = func(d map[string]any) {
					e, _ := d["evaluation"].(map[string]any)
					if e == nil {
						e = map[string]any{}
						d["evaluation"] = e
					}
					e[key] = day(created, -1)
				}
			}
		}
		for what, change := range variants {
			var after map[string]any
			_ = json.Unmarshal(data, &after)
			change(after)
			d, err := parseDoc(after)
			if err != nil {
				var ps clsm.Problems
				if !errors.As(err, &ps) {
					t.Fatalf("%s, %s: %v", name, what, err)
				}
				for _, p := range ps {
					if p.Code != clsm.CodeBeforeCreation {
						t.Errorf("%s, %s: unexpected problem %s %s", name, what, p.Code, p.Path)
					}
				}
				invalid++
				continue
			}
			for _, ref := range refs {
				rb, err := assess.Evaluate(before, ref, evalDate)
				if err != nil {
					t.Fatal(err)
				}
				ra, err := assess.Evaluate(d, ref, evalDate)
				if err != nil {
					t.Fatal(err)
				}
				if rank(ra.Readiness.Level) > rank(rb.Readiness.Level) {
					t.Errorf("%s under %s: %s raised the level from « %s » to « %s »", name, ref.ID, what, rb.Readiness.Label, ra.Readiness.Label)
				}
				if ra.Readiness.Calendar == "" {
					t.Errorf("%s under %s: %s is not named in the verdict", name, ref.ID, what)
				}
				checked++
			}
		}
	}
	if checked < 100 || invalid < 10 {
		t.Fatalf("only %d contradictions assessed and %d refused: the seeds are too thin to prove anything", checked, invalid)
	}
	t.Logf("%d contradictions assessed under %d referentials, %d dossiers refused", checked, len(refs), invalid)
}
