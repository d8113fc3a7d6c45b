package wasm_test

import (
	"testing"

	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/wasm"
)

// BenchmarkCallAssess is the call the form makes at each answer, natively:
// the example dossier of an active CLSM in Île-de-France read, validated,
// assessed and its report written as JSON (some 60 kB), as the browser gets
// it. BenchmarkCallValidate is the reading and validation alone.
func BenchmarkCallAssess(b *testing.B) {
	benchmarkCall(b, "assess", "idf", "2026-11-22")
}

func BenchmarkCallValidate(b *testing.B) {
	benchmarkCall(b, "validate")
}

func benchmarkCall(b *testing.B, method string, more ...string) {
	data, ok := examples.Dossier("ile-de-france-montreuil-actif")
	if !ok {
		b.Fatal("no example dossier")
	}
	args := append([]string{string(data)}, more...)
	b.ReportAllocs()
	for b.Loop() {
		if out := wasm.Call(method, args...); len(out) < 10 || out[:9] == `{"error":` {
			b.Fatal(out)
		}
	}
}
