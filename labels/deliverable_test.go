package labels_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

const goodDeliverable = `{"id": "bilan", "title": "Bilan annuel", "purpose": "Rendre compte.", "stages": ["active"],
  "source": "cdc", "section": "§12", "quote": "Un bilan annuel.",
  "sections": [{"heading": "Réunions", "answers": ["/copil/meetings"], "indicators": ["governance"]},
               {"heading": "Difficultés", "write": "Les difficultés rencontrées."}]}`

func withDeliverables(ds ...string) []byte {
	r := strings.Replace(minimalReferential, "RULE", goodRule, 1)
	return []byte(strings.Replace(r, `"rules":`, `"deliverables": [`+strings.Join(ds, ",")+`], "rules":`, 1))
}

func TestParseDeliverables(t *testing.T) {
	r, err := labels.Parse(withDeliverables(goodDeliverable))
	require.NoError(t, err)
	require.Len(t, r.Deliverables, 1)
	assert.Equal(t, []string{"/copil/meetings"}, r.Deliverables[0].Sections[0].Answers)

	tests := []struct {
		reason  string
		doc     string
		code    string
		path    string
		message string
	}{
		{"an ID outside the safe alphabet", strings.Replace(goodDeliverable, `"bilan"`, `"Bilan annuel"`, 1), labels.CodeDeliverableID, "/deliverables/0/id", "lettres minuscules sans accent"},
		{"a question the dossier does not have", strings.Replace(goodDeliverable, `/copil/meetings`, `/copil/reunions`, 1), labels.CodeDeliverableFeed, "/deliverables/0/sections/0/answers/0", "Réponse reprise"},
		{"a group of questions, not a question", strings.Replace(goodDeliverable, `/copil/meetings`, `/copil/decisions`, 1), labels.CodeDeliverableFeed, "/deliverables/0/sections/0/answers/0", "groupe de questions"},
		{"an unknown indicator family", strings.Replace(goodDeliverable, `"governance"`, `"gouvernance"`, 1), labels.CodeDeliverableFeed, "/deliverables/0/sections/0/indicators/0", "famille d'indicateurs"},
		{"a source the referential does not list", strings.Replace(goodDeliverable, `"source": "cdc"`, `"source": "autre"`, 1), labels.CodeUnknownDocument, "/deliverables/0/source", "n'est pas dans la liste"},
		{"an empty section", strings.Replace(goodDeliverable, `"write": "Les difficultés rencontrées."`, `"intro": ""`, 1), labels.CodeDeliverableFeed, "/deliverables/0/sections/1", "un titre (« heading ») et un contenu"},
		{"no quote: a document is asked for by a text", strings.Replace(goodDeliverable, `"quote": "Un bilan annuel.",`, ``, 1), clsm.CodeRequired, "/deliverables/0", "il manque « quote »"},
		{"a section without heading", strings.Replace(goodDeliverable, `"heading": "Réunions", `, ``, 1), labels.CodeDeliverableFeed, "/deliverables/0/sections/0", "un titre (« heading »)"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			_, err := labels.Parse(withDeliverables(tt.doc))
			require.Error(t, err)
			ps := err.(clsm.Problems)
			require.NotEmpty(t, ps)
			assert.Equal(t, tt.code, ps[0].Code, ps)
			assert.Equal(t, tt.path, ps[0].Path)
			assert.Contains(t, ps[0].Message, tt.message)
		})
	}
	_, err = labels.Parse(withDeliverables(goodDeliverable, goodDeliverable))
	require.Error(t, err)
	assert.Equal(t, "/deliverables/1/id", err.(clsm.Problems)[0].Path, "two documents with one ID")
}

func TestValidDeliverableID(t *testing.T) {
	for id, want := range map[string]bool{"bilan": true, "feuille-de-route": true, "annexe2": true, "": false, "Bilan": false, "bilan-": false, "2bilan": false, "bilan_annuel": false, "évaluation": false, strings.Repeat("a", 41): false} {
		assert.Equal(t, want, labels.ValidDeliverableID(id), id)
	}
}

// TestBuiltinDeliverablesQuoteTheirSource: every document a built-in
// referential asks for cites its text, word for word.
func TestBuiltinDeliverablesQuoteTheirSource(t *testing.T) {
	for _, ref := range labels.Builtins() {
		for _, d := range ref.Deliverables {
			assert.NotEmpty(t, d.Quote, "%s/%s", ref.ID, d.ID)
			_, ok := ref.Document(d.Source)
			assert.True(t, ok, "%s/%s", ref.ID, d.ID)
		}
	}
	idf, err := labels.Builtin("idf")
	require.NoError(t, err)
	var ids []string
	for _, d := range idf.Deliverables {
		ids = append(ids, d.ID)
	}
	assert.Equal(t, []string{"bilan", "annexe", "evaluation", "demande"}, ids)
}

// TestExtendsInheritsDeliverables: a referential that extends a built-in
// keeps its documents, and replaces one by giving its ID.
func TestExtendsInheritsDeliverables(t *testing.T) {
	file := `{"schemaVersion": 1, "id": "ars-test", "name": "Test", "issuer": "ARS Test", "version": "1", "extends": "idf",
	  "deliverables": [{"id": "bilan", "title": "Notre bilan", "purpose": "Rendre compte.", "stages": ["active"], "source": "cdc-idf", "section": "§12", "quote": "Un bilan annuel.",
	    "sections": [{"heading": "Difficultés", "write": "Les difficultés."}]}]}`
	r, err := labels.Parse([]byte(file))
	require.NoError(t, err)
	require.Len(t, r.Deliverables, 4)
	assert.Equal(t, "Notre bilan", r.Deliverables[0].Title)
	assert.Equal(t, "annexe", r.Deliverables[1].ID)
}
