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
// le vérificateur tourne alors dans un travailleur (Web Worker, checker-worker.js), et la page
// reste utilisable pendant qu'il démarre et qu'il calcule. C'est ce qu'utilisent le formulaire
// et l'élément <clsm-autoevaluation>.
//
//   const api = await loadInWorker();
//   const r = await api.assess(dossier, "idf", "2026-11-22");

/** The checker stopped (Go exited, the worker failed): no later call can succeed. */
function stoppedError(message) {
  const err = new FrenchError(message);
  err.stopped = true;
  return err;
}

/** Une erreur dont le message est déjà en français, prêt à être affiché. */
class FrenchError extends Error {
  constructor(message) {
    super(message);
    this.french = true;
  }
}

/** Le message, en français, d'une erreur quelconque (les navigateurs écrivent les leurs en anglais). */
export function errorMessage(err) {
  if (err && err.french) return err.message;
  if (err instanceof TypeError && /fetch|network|load/i.test(String(err.message))) {
    return "Le serveur n'a pas répondu (connexion impossible, ou adresse refusée par la politique de sécurité de la page).";
  }
  if (typeof WebAssembly === "object" && (err instanceof WebAssembly.CompileError || err instanceof WebAssembly.LinkError)) {
    return "Le fichier du vérificateur reçu est abîmé ou d'une autre version : rechargez la page.";
  }
  if (typeof WebAssembly === "object" && err instanceof WebAssembly.RuntimeError) {
    return "Le vérificateur s'est arrêté sur une erreur interne : rechargez la page.";
  }
  if (err && err.name === "QuotaExceededError") return "Le stockage de ce navigateur est plein.";
  if (err && err.name === "SecurityError") return "Ce navigateur refuse l'accès au stockage local.";
  if (err instanceof SyntaxError) return "Le contenu reçu n'est pas du JSON lisible.";
  if (err && err.name === "NotReadableError") return "Le fichier n'a pas pu être lu.";
  return "Erreur inattendue du navigateur.";
}

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
 * serveur), le vérificateur tourne dans la page : l'API reste la même.
 * @param {{base?: string, wasm?: string}} [options] comme pour load().
 */
export const loadInWorker = once(startInWorker);

/**
 * Starts once per page and per checker file: a later call that names the same file gets the same
 * promise, one that names another file starts that checker, and a call after a failure tries again.
 */
function once(start) {
  const loading = new Map(); // checker URL -> promise of its API
  return (options = {}) => {
    let key;
    try {
      key = where(options).url;
    } catch (err) {
      return Promise.reject(new FrenchError(`Adresse du vérificateur invalide (base « ${options.base} », wasm « ${options.wasm} »).`));
    }
    if (!loading.has(key)) {
      loading.set(key, start(options).catch((err) => {
        loading.delete(key); // a later call may try again
        throw err;
      }));
    }
    return loading.get(key);
  };
}

/** The folder of checker.wasm and wasm_exec.js, and the checker's address. */
function where(options) {
  const base = options.base ? new URL(options.base, document.baseURI) : new URL(".", import.meta.url);
  return { base, url: new URL(options.wasm || "checker.wasm?v=dev", base).href };
}

async function startHere(options) {
  const { base, url } = where(options);
  // Compiling needs no imports: it starts at once, while the page loads wasm_exec.js and the
  // rest, and the browser compiles the module as it arrives, away from the page's main thread.
  const compiled = compile(url);
  compiled.catch(() => {}); // reported below, once awaited
  const { run, complete } = await runHere(base, compiled);
  return makeAPI(run, false, complete);
}

/**
 * Checkers started in the page one after the other: each one announces itself on the same
 * globals (clsmCheckerReady, clsmChecker), which a second one started at once would take over.
 */
let startingHere = Promise.resolve();

/** Runs the compiled checker on the page's main thread; answers its call function. */
function runHere(base, compiled) {
  const started = startingHere.then(() => startRunning(base, compiled));
  startingHere = started.catch(() => {});
  return started;
}

