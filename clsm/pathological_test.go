package clsm_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clsmkit/go-clsm/clsm"
)

// Pathological inputs: the shapes that once made the decoder slow. Each
// builds a document of about n elements; the benchmarks show the time grows
// linearly with n, and TestPathologicalInputsAreCheap bounds the CPU time of
// the largest document of each shape that fits in clsm.MaxSize.
var pathological = []struct {
	name  string
	build func(n int) []byte
}{
	{"invalid-values", func(n int) []byte {
		// One unknown key, then n invalid INSEE codes in one list.
		var b strings.Builder
		b.WriteString(`{"inconnu":1,"territory":{"communes":[`)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"00000"`)
		}
		b.WriteString(`]}}`)
		return []byte(b.String())
	}},
	{"unknown-keys", func(n int) []byte {
		var b strings.Builder
		b.WriteString(`{"schemaVersion":2`)
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, `,"k%d":1`, i)
		}
		b.WriteString(`}`)
		return []byte(b.String())
	}},
	{"long-key", func(n int) []byte {
		// One unknown key of n characters.
		return []byte(`{"` + strings.Repeat("k", n) + `":1}`)
	}},
	{"deep-nesting", func(n int) []byte {
		return []byte(`{"inconnu":` + strings.Repeat(`{"a":`, n) + `1` + strings.Repeat(`}`, n) + `}`)
	}},
	{"invalid-items", func(n int) []byte {
		// n actions, each with an invalid status and a title too long.
		var b strings.Builder
		b.WriteString(`{"actionPlan":{"actions":[`)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"title":"` + strings.Repeat("x", 301) + `","status":"nope"}`)
		}
		b.WriteString(`]}}`)
		return []byte(b.String())
	}},
}

func BenchmarkPathological(b *testing.B) {
	for _, shape := range pathological {
		for _, n := range []int{1000, 10000, 100000} {
			data := shape.build(n)
			if len(data) > clsm.MaxSize {
				continue // refused at once for its size: nothing to measure
			}
			b.Run(fmt.Sprintf("%s/n=%d", shape.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					_, _ = clsm.Parse(data)
				}
			})
		}
	}
}

// largest returns the largest document of the shape under clsm.MaxSize.
func largest(build func(int) []byte) []byte {
	lo, hi := 1, 1
	for len(build(hi)) <= clsm.MaxSize {
		lo, hi = hi, hi*2
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if len(build(mid)) <= clsm.MaxSize {
			lo = mid
		} else {
			hi = mid
		}
	}
	return build(lo)
}

// TestPathologicalProblemsAreBounded checks that the worst document of each
// shape gets at most 101 problems (100 and « … et N autres problèmes »), each
// message and each path short.
func TestPathologicalProblemsAreBounded(t *testing.T) {
	for _, shape := range pathological {
		data := largest(shape.build)
		_, err := clsm.Parse(data)
		ps, ok := err.(clsm.Problems)
		if !ok {
			t.Fatalf("%s: %T", shape.name, err)
		}
		if len(ps) > 101 {
			t.Errorf("%s (%d bytes): %d problems", shape.name, len(data), len(ps))
		}
		for _, p := range ps {
			if len(p.Message) > 600 {
				t.Errorf("%s: message of %d bytes: %.80s…", shape.name, len(p.Message), p.Message)
			}
			if len(p.Path) > 600 {
				t.Errorf("%s: path of %d bytes: %.80s…", shape.name, len(p.Path), p.Path)
			}
		}
	}
}
