// @ts-check
// API ES du vérificateur d'auto-évaluation des CLSM (conseils locaux de santé mentale).
//
//   import { load } from "./clsm.js";
//   const api = await load();
//   const r = api.assess(dossier, "idf", "2026-11-22");
//   if (r.error) { … r.error.message, r.error.problems … } else { … r.value.report … }
//
// Chaque méthode renvoie un objet { value } ou { error: { message, problems } } et ne lève
// jamais d'exception. Les arguments sont des chaînes JSON ou des objets (convertis en JSON).
// Chaque vérificateur n'est chargé qu'une fois par page, quel que soit le nombre d'appels à load() :
// load() donne le vérificateur du formulaire, load({ wasm: "checker-full.wasm" }) le vérificateur
// complet, dont l'API a en plus schemas, aggregate et renderRegional. Deux appels qui nomment le
// même fichier donnent le même objet ; deux fichiers différents, deux vérificateurs.
//
// loadInWorker() donne la même API, dont chaque méthode renvoie une promesse de ce même objet :
// le vérificateur tourne alors dans un travailleur (Web Worker, checker-worker.js, qui sert checker-core.js), et la page
// reste utilisable pendant qu'il démarre et qu'il calcule. C'est ce qu'utilisent le formulaire
// et l'élément <clsm-autoevaluation>.
//
//   const api = await loadInWorker();
//   const r = await api.assess(dossier, "idf", "2026-11-22");

import { makeAPI } from "./checker-api.js";
import { workerClient } from "./checker-client.js";
import { FrenchError, compile, errorMessage, start } from "./checker-core.js";

export { errorMessage };

/**
 * Charge le vérificateur (une seule fois par page et par fichier) et renvoie son API : celle du
 * vérificateur du formulaire, ou, pour le vérificateur complet, la même avec schemas, aggregate et
 * renderRegional.
 * @param {{base?: string, wasm?: string}} [options] base : adresse du dossier qui contient
 *   checker.wasm et wasm_exec.js (par défaut, celui de ce module) ; wasm : le fichier du
 *   vérificateur, par rapport à base (« checker-full.wasm » pour le complet).
 */
export const load = once(startHere);

/**
 * Charge le vérificateur dans un travailleur (une seule fois par page) et renvoie son API, dont
 * chaque méthode renvoie une promesse. Si la page ne peut pas démarrer de travailleur (script
 * d'une autre origine, politique de sécurité qui l'interdit, checker-worker.js absent du
 * serveur), le vérificateur tourne dans la page : l'API reste la même. Si le vérificateur
 * s'arrête une fois démarré (erreur interne, mémoire épuisée), chaque appel en attente et chaque
 * appel suivant répond une erreur qui le dit.
 * @param {{base?: string, wasm?: string}} [options] comme pour load().
 */
export const loadInWorker = once(startInWorker);

/**
 * Starts once per page and per checker file: a later call that names the same file gets the same
 * promise, one that names another file starts that checker, and a call after a failure tries again.
 * @param {(options: {base?: string, wasm?: string}) => Promise<any>} begin
 */
function once(begin) {
  const loading = new Map(); // checker URL -> promise of its API
  return (/** @type {{base?: string, wasm?: string}} */ options = {}) => {
    let key;
    try {
      key = where(options).url;
    } catch (err) {
      return Promise.reject(new FrenchError(`Adresse du vérificateur invalide (base « ${options.base} », wasm « ${options.wasm} »).`));
    }
    if (!loading.has(key)) {
      loading.set(key, begin(options).catch((err) => {
        loading.delete(key); // a later call may try again
        throw err;
      }));
    }
    return loading.get(key);
  };
}

/**
 * The folder of checker.wasm and wasm_exec.js, and the checker's address.
 * @param {{base?: string, wasm?: string}} options
 */
function where(options) {
  const base = options.base ? new URL(options.base, document.baseURI) : new URL(".", import.meta.url);
  return { base, url: new URL(options.wasm || "checker.wasm?v=dev", base).href };
}

/**
 * Runs the checker on the page's main thread (compiled: its compilation, already under way).
 * @param {URL} base
 * @param {Promise<WebAssembly.Module>} compiled
 */
async function inPage(base, compiled, inWorker = false) {
  const checker = await start(compiled, new URL("wasm_exec.js", base).href);
  return makeAPI(checker.call, inWorker, checker.complete);
}

/** @param {{base?: string, wasm?: string}} options */
function startHere(options) {
  const { base, url } = where(options);
  // Compiling needs no imports: it starts at once, while the page loads wasm_exec.js, and the
  // browser compiles the module as it arrives, away from the page's main thread.
  const compiled = compile(url);
  compiled.catch(() => {}); // reported once awaited
  return inPage(base, compiled);
}

/** @param {{base?: string, wasm?: string}} options */
async function startInWorker(options) {
  const { base, url } = where(options);
  // The worker downloads and compiles the module as it arrives, then starts it: the page's main
  // thread does none of it.
  const client = workerClient(new URL("checker-worker.js", base), url);
  const state = client ? await client.started : "unreachable";
  if (!client || state === "unreachable") return inPage(base, compile(url), true);
  if (state !== "ready") throw new FrenchError(client.reason);
  return makeAPI((name, strings) => client.call(name, strings), true, client.complete);
}
