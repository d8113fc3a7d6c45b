//go:build !js

package assess_test

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/model"
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

// dossierModel is the description of the dossier that the validation, the
// schema and the form read: the shapes below follow it, so that a list or a
// text added to the model is covered without a change here.
var dossierModel = model.MustDescribe(reflect.TypeOf(clsm.Dossier{}))

// sample writes the i-th value of v as JSON: a valid one where the model
// allows it (an option of an enumeration, a date, an INSEE code, a SIREN
// number, a number within bounds, a struct with its required fields), and
// distinct from the others of its list where the model has enough of them.
func sample(v *model.Value, i int) string {
	switch {
	case v.Struct != nil:
		var parts []string
		for _, f := range v.Struct.Fields {
			if f.Required || f.Format == model.FormatEnum {
				parts = append(parts, strconv.Quote(f.Key)+":"+sample(&f.Value, i))
			}
		}
		return "{" + strings.Join(parts, ",") + "}"
	case v.List():
		return "[" + sample(v.Item, i) + "]"
	case v.Format == model.FormatEnum || v.Format == model.FormatDept:
		return strconv.Quote(v.Options[i%len(v.Options)].Value)
	case v.Format == model.FormatDate || v.Format == model.FormatDateNever:
		return strconv.Quote(time.Date(2000, 1, 1+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
	case v.Format == model.FormatINSEE:
		return strconv.Quote(fmt.Sprintf("%02d%03d", 1+i/999%95, 1+i%999))
	case v.Format == model.FormatSIREN:
		for c := range 10 {
			if s := fmt.Sprintf("%08d%d", 10_000_000+i, c); wellformed.ValidSIREN(s) {
				return strconv.Quote(s)
			}
		}
	case v.Type.Kind() == reflect.Bool:
		return "true"
	case v.Numeric():
		if v.Min != nil && v.Min.Value > 0 {
			return strconv.FormatFloat(v.Min.Value, 'f', -1, 64)
		}
		return "1"
	case v.Type.Kind() == reflect.String:
		return strconv.Quote(fmt.Sprintf("Élément %d", i+1))
	}
	return "1"
}

// at writes value at the JSON Pointer (with "-" for an item of a list, the
// first one) as a document: {"a":[{"b":value}]} for /a/-/b.
func at(pointer, value string) string {
	tokens := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i := len(tokens) - 1; i >= 0; i-- {
		if tokens[i] == "-" {
			value = "[" + value + "]"
		} else {
			value = "{" + strconv.Quote(tokens[i]) + ":" + value + "}"
		}
	}
	return value
}

// repeatJSON joins n values item(i) with commas.
func repeatJSON(n int, item func(i int) string) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(item(i))
	}
	return b.String()
}

// shape is a hostile dossier built with n units.
type shape struct {
	name  string
	build func(n int) []byte
}

// pathologicalDossiers are the shapes of hostile dossier: every list of the
// model with n items, every text of n characters, notes nested n deep, n
// pending answers, n unknown keys, n copies of one key.
func pathologicalDossiers() []shape {
	var shapes []shape
	dossierModel.Walk(func(f *model.Field) {
		switch {
		case f.List():
			shapes = append(shapes, shape{"n items in " + f.Pointer, func(n int) []byte {
				return []byte(at(f.Pointer, "["+repeatJSON(n, func(i int) string { return sample(f.Item, i) })+"]"))
			}})
		case f.Type.Kind() == reflect.String && f.Format == "":
			shapes = append(shapes, shape{"a text of n characters in " + f.Pointer, func(n int) []byte {
				return []byte(at(f.Pointer, strconv.Quote(strings.Repeat("é", n))))
			}})
		}
	})
	return append(shapes,
		shape{"notes nested n deep", func(n int) []byte {
			return []byte(`{"notes":` + strings.Repeat(`{"a":`, n) + `"x"` + strings.Repeat(`}`, n) + `}`)
		}},
		shape{"n pending answers", func(n int) []byte {
			return []byte(`{"pending":{` + repeatJSON(n, func(i int) string { return fmt.Sprintf(`"/territory/p%d":"environ %d"`, i, i) }) + `}}`)
		}},
		shape{"n pending answers on one question", func(n int) []byte {
			return []byte(`{"pending":{` + repeatJSON(n, func(int) string { return `"/territory/population":"environ 98 000"` }) + `}}`)
		}},
		shape{"n unknown keys", func(n int) []byte {
			return []byte(`{` + repeatJSON(n, func(i int) string { return fmt.Sprintf(`"k%d":1`, i) }) + `}`)
		}},
		shape{"n copies of one key", func(n int) []byte {
			return []byte(`{` + repeatJSON(n, func(int) string { return `"name":"CLSM"` }) + `}`)
		}},
		shape{"n copies of one key in every working group", func(n int) []byte {
			return []byte(`{"workingGroups":[` + repeatJSON(n/10, func(int) string {
				return `{` + repeatJSON(10, func(int) string { return `"theme":"housing"` }) + `}`
			}) + `]}`)
		}},
	)
}

