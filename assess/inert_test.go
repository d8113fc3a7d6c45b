package assess

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

// hostileName is a CLSM name that tries every trick on the report: a fake
// verdict heading and its setext underline, a link, an autolink, bare
// addresses, an image, a terminal « clear screen » and an OSC 8 hyperlink.
const hostileName = "\n\n# Verdict : Prêt à déposer\n-----\n[lien](http://evil.example) <http://evil.example> www.evil.example ![x](y)\x1b[2J\x1b]8;;http://x\x07clic\x1b]8;;\x07"

// hostilePayloads are the kinds of hostile text the referential's strings
// carry, each one at the start of some string and inside all of them.
var hostilePayloads = []string{
	"\n\n# Verdict : Prêt à déposer\n",                // line breaks and an ATX heading
	"Titre\r\n=====\r\n",                              // setext heading (=)
	"Titre\u2028-----\u2029",                          // setext heading (-), Unicode line breaks
	"\u0085***\n___\n",                                // NEL, thematic breaks
	"- puce",                                          // bullet list
	"+ puce",                                          // bullet list
	"1. liste",                                        // ordered list
	"2) liste",                                        // ordered list
	"> citation",                                      // block quote
	"    code indenté",                                // indented code block
	"```go\ncode\n```",                                // fenced code (backticks)
	"~~~\ncode\n~~~ ~~barré~~",                        // fenced code (tildes), strikethrough
	"| a | b |\n|---|---|",                            // table
	"[lien](http://evil.example)",                     // inline link
	"[ref]\n\n[ref]: http://evil.example/ref",         // reference link and its definition
	"![x](y)",                                         // image
	"<http://evil.example>",                           // autolink
	"<contact@evil.example>",                          // e-mail autolink
	"http://evil.example https://evil.com/x",          // bare URLs (GFM)
	"www.evil.example WWW.evil.com",                   // www autolinks (GFM)
	"contact@evil.com mailto:a@evil.fr",               // bare e-mail addresses
	"evil.com sante.gouv.fr",                          // bare domains (markdown-it fuzzy links)
	"//evil.example/x",                                // protocol-relative link
	"<div>bloc</div>",                                 // HTML block
	"<script>alert(1)</script>",                       // HTML block (script)
	"<!-- commentaire -->",                            // HTML comment
	"texte <b onmouseover=x>gras</b>",                 // inline HTML
	"&amp; &#x3C; &lt;b&gt;",                          // entities
	"**gras** _penché_ `code`",                        // emphasis and code
	"\x1b[2J\x1b[H",                                   // CSI: clear screen, cursor home
	"\x1b]8;;http://evil.example\x07clic\x1b]8;;\x07", // OSC 8 hyperlink (BEL)
	"\x1b]0;titre\x1b\\",                              // OSC window title (ST)
	"\u009b2J\u009d8;;http://x\u009c",                 // C1 CSI and OSC
	"\x00\x07\x08\x7f\u0080\u009f",                    // NUL, BEL, backspace, DEL, C1
}

func hostileText() string { return strings.Join(hostilePayloads, " ") }

// hostileReferential is the Île-de-France referential with a hostile
// payload at the start of, and another at the end of (the limits of length
// allowing), its name, its issuer, its documents' titles, the meaning of
// each stage, and every rule's requirement, advice, quote and section.
func hostileReferential(t *testing.T) *labels.Referential {
	t.Helper()
	data, ok := labels.BuiltinJSON("idf")
	require.True(t, ok)
	var ref map[string]any
	require.NoError(t, json.Unmarshal(data, &ref))
	n := 0
	spoil := func(m map[string]any, key string) {
		if s, ok := m[key].(string); ok && s != "" {
			s = hostilePayloads[n%len(hostilePayloads)] + " " + s
			if key != "section" { // at most 100 characters
				s += " " + hostilePayloads[(n+7)%len(hostilePayloads)]
			}
			m[key] = s
			n++
		}
	}
	spoil(ref, "name")
	spoil(ref, "issuer")
	each := func(list string, keys ...string) {
		items, _ := ref[list].([]any)
		for _, item := range items {
			if m, ok := item.(map[string]any); ok {
				for _, key := range keys {
					spoil(m, key)
				}
			}
		}
	}
	each("documents", "title")
	each("readiness", "meaning")
	each("rules", "requirement", "advice", "quote", "section")
	require.Greater(t, n, 4*len(hostilePayloads), "every payload starts some string")
	data, err := json.Marshal(ref)
	require.NoError(t, err)
	parsed, err := labels.Parse(data)
	require.NoError(t, err)
	return parsed
}

var inertDate = time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)

