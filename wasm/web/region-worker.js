// Travailleur (Web Worker) de la vue régionale : il charge le vérificateur WebAssembly complet
// (checker-full.wasm ; celui du formulaire n'a pas la synthèse régionale) à côté de la page et
// y évalue les dossiers, pour que la page reste utilisable pendant le calcul.
// Rien ne sort de l'ordinateur : il ne télécharge que wasm_exec.js et le vérificateur, depuis
// le dossier où il se trouve.
//
// Messages reçus : { id, op: "referentials" } ou { id, op: "region", files: [{name, text}],
//   referential, date }. Réponses : { id, value } ou { id, error: { message, problems } } ;
//   pour « region », value vaut { report (texte JSON), html, csv, millis, memory }.
// Réponse à { id, op: "resources" } : les adresses que le travailleur a demandées (tests).
"use strict";

importScripts("wasm_exec.js");

let loading = null;

function start() {
  if (!loading) {
    loading = (async () => {
      const go = new self.Go();
      const ready = new Promise((resolve) => {
        self.clsmCheckerReady = resolve;
      });
      // The complete checker: the form's leaves out aggregate and renderRegional.
      const url = new URL("checker-full.wasm?v=dev", self.location.href).href;
      // As it arrives where the server says application/wasm, else once
      // downloaded: from the same response, never downloaded twice.
      const response = await fetch(url);
      if (!response.ok) {
        throw french(`Le vérificateur n'a pas pu être téléchargé (le serveur a répondu ${response.status}).`);
      }
      const wasm = (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase() === "application/wasm";
      const result = wasm
        ? await WebAssembly.instantiateStreaming(response, go.importObject)
        : await WebAssembly.instantiate(await response.arrayBuffer(), go.importObject);
      go.run(result.instance);
      await ready;
      return { api: self.clsmChecker, memory: result.instance.exports.mem };
    })();
    loading.catch(() => {
      loading = null; // a later message may try again
    });
  }
  return loading;
}

function french(message) {
  const err = new Error(message);
  err.french = true;
  return err;
}

/** Calls one method of the checker and returns its envelope, parsed. */
function call(api, name, ...args) {
  return JSON.parse(api[name](...args));
}

async function handle(data) {
  if (data.op === "resources") {
    return { value: performance.getEntriesByType("resource").map((e) => e.name) };
  }
  const { api, memory } = await start();
  if (data.op === "referentials") {
    return call(api, "referentials");
  }
  if (data.op === "region") {
    const t0 = performance.now();
    const files = JSON.stringify(data.files.map((f) => ({ name: f.name, text: f.text })));
    const out = api.aggregate(files, data.referential, data.date);
    const env = JSON.parse(out);
    if (env.error) return env;
    const report = JSON.stringify(env.value);
    const html = call(api, "renderRegional", report, "html");
    if (html.error) return html;
    const csv = call(api, "renderRegional", report, "csv");
    if (csv.error) return csv;
    return { value: { report, html: html.value, csv: csv.value, millis: performance.now() - t0, memory: memory ? memory.buffer.byteLength : 0 } };
  }
  return { error: { message: "Opération inconnue du travailleur de la vue régionale." } };
}

self.onmessage = async (event) => {
  const data = event.data || {};
  let answer;
  try {
    answer = await handle(data);
  } catch (err) {
    let message = "Le vérificateur n'a pas pu démarrer dans ce navigateur\u00a0: rechargez la page.";
    if (err && err.french) message = err.message;
    else if (typeof WebAssembly === "object" && err instanceof WebAssembly.RuntimeError) {
      message = "Le vérificateur s'est arrêté sur une erreur interne (mémoire insuffisante pour autant de dossiers\u00a0?)\u00a0: rechargez la page et essayez avec moins de fichiers.";
    } else if (err instanceof TypeError) {
      message = "Le vérificateur n'a pas pu être téléchargé (connexion impossible, ou adresse refusée par la politique de sécurité de la page).";
    }
    answer = { error: { message } };
  }
  self.postMessage({ id: data.id, ...answer });
};
