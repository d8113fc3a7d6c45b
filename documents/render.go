package documents

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// Format is a format a document is written in.
type Format string

// The formats of a document.
const (
	FormatODT      Format = "odt"
	FormatHTML     Format = "html"
	FormatMarkdown Format = "md"
)

// Formats lists the formats [Render] accepts.
func Formats() []Format { return []Format{FormatODT, FormatHTML, FormatMarkdown} }

// Render writes the document in the given format.
func Render(w io.Writer, d *Document, f Format) error {
	switch f {
	case FormatODT:
		return WriteODT(w, d)
	case FormatHTML:
		return WriteHTML(w, d)
	case FormatMarkdown:
		return WriteMarkdown(w, d)
	}
	return fmt.Errorf("Format de document «\u00a0%s\u00a0» inconnu\u00a0: odt, html ou md", assess.Inert(string(f)))
}

// FileName is the name a document is saved under: its ID and the format's
// extension.
func FileName(d *Document, f Format) string { return d.ID + "." + string(f) }

// clean makes a text inert (one line, no control character) and gives it
// French typography's no-break spaces.
func clean(s string) string { return wellformed.Spaces(assess.Inert(s)) }

// spanText is the text of a span as every format writes it.
func spanText(s Span) string {
	if s.IsBlank() {
		return s.Text
	}
	return clean(s.Text)
}

// name is the CLSM's name as typed, made inert, or the blank.
func name(d *Document) string {
	if d.CLSM.IsBlank() {
		return "CLSM (nom " + strings.ToLower(Unanswered) + ")"
	}
	return assess.Inert(d.CLSM.Text)
}

// metaLines are the lines under a document's title: the CLSM, the
// referential, the date, the source.
func metaLines(d *Document) []string {
	lines := []string{
		"Conseil local de santé mentale\u00a0: " + name(d),
		"Référentiel\u00a0: " + clean(d.Referential),
		"Établi le " + d.Date.French() + " à partir du dossier d'auto-évaluation du CLSM.",
	}
	if d.Baseline != "" {
		lines = append(lines, "Comparaison avec le dossier de l'année précédente, compté au "+d.Baseline.French()+".")
	}
	lines = append(lines,
		"Les mentions «\u00a0"+ToWrite+"\u00a0» marquent ce que seul le CLSM peut écrire\u00a0; «\u00a0"+Unanswered+"\u00a0», ce que le dossier ne dit pas encore.")
	return lines
}

