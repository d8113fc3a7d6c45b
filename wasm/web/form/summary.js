// @ts-check
// The summary and the verdict bar: the level, the axes, the next steps, the findings by
// outcome, and the short announcement for screen readers, drawn from the checker's report.

import { el, put, reconcile } from "../dom.js";
import { renderComparison } from "./baseline.js";
import { settleFirstVerdict, wakeSettled } from "./checker.js";
import { linkTo, nodeFor, problemText, renderProblems } from "./problems.js";
import { referentialInUse } from "./referential.js";
import { renderStepper } from "./stepper.js";
import { count, frenchDateText } from "../format.js";

/** Les résultats d'une règle, dans l'ordre du résumé, avec leur libellé. */
export const OUTCOMES = [
  ["unmet", "Non respecté"],
  ["unknown", "Non renseigné"],
  ["not_due", "Pas encore dû"],
  ["met", "Respecté"],
  ["not_applicable", "Sans objet"],
];

// How many next steps the summary shows before the collapsed list.
export const STEPS_SHOWN = 5;

/** Affiche le résultat d'une évaluation (la réponse de assess). */
export function showVerdict(form, res) {
  form.assessed = true;
  if (res.error) {
    form.report = null;
    form.problems = res.error.problems || [];
    renderSummaryError(form, res.error);
  } else {
    form.report = res.value.report;
    form.problems = res.value.problems || [];
    renderSummary(form);
  }
  renderBar(form, res.error);
  renderStepper(form);
  renderProblems(form);
  // The comparison assesses both dossiers again: done once typing pauses,
  // at once the first time; without a baseline there is nothing to redo.
  clearTimeout(form.compareTimer);
  form.compareTimer = null;
  if (!form.cmp) renderComparison(form, res.error);
  else if (form.baseline) {
    form.compareTimer = setTimeout(() => {
      form.compareTimer = null;
      renderComparison(form, res.error);
      wakeSettled(form);
    }, 300);
  }
  // Told once the whole page shows the new verdict; a dossier to correct
  // (an invalid answer, or text typed that is not yet a value) has none.
  if (!res.error) form.root.dispatchEvent(new CustomEvent("clsm-report", { detail: form.report, bubbles: true, composed: true }));
  else if (res.error.code === "invalid_dossier") {
    form.root.dispatchEvent(new CustomEvent("clsm-invalid", { detail: { code: res.error.code, message: res.error.message, problems: form.problems }, bubbles: true, composed: true }));
  }
  settleFirstVerdict(form);
}

/** Le résumé d'un dossier que le vérificateur n'évalue pas : le message et ses problèmes. */
export function renderSummaryError(form, error) {
  form.summary.textContent = "";
  if (error.code === "invalid_dossier") {
    // An invalid dossier gets its problems as the verdict, never a level;
    // every answer is kept, each problem links to its question.
    put(form.summary,
      el("p", { class: "clsm-verdict" }, el("span", { class: "fr-badge fr-badge--error clsm-badge clsm-badge--invalid", id: `${form.p}-readiness` }, error.message)),
      el("p", { class: "fr-text--sm" }, "Aucun verdict tant que ces réponses ne sont pas corrigées ; vos autres réponses sont conservées."),
      el("ul", { class: "clsm-invalid" }, (error.problems || []).slice(0, 20).map((p) => {
        const node = nodeFor(form, p.path || "");
        return el("li", {}, p.message, " ", node ? linkTo(form, node, "Corriger") : null);
      })));
    return;
  }
  put(form.summary, el("p", { class: "fr-error-text" }, problemText(error)));
}

/**
 * Le résumé du verdict. Il est fait de parties (en-tête, scores, prochaines étapes, questions
 * décisives, un groupe par résultat, repères nationaux), chacune refaite seulement si ce
 * qu'elle montre a changé ; une règle dont le constat n'a pas changé garde sa ligne.
 */
export function renderSummary(form) {
  const r = form.report;
  const old = form.summaryParts || new Map();
  const parts = new Map();
  // A part: its elements, built again only when its key changes.
  const part = (name, key, build) => {
    const prev = old.get(name);
    const nodes = prev && prev.key === key ? prev.nodes : [build()].flat().filter((x) => x !== null && x !== undefined && x !== false);
    parts.set(name, { key, nodes });
    return nodes;
  };
  const drawn = [headPart, axesPart, stepsPart, decisivePart, findingsPart, nationalPart].map((draw) => draw(form, r, part));
  form.summaryParts = parts;
  reconcile(form.summary, drawn.flat());
}

