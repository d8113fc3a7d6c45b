// @ts-check
// The form's saved state in the page: which storage key it owns, restoring the saved record
// at start-up, saving at each change (and saying so), setting aside what cannot be read, and
// lifting an older dossier to the checker's format.

import { el } from "../dom.js";
import { ask } from "./checker.js";
import { note, showAlert } from "./dialogs.js";
import { download } from "./files.js";
import { defaultRef } from "./referential.js";
import { browserStorage, dossierVersion, liftNumbers, readRecord, setAsideRecord, writeRecord } from "./store.js";
import { frenchReason, frenchTime, isDay, stamp, validDate } from "../format.js";

// The storage keys of the forms alive on this page: two forms writing under
// one key would erase each other's answers.
const liveKeys = new Map();

/**
 * Réserve la clé de stockage pour ce formulaire. Si un autre formulaire de la page l'utilise
 * déjà, celui-ci prend la clé suivante libre (« clé-2 », « clé-3 »…) et la page en est avertie.
 */
export function claimKey(form, key) {
  const taken = (k) => {
    const other = liveKeys.get(k);
    return other && other !== form && other.root && other.root.isConnected;
  };
  if (!taken(key)) {
    liveKeys.set(key, form);
    return key;
  }
  let i = 2;
  while (taken(`${key}-${i}`)) i++;
  const own = `${key}-${i}`;
  liveKeys.set(own, form);
  note(form,
    `Deux formulaires de cette page utilisent la même clé d'enregistrement « ${key} ». Pour ne pas effacer les réponses de l'autre, ` +
      `celui-ci enregistre les siennes sous la clé « ${own} ». Gestionnaire du site : donnez à chaque formulaire son propre attribut « stockage ».`,
    "duplicate_storage_key",
  );
  return own;
}

/** Reprend l'enregistrement du stockage local, au démarrage ; ce qui ne peut être relu est mis de côté. */
export function restore(form) {
  const read = readRecord(browserStorage, form.storageKey);
  if (read.failed) {
    form.pendingAlert = `Les réponses enregistrées dans ce navigateur n'ont pas pu être relues : ${frenchReason(read.failed)}.`;
    return;
  }
  if (read.none) return;
  if (read.unreadable) {
    setAside(form, read.text, read.unreadable);
    return;
  }
  const saved = read.saved;
  form.dossier = saved.dossier; // an older format is lifted by the checker once it is loaded (upgradeDossier)
  form.raw = saved.raw || {};
  liftNumbers(form.dossier, "", form.raw);
  if (saved.referential) form.referential = saved.referential;
  form.refByHand = saved.referentialChosen === true;
  if (saved.custom) form.custom = saved.custom;
  if (saved.date && !form.fixedDate) {
    if (isDay(saved.date)) {
      form.date = saved.date;
      form.dateChosen = true;
    } else {
      form.pendingAlert = `La date d'évaluation enregistrée n'est pas un jour valide : la date du jour est utilisée.`;
    }
  }
  form.savedAt = validDate(saved.savedAt);
  form.savedAtUnknown = !form.savedAt;
  form.restoredText = read.text;
  form.unchecked = true;
}

/**
 * Met de côté un enregistrement illisible, tel quel, sous une autre clé du stockage local,
 * le propose à l'export, et repart d'un formulaire vide.
 */
export function setAside(form, text, reason) {
  const when = stamp();
  const { key, stored } = setAsideRecord(browserStorage, form.storageKey, text, when);
  form.dossier = { schemaVersion: dossierVersion() };
  form.raw = {};
  form.savedAt = null;
  form.restoredText = null;
  form.unchecked = false;
  const where = stored
    ? `Elles ont été mises de côté telles quelles dans ce navigateur, sous la clé « ${key} ».`
    : "Elles n'ont pas pu être mises de côté dans ce navigateur : exportez-les maintenant, elles seront remplacées à votre prochaine réponse.";
  const exportButton = el("button", {
    type: "button", class: "fr-btn fr-btn--secondary fr-btn--sm clsm-export-recovered",
    onclick: () => download(form, text, `reponses-mises-de-cote-${when}.json`, "Réponses mises de côté exportées"),
  }, "Exporter les réponses mises de côté");
  note(form,
    `Les réponses enregistrées dans ce navigateur n'ont pas pu être relues (${reason}). ${where} ` +
      "Exportez-les pour les garder ou les faire examiner ; le formulaire repart d'un dossier vide.",
    "saved_state_unreadable",
    [exportButton],
  );
}

