// @ts-check
// L'affichage d'une synthèse régionale dans l'élément <clsm-region> : les chiffres, le tableau
// des CLSM (tri et filtres), les graphiques du rendu Go, les fichiers à corriger, les doublons
// et les téléchargements. Les stades et leur ordre viennent de la synthèse (donc du Go), jamais
// d'une liste écrite ici.

import { el } from "./dom.js";
import { frenchNumber } from "./format.js";

/** The value of the filters' first option, which keeps every CLSM: a sentinel of the page, not a value of the model. */
const ALL = "*";
const levels = [
  { value: "ready", label: "Prêt à déposer" },
  { value: "almost_ready", label: "Presque prêt" },
  { value: "in_progress", label: "En construction" },
  { value: "incomplete", label: "À compléter" },
];
const levelRank = { ready: 0, almost_ready: 1, in_progress: 2, incomplete: 3 };

const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });

/**
 * Le nom d'un niveau dans la synthèse r : celui de ses lignes, « Prêt au regard des règles
 * connues » pour le meilleur quand le référentiel est partiel.
 * @param {any} r
 * @param {string} value
 */
export function levelLabel(r, value) {
  if (value === "ready" && r && r.partial) return "Prêt au regard des règles connues";
  return (levels.find((l) => l.value === value) || { label: value }).label;
}

/**
 * French typography: a no-break space before « : ; ? ! » » and after « « ».
 * @param {unknown} s
 */
export function fr(s) {
  return String(s).replace(/ ([:;?!»])/g, "\u00a0$1").replace(/« /g, "«\u00a0");
}

/**
 * « 1 dossier », « 2 dossiers » (0 and 1 take the singular), numbers written the French way.
 * @param {number} n
 * @param {string} one
 * @param {string} many
 */
export function count(n, one, many) {
  return `${frenchNumber(n)}\u00a0${n < 2 ? one : many}`;
}

/**
 * el, with French typography in the text.
 * @param {string} tag
 * @param {Record<string, any>} [attrs]
 * @param {...any} children
 */
export function h(tag, attrs = {}, ...children) {
  return el(tag, attrs.text === undefined ? attrs : { ...attrs, text: fr(attrs.text) }, ...children);
}

/** The results of one regional summary, drawn into a container of the element. */
export class RegionResults {
  /**
   * @param {HTMLElement} out where the results go
   * @param {(name: string) => string} id the element's own ids
   */
  constructor(out, id) {
    this.results = out;
    this.id = id;
    this.ignored = 0;
    this.html = "";
    this.csv = "";
    this.sort = { key: "name", dir: "ascending" };
    /** @type {Map<string, number>} */
    this.stageRank = new Map();
    /** @type {any[]} */
    this.rows = [];
    /** @type {Map<string, string>} */
    this.requirements = new Map();
    // Set by clsmSection, once a summary is drawn.
    /** @type {any} */
    this.deptSelect = null;
    /** @type {any} */
    this.levelSelect = null;
    /** @type {any} */
    this.tbody = null;
    /** @type {any} */
    this.shown = null;
    /** @type {HTMLElement[]} */
    this.headers = [];
  }

  /**
   * Draws the summary r, with its printable HTML and its CSV.
   * @param {any} r
   * @param {string} html
   * @param {string} csv
   * @param {number} ignored files of a folder left out for not being .json
   */
  draw(r, html, csv, ignored) {
    this.html = html;
    this.csv = csv;
    this.ignored = ignored;
    this.show(r);
  }

