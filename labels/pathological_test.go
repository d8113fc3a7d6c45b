//go:build !js

package labels_test

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
)

// cpuTime is the CPU time this process has used (user and system): unlike
// the wall clock, it does not depend on what else the machine is doing.
func cpuTime(t testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// repeat joins n copies of item(i) with commas.
func repeat(n int, item func(i int) string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(item(i))
	}
	return b.String()
}

// departments is a list of 20 department codes, the most a condition may
// list.
var departments = repeat(20, func(i int) string { return fmt.Sprintf("%q", fmt.Sprintf("%02d", i+1)) })

// pathologicalReferentials are the shapes of hostile referential that once
// cost more than linear work, each built with n units.
var pathologicalReferentials = []struct {
	name  string
	build func(n int) []byte
}{
	{"n conditions of 20 departments on one question", func(n int) []byte {
		return withRule(`"stages"`, `"when": [`+repeat(n, func(int) string {
			return `{"path":"/territory/department","in":[` + departments + `]}`
		})+`], "stages"`)
	}},
	{"n conditions of one department on one question", func(n int) []byte {
		return withRule(`"stages"`, `"when": [`+repeat(n, func(int) string {
			return `{"path":"/territory/department","in":["75"]}`
		})+`], "stages"`)
	}},
	{"two conditions of n values each", func(n int) []byte {
		values := repeat(n, func(i int) string { return fmt.Sprintf("%d", i) })
		return withRule(`"stages"`, `"when": [{"path":"/population","in":[`+values+`]},{"path":"/population","in":[`+values+`]}], "stages"`)
	}},
	{"n unknown parameters", func(n int) []byte {
		return withRule(`"min": 2`, `"min": 2, `+repeat(n, func(i int) string { return fmt.Sprintf(`"p%d":1`, i) }))
	}},
	{"n regions", func(n int) []byte {
		return []byte(strings.Replace(string(referential(goodRule)), `"version": "1",`, `"version": "1", "regions": [`+repeat(n, func(i int) string { return fmt.Sprintf(`"%d"`, i) })+`],`, 1))
	}},
	{"n rules with one ID", func(n int) []byte {
		return referential(strings.Split(strings.Repeat(goodRule+"\x00", n), "\x00")[:n]...)
	}},
	{"n readiness rules", func(n int) []byte {
		return []byte(strings.Replace(string(referential(goodRule)), `"version": "1",`, `"version": "1", "readiness": [{"stage":"active","meaning":"m","source":"cdc","section":"§1","rules":[`+repeat(n, func(i int) string { return fmt.Sprintf(`"r%d"`, i) })+`]}],`, 1))
	}},
	{"n dropped rules of a base", func(n int) []byte {
		return []byte(`{"schemaVersion":1,"id":"x","name":"x","issuer":"x","version":"1","extends":"national","drop":[` + repeat(n, func(i int) string { return fmt.Sprintf(`"r%d"`, i) }) + `]}`)
	}},
	{"n rules, each its own ID", func(n int) []byte {
		return referential(strings.Split(repeat(n, func(i int) string { return strings.Replace(goodRule, `"r1"`, fmt.Sprintf(`"r%d"`, i), 1) + "\x00" }), "\x00,")...)
	}},
	{"n stages in one rule", func(n int) []byte {
		return withRule(`"stages": ["active"]`, `"stages": [`+repeat(n, func(i int) string { return `"active"` })+`]`)
	}},
	{"sqrt(n) conditions of sqrt(n) values", func(n int) []byte {
		k := int(math.Sqrt(float64(n)))
		values := repeat(k, func(i int) string { return fmt.Sprintf("%d", i) })
		return withRule(`"stages"`, `"when": [`+repeat(k, func(int) string { return `{"path":"/territory/population","in":[` + values + `]}` })+`], "stages"`)
	}},
	{"a list parameter of n paths", func(n int) []byte {
		return withRule(`"check": "meetings.count", "params": {"body": "copil", "min": 2}`, `"check": "answer.yes", "params": {"paths": [`+repeat(n, func(int) string { return `"/copil/exists"` })+`]}`)
	}},
	{"n documents", func(n int) []byte {
		return []byte(strings.Replace(string(referential(goodRule)), `"documents": [`, `"documents": [`+repeat(n, func(i int) string { return fmt.Sprintf(`{"id":"d%d","title":"Document %d"}`, i, i) })+`,`, 1))
	}},
	{"n requirements that cannot be checked", func(n int) []byte {
		return []byte(strings.Replace(string(referential(goodRule)), `"version": "1",`, `"version": "1", "notCheckable": [`+repeat(n, func(i int) string {
			return fmt.Sprintf(`{"source":"cdc","section":"§%d","text":"Exigence %d","reason":"Hors dossier."}`, i, i)
		})+`],`, 1))
	}},
	{"n unread sources", func(n int) []byte {
		return []byte(strings.Replace(string(referential(goodRule)), `"version": "1",`, `"version": "1", "unreadSources": [`+repeat(n, func(i int) string { return fmt.Sprintf(`{"title":"Document %d","reason":"Introuvable."}`, i) })+`],`, 1))
	}},
	{"n overridden rules of a base", func(n int) []byte {
		return []byte(`{"schemaVersion":1,"id":"x","name":"x","issuer":"x","version":"1","extends":"national","override":[` + repeat(n, func(i int) string { return strings.Replace(goodRule, `"r1"`, fmt.Sprintf(`"nat-%d"`, i), 1) }) + `]}`)
	}},
	{"n documents of a file that extends a base", func(n int) []byte {
		return []byte(`{"schemaVersion":1,"id":"x","name":"x","issuer":"x","version":"1","extends":"national","documents":[` + repeat(n, func(i int) string { return fmt.Sprintf(`{"id":"d%d","title":"D"}`, i) }) + `]}`)
	}},
	{"n readiness references among n÷20 rules", func(n int) []byte {
		rules := strings.Split(repeat(n/20, func(i int) string { return strings.Replace(goodRule, `"r1"`, fmt.Sprintf(`"r%d"`, i), 1) + "\x00" }), "\x00,")
		return []byte(strings.Replace(string(referential(rules...)), `"version": "1",`, `"version": "1", "readiness": [{"stage":"active","meaning":"m","source":"cdc","section":"§1","rules":[`+repeat(n, func(i int) string { return `"absente"` })+`]}],`, 1))
	}},
	{"a quote of n characters", func(n int) []byte {
		return withRule(`"Le COPIL se réunit deux fois par an."`, `"Le COPIL se réunit `+strings.Repeat("é", n)+`"`)
	}},
	{"a rule ID of n characters", func(n int) []byte {
		return withRule(`"r1"`, `"`+strings.Repeat("r", n)+`"`)
	}},
	{"a condition path of n characters", func(n int) []byte {
		return withRule(`"stages"`, `"when": [{"path":"/`+strings.Repeat("a", n)+`","in":["75"]}], "stages"`)
	}},
	{"a condition value of n characters", func(n int) []byte {
		return withRule(`"stages"`, `"when": [{"path":"/territory/department","in":["`+strings.Repeat("7", n)+`"]}], "stages"`)
	}},
	{"a parameter of n characters", func(n int) []byte {
		return withRule(`"body": "copil"`, `"body": "`+strings.Repeat("c", n)+`"`)
	}},
	{"n copies of one key in a rule", func(n int) []byte {
		return withRule(`"level": "required",`, repeat(n, func(int) string { return `"level": "required"` })+`,`)
	}},
}

