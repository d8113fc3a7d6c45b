// Travailleur (Web Worker) du vérificateur : loadInWorker() (clsm.js) lui donne l'adresse du
// module WebAssembly ; il le télécharge, le compile au fil de l'arrivée, le démarre et répond aux
// appels de l'API, loin du fil principal de la page, qui reste utilisable pendant le démarrage
// et pendant chaque calcul. Rien ne sort de l'ordinateur : il ne télécharge que wasm_exec.js et le
// vérificateur, depuis le site de la page.
//
// Messages reçus : d'abord { url } (l'adresse du vérificateur), auquel il répond { ready: true,
//   complete } (complete : le vérificateur complet, qui a schemas, aggregate et renderRegional)
//   ou { error } (un message en français) ; puis { id, name, args } (le nom d'une méthode et
//   ses arguments, des chaînes JSON), auxquels il répond { id, out } (le texte JSON que la
//   méthode renvoie) ou { id, error }.
"use strict";

importScripts("wasm_exec.js");

let api = null;

/**
 * Downloads and compiles the checker as it arrives, or, when the server does not send it as
 * application/wasm, once downloaded: from the same response, never downloaded twice.
 */
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw french(`Le vérificateur n'a pas pu être téléchargé (le serveur a répondu ${response.status}).`);
  return isWasm(response) ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
}

/** Whether the server sends the response as application/wasm, which compiling as it arrives requires. */
function isWasm(response) {
  return (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase() === "application/wasm";
}

function french(message) {
  const err = new Error(message);
  err.french = true;
  return err;
}

async function start(url) {
  const go = new self.Go();
  const ready = new Promise((resolve) => {
    self.clsmCheckerReady = resolve;
  });
  let instance;
  try {
    instance = await WebAssembly.instantiate(await compile(url), go.importObject);
  } catch (err) {
    if (err && err.french) return { error: err.message };
    if (err instanceof TypeError) return { error: "Le vérificateur n'a pas pu être téléchargé (connexion impossible, ou adresse refusée par la politique de sécurité de la page)." };
    return { error: "Le vérificateur n'a pas pu être démarré dans ce navigateur\u00a0: rechargez la page." };
  }
  go.run(instance).finally(() => {
    api = null; // Go has exited: every later call is answered with an error
  });
  await ready;
  api = self.clsmChecker;
  return { ready: true, complete: api.complete === true };
}

self.onmessage = async (event) => {
  const data = event.data || {};
  if (data.url) {
    self.postMessage(await start(data.url));
    return;
  }
  let answer;
  try {
    if (!api) throw new Error("not started");
    answer = { id: data.id, out: api[data.name](...data.args) };
  } catch (err) {
    answer = { id: data.id, error: "Le vérificateur s'est arrêté\u00a0: rechargez la page." };
  }
  self.postMessage(answer);
};