/** Le niveau, ses explications et ses taux. */
function headPart(form, r, part) {
  const levelClass = { ready: "fr-badge--success", almost_ready: "fr-badge--info", in_progress: "fr-badge--warning", incomplete: "fr-badge--new" }[r.readiness.level];
  return part("head", JSON.stringify([r.readiness, r.warnings, r.counts.missingAnswers]), () => [
    el("p", { class: "clsm-verdict" }, el("span", { class: `fr-badge ${levelClass} clsm-badge clsm-badge--${r.readiness.level}`, id: `${form.p}-readiness` }, r.readiness.label)),
    el("p", { class: "fr-text--sm" }, r.readiness.explanation),
    r.readiness.caveat ? el("p", { class: "fr-text--sm clsm-caveat" }, r.readiness.caveat) : null,
    r.readiness.stageMeaning && r.readiness.level !== "ready" ? el("p", { class: "fr-text--sm" }, r.readiness.stageMeaning) : null,
    ...(r.warnings || []).map((w) => el("p", { class: "fr-text--sm clsm-warning", role: "note" }, el("strong", {}, "Avertissement"), "\u00a0: ", w)),
    el("p", { class: "fr-text--sm" },
      r.readiness.compliance !== undefined ? `Exigences requises respectées parmi celles renseignées\u00a0: ${r.readiness.compliance}\u00a0%. ` : "",
      `Exigences requises renseignées\u00a0: ${r.readiness.confidence}\u00a0%. `,
      r.counts.missingAnswers ? `${count(r.counts.missingAnswers, "question sans réponse dont dépendent des règles", "questions sans réponse dont dépendent des règles")}.` : "Toutes les questions utiles sont renseignées."),
  ]);
}

/** Les scores par axe. */
function axesPart(form, r, part) {
  return part("axes", JSON.stringify(r.axes), () => {
    const list = el("ul", { class: "clsm-axes" });
    for (const a of r.axes) {
      const applicable = a.met + a.unmet + a.unknown;
      if (!applicable) continue;
      const id = `${form.p}-axis-${a.axis}`;
      list.append(el("li", {},
        el("label", { for: id }, a.label, "\u00a0: ", a.score !== undefined ? `${a.score}\u00a0%` : "pas encore de réponse"),
        el("meter", { id, min: 0, max: 100, value: a.score !== undefined ? a.score : 0 })));
    }
    return [el("h3", { class: "fr-h6" }, "Scores par axe"), list];
  });

}

/** Les prochaines étapes, les bloquantes d'abord. */
function stepsPart(form, r, part) {
  // The steps come blocking first; the first five are shown, the others
  // in a collapsed list.
  const stepTarget = (s) => s.questions.map((q) => nodeFor(form, q.path)).find(Boolean);
  const step = (s) => {
    const target = stepTarget(s);
    return el("li", {},
      el("strong", {}, s.kind === "act" ? "À faire" : "À renseigner", s.blocking ? " (bloquant)" : ""), " — ", s.text, " ",
      target ? linkTo(form, target, "Aller à la question") : null);
  };
  // Blocking steps first, then those that answer a decisive question, then the rest.
  const decisive = new Set(r.decisiveQuestions.map((q) => q.path));
  const rank = (x) => (x.blocking ? 0 : x.questions.some((q) => decisive.has(q.path)) ? 1 : 2);
  const ordered = r.nextSteps.map((x, i) => [x, i]).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([x]) => x);
  return part("steps", JSON.stringify(ordered.map((x) => [x, (stepTarget(x) || {}).id])), () => {
    const list = el("ol", { class: "clsm-steps" }, ordered.slice(0, STEPS_SHOWN).map(step));
    const more = ordered.length > STEPS_SHOWN ? el("details", { class: "clsm-more-steps" },
      el("summary", {}, `Et ${count(ordered.length - STEPS_SHOWN, "autre étape", "autres étapes")}`),
      el("ol", { class: "clsm-steps", start: STEPS_SHOWN + 1 }, ordered.slice(STEPS_SHOWN).map(step))) : null;
    return [el("h3", { class: "fr-h6" }, "Prochaines étapes"), r.nextSteps.length ? list : el("p", {}, r.counts.notDue ? `Rien à faire pour l'instant\u00a0: les règles qui s'appliquent sont respectées, et ${r.counts.notDue === 1 ? "1\u00a0règle n'est pas encore due" : `${count(r.counts.notDue, "règle", "règles")} ne sont pas encore dues`}.` : "Rien à faire\u00a0: toutes les règles qui s'appliquent sont respectées."), more];
  });

}

