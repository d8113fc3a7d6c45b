// Formulaire d'auto-évaluation d'un CLSM, construit à partir du questionnaire que renvoie le
// vérificateur. Tout reste dans le navigateur : les réponses sont enregistrées dans le
// stockage local et ne sont jamais envoyées.

import { errorMessage } from "./clsm.js";

const OUTCOMES = [
  ["unmet", "Non respecté"],
  ["unknown", "Non renseigné"],
  ["not_due", "Pas encore dû"],
  ["met", "Respecté"],
  ["not_applicable", "Sans objet"],
];
// The dossier format the form writes is the checker's (clsm.SchemaVersion),
// read from data.json or from the checker itself (readLists); older
// dossiers are lifted by the checker's upgrade method, answers kept.
let DOSSIER_VERSION = 2; // until data.json or the checker says

/** Le format de dossier du vérificateur, d'après data.json ou le vérificateur lui-même. */
function dossierVersion(data) {
  const fromData = data && data.version && data.version.dossierVersion;
  if (fromData) DOSSIER_VERSION = fromData;
  return DOSSIER_VERSION;
}

// How long answers must stay unchanged before the form has the checker write
// the printable report (Ctrl+P cannot wait for it).
const PRINT_QUIET_MS = 250;

// The largest file the form reads (clsm.MaxSize): a dossier is never bigger.
const MAX_FILE = 1 << 20;

// How many next steps the summary shows before the collapsed list.
const STEPS_SHOWN = 5;

/** Un nombre et son nom accordé : « 0 règle », « 1 règle », « 3 règles ». */
function count(n, singular, plural) {
  return `${n}\u00a0${Math.abs(n) < 2 ? singular : plural}`;
}

/**
 * La région (code INSEE, nom) d'un département, d'après data.json (la table des départements
 * que le Go en écrit, celle de clsm), ou null.
 */
export function regionOf(department, data) {
  if (typeof department !== "string" || !data || !data.departments) return null;
  return data.departments[department] || null;
}

/**
 * Lit une date tapée à la française, JJ/MM/AAAA (ou déjà au format du dossier, AAAA-MM-JJ) :
 * { value: "AAAA-MM-JJ" } ou { error } en français. Ne dépend pas de la langue du navigateur.
 */
export function parseFrenchDate(text) {
  const t = String(text).trim();
  let m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(t);
  let iso = "";
  if (m) iso = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(t)) iso = t;
  if (!iso) return { error: "Date non reconnue\u00a0: écrivez-la sous la forme JJ/MM/AAAA, par exemple 30/06/2025." };
  if (!isDay(iso)) return { error: "Ce jour n'existe pas\u00a0: vérifiez le jour et le mois (JJ/MM/AAAA)." };
  return { value: iso };
}

/** AAAA-MM-JJ → JJ/MM/AAAA ; tout autre texte est rendu tel quel. */
export function frenchDateText(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ""));
  return m ? `${m[3]}/${m[2]}/${m[1]}` : String(iso || "");
}

const DATE_HINT = "Format JJ/MM/AAAA, par exemple 30/06/2025.";

