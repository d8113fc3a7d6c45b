//go:build !(js && wasm)

package browser_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
	"github.com/stretchr/testify/require"
)

// pdfPageTexts reads the text of each page of a PDF, as a PDF reader
// extracts it (the fonts' ToUnicode tables), every run of white space
// removed: line breaks and justification differ between the page and the
// HTML, the characters do not.
func pdfPageTexts(t *testing.T, data []byte) []string {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err, "the PDF cannot be read")
	texts := make([]string, r.NumPage())
	for i := range texts {
		p := r.Page(i + 1)
		if p.V.IsNull() {
			continue
		}
		var b strings.Builder
		for _, txt := range p.Content().Text {
			b.WriteString(txt.S)
		}
		texts[i] = compact(b.String())
	}
	return texts
}

// ligatures are the typographic ligatures a PDF's text may hold where the
// HTML has the letters.
var ligatures = strings.NewReplacer("\ufb00", "ff", "\ufb01", "fi", "\ufb02", "fl", "\ufb03", "ffi", "\ufb04", "ffl")

// compact removes every white-space character, no-break spaces included,
// and spells ligatures out.
func compact(s string) string {
	return ligatures.Replace(strings.Join(strings.Fields(s), ""))
}