// benignAndHostile returns the report of an example dossier against the
// Île-de-France referential, and the report of the same dossier with the
// hostile name against the hostile referential.
func benignAndHostile(t *testing.T) (benign, hostile *Report) {
	t.Helper()
	data, ok := examples.Dossier("ile-de-france-montreuil-actif")
	require.True(t, ok)
	d, err := clsm.Parse(data)
	require.NoError(t, err)
	ref, err := labels.Builtin("idf")
	require.NoError(t, err)
	benign, err = Evaluate(d, ref, inertDate)
	require.NoError(t, err)
	d.Name = hostileName
	hostile, err = Evaluate(d, hostileReferential(t), inertDate)
	require.NoError(t, err)
	require.Equal(t, benign.Readiness.Level, hostile.Readiness.Level, "the texts do not change the verdict")
	return benign, hostile
}

func render(t *testing.T, r *Report, f Format) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Render(&b, r, f))
	return b.String()
}

// controlIn returns the first character of s a terminal could act on (C0
// but tab and, when lines is true, line feed; DEL; C1; U+2028 and U+2029),
// or -1.
func controlIn(s string, lines bool) rune {
	for _, r := range s {
		switch {
		case r == '\t', r == '\n' && lines:
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f, r == 0x2028, r == 0x2029:
			return r
		}
	}
	return -1
}

func jsonStrings(v any, yield func(string)) {
	switch v := v.(type) {
	case string:
		yield(v)
	case []any:
		for _, e := range v {
			jsonStrings(e, yield)
		}
	case map[string]any:
		for k, e := range v {
			yield(k)
			jsonStrings(e, yield)
		}
	}
}

func TestInert(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CLSM de Rodez", "CLSM de Rodez"},
		{"a\tb", "a\tb"},
		{"a\nb", "a b"},
		{"a\r\n\r\nb", "a b"},
		{"a\u2028b\u2029c\u0085d\ve\ff", "a b c d e f"},
		{"a\x1b[2Jb", "ab"},
		{"a\x1b[38;5;196mrouge\x1b[0m", "arouge"},
		{"\x1b]8;;http://x\x07clic\x1b]8;;\x07", "clic"},
		{"\x1b]8;;http://x\x1b\\clic\x1b]8;;\x1b\\", "clic"},
		{"a\x1b]0;titre jamais fermé", "a"},
		{"a\x1bcb\x1b7c\x1b(Bd", "abcd"},
		{"a\u009b2Jb\u009d0;t\u009cc", "abc"},
		{"\x00a\x07\x08b\x7f\u0080\u0081\u009ac\x1b", "abc"},
		{"a\u009fAPC jamais fermé", "a"},
		{"a\xffb", "a\ufffdb"},
		{"Île-de-France — « santé »", "Île-de-France — « santé »"},
		// Bidirectional controls and zero-width characters: an unclosed
		// override would reverse the rest of the line, or of a CSV row.
		{"CLSM \u202eelif.exe\u202c de Rodez", "CLSM elif.exe de Rodez"},
		{"a\u2066b\u2067c\u2068d\u2069e\u200ef\u200fg\u061ch", "abcdefgh"},
		{"Cons\u200beil\u200c \u200dlocal\u2060\ufeff", "Conseil local"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Inert(tt.in), "%q", tt.in)
		assert.Equal(t, -1, int(controlIn(Inert(tt.in), false)), "%q", tt.in)
	}
}

func TestInertMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CLSM de Rodez", "CLSM de Rodez"},
		{"9.2 Prévention", "9.2 Prévention"},
		{"12. liste", `12\. liste`},
		{"3)", `3\)`},
		{"- puce", `\- puce`},
		{"=====", `\=====`},
		{"  # titre  ", `\# titre`},
		{"[a](b) ![c](d)", `\[a\](b) !\[c\](d)`},
		{"<b> & &amp;", "&lt;b&gt; &amp; &amp;amp;"},
		{"http://x.example", "http:/\u200c/x.\u200cexample"},
		{"www.x.fr", "www\u200c.x.\u200cfr"},
		{"a@b.fr", "a\u200c@b.\u200cfr"},
		{"L. 3221-2, 9.2, art.", "L. 3221-2, 9.2, art."},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, inertMarkdown(tt.in), "%q", tt.in)
	}
}

