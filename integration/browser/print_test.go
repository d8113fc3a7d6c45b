//go:build !(js && wasm)

package browser_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

// TestPrintedReport prints the HTML report of the Montreuil example against
// the Île-de-France referential with Chromium, as a person would with
// Ctrl+P, and reads the PDF as a PDF reader does: A4 pages, at most half the
// 19 pages it took before the « sans objet » rules were collapsed and the met
// rules printed without their quote, each page numbered « Page n sur N », and
// no finding split across two pages.
func TestPrintedReport(t *testing.T) {
	data, _ := examples.Dossier("ile-de-france-montreuil-actif")
	d, err := clsm.Parse(data)
	require.NoError(t, err)
	ref, err := labels.Builtin("idf")
	require.NoError(t, err)
	r, err := assess.Evaluate(d, ref, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	var html bytes.Buffer
	require.NoError(t, assess.Render(&html, r, assess.FormatHTML))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(html.Bytes())
	}))
	defer srv.Close()

	ctx := newBrowser(t)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL)))
	// innerText as printed: the print style sheet hides the quotes of the
	// rules met, and the PDF has none of them either.
	_, err = chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	require.NoError(t, err)
	findings, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".finding"), e => e.innerText)`))
	require.NoError(t, err)
	require.NotEmpty(t, findings)
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	require.NoError(t, err)
	pages, width, height := pdfPages(t, pdf)
	assert.InDelta(t, 595, width, 2, "A4 width in points")
	assert.InDelta(t, 842, height, 2, "A4 height in points")
	assert.LessOrEqual(t, pages, 9, "the printed report is at most half its former 19 pages")

	texts := pdfPageTexts(t, pdf)
	require.Len(t, texts, pages)
	for i, text := range texts {
		assert.True(t, strings.HasPrefix(text, compact(fmt.Sprintf("Page %d sur %d", i+1, pages))),
			"page %d does not start with its number: %.80s", i+1, text)
	}
	// No finding is split across two pages: the whole text of each one is
	// on a single page of the PDF.
	split := 0
	for _, f := range findings {
		whole := compact(f)
		if !slices.ContainsFunc(texts, func(page string) bool { return strings.Contains(page, whole) }) {
			split++
			t.Errorf("a finding is not whole on any page: %.120s", f)
		}
	}
	t.Logf("%d A4 pages, %d findings, %d split across pages", pages, len(findings), split)
}

// pdfPages reads the page count and the first page's size from a PDF that
// Chromium wrote (uncompressed page tree).
func pdfPages(t *testing.T, pdf []byte) (pages int, width, height float64) {
	t.Helper()
	for _, m := range regexp.MustCompile(`/Count (\d+)`).FindAllSubmatch(pdf, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		pages = max(pages, n)
	}
	box := regexp.MustCompile(`/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]`).FindSubmatch(pdf)
	require.NotNil(t, box, "no MediaBox in the PDF")
	width, _ = strconv.ParseFloat(string(box[1]), 64)
	height, _ = strconv.ParseFloat(string(box[2]), 64)
	require.Positive(t, pages, "no page count in the PDF")
	return pages, width, height
}
