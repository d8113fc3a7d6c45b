package assess

import (
	"fmt"
	"strings"

	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// The charts of the regional report are SVG written by hand: no chart
// library, nothing to load, printable as they are. Each is an image for
// assistive technologies (role="img", a <title> and a <desc> it is labelled
// by), and the report puts a table of the same figures beside it. Every text
// goes through esc.

// chartSeries is one series of a stacked bar chart: its label (for the
// legend) and its colour.
type chartSeries struct {
	Label string
	Color string
}

// Geometry of the charts, in SVG user units.
const (
	chartWidth      = 720
	chartLabelWidth = 230
	chartRowHeight  = 26
	chartBarHeight  = 18
	chartTop        = 8
	chartLegend     = 30
	chartMaxLabel   = 34 // characters of a row label before « … »
)

// shortLabel cuts a row label for the chart; the table beside it has the
// whole text.
func shortLabel(s string) string {
	r := []rune(s)
	if len(r) <= chartMaxLabel {
		return s
	}
	return strings.TrimRight(string(r[:chartMaxLabel-1]), " ") + "…"
}

// svgOpen writes the opening of an accessible chart.
func svgOpen(b *strings.Builder, id, title, desc string, height int) {
	fmt.Fprintf(b, "<svg class=\"chart\" role=\"img\" aria-labelledby=\"%s-title %s-desc\" viewBox=\"0 0 %d %d\" width=\"100%%\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">\n", id, id, chartWidth, height)
	fmt.Fprintf(b, "<title id=\"%s-title\">%s</title>\n<desc id=\"%s-desc\">%s</desc>\n", id, esc(title), id, esc(desc))
}

// stackedBarsSVG draws one horizontal bar per row, stacked by series;
// values[i][j] is the value of series j in row i. Bars are scaled to the
// largest row total.
func stackedBarsSVG(id, title, desc string, rows []string, series []chartSeries, values [][]int) string {
	var b strings.Builder
	height := chartTop + len(rows)*chartRowHeight + chartLegend
	svgOpen(&b, id, title, desc, height)
	largest := 1
	for _, vs := range values {
		total := 0
		for _, v := range vs {
			total += v
		}
		largest = max(largest, total)
	}
	scale := float64(chartWidth-chartLabelWidth-40) / float64(largest)
	for i, row := range rows {
		y := chartTop + i*chartRowHeight
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>\n", chartLabelWidth-6, y+chartBarHeight-5, esc(shortLabel(row)))
		x, total := float64(chartLabelWidth), 0
		for j, s := range series {
			v := values[i][j]
			if v == 0 {
				continue
			}
			w := float64(v) * scale
			fmt.Fprintf(&b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s, %s : %d</title></rect>\n", x, y, w, chartBarHeight, s.Color, esc(row), esc(wellformed.LowerFirst(s.Label)), v)
			x += w
			total += v
		}
		fmt.Fprintf(&b, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%d</text>\n", x+4, y+chartBarHeight-5, total)
	}
	legendY := chartTop + len(rows)*chartRowHeight + 10
	x := chartLabelWidth
	for _, s := range series {
		fmt.Fprintf(&b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>\n", x, legendY, s.Color, x+16, legendY+10, esc(s.Label))
		x += 16 + 8*len([]rune(s.Label)) + 12
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// barsSVG draws one horizontal bar per row, scaled to the largest value.
func barsSVG(id, title, desc string, rows []string, values []int, color string) string {
	var b strings.Builder
	height := chartTop + len(rows)*chartRowHeight + 8
	svgOpen(&b, id, title, desc, height)
	largest := 1
	for _, v := range values {
		largest = max(largest, v)
	}
	scale := float64(chartWidth-chartLabelWidth-40) / float64(largest)
	for i, row := range rows {
		y := chartTop + i*chartRowHeight
		w := float64(values[i]) * scale
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>\n", chartLabelWidth-6, y+chartBarHeight-5, esc(shortLabel(row)))
		fmt.Fprintf(&b, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s (%d)</title></rect>\n", chartLabelWidth, y, w, chartBarHeight, color, esc(row), values[i])
		fmt.Fprintf(&b, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\">%d</text>\n", float64(chartLabelWidth)+w+4, y+chartBarHeight-5, values[i])
	}
	b.WriteString("</svg>\n")
	return b.String()
}
