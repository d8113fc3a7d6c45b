// @ts-check
// The form's skeleton: the toolbar, the stepper frame, the questions' area, the summary
// column and the footer, built once; and what was typed in the prerendered page before the
// script ran, carried over to it.

import { el } from "../dom.js";
import { askLoadExample, askReset, showAlert, showNote } from "./dialogs.js";
import { exportFile, importFile } from "./files.js";
import { endPrint, preparePrint, print } from "./print.js";
import { buildSection, loadQuestionnaire, refresh } from "./questionnaire.js";
import { changeReferential, fillLists, loadReferentialFile, selectReferentialOption, showReferentialSwitch } from "./referential.js";
import { save } from "./saving.js";
import { followHash, moveStep, readShowAll, toggleShowAll } from "./stepper.js";
import { DATE_HINT, frenchDateText, frenchDay, frenchTime, parseFrenchDate } from "../format.js";

/** Construit le formulaire dans sa racine, une fois : le squelette, les avertissements en attente, puis le questionnaire. */
export function build(form, options = {}) {
  // The page may hold the same form already, written by the site builder
  // (prerendered.html) so that it can be read and filled before any
  // script has run: what a person typed or chose in it, and the focus,
  // are carried over to the form built here.
  form.carried = carriedInput(form.root);
  form.root.textContent = "";
  form.root.classList.add("clsm-form");
  makeControls(form);
  const n = form.p.replace(/\D/g, "");
  const which = n === "1" ? "" : ` (formulaire n°\u00a0${n})`;
  form.links = options.links || {};
  drawSkeleton(form, which);
  listen(form);
  if (form.pendingAlert) showAlert(form, form.pendingAlert);
  for (const [message, code, actions] of form.notes.splice(0)) showNote(form, message, code, actions);
  selectReferentialOption(form);
  loadQuestionnaire(form);
  carryOver(form);
  if (form.pendingSwitch) {
    showReferentialSwitch(form, form.pendingSwitch);
    form.pendingSwitch = null;
  }
}

