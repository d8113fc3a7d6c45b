// @ts-check
// L'API du vérificateur telle que clsm.js la donne, sur l'une des deux façons de le faire
// tourner : dans la page (chaque méthode répond aussitôt) ou dans un travailleur (chaque méthode
// répond par une promesse). Chaque méthode renvoie { value } ou { error: { message, problems } }
// et ne lève jamais d'exception.

import { errorMessage, lower } from "./checker-core.js";

/**
 * The API over one way of running the checker: run(name, strings) answers its JSON text, or a
 * promise of it (inWorker: each method then answers a promise). The complete checker's API has
 * the methods the form's checker leaves out (schemas, aggregate, renderRegional, documents, document); the form's has
 * none of them.
 * @param {(name: string, strings: string[]) => string | Promise<string>} run
 * @param {boolean} inWorker
 * @param {boolean} complete
 * @returns {any}
 */
export function makeAPI(run, inWorker, complete) {
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
