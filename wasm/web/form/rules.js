// @ts-check
// The rules a question feeds: the marker under each question (« 2 règles ») and the list
// it opens, with the requirement of each rule, updated with the report.

import { el } from "../dom.js";
import { getAt } from "./paths.js";
import { count, lowerFirst } from "../format.js";

/** Les règles du référentiel décrites par le questionnaire, par identifiant. */
export function ruleSummaries(form) {
  const q = form.questionnaire;
  if (!q) return new Map();
  if (!q.ruleMap) q.ruleMap = new Map((q.rules || []).map((r) => [r.id, r]));
  return q.ruleMap;
}

/**
 * Le repère « Compte pour N règles » d'une question que lisent des règles du référentiel :
 * un bouton (aria-expanded) qui déplie la liste de ces règles, avec leur texte source.
 */
export function renderRulesMarker(form, node) {
  const ids = node.item.rules || [];
  if (!ids.length) return;
  if (!node.rulesBox) {
    const listId = `${node.id}-rules`;
    node.rulesToggle = el("button", {
      type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm clsm-rules-toggle", "aria-expanded": "false", "aria-controls": listId,
      onclick: () => toggleRules(form, node),
    });
    node.rulesList = el("div", { class: "clsm-rules-list", id: listId, hidden: true });
    node.rulesBox = el("div", { class: "clsm-rules" }, node.rulesToggle, node.rulesList);
    node.rulesToggle.textContent = rulesMarkerText(form, ids);
  }
  node.wrapper.append(node.rulesBox);
}

/**
 * « Compte pour 3 règles, dont 1 requise pour « prêt » » : les règles requises sont celles qui
 * s'appliquent au stade du dossier (à tous les stades tant qu'il n'est pas dit).
 */
export function rulesMarkerText(form, ids) {
  const rules = ruleSummaries(form);
  const stage = getAt(form.dossier, "/stage");
  const required = ids.map((id) => rules.get(id)).filter((r) => r && r.level === "required" && (typeof stage !== "string" || (r.stages || []).includes(stage))).length;
  const text = `Compte pour ${count(ids.length, "règle", "règles")}`;
  const ready = "pour «\u00a0prêt\u00a0»";
  if (!required) return text;
  if (ids.length === 1) return `${text}, requise ${ready}`;
  if (required === ids.length) return `${text}, toutes requises ${ready}`;
  return `${text}, dont ${count(required, "requise", "requises")} ${ready}`;
}

/** Ouvre ou ferme la liste des règles d'une question. */
export function toggleRules(form, node) {
  const open = node.rulesToggle.getAttribute("aria-expanded") !== "true";
  if (open) fillRulesList(form, node);
  node.rulesToggle.setAttribute("aria-expanded", String(open));
  node.rulesList.hidden = !open;
}

/** La liste des règles d'une question : exigence, niveau, stades, source et texte cité, comme dans le rapport. */
export function fillRulesList(form, node) {
  const rules = ruleSummaries(form);
  const stage = getAt(form.dossier, "/stage");
  const stageItem = form.items && form.items.find((n) => n.item.path === "/stage");
  const stageLabel = (s) => {
    const o = stageItem && (stageItem.item.options || []).find((x) => x.value === s);
    return o ? lowerFirst(o.label) : s;
  };
  node.rulesList.textContent = "";
  node.rulesList.append(
    el("p", { class: "fr-text--sm" }, "Règles du cahier des charges qui tiennent compte de cette réponse\u00a0:"),
    el("ul", { class: "clsm-rules-items" }, node.item.rules.map((id) => rules.get(id)).filter(Boolean).map((r) => {
      const elsewhere = typeof stage === "string" && !(r.stages || []).includes(stage);
      return el("li", { class: "clsm-rule", "data-rule": r.id },
        el("p", {}, el("strong", {}, r.requirement), " ", el("span", { class: "fr-text--xs clsm-rule-level" }, `(${lowerFirst(r.levelLabel)})`)),
        elsewhere ? el("p", { class: "fr-text--xs" }, `Ne s'applique pas au stade «\u00a0${stageLabel(stage)}\u00a0», seulement ${(r.stages || []).map((s) => `«\u00a0${stageLabel(s)}\u00a0»`).join(", ")}.`) : null,
        el("p", { class: "fr-text--xs" }, "Source\u00a0: «\u00a0", r.citation.document, "\u00a0», ", r.citation.section),
        r.citation.quote ? el("blockquote", { class: "fr-text--xs" }, "«\u00a0", r.citation.quote, "\u00a0»") : null);
    })));
}

/** Met à jour les repères quand le stade du dossier change (les règles requises en dépendent). */
export function updateRulesMarkers(form) {
  const stage = getAt(form.dossier, "/stage");
  if (stage === form.markerStage || !form.items) return;
  form.markerStage = stage;
  for (const node of form.items) {
    if (!node.rulesToggle) continue;
    node.rulesToggle.textContent = rulesMarkerText(form, node.item.rules);
    if (node.rulesToggle.getAttribute("aria-expanded") === "true") fillRulesList(form, node);
  }
}
