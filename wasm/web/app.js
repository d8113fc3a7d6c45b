// Page autonome du formulaire : charge le vérificateur et monte le formulaire dans #app.
import { load } from "./clsm.js";
import { ClsmForm } from "./form.js";

const root = document.getElementById("app");
const started = performance.now();
try {
  const api = await load();
  const form = new ClsmForm(root, api, { storageKey: "clsm-autoevaluation" });
  // For the browser tests and the measure of the time to a usable form.
  globalThis.clsmForm = form;
  globalThis.clsmReadyAfter = performance.now() - started;
  document.documentElement.dataset.clsmReady = "true";
} catch (err) {
  root.textContent = "";
  const p = document.createElement("p");
  p.className = "fr-alert fr-alert--error";
  p.setAttribute("role", "alert");
  p.textContent = `Le vérificateur n'a pas pu démarrer : ${err && err.message ? err.message : err}. Essayez de recharger la page ; vos réponses déjà enregistrées dans ce navigateur sont conservées.`;
  root.append(p);
}