function lowerFirst(s) {
  return s ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function upperFirst(s) {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/**
 * Un référentiel de la liste nommé dans une phrase : « le référentiel Île-de-France », « le socle
 * national » (la partie de son nom avant « — »).
 */
export function referentialPhrase(r) {
  if (!r) return "le référentiel précédent";
  const short = String(r.name || r.id).split(" — ")[0];
  return r.default ? `le ${lowerFirst(short)}` : `le référentiel ${short}`;
}

/** « le … » devenu « au … » : « Revenir au socle national ». */
function toThe(phrase) {
  return phrase.replace(/^le /, "au ");
}

/**
 * Les réponses en attente (texte tapé qui n'est pas encore un nombre ou une date) lues d'un
 * fichier, sous la clé « pending » : { chemin: texte }, ce qui n'en est pas étant laissé de côté.
 */
function pendingOf(value) {
  const out = {};
  if (!isPlainObject(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === "string" && k.startsWith("/")) out[k] = v;
  return out;
}
let instances = 0;
// The form whose report is in the print area (one at a time on a page).
let printing = null;

// The storage keys of the forms alive on this page: two forms writing under
// one key would erase each other's answers.
const liveKeys = new Map();

/** Un nombre en français, chiffres groupés : « 15 000 000 », « 0,5 ». */
export function frenchNumber(n) {
  if (typeof n !== "number" || !Number.isFinite(n)) return "?";
  try {
    return n.toLocaleString("fr-FR", { maximumFractionDigits: 6 });
  } catch (e) {
    return String(n).replace(".", ",");
  }
}

/**
 * Un nombre écrit sans exposant, en chiffres, virgule décimale : 1.1e+29 →
 * « 110000000000000000000000000000 », 1e-7 → « 0,0000001 » (les chiffres de l'écriture la plus
 * courte du nombre, jamais ceux de son arrondi binaire).
 */
function plainNumber(n) {
  if (!Number.isFinite(n)) return "";
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s.replace(".", ",");
  const digits = m[2] + (m[3] || "");
  const point = m[2].length + Number(m[4]);
  let out;
  if (point <= 0) out = `0,${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = `${digits.slice(0, point)},${digits.slice(point)}`;
  return m[1] + out;
}

/**
 * Lit un nombre tapé dans le formulaire pour une question (item.widget « integer » ou
 * « number », bornes item.min et item.max). Renvoie { value } pour un nombre que le dossier
 * peut garder et que le vérificateur relira, ou { error } : un message en français.
 */
export function parseNumber(item, text) {
  const kept = "Ce que vous avez tapé est conservé, mais n'est pas pris en compte.";
  const normal = String(text).trim().replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  const integer = item.widget === "integer";
  if (integer ? !/^[-+]?\d+$/.test(normal) : !/^[-+]?\d+(\.\d+)?$/.test(normal)) {
    return { error: integer ? `Ce n'est pas un nombre entier : écrivez par exemple 12 ou 21 800. ${kept}` : `Ce n'est pas un nombre : écrivez par exemple 0,5 ou 12. ${kept}` };
  }
  const n = Number(normal);
  const limit = item.max !== undefined && item.max !== null ? ` (au plus ${frenchNumber(item.max)})` : "";
  if (integer && !Number.isSafeInteger(n)) return { error: `Nombre bien trop grand${limit}. ${kept}` };
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) return { error: `Nombre bien trop grand${limit}. ${kept}` };
  if (/e/i.test(String(n))) return { error: `Trop de chiffres après la virgule : six au plus. ${kept}` };
  if (item.min !== undefined && item.min !== null && (n < item.min || (item.minExclusive && n === item.min))) {
    return { error: `Ce nombre doit valoir ${item.minExclusive ? "plus de" : "au moins"} ${frenchNumber(item.min)}. ${kept}` };
  }
  if (item.max !== undefined && item.max !== null && (n > item.max || (item.maxExclusive && n === item.max))) {
    return { error: `Ce nombre doit valoir ${item.maxExclusive ? "moins de" : "au plus"} ${frenchNumber(item.max)}. ${kept}` };
  }
  return { value: n === 0 ? 0 : n };
}

function isPlainObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * Ce qui ne va pas dans un enregistrement relu du stockage local, en français, ou "" s'il
 * est utilisable.
 */
function savedStateProblem(saved) {
  if (!isPlainObject(saved)) return "l'enregistrement n'est pas un objet JSON";
  if (!isPlainObject(saved.dossier)) return "le dossier enregistré n'est pas un objet JSON";
  if (saved.raw !== undefined && saved.raw !== null) {
    if (!isPlainObject(saved.raw)) return "les saisies en attente ne sont pas une liste de textes";
    for (const [k, v] of Object.entries(saved.raw)) {
      if (typeof v !== "string" || !k.startsWith("/")) return "les saisies en attente ne sont pas une liste de textes";
    }
  }
  for (const k of ["referential", "custom", "date", "savedAt"]) {
    if (saved[k] !== undefined && saved[k] !== null && typeof saved[k] !== "string") return `le champ « ${k} » de l'enregistrement n'est pas un texte`;
  }
  return "";
}

/** Une date valide (objet Date) lue d'un texte, ou null. */
function validDate(text) {
  if (typeof text !== "string" || !text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** AAAA-MM-JJ d'un jour réel. */
export function isDay(s) {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Un message d'erreur JavaScript rendu en français, sans majuscule ni point final, à placer après « : ». */
export function frenchReason(err) {
  return lowerFirst(errorMessage(err)).replace(/\.$/, "");
}

/** Le jour local, AAAA-MM-JJ. */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Ajoute à parent les enfants donnés, sauf null, undefined et false. */
function put(parent, ...children) {
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) parent.append(c);
  }
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) e.append(c);
  }
  return e;
}

function keys(path) {
  return path.split("/").slice(1);
}

export function getAt(obj, path) {
  let cur = obj;
  for (const k of keys(path)) {
    if (cur === null || typeof cur !== "object" || !(k in cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

export function setAt(obj, path, value) {
  const ks = keys(path);
  let cur = obj;
  for (const k of ks.slice(0, -1)) {
    if (cur[k] === null || typeof cur[k] !== "object") cur[k] = /^\d+$/.test(k) ? [] : {};
    cur = cur[k];
  }
  cur[ks[ks.length - 1]] = value;
}

export function deleteAt(obj, path) {
  const ks = keys(path);
  const parents = [];
  let cur = obj;
  for (const k of ks.slice(0, -1)) {
    if (cur === null || typeof cur !== "object" || !(k in cur)) return;
    parents.push([cur, k]);
    cur = cur[k];
  }
  if (cur && typeof cur === "object") delete cur[ks[ks.length - 1]];
  // Remove the objects left empty, so that "unanswered" stays absent.
  for (let i = parents.length - 1; i >= 0; i--) {
    const [p, k] = parents[i];
    const v = p[k];
    if (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) delete p[k];
    else break;
  }
}

function slug(path) {
  return path.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function frenchTime(d) {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return "une heure inconnue";
  return `${d.getHours()} h ${String(d.getMinutes()).padStart(2, "0")}`;
}

function frenchDay(d) {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return "un jour inconnu";
  try {
    return d.toLocaleDateString("fr-FR");
  } catch (e) {
    return `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
  }
}

function stamp(d = new Date()) {
  const two = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}h${two(d.getMinutes())}m${two(d.getSeconds())}`;
}

function answered(v) {
  return v !== undefined && v !== null && v !== "";
}

/**
 * Le formulaire. root : l'élément qui le reçoit ; api : ce que renvoie load() de clsm.js, ou
 * null tant que le vérificateur se charge (il est alors fourni par attach()) ; options.data :
 * le contenu de data.json (référentiels, exemples, questionnaires), qui permet d'afficher les
 * questions avant que le vérificateur soit prêt.
 * options.storageKey : clé du stockage local (deux formulaires d'une page doivent en avoir
 * deux différentes) ; options.referential : référentiel par défaut ; options.date : date
 * d'évaluation imposée ; options.customReferential : JSON d'un référentiel personnalisé ;
 * options.referentialFixed : le référentiel choisi par la page l'emporte sur celui enregistré, et la
 * région du dossier ne le change jamais (sinon, le formulaire passe au référentiel de la région
 * du département du dossier, et le dit).
 */
export class ClsmForm {
  constructor(root, api, options = {}) {
    this.root = root;
    this.api = null; // given by attach(), below or once loaded
    this.data = options.data || null;
    dossierVersion(this.data);
    this.p = `clsm${++instances}`;
    this.notes = []; // [message, code, actions]: shown once built, told to the host page
    this.storageKey = this.claimKey(options.storageKey || "clsm-autoevaluation");
    this.fixedDate = options.date || "";
    this.dossier = { schemaVersion: DOSSIER_VERSION };
    this.raw = {}; // text typed in number fields that is not a number yet: kept, never lost
    this.referential = options.referential || this.defaultRef();
    this.custom = options.customReferential || "";
    this.date = this.fixedDate || today();
    this.report = null;
    this.problems = [];
    this.unchecked = false; // a restored dossier the checker has not read yet
    this.inflight = 0; // calls to the checker not answered and handled yet
    this.waiters = []; // settled() promises to keep
    this.generation = 0; // one more at each change of the answers, referential or date
    this.items = [];
    this.nodeCache = new Map();
    this.refByHand = false; // the person chose the referential: the department does not change it
    this.restore();
    // The host page fixed the referential (referentiel or referentiel-url): it
    // wins over the saved choice, and the dossier's region never changes it.
    this.referentialFixed = !!options.referentialFixed;
    if (options.referentialFixed && options.referential) this.referential = options.referential;
    // A restored dossier is judged by its region's referential, and the form says so once built.
    this.lastDept = getAt(this.dossier, "/territory/department");
    this.pendingSwitch = this.unchecked ? this.regionReferential(false) : null;
    this.firstVerdict = new Promise((resolve) => {
      this.resolveFirstVerdict = resolve;
    });
    this.build(options);
    if (api) this.attach(api);
  }

  // --- the checker ---------------------------------------------------------

  /**
   * Appelle une méthode du vérificateur et renvoie une promesse de sa réponse ({ value } ou
   * { error }), que l'API soit celle d'un travailleur (loadInWorker) ou de la page (load).
   * L'appel compte dans settled() jusqu'à ce que sa réponse soit traitée.
   */
  ask(method, ...args) {
    this.inflight++;
    const answer = Promise.resolve(this.api[method](...args));
    const done = () => {
      this.inflight--;
      this.wakeSettled();
    };
    answer.then(done, done);
    return answer;
  }

  /** Vrai quand le formulaire n'attend rien du vérificateur : le dernier résultat est affiché. */
  idle() {
    return this.inflight === 0 && !this.verdictBusy && !this.printTimer && !this.compareTimer && !this.building;
  }

  /**
   * Une promesse tenue quand le formulaire n'attend plus rien du vérificateur : le résultat
   * affiché est celui des réponses actuelles (pour la page hôte et les tests).
   */
  settled() {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  wakeSettled() {
    // After the task that handles the answer: its caller has drawn it by then,
    // or asked the checker again.
    setTimeout(() => {
      if (this.idle()) for (const resolve of this.waiters.splice(0)) resolve();
    }, 0);
  }

  // --- state ---------------------------------------------------------------

  /**
   * Réserve la clé de stockage pour ce formulaire. Si un autre formulaire de la page l'utilise
   * déjà, celui-ci prend la clé suivante libre (« clé-2 », « clé-3 »…) et la page en est avertie.
   */
  claimKey(key) {
    const taken = (k) => {
      const other = liveKeys.get(k);
      return other && other !== this && other.root && other.root.isConnected;
    };
    if (!taken(key)) {
      liveKeys.set(key, this);
      return key;
    }
    let i = 2;
    while (taken(`${key}-${i}`)) i++;
    const own = `${key}-${i}`;
    liveKeys.set(own, this);
    this.note(
      `Deux formulaires de cette page utilisent la même clé d'enregistrement « ${key} ». Pour ne pas effacer les réponses de l'autre, ` +
        `celui-ci enregistre les siennes sous la clé « ${own} ». Gestionnaire du site : donnez à chaque formulaire son propre attribut « stockage ».`,
      "duplicate_storage_key",
    );
    return own;
  }

  /** Un avertissement durable (il reste affiché), dit aussi à la page par l'événement « clsm-error ». */
  note(message, code, actions = []) {
    if (this.noticeArea) this.showNote(message, code, actions);
    else this.notes.push([message, code, actions]);
  }

  showNote(message, code, actions) {
    const box = el("div", { class: "fr-alert fr-alert--warning fr-alert--sm clsm-notice", "data-code": code },
      el("p", {}, message),
      actions.length ? el("ul", { class: "fr-btns-group fr-btns-group--inline fr-btns-group--sm" }, actions.map((a) => el("li", {}, a))) : null);
    this.noticeArea.append(box);
    this.root.dispatchEvent(new CustomEvent("clsm-error", { detail: { code, message }, bubbles: true, composed: true }));
  }

  restore() {
    let text = null;
    try {
      text = localStorage.getItem(this.storageKey);
    } catch (err) {
      this.pendingAlert = `Les réponses enregistrées dans ce navigateur n'ont pas pu être relues : ${frenchReason(err)}.`;
      return;
    }
    if (text === null) return;
    let saved;
    try {
      saved = JSON.parse(text);
    } catch (err) {
      this.setAside(text, "elles ne sont pas du JSON lisible");
      return;
    }
    const problem = savedStateProblem(saved);
    if (problem) {
      this.setAside(text, problem);
      return;
    }
    this.dossier = saved.dossier; // an older format is lifted by the checker once it is loaded (upgradeDossier)
    this.raw = saved.raw || {};
    this.liftNumbers(this.dossier, "");
    if (saved.referential) this.referential = saved.referential;
    this.refByHand = saved.referentialChosen === true;
    if (saved.custom) this.custom = saved.custom;
    if (saved.date && !this.fixedDate) {
      if (isDay(saved.date)) {
        this.date = saved.date;
        this.dateChosen = true;
      } else {
        this.pendingAlert = `La date d'évaluation enregistrée n'est pas un jour valide : la date du jour est utilisée.`;
      }
    }
    this.savedAt = validDate(saved.savedAt);
    this.savedAtUnknown = !this.savedAt;
    this.restoredText = text;
    this.unchecked = true;
  }

  /**
   * Un nombre enregistré que le vérificateur ne relirait pas (écrit avec un exposant, entier
   * au-delà de 2^53) passe dans les saisies en attente, écrit en toutes lettres : il reste
   * affiché à côté de sa question, avec l'erreur, au lieu de rendre tout le dossier illisible.
   */
  liftNumbers(obj, path) {
    for (const [k, v] of Object.entries(obj)) {
      const here = `${path}/${k}`;
      if (typeof v === "number" && (/e/i.test(String(v)) || (Number.isInteger(v) && !Number.isSafeInteger(v)))) {
        this.raw[here] = plainNumber(v);
        if (Array.isArray(obj)) obj[k] = null;
        else delete obj[k];
      } else if (v && typeof v === "object") {
        this.liftNumbers(v, here);
      }
    }
  }

  /**
   * Met de côté un enregistrement illisible, tel quel, sous une autre clé du stockage local,
   * le propose à l'export, et repart d'un formulaire vide.
   */
  setAside(text, reason) {
    const when = stamp();
    let key = `${this.storageKey}-recuperation-${when}`;
    let stored = false;
    try {
      for (let i = 2; localStorage.getItem(key) !== null; i++) key = `${this.storageKey}-recuperation-${when}-${i}`;
      localStorage.setItem(key, text);
      localStorage.removeItem(this.storageKey);
      stored = true;
    } catch (err) {
      stored = false;
    }
    this.dossier = { schemaVersion: DOSSIER_VERSION };
    this.raw = {};
    this.savedAt = null;
    this.restoredText = null;
    this.unchecked = false;
    const where = stored
      ? `Elles ont été mises de côté telles quelles dans ce navigateur, sous la clé « ${key} ».`
      : "Elles n'ont pas pu être mises de côté dans ce navigateur : exportez-les maintenant, elles seront remplacées à votre prochaine réponse.";
    const exportButton = el("button", {
      type: "button", class: "fr-btn fr-btn--secondary fr-btn--sm clsm-export-recovered",
      onclick: () => this.download(text, `reponses-mises-de-cote-${when}.json`, "Réponses mises de côté exportées"),
    }, "Exporter les réponses mises de côté");
    this.note(
      `Les réponses enregistrées dans ce navigateur n'ont pas pu être relues (${reason}). ${where} ` +
        "Exportez-les pour les garder ou les faire examiner ; le formulaire repart d'un dossier vide.",
      "saved_state_unreadable",
      [exportButton],
    );
  }

  /**
   * Vérifie, une fois le vérificateur chargé, qu'il sait lire le dossier relu du stockage ;
   * promesse de vrai s'il a dû être mis de côté.
   */
  async checkRestored() {
    this.unchecked = false;
    let text;
    try {
      text = JSON.stringify(this.dossier);
    } catch (err) {
      text = null;
    }
    const res = text === null
      ? { error: { message: "Le dossier enregistré ne peut pas être mis en forme." } }
      : await this.ask("assess", text, this.defaultRef(), this.date);
    if (!res.error || res.error.code === "invalid_dossier") return false;
    const first = (res.error.problems || []).slice(0, 3).map((p) => p.message).join(" ");
    this.setAside(this.restoredText || JSON.stringify({ dossier: this.dossier, raw: this.raw }), `le vérificateur ne sait pas lire le dossier enregistré : ${first || res.error.message}`);
    return true;
  }

  save() {
    const record = {
      version: 1,
      dossier: this.dossier,
      raw: this.raw,
      referential: this.referential,
      referentialChosen: this.refByHand || undefined,
      custom: this.custom,
      date: this.dateChosen ? this.date : undefined,
      savedAt: new Date().toISOString(),
    };
    let text;
    try {
      text = JSON.stringify(record);
    } catch (err) {
      this.storageFailed = true;
      this.status.textContent = "Non enregistré.";
      this.status.classList.add("clsm-status--error");
      this.showAlert("Attention : vos réponses n'ont pas pu être mises en forme pour être enregistrées (une valeur du dossier n'est pas représentable en JSON). Exportez ce qui peut l'être et signalez ce problème.");
      return;
    }
    try {
      localStorage.setItem(this.storageKey, text);
      this.savedAt = new Date();
      this.status.textContent = `Enregistré dans ce navigateur à ${frenchTime(this.savedAt)}.`;
      this.status.classList.remove("clsm-status--error");
      if (this.storageFailed) {
        this.storageFailed = false;
        this.showAlert("");
      }
    } catch (err) {
      this.storageFailed = true;
      this.status.textContent = "Non enregistré.";
      this.status.classList.add("clsm-status--error");
      this.showAlert(
        "Attention : vos réponses n'ont pas pu être enregistrées dans ce navigateur (stockage refusé ou plein). " +
          "Elles restent affichées : exportez votre dossier (bouton « Exporter le dossier ») pour ne rien perdre.",
      );
    }
  }

  /**
   * Le référentiel utilisé : { id, name, savedCopy } ; savedCopy est vrai pour un référentiel
   * personnalisé relu du stockage local (la copie enregistrée lors d'une visite précédente).
   */
  referentialInUse() {
    if (this.referential === "custom" && this.custom) {
      let name = "référentiel personnalisé";
      try {
        name = JSON.parse(this.custom).name || name;
      } catch (e) { /* the checker says what is wrong with it */ }
      return { id: "custom", name, savedCopy: true };
    }
    const r = this.referentialList().find((x) => x.id === this.referential);
    return { id: this.referential, name: r ? r.name : this.referential, savedCopy: false };
  }

  refSpec() {
    return this.referential === "custom" && this.custom ? this.custom : this.referential;
  }

  /** Les référentiels intégrés (data.json, ou le vérificateur une fois chargé). */
  referentialList() {
    return (this.data && this.data.referentials) || [];
  }

  /** Sans data.json, les listes du formulaire viennent du vérificateur, une fois chargé. */
  async readLists() {
    const [refs, examples, version] = await Promise.all([this.ask("referentials"), this.ask("examples"), this.ask("version")]);
    if (refs.error) this.showAlert(refs.error.message);
    this.data = { ...this.data, referentials: refs.value || [], examples: examples.value || [], version: version.value };
    dossierVersion(this.data);
    this.fillLists();
    this.selectReferentialOption();
  }

  /** Les options des listes de référentiels et d'exemples. */
  fillLists() {
    const examples = (this.data && this.data.examples) || [];
    this.refSelect.replaceChildren(
      ...this.referentialList().map((r) => el("option", { value: r.id, text: `${r.name} (${r.rules} règles)` })),
      el("option", { value: "custom", text: "Référentiel d'une ARS (fichier JSON)…" }),
    );
    this.exampleSelect.replaceChildren(...examples.map((x) => el("option", { value: x.id, text: x.name })));
  }

  // --- skeleton ------------------------------------------------------------

  build(options = {}) {
    const p = this.p;
    // The page may hold the same form already, written by the site builder
    // (prerendered.html) so that it can be read and filled before any
    // script has run: what a person typed or chose in it, and the focus,
    // are carried over to the form built here.
    this.carried = carriedInput(this.root);
    this.root.textContent = "";
    this.root.classList.add("clsm-form");
    this.refSelect = el("select", { class: "fr-select", id: `${p}-ref`, onchange: () => this.changeReferential() });
    this.refFile = el("input", { type: "file", id: `${p}-ref-file`, accept: "application/json,.json", class: "clsm-hidden", tabindex: "-1", "aria-hidden": "true", onchange: (e) => this.loadReferentialFile(e) });
    this.dateInput = el("input", {
      type: "text", class: "fr-input clsm-date", id: `${p}-date`, value: frenchDateText(this.date), disabled: !!this.fixedDate,
      inputmode: "numeric", autocomplete: "off", placeholder: "JJ/MM/AAAA", "aria-describedby": `${p}-date-hint ${p}-date-error`,
      onchange: () => this.changeDate(),
    });
    this.dateError = el("p", { class: "fr-error-text", id: `${p}-date-error`, hidden: true });
    this.exampleSelect = el("select", { class: "fr-select", id: `${p}-example` });
    this.fillLists();
    this.importInput = el("input", { type: "file", id: `${p}-import`, accept: "application/json,.json", class: "clsm-hidden", tabindex: "-1", "aria-hidden": "true", onchange: (e) => this.importFile(e) });
    this.status = el("p", { class: "fr-text--sm clsm-status", id: `${p}-status`, role: "status", "aria-live": "polite" },
      this.savedAt ? `Réponses enregistrées dans ce navigateur le ${frenchDay(this.savedAt)} à ${frenchTime(this.savedAt)}.`
        : this.savedAtUnknown ? "Réponses enregistrées dans ce navigateur, à une date inconnue." : "Rien n'est encore enregistré.");
    this.alert = el("div", { class: "clsm-alert", id: `${p}-alert`, role: "alert" });
    this.noticeArea = el("div", { class: "clsm-notices", id: `${p}-notices`, role: "alert" });
    this.dialog = el("dialog", { class: "clsm-dialog", id: `${p}-dialog`, "aria-labelledby": `${p}-dialog-title`, "aria-describedby": `${p}-dialog-text` });
    this.errorSummary = el("div", { class: "fr-alert fr-alert--error clsm-error-summary", id: `${p}-errors`, tabindex: "-1", hidden: true });
    this.sections = el("div", { class: "clsm-questions", id: `${p}-questions`, tabindex: "-1" });
    this.summary = el("div", { class: "clsm-summary-body" });
    this.printArea = el("div", { class: "clsm-print-area", role: "region", "aria-label": "Rapport à imprimer", hidden: true });
    // The verdict bar: always in view (sticky), the full summary one link away.
    this.bar = el("div", { class: "clsm-bar-body" }, "Chargement du vérificateur…");
    this.announcer = el("p", { class: "clsm-sr-only clsm-announce", id: `${p}-announce`, role: "status", "aria-live": "polite", "aria-atomic": "true" });
    // The stepper: one section at a time, or all of them (remembered).
    this.showAll = this.readShowAll();
    this.stepState = el("p", { class: "fr-stepper__state" });
    this.stepDetails = el("p", { class: "fr-stepper__details" });
    this.stepBar = el("div", { class: "fr-stepper__steps" });
    this.stepList = el("ol", { class: "clsm-steplist" });
    this.allToggle = el("button", { type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm clsm-show-all", id: `${p}-show-all`, "aria-pressed": String(this.showAll), onclick: () => this.toggleShowAll() }, "Tout afficher sur une page");
    this.prevButton = el("button", { type: "button", class: "fr-btn fr-btn--secondary clsm-prev", id: `${p}-prev`, onclick: () => this.moveStep(-1) }, "Étape précédente");
    this.nextButton = el("button", { type: "button", class: "fr-btn clsm-next", id: `${p}-next`, onclick: () => this.moveStep(1) }, "Étape suivante");
    const n = this.p.replace(/\D/g, "");
    const which = n === "1" ? "" : ` (formulaire n°\u00a0${n})`;
    this.links = options.links || {};

    this.root.append(
      el("div", { class: "clsm-bar", id: `${p}-bar` }, this.bar),
      this.announcer,
      el("p", { class: "fr-text--sm clsm-privacy" },
        "Vos réponses restent sur cet ordinateur : elles ne sont envoyées à personne. Elles sont enregistrées dans ce navigateur au fur et à mesure ; exportez votre dossier pour le garder ou le transmettre. Une question sans réponse n'est jamais comptée comme un « non »."),
      el("div", { class: "clsm-toolbar" },
        el("div", { class: "fr-select-group" },
          el("label", { class: "fr-label", for: `${p}-ref` }, "Cahier des charges de référence",
            el("span", { class: "fr-hint-text" }, "Celui de votre agence régionale de santé (ARS), ou le socle national.")),
          this.refSelect, this.refFile),
        el("div", { class: "fr-input-group" },
          el("label", { class: "fr-label", for: `${p}-date` }, "Date de l'évaluation",
            el("span", { class: "fr-hint-text", id: `${p}-date-hint` }, `Les règles annuelles sont comptées sur les 12 mois qui précèdent. ${DATE_HINT}`)),
          this.dateInput, this.dateError),
      ),
      el("div", { class: "clsm-actions" },
        el("div", { class: "fr-select-group clsm-example" },
          el("label", { class: "fr-label", for: `${p}-example` }, "Dossier d'exemple"),
          this.exampleSelect,
          el("button", { type: "button", class: "fr-btn fr-btn--secondary fr-btn--sm", id: `${p}-load-example`, onclick: (e) => this.askLoadExample(e.currentTarget) }, "Charger cet exemple")),
        el("ul", { class: "fr-btns-group fr-btns-group--inline fr-btns-group--sm" },
          el("li", {}, el("button", { type: "button", class: "fr-btn fr-btn--secondary", id: `${p}-export`, onclick: () => this.exportFile() }, "Exporter le dossier (JSON)")),
          el("li", {}, el("button", { type: "button", class: "fr-btn fr-btn--secondary", id: `${p}-import-btn`, onclick: () => this.importInput.click() }, "Importer un dossier"), this.importInput),
          el("li", {}, el("button", { type: "button", class: "fr-btn fr-btn--secondary", id: `${p}-print`, onclick: () => this.print() }, "Imprimer le rapport")),
          el("li", {}, el("button", { type: "button", class: "fr-btn fr-btn--tertiary", id: `${p}-reset`, onclick: (e) => this.askReset(e.currentTarget) }, "Recommencer")),
        ),
      ),
      this.status, this.noticeArea, this.alert, this.dialog,
      this.errorSummary,
      el("div", { class: "clsm-layout" },
        el("div", { class: "clsm-main" },
          el("nav", { class: "fr-stepper clsm-stepper", id: `${p}-stepper`, "aria-label": `Étapes du questionnaire${which}` },
            this.stepState, this.stepBar, this.stepDetails,
            el("details", { class: "clsm-steps-menu" }, el("summary", {}, "Toutes les étapes"), this.stepList),
            this.allToggle),
          this.sections,
          el("div", { class: "clsm-step-buttons" }, this.prevButton, this.nextButton)),
        el("div", { class: "clsm-summary", id: `${p}-summary` },
          el("h2", { id: `${p}-summary-title`, class: "fr-h4", tabindex: "-1" }, "Où en êtes-vous ?"), this.summary),
      ),
      this.footer(),
      this.printArea,
    );
    this.dialog.addEventListener("close", () => {
      if (this.dialogReturn && this.dialogReturn.isConnected) this.dialogReturn.focus();
      this.dialogReturn = null;
    });
    this.onHash = () => this.followHash(false);
    window.addEventListener("popstate", this.onHash);
    window.addEventListener("hashchange", this.onHash);
    this.onBeforePrint = () => this.preparePrint();
    this.onAfterPrint = () => this.endPrint();
    window.addEventListener("beforeprint", this.onBeforePrint);
    window.addEventListener("afterprint", this.onAfterPrint);
    this.windowListeners = [["popstate", this.onHash], ["hashchange", this.onHash], ["beforeprint", this.onBeforePrint], ["afterprint", this.onAfterPrint]]; // what <clsm-autoevaluation> removes when the page takes it out
    if (this.pendingAlert) this.showAlert(this.pendingAlert);
    for (const [message, code, actions] of this.notes.splice(0)) this.showNote(message, code, actions);
    this.selectReferentialOption();
    this.loadQuestionnaire();
    this.carryOver();
    if (this.pendingSwitch) {
      this.showReferentialSwitch(this.pendingSwitch);
      this.pendingSwitch = null;
    }
  }

  // --- the referential of the dossier's region -------------------------------

  /**
   * Passe au référentiel de la région du département du dossier (la liste des référentiels dit
   * leurs régions ; une région sans référentiel propre prend celui par défaut), sauf si la page
   * en impose un, si la personne en a choisi un elle-même ou pour un référentiel personnalisé.
   * Sans département, rien ne change, sauf si noDeptToDefault (un dossier importé ou un
   * exemple) : le référentiel par défaut. Renvoie { from, to, dep, region } si le référentiel
   * change (this.referential est alors le nouveau), sinon null.
   */
  regionReferential(noDeptToDefault) {
    if (this.referentialFixed || this.refByHand || this.referential === "custom") return null;
    const dep = getAt(this.dossier, "/territory/department");
    const region = regionOf(dep, this.data);
    if (!region && !noDeptToDefault) return null;
    const list = this.referentialList();
    const ref = (region && list.find((r) => (r.regions || []).includes(region.code))) || list.find((r) => r.default);
    if (!ref || ref.id === this.referential) return null;
    const from = this.referential;
    this.referential = ref.id;
    return { from, to: ref.id, dep: region ? dep : "", region };
  }

  /**
   * Dit, au-dessus des questions, que le référentiel a changé avec la région du dossier, avec un
   * bouton pour revenir au précédent.
   */
  showReferentialSwitch(sw) {
    const list = this.referentialList();
    const to = list.find((r) => r.id === sw.to);
    const from = list.find((r) => r.id === sw.from);
    let why = sw.dep ? `département ${sw.dep}` : "le dossier ne dit pas son département";
    if (sw.region && to && !(to.regions || []).includes(sw.region.code)) why += ` : la région ${sw.region.name} n'a pas de référentiel intégré`;
    const text = `${upperFirst(referentialPhrase(to))} s'applique désormais à ce dossier (${why}).`;
    const undo = el("button", {
      type: "button", class: "fr-btn fr-btn--secondary fr-btn--sm clsm-ref-undo", id: `${this.p}-ref-undo`,
      onclick: () => this.undoReferentialSwitch(sw),
    }, `Revenir ${toThe(referentialPhrase(from))}`);
    this.referentialNotice(el("p", { class: "clsm-ref-notice__text" }, text), undo);
    this.root.dispatchEvent(new CustomEvent("clsm-referential", { detail: { id: sw.to, previous: sw.from, message: text }, bubbles: true, composed: true }));
  }

  /** Le bandeau qui dit le référentiel appliqué (créé au premier changement) ; sans contenu, il disparaît. */
  referentialNotice(...children) {
    if (!this.refNotice) {
      this.refNotice = el("div", { class: "fr-notice fr-notice--info clsm-ref-notice", id: `${this.p}-ref-notice`, role: "status" });
      this.status.before(this.refNotice);
    }
    this.refNotice.replaceChildren(...children);
    this.refNotice.hidden = !children.length;
  }

  /** « Revenir au socle national » : le référentiel d'avant, gardé désormais comme un choix de la personne. */
  undoReferentialSwitch(sw) {
    const from = this.referentialList().find((r) => r.id === sw.from);
    this.referential = sw.from;
    this.refByHand = true;
    this.selectReferentialOption();
    this.save();
    this.loadQuestionnaire();
    this.referentialNotice(el("p", { class: "clsm-ref-notice__text" },
      `${upperFirst(referentialPhrase(from))} s'applique de nouveau à ce dossier, jusqu'à ce que vous choisissiez un autre cahier des charges.`));
    this.refSelect.focus();
  }

  /**
   * Redonne aux champs construits ce qui avait été saisi dans la page avant le script (voir
   * carriedInput), par les mêmes événements qu'une saisie, puis le focus. Un champ d'une étape
   * pas encore construite fait construire les autres étapes d'un coup ; ce qui attend un
   * questionnaire (celui d'un référentiel chargé par le vérificateur) attend son affichage.
   */
  carryOver() {
    const carried = this.carried;
    if (!carried || !carried.fields.length && !carried.focus) return;
    const byId = (id) => this.root.querySelector(`#${CSS.escape(id)}`);
    const missing = () => carried.fields.some((f) => !byId(f.id));
    if (missing() && this.questionnaire && this.building) {
      for (const s of this.questionnaire.sections) if (!s.built) this.buildSection(s);
    }
    if (missing() && !this.questionnaire) return; // showQuestionnaire calls again
    this.carried = null;
    for (const f of carried.fields) {
      const e = byId(f.id);
      if (!e) continue;
      if (f.checked !== undefined) e.checked = f.checked;
      else e.value = f.value;
      // As typing does: input for a text, then change (the date of the evaluation listens to it).
      if (e.tagName === "TEXTAREA" || (e.tagName === "INPUT" && e.type === "text")) e.dispatchEvent(new Event("input", { bubbles: true }));
      e.dispatchEvent(new Event("change", { bubbles: true }));
    }
    const focused = carried.focus && byId(carried.focus.id);
    if (focused) {
      focused.focus({ preventScroll: true });
      if (carried.focus.start !== null && typeof focused.setSelectionRange === "function") {
        try {
          focused.setSelectionRange(carried.focus.start, carried.focus.end);
        } catch (e) { /* a field without a caret */ }
      }
    }
  }

  selectReferentialOption() {
    if (this.referential === "custom" && this.custom) {
      let name = "Référentiel personnalisé";
      try {
        name = JSON.parse(this.custom).name || name;
      } catch (e) { /* shown by the checker */ }
      let opt = this.refSelect.querySelector('option[value="custom"]');
      opt.textContent = `${name} (fichier)`;
    }
    this.refSelect.value = this.referential;
    if (this.refSelect.value !== this.referential) {
      this.referential = this.defaultRef();
      this.refSelect.value = this.referential;
    }
  }

  // --- questionnaire -------------------------------------------------------

  /**
   * Le questionnaire d'un référentiel : tout de suite ({ value }) pour un référentiel de
   * data.json, une promesse pour un autre (le vérificateur le construit), null tant que le
   * vérificateur n'est pas chargé.
   */
  questionnaireFor(spec) {
    if (this.data && this.data.questionnaires && this.data.questionnaires[spec]) {
      return { value: this.data.questionnaires[spec] };
    }
    if (!this.api) return null; // a custom referential: wait for the checker
    return this.ask("questionnaire", spec);
  }

  /** Le référentiel par défaut, celui que la liste des référentiels désigne (« default »). */
  defaultRef() {
    const d = this.referentialList().find((r) => r.default);
    return d ? d.id : "national";
  }

  /**
   * Donne au formulaire le vérificateur, une fois chargé : l'API de loadInWorker() (chaque
   * méthode renvoie une promesse) ou celle de load().
   */
  async attach(api) {
    this.api = api;
    if (!this.data || !this.data.referentials) await this.readLists();
    if (this.needsUpgrade()) await this.upgradeDossier();
    if (!this.questionnaire) {
      this.loadQuestionnaire();
      return;
    }
    this.refresh();
  }

  /** Vrai si le dossier est d'un format plus ancien que celui du vérificateur. */
  needsUpgrade() {
    return !!(this.api && this.dossier && this.dossier.schemaVersion !== dossierVersion(this.data));
  }

  /**
   * Met au format courant, avec le vérificateur, un dossier restauré d'un format plus ancien :
   * ses réponses sont gardées ; un dossier illisible, ou qui a des problèmes, est laissé tel
   * quel (ses problèmes s'affichent comme le verdict, chacun à sa question).
   */
  async upgradeDossier() {
    while (this.needsUpgrade()) {
      const before = this.dossier;
      const generation = this.generation;
      const res = await this.ask("upgrade", JSON.stringify(before));
      if (res.error || !res.value || !res.value.dossier) return;
      // A dossier with problems stays as it was typed, shown « à corriger » answer by answer:
      // the upgraded copy would leave out the values the checker refuses.
      if (res.value.problems && res.value.problems.length) return;
      // An answer given meanwhile is in the old format: lift it too, never lose it.
      if (this.dossier !== before || this.generation !== generation) continue;
      this.dossier = res.value.dossier;
      if (this.status) this.save(); // before build(), the next save writes it
      return;
    }
  }

  settleFirstVerdict() {
    if (this.resolveFirstVerdict && this.assessed) {
      const resolve = this.resolveFirstVerdict;
      this.resolveFirstVerdict = null;
      resolve(this.report);
    }
  }

  /** Renvoie le vérificateur, ou signale qu'il se charge encore. */
  needAPI() {
    if (this.api) return true;
    this.showAlert("Le vérificateur est encore en cours de chargement : réessayez dans un instant.");
    return false;
  }

  loadQuestionnaire() {
    const spec = this.refSpec();
    const q = this.questionnaireFor(spec);
    if (!q) {
      this.summary.textContent = "Chargement du vérificateur…";
      return;
    }
    if (typeof q.then === "function") {
      // Only the latest referential chosen is shown.
      q.then((res) => {
        if (this.refSpec() === spec) this.showQuestionnaire(res);
      });
      return;
    }
    this.showQuestionnaire(q);
  }

  showQuestionnaire(q) {
    if (q.error) {
      this.showAlert(problemText(q.error));
      if (this.referential !== this.defaultRef()) {
        this.referential = this.defaultRef();
        this.custom = "";
        this.selectReferentialOption();
        this.loadQuestionnaire();
      }
      return;
    }
    this.questionnaire = q.value;
    this.items = [];
    this.nodeCache = new Map(); // path → its question's node, for this questionnaire
    this.stepperKey = ""; // the step list is drawn again
    this.sections.textContent = "";
    const sections = this.questionnaire.sections;
    for (const s of sections) {
      s.sid = `${this.p}-s-${s.id}`;
      s.el = el("div", { class: "clsm-section", id: s.sid },
        el("h2", { class: "fr-h5 clsm-section-title", id: `${s.sid}-title`, tabindex: "-1" }, s.title));
      s.nodes = [];
      s.built = false;
      this.sections.append(s.el);
    }
    if (!sections.some((s) => s.id === this.step)) {
      this.step = sections.length ? sections[0].id : "";
      this.followHash(true);
    }
    // The step in view is built at once, the others one per task after it:
    // the page shows its questions, and takes key presses, without waiting
    // for all of them. The verdict is asked for once every question is built.
    const build = (this.buildSeq = (this.buildSeq || 0) + 1);
    const first = sections.find((s) => s.id === this.step) || sections[0];
    const rest = sections.filter((s) => s !== first);
    this.building = true;
    if (first) this.buildSection(first);
    this.renderStepper();
    this.carryOver();
    const next = () => {
      if (build !== this.buildSeq) return; // another questionnaire took this one's place
      const s = rest.shift();
      if (s) {
        if (!s.built) this.buildSection(s);
        setTimeout(next, 0);
        return;
      }
      this.building = false;
      if (decodeURIComponent(location.hash.slice(1)).startsWith(`${this.p}-q-`)) this.followHash(true);
      if (this.resolveFirstVerdict && this.api) this.summary.textContent = "Calcul du résultat…";
      this.refresh();
      this.wakeSettled();
    };
    if (rest.length) setTimeout(next, 0);
    else next();
  }

  /** Construit les questions d'une étape, chacune montrée ou cachée selon les réponses, comme refresh le fera. */
  buildSection(s) {
    s.built = true;
    for (const item of s.questions) {
      const node = this.renderItem(item);
      node.section = s;
      const cond = item.showIf;
      node.wrapper.hidden = !!cond && !cond.in.some((v) => getAt(this.dossier, cond.path) === v);
      s.el.append(node.wrapper);
      s.nodes.push(node);
    }
    this.items = this.questionnaire.sections.flatMap((x) => x.nodes);
    this.nodeCache = new Map();
  }

  renderItem(item) {
    const id = `${this.p}-q-${slug(item.path)}`;
    const inputId = `${this.p}-i-${slug(item.path)}`;
    const helpId = `${inputId}-help`;
    const errId = `${inputId}-error`;
    const wrapper = el("div", { class: "fr-input-group clsm-question", id, "data-path": item.path });
    const node = { item, wrapper, id, inputId, errId, error: el("p", { class: "fr-error-text clsm-error", id: errId, hidden: true }) };
    const describedBy = [item.help ? helpId : "", errId].filter(Boolean).join(" ");
    const help = item.help ? el("span", { class: "fr-hint-text", id: helpId }, item.help) : null;
    const onChange = () => this.changed();
    const value = getAt(this.dossier, item.path);

    switch (item.widget) {
      case "yesno": {
        const name = inputId;
        const choices = [["true", "Oui"], ["false", "Non"], ["", "Je ne sais pas"]];
        wrapper.append(el("fieldset", { class: "fr-fieldset", "aria-describedby": describedBy },
          el("legend", { class: "fr-fieldset__legend fr-text--regular" }, item.title, help),
          choices.map(([v, label]) => el("div", { class: "fr-fieldset__element fr-fieldset__element--inline" },
            el("div", { class: "fr-radio-group" },
              el("input", {
                type: "radio", id: `${inputId}-${v || "unknown"}`, name, value: v,
                checked: (value === true && v === "true") || (value === false && v === "false") || (value === undefined && v === ""),
                onchange: (e) => {
                  if (e.target.value === "") deleteAt(this.dossier, item.path);
                  else setAt(this.dossier, item.path, e.target.value === "true");
                  onChange();
                },
              }),
              el("label", { class: "fr-label", for: `${inputId}-${v || "unknown"}` }, label)))),
        ), node.error);
        break;
      }
      case "choice": {
        const select = el("select", {
          class: "fr-select", id: inputId, "aria-describedby": describedBy,
          onchange: (e) => {
            if (e.target.value === "") deleteAt(this.dossier, item.path);
            else setAt(this.dossier, item.path, e.target.value);
            onChange();
          },
        }, el("option", { value: "", text: "— Non renseigné —" }), item.options.map((o) => el("option", { value: o.value, text: o.label })));
        if (answered(value) && !item.options.some((o) => o.value === value)) {
          // An answer no longer offered (« absent » for the PTSM) keeps its label; a value the list does
          // not know (an imported file) is shown as it is: neither is ever silently dropped.
          const kept = (item.keptOptions || []).find((o) => o.value === value);
          select.append(el("option", { value: String(value), text: kept ? kept.label : `« ${String(value)} » (valeur non reconnue)` }));
        }
        select.value = answered(value) ? String(value) : "";
        wrapper.append(el("label", { class: "fr-label", for: inputId }, item.title, help), select, node.error);
        break;
      }
      case "multichoice": {
        const chosen = new Set(Array.isArray(value) ? value : []);
        wrapper.append(el("fieldset", { class: "fr-fieldset", "aria-describedby": describedBy },
          el("legend", { class: "fr-fieldset__legend fr-text--regular" }, item.title, help),
          item.options.map((o, i) => el("div", { class: "fr-fieldset__element" },
            el("div", { class: "fr-checkbox-group fr-checkbox-group--sm" },
              el("input", {
                type: "checkbox", id: `${inputId}-${i}`, value: o.value, checked: chosen.has(o.value),
                onchange: () => {
                  const values = [...wrapper.querySelectorAll('input[type="checkbox"]:checked')].map((c) => c.value);
                  if (values.length) setAt(this.dossier, item.path, values);
                  else deleteAt(this.dossier, item.path);
                  onChange();
                },
              }),
              el("label", { class: "fr-label", for: `${inputId}-${i}` }, o.label)))),
        ), node.error);
        break;
      }
      case "integer":
      case "number":
      case "text":
      case "date": {
        const isNumber = item.widget === "integer" || item.widget === "number";
        const raw = isNumber ? this.raw[item.path] : undefined;
        const isDate = item.widget === "date";
        const input = el("input", {
          class: "fr-input", id: inputId, "aria-describedby": describedBy,
          type: "text", placeholder: isDate ? "JJ/MM/AAAA" : undefined, autocomplete: isDate ? "off" : undefined,
          inputmode: item.widget === "integer" ? "numeric" : item.widget === "number" ? "decimal" : undefined,
          maxlength: item.maxLength || undefined,
          value: isDate ? (this.raw[item.path] !== undefined ? this.raw[item.path] : frenchDateText(value)) : raw !== undefined ? raw : value !== undefined && value !== null && typeof value !== "object" ? String(value).replace(".", isNumber ? "," : ".") : "",
          oninput: (e) => {
            this.setScalar(item, e.target.value);
            onChange();
          },
        });
        wrapper.append(el("label", { class: "fr-label", for: inputId }, item.title, help, isDate ? el("span", { class: "fr-hint-text" }, DATE_HINT) : null), input, node.error);
        break;
      }
      case "date_or_never": {
        // A day, or « jamais » (the value "never"): two distinct answers, and
        // both distinct from leaving the question blank.
        const never = value === "never";
        const date = el("input", {
          class: "fr-input", id: inputId, type: "text", placeholder: "JJ/MM/AAAA", autocomplete: "off", "aria-describedby": describedBy, disabled: never,
          value: this.raw[item.path] !== undefined ? this.raw[item.path] : never || value === undefined ? "" : frenchDateText(value),
          oninput: (e) => {
            this.setScalar(item, e.target.value);
            onChange();
          },
        });
        const box = el("input", {
          type: "checkbox", id: `${inputId}-never`, checked: never,
          onchange: (e) => {
            if (e.target.checked) {
              setAt(this.dossier, item.path, "never");
              delete this.raw[item.path];
              date.value = "";
            } else {
              deleteAt(this.dossier, item.path);
            }
            date.disabled = e.target.checked;
            onChange();
          },
        });
        wrapper.append(el("label", { class: "fr-label", for: inputId }, item.title, help, el("span", { class: "fr-hint-text" }, DATE_HINT)), date,
          el("div", { class: "fr-checkbox-group fr-checkbox-group--sm clsm-never" }, box,
            el("label", { class: "fr-label", for: `${inputId}-never` }, "Jamais")),
          node.error);
        break;
      }
      case "longtext": {
        const input = el("textarea", {
          class: "fr-input", id: inputId, rows: 4, "aria-describedby": describedBy, maxlength: item.maxLength || undefined,
          oninput: (e) => {
            if (e.target.value === "") deleteAt(this.dossier, item.path);
            else setAt(this.dossier, item.path, e.target.value);
            onChange();
          },
        });
        input.value = value || "";
        wrapper.append(el("label", { class: "fr-label", for: inputId }, item.title, help), input, node.error);
        break;
      }
      case "communes":
      case "sirens":
      case "textlist": {
        const byLine = item.widget === "textlist";
        const hint = byLine ? "Un élément par ligne." : item.widget === "communes" ? "Codes INSEE séparés par des espaces ou des virgules, par exemple 12202 2A004." : "Numéros SIREN séparés par des espaces ou des virgules.";
        const input = el("textarea", {
          class: "fr-input", id: inputId, rows: byLine ? 3 : 2, "aria-describedby": `${helpId} ${errId}`,
          oninput: (e) => {
            const parts = byLine ? e.target.value.split("\n").map((s) => s.trim()).filter(Boolean) : e.target.value.split(/[\s,;]+/).filter(Boolean);
            if (parts.length) setAt(this.dossier, item.path, parts);
            else deleteAt(this.dossier, item.path);
            onChange();
          },
        });
        input.value = Array.isArray(value) ? value.join(byLine ? "\n" : " ") : "";
        wrapper.append(el("label", { class: "fr-label", for: inputId }, item.title,
          el("span", { class: "fr-hint-text", id: helpId }, [item.help, hint].filter(Boolean).join(" "))), input, node.error);
        break;
      }
      case "dates":
      case "list":
        this.renderList(node, describedBy, help);
        break;
      default:
        wrapper.append(el("p", {}, item.title));
    }
    this.renderRulesMarker(node);
    return node;
  }

  setScalar(item, text) {
    const t = text.trim();
    delete this.raw[item.path];
    if (t === "") {
      deleteAt(this.dossier, item.path);
      return;
    }
    if (item.widget === "date" || item.widget === "date_or_never") {
      // A day typed the French way, JJ/MM/AAAA, written AAAA-MM-JJ in the
      // dossier; any other text is kept as typed, and reported beside the question.
      const res = parseFrenchDate(t);
      if (res.error) {
        this.raw[item.path] = text;
        deleteAt(this.dossier, item.path);
        return;
      }
      setAt(this.dossier, item.path, res.value);
      return;
    }
    if (item.widget === "integer" || item.widget === "number") {
      // Only a number the checker will read back goes into the dossier (a
      // safe integer, finite, no exponent, within the model's bounds); any
      // other text is kept as typed, and reported beside the question.
      const res = parseNumber(item, t);
      if (res.error) {
        this.raw[item.path] = text;
        deleteAt(this.dossier, item.path);
        return;
      }
      setAt(this.dossier, item.path, res.value);
      return;
    }
    setAt(this.dossier, item.path, t);
  }

  // A list (of dates, or of objects): add, remove, or "none".
  renderList(node, describedBy, help) {
    const { item, wrapper, inputId } = node;
    wrapper.textContent = "";
    const list = getAt(this.dossier, item.path);
    const items = Array.isArray(list) ? list : [];
    const none = Array.isArray(list) && list.length === 0;
    const fieldset = el("fieldset", { class: "fr-fieldset clsm-list", "aria-describedby": describedBy },
      el("legend", { class: "fr-fieldset__legend fr-text--regular" }, item.title, help));
    items.forEach((entry, i) => {
      const base = `${item.path}/${i}`;
      const row = el("div", { class: "fr-fieldset__element clsm-list-item" });
      if (item.widget === "dates") {
        const id = `${inputId}-${i}`;
        row.append(
          el("label", { class: "fr-label", for: id }, `Date n°\u00a0${i + 1}`, el("span", { class: "fr-hint-text" }, DATE_HINT)),
          el("input", {
            class: "fr-input", type: "text", id, placeholder: "JJ/MM/AAAA", autocomplete: "off",
            value: this.raw[base] !== undefined ? this.raw[base] : frenchDateText(entry),
            oninput: (e) => {
              const t = e.target.value.trim();
              const res = parseFrenchDate(t);
              delete this.raw[base];
              if (t && res.error) this.raw[base] = e.target.value;
              items[i] = res.value || "";
              this.changed();
            },
          }));
      } else {
        const box = el("div", { class: "clsm-list-fields", role: "group", "aria-label": `${item.title} — élément n° ${i + 1}` });
        for (const f of item.fields) {
          const id = `${inputId}-${i}-${slug(f.path)}`;
          const path = base + f.path;
          const v = getAt(this.dossier, path);
          let input;
          if (f.widget === "choice") {
            input = el("select", { class: "fr-select", id, onchange: (e) => { if (e.target.value) setAt(this.dossier, path, e.target.value); else deleteAt(this.dossier, path); this.changed(); } },
              el("option", { value: "", text: "— Non renseigné —" }), f.options.map((o) => el("option", { value: o.value, text: o.label })));
            input.value = v || "";
          } else if (f.widget === "multichoice") {
            input = el("select", { class: "fr-select clsm-multi", id, multiple: true, size: Math.min(6, f.options.length),
              onchange: (e) => { const vals = [...e.target.selectedOptions].map((o) => o.value); if (vals.length) setAt(this.dossier, path, vals); else deleteAt(this.dossier, path); this.changed(); } },
              f.options.map((o) => el("option", { value: o.value, text: o.label, selected: Array.isArray(v) && v.includes(o.value) })));
          } else if (f.widget === "yesno") {
            input = el("select", { class: "fr-select", id, onchange: (e) => { if (e.target.value === "") deleteAt(this.dossier, path); else setAt(this.dossier, path, e.target.value === "true"); this.changed(); } },
              el("option", { value: "", text: "Je ne sais pas" }), el("option", { value: "true", text: "Oui" }), el("option", { value: "false", text: "Non" }));
            input.value = v === true ? "true" : v === false ? "false" : "";
          } else {
            const isNumber = f.widget === "number" || f.widget === "integer";
            const isDate = f.widget === "date" || f.widget === "date_or_never";
            input = el("input", { class: "fr-input", id, type: "text", inputmode: isNumber ? "decimal" : undefined, maxlength: f.maxLength || undefined,
              placeholder: isDate ? "JJ/MM/AAAA" : undefined, autocomplete: isDate ? "off" : undefined,
              value: this.raw[path] !== undefined ? this.raw[path] : v === undefined ? "" : isDate ? frenchDateText(v) : String(v).replace(".", isNumber ? "," : "."),
              oninput: (e) => { this.setScalar({ ...f, path }, e.target.value); this.changed(); } });
          }
          box.append(el("div", { class: "clsm-list-field" }, el("label", { class: "fr-label", for: id }, f.title, f.required ? " (obligatoire)" : "",
            f.widget === "date" || f.widget === "date_or_never" ? el("span", { class: "fr-hint-text" }, "JJ/MM/AAAA") : null), input));
        }
        row.append(box);
      }
      row.append(el("button", {
        type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm", "aria-label": `Retirer l'élément n° ${i + 1} de « ${item.title} »`,
        onclick: () => { for (const k of Object.keys(this.raw)) if (k.startsWith(item.path + "/")) delete this.raw[k]; items.splice(i, 1); if (items.length) setAt(this.dossier, item.path, items); else deleteAt(this.dossier, item.path); this.renderList(node, describedBy, help); this.changed(); },
      }, "Retirer"));
      fieldset.append(row);
    });
    const addLabel = item.widget === "dates" ? "Ajouter une date" : "Ajouter un élément";
    fieldset.append(el("div", { class: "fr-fieldset__element clsm-list-actions" },
      el("button", {
        type: "button", class: "fr-btn fr-btn--secondary fr-btn--sm", disabled: none,
        onclick: () => {
          const arr = Array.isArray(getAt(this.dossier, item.path)) ? getAt(this.dossier, item.path) : [];
          arr.push(item.widget === "dates" ? "" : {});
          setAt(this.dossier, item.path, arr);
          this.renderList(node, describedBy, help);
          this.changed();
          const rows = node.wrapper.querySelectorAll(".clsm-list-item");
          rows[rows.length - 1]?.querySelector("input, select")?.focus();
        },
      }, addLabel),
      el("div", { class: "fr-checkbox-group fr-checkbox-group--sm" },
        el("input", {
          type: "checkbox", id: `${inputId}-none`, checked: none, disabled: items.length > 0,
          onchange: (e) => { if (e.target.checked) setAt(this.dossier, item.path, []); else deleteAt(this.dossier, item.path); this.renderList(node, describedBy, help); this.changed(); document.getElementById(`${inputId}-none`)?.focus(); },
        }),
        el("label", { class: "fr-label", for: `${inputId}-none` }, item.widget === "dates" ? "Aucune pour l'instant" : "Aucun pour l'instant"))));
    wrapper.append(fieldset, node.error);
    this.renderRulesMarker(node);
  }

  // --- steps -----------------------------------------------------------------

  readShowAll() {
    try {
      return localStorage.getItem(`${this.storageKey}-affichage`) === "tout";
    } catch (e) {
      return false;
    }
  }

  toggleShowAll() {
    this.showAll = !this.showAll;
    try {
      if (this.showAll) localStorage.setItem(`${this.storageKey}-affichage`, "tout");
      else localStorage.removeItem(`${this.storageKey}-affichage`);
    } catch (e) { /* the choice holds for this visit */ }
    this.renderStepper();
    this.allToggle.focus();
  }

  /** Les chemins que lit une règle qui s'applique au dossier (ni « sans objet »), d'après le dernier rapport. */
  livePaths() {
    if (!this.report) return null;
    const out = [];
    for (const f of this.report.findings) {
      if (f.outcome === "not_applicable") continue;
      out.push(...(f.paths || []), ...(f.missing || []));
    }
    return out;
  }

  /**
   * Une section s'applique si l'une de ses questions est affichée et, une fois le verdict
   * calculé, si l'une d'elles nourrit une règle du référentiel qui s'applique à ce stade.
   */
  sectionApplies(s, live) {
    const visible = s.nodes.filter((n) => !n.wrapper.hidden);
    if (!visible.length) return false;
    if (!live || s === this.questionnaire.sections[0]) return true;
    // The stage, and any answer that shows other questions, always matter.
    if (visible.some((n) => n.item.path === "/stage" || this.items.some((o) => o.item.showIf && o.item.showIf.path === n.item.path))) return true;
    return visible.some((n) => { const p = n.item.path; return live.some((x) => x === p || x.startsWith(p + "/") || p.startsWith(x + "/")); });
  }

  decisivePaths() {
    return this.report ? this.report.decisiveQuestions.map((q) => q.path) : [];
  }

  renderStepper() {
    if (!this.questionnaire) return;
    const sections = this.questionnaire.sections;
    const live = this.livePaths();
    const decisive = this.decisivePaths();
    let index = 0;
    const rows = sections.map((s, i) => {
      const visible = s.nodes.filter((n) => !n.wrapper.hidden);
      const done = visible.filter((n) => answered(getAt(this.dossier, n.item.path))).length;
      s.applies = this.sectionApplies(s, live);
      s.decisive = visible.some((n) => decisive.some((x) => x === n.item.path || x.startsWith(n.item.path + "/")));
      if (s.id === this.step) index = i;
      return [s, visible.length, done];
    });
    // The list of steps is drawn again only when one of its lines changes.
    const key = JSON.stringify([this.step, this.showAll, rows.map(([s, shown, done]) => [s.id, shown, done, s.applies, s.decisive])]);
    if (key !== this.stepperKey || !this.stepList.firstChild) {
      this.stepperKey = key;
      this.stepList.textContent = "";
      for (const [s, shown, done] of rows) {
        const current = s.id === this.step && !this.showAll;
        this.stepList.append(el("li", { class: `clsm-steplist__item${s.applies ? "" : " clsm-steplist__item--skipped"}` },
          el("a", {
            href: `#${s.sid}`, class: "fr-link clsm-steplist__link", "aria-current": current ? "step" : undefined,
            onclick: (e) => { e.preventDefault(); this.goTo(s.id, true); },
          }, s.title),
          el("span", { class: "clsm-steplist__info" },
            ` ${done}/${shown}`, el("span", { class: "clsm-sr-only" }, ` (${count(done, "question renseignée", "questions renseignées")} sur ${shown})`),
            s.decisive ? el("span", { class: "fr-badge fr-badge--sm clsm-tag-decisive" }, "décisive") : null,
            s.applies ? null : el("span", { class: "fr-badge fr-badge--sm clsm-tag-skipped" }, "sans objet"))));
      }
    }
    const cur = sections[index];
    for (const s of sections) s.el.hidden = !this.showAll && s !== cur;
    this.allToggle.setAttribute("aria-pressed", String(this.showAll));
    this.allToggle.textContent = this.showAll ? "Afficher une étape à la fois" : "Tout afficher sur une page";
    this.root.classList.toggle("clsm-form--all", this.showAll);
    if (!cur) return;
    const applicable = sections.filter((s) => s.applies || s === cur);
    const pos = applicable.indexOf(cur);
    const prev = this.neighbour(-1);
    const next = this.neighbour(1);
    this.stepState.textContent = this.showAll ? `Toutes les étapes (${sections.length})` : `Étape ${pos + 1} sur ${applicable.length}\u00a0: ${cur.title}`;
    this.stepBar.dataset.frCurrentStep = String(pos + 1);
    this.stepBar.dataset.frSteps = String(applicable.length);
    this.stepBar.style.setProperty("--clsm-done", String(applicable.length ? (pos + 1) / applicable.length : 0));
    this.stepDetails.textContent = "";
    if (!this.showAll && next) this.stepDetails.append(el("span", { class: "fr-text--bold" }, "Étape suivante\u00a0:"), ` ${next.title}`);
    this.prevButton.hidden = this.showAll || !prev;
    this.nextButton.hidden = this.showAll || !next;
    if (prev) this.prevButton.textContent = `Étape précédente\u00a0: ${prev.title}`;
    if (next) this.nextButton.textContent = `Étape suivante\u00a0: ${next.title}`;
  }

  /** La section qui s'applique avant (dir = -1) ou après (dir = 1) l'étape courante, ou null. */
  neighbour(dir) {
    const sections = this.questionnaire ? this.questionnaire.sections : [];
    let i = sections.findIndex((s) => s.id === this.step);
    for (i += dir; i >= 0 && i < sections.length; i += dir) {
      if (sections[i].applies) return sections[i];
    }
    return null;
  }

  moveStep(dir) {
    const s = this.neighbour(dir);
    if (s) this.goTo(s.id, true);
  }

  /** Affiche l'étape id ; push : l'ajoute à l'historique (l'adresse garde l'étape). */
  goTo(id, push, focus = true) {
    const s = this.questionnaire.sections.find((x) => x.id === id);
    if (!s) return;
    this.step = id;
    if (push) {
      try {
        if (location.hash !== `#${s.sid}`) history.pushState(null, "", `#${s.sid}`);
      } catch (e) { /* a sandboxed page: the step is still shown */ }
    }
    this.renderStepper();
    if (!focus) return;
    const target = this.showAll ? s.el : this.root.querySelector(`#${this.p}-stepper`);
    target.scrollIntoView({ block: "start" });
    s.el.querySelector(".clsm-section-title").focus({ preventScroll: true });
  }

  /** Suit l'adresse : « #clsm1-s-gouvernance » ouvre cette étape, « #clsm1-q-… » celle de la question. */
  followHash(initial) {
    if (!this.questionnaire) return;
    const id = decodeURIComponent((location.hash || "").slice(1));
    if (!id.startsWith(`${this.p}-`)) {
      if (!initial && !id) {
        const first = this.questionnaire.sections[0];
        if (first && this.step !== first.id) this.goTo(first.id, false, false);
      }
      return;
    }
    const s = this.questionnaire.sections.find((x) => x.sid === id) || (this.items.find((n) => n.id === id) || {}).section;
    if (s && s.id !== this.step) this.goTo(s.id, false, !initial);
  }

  // --- live assessment -------------------------------------------------------

  changed() {
    const dep = getAt(this.dossier, "/territory/department");
    if (dep !== this.lastDept) {
      this.lastDept = dep;
      const sw = this.regionReferential(false);
      if (sw) {
        // The questions of the new referential take the place of the old
        // ones; the field in use keeps the focus.
        const active = document.activeElement && this.root.contains(document.activeElement) ? document.activeElement.id : "";
        this.selectReferentialOption();
        this.save();
        this.loadQuestionnaire();
        this.showReferentialSwitch(sw);
        const again = active && this.root.querySelector(`#${CSS.escape(active)}`);
        if (again) again.focus({ preventScroll: true });
        return;
      }
    }
    this.save();
    this.refresh();
  }

  refresh() {
    this.generation++;
    // Show or hide the questions that depend on an answer.
    for (const node of this.items) {
      const cond = node.item.showIf;
      node.wrapper.hidden = !!cond && !cond.in.some((v) => getAt(this.dossier, cond.path) === v);
    }
    this.updateRulesMarkers();
    if (!this.api) {
      this.renderStepper(); // with the checker, once the report is in (below): it marks the decisive steps
      this.summary.textContent = "Chargement du vérificateur… Vous pouvez déjà répondre : vos réponses sont enregistrées au fur et à mesure.";
      return;
    }
    this.requestVerdict();
  }

  /**
   * Demande au vérificateur le résultat des réponses actuelles. Une demande à la fois : les
   * réponses données pendant le calcul sont évaluées ensemble à son retour, et seul le
   * résultat des dernières est affiché.
   */
  async requestVerdict() {
    if (this.verdictBusy) {
      this.verdictAgain = true;
      return;
    }
    this.verdictBusy = true;
    clearTimeout(this.printTimer);
    this.printTimer = 0;
    try {
      do {
        this.verdictAgain = false;
        if (this.unchecked && (await this.checkRestored())) {
          // The saved dossier was set aside: show the questions again, empty.
          this.loadQuestionnaire();
          this.verdictAgain = true;
          continue;
        }
        // With the text typed but not yet a value (pending): a dossier to correct, never a level.
        const res = await this.ask("assess", this.exported(), this.refSpec(), this.date);
        if (!this.verdictAgain) this.showVerdict(res);
      } while (this.verdictAgain);
    } finally {
      this.verdictBusy = false;
      this.schedulePrintable();
      this.wakeSettled();
    }
  }

  /** Affiche le résultat d'une évaluation (la réponse de assess). */
  showVerdict(res) {
    this.assessed = true;
    if (res.error) {
      this.report = null;
      this.problems = res.error.problems || [];
      this.renderSummaryError(res.error);
    } else {
      this.report = res.value.report;
      this.problems = res.value.problems || [];
      this.renderSummary();
    }
    this.renderBar(res.error);
    this.renderStepper();
    this.renderProblems();
    // The comparison assesses both dossiers again: done once typing pauses,
    // at once the first time; without a baseline there is nothing to redo.
    clearTimeout(this.compareTimer);
    this.compareTimer = null;
    if (!this.cmp) this.renderComparison(res.error);
    else if (this.baseline) {
      this.compareTimer = setTimeout(() => {
        this.compareTimer = null;
        this.renderComparison(res.error);
        this.wakeSettled();
      }, 300);
    }
    // Told once the whole page shows the new verdict; a dossier to correct
    // (an invalid answer, or text typed that is not yet a value) has none.
    if (!res.error) this.root.dispatchEvent(new CustomEvent("clsm-report", { detail: this.report, bubbles: true, composed: true }));
    else if (res.error.code === "invalid_dossier") {
      this.root.dispatchEvent(new CustomEvent("clsm-invalid", { detail: { code: res.error.code, message: res.error.message, problems: this.problems }, bubbles: true, composed: true }));
    }
    this.settleFirstVerdict();
  }

  renderProblems() {
    for (const node of this.items) {
      if (!node.invalid) continue;
      node.invalid = false;
      node.error.hidden = true;
      node.error.textContent = "";
      node.wrapper.classList.remove("fr-input-group--error", "clsm-question--error");
      for (const c of node.wrapper.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
    }
    for (const [path, text] of Object.entries(this.raw)) {
      const node = this.nodeFor(path);
      if (!node) continue;
      const item = node.item.path === path ? node.item : (node.item.fields || []).find((f) => path.endsWith(f.path));
      const isDate = ["date", "date_or_never", "dates"].includes(node.item.widget) || (item && ["date", "date_or_never"].includes(item.widget));
      if (isDate) {
        const res = parseFrenchDate(text);
        this.addError(node, `${res.error || "Cette date n'a pas encore été prise en compte\u00a0: retapez-la."} Ce que vous avez tapé est conservé, mais n'est pas pris en compte.`, path);
        continue;
      }
      if (!item || (item.widget !== "integer" && item.widget !== "number")) continue; // not a number question: kept, not shown
      const res = parseNumber(item, text);
      this.addError(node, res.error || "Ce nombre n'a pas encore été pris en compte : retapez-le.", path);
    }
    for (const prob of this.problems) {
      // A pending answer is shown beside its question by the loop above.
      if (prob.path && this.raw[prob.path] !== undefined) continue;
      const node = this.nodeFor(prob.path);
      if (node) this.addError(node, prob.message, prob.path);
      else this.showAlert(prob.message);
    }
    this.renderErrorSummary();
  }

  /** Une erreur sous sa question ; le champ en cause (la ligne d'une liste, s'il se trouve) est marqué aria-invalid. */
  addError(node, message, path) {
    node.invalid = true;
    node.error.hidden = false;
    node.error.append(el("span", { class: "clsm-error-line" }, message));
    node.wrapper.classList.add("fr-input-group--error", "clsm-question--error");
    let field = null;
    const rest = path && path !== node.item.path && path.startsWith(node.item.path + "/") ? path.slice(node.item.path.length + 1) : "";
    if (rest) {
      const [i, ...sub] = rest.split("/");
      const id = sub.length ? `${node.inputId}-${i}-${slug("/" + sub.join("/"))}` : `${node.inputId}-${i}`;
      field = document.getElementById(id);
    }
    const fields = field ? [field] : [...node.wrapper.querySelectorAll("input:not([type=checkbox]):not([type=radio]), select, textarea")].slice(0, 1);
    for (const f of fields) {
      f.setAttribute("aria-invalid", "true");
      const d = (f.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (!d.includes(node.errId)) f.setAttribute("aria-describedby", [...d, node.errId].join(" "));
    }
  }

  nodeFor(path) {
    if (this.nodeCache.has(path)) return this.nodeCache.get(path);
    let best = null;
    for (const node of this.items) {
      const p = node.item.path;
      if ((path === p || path.startsWith(p + "/")) && (!best || p.length > best.item.path.length)) best = node;
    }
    this.nodeCache.set(path, best);
    return best;
  }

  renderSummaryError(error) {
    this.summary.textContent = "";
    if (error.code === "invalid_dossier") {
      // An invalid dossier gets its problems as the verdict, never a level;
      // every answer is kept, each problem links to its question.
      put(this.summary, 
        el("p", { class: "clsm-verdict" }, el("span", { class: "fr-badge fr-badge--error clsm-badge clsm-badge--invalid", id: `${this.p}-readiness` }, error.message)),
        el("p", { class: "fr-text--sm" }, "Aucun verdict tant que ces réponses ne sont pas corrigées ; vos autres réponses sont conservées."),
        el("ul", { class: "clsm-invalid" }, (error.problems || []).slice(0, 20).map((p) => {
          const node = this.nodeFor(p.path || "");
          return el("li", {}, p.message, " ", node ? this.linkTo(node, "Corriger") : null);
        })));
      return;
    }
    put(this.summary, el("p", { class: "fr-error-text" }, problemText(error)));
  }

  /**
   * Le résumé du verdict. Il est fait de parties (en-tête, scores, prochaines étapes, questions
   * décisives, un groupe par résultat, repères nationaux), chacune refaite seulement si ce
   * qu'elle montre a changé ; une règle dont le constat n'a pas changé garde sa ligne.
   */
  renderSummary() {
    const r = this.report;
    const old = this.summaryParts || new Map();
    const parts = new Map();
    // A part: its elements, built again only when its key changes.
    const part = (name, key, build) => {
      const prev = old.get(name);
      const nodes = prev && prev.key === key ? prev.nodes : [build()].flat().filter((x) => x !== null && x !== undefined && x !== false);
      parts.set(name, { key, nodes });
      return nodes;
    };
    const levelClass = { ready: "fr-badge--success", almost_ready: "fr-badge--info", in_progress: "fr-badge--warning", incomplete: "fr-badge--new" }[r.readiness.level];
    const head = part("head", JSON.stringify([r.readiness, r.warnings, r.counts.missingAnswers]), () => [
      el("p", { class: "clsm-verdict" }, el("span", { class: `fr-badge ${levelClass} clsm-badge clsm-badge--${r.readiness.level}`, id: `${this.p}-readiness` }, r.readiness.label)),
      el("p", { class: "fr-text--sm" }, r.readiness.explanation),
      r.readiness.caveat ? el("p", { class: "fr-text--sm clsm-caveat" }, r.readiness.caveat) : null,
      r.readiness.stageMeaning && r.readiness.level !== "ready" ? el("p", { class: "fr-text--sm" }, r.readiness.stageMeaning) : null,
      ...(r.warnings || []).map((w) => el("p", { class: "fr-text--sm clsm-warning", role: "note" }, el("strong", {}, "Avertissement"), "\u00a0: ", w)),
      el("p", { class: "fr-text--sm" },
        r.readiness.compliance !== undefined ? `Exigences requises respectées parmi celles renseignées\u00a0: ${r.readiness.compliance}\u00a0%. ` : "",
        `Exigences requises renseignées\u00a0: ${r.readiness.confidence}\u00a0%. `,
        r.counts.missingAnswers ? `${count(r.counts.missingAnswers, "question sans réponse dont dépendent des règles", "questions sans réponse dont dépendent des règles")}.` : "Toutes les questions utiles sont renseignées."),
    ]);
    const axes = part("axes", JSON.stringify(r.axes), () => {
      const list = el("ul", { class: "clsm-axes" });
      for (const a of r.axes) {
        const applicable = a.met + a.unmet + a.unknown;
        if (!applicable) continue;
        const id = `${this.p}-axis-${a.axis}`;
        list.append(el("li", {},
          el("label", { for: id }, a.label, "\u00a0: ", a.score !== undefined ? `${a.score}\u00a0%` : "pas encore de réponse"),
          el("meter", { id, min: 0, max: 100, value: a.score !== undefined ? a.score : 0 })));
      }
      return [el("h3", { class: "fr-h6" }, "Scores par axe"), list];
    });

    // The steps come blocking first; the first five are shown, the others
    // in a collapsed list.
    const stepTarget = (s) => s.questions.map((q) => this.nodeFor(q.path)).find(Boolean);
    const step = (s) => {
      const target = stepTarget(s);
      return el("li", {},
        el("strong", {}, s.kind === "act" ? "À faire" : "À renseigner", s.blocking ? " (bloquant)" : ""), " — ", s.text, " ",
        target ? this.linkTo(target, "Aller à la question") : null);
    };
    // Blocking steps first, then those that answer a decisive question, then the rest.
    const decisive = new Set(r.decisiveQuestions.map((q) => q.path));
    const rank = (x) => (x.blocking ? 0 : x.questions.some((q) => decisive.has(q.path)) ? 1 : 2);
    const ordered = r.nextSteps.map((x, i) => [x, i]).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([x]) => x);
    const steps = part("steps", JSON.stringify(ordered.map((x) => [x, (stepTarget(x) || {}).id])), () => {
      const list = el("ol", { class: "clsm-steps" }, ordered.slice(0, STEPS_SHOWN).map(step));
      const more = ordered.length > STEPS_SHOWN ? el("details", { class: "clsm-more-steps" },
        el("summary", {}, `Et ${count(ordered.length - STEPS_SHOWN, "autre étape", "autres étapes")}`),
        el("ol", { class: "clsm-steps", start: STEPS_SHOWN + 1 }, ordered.slice(STEPS_SHOWN).map(step))) : null;
      return [el("h3", { class: "fr-h6" }, "Prochaines étapes"), r.nextSteps.length ? list : el("p", {}, r.counts.notDue ? `Rien à faire pour l'instant\u00a0: les règles qui s'appliquent sont respectées, et ${r.counts.notDue === 1 ? "1\u00a0règle n'est pas encore due" : `${count(r.counts.notDue, "règle", "règles")} ne sont pas encore dues`}.` : "Rien à faire\u00a0: toutes les règles qui s'appliquent sont respectées."), more];
    });

    const decisiveNodes = r.decisiveQuestions.map((q) => [q, this.nodeFor(q.path)]);
    const questions = part("decisive", JSON.stringify(decisiveNodes.map(([q, n]) => [q, n && n.id])), () => (decisiveNodes.length ? [
      el("h3", { class: "fr-h6" }, "Questions sans réponse qui peuvent changer le verdict"),
      el("ul", {}, decisiveNodes.map(([q, n]) => el("li", {}, n ? this.linkTo(n, q.title) : q.title)))] : []));

    // Rule by rule: a line per finding, kept while the finding and the
    // question it links to stay the same.
    const oldRows = this.findingRows || new Map();
    const rows = new Map();
    const findingRow = (f, outcome) => {
      const target = [...(f.missing || []), ...f.paths].map((p) => this.nodeFor(p)).find((n) => n && !n.wrapper.hidden) ||
        [...f.paths].map((p) => this.nodeFor(p)).find(Boolean);
      const key = `${JSON.stringify(f)}\u0000${target ? target.id : ""}`;
      const build = () => {
        let row = rows.get(key) || oldRows.get(key);
        if (row) {
          rows.set(key, row);
          return row;
        }
        row = el("li", { class: "clsm-finding", "data-rule": f.ruleId },
          el("p", {}, el("strong", {}, f.requirement), " ", el("span", { class: "fr-text--xs" }, `(${f.level === "required" ? "requis" : f.level === "recommended" ? "recommandé" : "bonne pratique"})`)),
          el("p", { class: "fr-text--sm" }, f.detail),
          f.dueOn ? el("p", { class: "fr-text--sm" }, "Exigible à partir du ", frenchDateText(f.dueOn), ".") : null,
          outcome === "unmet" ? el("p", { class: "fr-text--sm" }, "Conseil — ", f.advice) : null,
          el("p", { class: "fr-text--xs" }, "Source\u00a0: «\u00a0", f.citation.document, "\u00a0», ", f.citation.section),
          f.citation.quote ? el("blockquote", { class: "fr-text--xs" }, "«\u00a0", f.citation.quote, "\u00a0»") : null,
          target ? this.linkTo(target, "Aller à la question") : null);
        rows.set(key, row);
        return row;
      };
      if (oldRows.has(key)) build(); // kept: nothing to write
      return [key, build];
    };
    const groups = [];
    for (const [outcome, label] of OUTCOMES) {
      const list = r.findings.filter((f) => f.outcome === outcome);
      if (!list.length) continue;
      if (outcome === "not_applicable") {
        groups.push(...part(`group-${outcome}`, String(list.length), () => el("p", { class: "fr-text--sm clsm-findings-group clsm-findings-group--not_applicable" },
          `${label}\u00a0: ${count(list.length, "règle ne concerne", "règles ne concernent")} pas ce CLSM (stade, dispositif absent du territoire ou condition non réunie).`)));
        continue;
      }
      const lines = list.map((f) => findingRow(f, outcome));
      groups.push(...part(`group-${outcome}`, lines.map(([key]) => key).join("\u0001"), () => {
        // The rules of a closed group are written when it is opened: the
        // first verdict writes the unmet ones only.
        const ul = el("ul");
        const fill = () => {
          if (!ul.firstChild) ul.append(...lines.map(([, build]) => build()));
        };
        const open = outcome === "unmet";
        const box = el("details", { class: `clsm-findings-group clsm-findings-group--${outcome}`, open }, el("summary", {}, `${label} (${lines.length})`), ul);
        if (open) fill();
        else box.addEventListener("toggle", () => box.open && fill());
        return box;
      }));
    }
    this.findingRows = rows;
    if (!this.findingsBox) this.findingsBox = el("div", { class: "clsm-findings" });
    reconcile(this.findingsBox, groups);
    const findings = part("findings", "", () => [el("h3", { class: "fr-h6" }, "Règle par règle"), this.findingsBox]);
    const national = part("national", JSON.stringify(r.national || null), () => (Array.isArray(r.national) && r.national.length ? el("details", { class: "clsm-national" },
      // National survey figures beside the dossier: information with its
      // source, never a rule (the verdict does not read them).
      el("summary", {}, "Repères nationaux"),
      el("p", { class: "fr-text--sm" }, "Pour situer le CLSM parmi les autres, quelques chiffres des enquêtes nationales, avec leur source. Ce sont des repères, non des exigences\u00a0: ils n'entrent pas dans le verdict."),
      el("ul", {}, r.national.map((n) => el("li", { class: "fr-text--sm" },
        el("strong", {}, n.topic), "\u00a0: ", n.dossier, ". ", n.figure, " (", n.source, ", ", String(n.year), ")")))) : []));
    this.summaryParts = parts;
    reconcile(this.summary, [...head, ...axes, ...steps, ...questions, ...findings, ...national]);
  }

  /** La barre du verdict : niveau, règles requises respectées sur renseignées, la prochaine question décisive. */
  renderBar(error) {
    this.bar.textContent = "";
    const more = el("a", { href: `#${this.p}-summary`, class: "fr-link clsm-bar-more", onclick: (e) => { e.preventDefault(); this.openSummary(); } }, "Voir le détail du résultat");
    // The bar always names the referential the answers are judged by.
    const judgedBy = (name) => el("span", { class: "clsm-bar-ref", id: `${this.p}-bar-ref` }, "Cahier des charges\u00a0: ", name, ".");
    if (error || !this.report) {
      const label = error ? error.message : "Pas de verdict";
      put(this.bar, el("span", { class: "fr-badge fr-badge--error clsm-bar-badge clsm-badge--invalid" }, label), " ",
        el("span", { class: "clsm-bar-text" }, "Corrigez les réponses signalées pour obtenir un verdict."), " ", judgedBy(this.referentialInUse().name), " ", more);
      this.announce(`${label.replace(/[.\s]+$/, "")}.`, `error:${label}`); // « Dossier à corriger : … » names the verdict already
      return;
    }
    const r = this.report;
    const c = r.counts;
    const known = c.requiredMet + c.requiredUnmet;
    const all = known + c.requiredUnknown;
    const counts = `Exigences requises\u00a0: ${count(c.requiredMet, "respectée", "respectées")} sur ${count(known, "renseignée", "renseignées")} (${all} en tout)`;
    const decisive = r.decisiveQuestions.map((q) => [q, this.nodeFor(q.path)]).find(([, n]) => n);
    put(this.bar, 
      el("span", { class: `fr-badge clsm-bar-badge clsm-badge--${r.readiness.level}` }, r.readiness.label), " ",
      el("span", { class: "clsm-bar-text" }, `${counts}.`), " ",
      judgedBy(r.referential.name), " ",
      decisive ? el("span", { class: "clsm-bar-next" }, "Question décisive\u00a0: ", this.linkTo(decisive[1], decisive[0].title)) : null, " ",
      more);
    this.announce(`Verdict\u00a0: ${r.readiness.label}. ${counts}.`, `${r.readiness.level}:${c.requiredMet}:${known}:${all}`);
  }

  /**
   * Annonce le verdict dans la zone polie, une fois par changement : après une pause dans la
   * saisie, et seulement si le niveau ou ses décomptes ont changé. Le premier verdict n'est pas
   * annoncé (il est à l'écran dès l'arrivée).
   */
  announce(text, key) {
    if (this.announcedKey === undefined) {
      this.announcedKey = key;
      return;
    }
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      if (key === this.announcedKey) return;
      this.announcedKey = key;
      this.announcer.textContent = text;
    }, 800);
  }

  openSummary() {
    const title = this.root.querySelector(`#${this.p}-summary-title`);
    title.scrollIntoView({ block: "start" });
    title.focus({ preventScroll: true });
  }

  /** Le récapitulatif des erreurs, en tête : un lien vers chaque réponse à corriger. */
  renderErrorSummary() {
    const wrong = this.items.filter((n) => !n.error.hidden);
    this.errorSummary.textContent = "";
    this.errorSummary.hidden = !wrong.length;
    if (!wrong.length) return;
    this.errorSummary.append(
      el("h2", { class: "fr-alert__title fr-h6" }, wrong.length > 1 ? `${wrong.length} réponses à corriger` : "Une réponse à corriger"),
      el("ul", {}, wrong.map((n) => el("li", {}, this.linkTo(n, `${n.section ? n.section.title + " — " : ""}${n.item.title}`)))));
  }

  linkTo(node, text) {
    return el("a", {
      href: `#${node.id}`, class: "fr-link fr-text--sm clsm-goto",
      onclick: (e) => {
        e.preventDefault();
        this.focusQuestion(node);
      },
    }, text);
  }

  focusQuestion(node) {
    // A question hidden by its condition: show the one it depends on.
    if (node.wrapper.hidden && node.item.showIf) {
      const gate = this.nodeFor(node.item.showIf.path);
      if (gate) node = gate;
    }
    if (node.section && node.section.id !== this.step && !this.showAll) {
      this.step = node.section.id;
      try {
        history.pushState(null, "", `#${node.section.sid}`);
      } catch (e) { /* shown anyway */ }
      this.renderStepper();
    }
    node.wrapper.scrollIntoView({ block: "center" });
    const input = node.wrapper.querySelector("input[type=radio]:checked") ||
      node.wrapper.querySelector("input:not([type=radio]):not([disabled]), select, textarea, input, button");
    if (input) input.focus();
    node.wrapper.classList.add("clsm-question--target");
    setTimeout(() => node.wrapper.classList.remove("clsm-question--target"), 2000);
  }

  // --- actions -------------------------------------------------------------

  changeReferential() {
    // A choice of the person: kept, whatever the department says.
    this.refByHand = true;
    if (this.refNotice) this.referentialNotice();
    if (this.refSelect.value === "custom") {
      if (!this.needAPI()) {
        this.refSelect.value = this.referential;
        return;
      }
      if (this.custom) {
        this.referential = "custom";
      } else {
        this.refSelect.value = this.referential;
        this.refFile.click();
        return;
      }
    } else {
      this.referential = this.refSelect.value;
    }
    this.save();
    this.loadQuestionnaire();
  }

  async loadReferentialFile(e) {
    const file = e.target.files[0];
    e.target.value = "";
    if (!file) return;
    const text = await file.text();
    if (!this.needAPI()) return;
    const q = await this.ask("questionnaire", text);
    if (q.error) {
      this.showAlert(`Le référentiel « ${file.name} » ne peut pas être utilisé. ${problemText(q.error)}`);
      return;
    }
    this.custom = text;
    this.referential = "custom";
    this.selectReferentialOption();
    this.showAlert("");
    this.save();
    this.loadQuestionnaire();
  }

  /** Utilise un référentiel personnalisé (JSON) ; promesse de l'erreur éventuelle, ou de null. */
  async setCustomReferential(json) {
    if (!this.api) return { message: "Le vérificateur n'est pas encore chargé." };
    const q = await this.ask("questionnaire", json);
    if (q.error) return q.error;
    this.custom = json;
    this.referential = "custom";
    this.selectReferentialOption();
    this.save();
    this.loadQuestionnaire();
    return null;
  }

  changeDate() {
    const res = parseFrenchDate(this.dateInput.value);
    this.dateError.hidden = !res.error;
    this.dateError.textContent = res.error ? `${res.error} La date retenue reste le ${frenchDateText(this.date)}.` : "";
    if (res.error) this.dateInput.setAttribute("aria-invalid", "true");
    else this.dateInput.removeAttribute("aria-invalid");
    if (res.error) return;
    const v = res.value;
    this.dateInput.value = frenchDateText(v);
    this.date = v;
    this.dateChosen = true;
    this.save();
    this.refresh();
  }

  hasAnswers() {
    return Object.keys(this.dossier).some((k) => k !== "schemaVersion");
  }

  /**
   * Demande confirmation avant de remplacer les réponses, dans une vraie boîte de dialogue :
   * le choix sans risque (« Annuler ») a le focus, Échap ferme, le focus revient au bouton
   * d'origine ; « Exporter d'abord » télécharge le dossier sans fermer la boîte.
   */
  confirm(message, action, confirmLabel, opener) {
    if (!this.hasAnswers()) {
      action();
      return;
    }
    this.dialogReturn = opener || document.activeElement;
    this.dialog.textContent = "";
    const close = () => this.dialog.close();
    const cancel = el("button", { type: "button", class: "fr-btn fr-btn--secondary", onclick: close }, "Annuler");
    this.dialog.append(
      el("h2", { class: "fr-h5", id: `${this.p}-dialog-title` }, "Remplacer vos réponses\u00a0?"),
      el("p", { id: `${this.p}-dialog-text` }, message),
      el("ul", { class: "fr-btns-group fr-btns-group--inline" },
        el("li", {}, cancel),
        el("li", {}, el("button", { type: "button", class: "fr-btn fr-btn--secondary", onclick: () => this.exportFile() }, "Exporter d'abord mon dossier")),
        el("li", {}, el("button", { type: "button", class: "fr-btn clsm-dialog-confirm", onclick: () => { close(); action(); } }, confirmLabel))));
    if (typeof this.dialog.showModal === "function") this.dialog.showModal();
    else this.dialog.setAttribute("open", "");
    cancel.focus();
  }

  askReset(opener) {
    this.confirm("Toutes vos réponses seront effacées de ce navigateur. Exportez d'abord votre dossier si vous voulez le garder.", () => this.reset(), "Tout effacer", opener);
  }

  reset() {
    this.setDossier({ schemaVersion: DOSSIER_VERSION }, "reset");
    this.status.textContent = "Réponses effacées.";
  }

  askLoadExample(opener) {
    this.confirm("Vos réponses seront remplacées par le dossier d'exemple. Exportez d'abord votre dossier si vous voulez le garder.", () => this.loadExample(), "Remplacer par l'exemple", opener);
  }

  async loadExample() {
    if (!this.needAPI()) return;
    const res = await this.ask("example", this.exampleSelect.value);
    if (res.error) {
      this.showAlert(res.error.message);
      return;
    }
    await this.setDossier(res.value, "new");
  }

  /**
   * Remplace le dossier (objet) et enregistre. Un dossier du format courant est en place au
   * retour ; un format plus ancien l'est une fois mis au format courant (la promesse rendue).
   * Les réponses en attente du fichier (clé « pending ») redeviennent des saisies en attente,
   * affichées à leur question. how : « new » pour un autre dossier (un exemple, un import), qui
   * passe au référentiel de sa région même si la personne en avait choisi un ; « set » (la page
   * hôte) y passe sauf choix de la personne ; « reset » garde le référentiel.
   */
  async setDossier(dossier, how = "set") {
    this.dossier = isPlainObject(dossier) ? dossier : { schemaVersion: DOSSIER_VERSION };
    const pending = pendingOf(this.dossier.pending);
    delete this.dossier.pending;
    if (!this.dossier.schemaVersion) this.dossier.schemaVersion = DOSSIER_VERSION;
    if (this.needsUpgrade()) await this.upgradeDossier();
    this.raw = pending;
    this.liftNumbers(this.dossier, "");
    this.showAlert("");
    this.lastDept = getAt(this.dossier, "/territory/department");
    if (how === "new") this.refByHand = false;
    const sw = how === "reset" ? null : this.regionReferential(how === "new");
    if (sw) this.selectReferentialOption();
    else if (this.refNotice) this.referentialNotice();
    this.save();
    this.loadQuestionnaire();
    if (sw) this.showReferentialSwitch(sw);
  }

  /**
   * Le dossier tel qu'il est exporté : les réponses, et sous « pending » le texte tapé qui n'est
   * pas encore un nombre ou une date (rien de ce qui est tapé n'est perdu). Un fichier qui a des
   * réponses en attente est un dossier à corriger, pour le vérificateur comme pour l'outil en
   * ligne de commande.
   */
  exported() {
    if (!Object.keys(this.raw).length) return this.dossier;
    return { ...this.dossier, pending: { ...this.raw } };
  }

  /** Le dossier courant, tel qu'il est exporté (une copie). */
  getDossier() {
    return JSON.parse(JSON.stringify(this.exported()));
  }

  exportFile() {
    let text;
    try {
      text = JSON.stringify(this.exported(), null, 2) + "\n";
    } catch (err) {
      this.showAlert("Le dossier n'a pas pu être mis en forme pour l'export (une valeur n'est pas représentable en JSON).");
      return;
    }
    const name = (typeof this.dossier.name === "string" ? this.dossier.name : "clsm").normalize("NFD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 60) || "clsm";
    this.download(text, `dossier-${name}-${this.date}.json`, "Dossier exporté");
  }

  /** Fait télécharger un texte JSON sous un nom de fichier. */
  download(text, filename, done) {
    try {
      const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: filename });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      this.status.textContent = `${done} (${filename}).`;
    } catch (err) {
      this.showAlert(`Le fichier ${filename} n'a pas pu être créé : ${frenchReason(err)}.`);
    }
  }

  async importFile(e) {
    const file = e.target.files[0];
    e.target.value = "";
    if (!file) return;
    if (file.size > MAX_FILE) {
      this.showAlert(`« ${file.name} » est trop gros pour être un dossier (${frenchNumber(Math.ceil(file.size / 1024))}\u00a0Kio ; au plus ${frenchNumber(MAX_FILE / 1024)}\u00a0Kio) ; vos réponses actuelles sont conservées.`);
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch (err) {
      this.showAlert(`« ${file.name} » n'a pas pu être lu : ${frenchReason(err)} ; vos réponses actuelles sont conservées.`);
      return;
    }
    this.importText(text, `Le fichier « ${file.name} »`);
  }

  /**
   * Importe un dossier JSON (texte) ; les réponses actuelles ne sont remplacées que si le
   * vérificateur sait le lire. Un dossier lisible mais aux réponses invalides est importé :
   * il est alors affiché « à corriger », réponse par réponse. Promesse de vrai si le dossier
   * est proposé au remplacement.
   */
  async importText(text, name = "Le fichier") {
    if (!this.needAPI()) return false;
    if (typeof text !== "string" || text.length > MAX_FILE) {
      this.showAlert(`${name} est trop gros pour être un dossier\u00a0; vos réponses actuelles sont conservées.`);
      return false;
    }
    const res = await this.ask("assess", text, this.defaultRef(), this.date);
    if (res.error && res.error.code !== "invalid_dossier") {
      this.showAlert(`${name} n'est pas un dossier lisible ; vos réponses actuelles sont conservées. ${problemText(res.error)}`);
      return false;
    }
    let dossier;
    try {
      dossier = JSON.parse(text);
    } catch (err) {
      this.showAlert(`${name} n'est pas du JSON lisible ; vos réponses actuelles sont conservées.`);
      return false;
    }
    if (!isPlainObject(dossier)) {
      this.showAlert(`${name} n'est pas un dossier (un objet JSON est attendu) ; vos réponses actuelles sont conservées.`);
      return false;
    }
    this.confirm(`Vos réponses seront remplacées par celles de ${name.replace(/^Le /, "le ")}. Exportez d'abord votre dossier si vous voulez le garder.`, async () => {
      await this.setDossier(dossier, "new");
      const pending = Object.keys(this.raw).length;
      this.status.textContent = `Dossier importé depuis ${name}.` + (pending === 1
        ? " Une réponse en attente est reprise telle que tapée\u00a0: corrigez-la pour obtenir un verdict."
        : pending > 1 ? ` ${pending}\u00a0réponses en attente sont reprises telles que tapées\u00a0: corrigez-les pour obtenir un verdict.` : "");
    }, "Remplacer par le dossier importé", this.root.querySelector(`#${this.p}-import-btn`));
    return true;
  }

  /** Bouton « Imprimer le rapport » : le rapport des réponses actuelles, puis la boîte d'impression. */
  async print() {
    if (!this.needAPI()) return;
    const res = await this.ask("render", this.exported(), this.refSpec(), this.date, "html");
    if (!this.showPrintable(res, "")) return;
    this.printingByButton = true;
    window.print();
  }

  /**
   * Fait écrire par le vérificateur, une fois les réponses inchangées depuis PRINT_QUIET_MS,
   * le rapport à imprimer : Ctrl+P (beforeprint) ne peut pas attendre le vérificateur.
   */
  schedulePrintable() {
    clearTimeout(this.printTimer);
    this.printTimer = setTimeout(async () => {
      const generation = this.generation;
      const res = await this.ask("render", this.exported(), this.refSpec(), this.date, "html");
      this.printable = { res, generation };
      this.printTimer = 0;
      this.wakeSettled();
    }, PRINT_QUIET_MS);
  }

  /**
   * Ctrl+P : met dans la zone d'impression le rapport écrit après les dernières réponses ; si
   * une réponse l'a suivi de trop près, le rapport précédent, avec un avertissement.
   */
  preparePrint() {
    if (this.printingByButton) return true; // print() has put the report in place
    if (printing && printing !== this) return false;
    if (!this.api || !this.root.isConnected) return false;
    const ready = this.printable;
    if (!ready) {
      const res = { value: `<!DOCTYPE html><title>Rapport</title><p>Le rapport n'est pas encore prêt\u00a0: fermez cette fenêtre et utilisez le bouton «\u00a0Imprimer le rapport\u00a0».</p>` };
      return this.showPrintable(res, "");
    }
    const stale = ready.generation !== this.generation
      ? "Ce rapport ne compte pas vos toutes dernières réponses\u00a0: pour l'imprimer à jour, utilisez le bouton «\u00a0Imprimer le rapport\u00a0»."
      : "";
    return this.showPrintable(ready.res, stale);
  }

  /**
   * Met le rapport HTML du vérificateur (res, la réponse de render), avec ses styles, dans la
   * zone d'impression, placée directement sous <body> : la feuille d'impression ne montre
   * alors qu'elle (bouton « Imprimer » comme Ctrl+P) ; warning, s'il n'est pas vide, est
   * imprimé en tête. Renvoie faux si le rapport n'a pas pu être produit.
   */
  showPrintable(res, warning) {
    if (printing && printing !== this) return false;
    if (!this.root.isConnected) return false;
    if (res.error && res.error.code !== "invalid_dossier") {
      this.showAlert(problemText(res.error));
      return false;
    }
    printing = this;
    const doc = res.error ? this.invalidPrintable(res.error) : new DOMParser().parseFromString(res.value, "text/html");
    // The report is a page of its own: inside this page its header, main and
    // footer would be second landmarks of the same kind; they become plain blocks.
    for (const old of doc.body.querySelectorAll("header, main, footer, nav, aside")) {
      const block = doc.createElement("div");
      for (const a of old.attributes) block.setAttribute(a.name, a.value);
      block.classList.add(`clsm-report-${old.tagName.toLowerCase()}`);
      block.append(...old.childNodes);
      old.replaceWith(block);
    }
    this.printArea.textContent = "";
    for (const style of doc.head.querySelectorAll("style")) this.printArea.append(el("style", {}, style.textContent));
    if (warning) this.printArea.append(el("p", { class: "clsm-print-warning" }, warning));
    for (const part of doc.body.children) this.printArea.append(document.importNode(part, true));
    document.body.append(this.printArea);
    this.printArea.hidden = false;
    document.body.classList.add("clsm-printing");
    return true;
  }

  /**
   * Le rapport imprimé d'un dossier à corriger (une réponse invalide, ou un texte tapé qui n'est
   * pas encore un nombre ou une date) : pas de verdict, les réponses à corriger, chacune avec sa
   * question, comme le résumé à l'écran.
   */
  invalidPrintable(error) {
    const doc = document.implementation.createHTMLDocument("Rapport d'auto-évaluation");
    const name = typeof this.dossier.name === "string" && this.dossier.name.trim() ? this.dossier.name : "CLSM sans nom";
    const line = (p) => {
      const node = p.path ? this.nodeFor(p.path) : null;
      return node ? `${node.item.title}\u00a0: ${p.message}` : p.message;
    };
    const h = (tag, text, cls) => {
      const e = doc.createElement(tag);
      e.textContent = text;
      if (cls) e.className = cls;
      return e;
    };
    const list = doc.createElement("ul");
    for (const p of error.problems || []) list.append(h("li", line(p)));
    doc.body.append(
      h("h1", `Auto-évaluation — ${name}`),
      h("p", `Cahier des charges\u00a0: ${this.referentialInUse().name}. Évalué le ${frenchDateText(this.date)}.`),
      h("p", error.message, "clsm-print-invalid"),
      h("p", "Aucun verdict tant que ces réponses ne sont pas corrigées\u00a0; vos autres réponses sont conservées."),
      list);
    return doc;
  }

  endPrint() {
    if (printing !== this) return;
    printing = null;
    this.printingByButton = false;
    document.body.classList.remove("clsm-printing");
    this.printArea.hidden = true;
    this.printArea.textContent = "";
  }

  /** Le pied du formulaire : déclaration d'accessibilité, mentions légales, données personnelles (liens que l'ARS fixe). */
  footer() {
    const l = this.links || {};
    const items = [
      [l.accessibility, "Déclaration d'accessibilité"],
      [l.legal, "Mentions légales"],
      [l.privacy, "Données personnelles"],
    ].filter(([href]) => href);
    if (!items.length) return null;
    return el("ul", { class: "clsm-form-footer" }, items.map(([href, text]) => el("li", {}, el("a", { href, class: "fr-footer__bottom-link" }, text))));
  }

  // --- the rules behind a question ---------------------------------------------

  /** Les règles du référentiel décrites par le questionnaire, par identifiant. */
  ruleSummaries() {
    const q = this.questionnaire;
    if (!q) return new Map();
    if (!q.ruleMap) q.ruleMap = new Map((q.rules || []).map((r) => [r.id, r]));
    return q.ruleMap;
  }

  /**
   * Le repère « Compte pour N règles » d'une question que lisent des règles du référentiel :
   * un bouton (aria-expanded) qui déplie la liste de ces règles, avec leur texte source.
   */
  renderRulesMarker(node) {
    const ids = node.item.rules || [];
    if (!ids.length) return;
    if (!node.rulesBox) {
      const listId = `${node.id}-rules`;
      node.rulesToggle = el("button", {
        type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm clsm-rules-toggle", "aria-expanded": "false", "aria-controls": listId,
        onclick: () => this.toggleRules(node),
      });
      node.rulesList = el("div", { class: "clsm-rules-list", id: listId, hidden: true });
      node.rulesBox = el("div", { class: "clsm-rules" }, node.rulesToggle, node.rulesList);
      node.rulesToggle.textContent = this.rulesMarkerText(ids);
    }
    node.wrapper.append(node.rulesBox);
  }

  /**
   * « Compte pour 3 règles, dont 1 requise pour « prêt » » : les règles requises sont celles qui
   * s'appliquent au stade du dossier (à tous les stades tant qu'il n'est pas dit).
   */
  rulesMarkerText(ids) {
    const rules = this.ruleSummaries();
    const stage = getAt(this.dossier, "/stage");
    const required = ids.map((id) => rules.get(id)).filter((r) => r && r.level === "required" && (typeof stage !== "string" || (r.stages || []).includes(stage))).length;
    const text = `Compte pour ${count(ids.length, "règle", "règles")}`;
    const ready = "pour «\u00a0prêt\u00a0»";
    if (!required) return text;
    if (ids.length === 1) return `${text}, requise ${ready}`;
    if (required === ids.length) return `${text}, toutes requises ${ready}`;
    return `${text}, dont ${count(required, "requise", "requises")} ${ready}`;
  }

  /** Ouvre ou ferme la liste des règles d'une question. */
  toggleRules(node) {
    const open = node.rulesToggle.getAttribute("aria-expanded") !== "true";
    if (open) this.fillRulesList(node);
    node.rulesToggle.setAttribute("aria-expanded", String(open));
    node.rulesList.hidden = !open;
  }

  /** La liste des règles d'une question : exigence, niveau, stades, source et texte cité, comme dans le rapport. */
  fillRulesList(node) {
    const rules = this.ruleSummaries();
    const stage = getAt(this.dossier, "/stage");
    const stageItem = this.items && this.items.find((n) => n.item.path === "/stage");
    const stageLabel = (s) => {
      const o = stageItem && (stageItem.item.options || []).find((x) => x.value === s);
      return o ? lowerFirst(o.label) : s;
    };
    node.rulesList.textContent = "";
    node.rulesList.append(
      el("p", { class: "fr-text--sm" }, "Règles du cahier des charges qui tiennent compte de cette réponse\u00a0:"),
      el("ul", { class: "clsm-rules-items" }, node.item.rules.map((id) => rules.get(id)).filter(Boolean).map((r) => {
        const elsewhere = typeof stage === "string" && !(r.stages || []).includes(stage);
        return el("li", { class: "clsm-rule", "data-rule": r.id },
          el("p", {}, el("strong", {}, r.requirement), " ", el("span", { class: "fr-text--xs clsm-rule-level" }, `(${lowerFirst(r.levelLabel)})`)),
          elsewhere ? el("p", { class: "fr-text--xs" }, `Ne s'applique pas au stade «\u00a0${stageLabel(stage)}\u00a0», seulement ${(r.stages || []).map((s) => `«\u00a0${stageLabel(s)}\u00a0»`).join(", ")}.`) : null,
          el("p", { class: "fr-text--xs" }, "Source\u00a0: «\u00a0", r.citation.document, "\u00a0», ", r.citation.section),
          r.citation.quote ? el("blockquote", { class: "fr-text--xs" }, "«\u00a0", r.citation.quote, "\u00a0»") : null);
      })));
  }

  /** Met à jour les repères quand le stade du dossier change (les règles requises en dépendent). */
  updateRulesMarkers() {
    const stage = getAt(this.dossier, "/stage");
    if (stage === this.markerStage || !this.items) return;
    this.markerStage = stage;
    for (const node of this.items) {
      if (!node.rulesToggle) continue;
      node.rulesToggle.textContent = this.rulesMarkerText(node.item.rules);
      if (node.rulesToggle.getAttribute("aria-expanded") === "true") this.fillRulesList(node);
    }
  }

  // --- this year against last year -------------------------------------------

  /** La clé du stockage local où est gardé le dossier de référence (l'export de l'an dernier). */
  baselineKey() {
    return `${this.storageKey}-comparaison`;
  }

  /** Relit du stockage local le dossier de référence : {name, date, origin, dossier}, ou null. */
  readBaseline() {
    let text = null;
    try {
      text = localStorage.getItem(this.baselineKey());
    } catch (e) {
      return null;
    }
    if (text === null) return null;
    try {
      const b = JSON.parse(text);
      if (isPlainObject(b) && typeof b.name === "string" && isDay(b.date) && isPlainObject(b.dossier)) return b;
    } catch (e) { /* said below */ }
    this.baselineLost = true;
    return null;
  }

  /** La zone « Par rapport à l'an dernier », sous le résultat, créée à la première évaluation. */
  comparisonArea() {
    if (this.cmp) return this.cmp;
    const p = this.p;
    const c = {};
    c.file = el("input", { type: "file", id: `${p}-baseline-file`, accept: "application/json,.json", class: "clsm-hidden", tabindex: "-1", "aria-hidden": "true", onchange: (e) => this.importBaseline(e) });
    c.intro = el("p", { class: "fr-text--sm clsm-compare-intro", id: `${p}-compare-intro` });
    c.choose = el("button", { type: "button", class: "fr-btn fr-btn--secondary fr-btn--sm", id: `${p}-baseline-choose`, onclick: () => c.file.click() });
    c.remove = el("button", { type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm", id: `${p}-baseline-remove`, onclick: () => this.removeBaseline() }, "Retirer la référence");
    c.error = el("div", { class: "clsm-compare-error", role: "alert" });
    c.result = el("div", { class: "clsm-compare-result", id: `${p}-compare` });
    c.root = el("div", { class: "clsm-compare" },
      el("h3", { class: "fr-h6", id: `${p}-compare-title` }, "Par rapport à l'an dernier"),
      c.intro,
      el("ul", { class: "fr-btns-group fr-btns-group--inline fr-btns-group--sm" }, el("li", {}, c.choose, c.file), el("li", {}, c.remove)),
      c.error, c.result);
    this.summary.after(c.root);
    this.cmp = c;
    return c;
  }

  /**
   * Compare les réponses de cette année au dossier de référence, avec le même référentiel,
   * chacun à sa date d'évaluation, et affiche ce qui a progressé, reculé, ce qui s'applique
   * désormais ou ne s'applique plus. error : l'erreur de l'évaluation courante, s'il y en a une.
   */
  async renderComparison(error) {
    if (!this.api) return;
    const c = this.comparisonArea();
    if (this.baseline === undefined) this.baseline = this.readBaseline();
    const b = this.baseline;
    const asked = (this.comparisonAsked = (this.comparisonAsked || 0) + 1);
    // The comparison shown stays until the new one replaces it, at once.
    c.remove.hidden = !b;
    c.choose.textContent = b ? "Choisir un autre dossier de référence" : "Choisir le dossier de l'an dernier";
    if (!b) {
      c.result.textContent = "";
      c.intro.textContent = this.baselineLost
        ? "Le dossier de référence enregistré dans ce navigateur n'a pas pu être relu\u00a0: choisissez de nouveau le fichier exporté l'an dernier."
        : "Choisissez le dossier exporté l'an dernier (fichier JSON) pour voir ce qui a progressé ou reculé depuis. Il sert seulement de point de comparaison\u00a0: vos réponses ne sont pas modifiées.";
      return;
    }
    const origin = b.origin === "name" ? "date lue dans le nom du fichier" : "date d'enregistrement du fichier";
    c.intro.textContent = `Dossier de référence\u00a0: «\u00a0${b.name}\u00a0», évalué au ${frenchDateText(b.date)} (${origin}), avec le cahier des charges choisi ci-dessus. Vos réponses de cette année sont évaluées au ${frenchDateText(this.date)}.`;
    if (error) {
      c.result.replaceChildren(el("p", { class: "fr-text--sm" }, "La comparaison reprendra quand les réponses signalées seront corrigées."));
      return;
    }
    const res = await this.ask("compare", b.dossier, this.refSpec(), b.date, this.dossier, this.refSpec(), this.date);
    if (asked !== this.comparisonAsked) return; // a later comparison was asked meanwhile
    c.result.textContent = "";
    if (res.error) {
      c.result.append(el("p", { class: "fr-error-text" }, problemText(res.error)));
      return;
    }
    const cmp = res.value.comparison;
    const outcome = (o) => (OUTCOMES.find(([v]) => v === o) || [o, "Sans objet"])[1];
    const rules = this.ruleSummaries();
    const level = (ch) => lowerFirst((rules.get(ch.ruleId) || {}).levelLabel || ch.level);
    const groups = [
      ["improved", "Ce qui s'est amélioré", cmp.improved],
      ["regressed", "Ce qui a reculé", cmp.regressed],
      ["new", "Ce qui s'applique désormais", cmp.new],
      ["dropped", "Ce qui ne s'applique plus", cmp.dropped],
    ];
    put(c.result,
      el("p", { class: "fr-text--sm clsm-compare-verdict" }, "Verdict\u00a0: ",
        el("span", { class: `fr-badge fr-badge--sm clsm-badge--${res.value.before.level}` }, res.value.before.label), ` au ${frenchDateText(cmp.before)}, `,
        el("span", { class: `fr-badge fr-badge--sm clsm-badge--${res.value.after.level}` }, res.value.after.label), ` au ${frenchDateText(cmp.after)}.`),
      groups.filter(([, , list]) => list.length).map(([kind, title, list]) => el("div", { class: `clsm-compare-group clsm-compare-group--${kind}` },
        el("h4", { class: "fr-text--sm fr-text--bold clsm-compare-title" }, `${title} (${list.length})`),
        el("ul", {}, list.map((ch) => el("li", { class: "clsm-compare-change", "data-rule": ch.ruleId },
          el("strong", {}, ch.requirement), " ", el("span", { class: "fr-text--xs" }, `(${level(ch)})`), "\u00a0: ",
          outcome(ch.before), el("span", { "aria-hidden": "true" }, " → "), el("span", { class: "clsm-sr-only" }, ", devenu "), lowerFirst(outcome(ch.after))))))),
      el("p", { class: "fr-text--sm" }, groups.some(([, , list]) => list.length)
        ? `${count(cmp.unchanged, "autre règle n'a pas changé de résultat", "autres règles n'ont pas changé de résultat")}.`
        : `Aucune règle n'a changé de résultat (${count(cmp.unchanged, "règle comparée", "règles comparées")}).`));
  }

  /** Lit le fichier choisi comme dossier de référence (l'export de l'an dernier). */
  async importBaseline(e) {
    const file = e.target.files[0];
    e.target.value = "";
    if (!file) return;
    const c = this.comparisonArea();
    c.error.textContent = "";
    const refuse = (why) => c.error.append(el("div", { class: "fr-alert fr-alert--error fr-alert--sm" }, el("p", {}, `«\u00a0${file.name}\u00a0» ne peut pas servir de référence\u00a0: ${why} Vos réponses ne sont pas modifiées.`)));
    if (file.size > MAX_FILE) {
      refuse(`il est trop gros pour être un dossier (au plus ${frenchNumber(MAX_FILE / 1024)}\u00a0Kio).`);
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch (err) {
      refuse(`il n'a pas pu être lu (${frenchReason(err)}).`);
      return;
    }
    // The export is named after its evaluation date (dossier-…-AAAA-MM-JJ.json); otherwise the
    // day the file was last written.
    const named = (/(\d{4}-\d{2}-\d{2})/.exec(file.name) || [])[1];
    const written = new Date(file.lastModified);
    const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    const date = isDay(named) ? named : !Number.isNaN(written.getTime()) ? day(written) : this.date;
    const why = await this.setBaseline(text, file.name, date, isDay(named) ? "name" : "file");
    if (why) refuse(why);
  }

  /**
   * Prend un dossier (texte JSON) comme référence de comparaison, évalué à date (AAAA-MM-JJ) ;
   * un format plus ancien est d'abord mis au format courant. Renvoie "" ou, en français, la
   * raison du refus. Les réponses de cette année ne sont jamais touchées.
   */
  async setBaseline(text, name, date, origin = "name") {
    if (!this.needAPI()) return "le vérificateur est encore en cours de chargement.";
    let dossier;
    try {
      dossier = JSON.parse(text);
    } catch (err) {
      return "ce n'est pas du JSON lisible.";
    }
    if (!isPlainObject(dossier)) return "ce n'est pas un dossier (un objet JSON est attendu).";
    // The answers' problems: a message names its question already
    // (« « Population » : … »), so no second label goes before it.
    const problems = (list) => (list || []).slice(0, 5).map((p) => ` ${p.message}`).join("");
    if (dossier.schemaVersion !== dossierVersion(this.data)) {
      const up = await this.ask("upgrade", text);
      if (up.error) return `${lowerFirst(up.error.message)}${problems(up.error.problems)}`;
      dossier = up.value.dossier;
    }
    const checked = await this.ask("validate", dossier);
    if (checked.error) return lowerFirst(checked.error.message);
    if (!checked.value.valid) return `${count(checked.value.problems.length, "réponse est invalide", "réponses sont invalides")}.${problems(checked.value.problems)}`;
    this.baseline = { version: 1, name: String(name).slice(0, 200), date, origin, dossier };
    this.baselineLost = false;
    try {
      localStorage.setItem(this.baselineKey(), JSON.stringify(this.baseline));
    } catch (err) {
      this.showAlert("Le dossier de référence n'a pas pu être enregistré dans ce navigateur\u00a0: la comparaison vaut pour cette visite seulement.");
    }
    this.comparisonArea().error.textContent = "";
    this.status.textContent = `Dossier de référence choisi\u00a0: «\u00a0${this.baseline.name}\u00a0».`;
    this.renderComparison(this.report ? null : { message: "" });
    return "";
  }

  /** Retire le dossier de référence ; les réponses de cette année restent. */
  removeBaseline() {
    this.baseline = null;
    try {
      localStorage.removeItem(this.baselineKey());
    } catch (e) { /* nothing kept to remove */ }
    this.status.textContent = "Dossier de référence retiré\u00a0: plus de comparaison avec l'an dernier.";
    clearTimeout(this.compareTimer);
    this.compareTimer = null;
    this.renderComparison(this.report ? null : { message: "" });
    this.comparisonArea().choose.focus();
  }

  showAlert(message) {
    this.alert.textContent = "";
    if (message) this.alert.append(el("div", { class: "fr-alert fr-alert--error fr-alert--sm" }, el("p", {}, message)));
  }
}

/**
 * Ce qu'une personne a saisi dans les champs de root avant qu'un script ne les reprenne : ceux
 * dont la valeur n'est plus celle de la page (une case cochée ou décochée, un texte tapé, une
 * option choisie), dans l'ordre de la page, et le champ qui a le focus avec la position du curseur.
 * Un bouton radio décoché ne compte pas : c'est celui que la personne a choisi à sa place qui dit la réponse.
 */
function carriedInput(root) {
  const fields = [];
  for (const e of root.querySelectorAll("input[id], select[id], textarea[id]")) {
    if (e.type === "radio" || e.type === "checkbox") {
      if (e.checked !== e.defaultChecked && (e.checked || e.type === "checkbox")) fields.push({ id: e.id, checked: e.checked });
    } else if (e.tagName === "SELECT") {
      if ([...e.options].some((o) => o.selected !== o.defaultSelected)) fields.push({ id: e.id, value: e.value });
    } else if (e.type !== "file" && e.value !== e.defaultValue) {
      fields.push({ id: e.id, value: e.value });
    }
  }
  const a = document.activeElement;
  const focus = a && a !== root && root.contains(a) && a.id
    ? { id: a.id, start: selectionOf(a, "selectionStart"), end: selectionOf(a, "selectionEnd") }
    : null;
  return { fields, focus };
}

/** La position du curseur d'un champ, ou null pour un champ qui n'en a pas (une case, une liste). */
function selectionOf(e, which) {
  try {
    return typeof e[which] === "number" ? e[which] : null;
  } catch (err) {
    return null;
  }
}

/**
 * Met dans parent, dans l'ordre, les nœuds donnés : ceux qui y sont déjà restent en place (rien
 * n'est retiré puis remis sans raison), les autres sont insérés, le reste est retiré.
 */
function reconcile(parent, nodes) {
  let cur = parent.firstChild;
  for (const n of nodes) {
    if (cur === n) {
      cur = cur.nextSibling;
      continue;
    }
    parent.insertBefore(n, cur);
  }
  while (cur) {
    const next = cur.nextSibling;
    cur.remove();
    cur = next;
  }
}

function problemText(error) {
  const lines = (error.problems || []).slice(0, 8).map((p) => (p.path ? `${p.message} (${p.path})` : p.message));
  const more = (error.problems || []).length > 8 ? ` … et ${count((error.problems || []).length - 8, "autre", "autres")}.` : "";
  return [error.message, ...lines].filter(Boolean).join(" ") + more;
}
