// @ts-check
// Élément <clsm-autoevaluation> : le formulaire d'auto-évaluation à intégrer dans une page.
//
//   <script type="module" src="/clsm/clsm-element.js"></script>
//   <clsm-autoevaluation referentiel="occitanie" stockage="clsm-occitanie"></clsm-autoevaluation>
//
// Attributs :
//   referentiel      identifiant d'un référentiel intégré (national, idf, occitanie, hdf),
//                    imposé : sans lui ni referentiel-url, le formulaire applique celui de la
//                    région du département du dossier, et le dit ;
//   referentiel-url  adresse d'un référentiel JSON propre à l'ARS (l'emporte sur referentiel),
//                    imposé lui aussi ;
//   date             date d'évaluation imposée, AAAA-MM-JJ (par défaut : aujourd'hui) ;
//   stockage         clé de l'enregistrement automatique dans le navigateur : deux éléments
//                    d'une même page doivent avoir deux clés différentes ;
//   lang             seul le français est proposé ;
//   declaration-accessibilite, mentions-legales, donnees-personnelles
//                    adresses des pages de l'ARS, en lien au pied du formulaire (sans
//                    attribut, pas de lien : la page de l'ARS porte déjà les siens).
// Événements : « clsm-report » (detail : le rapport) à chaque nouveau résultat ;
//   « clsm-invalid » (detail : { code, message, problems }) quand les réponses sont à corriger
//   (une réponse invalide, ou un texte tapé qui n'est pas encore un nombre ou une date) : pas de
//   verdict, et report vaut null ;
//   « clsm-referential » (detail : { id, previous, message }) quand le formulaire passe au
//   référentiel de la région du dossier ;
//   « clsm-error » (detail : { code, message }, message en français) quand le formulaire ne
//   peut pas faire ce que la page demande : référentiel de l'ARS introuvable, trop gros (plus de
//   1 Mio), trop lent (plus de 30 secondes) ou invalide, attribut « date » qui n'est pas une date
//   (code invalid_date), clé de stockage déjà prise par un autre élément, réponses enregistrées illisibles, démarrage
//   impossible. Le message est aussi affiché dans l'élément.
// Méthodes : getDossier() (le dossier tel qu'il est exporté, avec sous « pending » le texte tapé
//   en attente), setDossier(dossier), reset(), print(), settled() (une promesse tenue quand le
//   résultat affiché est celui des réponses données) ; propriété report.
//
// Le vérificateur WebAssembly n'est chargé qu'une fois par page, quel que soit le nombre
// d'éléments, et tourne dans un travailleur (Web Worker) : la page reste utilisable. Si la page
// ne charge pas le DSFR, l'élément ajoute sa propre feuille de style, limitée au formulaire.
//
// Cycle de vie : retiré de la page, l'élément retire ses écouteurs de la fenêtre (navigation
// dans l'historique, ancre, impression) et les remet s'il y revient, avec les mêmes réponses.
// Le vérificateur reste, un par page : le suivant le retrouve démarré, sans nouveau
// téléchargement, et la page n'en a jamais plus d'un (le travailleur s'arrête avec elle). Les
// minuteries du formulaire (préparation de l'impression, comparaison, annonce) ne servent qu'une
// fois et ne touchent que les nœuds de l'élément : elles s'achèvent d'elles-mêmes.

import { errorMessage, loadInWorker } from "./clsm.js";
import { ClsmForm, frenchNumber, frenchReason, isDay } from "./form.js";

/** Le plus gros référentiel lu (octets), comme pour un dossier : clsm.MaxSize. */
const MAX_REFERENTIAL = 1 << 20;
/** Le temps laissé au serveur pour envoyer le référentiel de l'ARS, en millisecondes. */
const REFERENTIAL_TIMEOUT = 30_000;

/** Une erreur dont le message est déjà en français, à placer après « : ». */
function french(message) {
  return Object.assign(new Error(message), { french: true });
}

