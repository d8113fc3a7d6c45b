package clsm_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
)

// TestPendingAnswers: the answers typed but not yet values, kept under the
// top-level key « pending » of an exported file, make the dossier one to
// correct, one problem per pending answer at its question's path; the rest
// of the dossier is read, and an upgrade keeps them.
func TestPendingAnswers(t *testing.T) {
	tests := []struct {
		name, doc string
		read      bool // the dossier is returned beside its problems
		want      [][2]string
		reason    string
	}{
		{"one number", `{"schemaVersion": 2, "name": "CLSM de Montreuil", "pending": {"/territory/population": "environ 98 000"}}`, true,
			[][2]string{{clsm.CodePending, "/territory/population"}}, "a typed population is a problem at its question"},
		{"two, sorted", `{"pending": {"/evaluation/lastBilan": "fin juin", "/coordinator/fte": "un mi-temps"}}`, true,
			[][2]string{{clsm.CodePending, "/coordinator/fte"}, {clsm.CodePending, "/evaluation/lastBilan"}}, "one problem per pending answer, in the order of the paths"},
		{"with another problem", `{"stage": "actif", "pending": {"/territory/population": "98 000 environ"}}`, true,
			[][2]string{{clsm.CodePending, "/territory/population"}, {clsm.CodeEnum, "/stage"}}, "the dossier's own problems are told too"},
		{"empty", `{"pending": {}}`, true, [][2]string{{clsm.CodePending, "/pending"}}, "an empty pending is never a valid dossier (the schema refuses the key)"},
		{"not an object", `{"pending": ["environ 98 000"]}`, true, [][2]string{{clsm.CodeType, "/pending"}}, "the shape is said"},
		{"not a text", `{"pending": {"/territory/population": 98000}}`, true, [][2]string{{clsm.CodeType, "/pending/~1territory~1population"}}, "a value that is not text"},
		{"not a path", `{"pending": {"population": "98 000"}}`, true, [][2]string{{clsm.CodePending, "/pending/population"}}, "a key that is not a JSON Pointer"},
		{"beside an unknown key", `{"populaton": 3, "pending": {"/territory/population": "environ"}}`, false,
			[][2]string{{clsm.CodeUnknownField, "/populaton"}, {clsm.CodePending, "/territory/population"}}, "a decoding problem still stops the reading, pending answers still told"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := clsm.Parse([]byte(tt.doc))
			var ps clsm.Problems
			require.ErrorAs(t, err, &ps, tt.reason)
			var got [][2]string
			for _, p := range ps {
				got = append(got, [2]string{p.Code, p.Path})
				assert.NotContains(t, p.Message, "Key:", tt.reason)
			}
			assert.Equal(t, tt.want, got, tt.reason)
			assert.Equal(t, tt.read, d != nil, tt.reason)
		})
	}
}

// TestPendingAnswerMessage: the message quotes what was typed, and says it is kept.
func TestPendingAnswerMessage(t *testing.T) {
	_, err := clsm.Parse([]byte(`{"pending": {"/territory/population": "environ 98 000"}}`))
	var ps clsm.Problems
	require.ErrorAs(t, err, &ps)
	require.Len(t, ps, 1)
	assert.Equal(t, "environ 98 000", ps[0].Value)
	assert.Contains(t, ps[0].Message, "«\u00a0environ 98 000\u00a0»")
	assert.Contains(t, ps[0].Message, "Le texte est conservé")
}

// TestUpgradeKeepsPendingAnswers: a format-1 file with pending answers is
// written in the current format with its pending answers, as they were.
func TestUpgradeKeepsPendingAnswers(t *testing.T) {
	out, from, err := clsm.Upgrade([]byte(`{"schemaVersion": 1, "name": "CLSM de Rodez", "pending": {"/territory/population": "environ 25 000", "/coordinator/fte": "0,5 ?"}}`))
	require.Error(t, err, "still a dossier to correct")
	assert.Equal(t, 1, from)
	var got struct {
		SchemaVersion int               `json:"schemaVersion"`
		Name          string            `json:"name"`
		Pending       map[string]string `json:"pending"`
	}
	require.NoError(t, json.Unmarshal(out, &got), string(out))
	assert.Equal(t, clsm.SchemaVersion, got.SchemaVersion)
	assert.Equal(t, "CLSM de Rodez", got.Name)
	assert.Equal(t, map[string]string{"/territory/population": "environ 25 000", "/coordinator/fte": "0,5 ?"}, got.Pending)
}
