// @ts-check
// Import and export: the dossier as a file (exported with its pending answers), a file
// read back (size, JSON, checker's upgrade), the example dossiers, and the dossier set by the
// host page.

import { el } from "../dom.js";
import { ask, needAPI } from "./checker.js";
import { confirm, showAlert } from "./dialogs.js";
import { getAt, isPlainObject } from "./paths.js";
import { problemText } from "./problems.js";
import { loadQuestionnaire } from "./questionnaire.js";
import { defaultRef, referentialNotice, regionReferential, selectReferentialOption, showReferentialSwitch } from "./referential.js";
import { needsUpgrade, save, upgradeDossier } from "./saving.js";
import { MAX_FILE, dossierVersion, liftNumbers, pendingOf } from "./store.js";
import { frenchNumber, frenchReason } from "../format.js";

/**
 * Remplace le dossier (objet) et enregistre. Un dossier du format courant est en place au
 * retour ; un format plus ancien l'est une fois mis au format courant (la promesse rendue).
 * Les réponses en attente du fichier (clé « pending ») redeviennent des saisies en attente,
 * affichées à leur question. how : « new » pour un autre dossier (un exemple, un import), qui
 * passe au référentiel de sa région même si la personne en avait choisi un ; « set » (la page
 * hôte) y passe sauf choix de la personne ; « reset » garde le référentiel.
 */
export async function setDossier(form, dossier, how = "set") {
  form.dossier = isPlainObject(dossier) ? dossier : { schemaVersion: dossierVersion() };
  const pending = pendingOf(form.dossier.pending);
  delete form.dossier.pending;
  if (!form.dossier.schemaVersion) form.dossier.schemaVersion = dossierVersion();
  if (needsUpgrade(form)) await upgradeDossier(form);
  form.raw = pending;
  liftNumbers(form.dossier, "", form.raw);
  showAlert(form, "");
  form.lastDept = getAt(form.dossier, "/territory/department");
  if (how === "new") form.refByHand = false;
  const sw = how === "reset" ? null : regionReferential(form, how === "new");
  if (sw) selectReferentialOption(form);
  else if (form.refNotice) referentialNotice(form);
  save(form);
  loadQuestionnaire(form);
  if (sw) showReferentialSwitch(form, sw);
}

/**
 * Le dossier tel qu'il est exporté : les réponses, et sous « pending » le texte tapé qui n'est
 * pas encore un nombre ou une date (rien de ce qui est tapé n'est perdu). Un fichier qui a des
 * réponses en attente est un dossier à corriger, pour le vérificateur comme pour l'outil en
 * ligne de commande.
 */
export function exported(form) {
  if (!Object.keys(form.raw).length) return form.dossier;
  return { ...form.dossier, pending: { ...form.raw } };
}

/** Télécharge le dossier, réponses en attente comprises, en JSON. */
export function exportFile(form) {
  let text;
  try {
    text = JSON.stringify(exported(form), null, 2) + "\n";
  } catch (err) {
    showAlert(form, "Le dossier n'a pas pu être mis en forme pour l'export (une valeur n'est pas représentable en JSON).");
    return;
  }
  const name = (typeof form.dossier.name === "string" ? form.dossier.name : "clsm").normalize("NFD").replace(/[^\w]+/g, "-").replace(/^-|-$/g, "").toLowerCase().slice(0, 60) || "clsm";
  download(form, text, `dossier-${name}-${form.date}.json`, "Dossier exporté");
}

/** Fait télécharger un texte JSON sous un nom de fichier. */
export function download(form, text, filename, done) {
  try {
    const a = el("a", { href: URL.createObjectURL(new Blob([text], { type: "application/json" })), download: filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    form.status.textContent = `${done} (${filename}).`;
  } catch (err) {
    showAlert(form, `Le fichier ${filename} n'a pas pu être créé : ${frenchReason(err)}.`);
  }
}

/** Lit le fichier choisi par la personne et l'importe (voir importText). */
export async function importFile(form, e) {
  const file = e.target.files[0];
  e.target.value = "";
  if (!file) return;
  if (file.size > MAX_FILE) {
    showAlert(form, `« ${file.name} » est trop gros pour être un dossier (${frenchNumber(Math.ceil(file.size / 1024))}\u00a0Kio ; au plus ${frenchNumber(MAX_FILE / 1024)}\u00a0Kio) ; vos réponses actuelles sont conservées.`);
    return;
  }
  let text;
  try {
    text = await file.text();
  } catch (err) {
    showAlert(form, `« ${file.name} » n'a pas pu être lu : ${frenchReason(err)} ; vos réponses actuelles sont conservées.`);
    return;
  }
  importText(form, text, `Le fichier « ${file.name} »`);
}

/**
 * Importe un dossier JSON (texte) ; les réponses actuelles ne sont remplacées que si le
 * vérificateur sait le lire. Un dossier lisible mais aux réponses invalides est importé :
 * il est alors affiché « à corriger », réponse par réponse. Promesse de vrai si le dossier
 * est proposé au remplacement.
 */
export async function importText(form, text, name = "Le fichier") {
  if (!needAPI(form)) return false;
  if (typeof text !== "string" || text.length > MAX_FILE) {
    showAlert(form, `${name} est trop gros pour être un dossier\u00a0; vos réponses actuelles sont conservées.`);
    return false;
  }
  const res = await ask(form, "assess", text, defaultRef(form), form.date);
  if (res.error && res.error.code !== "invalid_dossier") {
    showAlert(form, `${name} n'est pas un dossier lisible ; vos réponses actuelles sont conservées. ${problemText(res.error)}`);
    return false;
  }
  let dossier;
  try {
    dossier = JSON.parse(text);
  } catch (err) {
    showAlert(form, `${name} n'est pas du JSON lisible ; vos réponses actuelles sont conservées.`);
    return false;
  }
  if (!isPlainObject(dossier)) {
    showAlert(form, `${name} n'est pas un dossier (un objet JSON est attendu) ; vos réponses actuelles sont conservées.`);
    return false;
  }
  confirm(form, `Vos réponses seront remplacées par celles de ${name.replace(/^Le /, "le ")}. Exportez d'abord votre dossier si vous voulez le garder.`, async () => {
    await setDossier(form, dossier, "new");
    const pending = Object.keys(form.raw).length;
    form.status.textContent = `Dossier importé depuis ${name}.` + (pending === 1
      ? " Une réponse en attente est reprise telle que tapée\u00a0: corrigez-la pour obtenir un verdict."
      : pending > 1 ? ` ${pending}\u00a0réponses en attente sont reprises telles que tapées\u00a0: corrigez-les pour obtenir un verdict.` : "");
  }, "Remplacer par le dossier importé", form.root.querySelector(`#${form.p}-import-btn`));
  return true;
}
