// @ts-check
// The referential in use: the built-in list, the referential of the dossier's region (and
// the notice that says it changed), a custom referential read from a file, and the
// questionnaire of each.

import { el } from "../dom.js";
import { ask, needAPI } from "./checker.js";
import { showAlert } from "./dialogs.js";
import { getAt } from "./paths.js";
import { problemText } from "./problems.js";
import { loadQuestionnaire } from "./questionnaire.js";
import { save } from "./saving.js";
import { dossierVersion } from "./store.js";
import { lowerFirst, upperFirst } from "../format.js";

/**
 * Un référentiel de la liste nommé dans une phrase : « le référentiel Île-de-France », « le socle
 * national » (la partie de son nom avant « — »).
 */
export function referentialPhrase(r) {
  if (!r) return "le référentiel précédent";
  const short = String(r.name || r.id).split(" — ")[0];
  return r.default ? `le ${lowerFirst(short)}` : `le référentiel ${short}`;
}

/** « le … » devenu « au … » : « Revenir au socle national ». */
export function toThe(phrase) {
  return phrase.replace(/^le /, "au ");
}

/**
 * La région (code INSEE, nom) d'un département, d'après data.json (la table des départements
 * que le Go en écrit, celle de clsm), ou null.
 */
export function regionOf(department, data) {
  if (typeof department !== "string" || !data || !data.departments) return null;
  return data.departments[department] || null;
}

/**
 * Le référentiel utilisé : { id, name, savedCopy } ; savedCopy est vrai pour un référentiel
 * personnalisé relu du stockage local (la copie enregistrée lors d'une visite précédente).
 */
export function referentialInUse(form) {
  if (form.referential === "custom" && form.custom) {
    let name = "référentiel personnalisé";
    try {
      name = JSON.parse(form.custom).name || name;
    } catch (e) { /* the checker says what is wrong with it */ }
    return { id: "custom", name, savedCopy: true };
  }
  const r = referentialList(form).find((x) => x.id === form.referential);
  return { id: form.referential, name: r ? r.name : form.referential, savedCopy: false };
}

/** Le référentiel à donner au vérificateur : son identifiant, ou le JSON d'un référentiel personnalisé. */
export function refSpec(form) {
  return form.referential === "custom" && form.custom ? form.custom : form.referential;
}

/** Les référentiels intégrés (data.json, ou le vérificateur une fois chargé). */
export function referentialList(form) {
  return (form.data && form.data.referentials) || [];
}

/** Sans data.json, les listes du formulaire viennent du vérificateur, une fois chargé. */
export async function readLists(form) {
  const [refs, examples, version] = await Promise.all([ask(form, "referentials"), ask(form, "examples"), ask(form, "version")]);
  if (refs.error) showAlert(form, refs.error.message);
  form.data = { ...form.data, referentials: refs.value || [], examples: examples.value || [], version: version.value };
  dossierVersion(form.data);
  fillLists(form);
  selectReferentialOption(form);
}

/** Les options des listes de référentiels et d'exemples. */
export function fillLists(form) {
  const examples = (form.data && form.data.examples) || [];
  form.refSelect.replaceChildren(
    ...referentialList(form).map((r) => el("option", { value: r.id, text: `${r.name} (${r.rules} règles)` })),
    el("option", { value: "custom", text: "Référentiel d'une ARS (fichier JSON)…" }),
  );
  form.exampleSelect.replaceChildren(...examples.map((x) => el("option", { value: x.id, text: x.name })));
}

/**
 * Passe au référentiel de la région du département du dossier (la liste des référentiels dit
 * leurs régions ; une région sans référentiel propre prend celui par défaut), sauf si la page
 * en impose un, si la personne en a choisi un elle-même ou pour un référentiel personnalisé.
 * Sans département, rien ne change, sauf si noDeptToDefault (un dossier importé ou un
 * exemple) : le référentiel par défaut. Renvoie { from, to, dep, region } si le référentiel
 * change (this.referential est alors le nouveau), sinon null.
 */
export function regionReferential(form, noDeptToDefault) {
  if (form.referentialFixed || form.refByHand || form.referential === "custom") return null;
  const dep = getAt(form.dossier, "/territory/department");
  const region = regionOf(dep, form.data);
  if (!region && !noDeptToDefault) return null;
  const list = referentialList(form);
  const ref = (region && list.find((r) => (r.regions || []).includes(region.code))) || list.find((r) => r.default);
  if (!ref || ref.id === form.referential) return null;
  const from = form.referential;
  form.referential = ref.id;
  return { from, to: ref.id, dep: region ? dep : "", region };
}

/**
 * Dit, au-dessus des questions, que le référentiel a changé avec la région du dossier, avec un
 * bouton pour revenir au précédent.
 */
