// @ts-check
// The stepper: one step at a time or all of them on one page, the step list with the
// steps that decide the verdict, the previous and next buttons, and the address (#step).

import { el } from "../dom.js";
import { answered, getAt } from "./paths.js";
import { decisivePaths, livePaths, sectionApplies } from "./questionnaire.js";
import { count } from "../format.js";

/** Le choix « tout afficher sur une page », gardé dans ce navigateur. */
export function readShowAll(form) {
  try {
    return localStorage.getItem(`${form.storageKey}-affichage`) === "tout";
  } catch (e) {
    return false;
  }
}

/** Passe d'une étape à la fois à toutes les étapes sur une page, et inversement. */
export function toggleShowAll(form) {
  form.showAll = !form.showAll;
  try {
    if (form.showAll) localStorage.setItem(`${form.storageKey}-affichage`, "tout");
    else localStorage.removeItem(`${form.storageKey}-affichage`);
  } catch (e) { /* the choice holds for this visit */ }
  renderStepper(form);
  form.allToggle.focus();
}

/** Dessine l'indicateur d'étapes, la liste des étapes et l'état des boutons précédent et suivant. */
export function renderStepper(form) {
  if (!form.questionnaire) return;
  const sections = form.questionnaire.sections;
  const live = livePaths(form);
  const decisive = decisivePaths(form);
  let index = 0;
  const rows = sections.map((s, i) => {
    const visible = s.nodes.filter((n) => !n.wrapper.hidden);
    const done = visible.filter((n) => answered(getAt(form.dossier, n.item.path))).length;
    s.applies = sectionApplies(form, s, live);
    s.decisive = visible.some((n) => decisive.some((x) => x === n.item.path || x.startsWith(n.item.path + "/")));
    if (s.id === form.step) index = i;
    return [s, visible.length, done];
  });
  // The list of steps is drawn again only when one of its lines changes.
  const key = JSON.stringify([form.step, form.showAll, rows.map(([s, shown, done]) => [s.id, shown, done, s.applies, s.decisive])]);
  if (key !== form.stepperKey || !form.stepList.firstChild) {
    form.stepperKey = key;
    form.stepList.textContent = "";
    for (const [s, shown, done] of rows) {
      const current = s.id === form.step && !form.showAll;
      form.stepList.append(el("li", { class: `clsm-steplist__item${s.applies ? "" : " clsm-steplist__item--skipped"}` },
        el("a", {
          href: `#${s.sid}`, class: "fr-link clsm-steplist__link", "aria-current": current ? "step" : undefined,
          onclick: (e) => { e.preventDefault(); goTo(form, s.id, true); },
        }, s.title),
        el("span", { class: "clsm-steplist__info" },
          ` ${done}/${shown}`, el("span", { class: "clsm-sr-only" }, ` (${count(done, "question renseignée", "questions renseignées")} sur ${shown})`),
          s.decisive ? el("span", { class: "fr-badge fr-badge--sm clsm-tag-decisive" }, "décisive") : null,
          s.applies ? null : el("span", { class: "fr-badge fr-badge--sm clsm-tag-skipped" }, "sans objet"))));
    }
  }
  const cur = sections[index];
  for (const s of sections) s.el.hidden = !form.showAll && s !== cur;
  form.allToggle.setAttribute("aria-pressed", String(form.showAll));
  form.allToggle.textContent = form.showAll ? "Afficher une étape à la fois" : "Tout afficher sur une page";
  form.root.classList.toggle("clsm-form--all", form.showAll);
  if (!cur) return;
  const applicable = sections.filter((s) => s.applies || s === cur);
  const pos = applicable.indexOf(cur);
  const prev = neighbour(form, -1);
  const next = neighbour(form, 1);
  form.stepState.textContent = form.showAll ? `Toutes les étapes (${sections.length})` : `Étape ${pos + 1} sur ${applicable.length}\u00a0: ${cur.title}`;
  form.stepBar.dataset.frCurrentStep = String(pos + 1);
  form.stepBar.dataset.frSteps = String(applicable.length);
  form.stepBar.style.setProperty("--clsm-done", String(applicable.length ? (pos + 1) / applicable.length : 0));
  form.stepDetails.textContent = "";
  if (!form.showAll && next) form.stepDetails.append(el("span", { class: "fr-text--bold" }, "Étape suivante\u00a0:"), ` ${next.title}`);
  form.prevButton.hidden = form.showAll || !prev;
  form.nextButton.hidden = form.showAll || !next;
  if (prev) form.prevButton.textContent = `Étape précédente\u00a0: ${prev.title}`;
  if (next) form.nextButton.textContent = `Étape suivante\u00a0: ${next.title}`;
}

/** La section qui s'applique avant (dir = -1) ou après (dir = 1) l'étape courante, ou null. */
export function neighbour(form, dir) {
  const sections = form.questionnaire ? form.questionnaire.sections : [];
  let i = sections.findIndex((s) => s.id === form.step);
  for (i += dir; i >= 0 && i < sections.length; i += dir) {
    if (sections[i].applies) return sections[i];
  }
  return null;
}

/** Passe à l'étape précédente (-1) ou suivante (1). */
export function moveStep(form, dir) {
  const s = neighbour(form, dir);
  if (s) goTo(form, s.id, true);
}

/** Affiche l'étape id ; push : l'ajoute à l'historique (l'adresse garde l'étape). */
export function goTo(form, id, push, focus = true) {
  const s = form.questionnaire.sections.find((x) => x.id === id);
  if (!s) return;
  form.step = id;
  if (push) {
    try {
      if (location.hash !== `#${s.sid}`) history.pushState(null, "", `#${s.sid}`);
    } catch (e) { /* a sandboxed page: the step is still shown */ }
  }
  renderStepper(form);
  if (!focus) return;
  const target = form.showAll ? s.el : form.root.querySelector(`#${form.p}-stepper`);
  target.scrollIntoView({ block: "start" });
  s.el.querySelector(".clsm-section-title").focus({ preventScroll: true });
}

/** Suit l'adresse : « #clsm1-s-gouvernance » ouvre cette étape, « #clsm1-q-… » celle de la question. */
export function followHash(form, initial) {
  if (!form.questionnaire) return;
  const id = decodeURIComponent((location.hash || "").slice(1));
  if (!id.startsWith(`${form.p}-`)) {
    if (!initial && !id) {
      const first = form.questionnaire.sections[0];
      if (first && form.step !== first.id) goTo(form, first.id, false, false);
    }
    return;
  }
  const s = form.questionnaire.sections.find((x) => x.sid === id) || (form.items.find((n) => n.id === id) || {}).section;
  if (s && s.id !== form.step) goTo(form, s.id, false, !initial);
}
