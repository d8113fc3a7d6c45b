// @ts-check
// One question of the questionnaire: its node (ids, wrapper, error paragraph, the rules it
// feeds), drawn by the widget its kind names in the registry (index.js).

import { el } from "../../dom.js";
import { slug } from "../../format.js";
import { getAt } from "../paths.js";
import { changed } from "../questionnaire.js";
import { renderRulesMarker } from "../rules.js";
import { widgets } from "./index.js";

/** Construit le nœud d'une question : son bloc, son champ, sa zone d'erreur et ses règles. */
export function renderItem(form, item) {
  const id = `${form.p}-q-${slug(item.path)}`;
  const inputId = `${form.p}-i-${slug(item.path)}`;
  const helpId = `${inputId}-help`;
  const errId = `${inputId}-error`;
  const wrapper = el("div", { class: "fr-input-group clsm-question", id, "data-path": item.path });
  const node = { item, wrapper, id, inputId, errId, error: el("p", { class: "fr-error-text clsm-error", id: errId, hidden: true }) };
  const describedBy = [item.help ? helpId : "", errId].filter(Boolean).join(" ");
  const help = item.help ? el("span", { class: "fr-hint-text", id: helpId }, item.help) : null;
  const value = getAt(form.dossier, item.path);
  const render = Object.hasOwn(widgets, item.widget) ? widgets[item.widget] : null;
  if (render) render({ form, item, node, wrapper, inputId, helpId, errId, value, describedBy, help, onChange: () => changed(form) });
  else wrapper.append(el("p", {}, item.title));
  renderRulesMarker(form, node); // a list also draws it each time it is drawn again
  return node;
}