/**
 * Télécharge le référentiel de l'ARS, sans jamais lire plus que MAX_REFERENTIAL octets ni
 * attendre plus de REFERENTIAL_TIMEOUT : un fichier trop gros est refusé dès son en-tête
 * Content-Length, ou au premier octet de trop ; un serveur trop lent aussi. Le texte doit être
 * en UTF-8 (une marque d'ordre d'octets en tête est retirée).
 */
async function fetchReferential(url) {
  let response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(REFERENTIAL_TIMEOUT) });
  } catch (err) {
    throw slowOr(err);
  }
  if (!response.ok) throw french(`le serveur a répondu ${response.status}`);
  const declared = Number(response.headers.get("Content-Length"));
  if (declared > MAX_REFERENTIAL) {
    response.body?.cancel().catch(() => {});
    throw tooLarge(`fait ${frenchNumber(declared)}\u00a0octets`);
  }
  const chunks = [];
  let size = 0;
  try {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_REFERENTIAL) {
        reader.cancel().catch(() => {});
        throw tooLarge(`fait plus de ${frenchNumber(MAX_REFERENTIAL)}\u00a0octets`);
      }
      chunks.push(value);
    }
  } catch (err) {
    throw /** @type {any} */ (err)?.french ? err : slowOr(err);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw french("le fichier n'est pas en UTF-8 (enregistrez-le en UTF-8)");
  }
}

function tooLarge(size) {
  return french(`le fichier ${size}, plus que la taille maximale d'un référentiel (${frenchNumber(MAX_REFERENTIAL)}\u00a0octets)`);
}

function slowOr(err) {
  return err && err.name === "TimeoutError" ? french(`le serveur n'a pas envoyé le fichier en ${REFERENTIAL_TIMEOUT / 1000}\u00a0secondes`) : err;
}

const base = new URL(".", import.meta.url);
/** @type {Promise<any> | null} */
let data = null;
let counter = 0;

function staticData() {
  if (!data) {
    data = fetch(new URL("data.json", base))
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null);
  }
  return data;
}

function hostHasDSFR() {
  return [...document.styleSheets].some((s) => s.href && /dsfr/i.test(s.href)) ||
    !!document.querySelector('link[rel="stylesheet"][href*="dsfr" i]');
}

function ensureStyles() {
  if (hostHasDSFR() || document.querySelector("link[data-clsm-style]")) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("clsm-form.css", base).href;
  link.dataset.clsmStyle = "";
  document.head.append(link);
}

/** Affiche un message d'erreur en tête de l'élément et le dit à la page (« clsm-error »). */
function message(parent, text, code) {
  const p = document.createElement("p");
  p.className = "fr-alert fr-alert--error clsm-element-error";
  p.setAttribute("role", "alert");
  p.textContent = text;
  parent.prepend(p);
  parent.dispatchEvent(new CustomEvent("clsm-error", { detail: { code, message: text }, bubbles: true, composed: true }));
}

/** Ce que le formulaire utilise vraiment, dit en français : la copie enregistrée, ou un référentiel intégré. */
function inUse(form) {
  const used = form.referentialInUse();
  if (used.savedCopy) {
    return `Le formulaire utilise la copie de ce référentiel (« ${used.name} ») enregistrée dans ce navigateur lors d'une visite précédente ; elle n'est peut-être plus à jour.`;
  }
  return used.id === "national" ? "Le formulaire utilise le socle national à la place." : `Le formulaire utilise à la place le référentiel « ${used.name} ».`;
}

class ClsmAutoevaluation extends HTMLElement {
  constructor() {
    super();
    this.index = ++counter;
    this.form = null;
  }

