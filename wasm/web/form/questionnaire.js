// @ts-check
// The questionnaire on screen: its sections built (the step in view first, the others one
// per task), the questions shown or hidden by their conditions, and what a change of answer
// sets off (save, then a verdict).

import { el } from "../dom.js";
import { requestVerdict, wakeSettled } from "./checker.js";
import { showAlert } from "./dialogs.js";
import { carryOver } from "./layout.js";
import { getAt } from "./paths.js";
import { problemText } from "./problems.js";
import { defaultRef, questionnaireFor, refSpec, regionReferential, selectReferentialOption, showReferentialSwitch } from "./referential.js";
import { updateRulesMarkers } from "./rules.js";
import { save } from "./saving.js";
import { followHash, renderStepper } from "./stepper.js";
import { renderItem } from "./widgets/item.js";

/** Affiche le questionnaire du référentiel en cours, tout de suite ou une fois que le vérificateur l'a construit. */
export function loadQuestionnaire(form) {
  const spec = refSpec(form);
  const q = questionnaireFor(form, spec);
  if (!q) {
    form.summary.textContent = "Chargement du vérificateur…";
    return;
  }
  if ("then" in q) {
    // Only the latest referential chosen is shown.
    q.then((res) => {
      if (refSpec(form) === spec) showQuestionnaire(form, res);
    });
    return;
  }
  showQuestionnaire(form, q);
}

/** Construit les étapes d'un questionnaire : celle à l'écran tout de suite, les autres une par tâche, puis demande le verdict. */
export function showQuestionnaire(form, q) {
  if (q.error) {
    showAlert(form, problemText(q.error));
    if (form.referential !== defaultRef(form)) {
      form.referential = defaultRef(form);
      form.custom = "";
      selectReferentialOption(form);
      loadQuestionnaire(form);
    }
    return;
  }
  form.questionnaire = q.value;
  form.items = [];
  form.nodeCache = new Map(); // path → its question's node, for this questionnaire
  form.stepperKey = ""; // the step list is drawn again
  form.sections.textContent = "";
  const sections = form.questionnaire.sections;
  for (const s of sections) {
    s.sid = `${form.p}-s-${s.id}`;
    s.el = el("div", { class: "clsm-section", id: s.sid },
      el("h2", { class: "fr-h5 clsm-section-title", id: `${s.sid}-title`, tabindex: "-1" }, s.title));
    s.nodes = [];
    s.built = false;
    form.sections.append(s.el);
  }
  if (!sections.some((s) => s.id === form.step)) {
    form.step = sections.length ? sections[0].id : "";
    followHash(form, true);
  }
  // The step in view is built at once, the others one per task after it:
  // the page shows its questions, and takes key presses, without waiting
  // for all of them. The verdict is asked for once every question is built.
  const build = (form.buildSeq = (form.buildSeq || 0) + 1);
  const first = sections.find((s) => s.id === form.step) || sections[0];
  const rest = sections.filter((s) => s !== first);
  form.building = true;
  if (first) buildSection(form, first);
  renderStepper(form);
  carryOver(form);
  const next = () => {
    if (build !== form.buildSeq) return; // another questionnaire took this one's place
    const s = rest.shift();
    if (s) {
      if (!s.built) buildSection(form, s);
      setTimeout(next, 0);
      return;
    }
    form.building = false;
    if (decodeURIComponent(location.hash.slice(1)).startsWith(`${form.p}-q-`)) followHash(form, true);
    if (form.resolveFirstVerdict && form.api) form.summary.textContent = "Calcul du résultat…";
    refresh(form);
    wakeSettled(form);
  };
  if (rest.length) setTimeout(next, 0);
  else next();
}

/** Construit les questions d'une étape, chacune montrée ou cachée selon les réponses, comme refresh le fera. */
export function buildSection(form, s) {
  s.built = true;
  for (const item of s.questions) {
    const node = renderItem(form, item);
    node.section = s;
    const cond = item.showIf;
    node.wrapper.hidden = !!cond && !cond.in.some((v) => getAt(form.dossier, cond.path) === v);
    s.el.append(node.wrapper);
    s.nodes.push(node);
  }
  form.items = form.questionnaire.sections.flatMap((x) => x.nodes);
  form.nodeCache = new Map();
}

/** Après une réponse : le référentiel de la région si le département a changé, puis l'enregistrement et le verdict. */
export function changed(form) {
  const dep = getAt(form.dossier, "/territory/department");
  if (dep !== form.lastDept) {
    form.lastDept = dep;
    const sw = regionReferential(form, false);
    if (sw) {
      // The questions of the new referential take the place of the old
      // ones; the field in use keeps the focus.
      const active = document.activeElement && form.root.contains(document.activeElement) ? document.activeElement.id : "";
      selectReferentialOption(form);
      save(form);
      loadQuestionnaire(form);
      showReferentialSwitch(form, sw);
      const again = active && form.root.querySelector(`#${CSS.escape(active)}`);
      if (again) again.focus({ preventScroll: true });
      return;
    }
  }
  save(form);
  refresh(form);
}

/** Montre ou cache les questions selon les réponses, puis demande le verdict. */
export function refresh(form) {
  form.generation++;
  // Show or hide the questions that depend on an answer.
  for (const node of form.items) {
    const cond = node.item.showIf;
    node.wrapper.hidden = !!cond && !cond.in.some((v) => getAt(form.dossier, cond.path) === v);
  }
  updateRulesMarkers(form);
  if (!form.api) {
    renderStepper(form); // with the checker, once the report is in (below): it marks the decisive steps
    form.summary.textContent = "Chargement du vérificateur… Vous pouvez déjà répondre : vos réponses sont enregistrées au fur et à mesure.";
    return;
  }
  requestVerdict(form);
}

/** Les chemins que lit une règle qui s'applique au dossier (ni « sans objet »), d'après le dernier rapport. */
export function livePaths(form) {
  if (!form.report) return null;
  const out = [];
  for (const f of form.report.findings) {
    if (f.outcome === "not_applicable") continue;
    out.push(...(f.paths || []), ...(f.missing || []));
  }
  return out;
}

/**
 * Une section s'applique si l'une de ses questions est affichée et, une fois le verdict
 * calculé, si l'une d'elles nourrit une règle du référentiel qui s'applique à ce stade.
 */
export function sectionApplies(form, s, live) {
  const visible = s.nodes.filter((n) => !n.wrapper.hidden);
  if (!visible.length) return false;
  if (!live || s === form.questionnaire.sections[0]) return true;
  // The stage, and any answer that shows other questions, always matter.
  if (visible.some((n) => n.item.path === "/stage" || form.items.some((o) => o.item.showIf && o.item.showIf.path === n.item.path))) return true;
  return visible.some((n) => { const p = n.item.path; return live.some((x) => x === p || x.startsWith(p + "/") || p.startsWith(x + "/")); });
}

/** Les chemins des questions qui peuvent changer le verdict, d'après le rapport. */
export function decisivePaths(form) {
  return form.report ? form.report.decisiveQuestions.map((q) => q.path) : [];
}
