// @ts-check
// The coalescing of verdict requests, as a small state machine without the page: one request
// to the checker at a time; the requests made meanwhile are merged into one more pass at its
// return, and only the result of the last pass is shown.
//
//   idle  --request-->  busy  --pass done-->  idle
//   busy  --request-->  stale --pass done-->  busy (one more pass, its result shown)
//
// A pass that fails leaves the machine idle all the same: the next request starts afresh.

/** @typedef {"idle" | "busy" | "stale"} VerdictState */

/**
 * What a VerdictRequests calls: start when it leaves idle, pass for each pass (current() is
 * true while no request came after it began: its result may be shown; again() asks for one
 * more pass), and end when it is idle again.
 * @typedef {object} VerdictHooks
 * @property {() => void} start
 * @property {(current: () => boolean, again: () => void) => Promise<void>} pass
 * @property {() => void} end
 */

/** Les demandes de verdict d'un formulaire, une à la fois, les suivantes fusionnées. */
export class VerdictRequests {
  /** @param {VerdictHooks} hooks */
  constructor(hooks) {
    /** @type {VerdictState} */
    this.state = "idle";
    /** @type {VerdictHooks} */
    this.hooks = hooks;
  }

  /** Vrai tant qu'une demande est en cours. */
  get busy() {
    return this.state !== "idle";
  }

  /** Vrai quand une demande est venue pendant la passe en cours : une autre suivra. */
  get stale() {
    return this.state === "stale";
  }

  /**
   * Demande un verdict : une passe commence si aucune n'est en cours ; sinon la passe en cours
   * devient périmée et une autre suivra. La promesse est tenue quand la machine est de nouveau
   * au repos (pour la demande qui l'a fait démarrer) ou tout de suite (pour les autres).
   */
  async request() {
    if (this.state !== "idle") {
      this.state = "stale";
      return;
    }
    this.state = "busy";
    this.hooks.start();
    try {
      do {
        this.state = "busy";
        await this.hooks.pass(() => this.state === "busy", () => {
          this.state = "stale";
        });
      } while (this.stale);
    } finally {
      this.state = "idle";
      this.hooks.end();
    }
  }
}