/** Les questions sans réponse qui peuvent changer le verdict. */
function decisivePart(form, r, part) {
  const decisiveNodes = r.decisiveQuestions.map((q) => [q, nodeFor(form, q.path)]);
  return part("decisive", JSON.stringify(decisiveNodes.map(([q, n]) => [q, n && n.id])), () => (decisiveNodes.length ? [
    el("h3", { class: "fr-h6" }, "Questions sans réponse qui peuvent changer le verdict"),
    el("ul", {}, decisiveNodes.map(([q, n]) => el("li", {}, n ? linkTo(form, n, q.title) : q.title)))] : []));

}

/** Les règles, par résultat, dans des groupes repliés sauf celui des règles non respectées. */
function findingsPart(form, r, part) {
  // Rule by rule: a line per finding, kept while the finding and the
  // question it links to stay the same.
  const oldRows = form.findingRows || new Map();
  const rows = new Map();
  const findingRow = (f, outcome) => {
    const target = [...(f.missing || []), ...f.paths].map((p) => nodeFor(form, p)).find((n) => n && !n.wrapper.hidden) ||
      [...f.paths].map((p) => nodeFor(form, p)).find(Boolean);
    const key = `${JSON.stringify(f)}\u0000${target ? target.id : ""}`;
    const build = () => {
      let row = rows.get(key) || oldRows.get(key);
      if (row) {
        rows.set(key, row);
        return row;
      }
      row = el("li", { class: "clsm-finding", "data-rule": f.ruleId },
        el("p", {}, el("strong", {}, f.requirement), " ", el("span", { class: "fr-text--xs" }, `(${f.level === "required" ? "requis" : f.level === "recommended" ? "recommandé" : "bonne pratique"})`)),
        el("p", { class: "fr-text--sm" }, f.detail),
        f.dueOn ? el("p", { class: "fr-text--sm" }, "Exigible à partir du ", frenchDateText(f.dueOn), ".") : null,
        outcome === "unmet" ? el("p", { class: "fr-text--sm" }, "Conseil — ", f.advice) : null,
        el("p", { class: "fr-text--xs" }, "Source\u00a0: «\u00a0", f.citation.document, "\u00a0», ", f.citation.section),
        f.citation.quote ? el("blockquote", { class: "fr-text--xs" }, "«\u00a0", f.citation.quote, "\u00a0»") : null,
        target ? linkTo(form, target, "Aller à la question") : null);
      rows.set(key, row);
      return row;
    };
    if (oldRows.has(key)) build(); // kept: nothing to write
    return [key, build];
  };
  const groups = [];
  for (const [outcome, label] of OUTCOMES) {
    const list = r.findings.filter((f) => f.outcome === outcome);
    if (!list.length) continue;
    if (outcome === "not_applicable") {
      groups.push(...part(`group-${outcome}`, String(list.length), () => el("p", { class: "fr-text--sm clsm-findings-group clsm-findings-group--not_applicable" },
        `${label}\u00a0: ${count(list.length, "règle ne concerne", "règles ne concernent")} pas ce CLSM (stade, dispositif absent du territoire ou condition non réunie).`)));
      continue;
    }
    const lines = list.map((f) => findingRow(f, outcome));
    groups.push(...part(`group-${outcome}`, lines.map(([key]) => key).join("\u0001"), () => {
      // The rules of a closed group are written when it is opened: the
      // first verdict writes the unmet ones only.
      const ul = el("ul");
      const fill = () => {
        if (!ul.firstChild) ul.append(...lines.map(([, build]) => build()));
      };
      const open = outcome === "unmet";
      const box = el("details", { class: `clsm-findings-group clsm-findings-group--${outcome}`, open }, el("summary", {}, `${label} (${lines.length})`), ul);
      if (open) fill();
      else box.addEventListener("toggle", () => box.open && fill());
      return box;
    }));
  }
  form.findingRows = rows;
  if (!form.findingsBox) form.findingsBox = el("div", { class: "clsm-findings" });
  reconcile(form.findingsBox, groups);
  return part("findings", "", () => [el("h3", { class: "fr-h6" }, "Règle par règle"), form.findingsBox]);
}