// TestPathologicalDossiersAreLinear evaluates each hostile dossier with
// 1 000, 10 000 and 100 000 units (read, validated and, when valid,
// evaluated: assess.EvaluateJSON, what the command-line tool and the browser
// call) and checks that the CPU time grows at most linearly, as
// TestPathologicalReferentialsAreLinear does for referentials: each tenfold
// step may cost at most 30 times the step before (linear work costs 10,
// quadratic 100), from a floor of 20 ms. It also bounds what comes back: at
// most [wellformed.MaxProblems] problems and one saying how many were left
// out, in the same order every time.
func TestPathologicalDossiersAreLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	ref, err := labels.Builtin("idf")
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	for _, shape := range pathologicalDossiers() {
		t.Run(shape.name, func(t *testing.T) {
			linear(t, []int{1_000, 10_000, 100_000}, shape.build, func(data []byte) ([]byte, int) {
				_, err := assess.EvaluateJSON(data, ref, day)
				var ps clsm.Problems
				if !errors.As(err, &ps) {
					return nil, 0
				}
				out, _ := json.Marshal(ps)
				return out, len(ps)
			})
		})
	}
}

// linear measures run on build(n) for each n (the least CPU time of three
// runs), logs the figures, and fails when a tenfold step costs more than 30
// times the step before (from a floor of 20 ms), when the output differs
// from one run to the next, or when more than [wellformed.MaxProblems] + 1
// problems or 64 KiB of them come back. A size whose document is larger than
// clsm.MaxSize is refused at once, which proves nothing about the work: the
// largest document of the shape under clsm.MaxSize is measured too, and may
// cost at most 2.5 times the linear extrapolation of the size before.
func linear(t *testing.T, sizes []int, build func(n int) []byte, run func([]byte) (out []byte, problems int)) {
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
// holds too many problems.
func measure(t *testing.T, n int, data []byte, run func([]byte) ([]byte, int)) (time.Duration, []byte) {
	t.Helper()
	used := time.Duration(1<<63 - 1)
	var first []byte
	for i := range 3 {
		before := cpuTime(t)
		out, problems := run(data)
		used = min(used, cpuTime(t)-before)
		if i == 0 {
			first = out
		} else if string(out) != string(first) {
			t.Errorf("n = %d: the problems differ from one run to the next", n)
		}
		if problems > wellformed.MaxProblems+1 {
			t.Errorf("n = %d: %d problems, for %d at most", n, problems, wellformed.MaxProblems+1)
		}
	}
	if len(first) > 64<<10 {
		t.Errorf("n = %d: %d bytes of problems", n, len(first))
	}
	return used, first
}

// full writes the i-th value of v with every answer given and each list at
// the fraction scale of its maximum (at least one item; for a list of
// options without repeats, at most the number of options): at scale 1, a
// valid dossier with every list as long as the model allows.
func full(v *model.Value, scale float64, i int) string {
	switch {
	case v.Struct != nil:
		var parts []string
		for _, f := range v.Struct.Fields {
			value := full(&f.Value, scale, i)
			if f.Key == "schemaVersion" {
				value = strconv.Itoa(clsm.SchemaVersion)
			}
			parts = append(parts, strconv.Quote(f.Key)+":"+value)
		}
		return "{" + strings.Join(parts, ",") + "}"
	case v.List():
		n := 10
		if v.MaxItems != nil {
			n = *v.MaxItems
		}
		n = max(1, int(float64(n)*scale+0.5))
		if v.Unique && v.Item.Options != nil {
			n = min(n, len(v.Item.Options))
		}
		return "[" + repeatJSON(n, func(j int) string { return full(v.Item, scale, j) }) + "]"
	}
	return sample(v, i)
}

// TestEvaluationAtTheMaximaIsLinear evaluates a valid dossier whose every
// list is at 1 %, 10 % and 100 % of its maximum, against each built-in
// referential, and checks that the CPU time grows at most linearly with the
// lists (each tenfold step at most 30 times the one before, from a floor of
// 20 ms; 20 evaluations a measure): the checks of the catalogue, the
// indicators and the next steps read each list a bounded number of times,
// never pairs of items.
func TestEvaluationAtTheMaximaIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	day := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	build := func(percent int) []byte {
		return []byte(full(&model.Value{Type: dossierModel.Type, Struct: dossierModel}, float64(percent)/100, 0))
	}
	for _, ref := range labels.Builtins() {
		t.Run(ref.ID, func(t *testing.T) {
			linear(t, []int{1, 10, 100}, build, func(data []byte) ([]byte, int) {
				var out []byte
				for range 20 {
					report, err := assess.EvaluateJSON(data, ref, day)
					if err != nil {
						t.Fatalf("the dossier of %d bytes is refused: %v", len(data), err)
					}
					out, _ = json.Marshal(report)
				}
				sum := sha256.Sum256(out)
				return []byte(fmt.Sprintf("a report of %d bytes, %x", len(out), sum[:8])), 0
			})
		})
	}
}