async function startRunning(base, compiled) {
  if (!globalThis.Go) {
    await loadScript(new URL("wasm_exec.js", base).href);
  }
  const go = new globalThis.Go();
  const ready = new Promise((resolve) => {
    globalThis.clsmCheckerReady = resolve;
  });
  const module = await compiled;
  let instance;
  try {
    instance = await WebAssembly.instantiate(module, go.importObject);
  } catch (err) {
    throw new FrenchError(`Le vérificateur n'a pas pu être démarré\u00a0: ${lower(errorMessage(err))}`);
  }
  let exited = false;
  go.run(instance).finally(() => {
    exited = true;
  });
  await ready;
  const raw = globalThis.clsmChecker;
  const run = (name, strings) => {
    if (exited) throw stoppedError("Le vérificateur s'est arrêté\u00a0: rechargez la page.");
    return raw[name](...strings);
  };
  return { run, complete: raw.complete === true };
}

async function startInWorker(options) {
  const { base, url } = where(options);
  let worker;
  try {
    worker = new Worker(new URL("checker-worker.js", base));
  } catch (err) {
    const { run, complete } = await runHere(base, compile(url));
    return makeAPI(run, true, complete);
  }
  // The worker downloads and compiles the module as it arrives, then starts it: the page's
  // main thread does none of it. Listened to at once: a worker script the server does not
  // have fails before anything else.
  const started = new Promise((resolve) => {
    worker.onmessage = (e) => resolve(e.data || {});
    worker.onerror = (e) => {
      e.preventDefault();
      resolve({ unreachable: true });
    };
  });
  worker.postMessage({ url });
  const answer = await started;
  if (answer.unreachable) {
    worker.terminate();
    const { run, complete } = await runHere(base, compile(url));
    return makeAPI(run, true, complete);
  }
  if (answer.error) {
    worker.terminate();
    throw new FrenchError(answer.error);
  }
  return makeAPI(workerCall(worker), true, answer.complete === true);
}

/** Sends each call to the worker; answers a promise of the checker's JSON text. */
function workerCall(worker) {
  const waiting = new Map();
  let next = 0;
  let stopped = "";
  const stop = (message) => {
    stopped = message;
    for (const w of waiting.values()) w.reject(stoppedError(message));
    waiting.clear();
  };
  worker.onmessage = (e) => {
    const { id, out, error } = e.data || {};
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    if (error) w.reject(new FrenchError(error));
    else w.resolve(out);
  };
  worker.onerror = (e) => {
    e.preventDefault();
    stop("Le vérificateur s'est arrêté sur une erreur interne\u00a0: rechargez la page.");
  };
  worker.onmessageerror = () => stop("La réponse du vérificateur n'a pas pu être transmise à la page\u00a0: rechargez la page.");
  return (name, strings) => {
    if (stopped) throw stoppedError(stopped);
    return new Promise((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, name, args: strings });
    });
  };
}

/**
 * Compile le vérificateur pendant son téléchargement, ou, si le serveur ne l'envoie pas comme
 * application/wasm, une fois téléchargé : de la même réponse, sans le télécharger deux fois.
 */
async function compile(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new FrenchError(`Le vérificateur n'a pas pu être téléchargé\u00a0: ${lower(errorMessage(err))}`);
  }
  if (!response.ok) {
    throw new FrenchError(`Le vérificateur n'a pas pu être téléchargé (le serveur a répondu ${response.status}).`);
  }
  try {
    return isWasm(response) ? await WebAssembly.compileStreaming(response) : await WebAssembly.compile(await response.arrayBuffer());
  } catch (err) {
    throw new FrenchError(`Le vérificateur n'a pas pu être démarré\u00a0: ${lower(errorMessage(err))}`);
  }
}

/** Vrai si le serveur envoie la réponse comme application/wasm, ce qu'exige la compilation au fil de l'arrivée. */
function isWasm(response) {
  return (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase() === "application/wasm";
}

function lower(s) {
  return s ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new FrenchError(`Le fichier ${src} n'a pas pu être chargé.`));
    document.head.append(script);
  });
}

