// @ts-check
// One widget kind: the question with one answer from a list (a select).

import { el } from "../../dom.js";
import { answered, deleteAt, setAt } from "../paths.js";

/**
 * Une question à une réponse choisie dans une liste.
 * @param {import("./index.js").WidgetContext} ctx
 */
export function renderChoice(ctx) {
  const { form, item, node, wrapper, inputId, value, describedBy, help, onChange } = ctx;
  const select = el("select", {
    class: "fr-select", id: inputId, "aria-describedby": describedBy,
    onchange: (e) => {
      if (e.target.value === "") deleteAt(form.dossier, item.path);
      else setAt(form.dossier, item.path, e.target.value);
      onChange();
    },
  }, el("option", { value: "", text: "— Non renseigné —" }), item.options.map((o) => el("option", { value: o.value, text: o.label })));
  if (answered(value) && !item.options.some((o) => o.value === value)) {
    // An answer no longer offered (« absent » for the PTSM) keeps its label; a value the list does
    // not know (an imported file) is shown as it is: neither is ever silently dropped.
    const kept = (item.keptOptions || []).find((o) => o.value === value);
    select.append(el("option", { value: String(value), text: kept ? kept.label : `« ${String(value)} » (valeur non reconnue)` }));
  }
  select.value = answered(value) ? String(value) : "";
  wrapper.append(el("label", { class: "fr-label", for: inputId }, item.title, help), select, node.error);
}
