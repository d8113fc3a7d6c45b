package assess

import (
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A report shows texts it did not write: the CLSM's name, typed by a person,
// and every text of a referential, which may come from any file. Whatever
// they hold, they must stay text: no line break that starts a new paragraph
// or heading in the report, no terminal escape that clears the screen or
// hides a hyperlink, no Markdown that becomes a heading, a link or HTML.

// zwnj is the zero-width non-joiner, put inside what a Markdown renderer
// would turn into a link (« http:/‌/ », « www‌. », « a‌@b ») so that it stays
// text; it is invisible when the report is read.
const zwnj = "\u200c"

// Inert returns s as one line of inert text, for every format and for
// anything a program echoes to a terminal:
//
//   - a line break (LF, CR, CR LF, vertical tab, form feed, NEL, U+2028,
//     U+2029), or a run of them, becomes one space;
//   - a whole escape sequence is removed: CSI (ESC [ … final byte, or
//     U+009B …), OSC, DCS, SOS, PM and APC strings (ESC ] … up to BEL or
//     ST, ESC \ or U+009C, or to the end of s when they are not closed),
//     and the short ESC sequences (ESC c, ESC 7…);
//   - every other control character is removed: C0 but the tab, DEL, C1
//     (U+0080 to U+009F);
//   - the invisible characters that change how the text around them reads
//     are removed: the bidirectional controls (U+061C, U+200E, U+200F,
//     U+202A to U+202E, U+2066 to U+2069), which can reverse the rest of a
//     line or of a spreadsheet row, and the zero-width characters (U+200B
//     to U+200D, U+2060 to U+2064, U+FEFF), which hide inside names and
//     identifiers;
//   - a byte that is not UTF-8 becomes U+FFFD.
//
// Everything else, tabs and spaces included, is kept as it is.
func Inert(s string) string {
	if isInert(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	lineBreak := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
			i += size
			lineBreak = false
			continue
		case isLineBreak(r):
			if !lineBreak {
				b.WriteByte(' ')
			}
			lineBreak = true
			i += size
			continue
		case r == 0x1b || r == 0x9b || r == 0x90 || r == 0x98 || r == 0x9d || r == 0x9e || r == 0x9f:
			i += escapeLen(s[i:])
			continue
		case r == '\t':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isInvisibleFormat(r):
			i += size
			continue
		}
		lineBreak = false
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// isInert reports whether s is valid UTF-8 without any control character
// other than the tab: the common case, which Inert returns unchanged.
func isInert(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t') || c == 0x7f || c >= 0x80 {
			if c < 0x80 {
				return false
			}
			// Non-ASCII: check it rune by rune.
			for _, r := range s[i:] {
				if r == utf8.RuneError || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 || (r < 0x20 && r != '\t') || r == 0x7f || isInvisibleFormat(r) {
					return false
				}
			}
			return utf8.ValidString(s[i:])
		}
	}
	return true
}

// isInvisibleFormat reports whether r is a bidirectional control or a
// zero-width character (see [Inert]).
func isInvisibleFormat(r rune) bool {
	switch {
	case r == 0x061c, r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e,
		r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x2069, r == 0xfeff:
		return true
	}
	return false
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// escapeLen returns the length in bytes of the escape sequence s starts with
// (ESC, or a C1 introducer: CSI U+009B, DCS U+0090, SOS U+0098, OSC U+009D,
// PM U+009E, APC U+009F).
func escapeLen(s string) int {
	var kind byte // '[' for a CSI, ']' for a string (OSC, DCS…), 0 otherwise
	n := 1
	if s[0] == 0x1b {
		if len(s) < 2 {
			return 1
		}
		switch c := s[1]; c {
		case '[':
			kind, n = '[', 2
		case ']', 'P', 'X', '^', '_':
			kind, n = ']', 2
		default:
			// ESC, intermediate bytes (0x20 to 0x2F), one final byte
			// (0x30 to 0x7E).
			for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2f {
				n++
			}
			if n < len(s) && s[n] >= 0x30 && s[n] <= 0x7e {
				n++
			}
			return n
		}
	} else {
		r, size := utf8.DecodeRuneInString(s)
		n = size
		kind = ']'
		if r == 0x9b {
			kind = '['
		}
	}
	if kind == '[' {
		// Parameter bytes (0x30 to 0x3F), intermediate bytes (0x20 to
		// 0x2F), one final byte (0x40 to 0x7E).
		for n < len(s) && s[n] >= 0x30 && s[n] <= 0x3f {
			n++
		}
		for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2f {
			n++
		}
		if n < len(s) && s[n] >= 0x40 && s[n] <= 0x7e {
			n++
		}
		return n
	}
	// A control string runs to BEL, ESC \ or ST (U+009C), or to the end.
	for n < len(s) {
		switch {
		case s[n] == 0x07:
			return n + 1
		case s[n] == 0x1b && n+1 < len(s) && s[n+1] == '\\':
			return n + 2
		case strings.HasPrefix(s[n:], "\u009c"):
			return n + len("\u009c")
		}
		n++
	}
	return n
}

// markdownEscaper escapes, anywhere in a text, what Markdown (CommonMark
// and GitHub's GFM) reads as markup: emphasis, code, links and images
// (« [ » and « ] »: without them « ( » and « ! » are plain text), headings,
// tables, strikethrough, HTML (« < » and « > ») and entities (« & »).
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "#", `\#`, "|", `\|`, "~", `\~`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;",
)