// TestPathologicalReferentialsAreLinear parses each shape with 1 000,
// 10 000 and 100 000 units (a shape larger than clsm.MaxSize is refused
// whole, and the largest one under it is measured instead) and checks that the CPU time grows at most linearly: each tenfold
// step may cost at most 30 times the step before (linear work costs 10,
// quadratic 100), measured from a floor of 20 ms so that the noise of a busy machine on small
// inputs cannot fail it. It also bounds what comes back: at most
// [wellformed.MaxProblems] problems and one saying how many were left out, in a
// few tens of kilobytes, each message and path under 600 bytes (a long value is
// echoed cut, with « … »), in the same order every time.
func TestPathologicalReferentialsAreLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	for _, shape := range pathologicalReferentials {
		t.Run(shape.name, func(t *testing.T) {
			linear(t, []int{1_000, 10_000, 100_000}, shape.build, func(data []byte) []byte {
				_, err := labels.Parse(data)
				var ps clsm.Problems
				if err != nil {
					ps = err.(clsm.Problems)
				}
				if len(ps) > wellformed.MaxProblems+1 {
					t.Errorf("%d bytes: %d problems, for %d at most", len(data), len(ps), wellformed.MaxProblems+1)
				}
				for _, p := range ps {
					if len(p.Message) > 600 || len(p.Path) > 600 {
						t.Errorf("%d bytes: a message of %d bytes at a path of %d: %.80s…", len(data), len(p.Message), len(p.Path), p.Message)
					}
				}
				out, _ := json.Marshal(err)
				return out
			})
		})
	}
}

