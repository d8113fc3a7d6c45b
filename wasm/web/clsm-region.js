// Élément <clsm-region> : la vue régionale, pour une agence régionale de santé (ARS). L'ARS
// dépose un dossier ou des fichiers JSON de CLSM ; le vérificateur WebAssembly les évalue dans
// ce navigateur, dans un travailleur (Web Worker) pour que la page reste utilisable, et
// l'élément montre la synthèse, le tableau des CLSM (tri et filtres), les graphiques, les
// fichiers à corriger, et propose le tableau (CSV) et la synthèse imprimable (HTML) à
// télécharger. Aucun dossier ne quitte l'ordinateur.
//
//   <script type="module" src="/clsm/clsm-region.js"></script>
//   <clsm-region referentiel="occitanie"></clsm-region>
//
// Attributs : referentiel (identifiant d'un référentiel intégré imposé ; sans lui, celui de la
//   région des dossiers quand ils relèvent tous de la même, sinon le socle national, et la
//   synthèse dit lequel et pourquoi) ; date (AAAA-MM-JJ ; par défaut aujourd'hui).
// Événements : « clsm-region-report » (detail : la synthèse régionale) à chaque synthèse ;
//   « clsm-error » (detail : { code, message }, message en français).
// Propriétés : report (la dernière synthèse, ou null) ; timings (durées de la dernière synthèse,
//   en millisecondes : read, worker, total). Méthode : evaluate(files) avec des File ou des
//   { name, text }.
//
// Le travailleur region-worker.js, wasm_exec.js et le vérificateur doivent être servis depuis le
// même dossier que ce module, sur la même origine que la page.

import { makeAPI } from "./checker-api.js";
import { workerClient } from "./checker-client.js";

const base = new URL(".", import.meta.url);
let counter = 0;

/** Maximum size of a dossier the checker reads; larger files are cut, and it says so. */
const maxSize = 1 << 20;
/** Files read between two progress messages. */
const readChunk = 20;

const levels = [
  { value: "ready", label: "Prêt à déposer" },
  { value: "almost_ready", label: "Presque prêt" },
  { value: "in_progress", label: "En construction" },
  { value: "incomplete", label: "À compléter" },
];
const levelRank = { ready: 0, almost_ready: 1, in_progress: 2, incomplete: 3 };

/** The referential option that lets the dossiers' region choose (the checker's « auto »). */
const AUTO = "auto";

/**
 * Le nom d'un niveau dans la synthèse r : celui de ses lignes, « Prêt au regard des règles
 * connues » pour le meilleur quand le référentiel est partiel.
 */
export function levelLabel(r, value) {
  if (value === "ready" && r && r.partial) return "Prêt au regard des règles connues";
  return (levels.find((l) => l.value === value) || { label: value }).label;
}
const stageRank = { project: 0, constitution: 1, active: 2, renewal: 3 };

const nf = new Intl.NumberFormat("fr-FR");
const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });

/** French typography: a no-break space before « : ; ? ! » » and after « « ». */
export function fr(s) {
  return String(s).replace(/ ([:;?!»])/g, "\u00a0$1").replace(/« /g, "«\u00a0");
}

