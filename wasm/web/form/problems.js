// @ts-check
// The problems of the dossier shown where they are: each beside its question, the error
// summary above the questions with links to them, and the focus brought to a question.

import { el } from "../dom.js";
import { showAlert } from "./dialogs.js";
import { renderStepper } from "./stepper.js";
import { count, parseFrenchDate, parseNumber, slug } from "../format.js";

/** Le message d'une erreur du vérificateur et ses premiers problèmes, sur une ligne. */
export function problemText(error) {
  const lines = (error.problems || []).slice(0, 8).map((p) => (p.path ? `${p.message} (${p.path})` : p.message));
  const more = (error.problems || []).length > 8 ? ` … et ${count((error.problems || []).length - 8, "autre", "autres")}.` : "";
  return [error.message, ...lines].filter(Boolean).join(" ") + more;
}

/** Affiche chaque problème du dossier à côté de sa question, et le résumé des erreurs. */
export function renderProblems(form) {
  for (const node of form.items) {
    if (!node.invalid) continue;
    node.invalid = false;
    node.error.hidden = true;
    node.error.textContent = "";
    node.wrapper.classList.remove("fr-input-group--error", "clsm-question--error");
    for (const c of node.wrapper.querySelectorAll("[aria-invalid]")) c.removeAttribute("aria-invalid");
  }
  for (const [path, text] of Object.entries(form.raw)) {
    const node = nodeFor(form, path);
    if (!node) continue;
    const item = node.item.path === path ? node.item : (node.item.fields || []).find((f) => path.endsWith(f.path));
    const isDate = ["date", "date_or_never", "dates"].includes(node.item.widget) || (item && ["date", "date_or_never"].includes(item.widget));
    if (isDate) {
      const res = parseFrenchDate(text);
      addError(form, node, `${res.error || "Cette date n'a pas encore été prise en compte\u00a0: retapez-la."} Ce que vous avez tapé est conservé, mais n'est pas pris en compte.`, path);
      continue;
    }
    if (!item || (item.widget !== "integer" && item.widget !== "number")) continue; // not a number question: kept, not shown
    const res = parseNumber(item, text);
    addError(form, node, res.error || "Ce nombre n'a pas encore été pris en compte : retapez-le.", path);
  }
  for (const prob of form.problems) {
    // A pending answer is shown beside its question by the loop above.
    if (prob.path && form.raw[prob.path] !== undefined) continue;
    const node = nodeFor(form, prob.path);
    if (node) addError(form, node, prob.message, prob.path);
    else showAlert(form, prob.message);
  }
  renderErrorSummary(form);
}

/** Une erreur sous sa question ; le champ en cause (la ligne d'une liste, s'il se trouve) est marqué aria-invalid. */
export function addError(form, node, message, path) {
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

/** Le nœud de la question au chemin donné, ou de la question la plus proche qui le contient, ou null. */
export function nodeFor(form, path) {
  if (form.nodeCache.has(path)) return form.nodeCache.get(path);
  let best = null;
  for (const node of form.items) {
    const p = node.item.path;
    if ((path === p || path.startsWith(p + "/")) && (!best || p.length > best.item.path.length)) best = node;
  }
  form.nodeCache.set(path, best);
  return best;
}

/** Le récapitulatif des erreurs, en tête : un lien vers chaque réponse à corriger. */
export function renderErrorSummary(form) {
  const wrong = form.items.filter((n) => !n.error.hidden);
  form.errorSummary.textContent = "";
  form.errorSummary.hidden = !wrong.length;
  if (!wrong.length) return;
  form.errorSummary.append(
    el("h2", { class: "fr-alert__title fr-h6" }, wrong.length > 1 ? `${wrong.length} réponses à corriger` : "Une réponse à corriger"),
    el("ul", {}, wrong.map((n) => el("li", {}, linkTo(form, n, `${n.section ? n.section.title + " — " : ""}${n.item.title}`)))));
}

/** Un lien vers une question, qui lui donne le focus. */
export function linkTo(form, node, text) {
  return el("a", {
    href: `#${node.id}`, class: "fr-link fr-text--sm clsm-goto",
    onclick: (e) => {
      e.preventDefault();
      focusQuestion(form, node);
    },
  }, text);
}

/** Amène à l'écran la question d'un nœud (son étape, la question dont elle dépend si elle est cachée) et lui donne le focus. */
export function focusQuestion(form, node) {
  // A question hidden by its condition: show the one it depends on.
  if (node.wrapper.hidden && node.item.showIf) {
    const gate = nodeFor(form, node.item.showIf.path);
    if (gate) node = gate;
  }
  if (node.section && node.section.id !== form.step && !form.showAll) {
    form.step = node.section.id;
    try {
      history.pushState(null, "", `#${node.section.sid}`);
    } catch (e) { /* shown anyway */ }
    renderStepper(form);
  }
  node.wrapper.scrollIntoView({ block: "center" });
  const input = node.wrapper.querySelector("input[type=radio]:checked") ||
    node.wrapper.querySelector("input:not([type=radio]):not([disabled]), select, textarea, input, button");
  if (input) input.focus();
  node.wrapper.classList.add("clsm-question--target");
  setTimeout(() => node.wrapper.classList.remove("clsm-question--target"), 2000);
}
