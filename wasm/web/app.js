// @ts-check
// The standalone page of the form. The site builder wrote into the page the
// form as form.js builds it on a first visit (prerendered.html) and the form's
// data: the questions are shown, and can be answered, with the page, before
// any script runs. This script builds the same form from those data (else
// from data.json), carrying over what was already typed, while a Web Worker
// downloads, compiles and starts the checker, then computes the verdict: the
// page stays usable meanwhile.
import { errorMessage, loadInWorker } from "./clsm.js";
import { ClsmForm } from "./form.js";

const root = document.getElementById("app");
const started = performance.now();
const checker = loadInWorker();
const data = inlineData() || fetch(new URL("data.json", import.meta.url))
  .then((r) => (r.ok ? r.json() : null))
  .catch(() => null);

/** Les données du formulaire écrites dans la page par le constructeur du site, ou null. */
function inlineData() {
  const block = document.getElementById("clsm-data");
  try {
    return block ? JSON.parse(block.textContent) : null;
  } catch (err) {
    return null; // data.json says the same
  }
}

function fail(err) {
  const p = document.createElement("p");
  p.className = "fr-alert fr-alert--error";
  p.setAttribute("role", "alert");
  p.textContent = `Le vérificateur n'a pas pu démarrer. ${errorMessage(err)} Essayez de recharger la page ; vos réponses déjà enregistrées dans ce navigateur sont conservées.`;
  root.prepend(p);
}

try {
  const staticData = data instanceof Promise ? await data : data;
  // For the browser tests and the measures of the start-up (milliseconds since
  // the navigation started): the questions are shown, then the checker is
  // ready, then the first verdict.
  globalThis.clsmScriptAt = started;
  // Without data, the questions wait for the checker, which lists them.
  const form = new ClsmForm(root, null, { storageKey: "clsm-autoevaluation", data: staticData });
  globalThis.clsmUsableAt = performance.now();
  globalThis.clsmForm = form;
  const api = await checker;
  globalThis.clsmCheckerAt = performance.now();
  form.attach(api);
  await form.firstVerdict;
  globalThis.clsmVerdictAt = performance.now();
  document.documentElement.dataset.clsmReady = "true";
} catch (err) {
  fail(err);
}
