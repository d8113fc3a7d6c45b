package labels_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/labels"
)

// TestLevelsFollowTheText holds every built-in rule to its text: a quote, the
// word of it that sets the obligation, a level that word allows in a
// document of that kind (words reported in an article never make a rule
// requis), and why.
func TestLevelsFollowTheText(t *testing.T) {
	for _, id := range labels.BuiltinIDs() {
		ref, err := labels.Builtin(id)
		require.NoError(t, err)
		for _, r := range ref.Rules {
			name := id + "/" + r.ID
			assert.NotEmpty(t, r.Quote, "%s: every rule quotes its text", name)
			assert.NotEmpty(t, r.LevelWhy, "%s: every rule says why it has its level", name)
			doc, found := ref.Document(r.Source)
			require.True(t, found, "%s: cites no listed document", name)
			force, levels, ok := labels.LevelsFor(r.Modal, doc.Kind)
			if !assert.True(t, ok, "%s: modal word « %s » is not classified in labels/modal.go", name, r.Modal) {
				continue
			}
			if r.Modal != "" {
				assert.True(t, labels.QuoteHasModal(r.Quote, r.Modal), "%s: the modal word « %s » is not in the quote « %s »", name, r.Modal, r.Quote)
			}
			assert.True(t, slices.Contains(levels, r.Level), "%s: level %s does not follow « %s » (%s) in %s", name, r.Level, r.Modal, force, doc.Kind.Label())
		}
	}
}

func TestModalLevels(t *testing.T) {
	tests := []struct {
		word   string
		want   labels.Level
		reason string
	}{
		{"doit", labels.LevelRequired, "« doit » obliges"},
		{"Rassemble", labels.LevelRequired, "present indicative obliges; case ignored"},
		{"peut", labels.LevelRecommended, "« peut » allows"},
		{"", labels.LevelRecommended, "a text not read never makes a rule required"},
	}
	for _, tt := range tests {
		_, levels, ok := labels.ModalLevels(tt.word)
		require.True(t, ok, tt.reason)
		assert.Equal(t, tt.want, levels[0], tt.reason)
	}
	_, _, ok := labels.ModalLevels("il semblerait")
	assert.False(t, ok, "an unclassified word must be classified before use")
	assert.True(t, labels.QuoteHasModal("L’évaluation des actions menées fait l'objet d’un bilan annuel.", "fait l’objet"))
}
