package gen_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples/generate/gen"
)

// TestDossiersAreDeterministicAndVaried: the same seed gives the same bytes;
// every file but the planned invalid ones is a valid dossier; stages and
// regions vary.
func TestDossiersAreDeterministicAndVaried(t *testing.T) {
	const n = 1000
	a, b := gen.Dossiers(1, n), gen.Dossiers(1, n)
	require.Len(t, a, n)
	other := gen.Dossiers(2, n)
	differ := false
	stages := map[clsm.Stage]int{}
	regions := map[string]int{}
	invalid := 0
	for i := range n {
		name := gen.FileName(i)
		require.True(t, bytes.Equal(a[name], b[name]), name)
		differ = differ || !bytes.Equal(a[name], other[name])
		d, err := clsm.Parse(a[name])
		if i%gen.InvalidEvery == gen.InvalidEvery-1 {
			assert.Error(t, err, name)
			invalid++
			continue
		}
		require.NoError(t, err, "%s: %s", name, a[name])
		stages[d.Stage]++
		r, _ := d.Territory.Department.Region()
		regions[r.Code]++
	}
	assert.True(t, differ, "another seed gives other dossiers")
	assert.Equal(t, n/gen.InvalidEvery, invalid)
	assert.Len(t, stages, 4, "every stage, and blank")
	assert.Len(t, regions, 18, "every region")
}
