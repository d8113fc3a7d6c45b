package documents

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// An OpenDocument text (OASIS Open Document Format for Office Applications
// v1.3, part 2 « Packages » and part 3 « OpenDocument Schema »; the office
// format the Référentiel général d'interopérabilité recommends) is a zip
// package: the file « mimetype » first, stored uncompressed, then the
// manifest, the content, the styles and the metadata. No well-kept Go
// library writes one; this is the small standard thing, with headings in
// real heading styles (outline levels, so that a table of contents and a
// screen reader find them), real tables with a repeated header row, A4
// pages numbered in the footer, and the language set to French (France).

const odtMime = "application/vnd.oasis.opendocument.text"

const odfNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"`

const odtManifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`

// odtStyles are the named styles: the ones LibreOffice, Word and
// OnlyOffice know by name (« Heading 1 », « Table Contents »…), a
// character style for the marked blanks, the A4 page with its numbered
// footer.
const odtStyles = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles ` + odfNS + ` office:version="1.3">
 <office:font-face-decls/>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:orphans="2" fo:widows="2"/>
   <style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans', Arial, sans-serif" fo:font-size="10.5pt" fo:language="fr" fo:country="FR"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:keep-together="always"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="chapter">
   <style:paragraph-properties fo:margin-bottom="0.3cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="20pt" fo:font-weight="bold" fo:color="#000091"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
   <style:paragraph-properties fo:margin-top="0.5cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
   <style:paragraph-properties fo:border-bottom="0.06pt solid #000091" fo:padding-bottom="0.05cm"/>
   <style:text-properties fo:font-size="14pt" fo:color="#000091"/>
  </style:style>
  <style:style style:name="Note" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="text">
   <style:text-properties fo:font-size="9pt" fo:font-style="italic" fo:color="#3a3a3a"/>
  </style:style>
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:text-properties fo:font-size="9.5pt"/>
  </style:style>
  <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
   <style:text-properties fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-weight="bold" fo:font-size="10pt"/>
  </style:style>
  <style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list"/>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:text-align="end"/>
   <style:text-properties fo:font-size="8pt" fo:color="#3a3a3a"/>
  </style:style>
  <style:style style:name="Blank" style:family="text">
   <style:text-properties fo:font-weight="bold" fo:background-color="#fff2a8"/>
  </style:style>
  <text:list-style style:name="Bullets">
   <text:list-level-style-bullet text:level="1" text:bullet-char="•">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.6cm" fo:text-indent="-0.4cm" fo:margin-left="0.6cm"/>
    </style:list-level-properties>
   </text:list-level-style-bullet>
  </text:list-style>
  <text:outline-style style:name="Outline">
   <text:outline-level-style text:level="1" style:num-format=""/>
   <text:outline-level-style text:level="2" style:num-format=""/>
  </text:outline-style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="A4">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="1.5cm" fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="A4">
   <style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current"/> sur <text:page-count/></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
</office:document-styles>
`

// odtAutomatic are the content's automatic styles: the tables, their
// columns and cells, and rows that are never split across two pages.
const odtAutomatic = ` <office:automatic-styles>
  <style:style style:name="Tbl" style:family="table">
   <style:table-properties style:width="17cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.3cm"/>
  </style:style>
  <style:style style:name="Row" style:family="table-row">
   <style:table-row-properties fo:keep-together="always"/>
  </style:style>
  <style:style style:name="Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #929292"/>
  </style:style>
  <style:style style:name="HeadCell" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #929292" fo:background-color="#eeeeee"/>
  </style:style>
 </office:automatic-styles>
`

// WriteODT writes the document as an OpenDocument text (.odt).
func WriteODT(w io.Writer, d *Document) error {
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, ok := d.Date.Time(); ok {
		day = t
	}
	return writeStoredZip(w, day, []zipEntry{
		{name: "mimetype", data: []byte(odtMime)},
		{name: "META-INF/manifest.xml", data: []byte(odtManifest)},
		{name: "content.xml", data: []byte(odtContent(d))},
		{name: "styles.xml", data: []byte(odtStyles)},
		{name: "meta.xml", data: []byte(odtMeta(d))},
	})
}

