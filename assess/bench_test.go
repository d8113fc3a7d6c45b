package assess_test

import (
	"io"
	"testing"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

// BenchmarkEvaluate assesses each example dossier against the Île-de-France
// referential, the largest: what the form does on every answer.
func BenchmarkEvaluate(b *testing.B) {
	ref := builtin(b, "idf")
	for _, name := range examples.DossierNames() {
		d := exampleDossier(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := assess.Evaluate(d, ref, evalDate); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseEvaluate adds strict decoding and validation of the JSON
// (Evaluate validates once more).
func BenchmarkParseEvaluate(b *testing.B) {
	benchmarkJSON(b, func(data []byte, ref *labels.Referential) error {
		d, err := clsm.Parse(data)
		if err != nil {
			return err
		}
		_, err = assess.Evaluate(d, ref, evalDate)
		return err
	})
}

// BenchmarkEvaluateJSON reads, validates once and evaluates: the path of
// the form at each answer.
func BenchmarkEvaluateJSON(b *testing.B) {
	benchmarkJSON(b, func(data []byte, ref *labels.Referential) error {
		_, err := assess.EvaluateJSON(data, ref, evalDate)
		return err
	})
}

// benchmarkJSON runs read on the JSON of each example dossier with the
// Île-de-France referential.
func benchmarkJSON(b *testing.B, read func([]byte, *labels.Referential) error) {
	ref := builtin(b, "idf")
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if err := read(data, ref); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRenderHTML renders the printable report.
func BenchmarkRenderHTML(b *testing.B) {
	r, err := assess.Evaluate(exampleDossier(b, "ile-de-france-montreuil-actif"), builtin(b, "idf"), evalDate)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := assess.Render(io.Discard, r, assess.FormatHTML); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuiltin is the cost of a built-in referential for its caller: a
// deep copy of the parsed referential at each call (labels.Builtin), and the
// check Evaluate makes that no rule changed since it was resolved
// (Resolved), against an evaluation of the Montreuil example.
func BenchmarkBuiltin(b *testing.B) {
	for _, id := range labels.BuiltinIDs() {
		b.Run("copy/"+id, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := labels.Builtin(id); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	ref := builtin(b, "idf")
	b.Run("resolved/idf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if !ref.Resolved() {
				b.Fatal("not resolved")
			}
		}
	})
	d := exampleDossier(b, "ile-de-france-montreuil-actif")
	b.Run("copy-and-evaluate/idf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, err := labels.Builtin("idf")
			if err != nil {
				b.Fatal(err)
			}
			if _, err := assess.Evaluate(d, r, evalDate); err != nil {
				b.Fatal(err)
			}
		}
	})
}