/**
 * Vérifie, une fois le vérificateur chargé, qu'il sait lire le dossier relu du stockage ;
 * promesse de vrai s'il a dû être mis de côté.
 */
export async function checkRestored(form) {
  form.unchecked = false;
  let text;
  try {
    text = JSON.stringify(form.dossier);
  } catch (err) {
    text = null;
  }
  const res = text === null
    ? { error: { message: "Le dossier enregistré ne peut pas être mis en forme." } }
    : await ask(form, "assess", text, defaultRef(form), form.date);
  if (!res.error || res.error.code === "invalid_dossier") return false;
  const first = (res.error.problems || []).slice(0, 3).map((p) => p.message).join(" ");
  setAside(form, form.restoredText || JSON.stringify({ dossier: form.dossier, raw: form.raw }), `le vérificateur ne sait pas lire le dossier enregistré : ${first || res.error.message}`);
  return true;
}

/** Enregistre le dossier dans le stockage local, et le dit (ou dit pourquoi il ne l'est pas). */
export function save(form) {
  const record = {
    version: 1,
    dossier: form.dossier,
    raw: form.raw,
    referential: form.referential,
    referentialChosen: form.refByHand || undefined,
    custom: form.custom,
    date: form.dateChosen ? form.date : undefined,
    savedAt: new Date().toISOString(),
  };
  const res = writeRecord(browserStorage, form.storageKey, record);
  if (res.ok) {
    form.savedAt = new Date();
    form.status.textContent = `Enregistré dans ce navigateur à ${frenchTime(form.savedAt)}.`;
    form.status.classList.remove("clsm-status--error");
    if (form.storageFailed) {
      form.storageFailed = false;
      showAlert(form, "");
    }
    return;
  }
  form.storageFailed = true;
  form.status.textContent = "Non enregistré.";
  form.status.classList.add("clsm-status--error");
  showAlert(form, res.error === "json"
    ? "Attention : vos réponses n'ont pas pu être mises en forme pour être enregistrées (une valeur du dossier n'est pas représentable en JSON). Exportez ce qui peut l'être et signalez ce problème."
    : "Attention : vos réponses n'ont pas pu être enregistrées dans ce navigateur (stockage refusé ou plein). " +
      "Elles restent affichées : exportez votre dossier (bouton « Exporter le dossier ») pour ne rien perdre.");
}

/** Vrai si le dossier est d'un format plus ancien que celui du vérificateur. */
export function needsUpgrade(form) {
  return !!(form.api && form.dossier && form.dossier.schemaVersion !== dossierVersion(form.data));
}

/**
 * Met au format courant, avec le vérificateur, un dossier restauré d'un format plus ancien :
 * ses réponses sont gardées ; un dossier illisible, ou qui a des problèmes, est laissé tel
 * quel (ses problèmes s'affichent comme le verdict, chacun à sa question).
 */
export async function upgradeDossier(form) {
  while (needsUpgrade(form)) {
    const before = form.dossier;
    const generation = form.generation;
    const res = await ask(form, "upgrade", JSON.stringify(before));
    if (res.error || !res.value || !res.value.dossier) return;
    // A dossier with problems stays as it was typed, shown « à corriger » answer by answer:
    // the upgraded copy would leave out the values the checker refuses.
    if (res.value.problems && res.value.problems.length) return;
    // An answer given meanwhile is in the old format: lift it too, never lose it.
    if (form.dossier !== before || form.generation !== generation) continue;
    form.dossier = res.value.dossier;
    if (form.status) save(form); // before build(), the next save writes it
    return;
  }
}

/** Vrai si le dossier a au moins une réponse (un champ autre que son format). */
export function hasAnswers(form) {
  return Object.keys(form.dossier).some((k) => k !== "schemaVersion");
}
