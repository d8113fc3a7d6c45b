//go:build !(js && wasm)

package site_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"testing"
	"time"

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
// Ctrl+P, and reads the PDF: A4 pages, and at most half the 19 pages it took
// before the « sans objet » rules were collapsed and the met rules printed
// without their quote.
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
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	require.NoError(t, err)
	pages, width, height := pdfPages(t, pdf)
	assert.InDelta(t, 595, width, 2, "A4 width in points")
	assert.InDelta(t, 842, height, 2, "A4 height in points")
	assert.LessOrEqual(t, pages, 9, "the printed report is at most half its former 19 pages")
	t.Logf("%d A4 pages", pages)
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