/**
 * The API over one way of running the checker: run(name, strings) answers its JSON text, or a
 * promise of it (inWorker: each method then answers a promise). The complete checker's API has
 * the methods the form's checker leaves out (schemas, aggregate, renderRegional); the form's has
 * none of them.
 */
function makeAPI(run, inWorker, complete) {
  const answer = (envelope) => (inWorker ? Promise.resolve(envelope) : envelope);
  const failed = (name, err) => ({
    error: {
      message: err && err.stopped
        ? `${err.message} Vos réponses sont conservées dans ce navigateur.`
        : `Le vérificateur n'a pas pu répondre (${name})\u00a0: ${lower(errorMessage(err))} Vos réponses sont conservées dans ce navigateur.`,
    },
  });
  const read = (name, out) => {
    try {
      return JSON.parse(out);
    } catch (err) {
      return { error: { message: `La réponse du vérificateur (${name}) est illisible\u00a0: rechargez la page. Vos réponses sont conservées dans ce navigateur.` } };
    }
  };
  const call = (name, ...args) => {
    let strings;
    try {
      strings = args.map((a) => (typeof a === "string" ? a : JSON.stringify(a ?? null)));
    } catch (err) {
      return answer({ error: { message: `Les arguments passés au vérificateur (${name}) ne sont pas représentables en JSON (structure circulaire ou nombre BigInt).` } });
    }
    let out;
    try {
      out = run(name, strings);
    } catch (err) {
      return answer(failed(name, err));
    }
    if (!inWorker) return read(name, out);
    return Promise.resolve(out).then((text) => read(name, text), (err) => failed(name, err));
  };
  const api = {
    /** Version du vérificateur et des formats. */
    version: () => call("version"),
    /** Référentiels intégrés : [{id, name, issuer, version, summary, rules}]. */
    referentials: () => call("referentials"),
    /** Questionnaire d'un référentiel (identifiant intégré ou JSON d'un référentiel personnalisé). */
    questionnaire: (referential) => call("questionnaire", referential),
    /** Vérifie qu'un dossier est bien formé : {valid, problems}. */
    validate: (dossier) => call("validate", dossier),
    /** Met un dossier d'un format plus ancien au format courant, réponses gardées : {dossier, from, to, problems}. */
    upgrade: (dossier) => call("upgrade", dossier),
    /** Évalue un dossier à une date AAAA-MM-JJ : {report, problems}. */
    assess: (dossier, referential, date) => call("assess", dossier, referential, date),
    /** Rapport rendu en "html", "md", "text" ou "json" (une chaîne). */
    render: (dossier, referential, date, format) => call("render", dossier, referential, date, format),
    /**
     * Compare deux dossiers d'un même CLSM (l'export de l'an dernier et les réponses de cette
     * année), chacun évalué à sa date : {comparison, before, after}.
     */
    compare: (before, beforeReferential, beforeDate, after, afterReferential, afterDate) =>
      call("compare", before, beforeReferential, beforeDate, after, afterReferential, afterDate),
    /** Dossiers d'exemple : [{id, name}]. */
    examples: () => call("examples"),
    /** Un dossier d'exemple. */
    example: (id) => call("example", id),
  };
  if (complete) {
    /** Schémas JSON du dossier, du référentiel et du rapport. */
    api.schemas = () => call("schemas");
    /** Synthèse régionale de fichiers : [{name, text}], {files: [{name, text}]} ou {files: {nom: texte}}. */
    api.aggregate = (files, referential, date) => call("aggregate", files, referential, date);
    /** Synthèse régionale rendue en "html", "md", "text", "csv" ou "json" (une chaîne). */
    api.renderRegional = (report, format) => call("renderRegional", report, format);
    /** Documents que le référentiel demande au stade du dossier. */
    api.documents = (dossier, referential, date) => call("documents", dossier, referential, date);
    /** Un document à déposer : "odt" (base64), "html" ou "md" (texte) ; baseline : le dossier de l'année précédente. */
    api.document = (dossier, referential, date, id, format, baseline) =>
      call("document", dossier, referential, date, id, format, baseline ?? "");
  }
  return Object.freeze(api);
}
