package examples_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
	"github.com/clsmkit/go-clsm/schema"
)

func TestCustomReferential(t *testing.T) {
	data, ok := examples.Referential("aveyron-exemple")
	require.True(t, ok)
	ref, err := labels.Parse(data)
	require.NoError(t, err)
	rule, ok := ref.Rule("dd12-copil-reunions")
	require.True(t, ok)
	assert.Equal(t, 3, rule.ParamValues().Int("min"))
	_, dropped := ref.Rule("occ-partenaires-cite")
	assert.False(t, dropped)

	// The Roubaix example met two COPIL meetings in the last 12 months' window
	// of the built-in rules; three are asked here.
	d := dossier(t, "hauts-de-france-roubaix-actif")
	res := rule.Evaluate(d, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, labels.Met, res.Outcome, res.Detail)
	res = rule.Evaluate(d, time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, labels.Unmet, res.Outcome, res.Detail)
}

// TestReferentialsMatchTheirSchema runs every built-in and example referential
// through an independent JSON Schema validator.
func TestReferentialsMatchTheirSchema(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Referential))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "https://github.com/clsmkit/go-clsm/schema/referential.schema.json"
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err)
	var files [][]byte
	for _, id := range labels.BuiltinIDs() {
		data, _ := labels.BuiltinJSON(id)
		files = append(files, data)
	}
	data, _ := examples.Referential("aveyron-exemple")
	files = append(files, data)
	for _, data := range files {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		require.NoError(t, err)
		assert.NoError(t, sch.Validate(inst))
	}
}

func dossier(t *testing.T, name string) *clsm.Dossier {
	t.Helper()
	data, ok := examples.Dossier(name)
	require.True(t, ok)
	d, err := clsm.Parse(data)
	require.NoError(t, err)
	return d
}