/** « 1 dossier », « 2 dossiers » (0 and 1 take the singular), numbers written the French way. */
function count(n, one, many) {
  return `${nf.format(n)}\u00a0${n < 2 ? one : many}`;
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = fr(v);
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

function ensureStyles() {
  if (document.querySelector("link[data-clsm-region-style]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("region.css", base).href;
  link.dataset.clsmRegionStyle = "";
  document.head.append(link);
}

/** Reads the entries of a dropped folder, recursively, as [{file, path}]. */
async function readEntry(entry, out) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    out.push({ file, path: entry.fullPath.replace(/^\//, ""), fromFolder: true });
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const e of batch) await readEntry(e, out);
    }
  }
}

class ClsmRegion extends HTMLElement {
  constructor() {
    super();
    this.index = ++counter;
    this.report = null;
    this.timings = null;
    this.files = null; // [{name, text}] of the last set, kept to recompute on a new referential or date
    this.ignored = 0;
    this.sort = { key: "name", dir: "ascending" };
    this.run = 0;
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    ensureStyles();
    this.build();
    this.client = workerClient(new URL("checker-worker.js", base), new URL("checker-full.wasm?v=dev", base).href);
    if (!this.client) {
      this.fail("worker", "Ce navigateur ne peut pas lancer le vérificateur en arrière-plan (Web Worker)\u00a0: la vue régionale n'y fonctionne pas.");
      return;
    }
    const client = this.client;
    this.api = makeAPI((name, strings) => client.call(name, strings), true, true);
    this.loadReferentials();
  }

  disconnectedCallback() {
    // The element may be moved in the page: the worker stays until the page goes.
  }

  /** What the tests ask the worker: { op: "resources" }, the addresses it asked for. */
  async ask(message) {
    if (message.op !== "resources") return { error: { message: "Opération inconnue." } };
    return { value: await this.client.resources() };
  }

  id(name) {
    return `clsm-region${this.index}-${name}`;
  }

  build() {
    this.textContent = "";
    const root = el("div", { class: "clsm-region" });
    this.root = root;
    root.append(
      el("p", { class: "clsm-region__privacy", text: "Les dossiers restent sur cet ordinateur\u00a0: ils sont lus et évalués dans ce navigateur, et rien n'est envoyé à un serveur." }),
    );

    const choose = el("fieldset", { class: "clsm-region__choose" }, el("legend", { text: "Dossiers à évaluer" }));
    this.drop = el("div", { class: "clsm-region__drop", id: this.id("drop") },
      el("p", { class: "clsm-region__drop-title", text: "Déposez ici un dossier ou des fichiers JSON de CLSM" }),
      el("p", { class: "clsm-region__hint", text: "ou choisissez-les avec l'un des deux boutons. D'un dossier, seuls les fichiers .json sont lus, sous-dossiers compris." }));
    this.folderInput = el("input", { type: "file", id: this.id("folder"), webkitdirectory: true, class: "clsm-region__file" });
    this.filesInput = el("input", { type: "file", id: this.id("files"), multiple: true, accept: ".json,application/json", class: "clsm-region__file" });
    this.drop.append(
      el("div", { class: "clsm-region__field" }, el("label", { for: this.id("folder"), text: "Choisir un dossier" }), this.folderInput),
      el("div", { class: "clsm-region__field" }, el("label", { for: this.id("files"), text: "Choisir des fichiers JSON" }), this.filesInput),
    );
    choose.append(this.drop);

    this.refSelect = el("select", { id: this.id("ref"), class: "clsm-region__select" }, el("option", { value: "", text: "Chargement des référentiels…" }));
    this.dateInput = el("input", { type: "date", id: this.id("date"), class: "clsm-region__input", value: this.getAttribute("date") || today(), required: true });
    const settings = el("div", { class: "clsm-region__settings" },
      el("div", { class: "clsm-region__field" }, el("label", { for: this.id("ref"), text: "Référentiel appliqué" }), this.refSelect),
      el("div", { class: "clsm-region__field" }, el("label", { for: this.id("date"), text: "Date d'évaluation" }), this.dateInput),
    );

    this.status = el("p", { class: "clsm-region__status", role: "status", "aria-live": "polite", id: this.id("status") });
    this.alert = el("div", { class: "clsm-region__alert-zone", role: "alert" });
    this.results = el("div", { class: "clsm-region__results", hidden: true });
    root.append(settings, choose, this.status, this.alert, this.results);
    this.append(root);

    this.folderInput.addEventListener("change", () => this.fromInput(this.folderInput, true));
    this.filesInput.addEventListener("change", () => this.fromInput(this.filesInput, false));
    this.refSelect.addEventListener("change", () => this.recompute());
    this.dateInput.addEventListener("change", () => this.recompute());
    this.drop.addEventListener("dragover", (e) => {
      e.preventDefault();
      this.drop.classList.add("clsm-region__drop--over");
    });
    this.drop.addEventListener("dragleave", () => this.drop.classList.remove("clsm-region__drop--over"));
    this.drop.addEventListener("drop", (e) => {
      e.preventDefault();
      this.drop.classList.remove("clsm-region__drop--over");
      this.fromDrop(e.dataTransfer);
    });
  }

  async loadReferentials() {
    const res = await this.api.referentials();
    this.refSelect.textContent = "";
    if (res.error) {
      this.fail("referentials", res.error.message);
      return;
    }
    const wanted = this.getAttribute("referentiel");
    const list = res.value;
    // Without a referential fixed by the page, the dossiers' region chooses it.
    const chosen = list.find((r) => r.id === wanted);
    this.refSelect.append(el("option", { value: AUTO, text: "Celui de la région des dossiers (sinon le socle national)", selected: !chosen }));
    for (const r of list) {
      this.refSelect.append(el("option", { value: r.id, text: r.name, selected: r === chosen }));
    }
    this.refSelect.value = chosen ? chosen.id : AUTO;
    this.dataset.ready = "true";
    this.dispatchEvent(new CustomEvent("clsm-region-ready", { bubbles: true }));
    if (this.files) this.recompute();
  }

  fail(code, message) {
    this.alert.textContent = "";
    this.alert.append(el("p", { class: "clsm-region__alert", text: message }));
    this.dispatchEvent(new CustomEvent("clsm-error", { detail: { code, message: fr(message) }, bubbles: true, composed: true }));
  }

  fromInput(input, fromFolder) {
    const t0 = performance.now();
    const list = [...input.files].map((file) => ({ file, path: file.webkitRelativePath || file.name, fromFolder }));
    input.value = "";
    this.evaluateEntries(list, t0);
  }

  async fromDrop(dt) {
    const t0 = performance.now();
    const out = [];
    const items = [...(dt.items || [])];
    const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
    if (entries.length && entries.every((e) => e)) {
      for (const e of entries) await readEntry(e, out);
      // A file dropped by itself is taken as chosen, whatever its name.
      for (let i = 0; i < out.length; i++) if (!out[i].path.includes("/")) out[i].fromFolder = false;
    } else {
      for (const file of dt.files || []) out.push({ file, path: file.name, fromFolder: false });
    }
    this.evaluateEntries(out, t0);
  }

  /** Public: evaluates files given by the page, File objects or { name, text }. */
  evaluate(files) {
    const t0 = performance.now();
    return this.evaluateEntries([...files].map((f) => (f instanceof Blob ? { file: f, path: f.name, fromFolder: false } : { text: String(f.text), path: String(f.name), fromFolder: false })), t0);
  }

  async evaluateEntries(list, t0) {
    const run = ++this.run;
    this.alert.textContent = "";
    const kept = list.filter((e) => !e.fromFolder || /\.json$/i.test(e.path));
    this.ignored = list.length - kept.length;
    if (kept.length === 0) {
      this.say(this.ignored ? `Aucun fichier .json dans ce dossier (${count(this.ignored, "fichier ignoré", "fichiers ignorés")}).` : "Aucun fichier choisi.");
      return;
    }
    const total = kept.length;
    const files = [];
    this.say(`${count(0, "dossier lu", "dossiers lus")} sur ${nf.format(total)}…`);
    for (let i = 0; i < total; i += readChunk) {
      const chunk = kept.slice(i, i + readChunk);
      const texts = await Promise.all(chunk.map((e) => this.readText(e)));
      if (run !== this.run) return; // a newer set replaced this one
      chunk.forEach((e, j) => files.push({ name: e.path, text: texts[j] }));
      this.say(`${count(files.length, "dossier lu", "dossiers lus")} sur ${nf.format(total)}…`);
    }
    this.files = files;
    this.readMillis = performance.now() - t0;
    await this.recompute(t0);
  }

  async readText(e) {
    if (e.text !== undefined) return e.text;
    try {
      // A file larger than a dossier can be is cut: the checker says it is too large.
      return await (e.file.size > maxSize ? e.file.slice(0, maxSize + 1) : e.file).text();
    } catch (err) {
      return "\u0000 illisible"; // not JSON: listed with the checker's problem
    }
  }

  async recompute(t0 = performance.now()) {
    if (!this.files || this.dataset.ready !== "true") return;
    const run = ++this.run;
    const date = this.dateInput.value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      this.fail("date", "La date d'évaluation est à compléter (jour, mois et année).");
      return;
    }
    const referential = this.refSelect.value;
    const n = this.files.length;
    this.say(`${count(n, "dossier lu", "dossiers lus")} sur ${nf.format(n)}\u00a0: évaluation en cours…`);
    this.setAttribute("aria-busy", "true");
    const tw = performance.now();
    const res = await this.regional(this.files, referential, date);
    if (run !== this.run) return;
    this.removeAttribute("aria-busy");
    if (res.error) {
      this.say("");
      this.fail("aggregate", res.error.message);
      return;
    }
    const report = JSON.parse(res.value.report);
    this.report = report;
    this.html = res.value.html;
    this.csv = res.value.csv;
    this.show(report);
    const done = performance.now();
    this.timings = { read: this.readMillis || 0, worker: done - tw, evaluation: res.value.millis, total: done - t0, wasmMemory: res.value.memory };
    this.readMillis = 0;
    const invalid = report.invalid.length;
    this.say(`Synthèse prête\u00a0: ${count(report.files, "fichier lu", "fichiers lus")}, ${count(report.assessed, "dossier évalué", "dossiers évalués")}` +
      (invalid ? `, ${count(invalid, "fichier à corriger ou illisible", "fichiers à corriger ou illisibles")}.` : "."));
    this.dataset.state = "done";
    this.dispatchEvent(new CustomEvent("clsm-region-report", { detail: report, bubbles: true }));
  }

  /** The regional report of files, with its printable HTML and its CSV. */
  async regional(files, referential, date) {
    const t0 = performance.now();
    const env = await this.api.aggregate(files, referential, date);
    if (env.error) return env;
    const report = JSON.stringify(env.value);
    const html = await this.api.renderRegional(report, "html");
    if (html.error) return html;
    const csv = await this.api.renderRegional(report, "csv");
    if (csv.error) return csv;
    return { value: { report, html: html.value, csv: csv.value, millis: performance.now() - t0, memory: this.client.memory } };
  }

  say(text) {
    this.status.textContent = fr(text);
  }

  show(r) {
    const out = this.results;
    out.textContent = "";
    out.hidden = false;
    const h2 = (name, text) => el("h2", { id: this.id(name), class: "clsm-region__h2", tabindex: "-1", text });

    // Summary.
    const summary = el("section", { "aria-labelledby": this.id("summary") }, h2("summary", "Synthèse"));
    summary.append(el("p", { class: "clsm-region__meta", text: `Référentiel\u00a0: ${r.referential.name} (${r.referential.issuer}, version ${r.referential.version}). Évaluation au ${frenchDate(r.evaluatedOn)}.` }));
    if (r.referentialChoice) summary.append(el("p", { class: "clsm-region__meta clsm-region__choice", text: r.referentialChoice }));
    const invalid = r.invalid.length;
    let line = `${count(r.files, "fichier lu", "fichiers lus")}\u00a0: ${count(r.assessed, "dossier évalué", "dossiers évalués")}, ${count(invalid, "fichier à corriger ou illisible", "fichiers à corriger ou illisibles")}.`;
    if (this.ignored) line += ` ${count(this.ignored, "fichier du dossier a été ignoré", "fichiers du dossier ont été ignorés")}\u00a0: ${this.ignored < 2 ? "son nom ne se termine" : "leur nom ne se termine"} pas par .json.`;
    summary.append(el("p", { class: "clsm-region__counts", text: line }));
    const table = el("table", { class: "clsm-region__table clsm-region__levels" },
      el("caption", { text: "CLSM évalués par niveau de préparation" }),
      el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Niveau" }), el("th", { scope: "col", text: "CLSM" }), el("th", { scope: "col", text: "Part" }))));
    const tbody = el("tbody");
    const levelKey = { ready: "ready", almost_ready: "almostReady", in_progress: "inProgress", incomplete: "incomplete" };
    for (const l of levels) {
      const n = r.levels[levelKey[l.value]];
      // A share of nothing is no figure: « sans objet », never 0 %.
      const pct = r.assessed ? `${Math.round((100 * n) / r.assessed)}\u00a0%` : "sans objet";
      tbody.append(el("tr", {}, el("th", { scope: "row" }, el("span", { class: `clsm-region__badge clsm-region__badge--${l.value}`, text: levelLabel(r, l.value) })),
        el("td", { class: "clsm-region__n", text: nf.format(n) }), el("td", { class: "clsm-region__n", text: pct })));
    }
    table.append(tbody);
    summary.append(table);
    for (const w of r.warnings) summary.append(el("p", { class: "clsm-region__warning", text: `Avertissement\u00a0: ${w}` }));
    out.append(summary);

    // The table of CLSM.
    out.append(this.clsmSection(r));

    // The charts, as the Go renderer draws them, with their tables.
    out.append(...this.charts());

    // Files set aside.
    const bad = el("section", { "aria-labelledby": this.id("invalid") }, h2("invalid", "Fichiers à corriger ou illisibles"));
    if (invalid === 0) {
      bad.append(el("p", { text: "Aucun\u00a0: tous les fichiers ont été évalués." }));
    } else {
      bad.append(el("p", { text: `${count(invalid, "fichier n'a pas pu être évalué", "fichiers n'ont pas pu être évalués")}. Chacun garde sa place dans le tableau téléchargeable, avec ses problèmes.` }));
      const list = el("ul", { class: "clsm-region__invalid" });
      for (const f of r.invalid) {
        const problems = el("ul");
        for (const p of f.problems) problems.append(el("li", { text: p.path ? `${p.message} (${p.path})` : p.message }));
        list.append(el("li", {}, el("strong", { class: "clsm-region__file-name", text: f.name ? `${f.file} (${f.name})` : f.file }), problems));
      }
      bad.append(list);
    }
    out.append(bad);

    // Downloads.
    const dl = el("section", { "aria-labelledby": this.id("downloads") }, h2("downloads", "Télécharger"));
    dl.append(el("p", { text: "Les fichiers sont produits dans ce navigateur, sans passer par un serveur." }));
    const stem = `synthese-regionale-${r.referential.id}-${r.evaluatedOn}`;
    const csvBtn = el("button", { type: "button", class: "clsm-region__btn", id: this.id("csv"), text: "Télécharger le tableau (CSV, pour un tableur)" });
    const htmlBtn = el("button", { type: "button", class: "clsm-region__btn", id: this.id("html"), text: "Télécharger la synthèse imprimable (HTML)" });
    csvBtn.addEventListener("click", () => download(`${stem}.csv`, this.csv, "text/csv;charset=utf-8"));
    htmlBtn.addEventListener("click", () => download(`${stem}.html`, this.html, "text/html;charset=utf-8"));
    dl.append(el("div", { class: "clsm-region__buttons" }, csvBtn, htmlBtn));
    out.append(dl);
  }

  clsmSection(r) {
    const section = el("section", { "aria-labelledby": this.id("list") },
      el("h2", { id: this.id("list"), class: "clsm-region__h2", text: "Les CLSM" }));
    const depts = new Map(r.departments.map((d) => [d.code, d.label]));
    const stages = new Map(r.stages.map((s) => [s.stage || "", s.label]));
    this.requirements = new Map((r.rules || []).map((x) => [x.ruleId, `«\u00a0${String(x.requirement).replace(/[.\s]+$/, "")}\u00a0»`]));
    this.rows = r.clsm.map((c) => ({
      ...c,
      displayName: c.name && c.name.trim() ? c.name : `CLSM sans nom (${c.file})`,
      deptLabel: depts.get(c.department || "") || "Département non renseigné",
      stageLabel: stages.get(c.stage || "") || "non renseigné",
    }));

    const deptSelect = el("select", { id: this.id("filter-dept"), class: "clsm-region__select" }, el("option", { value: "*", text: "Tous les départements" }));
    for (const d of r.departments) deptSelect.append(el("option", { value: d.code, text: d.label }));
    const levelSelect = el("select", { id: this.id("filter-level"), class: "clsm-region__select" }, el("option", { value: "*", text: "Tous les niveaux" }));
    for (const l of levels) levelSelect.append(el("option", { value: l.value, text: levelLabel(r, l.value) }));
    this.deptSelect = deptSelect;
    this.levelSelect = levelSelect;
    section.append(el("div", { class: "clsm-region__filters" },
      el("div", { class: "clsm-region__field" }, el("label", { for: this.id("filter-dept"), text: "Filtrer par département" }), deptSelect),
      el("div", { class: "clsm-region__field" }, el("label", { for: this.id("filter-level"), text: "Filtrer par niveau de préparation" }), levelSelect)));
    this.shown = el("p", { class: "clsm-region__shown", role: "status", id: this.id("shown") });
    section.append(this.shown);

    const columns = [
      { key: "name", label: "CLSM" },
      { key: "level", label: "Verdict" },
      { key: "stage", label: "Stade" },
      { key: "department", label: "Département" },
      { key: "gaps", label: "Lacunes bloquantes" },
      { key: "file", label: "Fichier" },
    ];
    const headRow = el("tr");
    this.headers = [];
    for (const c of columns) {
      const btn = el("button", { type: "button", class: "clsm-region__sort", "data-key": c.key }, document.createTextNode(c.label), el("span", { class: "clsm-region__arrow", "aria-hidden": "true" }));
      const th = el("th", { scope: "col", "data-key": c.key }, btn);
      btn.addEventListener("click", () => {
        this.sort = { key: c.key, dir: this.sort.key === c.key && this.sort.dir === "ascending" ? "descending" : "ascending" };
        this.renderRows();
      });
      this.headers.push(th);
      headRow.append(th);
    }
    this.tbody = el("tbody");
    const table = el("table", { class: "clsm-region__table clsm-region__clsm", id: this.id("clsm-table") },
      el("caption", { text: "CLSM évalués\u00a0; les boutons d'en-tête trient le tableau" }), el("thead", {}, headRow), this.tbody);
    section.append(el("div", { class: "clsm-region__scroll" }, table));
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
      stage: (a, b) => (stageRank[a.stage] ?? 9) - (stageRank[b.stage] ?? 9),
      department: (a, b) => collator.compare(a.department || "~", b.department || "~"),
      gaps: (a, b) => a.requiredUnmet - b.requiredUnmet,
      file: (a, b) => collator.compare(a.file, b.file),
    }[key];
    const sign = dir === "ascending" ? 1 : -1;
    const rows = this.rows
      .filter((r) => (dept === "*" || (r.department || "") === dept) && (level === "*" || r.level === level))
      .sort((a, b) => sign * value(a, b) || collator.compare(a.file, b.file));
    for (const th of this.headers) {
      const sorted = th.dataset.key === key;
      if (sorted) th.setAttribute("aria-sort", dir);
      else th.removeAttribute("aria-sort");
      th.querySelector(".clsm-region__arrow").textContent = sorted ? (dir === "ascending" ? " ▲" : " ▼") : "";
    }
    const frag = document.createDocumentFragment();
    for (const r of rows) {
      // A gap is named by its requirement's words, as a town reads it; the rule's id stays in the data.
      const gaps = r.mainGaps.length ? `${nf.format(r.requiredUnmet)}\u00a0: ${r.mainGaps.map((id) => this.requirements.get(id) || id).join(", ")}${r.requiredUnmet > r.mainGaps.length ? "…" : ""}` : "aucune";
      frag.append(el("tr", {},
        el("th", { scope: "row", text: r.displayName }),
        el("td", {}, el("span", { class: `clsm-region__badge clsm-region__badge--${r.level}`, text: r.label })),
        el("td", { text: r.stageLabel }),
        el("td", { text: r.deptLabel }),
        el("td", { text: gaps }),
        el("td", { class: "clsm-region__file-name", text: r.file })));
    }
    this.tbody.textContent = "";
    this.tbody.append(frag);
    const text = `${count(rows.length, "CLSM affiché", "CLSM affichés")} sur ${nf.format(this.rows.length)}.`;
    this.shown.textContent = fr(text);
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
      const section = el("section", { "aria-labelledby": this.id(`chart-${part.id}`), class: "clsm-region__chart" },
        el("h2", { id: this.id(`chart-${part.id}`), class: "clsm-region__h2", text: part.title }));
      if (src) {
        src.querySelector("h2")?.remove();
        for (const node of src.querySelectorAll("[id]")) node.id = this.id(node.id);
        for (const node of src.querySelectorAll("[aria-labelledby]")) {
          node.setAttribute("aria-labelledby", node.getAttribute("aria-labelledby").split(/\s+/).map((i) => this.id(i)).join(" "));
        }
        for (const t of src.querySelectorAll("table")) t.classList.add("clsm-region__table");
        section.append(...[...src.childNodes].map((n) => document.importNode(n, true)));
      }
      out.push(section);
    }
    return out;
  }
}

function frenchDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  return `${d === 1 ? "1er" : d}\u00a0${months[m - 1]} ${y}`;
}

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

if (!customElements.get("clsm-region")) customElements.define("clsm-region", ClsmRegion);
