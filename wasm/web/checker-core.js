// @ts-check
// Le cœur du vérificateur : l'unique routine qui télécharge le module WebAssembly, le compile
// au fil de l'arrivée (sinon depuis la réponse entière, sans la télécharger deux fois), le
// démarre et le surveille, et l'unique protocole de messages par lequel un travailleur (Web
// Worker) le sert. La page (load(), et loadInWorker() quand aucun travailleur ne peut démarrer),
// le travailleur du formulaire et celui de la vue régionale passent tous par ici.
//
// Protocole (travailleur checker-worker.js) :
//   reçu    { type: "start", url }                 → envoyé { type: "ready", complete }
//                                                     ou { type: "failed", message } ;
//   reçu    { type: "call", id, name, args }       → envoyé { type: "answer", id, out }
//                                                     ou { type: "answer", id, error } ;
//   reçu    { type: "resources", id }              → envoyé { type: "answer", id, out } (les
//                                                     adresses que le travailleur a demandées) ;
//   envoyé  { type: "loaded" } dès que le script du travailleur tourne ;
//   envoyé  { type: "stopped", message } quand le vérificateur s'arrête après avoir démarré
//           (fin du programme Go, erreur interne, mémoire épuisée) : plus aucun appel n'aboutit.
// Les messages sont en français, prêts à être affichés.

/** Une erreur dont le message est déjà en français, prêt à être affiché. */
export class FrenchError extends Error {
  /**
   * @param {string} message
   * @param {boolean} [stopped] vrai quand le vérificateur s'est arrêté : aucun appel ne peut plus aboutir.
   */
  constructor(message, stopped = false) {
    super(message);
    this.french = true;
    this.stopped = stopped;
  }
}

/** Le message de l'arrêt du vérificateur faute de mémoire. */
export const OUT_OF_MEMORY = "Le vérificateur s'est arrêté (mémoire épuisée)\u00a0: rechargez la page, et pour une synthèse régionale, évaluez moins de fichiers à la fois.";
/** Le message de l'arrêt du vérificateur sur une erreur interne. */
export const INTERNAL_ERROR = "Le vérificateur s'est arrêté sur une erreur interne\u00a0: rechargez la page.";
/** Le message de l'arrêt du programme du vérificateur. */
export const EXITED = "Le vérificateur s'est arrêté\u00a0: rechargez la page.";

/**
 * Le message, en français, d'une erreur quelconque (les navigateurs écrivent les leurs en anglais).
 * @param {unknown} err
 * @returns {string}
 */
export function errorMessage(err) {
  const e = /** @type {any} */ (err);
  if (e && e.french) return e.message;
  if (err instanceof TypeError && /fetch|network|load/i.test(String(err.message))) {
    return "Le serveur n'a pas répondu (connexion impossible, ou adresse refusée par la politique de sécurité de la page).";
  }
  if (typeof WebAssembly === "object" && (err instanceof WebAssembly.CompileError || err instanceof WebAssembly.LinkError)) {
    return "Le fichier du vérificateur reçu est abîmé ou d'une autre version\u00a0: rechargez la page.";
  }
  if (outOfMemory(err)) return OUT_OF_MEMORY;
  if (typeof WebAssembly === "object" && err instanceof WebAssembly.RuntimeError) return INTERNAL_ERROR;
  if (e && e.name === "QuotaExceededError") return "Le stockage de ce navigateur est plein.";
  if (e && e.name === "SecurityError") return "Ce navigateur refuse l'accès au stockage local.";
  if (err instanceof SyntaxError) return "Le contenu reçu n'est pas du JSON lisible.";
  if (e && e.name === "NotReadableError") return "Le fichier n'a pas pu être lu.";
  return "Erreur inattendue du navigateur.";
}

/**
 * Whether err is the engine's or Go's report of memory it could not get: a RangeError on growing
 * or allocating memory, or the message of Go's « fatal error: out of memory ».
 * @param {unknown} err
 */
function outOfMemory(err) {
  const text = String(/** @type {any} */ (err)?.message ?? err);
  return (err instanceof RangeError && /memory|allocation|array buffer/i.test(text)) || /out of memory/i.test(text);
}

