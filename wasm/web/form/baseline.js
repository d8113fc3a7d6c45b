// @ts-check
// Baseline comparison: last year's dossier, imported and kept in the browser, assessed
// beside this year's, and the table of what changed rule by rule.

import { el, put } from "../dom.js";
import { ask, needAPI } from "./checker.js";
import { showAlert } from "./dialogs.js";
import { isPlainObject } from "./paths.js";
import { problemText } from "./problems.js";
import { refSpec } from "./referential.js";
import { ruleSummaries } from "./rules.js";
import { MAX_FILE, dossierVersion } from "./store.js";
import { OUTCOMES } from "./summary.js";
import { count, frenchDateText, frenchNumber, frenchReason, isDay, lowerFirst } from "../format.js";

/** La clé du stockage local où est gardé le dossier de référence (l'export de l'an dernier). */
export function baselineKey(form) {
  return `${form.storageKey}-comparaison`;
}

/** Relit du stockage local le dossier de référence : {name, date, origin, dossier}, ou null. */
export function readBaseline(form) {
  let text = null;
  try {
    text = localStorage.getItem(baselineKey(form));
  } catch (e) {
    return null;
  }
  if (text === null) return null;
  try {
    const b = JSON.parse(text);
    if (isPlainObject(b) && typeof b.name === "string" && isDay(b.date) && isPlainObject(b.dossier)) return b;
  } catch (e) { /* said below */ }
  form.baselineLost = true;
  return null;
}