/** Les champs, boutons et zones du formulaire que les autres modules mettent à jour. */
function makeControls(form) {
  const p = form.p;
  form.refSelect = el("select", { class: "fr-select", id: `${p}-ref`, onchange: () => changeReferential(form) });
  form.refFile = el("input", { type: "file", id: `${p}-ref-file`, accept: "application/json,.json", class: "clsm-hidden", tabindex: "-1", "aria-hidden": "true", onchange: (e) => loadReferentialFile(form, e) });
  form.dateInput = el("input", {
    type: "text", class: "fr-input clsm-date", id: `${p}-date`, value: frenchDateText(form.date), disabled: !!form.fixedDate,
    inputmode: "numeric", autocomplete: "off", placeholder: "JJ/MM/AAAA", "aria-describedby": `${p}-date-hint ${p}-date-error`,
    onchange: () => changeDate(form),
  });
  form.dateError = el("p", { class: "fr-error-text", id: `${p}-date-error`, hidden: true });
  form.exampleSelect = el("select", { class: "fr-select", id: `${p}-example` });
  fillLists(form);
  form.importInput = el("input", { type: "file", id: `${p}-import`, accept: "application/json,.json", class: "clsm-hidden", tabindex: "-1", "aria-hidden": "true", onchange: (e) => importFile(form, e) });
  form.status = el("p", { class: "fr-text--sm clsm-status", id: `${p}-status`, role: "status", "aria-live": "polite" },
    form.savedAt ? `Réponses enregistrées dans ce navigateur le ${frenchDay(form.savedAt)} à ${frenchTime(form.savedAt)}.`
      : form.savedAtUnknown ? "Réponses enregistrées dans ce navigateur, à une date inconnue." : "Rien n'est encore enregistré.");
  form.alert = el("div", { class: "clsm-alert", id: `${p}-alert`, role: "alert" });
  form.noticeArea = el("div", { class: "clsm-notices", id: `${p}-notices`, role: "alert" });
  form.dialog = el("dialog", { class: "clsm-dialog", id: `${p}-dialog`, "aria-labelledby": `${p}-dialog-title`, "aria-describedby": `${p}-dialog-text` });
  form.errorSummary = el("div", { class: "fr-alert fr-alert--error clsm-error-summary", id: `${p}-errors`, tabindex: "-1", hidden: true });
  form.sections = el("div", { class: "clsm-questions", id: `${p}-questions`, tabindex: "-1" });
  form.summary = el("div", { class: "clsm-summary-body" });
  form.printArea = el("div", { class: "clsm-print-area", role: "region", "aria-label": "Rapport à imprimer", hidden: true });
  // The verdict bar: always in view (sticky), the full summary one link away.
  form.bar = el("div", { class: "clsm-bar-body" }, "Chargement du vérificateur…");
  form.announcer = el("p", { class: "clsm-sr-only clsm-announce", id: `${p}-announce`, role: "status", "aria-live": "polite", "aria-atomic": "true" });
  // The stepper: one section at a time, or all of them (remembered).
  form.showAll = readShowAll(form);
  form.stepState = el("p", { class: "fr-stepper__state" });
  form.stepDetails = el("p", { class: "fr-stepper__details" });
  form.stepBar = el("div", { class: "fr-stepper__steps" });
  form.stepList = el("ol", { class: "clsm-steplist" });
  form.allToggle = el("button", { type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm clsm-show-all", id: `${p}-show-all`, "aria-pressed": String(form.showAll), onclick: () => toggleShowAll(form) }, "Tout afficher sur une page");
  form.prevButton = el("button", { type: "button", class: "fr-btn fr-btn--secondary clsm-prev", id: `${p}-prev`, onclick: () => moveStep(form, -1) }, "Étape précédente");
  form.nextButton = el("button", { type: "button", class: "fr-btn clsm-next", id: `${p}-next`, onclick: () => moveStep(form, 1) }, "Étape suivante");
}

/** Le squelette du formulaire dans sa racine : barre du verdict, outils, étapes, questions, résumé. */
function drawSkeleton(form, which) {
  const p = form.p;
  form.root.append(
    el("div", { class: "clsm-bar", id: `${p}-bar` }, form.bar),
    form.announcer,
    el("p", { class: "fr-text--sm clsm-privacy" },
      "Vos réponses restent sur cet ordinateur : elles ne sont envoyées à personne. Elles sont enregistrées dans ce navigateur au fur et à mesure ; exportez votre dossier pour le garder ou le transmettre. Une question sans réponse n'est jamais comptée comme un « non »."),
    el("div", { class: "clsm-toolbar" },
      el("div", { class: "fr-select-group" },
        el("label", { class: "fr-label", for: `${p}-ref` }, "Cahier des charges de référence",
          el("span", { class: "fr-hint-text" }, "Celui de votre agence régionale de santé (ARS), ou le socle national.")),
        form.refSelect, form.refFile),
      el("div", { class: "fr-input-group" },
        el("label", { class: "fr-label", for: `${p}-date` }, "Date de l'évaluation",
          el("span", { class: "fr-hint-text", id: `${p}-date-hint` }, `Les règles annuelles sont comptées sur les 12 mois qui précèdent. ${DATE_HINT}`)),
        form.dateInput, form.dateError),
    ),
    el("div", { class: "clsm-actions" },
      el("div", { class: "fr-select-group clsm-example" },
        el("label", { class: "fr-label", for: `${p}-example` }, "Dossier d'exemple"),
        form.exampleSelect,
        el("button", { type: "button", class: "fr-btn fr-btn--secondary fr-btn--sm", id: `${p}-load-example`, onclick: (e) => askLoadExample(form, e.currentTarget) }, "Charger cet exemple")),
      el("ul", { class: "fr-btns-group fr-btns-group--inline fr-btns-group--sm" },
        el("li", {}, el("button", { type: "button", class: "fr-btn fr-btn--secondary", id: `${p}-export`, onclick: () => exportFile(form) }, "Exporter le dossier (JSON)")),
        el("li", {}, el("button", { type: "button", class: "fr-btn fr-btn--secondary", id: `${p}-import-btn`, onclick: () => form.importInput.click() }, "Importer un dossier"), form.importInput),
        el("li", {}, el("button", { type: "button", class: "fr-btn fr-btn--secondary", id: `${p}-print`, onclick: () => print(form) }, "Imprimer le rapport")),
        el("li", {}, el("button", { type: "button", class: "fr-btn fr-btn--tertiary", id: `${p}-reset`, onclick: (e) => askReset(form, e.currentTarget) }, "Recommencer")),
      ),
    ),
    form.status, form.noticeArea, form.alert, form.dialog,
    form.errorSummary,
    el("div", { class: "clsm-layout" },
      el("div", { class: "clsm-main" },
        el("nav", { class: "fr-stepper clsm-stepper", id: `${p}-stepper`, "aria-label": `Étapes du questionnaire${which}` },
          form.stepState, form.stepBar, form.stepDetails,
          el("details", { class: "clsm-steps-menu" }, el("summary", {}, "Toutes les étapes"), form.stepList),
          form.allToggle),
        form.sections,
        el("div", { class: "clsm-step-buttons" }, form.prevButton, form.nextButton)),
      el("div", { class: "clsm-summary", id: `${p}-summary` },
        el("h2", { id: `${p}-summary-title`, class: "fr-h4", tabindex: "-1" }, "Où en êtes-vous ?"), form.summary),
    ),
    footer(form),
    form.printArea,
  );
}

/** Les écouteurs de la fenêtre (adresse, impression) et du dialogue. */
function listen(form) {
  form.dialog.addEventListener("close", () => {
    if (form.dialogReturn && form.dialogReturn.isConnected) form.dialogReturn.focus();
    form.dialogReturn = null;
  });
  form.onHash = () => followHash(form, false);
  window.addEventListener("popstate", form.onHash);
  window.addEventListener("hashchange", form.onHash);
  form.onBeforePrint = () => preparePrint(form);
  form.onAfterPrint = () => endPrint(form);
  window.addEventListener("beforeprint", form.onBeforePrint);
  window.addEventListener("afterprint", form.onAfterPrint);
  // What <clsm-autoevaluation> removes when the page takes it out, and adds back when it returns.
  form.windowListeners = [["popstate", form.onHash], ["hashchange", form.onHash], ["beforeprint", form.onBeforePrint], ["afterprint", form.onAfterPrint]];
}

/** Le pied du formulaire : déclaration d'accessibilité, mentions légales, données personnelles (liens que l'ARS fixe). */
export function footer(form) {
  const l = form.links || {};
  const items = [
    [l.accessibility, "Déclaration d'accessibilité"],
    [l.legal, "Mentions légales"],
    [l.privacy, "Données personnelles"],
  ].filter(([href]) => href);
  if (!items.length) return null;
  return el("ul", { class: "clsm-form-footer" }, items.map(([href, text]) => el("li", {}, el("a", { href, class: "fr-footer__bottom-link" }, text))));
}

/**
 * Redonne aux champs construits ce qui avait été saisi dans la page avant le script (voir
 * carriedInput), par les mêmes événements qu'une saisie, puis le focus. Un champ d'une étape
 * pas encore construite fait construire les autres étapes d'un coup ; ce qui attend un
 * questionnaire (celui d'un référentiel chargé par le vérificateur) attend son affichage.
 */
export function carryOver(form) {
  const carried = form.carried;
  if (!carried || !carried.fields.length && !carried.focus) return;
  const byId = (id) => form.root.querySelector(`#${CSS.escape(id)}`);
  const missing = () => carried.fields.some((f) => !byId(f.id));
  if (missing() && form.questionnaire && form.building) {
    for (const s of form.questionnaire.sections) if (!s.built) buildSection(form, s);
  }
  if (missing() && !form.questionnaire) return; // showQuestionnaire calls again
  form.carried = null;
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

/**
 * Ce qu'une personne a saisi dans les champs de root avant qu'un script ne les reprenne : ceux
 * dont la valeur n'est plus celle de la page (une case cochée ou décochée, un texte tapé, une
 * option choisie), dans l'ordre de la page, et le champ qui a le focus avec la position du curseur.
 * Un bouton radio décoché ne compte pas : c'est celui que la personne a choisi à sa place qui dit la réponse.
 */
export function carriedInput(root) {
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
export function selectionOf(e, which) {
  try {
    return typeof e[which] === "number" ? e[which] : null;
  } catch (err) {
    return null;
  }
}

/** Lit la date d'évaluation tapée : une date valide est gardée et réévalue les réponses, une autre est signalée. */
export function changeDate(form) {
  const res = parseFrenchDate(form.dateInput.value);
  form.dateError.hidden = !res.error;
  form.dateError.textContent = res.error ? `${res.error} La date retenue reste le ${frenchDateText(form.date)}.` : "";
  if (res.error) form.dateInput.setAttribute("aria-invalid", "true");
  else form.dateInput.removeAttribute("aria-invalid");
  if (res.error) return;
  const v = res.value;
  form.dateInput.value = frenchDateText(v);
  form.date = v;
  form.dateChosen = true;
  save(form);
  refresh(form);
}