/** @param {string} s */
export function lower(s) {
  return s ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/**
 * Downloads the checker and compiles it as it arrives, or, when the server does not send it as
 * application/wasm, once downloaded: from the same response, never downloaded twice.
 * @param {string} url
 * @returns {Promise<WebAssembly.Module>}
 */
export async function compile(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new FrenchError(`Le vérificateur n'a pas pu être téléchargé\u00a0: ${lower(errorMessage(err))}`);
  }
  if (!response.ok) {
    throw new FrenchError(`Le vérificateur n'a pas pu être téléchargé (le serveur a répondu ${response.status}).`);
  }
  const type = (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
  try {
    return type === "application/wasm" ? await WebAssembly.compileStreaming(response) : await WebAssembly.compile(await response.arrayBuffer());
  } catch (err) {
    throw new FrenchError(`Le vérificateur n'a pas pu être démarré\u00a0: ${lower(errorMessage(err))}`);
  }
}

/**
 * A started checker: call runs one method synchronously and answers its JSON text, or throws a
 * FrenchError (stopped) once the checker has stopped; whenStopped settles with the French reason
 * the checker stopped for, the first time it does.
 * @typedef {{ call: (name: string, args: string[]) => string, complete: boolean, memory: () => number, whenStopped: Promise<string> }} Running
 */

/**
 * Checkers started on one global object one after the other: each announces itself on the same
 * globals (clsmCheckerReady, clsmChecker), which a second one started at once would take over.
 */
/** @type {Promise<unknown>} */
let starting = Promise.resolve();

/**
 * Starts a checker (compiled: its compilation, already under way) on this global object (a page
 * or a worker): loads wasm_exec.js (exec: its address, by default beside this module) when Go is
 * not yet defined, runs the program and waits for it to announce its functions.
 * @param {Promise<WebAssembly.Module>} compiled
 * @param {string} [exec]
 * @returns {Promise<Running>}
 */
export function start(compiled, exec) {
  const started = starting.then(() => run(compiled, exec || new URL("wasm_exec.js", import.meta.url).href));
  starting = started.catch(() => {});
  return started;
}

/** @param {Promise<WebAssembly.Module>} compiled @param {string} exec @returns {Promise<Running>} */
async function run(compiled, exec) {
  const g = /** @type {any} */ (globalThis);
  if (!g.Go) {
    try {
      await import(exec);
    } catch (err) {
      throw new FrenchError("Le fichier wasm_exec.js, qui démarre le vérificateur, n'a pas pu être chargé.");
    }
  }
  const output = watchOutput(g);
  const go = new g.Go();
  const ready = new Promise((resolve) => {
    g.clsmCheckerReady = resolve;
  });
  const module = await compiled;
  /** @type {WebAssembly.Instance} */
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, go.importObject);
  } catch (err) {
    throw new FrenchError(`Le vérificateur n'a pas pu être démarré\u00a0: ${lower(errorMessage(err))}`);
  }
  /** @type {string} */
  let stopped = "";
  /** @type {(reason: string) => void} */
  let announce = () => {};
  const whenStopped = new Promise((resolve) => {
    announce = resolve;
  });
  /** @param {string} reason */
  const stop = (reason) => {
    if (stopped) return;
    stopped = reason;
    announce(reason);
  };
  /** Why the checker stopped, in French: memory, a trap, or the program's end. @param {unknown} [err] */
  const reason = (err) => {
    if (/out of memory/i.test(output.text())) return OUT_OF_MEMORY;
    if (err === undefined) return EXITED;
    const m = errorMessage(err);
    return m === "Erreur inattendue du navigateur." ? INTERNAL_ERROR : m;
  };
  const exited = Promise.resolve(go.run(instance)).then(() => stop(reason()), (err) => stop(reason(err)));
  const announced = await Promise.race([ready.then(() => true), exited.then(() => false)]);
  if (!announced) throw new FrenchError(`Le vérificateur n'a pas pu être démarré\u00a0: ${lower(stopped)}`);
  const raw = g.clsmChecker;
  const mem = /** @type {WebAssembly.Memory | undefined} */ (instance.exports.mem);
  return {
    complete: raw.complete === true,
    memory: () => (mem ? mem.buffer.byteLength : 0),
    whenStopped,
    call(name, args) {
      if (stopped) throw new FrenchError(stopped, true);
      let out;
      try {
        out = raw[name](...args);
      } catch (err) {
        // A trap, memory that cannot grow, or Go that has exited in the call: nothing runs after it.
        stop(reason(err));
        throw new FrenchError(stopped, true);
      }
      if (go.exited) {
        // Go ended in the call (« fatal error: out of memory » exits): its answer is not one.
        stop(reason());
        throw new FrenchError(stopped, true);
      }
      return out;
    },
  };
}

/**
 * Keeps the last lines Go wrote (wasm_exec.js writes them through globalThis.fs), still shown in
 * the console: « fatal error: out of memory » is how Go says it could not grow its memory.
 * @param {any} g
 */
function watchOutput(g) {
  let tail = "";
  const fs = g.fs;
  if (fs && typeof fs.writeSync === "function" && !fs.clsmWatched) {
    const write = fs.writeSync.bind(fs);
    const decoder = new TextDecoder("utf-8");
    fs.writeSync = (/** @type {number} */ fd, /** @type {Uint8Array} */ buf) => {
      tail = (tail + decoder.decode(buf)).slice(-2048);
      return write(fd, buf);
    };
    fs.clsmWatched = () => tail;
  }
  return { text: () => (fs && fs.clsmWatched ? fs.clsmWatched() : "") };
}

/**
 * Serves the protocol above on a worker's global scope: the script of checker-worker.js.
 * @param {{ postMessage: (m: any) => void, addEventListener: (type: "message", f: (e: MessageEvent) => void) => void }} scope
 */
export function serve(scope) {
  /** @type {Running | null} */
  let checker = null;
  /** @type {string} */
  let stopped = "";
  scope.addEventListener("message", async (event) => {
    const data = event.data || {};
    if (data.type === "start") {
      try {
        checker = await start(compile(String(data.url)));
      } catch (err) {
        scope.postMessage({ type: "failed", message: errorMessage(err) });
        return;
      }
      checker.whenStopped.then((message) => {
        stopped = message;
        scope.postMessage({ type: "stopped", message });
      });
      scope.postMessage({ type: "ready", complete: checker.complete });
      return;
    }
    if (data.type === "resources") {
      scope.postMessage({ type: "answer", id: data.id, out: JSON.stringify(performance.getEntriesByType("resource").map((e) => e.name)) });
      return;
    }
    if (data.type !== "call") return;
    if (!checker || stopped) {
      scope.postMessage({ type: "answer", id: data.id, error: stopped || "Le vérificateur n'est pas démarré.", stopped: true });
      return;
    }
    try {
      scope.postMessage({ type: "answer", id: data.id, out: checker.call(String(data.name), data.args), memory: checker.memory() });
    } catch (err) {
      scope.postMessage({ type: "answer", id: data.id, error: errorMessage(err), stopped: !!(/** @type {any} */ (err)?.stopped) });
    }
  });
  scope.postMessage({ type: "loaded" });
}
