//go:build wellformedgen

package clsm_test

// The differential test of the generated validation: run it with
//
//	go test -tags wellformedgen ./clsm ./labels -run Differential
//	go test -tags wellformedgen ./clsm -run '^$' -fuzz FuzzDifferential

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/internal/wellformed/difftest"
)

// differentialCorpus is every dossier the module's tests hold: the examples,
// the good and bad dossiers of testdata and the assessment scenarios.
func differentialCorpus(t testing.TB) map[string][]byte {
	corpus := map[string][]byte{}
	for _, name := range examples.DossierNames() {
		data, ok := examples.Dossier(name)
		require.True(t, ok, name)
		corpus["example "+name] = data
	}
	for _, pattern := range []string{"testdata/bad/*.json", "testdata/good/*.json", "../assess/testdata/scenarios/*.json"} {
		files, err := filepath.Glob(pattern)
		require.NoError(t, err)
		require.NotEmpty(t, files, pattern)
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			corpus[f] = data
		}
	}
	return corpus
}

// sameProblems decodes data as leniently as Parse does before validating,
// and asserts that validator/v10 and the generated code find the same
// problems; it returns how many they found.
func sameProblems(t testing.TB, name string, data []byte) int {
	var d clsm.Dossier
	wellformed.Decode(data, &d)
	want := wellformed.Struct(&d)
	got := clsm.WellFormedDossier(&d)
	assert.Equal(t, want, got, name)
	return len(want)
}

// TestDifferentialValidation: on every dossier of the corpus, the generated
// validation finds exactly what validator/v10 finds.
func TestDifferentialValidation(t *testing.T) {
	corpus := differentialCorpus(t)
	problems := 0
	for name, data := range corpus {
		problems += sameProblems(t, name, data)
	}
	t.Logf("%d dossiers, %d problems found alike", len(corpus), problems)
	assert.Greater(t, problems, 20, "the corpus must exercise the rules, not only valid dossiers")
}

// TestDifferentialMutations: on the examples and scenarios, every answer
// changed to values that break or keep its rules, the generated validation
// finds exactly what validator/v10 finds.
func TestDifferentialMutations(t *testing.T) {
	corpus := differentialCorpus(t)
	docs, problems := 0, 0
	for name, data := range corpus {
		if !strings.HasPrefix(name, "example ") && !strings.Contains(name, "scenarios/0") {
			continue
		}
		var d clsm.Dossier
		if ps := wellformed.Decode(data, &d); len(ps) > 0 {
			continue
		}
		docs++
		difftest.Mutate(&d, func(where string) {
			want := wellformed.Struct(&d)
			if !assert.Equal(t, want, clsm.WellFormedDossier(&d), "%s: %s", name, where) {
				t.FailNow()
			}
			problems += len(want)
		})
	}
	t.Logf("%d dossiers changed answer by answer, %d problems found alike", docs, problems)
	assert.Greater(t, problems, 1000)
}

// FuzzDifferential: on any input, the generated validation finds exactly
// what validator/v10 finds.
func FuzzDifferential(f *testing.F) {
	for _, data := range differentialCorpus(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameProblems(t, "fuzz", data)
	})
}

// BenchmarkValidation compares validator/v10 and the generated code on the
// examples (valid dossiers: the common case, as a person types).
func BenchmarkValidation(b *testing.B) {
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		d, err := clsm.Parse(data)
		require.NoError(b, err)
		b.Run(name+"/validator", func(b *testing.B) {
			for b.Loop() {
				wellformed.Struct(d)
			}
		})
		b.Run(name+"/generated", func(b *testing.B) {
			for b.Loop() {
				clsm.WellFormedDossier(d)
			}
		})
	}
}
