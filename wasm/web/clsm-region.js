// @ts-check
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
// Les fichiers sont lus et évalués un à un (region-run.js), avec l'avancement (« 120 / 1 000 »)
// et un bouton pour annuler : la mémoire ne dépend pas du nombre de fichiers. Si le vérificateur
// s'arrête (mémoire épuisée, erreur interne), l'élément le dit tel quel. Le vérificateur complet
// tourne dans le travailleur checker-worker.js, le même que celui du formulaire ; il reste le
// temps de la page, même si l'élément est retiré puis remis. checker-worker.js, checker-core.js,
// wasm_exec.js et le vérificateur doivent être servis depuis le même dossier que ce module, sur
// la même origine que la page.

import { workerClient } from "./checker-client.js";
import { frenchNumber, today } from "./format.js";
import { fromDrop, fromInput, fromPage, keep } from "./region-files.js";
import { runRegion } from "./region-run.js";
import { RegionResults, count, fr, h } from "./region-view.js";

export { fr, levelLabel } from "./region-view.js";

const base = new URL(".", import.meta.url);
let counter = 0;

/** The referential option that lets the dossiers' region choose (the checker's « auto »). */
const AUTO = "auto";
/** The least time between two progress messages read out, in milliseconds. */
const SAY_EVERY = 1000;

class ClsmRegion extends HTMLElement {
  constructor() {
    super();
    this.index = ++counter;
    this.report = null;
    this.timings = null;
    this.entries = null; // the files of the last set, kept (not their texts) to recompute
    this.ignored = 0;
    this.run = 0;
    this.cancelRequested = false;
    this.started = false;
    this.readMillis = 0;
    this.html = "";
    this.csv = "";
    // Set by connectedCallback and build: the checker's client, the results' view, the parts.
    /** @type {any} */ this.client = null;
    /** @type {any} */ this.view = null;
    /** @type {any} */ this.root = null;
    /** @type {any} */ this.drop = null;
    /** @type {any} */ this.folderInput = null;
    /** @type {any} */ this.filesInput = null;
    /** @type {any} */ this.refSelect = null;
    /** @type {any} */ this.dateInput = null;
    /** @type {any} */ this.status = null;
    /** @type {any} */ this.progress = null;
    /** @type {any} */ this.cancelButton = null;
    /** @type {any} */ this.alert = null;
    /** @type {any} */ this.results = null;
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    ensureStyles();
    this.build();
    this.view = new RegionResults(this.results, (name) => this.idOf(name));
    this.client = workerClient(new URL("checker-worker.js", base), new URL("checker-full.wasm?v=dev", base).href);
    if (!this.client) {
      this.fail("worker", "Ce navigateur ne peut pas lancer le vérificateur en arrière-plan (Web Worker)\u00a0: la vue régionale n'y fonctionne pas.");
      return;
    }
    this.client.watch((state) => {
      if (state === "stopped" || state === "failed" || state === "unreachable") {
        this.running(false);
        this.say("");
        this.fail(state === "stopped" ? "stopped" : "start", this.client.reason);
      }
    });
    this.loadReferentials();
  }

  /** What the tests ask the worker: { op: "resources" }, the addresses it asked for. */
  async ask(message) {
    if (message.op !== "resources") return { error: { message: "Opération inconnue." } };
    return { value: await this.client.resources() };
  }

  /**
   * The element's own id for one of its parts.
   * @param {string} name
   */
  idOf(name) {
    return `clsm-region${this.index}-${name}`;
  }

