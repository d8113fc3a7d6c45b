// @ts-check
// The dossier store, without the page: the dossier format in use, the record saved in the
// browser's storage (written, read back, checked, set aside), and the pending answers of a file.
// Every function takes the storage it works on, so that it runs, and is tested, without a browser.

import { isPlainObject } from "./paths.js";
import { readLists } from "./referential.js";

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
