package assess_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

// TestEvaluateJSONIsParseThenEvaluate: reading and evaluating in one call
// gives the report, or the error, that Parse then Evaluate give.
func TestEvaluateJSONIsParseThenEvaluate(t *testing.T) {
	for _, id := range labels.BuiltinIDs() {
		ref, err := labels.Builtin(id)
		require.NoError(t, err)
		for _, name := range examples.DossierNames() {
			data, _ := examples.Dossier(name)
			d, err := clsm.Parse(data)
			require.NoError(t, err)
			want, err := assess.Evaluate(d, ref, evalDate)
			require.NoError(t, err)
			got, err := assess.EvaluateJSON(data, ref, evalDate)
			require.NoError(t, err)
			assert.Equal(t, want, got, "%s × %s", name, id)
		}
	}
}

func TestEvaluateJSONErrors(t *testing.T) {
	idf, err := labels.Builtin("idf")
	require.NoError(t, err)
	unresolved := &labels.Referential{ID: "x", Rules: []labels.Rule{{ID: "x-1"}}}
	for _, tt := range []struct {
		name       string
		data       string
		ref        *labels.Referential
		invalid    bool // an *InvalidDossierError, with ErrInvalidDossier
		unreadable bool // Parse's problems, not an *InvalidDossierError
		unresolved bool
	}{
		{name: "invalid answer", data: `{"schemaVersion":2,"name":"x","territory":{"population":-3}}`, ref: idf, invalid: true},
		{name: "not JSON", data: `{"schemaVersion":2,`, ref: idf, unreadable: true},
		{name: "Latin-1", data: "{\"name\":\"Cons\xe9il\"}", ref: idf, unreadable: true},
		{name: "an unknown version", data: `{"schemaVersion":9}`, ref: idf, unreadable: true},
		{name: "a referential given as a dossier", data: `{"id":"x","rules":[]}`, ref: idf, unreadable: true},
		{name: "unresolved referential", data: `{"schemaVersion":2,"name":"x"}`, ref: unresolved, unresolved: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := assess.EvaluateJSON([]byte(tt.data), tt.ref, evalDate)
			require.Error(t, err)
			assert.Nil(t, r, "no report, hence no verdict")
			var invalid *assess.InvalidDossierError
			assert.Equal(t, tt.invalid, errors.As(err, &invalid))
			assert.Equal(t, tt.invalid, errors.Is(err, assess.ErrInvalidDossier))
			assert.Equal(t, tt.unresolved, errors.Is(err, assess.ErrUnresolvedReferential))
			var ps clsm.Problems
			assert.Equal(t, tt.invalid || tt.unreadable, errors.As(err, &ps) && len(ps) > 0)
		})
	}
}