  async connectedCallback() {
    if (this.started) {
      this.listen(true);
      return;
    }
    this.started = true;
    ensureStyles();
    this.textContent = "";
    const loading = document.createElement("p");
    loading.setAttribute("role", "status");
    loading.textContent = "Chargement du formulaire d'auto-évaluation…";
    this.append(loading);
    const checker = loadInWorker({ base: base.href });
    const url = this.getAttribute("referentiel-url");
    const date = this.getAttribute("date");
    const customText = url ? Promise.resolve().then(() => fetchReferential(new URL(url, document.baseURI))) : null;
    if (customText) customText.catch(() => {}); // handled below, once the form is built
    try {
      const d = await staticData();
      const options = {
        storageKey: this.getAttribute("stockage") || `clsm-autoevaluation-${this.id || this.index}`,
        referential: this.getAttribute("referentiel") || undefined,
        // A referential the page names is fixed: the dossier's region never changes it.
        referentialFixed: this.hasAttribute("referentiel") || !!url,
        date: isDay(date) ? date : undefined,
        data: d,
        links: {
          accessibility: this.getAttribute("declaration-accessibilite") || undefined,
          legal: this.getAttribute("mentions-legales") || undefined,
          privacy: this.getAttribute("donnees-personnelles") || undefined,
        },
      };
      this.textContent = "";
      const root = document.createElement("div");
      this.append(root);
      this.form = new ClsmForm(root, null, options);
      this.listening = true; // the form listens to the window from its start
      this.listen(this.isConnected);
      await this.form.attach(await checker);
      if (date !== null && !isDay(date)) {
        message(this, `L'attribut « date » de l'élément (« ${date.slice(0, 40)} ») n'est pas une date réelle écrite AAAA-MM-JJ\u00a0: le formulaire évalue les réponses à la date du jour. Signalez ce problème au gestionnaire du site.`, "invalid_date");
      }
      if (customText) {
        let text;
        try {
          text = await customText;
        } catch (err) {
          message(this, `Le référentiel de l'ARS (${url}) n'a pas pu être chargé : ${/** @type {any} */ (err)?.french ? /** @type {any} */ (err).message : frenchReason(err)}. ${inUse(this.form)} Signalez ce problème au gestionnaire du site.`, "referential_unavailable");
          return;
        }
        const error = await this.form.setCustomReferential(text);
        if (error) {
          const details = (error.problems || []).slice(0, 5).map((p) => `${p.path || ""} ${p.message}`.trim()).join(" ; ");
          message(this, `Le référentiel de l'ARS (${url}) contient des erreurs et n'est pas utilisé : ${error.message} ${details} ${inUse(this.form)} Signalez ce problème au gestionnaire du site.`.replace(/[ \t\n]+/g, " ").trim(), "referential_invalid");
        }
      }
    } catch (err) {
      this.textContent = "";
      message(this, `Le formulaire d'auto-évaluation n'a pas pu démarrer. ${errorMessage(err)} Rechargez la page ; vos réponses déjà enregistrées dans ce navigateur sont conservées.`, "start_failed");
    }
  }

  disconnectedCallback() {
    this.listen(false);
  }

  /**
   * Adds the form's listeners on the window (on) or removes them (off), once each.
   * @param {boolean} on
   */
  listen(on) {
    if (!this.form || this.listening === on) return;
    this.listening = on;
    /** @type {[string, EventListener][]} */
    const listeners = /** @type {any} */ (this.form).windowListeners || [];
    for (const [type, f] of listeners) {
      if (on) window.addEventListener(type, f);
      else window.removeEventListener(type, f);
    }
  }

  /** Le rapport courant, ou null. */
  get report() {
    return this.form ? this.form.report : null;
  }

  /** Le dossier courant (une copie). */
  getDossier() {
    return this.form ? this.form.getDossier() : null;
  }

  /** Remplace le dossier. */
  setDossier(dossier) {
    if (this.form) this.form.setDossier(JSON.parse(JSON.stringify(dossier)));
  }

  /** Efface les réponses (sans confirmation : à la page de la demander). */
  reset() {
    if (this.form) this.form.reset();
  }

  /** Imprime le rapport. */
  print() {
    if (this.form) this.form.print();
  }

  /** Une promesse tenue quand le résultat affiché est celui des réponses données. */
  settled() {
    return this.form ? this.form.settled() : Promise.resolve();
  }
}

if (!customElements.get("clsm-autoevaluation")) {
  customElements.define("clsm-autoevaluation", ClsmAutoevaluation);
}
