// @ts-check
// One widget kind: the one-line questions (integer, number, text, date) and the reading of what is typed in them (setScalar).

import { el } from "../../dom.js";
import { DATE_HINT, frenchDateText, parseFrenchDate, parseNumber } from "../../format.js";
import { deleteAt, setAt } from "../paths.js";

/**
 * Une question à une ligne : nombre entier, nombre, texte ou date.
 * @param {import("./index.js").WidgetContext} ctx
 */
export function renderScalar(ctx) {
  const { form, item, node, wrapper, inputId, value, describedBy, help, onChange } = ctx;
  const isNumber = item.widget === "integer" || item.widget === "number";
  const raw = isNumber ? form.raw[item.path] : undefined;
  const isDate = item.widget === "date";
  const input = el("input", {
    class: "fr-input", id: inputId, "aria-describedby": describedBy,
    type: "text", placeholder: isDate ? "JJ/MM/AAAA" : undefined, autocomplete: isDate ? "off" : undefined,
    inputmode: item.widget === "integer" ? "numeric" : item.widget === "number" ? "decimal" : undefined,
    maxlength: item.maxLength || undefined,
    value: isDate ? (form.raw[item.path] !== undefined ? form.raw[item.path] : frenchDateText(value)) : raw !== undefined ? raw : value !== undefined && value !== null && typeof value !== "object" ? String(value).replace(".", isNumber ? "," : ".") : "",
    oninput: (e) => {
      setScalar(form, item, e.target.value);
      onChange();
    },
  });
  wrapper.append(el("label", { class: "fr-label", for: inputId }, item.title, help, isDate ? el("span", { class: "fr-hint-text" }, DATE_HINT) : null), input, node.error);
}

/**
 * Écrit dans le dossier ce qui est tapé pour une question à une ligne : un jour tapé JJ/MM/AAAA
 * devient AAAA-MM-JJ, un nombre un nombre ; un texte qui n'en est pas un reste en attente
 * (form.raw), jamais perdu, et un champ vidé retire la réponse.
 */
export function setScalar(form, item, text) {
  const t = text.trim();
  delete form.raw[item.path];
  if (t === "") {
    deleteAt(form.dossier, item.path);
    return;
  }
  const res = readScalar(item, t);
  if (res.error) {
    form.raw[item.path] = text;
    deleteAt(form.dossier, item.path);
    return;
  }
  setAt(form.dossier, item.path, res.value);
}

/** Ce qu'un texte non vide donne pour une question à une ligne : { value } ou { error }. */
function readScalar(item, t) {
  if (item.widget === "date" || item.widget === "date_or_never") {
    // A day typed the French way, JJ/MM/AAAA, written AAAA-MM-JJ in the
    // dossier; any other text is kept as typed, and reported beside the question.
    return parseFrenchDate(t);
  }
  if (item.widget === "integer" || item.widget === "number") {
    // Only a number the checker will read back goes into the dossier (a
    // safe integer, finite, no exponent, within the model's bounds); any
    // other text is kept as typed, and reported beside the question.
    return parseNumber(item, t);
  }
  return { value: t };
}
