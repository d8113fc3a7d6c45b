// @ts-check
// Une évaluation régionale : les fichiers lus un à un, envoyés un à un au vérificateur complet
// (les méthodes region… de l'API WebAssembly), qui n'en garde que ce que la synthèse demande ;
// avec l'avancement (n / N), l'annulation, et la synthèse rendue en HTML et en CSV à la fin.
// Rien ici ne touche la page : l'élément <clsm-region> l'affiche.
//
// Mémoire bornée : jamais plus de WINDOW fichiers à la fois entre la page et le vérificateur,
// chacun coupé à MAX_SIZE + 1 octets (le vérificateur le dit alors trop volumineux) ; le
// vérificateur ne garde de chaque fichier que sa ligne de la synthèse (quelques centaines
// d'octets). Avec le référentiel « auto », une première lecture donne la région des dossiers ;
// les textes lus sont gardés pour la seconde tant qu'ils tiennent dans KEEP_BUDGET, sinon relus.

/** The largest dossier the checker reads (clsm.MaxSize): a larger file is cut one byte after. */
export const MAX_SIZE = 1 << 20;
/** Files sent to the checker and not yet answered, at most: the pipeline's depth. */
export const WINDOW = 4;
/** Characters of file text kept between the two readings of an « auto » run, at most. */
export const KEEP_BUDGET = 64 << 20;

/**
 * A file to evaluate: a File (or any Blob with a name) read when its turn comes, or a text.
 * @typedef {{ path: string, file?: Blob, text?: string }} Entry
 */

/**
 * Calls a method of the complete checker with JSON-text arguments; answers its JSON envelope's
 * text, or rejects with a French error (err.stopped once the checker has stopped).
 * @typedef {(name: string, args: string[]) => Promise<string>} Call
 */

/**
 * What a run answers: the report and its renderings, or a French error, or nothing when cancelled.
 * @typedef {{ report?: any, html?: string, csv?: string, error?: { message: string }, cancelled?: boolean, millis: number }} Outcome
 */

/**
 * Reads one entry's text, cut at MAX_SIZE + 1 bytes; an unreadable file gets a text the
 * checker lists as not JSON.
 * @param {Entry} e
 * @returns {Promise<string>}
 */
export async function readText(e) {
  if (e.text !== undefined) return e.text;
  if (!e.file) return "";
  try {
    return await (e.file.size > MAX_SIZE ? e.file.slice(0, MAX_SIZE + 1) : e.file).text();
  } catch {
    return "\u0000 illisible"; // not JSON: listed with the checker's problem
  }
}

/**
 * Evaluates entries against a referential (an ID, or "auto") at a date, one file at a time.
 * @param {Call} call
 * @param {Entry[]} entries
 * @param {{ referential: string, date: string, onProgress?: (done: number, total: number, phase: "note" | "add") => void, cancelled?: () => boolean, read?: (e: Entry) => Promise<string> }} options
 * @returns {Promise<Outcome>}
 */
export async function runRegion(call, entries, options) {
  const t0 = performance.now();
  const read = options.read || readText;
  const cancelled = options.cancelled || (() => false);
  const progress = options.onProgress || (() => {});
  const ask = async (/** @type {string} */ name, /** @type {string[]} */ args) => {
    const env = JSON.parse(await call(name, args));
    if (env.error) throw Object.assign(new Error(env.error.message), { french: true, envelope: env });
    return env.value;
  };
  let session = "";
  try {
    session = String((await ask("regionStart", [options.referential, options.date])).session);
    /** @type {Map<Entry, string>} texts kept from the first reading for the second */
    const kept = new Map();
    if (options.referential === "auto") {
      let budget = KEEP_BUDGET;
      const ok = await pipeline(entries, read, async (e, text) => {
        if (text.length <= budget) {
          kept.set(e, text);
          budget -= text.length;
        }
        await ask("regionNote", [session, text]);
      }, (n) => progress(n, entries.length, "note"), cancelled);
      if (!ok) return cancel(ask, session, t0);
    }
    const reread = async (/** @type {Entry} */ e) => {
      const text = kept.get(e);
      kept.delete(e);
      return text !== undefined ? text : read(e);
    };
    const ok = await pipeline(entries, reread, (e, text) => ask("regionAdd", [session, e.path, text]),
      (n) => progress(n, entries.length, "add"), cancelled);
    if (!ok) return cancel(ask, session, t0);
    const report = await ask("regionReport", [session]);
    session = "";
    const text = JSON.stringify(report);
    const html = await ask("renderRegional", [text, "html"]);
    const csv = await ask("renderRegional", [text, "csv"]);
    return { report, html, csv, millis: performance.now() - t0 };
  } catch (err) {
    if (session) call("regionCancel", [session]).catch(() => {});
    const e = /** @type {any} */ (err);
    if (e && e.envelope) return { error: e.envelope.error, millis: performance.now() - t0 };
    return { error: { message: e && e.french ? e.message : "Le vérificateur n'a pas pu répondre\u00a0: rechargez la page." }, millis: performance.now() - t0 };
  }
}

/**
 * Ends a cancelled run's session.
 * @param {(name: string, args: string[]) => Promise<any>} ask
 * @param {string} session
 * @param {number} t0
 * @returns {Promise<Outcome>}
 */
async function cancel(ask, session, t0) {
  await ask("regionCancel", [session]).catch(() => {});
  return { cancelled: true, millis: performance.now() - t0 };
}

/**
 * Reads the entries in order and gives each text to send, with at most WINDOW of them sent and
 * not yet answered: the next file is read while the checker evaluates the previous ones. Answers
 * false when cancelled.
 * @param {Entry[]} entries
 * @param {(e: Entry) => Promise<string>} read
 * @param {(e: Entry, text: string) => Promise<unknown>} send
 * @param {(done: number) => void} progress
 * @param {() => boolean} cancelled
 */
async function pipeline(entries, read, send, progress, cancelled) {
  /** @type {Set<Promise<unknown>>} */
  const inFlight = new Set();
  let done = 0;
  /** @type {{ err: unknown } | null} */
  let failed = null;
  for (const e of entries) {
    if (failed || cancelled()) break;
    const text = await read(e);
    const p = send(e, text).then(
      () => {
        progress(++done);
      },
      (err) => {
        failed = failed || { err };
      },
    ).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= WINDOW) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failed) throw (/** @type {{ err: unknown }} */ (failed)).err;
  return !cancelled();
}
