package clsm_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
)

func TestUpgrade(t *testing.T) {
	tests := []struct {
		name, in string
		from     int
		problems bool
		reason   string
	}{
		{"format 1", `{"schemaVersion": 1, "stage": "active"}`, 1, false, "a format-1 dossier becomes format 2, its answers kept"},
		{"no version", `{"stage": "project"}`, clsm.SchemaVersion, false, "no version: read as the current one"},
		{"format 2", `{"schemaVersion": 2, "evaluation": {"lastAnnualReport": "never"}}`, 2, false, "already current"},
		{"invalid but readable", `{"schemaVersion": 1, "stage": "actif"}`, 1, true, "upgraded anyway, its problems beside: nothing typed is lost"},
	}
	// A value the strict decoding refuses is left out and named; every other
	// answer of the format-1 file is kept, and the file is still upgraded.
	refused := []struct{ name, in, path string }{
		{"type error", `{"schemaVersion": 1, "name": "Conseil", "stage": "active", "territory": {"population": "beaucoup"}}`, "/territory/population"},
		{"null", `{"schemaVersion": 1, "name": "Conseil", "stage": "active", "notes": null}`, "/notes"},
		{"unknown key", `{"schemaVersion": 1, "name": "Conseil", "stage": "active", "nom": "x"}`, "/nom"},
	}
	for _, tt := range refused {
		out, from, err := clsm.Upgrade([]byte(tt.in))
		require.NotNil(t, out, tt.name)
		assert.Equal(t, 1, from, tt.name)
		var ps clsm.Problems
		require.ErrorAs(t, err, &ps, tt.name)
		assert.Equal(t, tt.path, ps[0].Path, tt.name)
		d, err := clsm.Parse(out)
		require.NoError(t, err, "%s: the upgraded dossier reads without a problem", tt.name)
		assert.Equal(t, "Conseil", d.Name, tt.name)
		assert.Equal(t, clsm.StageActive, d.Stage, tt.name)
		_, err = clsm.Parse([]byte(tt.in))
		assert.Error(t, err, "%s: Parse itself still refuses it", tt.name)
	}
	for _, tt := range tests {
		out, from, err := clsm.Upgrade([]byte(tt.in))
		require.NotNil(t, out, tt.reason)
		assert.Equal(t, tt.from, from, tt.reason)
		assert.Equal(t, tt.problems, err != nil, tt.reason)
		var in, back map[string]any
		require.NoError(t, json.Unmarshal([]byte(tt.in), &in))
		require.NoError(t, json.Unmarshal(out, &back))
		assert.EqualValues(t, clsm.SchemaVersion, back["schemaVersion"], tt.reason)
		delete(in, "schemaVersion")
		delete(back, "schemaVersion")
		assert.Equal(t, in, back, tt.reason)
	}
	_, _, err := clsm.Upgrade([]byte(`{"schemaVersion": 99}`))
	assert.ErrorContains(t, err, fmt.Sprintf("elle lit les formats %d", clsm.OldestSchemaVersion))
	assert.ErrorContains(t, err, fmt.Sprintf(" et %d.", clsm.SchemaVersion), "the versions read, up to the current one")
	_, _, err = clsm.Upgrade([]byte(`{"schemaVersion": 1, "evaluation": {"lastAnnualReport": "never"}}`))
	assert.ErrorContains(t, err, "version 2", "format 1 has no « never »: said, not silently upgraded")

	// Every example survives the upgrade answer for answer.
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		out, from, err := clsm.Upgrade(data)
		require.NoError(t, err, name)
		assert.Equal(t, 1, from)
		d1, _ := clsm.Parse(data)
		d2, err := clsm.Parse(out)
		require.NoError(t, err, name)
		d1.SchemaVersion = clsm.SchemaVersion
		assert.Equal(t, d1, d2, name)
	}
}
