// @ts-check
// The dossier store, without the page: the dossier format in use, the record saved in the
// browser's storage (written, read back, checked, set aside), and the pending answers of a file.
// Every function takes the storage it works on, so that it runs, and is tested, without a browser.

import { isPlainObject } from "./paths.js";
import { frenchNumber, plainNumber } from "../format.js";

// The dossier format the form writes is the checker's (clsm.SchemaVersion),
// read from data.json or from the checker itself (readLists); older
// dossiers are lifted by the checker's upgrade method, answers kept.
let DOSSIER_VERSION = 2; // until data.json or the checker says

/** Le format de dossier du vérificateur, d'après data.json ou le vérificateur lui-même. */
export function dossierVersion(data = null) {
  const fromData = data && data.version && data.version.dossierVersion;
  if (fromData) DOSSIER_VERSION = fromData;
  return DOSSIER_VERSION;
}

// The largest file the form reads (clsm.MaxSize): a dossier is never bigger.
export const MAX_FILE = 1 << 20;

/**
 * Les réponses en attente (texte tapé qui n'est pas encore un nombre ou une date) lues d'un
 * fichier, sous la clé « pending » : { chemin: texte }, ce qui n'en est pas étant laissé de côté.
 */
export function pendingOf(value) {
  const out = {};
  if (!isPlainObject(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === "string" && k.startsWith("/")) out[k] = v;
  return out;
}

/**
 * Ce qui ne va pas dans un enregistrement relu du stockage local, en français, ou "" s'il
 * est utilisable.
 */
export function savedStateProblem(saved) {
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

/**
 * Le stockage où le formulaire enregistre : localStorage, lu à chaque appel (y accéder peut
 * lever une exception, qui est alors prise comme un refus du stockage).
 * @type {Pick<Storage, "getItem" | "setItem" | "removeItem">}
 */
export const browserStorage = {
  getItem: (key) => globalThis.localStorage.getItem(key),
  setItem: (key, value) => globalThis.localStorage.setItem(key, value),
  removeItem: (key) => globalThis.localStorage.removeItem(key),
};

/**
 * Relit l'enregistrement rangé sous key : { none: true } s'il n'y en a pas ; { failed } (l'erreur)
 * si le stockage refuse ; { unreadable, text } (la raison, en français) s'il n'est pas utilisable ;
 * sinon { saved, text }.
 * @param {Pick<Storage, "getItem">} storage
 * @param {string} key
 */
export function readRecord(storage, key) {
  let text = null;
  try {
    text = storage.getItem(key);
  } catch (err) {
    return { failed: err };
  }
  if (text === null) return { none: true };
  let saved;
  try {
    saved = JSON.parse(text);
  } catch (err) {
    return { unreadable: "elles ne sont pas du JSON lisible", text };
  }
  const problem = savedStateProblem(saved) || boundsProblem(saved.dossier);
  if (problem) return { unreadable: problem, text };
  return { saved, text };
}

// The deepest nesting the checker reads (Go's encoding/json refuses more).
const MAX_DEPTH = 10000;

/**
 * Ce qui, dans un dossier relu du stockage, dépasse ce que le formulaire peut parcourir avant
 * que le vérificateur ne le lise (plus de niveaux d'imbrication que le vérificateur n'en lit),
 * en français, ou "". Le reste des bornes d'un import (la taille, le contenu) est vérifié par
 * le vérificateur, une fois chargé (checkRestored).
 * @param {unknown} dossier
 */
export function boundsProblem(dossier) {
  /** @type {Array<[unknown, number]>} */
  const stack = [[dossier, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (depth > MAX_DEPTH) return `le dossier enregistré est imbriqué sur plus de ${frenchNumber(MAX_DEPTH)}\u00a0niveaux`;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return "";
}

/**
 * Enregistre record sous key : { ok: true }, ou { error: "json" } s'il n'est pas représentable
 * en JSON, { error: "storage" } si le stockage le refuse (refusé ou plein).
 * @param {Pick<Storage, "setItem">} storage
 * @param {string} key
 * @param {object} record
 * @returns {{ ok: true, error?: undefined } | { ok?: undefined, error: "json" | "storage" }}
 */
export function writeRecord(storage, key, record) {
  let text;
  try {
    text = JSON.stringify(record);
  } catch (err) {
    return { error: "json" };
  }
  try {
    storage.setItem(key, text);
    return { ok: true };
  } catch (err) {
    return { error: "storage" };
  }
}

/**
 * Met de côté, tel quel, le texte d'un enregistrement illisible sous une clé libre
 * « key-recuperation-when » (« -2 », « -3 »… si elle est prise), et retire l'enregistrement :
 * { key, stored }, stored étant faux si le stockage l'a refusé.
 * @param {Pick<Storage, "getItem" | "setItem" | "removeItem">} storage
 * @param {string} key
 * @param {string} text
 * @param {string} when
 */
export function setAsideRecord(storage, key, text, when) {
  let aside = `${key}-recuperation-${when}`;
  try {
    for (let i = 2; storage.getItem(aside) !== null; i++) aside = `${key}-recuperation-${when}-${i}`;
    storage.setItem(aside, text);
    storage.removeItem(key);
    return { key: aside, stored: true };
  } catch (err) {
    return { key: aside, stored: false };
  }
}

/**
 * Un nombre enregistré que le vérificateur ne relirait pas (écrit avec un exposant, entier
 * au-delà de 2^53) passe dans les saisies en attente (raw), écrit en toutes lettres : il reste
 * affiché à côté de sa question, avec l'erreur, au lieu de rendre tout le dossier illisible.
 * @param {object} obj
 * @param {string} path
 * @param {Record<string, string>} raw
 */
export function liftNumbers(obj, path, raw) {
  // Without recursion: a record is read before its depth is known to be sane.
  /** @type {Array<[object, string]>} */
  const stack = [[obj, path]];
  while (stack.length) {
    const [o, p] = stack.pop();
    for (const [k, v] of Object.entries(o)) {
      const here = `${p}/${k}`;
      if (typeof v === "number" && (/e/i.test(String(v)) || (Number.isInteger(v) && !Number.isSafeInteger(v)))) {
        raw[here] = plainNumber(v);
        if (Array.isArray(o)) o[k] = null;
        else delete o[k];
      } else if (v && typeof v === "object") {
        stack.push([v, here]);
      }
    }
  }
}