// inertMarkdown returns s as inert Markdown text, to be written inside a
// line of a Markdown report, or at its start: [Inert], without leading or
// trailing spaces (four spaces start a code block, two at the end a line
// break), Markdown's special characters escaped, a block marker at its start
// escaped (« - », « + », « = », « 1. », « 1) » before a space), and a zero-width
// non-joiner put where a renderer would make a link of a bare address
// (« http:/‌/ », « /‌/ », « www‌. », « a‌@b », « exemple.‌fr »).
func inertMarkdown(s string) string {
	s = strings.Trim(Inert(s), " \t")
	s = markdownEscaper.Replace(s)
	s = unlink(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '-', '+', '=':
		return `\` + s
	}
	// An ordered list marker: digits, « . » or « ) », then a space or
	// nothing (« 9.2 Prévention » is not one).
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') &&
		(i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// unlink puts a zero-width non-joiner where a Markdown renderer that links
// bare addresses (GFM's autolink extension, markdown-it's linkify) would
// start or recognise one: between the slashes of « // » (http://, ftp://,
// //hôte), after « www », before « @ » (addresses, mailto:, xmpp:), and
// after a dot between a letter or digit and a letter (a domain name:
// exemple.fr).
func unlink(s string) string {
	if !strings.ContainsAny(s, "/.@") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	var prev rune
	for i, r := range s {
		switch {
		case r == '/' && strings.HasPrefix(s[i+1:], "/"):
			b.WriteString("/" + zwnj)
			prev = r
			continue
		case r == '@':
			b.WriteString(zwnj)
		case r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteString(zwnj + ".")
			prev = r
			continue
		case r == '.' && isWordRune(prev):
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if unicode.IsLetter(next) {
				b.WriteString("." + zwnj)
				prev = r
				continue
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// inertCopy returns a deep copy of v in which every string (field, element,
// map key or value) has gone through [Inert]: the JSON report is encoded
// from it, so that the Report itself is not changed.
func inertCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); !isInert(s) {
			c := reflect.New(v.Type()).Elem()
			c.SetString(Inert(s))
			return c
		}
		return v
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(inertCopy(v.Elem()))
		return c
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(inertCopy(v.Elem()))
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		for i := range v.NumField() {
			if c.Field(i).CanSet() {
				c.Field(i).Set(inertCopy(v.Field(i)))
			}
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(inertCopy(v.Index(i)))
		}
		return c
	case reflect.Array:
		c := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			c.Index(i).Set(inertCopy(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			c.SetMapIndex(inertCopy(it.Key()), inertCopy(it.Value()))
		}
		return c
	}
	return v
}

// inertReport returns a copy of r for the JSON report: see [inertCopy].
func inertReport(r *Report) *Report {
	c := inertCopy(reflect.ValueOf(r).Elem()).Interface().(Report)
	return &c
}

// InertMarkdown returns s as inert Markdown text, for a line of a Markdown
// document or a table cell, as the Markdown report writes every text it did
// not write itself: [Inert], Markdown's special characters escaped, a block
// marker at its start escaped, and bare addresses kept from becoming links.
func InertMarkdown(s string) string { return inertMarkdown(s) }
