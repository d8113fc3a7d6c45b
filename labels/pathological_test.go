//go:build !js

package labels_test

import (
	"encoding/json"
	"fmt"
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
}

// TestPathologicalReferentialsAreLinear parses each shape with 1 000,
// 10 000 and 100 000 units (a shape larger than clsm.MaxSize is refused
// whole) and checks that the CPU time grows at most linearly: each tenfold
// step may cost at most 30 times the step before (linear work costs 10,
// quadratic 100), measured from a floor of 20 ms so that the noise of a busy machine on small
// inputs cannot fail it. It also bounds what comes back: at most
// [wellformed.MaxProblems] problems and one saying how many were left out, in a
// few tens of kilobytes, in the same order every time.
func TestPathologicalReferentialsAreLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	const floor = 20 * time.Millisecond
	for _, shape := range pathologicalReferentials {
		t.Run(shape.name, func(t *testing.T) {
			var previous time.Duration
			for _, n := range []int{1_000, 10_000, 100_000} {
				data := shape.build(n)
				used := time.Duration(1<<63 - 1)
				var first []byte
				for range 3 {
					before := cpuTime(t)
					_, err := labels.Parse(data)
					used = min(used, cpuTime(t)-before)
					out, _ := json.Marshal(err)
					if first == nil {
						first = out
					} else if string(out) != string(first) {
						t.Errorf("n = %d: the problems differ from one run to the next", n)
					}
					var ps clsm.Problems
					if err != nil {
						ps = err.(clsm.Problems)
					}
					if len(ps) > wellformed.MaxProblems+1 {
						t.Errorf("n = %d: %d problems, for %d at most", n, len(ps), wellformed.MaxProblems+1)
					}
				}
				if len(first) > 64<<10 {
					t.Errorf("n = %d: %d bytes of problems", n, len(first))
				}
				t.Logf("n = %d: %d bytes, %v of CPU, %d bytes of problems", n, len(data), used, len(first))
				if previous > 0 && used > 30*max(previous, floor) {
					t.Errorf("n = %d: %v of CPU, against %v for a tenth as many: the work grows faster than the input", n, used, previous)
				}
				previous = used
			}
		})
	}
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