/** Les repères nationaux : des chiffres avec leur source, jamais des règles. */
function nationalPart(form, r, part) {
  return part("national", JSON.stringify(r.national || null), () => (Array.isArray(r.national) && r.national.length ? el("details", { class: "clsm-national" },
    // National survey figures beside the dossier: information with its
    // source, never a rule (the verdict does not read them).
    el("summary", {}, "Repères nationaux"),
    el("p", { class: "fr-text--sm" }, "Pour situer le CLSM parmi les autres, quelques chiffres des enquêtes nationales, avec leur source. Ce sont des repères, non des exigences\u00a0: ils n'entrent pas dans le verdict."),
    el("ul", {}, r.national.map((n) => el("li", { class: "fr-text--sm" },
      el("strong", {}, n.topic), "\u00a0: ", n.dossier, ". ", n.figure, " (", n.source, ", ", String(n.year), ")")))) : []));
}

/** La barre du verdict : niveau, règles requises respectées sur renseignées, la prochaine question décisive. */
export function renderBar(form, error) {
  form.bar.textContent = "";
  const more = el("a", { href: `#${form.p}-summary`, class: "fr-link clsm-bar-more", onclick: (e) => { e.preventDefault(); openSummary(form); } }, "Voir le détail du résultat");
  // The bar always names the referential the answers are judged by.
  const judgedBy = (name) => el("span", { class: "clsm-bar-ref", id: `${form.p}-bar-ref` }, "Cahier des charges\u00a0: ", name, ".");
  if (error || !form.report) {
    const label = error ? error.message : "Pas de verdict";
    put(form.bar, el("span", { class: "fr-badge fr-badge--error clsm-bar-badge clsm-badge--invalid" }, label), " ",
      el("span", { class: "clsm-bar-text" }, "Corrigez les réponses signalées pour obtenir un verdict."), " ", judgedBy(referentialInUse(form).name), " ", more);
    announce(form, `${label.replace(/[.\s]+$/, "")}.`, `error:${label}`); // « Dossier à corriger : … » names the verdict already
    return;
  }
  const r = form.report;
  const c = r.counts;
  const known = c.requiredMet + c.requiredUnmet;
  const all = known + c.requiredUnknown;
  const counts = `Exigences requises\u00a0: ${count(c.requiredMet, "respectée", "respectées")} sur ${count(known, "renseignée", "renseignées")} (${all} en tout)`;
  const decisive = r.decisiveQuestions.map((q) => [q, nodeFor(form, q.path)]).find(([, n]) => n);
  put(form.bar,
    el("span", { class: `fr-badge clsm-bar-badge clsm-badge--${r.readiness.level}` }, r.readiness.label), " ",
    el("span", { class: "clsm-bar-text" }, `${counts}.`), " ",
    judgedBy(r.referential.name), " ",
    decisive ? el("span", { class: "clsm-bar-next" }, "Question décisive\u00a0: ", linkTo(form, decisive[1], decisive[0].title)) : null, " ",
    more);
  announce(form, `Verdict\u00a0: ${r.readiness.label}. ${counts}.`, `${r.readiness.level}:${c.requiredMet}:${known}:${all}`);
}

/**
 * Annonce le verdict dans la zone polie, une fois par changement : après une pause dans la
 * saisie, et seulement si le niveau ou ses décomptes ont changé. Le premier verdict n'est pas
 * annoncé (il est à l'écran dès l'arrivée).
 */
export function announce(form, text, key) {
  if (form.announcedKey === undefined) {
    form.announcedKey = key;
    return;
  }
  clearTimeout(form.announceTimer);
  form.announceTimer = setTimeout(() => {
    form.announceTimer = 0;
    if (key === form.announcedKey) return;
    form.announcedKey = key;
    form.announcer.textContent = text;
  }, 800);
}

/** Amène le résumé à l'écran et lui donne le focus. */
export function openSummary(form) {
  const title = form.root.querySelector(`#${form.p}-summary-title`);
  title.scrollIntoView({ block: "start" });
  title.focus({ preventScroll: true });
}
