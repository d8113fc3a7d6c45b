// @ts-check
// Pure formatting and parsing, in French: numbers (« 1 000 », « 0,5 »), counts with
// their agreement, dates typed JJ/MM/AAAA, days, times and file stamps. No DOM, no state.

import { errorMessage } from "./clsm.js";

/** Un nombre et son nom accordé : « 0 règle », « 1 règle », « 3 règles ». */
export function count(n, singular, plural) {
  return `${n}\u00a0${Math.abs(n) < 2 ? singular : plural}`;
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

/** L'aide affichée sous un champ de date. */
export const DATE_HINT = "Format JJ/MM/AAAA, par exemple 30/06/2025.";

/** Le texte avec sa première lettre en minuscule. */
export function lowerFirst(s) {
  return s ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** Le texte avec sa première lettre en majuscule. */
export function upperFirst(s) {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

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
export function plainNumber(n) {
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

/** L'heure d'une date, à la française : « 9 h 05 ». */
export function frenchTime(d) {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return "une heure inconnue";
  return `${d.getHours()} h ${String(d.getMinutes()).padStart(2, "0")}`;
}

/** Le jour d'une date, à la française : « 30/06/2025 ». */
export function frenchDay(d) {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) return "un jour inconnu";
  try {
    return d.toLocaleDateString("fr-FR");
  } catch (e) {
    return `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
  }
}

/** Un horodatage pour un nom de fichier ou de clé : AAAA-MM-JJ-HHhMMmSSs. */
export function stamp(d = new Date()) {
  const two = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}h${two(d.getMinutes())}m${two(d.getSeconds())}`;
}

/** Une date valide (objet Date) lue d'un texte, ou null. */
export function validDate(text) {
  if (typeof text !== "string" || !text) return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Un chemin JSON Pointer réduit à des lettres, chiffres et tirets, pour un identifiant d'élément. */
export function slug(path) {
  return path.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
