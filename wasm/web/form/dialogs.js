// @ts-check
// The form's messages and confirmations: durable notices, the alert area, the dialog that
// asks before erasing answers, and what it confirms (start again, load an example).

import { el } from "../dom.js";
import { ask, needAPI } from "./checker.js";
import { exportFile, setDossier } from "./files.js";
import { hasAnswers } from "./saving.js";

/** Un avertissement durable (il reste affiché), dit aussi à la page par l'événement « clsm-error ». */
export function note(form, message, code, actions = []) {
  if (form.noticeArea) showNote(form, message, code, actions);
  else form.notes.push([message, code, actions]);
}

/** Affiche un avertissement durable et le dit à la page par l'événement « clsm-error ». */
export function showNote(form, message, code, actions) {
  const box = el("div", { class: "fr-alert fr-alert--warning fr-alert--sm clsm-notice", "data-code": code },
    el("p", {}, message),
    actions.length ? el("ul", { class: "fr-btns-group fr-btns-group--inline fr-btns-group--sm" }, actions.map((a) => el("li", {}, a))) : null);
  form.noticeArea.append(box);
  form.root.dispatchEvent(new CustomEvent("clsm-error", { detail: { code, message }, bubbles: true, composed: true }));
}

/**
 * Demande confirmation avant de remplacer les réponses, dans une vraie boîte de dialogue :
 * le choix sans risque (« Annuler ») a le focus, Échap ferme, le focus revient au bouton
 * d'origine ; « Exporter d'abord » télécharge le dossier sans fermer la boîte.
 */
export function confirm(form, message, action, confirmLabel, opener) {
  if (!hasAnswers(form)) {
    action();
    return;
  }
  form.dialogReturn = opener || document.activeElement;
  form.dialog.textContent = "";
  const close = () => form.dialog.close();
  const cancel = el("button", { type: "button", class: "fr-btn fr-btn--secondary", onclick: close }, "Annuler");
  form.dialog.append(
    el("h2", { class: "fr-h5", id: `${form.p}-dialog-title` }, "Remplacer vos réponses\u00a0?"),
    el("p", { id: `${form.p}-dialog-text` }, message),
    el("ul", { class: "fr-btns-group fr-btns-group--inline" },
      el("li", {}, cancel),
      el("li", {}, el("button", { type: "button", class: "fr-btn fr-btn--secondary", onclick: () => exportFile(form) }, "Exporter d'abord mon dossier")),
      el("li", {}, el("button", { type: "button", class: "fr-btn clsm-dialog-confirm", onclick: () => { close(); action(); } }, confirmLabel))));
  if (typeof form.dialog.showModal === "function") form.dialog.showModal();
  else form.dialog.setAttribute("open", "");
  cancel.focus();
}

/** Demande, dans le dialogue, avant d'effacer les réponses. */
export function askReset(form, opener) {
  confirm(form, "Toutes vos réponses seront effacées de ce navigateur. Exportez d'abord votre dossier si vous voulez le garder.", () => form.reset(), "Tout effacer", opener);
}

/** Demande, dans le dialogue, avant de remplacer les réponses par l'exemple choisi. */
export function askLoadExample(form, opener) {
  confirm(form, "Vos réponses seront remplacées par le dossier d'exemple. Exportez d'abord votre dossier si vous voulez le garder.", () => loadExample(form), "Remplacer par l'exemple", opener);
}

/** Remplace le dossier par l'exemple choisi dans la liste. */
export async function loadExample(form) {
  if (!needAPI(form)) return;
  const res = await ask(form, "example", form.exampleSelect.value);
  if (res.error) {
    showAlert(form, res.error.message);
    return;
  }
  await setDossier(form, res.value, "new");
}

/** Affiche un message d'erreur dans la zone d'alerte (un message vide la vide). */
export function showAlert(form, message) {
  form.alert.textContent = "";
  if (message) form.alert.append(el("div", { class: "fr-alert fr-alert--error fr-alert--sm" }, el("p", {}, message)));
}