// WriteMarkdown writes the document in Markdown. Every text of the dossier
// or of the referential is inert Markdown (see assess.InertMarkdown): it
// never becomes a heading, a link or HTML.
func WriteMarkdown(w io.Writer, d *Document) error {
	var b strings.Builder
	md := func(s Span) string {
		if s.IsBlank() {
			return "**" + s.Text + "**"
		}
		return assess.InertMarkdown(wellformed.Spaces(s.Text))
	}
	fmt.Fprintf(&b, "# %s\n\n", assess.InertMarkdown(wellformed.Spaces(d.Title)))
	fmt.Fprintf(&b, "%s\n\n", assess.InertMarkdown(wellformed.Spaces(d.Purpose)))
	for _, l := range metaLines(d) {
		fmt.Fprintf(&b, "%s  \n", assess.InertMarkdown(l))
	}
	if d.Source != "" {
		fmt.Fprintf(&b, "\n*%s*\n", assess.InertMarkdown(wellformed.Spaces(d.Source)))
	}
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "\n## %s\n", assess.InertMarkdown(wellformed.Spaces(s.Heading)))
		for _, bl := range s.Blocks {
			b.WriteString("\n")
			switch bl.Kind {
			case KindParagraph:
				var parts []string
				for _, sp := range bl.Spans {
					parts = append(parts, md(sp))
				}
				line := strings.Join(parts, " ")
				if bl.Note {
					line = "*" + line + "*"
				}
				b.WriteString(line + "\n")
			case KindList:
				for _, it := range bl.Items {
					var parts []string
					for _, sp := range it {
						parts = append(parts, md(sp))
					}
					b.WriteString("- " + strings.Join(parts, " ") + "\n")
				}
			case KindTable:
				t := bl.Table
				var head, rule []string
				for _, h := range t.Header {
					head = append(head, assess.InertMarkdown(wellformed.Spaces(h)))
					rule = append(rule, "---")
				}
				b.WriteString("| " + strings.Join(head, " | ") + " |\n| " + strings.Join(rule, " | ") + " |\n")
				for _, row := range t.Rows {
					var cells []string
					for _, c := range row {
						cells = append(cells, md(c))
					}
					b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// docStyle is the printable page's style sheet: A4, page numbers, a
// heading never alone at the bottom of a page, a table row, a list item or
// a paragraph never split.
const docStyle = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#161616;max-width:60rem;margin:0 auto;padding:1.5rem;line-height:1.5}
h1{font-size:1.75rem;margin:0 0 .5rem}h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:2px solid #000091;padding-bottom:.25rem}
.meta{color:#3a3a3a}.note{font-size:.9rem;color:#3a3a3a;font-style:italic}
mark.blank{background:#fff2a8;color:#161616;font-weight:700;padding:0 .2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #929292;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#eeeeee}
caption{text-align:left;font-weight:700;padding:.25rem 0}
@media print{@page{size:A4;margin:15mm 15mm 18mm;@bottom-right{content:"Page " counter(page) " sur " counter(pages);font-size:8pt;color:#3a3a3a}}html{font-size:10pt}body{max-width:none;padding:0}
h2{break-after:avoid}tr,li,p,caption{break-inside:avoid}thead{display:table-header-group}}`

// WriteHTML writes the document as a printable A4 HTML page. Every text is
// escaped: what a person typed is shown as text.
func WriteHTML(w io.Writer, d *Document) error {
	var b strings.Builder
	esc := func(s string) string { return html.EscapeString(s) }
	span := func(s Span) string {
		if s.IsBlank() {
			return `<mark class="blank">` + esc(s.Text) + `</mark>`
		}
		return esc(clean(s.Text))
	}
	title := esc(clean(d.Title))
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s — %s</title>\n<style>\n%s\n</style>\n</head>\n<body>\n", title, esc(name(d)), docStyle)
	fmt.Fprintf(&b, "<header>\n<h1>%s</h1>\n<p>%s</p>\n<p class=\"meta\">", title, esc(clean(d.Purpose)))
	for i, l := range metaLines(d) {
		if i > 0 {
			b.WriteString("<br>\n")
		}
		b.WriteString(esc(l))
	}
	b.WriteString("</p>\n")
	if d.Source != "" {
		fmt.Fprintf(&b, "<p class=\"note\">%s</p>\n", esc(clean(d.Source)))
	}
	b.WriteString("</header>\n<main>\n")
	for i, s := range d.Sections {
		fmt.Fprintf(&b, "<section aria-labelledby=\"s%d\">\n<h2 id=\"s%d\">%s</h2>\n", i+1, i+1, esc(clean(s.Heading)))
		for _, bl := range s.Blocks {
			switch bl.Kind {
			case KindParagraph:
				var parts []string
				for _, sp := range bl.Spans {
					parts = append(parts, span(sp))
				}
				class := ""
				if bl.Note {
					class = ` class="note"`
				}
				fmt.Fprintf(&b, "<p%s>%s</p>\n", class, strings.Join(parts, " "))
			case KindList:
				b.WriteString("<ul>\n")
				for _, it := range bl.Items {
					var parts []string
					for _, sp := range it {
						parts = append(parts, span(sp))
					}
					fmt.Fprintf(&b, "<li>%s</li>\n", strings.Join(parts, " "))
				}
				b.WriteString("</ul>\n")
			case KindTable:
				t := bl.Table
				fmt.Fprintf(&b, "<table>\n<caption>%s</caption>\n<thead><tr>", esc(clean(t.Caption)))
				for _, h := range t.Header {
					fmt.Fprintf(&b, "<th scope=\"col\">%s</th>", esc(clean(h)))
				}
				b.WriteString("</tr></thead>\n<tbody>\n")
				for _, row := range t.Rows {
					b.WriteString("<tr>")
					for j, c := range row {
						if j == 0 {
							fmt.Fprintf(&b, "<th scope=\"row\">%s</th>", span(c))
							continue
						}
						fmt.Fprintf(&b, "<td>%s</td>", span(c))
					}
					b.WriteString("</tr>\n")
				}
				b.WriteString("</tbody>\n</table>\n")
			}
		}
		b.WriteString("</section>\n")
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
