//go:build !js

package clsm_test

import (
	"syscall"
	"testing"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
)

// cpuTime is the CPU time this process has used (user and system): unlike
// the wall clock, it does not depend on what else the machine is doing.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestPathologicalInputsAreCheap parses the worst document of each shape
// that fits in clsm.MaxSize and bounds the CPU time it takes: 2 s, about ten
// times what BenchmarkPathological measures on a 2-core machine, so that only
// a return of quadratic work can fail it.
func TestPathologicalInputsAreCheap(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	for _, shape := range pathological {
		data := largest(shape.build)
		before := cpuTime(t)
		_, _ = clsm.Parse(data)
		if used := cpuTime(t) - before; used > 2*time.Second {
			t.Errorf("%s (%d bytes): %v of CPU", shape.name, len(data), used)
		}
	}
}
