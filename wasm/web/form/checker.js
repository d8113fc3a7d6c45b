// @ts-check
// The verdict requests: every call to the checker (ask), when the form is idle (settled),
// and the coalescing of verdicts (one request at a time; answers given meanwhile are assessed
// together at its return, and only the latest result is shown), through VerdictRequests.

import { showAlert } from "./dialogs.js";
import { exported } from "./files.js";
import { schedulePrintable } from "./print.js";
import { loadQuestionnaire, refresh } from "./questionnaire.js";
import { readLists, refSpec } from "./referential.js";
import { checkRestored, needsUpgrade, upgradeDossier } from "./saving.js";
import { showVerdict } from "./summary.js";
import { VerdictRequests } from "./verdicts.js";

/**
 * Appelle une méthode du vérificateur et renvoie une promesse de sa réponse ({ value } ou
 * { error }), que l'API soit celle d'un travailleur (loadInWorker) ou de la page (load).
 * L'appel compte dans settled() jusqu'à ce que sa réponse soit traitée.
 */
export function ask(form, method, ...args) {
  form.inflight++;
  const answer = Promise.resolve(form.api[method](...args));
  const done = () => {
    form.inflight--;
    wakeSettled(form);
  };
  answer.then(done, done);
  return answer;
}

/** Vrai quand le formulaire n'attend rien du vérificateur : le dernier résultat est affiché. */
export function idle(form) {
  return form.inflight === 0 && !form.verdicts.busy && !form.printTimer && !form.compareTimer && !form.building;
}

/** Tient les promesses de settled() si le formulaire est au repos, après la tâche en cours. */
export function wakeSettled(form) {
  // After the task that handles the answer: its caller has drawn it by then,
  // or asked the checker again.
  setTimeout(() => {
    if (idle(form)) for (const resolve of form.waiters.splice(0)) resolve();
  }, 0);
}

/** Tient la promesse firstVerdict, une fois le premier verdict affiché. */
export function settleFirstVerdict(form) {
  if (form.resolveFirstVerdict && form.assessed) {
    const resolve = form.resolveFirstVerdict;
    form.resolveFirstVerdict = null;
    resolve(form.report);
  }
}

/** Renvoie le vérificateur, ou signale qu'il se charge encore. */
export function needAPI(form) {
  if (form.api) return true;
  showAlert(form, "Le vérificateur est encore en cours de chargement : réessayez dans un instant.");
  return false;
}

/**
 * Donne au formulaire le vérificateur, une fois chargé : l'API de loadInWorker() (chaque
 * méthode renvoie une promesse) ou celle de load().
 */
export async function attach(form, api) {
  form.api = api;
  if (!form.data || !form.data.referentials) await readLists(form);
  if (needsUpgrade(form)) await upgradeDossier(form);
  if (!form.questionnaire) {
    loadQuestionnaire(form);
    return;
  }
  refresh(form);
}

/**
 * Les demandes de verdict du formulaire (voir VerdictRequests) : avant la première passe, la
 * version imprimable attendue est annulée ; à la fin, elle est de nouveau prévue et settled()
 * est réveillé.
 */
export function verdictRequests(form) {
  return new VerdictRequests({
    start: () => {
      clearTimeout(form.printTimer);
      form.printTimer = 0;
    },
    pass: (current, again) => verdictPass(form, current, again),
    end: () => {
      schedulePrintable(form);
      wakeSettled(form);
    },
  });
}

/**
 * Demande au vérificateur le résultat des réponses actuelles. Une demande à la fois : les
 * réponses données pendant le calcul sont évaluées ensemble à son retour, et seul le
 * résultat des dernières est affiché.
 */
export function requestVerdict(form) {
  return form.verdicts.request();
}

/** Une passe : le dossier relu du stockage vérifié s'il ne l'est pas encore, puis le verdict. */
async function verdictPass(form, current, again) {
  if (form.unchecked && (await checkRestored(form))) {
    // The saved dossier was set aside: show the questions again, empty.
    loadQuestionnaire(form);
    again();
    return;
  }
  // With the text typed but not yet a value (pending): a dossier to correct, never a level.
  const res = await ask(form, "assess", exported(form), refSpec(form), form.date);
  if (current()) showVerdict(form, res);
}
