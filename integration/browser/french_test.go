//go:build !(js && wasm)

package browser_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// frenchFaultsJS reads every text a person sees in the page (line by line,
// a block to a line, every <details> opened first) as
// a careful civil servant writes, with the rules of the Go reports' test
// (assess/french_test.go): no-break spaces where French typography wants
// them, none missing and none ordinary (before « : », « ; », « ? », « ! »,
// « % », « » », after « « »); no two label colons in one clause, quotations
// and asides left out; no « (s) » outside a source's own words; no rule
// identifier. It resolves to the distinct faults, each with its text.
const frenchFaultsJS = `(async () => {
	// Open every <details>, and wait for its toggle event (the form writes
	// the rules of a group when it is opened).
	const closed = [...document.querySelectorAll("details")].filter((d) => !d.open);
	const toggled = closed.map((d) => new Promise((r) => d.addEventListener("toggle", r, { once: true })));
	for (const d of closed) d.open = true;
	await Promise.all(toggled);
	if (globalThis.clsmForm && clsmForm.settled) await clsmForm.settled();
	// JavaScript's \s holds the no-break spaces: an ordinary space is written out.
	const ordinary = /[^\u00a0\u202f« \t\n][ \t\n][:;%?!»]|«[ \t\n]|\d%/;
	const missing = /[\p{L})»][;!»]|[\p{L}\d)»]\?|[\p{L})»]:([^\/\d]|$)|«[\p{L}\d]/u;
	const agreement = /\((s|e|es)\)/;
	const ruleId = /(^|[^\w\/.-])(idf|occ|hdf|nat)-[a-z0-9]+(-[a-z0-9]+)*($|[^\w.-])/;
	const quotation = /«\u00a0[^«»]{40,}\u00a0»/g;
	const inner = /«[^«»]*»|\([^()]*\)/g;
	const clauseEnd = /[.!?][\u00a0\u202f ]*\s+|[\u00a0\u202f ]*[;·,—][\u00a0\u202f ]*/;
	const labelColon = /[\s\u00a0\u202f]:/g;
	const faults = new Set();
	// The page's text as a person reads it: a block (a paragraph, an item, a
	// label, a cell) on a line of its own, inline elements within the line.
	const skip = "script, style, textarea, template, noscript, select, option";
	const lines = [""];
	const walk = (node) => {
		for (const c of node.childNodes) {
			if (c.nodeType === Node.TEXT_NODE) {
				lines[lines.length - 1] += c.data.replace(/[ \t\n]+/g, " ");
				continue;
			}
			if (c.nodeType !== Node.ELEMENT_NODE || c.matches(skip)) continue;
			const style = getComputedStyle(c);
			if (style.display === "none") continue;
			const block = !style.display.startsWith("inline");
			if (block) lines.push("");
			walk(c);
			if (block) lines.push("");
		}
	};
	walk(document.body);
	for (const line of new Set(lines.map((l) => l.trim()).filter(Boolean))) {
		const text = line.replace(/https?:\/\/[^\s«»<>"]+/g, "…");
		const say = (why, m) => faults.add(why + " « " + m + " » in: " + text.slice(0, 300));
		let m;
		if ((m = text.match(ordinary))) say("ordinary space", m[0]);
		if ((m = text.match(missing))) say("no space", m[0]);
		if ((m = text.replace(quotation, "«\u00a0…\u00a0»").match(agreement))) say("« (s) »", m[0]);
		if ((m = text.match(ruleId))) say("rule id", m[0]);
		let bare = text;
		for (let next = bare.replace(inner, "…"); next !== bare; next = bare.replace(inner, "…")) bare = next;
		for (const clause of bare.split(clauseEnd)) {
			if ((clause.match(labelColon) || []).length > 1) say("colons chained", clause);
		}
	}
	return { faults: [...faults], lines: lines.filter((l) => l.trim()).length };
})()`

// frenchFaults returns what frenchFaultsJS finds in the page, sorted, and
// how many lines it read.
func (p *page) frenchFaults() ([]string, int) {
	p.t.Helper()
	r := eval[struct {
		Faults []string
		Lines  int
	}](p, frenchFaultsJS)
	sort.Strings(r.Faults)
	return r.Faults, r.Lines
}

// assertFrenchPage reports every fault frenchFaultsJS finds in the page,
// which must have read the page (a walk that reads nothing finds nothing).
func (p *page) assertFrenchPage(state string, minLines int) {
	p.t.Helper()
	faults, lines := p.frenchFaults()
	assert.GreaterOrEqual(p.t, lines, minLines, "%s: lines read", state)
	for _, f := range faults {
		p.t.Errorf("%s: %s", state, f)
	}
}

// TestFormReadsAsFrench walks the form's texts as a person sees them — the
// fresh form, the Montreuil example under Île-de-France with every group,
// step list and rule list open, and a dossier with answers to correct — and
// reads them as a careful civil servant writes (see frenchFaultsJS): the
// form shows texts of its own, of the checker's messages and of the reports
// and referentials, and each must keep French typography.
func TestFormReadsAsFrench(t *testing.T) {
	p := openForm(t)
	// The reader finds what it is meant to find: a paragraph with ordinary
	// spaces, two chained labels, « (s) » and a rule id.
	eval[bool](p, `(() => { const e = document.createElement("p"); e.id = "faulty"; e.textContent = "Constat : comité de pilotage : 3 réunion(s), idf-copil-reunions"; document.body.append(e); return true; })()`)
	faults, _ := p.frenchFaults()
	assert.Len(t, faults, 4, "%q", faults)
	eval[bool](p, `(() => { document.getElementById("faulty").remove(); return true; })()`)

	p.assertFrenchPage("fresh form", 300)

	p.choose("#clsm1-ref", "idf")
	p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
	p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
	require.Contains(t, eval[string](p, `clsmForm.getDossier().name`), "Montreuil")
	p.assertFrenchPage("Montreuil × Île-de-France", 500)

	p.choose("#clsm1-ref", "national")
	p.assertFrenchPage("Montreuil × socle national", 300)

	// Answers to correct, on a fresh form (an import over answers asks
	// first).
	p = openForm(t)
	data, err := os.ReadFile(filepath.Join("testdata", "hostile", "import-invalid-stage.json"))
	require.NoError(t, err)
	p.importFile("lodeve.json", data)
	p.assertFrenchPage("a dossier to correct", 200)
	assert.Contains(t, p.text(".clsm-badge"), "Dossier à corriger")
}

// TestRegionalPageReadsAsFrench: the regional page, with its summary, table
// and files to correct, read as the form is (see frenchFaultsJS).
func TestRegionalPageReadsAsFrench(t *testing.T) {
	p := openRegion(t)
	p.choose("#clsm-region1-ref", "idf")
	p.choose("#clsm-region1-date", "2026-11-22")
	p.giveFiles(regionFiles(t, 18, true))
	p.assertFrenchPage("regional page, Île-de-France", 100)
}