export function showReferentialSwitch(form, sw) {
  const list = referentialList(form);
  const to = list.find((r) => r.id === sw.to);
  const from = list.find((r) => r.id === sw.from);
  let why = sw.dep ? `département ${sw.dep}` : "le dossier ne dit pas son département";
  if (sw.region && to && !(to.regions || []).includes(sw.region.code)) why += ` : la région ${sw.region.name} n'a pas de référentiel intégré`;
  const text = `${upperFirst(referentialPhrase(to))} s'applique désormais à ce dossier (${why}).`;
  const undo = el("button", {
    type: "button", class: "fr-btn fr-btn--secondary fr-btn--sm clsm-ref-undo", id: `${form.p}-ref-undo`,
    onclick: () => undoReferentialSwitch(form, sw),
  }, `Revenir ${toThe(referentialPhrase(from))}`);
  referentialNotice(form, el("p", { class: "clsm-ref-notice__text" }, text), undo);
  form.root.dispatchEvent(new CustomEvent("clsm-referential", { detail: { id: sw.to, previous: sw.from, message: text }, bubbles: true, composed: true }));
}

/** Le bandeau qui dit le référentiel appliqué (créé au premier changement) ; sans contenu, il disparaît. */
export function referentialNotice(form, ...children) {
  if (!form.refNotice) {
    form.refNotice = el("div", { class: "fr-notice fr-notice--info clsm-ref-notice", id: `${form.p}-ref-notice`, role: "status" });
    form.status.before(form.refNotice);
  }
  form.refNotice.replaceChildren(...children);
  form.refNotice.hidden = !children.length;
}

/** « Revenir au socle national » : le référentiel d'avant, gardé désormais comme un choix de la personne. */
export function undoReferentialSwitch(form, sw) {
  const from = referentialList(form).find((r) => r.id === sw.from);
  form.referential = sw.from;
  form.refByHand = true;
  selectReferentialOption(form);
  save(form);
  loadQuestionnaire(form);
  referentialNotice(form, el("p", { class: "clsm-ref-notice__text" },
    `${upperFirst(referentialPhrase(from))} s'applique de nouveau à ce dossier, jusqu'à ce que vous choisissiez un autre cahier des charges.`));
  form.refSelect.focus();
}

/** Choisit dans la liste le référentiel en cours (le référentiel par défaut s'il n'y est pas). */
export function selectReferentialOption(form) {
  if (form.referential === "custom" && form.custom) {
    let name = "Référentiel personnalisé";
    try {
      name = JSON.parse(form.custom).name || name;
    } catch (e) { /* shown by the checker */ }
    let opt = form.refSelect.querySelector('option[value="custom"]');
    opt.textContent = `${name} (fichier)`;
  }
  form.refSelect.value = form.referential;
  if (form.refSelect.value !== form.referential) {
    form.referential = defaultRef(form);
    form.refSelect.value = form.referential;
  }
}

/**
 * Le questionnaire d'un référentiel : tout de suite ({ value }) pour un référentiel de
 * data.json, une promesse pour un autre (le vérificateur le construit), null tant que le
 * vérificateur n'est pas chargé.
 */
export function questionnaireFor(form, spec) {
  if (form.data && form.data.questionnaires && form.data.questionnaires[spec]) {
    return { value: form.data.questionnaires[spec] };
  }
  if (!form.api) return null; // a custom referential: wait for the checker
  return ask(form, "questionnaire", spec);
}

/** Le référentiel par défaut, celui que la liste des référentiels désigne (« default »). */
export function defaultRef(form) {
  const d = referentialList(form).find((r) => r.default);
  return d ? d.id : "national";
}

/** Le référentiel choisi dans la liste : le questionnaire change, ou le fichier d'un référentiel est demandé. */
export function changeReferential(form) {
  // A choice of the person: kept, whatever the department says.
  form.refByHand = true;
  if (form.refNotice) referentialNotice(form);
  if (form.refSelect.value === "custom") {
    if (!needAPI(form)) {
      form.refSelect.value = form.referential;
      return;
    }
    if (form.custom) {
      form.referential = "custom";
    } else {
      form.refSelect.value = form.referential;
      form.refFile.click();
      return;
    }
  } else {
    form.referential = form.refSelect.value;
  }
  save(form);
  loadQuestionnaire(form);
}

/** Lit le fichier d'un référentiel personnalisé choisi par la personne. */
export async function loadReferentialFile(form, e) {
  const file = e.target.files[0];
  e.target.value = "";
  if (!file) return;
  const text = await file.text();
  if (!needAPI(form)) return;
  const q = await ask(form, "questionnaire", text);
  if (q.error) {
    showAlert(form, `Le référentiel « ${file.name} » ne peut pas être utilisé. ${problemText(q.error)}`);
    return;
  }
  form.custom = text;
  form.referential = "custom";
  selectReferentialOption(form);
  showAlert(form, "");
  save(form);
  loadQuestionnaire(form);
}

/** Utilise un référentiel personnalisé (JSON) ; promesse de l'erreur éventuelle, ou de null. */
export async function setCustomReferential(form, json) {
  if (!form.api) return { message: "Le vérificateur n'est pas encore chargé." };
  const q = await ask(form, "questionnaire", json);
  if (q.error) return q.error;
  form.custom = json;
  form.referential = "custom";
  selectReferentialOption(form);
  save(form);
  loadQuestionnaire(form);
  return null;
}