// x escapes a text for XML; a character XML 1.0 does not allow (a control
// character other than tab, U+FFFE, U+FFFF) becomes U+FFFD. The texts are
// inert already (see assess.Inert): this is the last guard.
func x(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff:
			b.WriteRune('\ufffd')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func odtMeta(d *Document) string {
	date := string(d.Date) + "T00:00:00"
	return `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta ` + odfNS + ` office:version="1.3">
 <office:meta>
  <meta:generator>go-clsm</meta:generator>
  <dc:title>` + x(clean(d.Title)+" — "+name(d)) + `</dc:title>
  <dc:description>` + x(clean(d.Purpose)) + `</dc:description>
  <dc:language>fr-FR</dc:language>
  <meta:creation-date>` + date + `</meta:creation-date>
  <dc:date>` + date + `</dc:date>
 </office:meta>
</office:document-meta>
`
}

func odtContent(d *Document) string {
	var b strings.Builder
	span := func(s Span) string {
		if s.IsBlank() {
			return `<text:span text:style-name="Blank">` + x(s.Text) + `</text:span>`
		}
		return x(clean(s.Text))
	}
	spans := func(ss []Span) string {
		var parts []string
		for _, s := range ss {
			parts = append(parts, span(s))
		}
		return strings.Join(parts, " ")
	}
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<office:document-content " + odfNS + ` office:version="1.3">` + "\n")
	b.WriteString(odtAutomatic)
	b.WriteString(" <office:body>\n  <office:text>\n")
	fmt.Fprintf(&b, "   <text:p text:style-name=\"Title\">%s</text:p>\n", x(clean(d.Title)))
	fmt.Fprintf(&b, "   <text:p text:style-name=\"Text_20_body\">%s</text:p>\n", x(clean(d.Purpose)))
	for _, l := range metaLines(d) {
		fmt.Fprintf(&b, "   <text:p text:style-name=\"Text_20_body\">%s</text:p>\n", x(l))
	}
	if d.Source != "" {
		fmt.Fprintf(&b, "   <text:p text:style-name=\"Note\">%s</text:p>\n", x(clean(d.Source)))
	}
	tables := 0
	for _, s := range d.Sections {
		fmt.Fprintf(&b, "   <text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">%s</text:h>\n", x(clean(s.Heading)))
		for _, bl := range s.Blocks {
			switch bl.Kind {
			case KindParagraph:
				style := "Text_20_body"
				if bl.Note {
					style = "Note"
				}
				fmt.Fprintf(&b, "   <text:p text:style-name=\"%s\">%s</text:p>\n", style, spans(bl.Spans))
			case KindList:
				b.WriteString("   <text:list text:style-name=\"Bullets\">\n")
				for _, it := range bl.Items {
					fmt.Fprintf(&b, "    <text:list-item><text:p text:style-name=\"List_20_Contents\">%s</text:p></text:list-item>\n", spans(it))
				}
				b.WriteString("   </text:list>\n")
			case KindTable:
				tables++
				t := bl.Table
				fmt.Fprintf(&b, "   <text:p text:style-name=\"Caption\">%s</text:p>\n", x(clean(t.Caption)))
				fmt.Fprintf(&b, "   <table:table table:name=\"Tableau%d\" table:style-name=\"Tbl\">\n", tables)
				fmt.Fprintf(&b, "    <table:table-column table:number-columns-repeated=\"%d\"/>\n", len(t.Header))
				b.WriteString("    <table:table-header-rows><table:table-row table:style-name=\"Row\">")
				for _, h := range t.Header {
					fmt.Fprintf(&b, "<table:table-cell table:style-name=\"HeadCell\" office:value-type=\"string\"><text:p text:style-name=\"Table_20_Heading\">%s</text:p></table:table-cell>", x(clean(h)))
				}
				b.WriteString("</table:table-row></table:table-header-rows>\n")
				for _, row := range t.Rows {
					b.WriteString("    <table:table-row table:style-name=\"Row\">")
					for _, c := range row {
						fmt.Fprintf(&b, "<table:table-cell table:style-name=\"Cell\" office:value-type=\"string\"><text:p text:style-name=\"Table_20_Contents\">%s</text:p></table:table-cell>", span(c))
					}
					b.WriteString("</table:table-row>\n")
				}
				b.WriteString("   </table:table>\n")
			}
		}
	}
	b.WriteString("  </office:text>\n </office:body>\n</office:document-content>\n")
	return b.String()
}