// linear measures run on build(n) for each n (the least CPU time of three
// runs), logs the figures, and fails when a tenfold step costs more than 30
// times the step before (from a floor of 20 ms), when the output differs
// from one run to the next, or when it exceeds 64 KiB. A size whose document
// is larger than clsm.MaxSize is refused at once, which proves nothing about
// the work: the largest document of the shape under clsm.MaxSize is measured
// too, and may cost at most 2.5 times the linear extrapolation of the size
// before.
func linear(t *testing.T, sizes []int, build func(n int) []byte, run func([]byte) []byte) {
	t.Helper()
	const floor = 20 * time.Millisecond
	var previous time.Duration
	var previousN int
	step := func(n int, data []byte) {
		used, out := measure(t, n, data, run)
		t.Logf("n = %d: %d bytes, %v of CPU, %d bytes of problems", n, len(data), used, len(out))
		if previousN > 0 {
			ratio := float64(n) / float64(previousN)
			if limit := time.Duration(2.5 * ratio * float64(max(previous, floor))); used > limit {
				t.Errorf("n = %d: %v of CPU, against %v for n = %d: the work grows faster than the input", n, used, previous, previousN)
			}
		}
		previous, previousN = used, n
	}
	for _, n := range sizes {
		data := build(n)
		if len(data) > clsm.MaxSize {
			if fit := largestUnder(build, previousN, n); fit > previousN {
				step(fit, build(fit))
			}
			used, out := measure(t, n, data, run)
			t.Logf("n = %d: %d bytes, refused whole in %v of CPU, %d bytes of problems", n, len(data), used, len(out))
			return
		}
		step(n, data)
	}
}

// largestUnder returns the largest n in [lo, hi) whose document fits in
// clsm.MaxSize (lo when none is larger).
func largestUnder(build func(int) []byte, lo, hi int) int {
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if len(build(mid)) <= clsm.MaxSize {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// measure runs run on data three times and returns the least CPU time and
// the output, failing when the output changes from one run to the next or
// is larger than 64 KiB.
func measure(t *testing.T, n int, data []byte, run func([]byte) []byte) (time.Duration, []byte) {
	t.Helper()
	used := time.Duration(1<<63 - 1)
	var first []byte
	for i := range 3 {
		before := cpuTime(t)
		out := run(data)
		used = min(used, cpuTime(t)-before)
		if i == 0 {
			first = out
		} else if string(out) != string(first) {
			t.Errorf("n = %d: the problems differ from one run to the next", n)
		}
	}
	if len(first) > 64<<10 {
		t.Errorf("n = %d: %d bytes of problems", n, len(first))
	}
	return used, first
}

// TestDeepParameterIsToldInFrench: a parameter nested past what
// encoding/json reads gets a French message, not the library's English one.
func TestDeepParameterIsToldInFrench(t *testing.T) {
	deep := strings.Repeat("[", 10_001) + strings.Repeat("]", 10_001)
	_, err := labels.Parse(withRule(`"min": 2`, `"min": `+deep))
	ps, ok := err.(clsm.Problems)
	if !ok || len(ps) != 1 {
		t.Fatalf("got %v, want one problem", err)
	}
	if msg := ps[0].Message; !strings.Contains(msg, "imbriquée sur plus de 10\u202f000 niveaux") || strings.Contains(msg, "exceeded") {
		t.Errorf("message %q", msg)
	}
}