/** La zone « Par rapport à l'an dernier », sous le résultat, créée à la première évaluation. */
export function comparisonArea(form) {
  if (form.cmp) return form.cmp;
  const p = form.p;
  const c = {};
  c.file = el("input", { type: "file", id: `${p}-baseline-file`, accept: "application/json,.json", class: "clsm-hidden", tabindex: "-1", "aria-hidden": "true", onchange: (e) => importBaseline(form, e) });
  c.intro = el("p", { class: "fr-text--sm clsm-compare-intro", id: `${p}-compare-intro` });
  c.choose = el("button", { type: "button", class: "fr-btn fr-btn--secondary fr-btn--sm", id: `${p}-baseline-choose`, onclick: () => c.file.click() });
  c.remove = el("button", { type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm", id: `${p}-baseline-remove`, onclick: () => removeBaseline(form) }, "Retirer la référence");
  c.error = el("div", { class: "clsm-compare-error", role: "alert" });
  c.result = el("div", { class: "clsm-compare-result", id: `${p}-compare` });
  c.root = el("div", { class: "clsm-compare" },
    el("h3", { class: "fr-h6", id: `${p}-compare-title` }, "Par rapport à l'an dernier"),
    c.intro,
    el("ul", { class: "fr-btns-group fr-btns-group--inline fr-btns-group--sm" }, el("li", {}, c.choose, c.file), el("li", {}, c.remove)),
    c.error, c.result);
  form.summary.after(c.root);
  form.cmp = c;
  return c;
}

/**
 * Compare les réponses de cette année au dossier de référence, avec le même référentiel,
 * chacun à sa date d'évaluation, et affiche ce qui a progressé, reculé, ce qui s'applique
 * désormais ou ne s'applique plus. error : l'erreur de l'évaluation courante, s'il y en a une.
 */
export async function renderComparison(form, error) {
  if (!form.api) return;
  const c = comparisonArea(form);
  if (form.baseline === undefined) form.baseline = readBaseline(form);
  const b = form.baseline;
  const asked = (form.comparisonAsked = (form.comparisonAsked || 0) + 1);
  // The comparison shown stays until the new one replaces it, at once.
  c.remove.hidden = !b;
  c.choose.textContent = b ? "Choisir un autre dossier de référence" : "Choisir le dossier de l'an dernier";
  if (!b) {
    c.result.textContent = "";
    c.intro.textContent = form.baselineLost
      ? "Le dossier de référence enregistré dans ce navigateur n'a pas pu être relu\u00a0: choisissez de nouveau le fichier exporté l'an dernier."
      : "Choisissez le dossier exporté l'an dernier (fichier JSON) pour voir ce qui a progressé ou reculé depuis. Il sert seulement de point de comparaison\u00a0: vos réponses ne sont pas modifiées.";
    return;
  }
  const origin = b.origin === "name" ? "date lue dans le nom du fichier" : "date d'enregistrement du fichier";
  c.intro.textContent = `Dossier de référence\u00a0: «\u00a0${b.name}\u00a0», évalué au ${frenchDateText(b.date)} (${origin}), avec le cahier des charges choisi ci-dessus. Vos réponses de cette année sont évaluées au ${frenchDateText(form.date)}.`;
  if (error) {
    c.result.replaceChildren(el("p", { class: "fr-text--sm" }, "La comparaison reprendra quand les réponses signalées seront corrigées."));
    return;
  }
  const res = await ask(form, "compare", b.dossier, refSpec(form), b.date, form.dossier, refSpec(form), form.date);
  if (asked !== form.comparisonAsked) return; // a later comparison was asked meanwhile
  c.result.textContent = "";
  if (res.error) {
    c.result.append(el("p", { class: "fr-error-text" }, problemText(res.error)));
    return;
  }
  const cmp = res.value.comparison;
  const outcome = (o) => (OUTCOMES.find(([v]) => v === o) || [o, "Sans objet"])[1];
  const rules = ruleSummaries(form);
  const level = (ch) => lowerFirst((rules.get(ch.ruleId) || {}).levelLabel || ch.level);
  const groups = [
    ["improved", "Ce qui s'est amélioré", cmp.improved],
    ["regressed", "Ce qui a reculé", cmp.regressed],
    ["new", "Ce qui s'applique désormais", cmp.new],
    ["dropped", "Ce qui ne s'applique plus", cmp.dropped],
  ];
  put(c.result,
    el("p", { class: "fr-text--sm clsm-compare-verdict" }, "Verdict\u00a0: ",
      el("span", { class: `fr-badge fr-badge--sm clsm-badge--${res.value.before.level}` }, res.value.before.label), ` au ${frenchDateText(cmp.before)}, `,
      el("span", { class: `fr-badge fr-badge--sm clsm-badge--${res.value.after.level}` }, res.value.after.label), ` au ${frenchDateText(cmp.after)}.`),
    groups.filter(([, , list]) => list.length).map(([kind, title, list]) => el("div", { class: `clsm-compare-group clsm-compare-group--${kind}` },
      el("h4", { class: "fr-text--sm fr-text--bold clsm-compare-title" }, `${title} (${list.length})`),
      el("ul", {}, list.map((ch) => el("li", { class: "clsm-compare-change", "data-rule": ch.ruleId },
        el("strong", {}, ch.requirement), " ", el("span", { class: "fr-text--xs" }, `(${level(ch)})`), "\u00a0: ",
        outcome(ch.before), el("span", { "aria-hidden": "true" }, " → "), el("span", { class: "clsm-sr-only" }, ", devenu "), lowerFirst(outcome(ch.after))))))),
    el("p", { class: "fr-text--sm" }, groups.some(([, , list]) => list.length)
      ? `${count(cmp.unchanged, "autre règle n'a pas changé de résultat", "autres règles n'ont pas changé de résultat")}.`
      : `Aucune règle n'a changé de résultat (${count(cmp.unchanged, "règle comparée", "règles comparées")}).`));
}

/** Lit le fichier choisi comme dossier de référence (l'export de l'an dernier). */
export async function importBaseline(form, e) {
  const file = e.target.files[0];
  e.target.value = "";
  if (!file) return;
  const c = comparisonArea(form);
  c.error.textContent = "";
  const refuse = (why) => c.error.append(el("div", { class: "fr-alert fr-alert--error fr-alert--sm" }, el("p", {}, `«\u00a0${file.name}\u00a0» ne peut pas servir de référence\u00a0: ${why} Vos réponses ne sont pas modifiées.`)));
  if (file.size > MAX_FILE) {
    refuse(`il est trop gros pour être un dossier (au plus ${frenchNumber(MAX_FILE / 1024)}\u00a0Kio).`);
    return;
  }
  let text;
  try {
    text = await file.text();
  } catch (err) {
    refuse(`il n'a pas pu être lu (${frenchReason(err)}).`);
    return;
  }
  // The export is named after its evaluation date (dossier-…-AAAA-MM-JJ.json); otherwise the
  // day the file was last written.
  const named = (/(\d{4}-\d{2}-\d{2})/.exec(file.name) || [])[1];
  const written = new Date(file.lastModified);
  const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  const date = isDay(named) ? named : !Number.isNaN(written.getTime()) ? day(written) : form.date;
  const why = await setBaseline(form, text, file.name, date, isDay(named) ? "name" : "file");
  if (why) refuse(why);
}

/**
 * Prend un dossier (texte JSON) comme référence de comparaison, évalué à date (AAAA-MM-JJ) ;
 * un format plus ancien est d'abord mis au format courant. Renvoie "" ou, en français, la
 * raison du refus. Les réponses de cette année ne sont jamais touchées.
 */
export async function setBaseline(form, text, name, date, origin = "name") {
  if (!needAPI(form)) return "le vérificateur est encore en cours de chargement.";
  let dossier;
  try {
    dossier = JSON.parse(text);
  } catch (err) {
    return "ce n'est pas du JSON lisible.";
  }
  if (!isPlainObject(dossier)) return "ce n'est pas un dossier (un objet JSON est attendu).";
  // The answers' problems: a message names its question already
  // (« « Population » : … »), so no second label goes before it.
  const problems = (list) => (list || []).slice(0, 5).map((p) => ` ${p.message}`).join("");
  if (dossier.schemaVersion !== dossierVersion(form.data)) {
    const up = await ask(form, "upgrade", text);
    if (up.error) return `${lowerFirst(up.error.message)}${problems(up.error.problems)}`;
    dossier = up.value.dossier;
  }
  const checked = await ask(form, "validate", dossier);
  if (checked.error) return lowerFirst(checked.error.message);
  if (!checked.value.valid) return `${count(checked.value.problems.length, "réponse est invalide", "réponses sont invalides")}.${problems(checked.value.problems)}`;
  form.baseline = { version: 1, name: String(name).slice(0, 200), date, origin, dossier };
  form.baselineLost = false;
  try {
    localStorage.setItem(baselineKey(form), JSON.stringify(form.baseline));
  } catch (err) {
    showAlert(form, "Le dossier de référence n'a pas pu être enregistré dans ce navigateur\u00a0: la comparaison vaut pour cette visite seulement.");
  }
  comparisonArea(form).error.textContent = "";
  form.status.textContent = `Dossier de référence choisi\u00a0: «\u00a0${form.baseline.name}\u00a0».`;
  renderComparison(form, form.report ? null : { message: "" });
  return "";
}

/** Retire le dossier de référence ; les réponses de cette année restent. */
export function removeBaseline(form) {
  form.baseline = null;
  try {
    localStorage.removeItem(baselineKey(form));
  } catch (e) { /* nothing kept to remove */ }
  form.status.textContent = "Dossier de référence retiré\u00a0: plus de comparaison avec l'an dernier.";
  clearTimeout(form.compareTimer);
  form.compareTimer = null;
  renderComparison(form, form.report ? null : { message: "" });
  comparisonArea(form).choose.focus();
}
