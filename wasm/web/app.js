// Page autonome du formulaire : charge le vérificateur et monte le formulaire dans #app.
import { load } from "./clsm.js";
import { ClsmForm } from "./form.js";

const root = document.getElementById("app");
const started = performance.now();
try {
  const api = await load();
  globalThis.clsmCheckerAt = performance.now();
  const form = new ClsmForm(root, api, { storageKey: "clsm-autoevaluation" });
  // For the browser tests and the measures of the start-up (milliseconds since
  // the navigation started): the questions are shown, then the first verdict.
  globalThis.clsmForm = form;
  globalThis.clsmScriptAt = started;
  globalThis.clsmUsableAt = performance.now();
  await form.firstVerdict;
  globalThis.clsmVerdictAt = performance.now();
  document.documentElement.dataset.clsmReady = "true";
} catch (err) {
  root.textContent = "";
  const p = document.createElement("p");
  p.className = "fr-alert fr-alert--error";
  p.setAttribute("role", "alert");
  p.textContent = `Le vérificateur n'a pas pu démarrer : ${err && err.message ? err.message : err}. Essayez de recharger la page ; vos réponses déjà enregistrées dans ce navigateur sont conservées.`;
  root.append(p);
}