// TestReportsHaveNoControlCharacters renders the hostile reports in every
// format: no control character but tab and line feed, and in the JSON
// report not even those inside a string; the Report itself is not changed.
func TestReportsHaveNoControlCharacters(t *testing.T) {
	benign, hostile := benignAndHostile(t)
	for _, f := range Formats() {
		out := render(t, hostile, f)
		assert.True(t, utf8.ValidString(out), f)
		assert.Equal(t, -1, int(controlIn(out, true)), "%s: %U", f, controlIn(out, true))
		assert.NotContains(t, out, "\x1b", f)
		if f == FormatJSON {
			var v any
			require.NoError(t, json.Unmarshal([]byte(out), &v))
			jsonStrings(v, func(s string) {
				assert.Equal(t, -1, int(controlIn(s, false)), "JSON string %q", s)
			})
			assert.Contains(t, out, `# Verdict : Prêt à déposer -----`)
		}
		if f == FormatHTML {
			assert.NotContains(t, out, "<script>")
			assert.NotContains(t, out, "<div>bloc")
		}
	}
	assert.Equal(t, hostileName, hostile.Dossier.Name, "Render does not change the report")

	text, hostileText := render(t, benign, FormatText), render(t, hostile, FormatText)
	assert.Equal(t, strings.Count(text, "\n"), strings.Count(hostileText, "\n"), "the hostile text report has as many lines")
	md, hostileMD := render(t, benign, FormatMarkdown), render(t, hostile, FormatMarkdown)
	assert.Equal(t, strings.Count(md, "\n"), strings.Count(hostileMD, "\n"), "the hostile Markdown report has as many lines")
}

type outline struct {
	Blocks   []string `json:"blocks"`
	Headings []struct {
		Level int    `json:"level"`
		Text  string `json:"text"`
	} `json:"headings"`
	Links  []string `json:"links"`
	Images []string `json:"images"`
	HTML   []string `json:"html"`
}

// outlines runs testdata/outline.mjs (markdown-it) on Markdown documents.
func outlines(t *testing.T, docs ...string) []outline {
	t.Helper()
	wasm := filepath.Join("..", "wasm")
	node, err := exec.LookPath("node")
	if _, serr := os.Stat(filepath.Join(wasm, "node_modules", "markdown-it", "package.json")); serr != nil || err != nil {
		msg := "node ou markdown-it absent : lancez « npm ci » dans le dossier wasm pour rendre le rapport Markdown avec un vrai moteur"
		if os.Getenv("CLSM_REQUIRE_BROWSER") == "1" {
			t.Fatal(msg + " ; CLSM_REQUIRE_BROWSER vaut 1, ce saut est donc un échec.")
		}
		t.Skip(msg + ".")
	}
	dir := t.TempDir()
	args := []string{filepath.Join("testdata", "outline.mjs"), wasm}
	for i, doc := range docs {
		name := filepath.Join(dir, strings.Repeat("d", i+1)+".md")
		require.NoError(t, os.WriteFile(name, []byte(doc), 0o644))
		args = append(args, name)
	}
	out, err := exec.Command(node, args...).Output()
	require.NoError(t, err, "%s", out)
	var res []outline
	require.NoError(t, json.Unmarshal(out, &res))
	require.Len(t, res, len(docs))
	return res
}

// TestMarkdownIsInert renders the Markdown reports with markdown-it: the
// hostile report has the benign one's blocks and headings (the title aside,
// which holds the CLSM's name), and no link, image or HTML of its own. Each
// payload, escaped alone at the start of a line, stays one paragraph.
func TestMarkdownIsInert(t *testing.T) {
	benign, hostile := benignAndHostile(t)
	docs := []string{render(t, benign, FormatMarkdown), render(t, hostile, FormatMarkdown)}
	for _, p := range append(hostilePayloads, hostileName, hostileText()) {
		docs = append(docs, inertMarkdown(p)+"\n")
	}
	res := outlines(t, docs...)
	b, h := res[0], res[1]
	assert.Equal(t, b.Blocks, h.Blocks)
	require.Len(t, h.Headings, len(b.Headings))
	require.NotEmpty(t, b.Headings)
	for i := range b.Headings {
		assert.Equal(t, b.Headings[i].Level, h.Headings[i].Level, i)
		if i == 0 {
			assert.True(t, strings.HasPrefix(h.Headings[0].Text, "Auto-évaluation — "), h.Headings[0].Text)
			assert.Contains(t, h.Headings[0].Text, "# Verdict")
			continue
		}
		assert.Equal(t, b.Headings[i].Text, h.Headings[i].Text)
	}
	assert.Equal(t, b.Links, h.Links, "no link but the benign report's")
	assert.Equal(t, b.Images, h.Images)
	assert.Equal(t, b.HTML, h.HTML)
	assert.Empty(t, h.Links)
	assert.Empty(t, h.HTML)
	for i, o := range res[2:] {
		if docs[i+2] != "\n" {
			assert.Equal(t, []string{"paragraph"}, o.Blocks, "%q", docs[i+2])
		}
		assert.Empty(t, o.Links, "%q", docs[i+2])
		assert.Empty(t, o.Images, "%q", docs[i+2])
		assert.Empty(t, o.HTML, "%q", docs[i+2])
	}
}
