package site

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/wasm/web"
)

// TestInlineForm: the prerendered form takes the place of the page's
// placeholder, once; a page or a form the builder cannot place is an error
// that says which, never a page without its form.
func TestInlineForm(t *testing.T) {
	page, err := web.Files.ReadFile("index.html")
	require.NoError(t, err)
	form, err := web.Files.ReadFile(Prerendered)
	require.NoError(t, err)

	got, err := inlineForm(page, form)
	require.NoError(t, err)
	assert.Equal(t, 1, bytes.Count(got, bytes.TrimSpace(form)))
	assert.NotContains(t, string(got), appBlock)
	assert.Contains(t, string(got), `id="clsm1-questions"`)
	assert.Less(t, bytes.Index(got, []byte(`id="clsm1-questions"`)), bytes.Index(got, []byte(`<footer`)), "the form where the placeholder was")

	for _, tc := range []struct {
		name       string
		page, form string
		want       string
	}{
		{"no placeholder", "<main></main>", string(form), "un et un seul emplacement"},
		{"two placeholders", appBlock + appBlock, string(form), "un et un seul emplacement"},
		{"not the form's block", string(page), "<p>formulaire</p>", Prerendered},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := inlineForm([]byte(tc.page), []byte(tc.form))
			require.Error(t, err)
			assert.True(t, strings.Contains(err.Error(), tc.want), err.Error())
		})
	}
}