  /** Builds the element's form: the files, the referential, the date, the status. */
  build() {
    this.textContent = "";
    const root = h("div", { class: "clsm-region" });
    this.root = root;
    root.append(
      h("p", { class: "clsm-region__privacy", text: "Les dossiers restent sur cet ordinateur\u00a0: ils sont lus et évalués dans ce navigateur, et rien n'est envoyé à un serveur." }),
    );

    const choose = h("fieldset", { class: "clsm-region__choose" }, h("legend", { text: "Dossiers à évaluer" }));
    this.drop = h("div", { class: "clsm-region__drop", id: this.idOf("drop") },
      h("p", { class: "clsm-region__drop-title", text: "Déposez ici un dossier ou des fichiers JSON de CLSM" }),
      h("p", { class: "clsm-region__hint", text: "ou choisissez-les avec l'un des deux boutons. D'un dossier, seuls les fichiers .json sont lus, sous-dossiers compris." }));
    this.folderInput = h("input", { type: "file", id: this.idOf("folder"), webkitdirectory: true, class: "clsm-region__file" });
    this.filesInput = h("input", { type: "file", id: this.idOf("files"), multiple: true, accept: ".json,application/json", class: "clsm-region__file" });
    this.drop.append(
      h("div", { class: "clsm-region__field" }, h("label", { for: this.idOf("folder"), text: "Choisir un dossier" }), this.folderInput),
      h("div", { class: "clsm-region__field" }, h("label", { for: this.idOf("files"), text: "Choisir des fichiers JSON" }), this.filesInput),
    );
    choose.append(this.drop);

    this.refSelect = h("select", { id: this.idOf("ref"), class: "clsm-region__select" }, h("option", { value: "", text: "Chargement des référentiels…" }));
    this.dateInput = h("input", { type: "date", id: this.idOf("date"), class: "clsm-region__input", value: this.getAttribute("date") || today(), required: true });
    const settings = h("div", { class: "clsm-region__settings" },
      h("div", { class: "clsm-region__field" }, h("label", { for: this.idOf("ref"), text: "Référentiel appliqué" }), this.refSelect),
      h("div", { class: "clsm-region__field" }, h("label", { for: this.idOf("date"), text: "Date d'évaluation" }), this.dateInput),
    );

    this.status = h("p", { class: "clsm-region__status", role: "status", "aria-live": "polite", id: this.idOf("status") });
    this.progress = h("progress", { class: "clsm-region__progress", id: this.idOf("progress"), "aria-labelledby": this.idOf("status"), hidden: true });
    this.cancelButton = h("button", { type: "button", class: "clsm-region__btn clsm-region__cancel", id: this.idOf("cancel"), hidden: true, text: "Annuler l'évaluation" });
    this.cancelButton.addEventListener("click", () => {
      this.cancelRequested = true;
    });
    this.alert = h("div", { class: "clsm-region__alert-zone", role: "alert" });
    this.results = h("div", { class: "clsm-region__results", hidden: true });
    root.append(settings, choose, this.status, h("div", { class: "clsm-region__running" }, this.progress, this.cancelButton), this.alert, this.results);
    this.append(root);

    this.folderInput.addEventListener("change", () => this.given(fromInput(this.folderInput, true), this.folderInput));
    this.filesInput.addEventListener("change", () => this.given(fromInput(this.filesInput, false), this.filesInput));
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
      const t0 = performance.now();
      if (e.dataTransfer) fromDrop(e.dataTransfer).then((list) => this.evaluateEntries(list, t0));
    });
  }


  async loadReferentials() {
    let res;
    try {
      res = JSON.parse(await this.client.call("referentials", []));
    } catch (err) {
      return; // said by the client's state, above
    }
    this.refSelect.textContent = "";
    if (res.error) {
      this.fail("referentials", res.error.message);
      return;
    }
    const wanted = this.getAttribute("referentiel");
    const list = res.value;
    // Without a referential fixed by the page, the dossiers' region chooses it.
    const chosen = list.find((r) => r.id === wanted);
    this.refSelect.append(h("option", { value: AUTO, text: "Celui de la région des dossiers (sinon le socle national)", selected: !chosen }));
    for (const r of list) {
      this.refSelect.append(h("option", { value: r.id, text: r.name, selected: r === chosen }));
    }
    this.refSelect.value = chosen ? chosen.id : AUTO;
    this.dataset.ready = "true";
    this.dispatchEvent(new CustomEvent("clsm-region-ready", { bubbles: true }));
    if (this.entries) this.recompute();
  }

  fail(code, message) {
    this.alert.textContent = "";
    this.alert.append(h("p", { class: "clsm-region__alert", text: message }));
    this.dispatchEvent(new CustomEvent("clsm-error", { detail: { code, message: fr(message) }, bubbles: true, composed: true }));
  }

  /** Files chosen with an input, which is then emptied (choosing the same files again works). */
  given(list, input) {
    const t0 = performance.now();
    input.value = "";
    this.evaluateEntries(list, t0);
  }

  /** Public: evaluates files given by the page, File objects or { name, text }. */
  evaluate(files) {
    return this.evaluateEntries(fromPage(files), performance.now());
  }

  async evaluateEntries(list, t0) {
    this.alert.textContent = "";
    const { kept, ignored } = keep(list);
    this.ignored = ignored;
    if (kept.length === 0) {
      ++this.run; // a run under way is replaced by nothing
      this.say(ignored ? `Aucun fichier .json dans ce dossier (${count(ignored, "fichier ignoré", "fichiers ignorés")}).` : "Aucun fichier choisi.");
      return;
    }
    this.entries = kept;
    this.readMillis = performance.now() - t0;
    await this.recompute(t0);
  }

  /** Shows or hides the progress bar and the cancel button of a run. */
  running(on, total = 0) {
    this.progress.hidden = !on;
    this.cancelButton.hidden = !on;
    if (on) {
      this.progress.max = total;
      this.progress.value = 0;
      this.setAttribute("aria-busy", "true");
    } else {
      this.removeAttribute("aria-busy");
    }
  }

  /** Evaluates the files of the last set again, with the referential and date chosen. */
  async recompute(t0 = performance.now()) {
    if (!this.entries || this.dataset.ready !== "true") return;
    const run = ++this.run;
    const date = this.dateInput.value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      this.fail("date", "La date d'évaluation est à compléter (jour, mois et année).");
      return;
    }
    const entries = this.entries;
    const total = entries.length;
    this.cancelRequested = false;
    this.running(true, total);
    let said = 0;
    const progress = (done, all, phase) => {
      this.progress.value = phase === "note" ? 0 : done;
      const now = performance.now();
      if (now - said < SAY_EVERY && done < all) return;
      said = now;
      this.say(phase === "note"
        ? `Recherche de la région des dossiers\u00a0: ${frenchNumber(done)} / ${frenchNumber(all)}…`
        : `Évaluation\u00a0: ${frenchNumber(done)} / ${frenchNumber(all)} ${all < 2 ? "dossier" : "dossiers"}…`);
    };
    this.say(`Évaluation\u00a0: 0 / ${frenchNumber(total)} ${total < 2 ? "dossier" : "dossiers"}…`);
    const tw = performance.now();
    const out = await runRegion((name, args) => this.client.call(name, args), entries, {
      referential: this.refSelect.value,
      date,
      onProgress: progress,
      cancelled: () => run !== this.run || this.cancelRequested,
    });
    if (run !== this.run) return; // a newer set or choice replaced this run
    this.running(false);
    if (out.cancelled) {
      this.say(`Évaluation annulée après ${frenchNumber(this.progress.value)} sur ${frenchNumber(total)} ${total < 2 ? "dossier" : "dossiers"}\u00a0: aucune synthèse.`);
      return;
    }
    if (out.error) {
      this.say("");
      this.fail(this.client.state === "stopped" ? "stopped" : "aggregate", out.error.message);
      return;
    }
    this.done(out, t0, tw);
  }

  /** Shows a finished run's summary and says it. */
  done(out, t0, tw) {
    const report = out.report;
    this.report = report;
    this.html = out.html;
    this.csv = out.csv;
    this.view.draw(report, out.html, out.csv, this.ignored);
    const end = performance.now();
    this.timings = { read: this.readMillis || 0, worker: end - tw, evaluation: out.millis, total: end - t0, wasmMemory: this.client.memory };
    this.readMillis = 0;
    const invalid = report.invalid.length;
    this.say(`Synthèse prête\u00a0: ${count(report.files, "fichier lu", "fichiers lus")}, ${count(report.assessed, "dossier évalué", "dossiers évalués")}` +
      (invalid ? `, ${count(invalid, "fichier à corriger ou illisible", "fichiers à corriger ou illisibles")}.` : "."));
    this.dataset.state = "done";
    this.dispatchEvent(new CustomEvent("clsm-region-report", { detail: report, bubbles: true }));
  }

  say(text) {
    this.status.textContent = fr(text);
  }
}

function ensureStyles() {
  if (document.querySelector("link[data-clsm-region-style]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("region.css", base).href;
  link.dataset.clsmRegionStyle = "";
  document.head.append(link);
}

if (!customElements.get("clsm-region")) customElements.define("clsm-region", ClsmRegion);
