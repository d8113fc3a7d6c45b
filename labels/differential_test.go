//go:build wellformedgen

package labels_test

// The differential test of the generated validation of referentials: run it
// with go test -tags wellformedgen ./labels -run Differential.

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/internal/wellformed/difftest"
	"github.com/clsmkit/go-clsm/labels"
)

// TestDifferentialValidation: on the built-in referentials and the good and
// bad referentials of testdata, as they are and with every answer changed
// to values that break or keep its rules, the generated validation finds
// exactly what validator/v10 finds.
func TestDifferentialValidation(t *testing.T) {
	var files []string
	for _, pattern := range []string{"referentials/*.json", "testdata/good/*.json", "testdata/bad/*.json", "testdata/*.json"} {
		f, err := filepath.Glob(pattern)
		require.NoError(t, err)
		files = append(files, f...)
	}
	require.Greater(t, len(files), 10)
	problems, mutated := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		var r labels.Referential
		decoded := len(wellformed.Decode(data, &r)) == 0
		want := wellformed.Struct(&r)
		assert.Equal(t, want, labels.WellFormedReferential(&r), f)
		problems += len(want)
		if !decoded || filepath.Dir(f) != "referentials" {
			continue
		}
		mutated++
		difftest.Mutate(&r, func(where string) {
			want := wellformed.Struct(&r)
			if !assert.Equal(t, want, labels.WellFormedReferential(&r), "%s: %s", f, where) {
				t.FailNow()
			}
			problems += len(want)
		})
	}
	t.Logf("%d referentials, %d of them changed answer by answer, %d problems found alike", len(files), mutated, problems)
	assert.Greater(t, problems, 1000)
}