  /** @param {any} r */
  show(r) {
    const out = this.results;
    out.textContent = "";
    out.hidden = false;
    const h2 = (name, text) => h("h2", { id: this.id(name), class: "clsm-region__h2", tabindex: "-1", text });

    // Summary.
    const summary = h("section", { "aria-labelledby": this.id("summary") }, h2("summary", "Synthèse"));
    summary.append(h("p", { class: "clsm-region__meta", text: `Référentiel\u00a0: ${r.referential.name} (${r.referential.issuer}, version ${r.referential.version}). Évaluation au ${frenchDate(r.evaluatedOn)}.` }));
    if (r.referentialChoice) summary.append(h("p", { class: "clsm-region__meta clsm-region__choice", text: r.referentialChoice }));
    const invalid = r.invalid.length;
    let line = `${count(r.files, "fichier lu", "fichiers lus")}\u00a0: ${count(r.assessed, "dossier évalué", "dossiers évalués")}, ${count(invalid, "fichier à corriger ou illisible", "fichiers à corriger ou illisibles")}.`;
    if (this.ignored) line += ` ${count(this.ignored, "fichier du dossier a été ignoré", "fichiers du dossier ont été ignorés")}\u00a0: ${this.ignored < 2 ? "son nom ne se termine" : "leur nom ne se termine"} pas par .json.`;
    summary.append(h("p", { class: "clsm-region__counts", text: line }));
    const table = h("table", { class: "clsm-region__table clsm-region__levels" },
      h("caption", { text: "CLSM évalués par niveau de préparation" }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: "Niveau" }), h("th", { scope: "col", text: "CLSM" }), h("th", { scope: "col", text: "Part" }))));
    const tbody = h("tbody");
    const levelKey = { ready: "ready", almost_ready: "almostReady", in_progress: "inProgress", incomplete: "incomplete" };
    for (const l of levels) {
      const n = r.levels[levelKey[l.value]];
      // A share of nothing is no figure: « sans objet », never 0 %.
      const pct = r.assessed ? `${Math.round((100 * n) / r.assessed)}\u00a0%` : "sans objet";
      tbody.append(h("tr", {}, h("th", { scope: "row" }, h("span", { class: `clsm-region__badge clsm-region__badge--${l.value}`, text: levelLabel(r, l.value) })),
        h("td", { class: "clsm-region__n", text: frenchNumber(n) }), h("td", { class: "clsm-region__n", text: pct })));
    }
    table.append(tbody);
    summary.append(table);
    for (const w of r.warnings) summary.append(h("p", { class: "clsm-region__warning", text: `Avertissement\u00a0: ${w}` }));
    out.append(summary);

    // The table of CLSM.
    out.append(this.clsmSection(r));

    // The charts, as the Go renderer draws them, with their tables.
    out.append(...this.charts());

    // Files set aside.
    const bad = h("section", { "aria-labelledby": this.id("invalid") }, h2("invalid", "Fichiers à corriger ou illisibles"));
    if (invalid === 0) {
      bad.append(h("p", { text: "Aucun\u00a0: tous les fichiers ont été évalués." }));
    } else {
      bad.append(h("p", { text: `${count(invalid, "fichier n'a pas pu être évalué", "fichiers n'ont pas pu être évalués")}. Chacun garde sa place dans le tableau téléchargeable, avec ses problèmes.` }));
      const list = h("ul", { class: "clsm-region__invalid" });
      for (const f of r.invalid) {
        const problems = h("ul");
        for (const p of f.problems) problems.append(h("li", { text: p.path ? `${p.message} (${p.path})` : p.message }));
        list.append(h("li", {}, h("strong", { class: "clsm-region__file-name", text: f.name ? `${f.file} (${f.name})` : f.file }), problems));
      }
      bad.append(list);
    }
    out.append(bad);
    if (r.duplicates && r.duplicates.length) out.append(this.duplicatesSection());

    // Downloads.
    const dl = h("section", { "aria-labelledby": this.id("downloads") }, h2("downloads", "Télécharger"));
    dl.append(h("p", { text: "Les fichiers sont produits dans ce navigateur, sans passer par un serveur." }));
    const stem = `synthese-regionale-${r.referential.id}-${r.evaluatedOn}`;
    const csvBtn = h("button", { type: "button", class: "clsm-region__btn", id: this.id("csv"), text: "Télécharger le tableau (CSV, pour un tableur)" });
    const htmlBtn = h("button", { type: "button", class: "clsm-region__btn", id: this.id("html"), text: "Télécharger la synthèse imprimable (HTML)" });
    csvBtn.addEventListener("click", () => download(`${stem}.csv`, this.csv, "text/csv;charset=utf-8"));
    htmlBtn.addEventListener("click", () => download(`${stem}.html`, this.html, "text/html;charset=utf-8"));
    dl.append(h("div", { class: "clsm-region__buttons" }, csvBtn, htmlBtn));
    out.append(dl);
  }

  clsmSection(r) {
    const section = h("section", { "aria-labelledby": this.id("list") },
      h("h2", { id: this.id("list"), class: "clsm-region__h2", text: "Les CLSM" }));
    const depts = new Map(r.departments.map((d) => [d.code, d.label]));
    const stages = new Map(r.stages.map((s) => [s.stage || "", s.label]));
    // Stages rank in the checker's order, that of the report's stages (« non renseigné » last).
    this.stageRank = new Map(r.stages.map((s, i) => [s.stage || "", i]));
    this.requirements = new Map((r.rules || []).map((x) => [x.ruleId, `«\u00a0${String(x.requirement).replace(/[.\s]+$/, "")}\u00a0»`]));
    this.rows = r.clsm.map((c) => ({
      ...c,
      displayName: c.name && c.name.trim() ? c.name : `CLSM sans nom (${c.file})`,
      deptLabel: depts.get(c.department || "") || "Département non renseigné",
      stageLabel: stages.get(c.stage || "") || "non renseigné",
    }));

    const deptSelect = h("select", { id: this.id("filter-dept"), class: "clsm-region__select" }, h("option", { value: ALL, text: "Tous les départements" }));
    for (const d of r.departments) deptSelect.append(h("option", { value: d.code, text: d.label }));
    const levelSelect = h("select", { id: this.id("filter-level"), class: "clsm-region__select" }, h("option", { value: ALL, text: "Tous les niveaux" }));
    for (const l of levels) levelSelect.append(h("option", { value: l.value, text: levelLabel(r, l.value) }));
    this.deptSelect = deptSelect;
    this.levelSelect = levelSelect;
    section.append(h("div", { class: "clsm-region__filters" },
      h("div", { class: "clsm-region__field" }, h("label", { for: this.id("filter-dept"), text: "Filtrer par département" }), deptSelect),
      h("div", { class: "clsm-region__field" }, h("label", { for: this.id("filter-level"), text: "Filtrer par niveau de préparation" }), levelSelect)));
    this.shown = h("p", { class: "clsm-region__shown", role: "status", id: this.id("shown") });
    section.append(this.shown);

    const columns = [
      { key: "name", label: "CLSM" },
      { key: "level", label: "Verdict" },
      { key: "stage", label: "Stade" },
      { key: "department", label: "Département" },
      { key: "gaps", label: "Lacunes bloquantes" },
      { key: "file", label: "Fichier" },
    ];
    const headRow = h("tr");
    this.headers = [];
    for (const c of columns) {
      const btn = h("button", { type: "button", class: "clsm-region__sort", "data-key": c.key }, document.createTextNode(c.label), h("span", { class: "clsm-region__arrow", "aria-hidden": "true" }));
      const th = h("th", { scope: "col", "data-key": c.key }, btn);
      btn.addEventListener("click", () => {
        this.sort = { key: c.key, dir: this.sort.key === c.key && this.sort.dir === "ascending" ? "descending" : "ascending" };
        this.renderRows();
      });
      this.headers.push(th);
      headRow.append(th);
    }
    this.tbody = h("tbody");
    const table = h("table", { class: "clsm-region__table clsm-region__clsm", id: this.id("clsm-table") },
      h("caption", { text: "CLSM évalués\u00a0; les boutons d'en-tête trient le tableau" }), h("thead", {}, headRow), this.tbody);
    section.append(h("div", { class: "clsm-region__scroll" }, table));
    deptSelect.addEventListener("change", () => this.renderRows());
    levelSelect.addEventListener("change", () => this.renderRows());
    this.renderRows();
    return section;
  }

  renderRows() {
    const { key, dir } = this.sort;
    const dept = this.deptSelect.value;
    const level = this.levelSelect.value;
    const value = {
      name: (a, b) => collator.compare(a.displayName, b.displayName),
      level: (a, b) => levelRank[a.level] - levelRank[b.level],
      stage: (a, b) => (this.stageRank.get(a.stage || "") ?? 99) - (this.stageRank.get(b.stage || "") ?? 99),
      department: (a, b) => collator.compare(a.department || "~", b.department || "~"),
      gaps: (a, b) => a.requiredUnmet - b.requiredUnmet,
      file: (a, b) => collator.compare(a.file, b.file),
    }[key];
    const sign = dir === "ascending" ? 1 : -1;
    const rows = this.rows
      .filter((r) => (dept === ALL || (r.department || "") === dept) && (level === ALL || r.level === level))
      .sort((a, b) => sign * value(a, b) || collator.compare(a.file, b.file));
    for (const th of this.headers) {
      const sorted = th.dataset.key === key;
      if (sorted) th.setAttribute("aria-sort", dir);
      else th.removeAttribute("aria-sort");
      const arrow = th.querySelector(".clsm-region__arrow");
      if (arrow) arrow.textContent = sorted ? (dir === "ascending" ? " ▲" : " ▼") : "";
    }
    const frag = document.createDocumentFragment();
    for (const r of rows) {
      // A gap is named by its requirement's words, as a town reads it; the rule's id stays in the data.
      const gaps = r.mainGaps.length ? `${frenchNumber(r.requiredUnmet)}\u00a0: ${r.mainGaps.map((id) => this.requirements.get(id) || id).join(", ")}${r.requiredUnmet > r.mainGaps.length ? "…" : ""}` : "aucune";
      frag.append(h("tr", {},
        h("th", { scope: "row", text: r.displayName }),
        h("td", {}, h("span", { class: `clsm-region__badge clsm-region__badge--${r.level}`, text: r.label })),
        h("td", { text: r.stageLabel }),
        h("td", { text: r.deptLabel }),
        h("td", { text: gaps }),
        h("td", { class: "clsm-region__file-name", text: r.file })));
    }
    this.tbody.textContent = "";
    this.tbody.append(frag);
    this.shown.textContent = fr(`${count(rows.length, "CLSM affiché", "CLSM affichés")} sur ${frenchNumber(this.rows.length)}.`);
  }

  /** The two charts of the Go renderer, with their tables, taken from the printable HTML. */
  charts() {
    const doc = new DOMParser().parseFromString(this.html, "text/html");
    const out = [];
    const parts = [
      { id: "departments", title: "Niveau de préparation par département" },
      { id: "gaps", title: "Exigences requises le plus souvent non respectées" },
    ];
    for (const part of parts) {
      const src = doc.querySelector(`section[aria-labelledby="${part.id}"]`);
      const section = h("section", { "aria-labelledby": this.id(`chart-${part.id}`), class: "clsm-region__chart" },
        h("h2", { id: this.id(`chart-${part.id}`), class: "clsm-region__h2", text: part.title }));
      if (src) {
        src.querySelector("h2")?.remove();
        for (const node of src.querySelectorAll("[id]")) node.id = this.id(node.id);
        for (const node of src.querySelectorAll("[aria-labelledby]")) {
          node.setAttribute("aria-labelledby", String(node.getAttribute("aria-labelledby")).split(/\s+/).map((i) => this.id(i)).join(" "));
        }
        for (const t of src.querySelectorAll("table")) t.classList.add("clsm-region__table");
        section.append(...[...src.childNodes].map((n) => document.importNode(n, true)));
      }
      out.push(section);
    }
    return out;
  }

  /**
   * The files that repeat another (a copy counted once, a CLSM of the same name and communes
   * counted and pointed out), in the words of the Go renderer's printable HTML.
   */
  duplicatesSection() {
    const section = h("section", { "aria-labelledby": this.id("duplicates") },
      h("h2", { id: this.id("duplicates"), class: "clsm-region__h2", tabindex: "-1", text: "Doublons" }));
    const doc = new DOMParser().parseFromString(this.html, "text/html");
    const list = doc.querySelector('section[aria-labelledby="duplicates"] ul');
    if (list) {
      list.classList.add("clsm-region__duplicates");
      section.append(document.importNode(list, true));
    }
    return section;
  }
}

/** @param {string} iso */
function frenchDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  return `${d === 1 ? "1er" : d}\u00a0${months[m - 1]} ${y}`;
}

/**
 * @param {string} name
 * @param {string} text
 * @param {string} type
 */
function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

