// @ts-check
// Print: the printable report written by the checker once the answers are quiet, put in
// the print area of one form at a time, for the print button and for Ctrl+P alike.

import { el } from "../dom.js";
import { ask, needAPI, wakeSettled } from "./checker.js";
import { showAlert } from "./dialogs.js";
import { exported } from "./files.js";
import { nodeFor, problemText } from "./problems.js";
import { refSpec, referentialInUse } from "./referential.js";
import { frenchDateText } from "../format.js";

// How long answers must stay unchanged before the form has the checker write
// the printable report (Ctrl+P cannot wait for it).
export const PRINT_QUIET_MS = 250;

// The form whose report is in the print area (one at a time on a page).
let printing = null;

/** Bouton « Imprimer le rapport » : le rapport des réponses actuelles, puis la boîte d'impression. */
export async function print(form) {
  if (!needAPI(form)) return;
  const res = await ask(form, "render", exported(form), refSpec(form), form.date, "html");
  if (!showPrintable(form, res, "")) return;
  form.printingByButton = true;
  window.print();
}

/**
 * Fait écrire par le vérificateur, une fois les réponses inchangées depuis PRINT_QUIET_MS,
 * le rapport à imprimer : Ctrl+P (beforeprint) ne peut pas attendre le vérificateur.
 */
export function schedulePrintable(form) {
  clearTimeout(form.printTimer);
  form.printTimer = setTimeout(async () => {
    const generation = form.generation;
    const res = await ask(form, "render", exported(form), refSpec(form), form.date, "html");
    form.printable = { res, generation };
    form.printTimer = 0;
    wakeSettled(form);
  }, PRINT_QUIET_MS);
}

/**
 * Ctrl+P : met dans la zone d'impression le rapport écrit après les dernières réponses ; si
 * une réponse l'a suivi de trop près, le rapport précédent, avec un avertissement.
 */
export function preparePrint(form) {
  if (form.printingByButton) return true; // print() has put the report in place
  if (printing && printing !== form) return false;
  if (!form.api || !form.root.isConnected) return false;
  const ready = form.printable;
  if (!ready) {
    const res = { value: `<!DOCTYPE html><title>Rapport</title><p>Le rapport n'est pas encore prêt\u00a0: fermez cette fenêtre et utilisez le bouton «\u00a0Imprimer le rapport\u00a0».</p>` };
    return showPrintable(form, res, "");
  }
  const stale = ready.generation !== form.generation
    ? "Ce rapport ne compte pas vos toutes dernières réponses\u00a0: pour l'imprimer à jour, utilisez le bouton «\u00a0Imprimer le rapport\u00a0»."
    : "";
  return showPrintable(form, ready.res, stale);
}

/**
 * Met le rapport HTML du vérificateur (res, la réponse de render), avec ses styles, dans la
 * zone d'impression, placée directement sous <body> : la feuille d'impression ne montre
 * alors qu'elle (bouton « Imprimer » comme Ctrl+P) ; warning, s'il n'est pas vide, est
 * imprimé en tête. Renvoie faux si le rapport n'a pas pu être produit.
 */
export function showPrintable(form, res, warning) {
  if (printing && printing !== form) return false;
  if (!form.root.isConnected) return false;
  if (res.error && res.error.code !== "invalid_dossier") {
    showAlert(form, problemText(res.error));
    return false;
  }
  printing = form;
  const doc = res.error ? invalidPrintable(form, res.error) : new DOMParser().parseFromString(res.value, "text/html");
  // The report is a page of its own: inside this page its header, main and
  // footer would be second landmarks of the same kind; they become plain blocks.
  for (const old of doc.body.querySelectorAll("header, main, footer, nav, aside")) {
    const block = doc.createElement("div");
    for (const a of old.attributes) block.setAttribute(a.name, a.value);
    block.classList.add(`clsm-report-${old.tagName.toLowerCase()}`);
    block.append(...old.childNodes);
    old.replaceWith(block);
  }
  form.printArea.textContent = "";
  for (const style of doc.head.querySelectorAll("style")) form.printArea.append(el("style", {}, style.textContent));
  if (warning) form.printArea.append(el("p", { class: "clsm-print-warning" }, warning));
  for (const part of doc.body.children) form.printArea.append(document.importNode(part, true));
  document.body.append(form.printArea);
  form.printArea.hidden = false;
  document.body.classList.add("clsm-printing");
  return true;
}

/**
 * Le rapport imprimé d'un dossier à corriger (une réponse invalide, ou un texte tapé qui n'est
 * pas encore un nombre ou une date) : pas de verdict, les réponses à corriger, chacune avec sa
 * question, comme le résumé à l'écran.
 */
export function invalidPrintable(form, error) {
  const doc = document.implementation.createHTMLDocument("Rapport d'auto-évaluation");
  const name = typeof form.dossier.name === "string" && form.dossier.name.trim() ? form.dossier.name : "CLSM sans nom";
  const line = (p) => {
    const node = p.path ? nodeFor(form, p.path) : null;
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
    h("p", `Cahier des charges\u00a0: ${referentialInUse(form).name}. Évalué le ${frenchDateText(form.date)}.`),
    h("p", error.message, "clsm-print-invalid"),
    h("p", "Aucun verdict tant que ces réponses ne sont pas corrigées\u00a0; vos autres réponses sont conservées."),
    list);
  return doc;
}

/** Après l'impression : la zone d'impression est vidée et rendue à la page. */
export function endPrint(form) {
  if (printing !== form) return;
  printing = null;
  form.printingByButton = false;
  document.body.classList.remove("clsm-printing");
  form.printArea.hidden = true;
  form.printArea.textContent = "";
}
