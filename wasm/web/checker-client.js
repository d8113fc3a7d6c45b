// @ts-check
// Le client d'un vérificateur qui tourne dans un travailleur (Web Worker, checker-worker.js) :
// un automate à états explicites qui parle le protocole de checker-core.js, et qui dit toujours
// la vérité sur le vérificateur, en français. États :
//   loading      le script du travailleur n'a pas encore tourné ;
//   starting     le travailleur télécharge, compile et démarre le vérificateur ;
//   ready        le vérificateur répond aux appels ;
//   unreachable  le script du travailleur n'a jamais tourné (absent du serveur, refusé par la
//                politique de sécurité) : l'appelant fait tourner le vérificateur dans la page ;
//   failed       le vérificateur n'a pas pu démarrer ;
//   stopped      le vérificateur s'est arrêté après avoir démarré (erreur interne, mémoire
//                épuisée, travailleur arrêté).
// Dans les trois derniers états, chaque appel en attente et chaque appel suivant est rejeté avec
// la même erreur : aucun n'attend pour toujours.

import { FrenchError, INTERNAL_ERROR, OUT_OF_MEMORY } from "./checker-core.js";

/**
 * What the client needs of a worker: a Worker, or a fake one in the tests.
 * @typedef {{
 *   postMessage: (message: any) => void,
 *   terminate: () => void,
 *   onmessage: ((e: { data: any }) => void) | null,
 *   onerror: ((e: { message?: string, preventDefault?: () => void }) => void) | null,
 *   onmessageerror: ((e: any) => void) | null,
 * }} WorkerLike
 */

/** @typedef {"loading" | "starting" | "ready" | "unreachable" | "failed" | "stopped"} State */

/** The message of a worker stopped by its page. */
export const TERMINATED = "Le vérificateur a été arrêté par la page\u00a0: rechargez-la pour le relancer.";

export class CheckerClient {
  /**
   * Starts the checker at url in worker.
   * @param {WorkerLike} worker
   * @param {string} url the checker's address
   */
  constructor(worker, url) {
    /** @type {State} */
    this.state = "loading";
    /** Whether the checker is the complete one (schemas, aggregate…), once ready. */
    this.complete = false;
    /** The French reason of a failed or stopped checker. */
    this.reason = "";
    /** The worker's WebAssembly memory in bytes, as of its last answer. */
    this.memory = 0;
    /** @type {Set<(state: State) => void>} */
    this.watchers = new Set();
    this.worker = worker;
    /** @type {Map<number, { resolve: (out: string) => void, reject: (err: Error) => void }>} */
    this.waiting = new Map();
    this.next = 0;
    /** @type {(value: State) => void} */
    let settle = () => {};
    /** Settles once the checker is ready, failed, stopped or unreachable: with that state. */
    this.started = /** @type {Promise<State>} */ (new Promise((resolve) => {
      settle = resolve;
    }));
    this.settle = settle;
    worker.onmessage = (e) => this.receive(e.data || {});
    worker.onerror = (e) => {
      if (e && e.preventDefault) e.preventDefault();
      if (this.state === "loading") this.enter("unreachable", "Le travailleur du vérificateur n'a pas pu être chargé.");
      else if (this.state === "starting") this.enter("failed", "Le vérificateur n'a pas pu être démarré dans ce navigateur\u00a0: rechargez la page.");
      else this.enter("stopped", /memory|allocation/i.test(String(e && e.message)) ? OUT_OF_MEMORY : INTERNAL_ERROR);
    };
    worker.onmessageerror = () => this.enter("stopped", "La réponse du vérificateur n'a pas pu être transmise à la page\u00a0: rechargez la page.");
    worker.postMessage({ type: "start", url });
  }

  /**
   * Calls f with each new state.
   * @param {(state: State) => void} f
   * @returns {() => void} what stops calling it
   */
  watch(f) {
    this.watchers.add(f);
    return () => this.watchers.delete(f);
  }

  /**
   * @param {State} state
   * @param {string} [reason]
   */
  enter(state, reason = "") {
    const final = this.state === "unreachable" || this.state === "failed" || this.state === "stopped";
    if (final || this.state === state) return;
    this.state = state;
    if (reason) this.reason = reason;
    if (state === "unreachable" || state === "failed" || state === "stopped") {
      for (const w of this.waiting.values()) w.reject(new FrenchError(this.reason, true));
      this.waiting.clear();
      this.worker.terminate();
    }
    if (state !== "starting") this.settle(state);
    for (const f of this.watchers) f(state);
  }

  /** @param {any} data */
  receive(data) {
    switch (data.type) {
      case "loaded":
        this.enter("starting");
        return;
      case "ready":
        this.complete = data.complete === true;
        this.enter("ready");
        return;
      case "failed":
        this.enter("failed", String(data.message));
        return;
      case "stopped":
        this.enter("stopped", String(data.message));
        return;
      case "answer": {
        const w = this.waiting.get(data.id);
        if (!w) return;
        this.waiting.delete(data.id);
        if (typeof data.memory === "number") this.memory = data.memory;
        if (data.error === undefined) {
          w.resolve(String(data.out));
          return;
        }
        w.reject(new FrenchError(String(data.error), data.stopped === true));
        if (data.stopped === true) this.enter("stopped", String(data.error));
      }
    }
  }

  /**
   * Sends a message that the worker answers, once the checker is ready.
   * @param {Record<string, unknown>} message
   * @returns {Promise<string>}
   */
  async send(message) {
    if (this.state !== "ready") await this.started;
    if (this.state !== "ready") throw new FrenchError(this.reason, true);
    return new Promise((resolve, reject) => {
      const id = ++this.next;
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /**
   * Calls a method of the checker: a promise of the JSON text it answers.
   * @param {string} name
   * @param {string[]} args JSON texts
   */
  call(name, args) {
    return this.send({ type: "call", name, args });
  }

  /** The addresses the worker asked for (the tests check they are all on the page's origin). */
  async resources() {
    return /** @type {string[]} */ (JSON.parse(await this.send({ type: "resources" })));
  }

  /** Stops the worker: every pending and later call is rejected. */
  terminate() {
    this.enter("stopped", TERMINATED);
  }
}

/**
 * Starts checkerURL in a module worker of workerURL; null where the page cannot start one (a
 * policy that forbids it, a browser without module workers).
 * @param {URL | string} workerURL
 * @param {string} checkerURL
 * @returns {CheckerClient | null}
 */
export function workerClient(workerURL, checkerURL) {
  let worker;
  try {
    worker = new Worker(workerURL, { type: "module" });
  } catch {
    return null;
  }
  return new CheckerClient(worker, checkerURL);
}
