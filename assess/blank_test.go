package assess_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

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
			}
		}
		if rank(ra.Readiness.Level) > rank(rb.Readiness.Level) && ra.Readiness.Level == assess.Ready {
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
