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
  return form.inflight === 0 && !form.verdictBusy && !form.printTimer && !form.compareTimer && !form.building;
}

/**
 * Une promesse tenue quand le formulaire n'attend plus rien du vérificateur : le résultat
 * affiché est celui des réponses actuelles (pour la page hôte et les tests).
 */
export function settled(form) {
  if (idle(form)) return Promise.resolve();
  return new Promise((resolve) => form.waiters.push(resolve));
}

export function wakeSettled(form) {
  // After the task that handles the answer: its caller has drawn it by then,
  // or asked the checker again.
  setTimeout(() => {
    if (idle(form)) for (const resolve of form.waiters.splice(0)) resolve();
  }, 0);
}

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
 * Demande au vérificateur le résultat des réponses actuelles. Une demande à la fois : les
 * réponses données pendant le calcul sont évaluées ensemble à son retour, et seul le
 * résultat des dernières est affiché.
 */
export async function requestVerdict(form) {
  if (form.verdictBusy) {
    form.verdictAgain = true;
    return;
  }
  form.verdictBusy = true;
  clearTimeout(form.printTimer);
  form.printTimer = 0;
  try {
    do {
      form.verdictAgain = false;
      if (form.unchecked && (await checkRestored(form))) {
        // The saved dossier was set aside: show the questions again, empty.
        loadQuestionnaire(form);
        form.verdictAgain = true;
        continue;
      }
      // With the text typed but not yet a value (pending): a dossier to correct, never a level.
      const res = await ask(form, "assess", exported(form), refSpec(form), form.date);
      if (!form.verdictAgain) showVerdict(form, res);
    } while (form.verdictAgain);
  } finally {
    form.verdictBusy = false;
    schedulePrintable(form);
    wakeSettled(form);
  }
}
