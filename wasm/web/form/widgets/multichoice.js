// @ts-check
// One widget kind: the question with several answers from a list (check boxes).

import { el } from "../../dom.js";
import { deleteAt, setAt } from "../paths.js";

/**
 * Une question à plusieurs réponses choisies dans une liste (cases à cocher).
 * @param {import("./index.js").WidgetContext} ctx
 */
export function renderMultiChoice(ctx) {
  const { form, item, node, wrapper, inputId, value, describedBy, help, onChange } = ctx;
  const chosen = new Set(Array.isArray(value) ? value : []);
  wrapper.append(el("fieldset", { class: "fr-fieldset", "aria-describedby": describedBy },
    el("legend", { class: "fr-fieldset__legend fr-text--regular" }, item.title, help),
    item.options.map((o, i) => el("div", { class: "fr-fieldset__element" },
      el("div", { class: "fr-checkbox-group fr-checkbox-group--sm" },
        el("input", {
          type: "checkbox", id: `${inputId}-${i}`, value: o.value, checked: chosen.has(o.value),
          onchange: () => {
            const values = [.../** @type {NodeListOf<HTMLInputElement>} */ (wrapper.querySelectorAll('input[type="checkbox"]:checked'))].map((c) => c.value);
            if (values.length) setAt(form.dossier, item.path, values);
            else deleteAt(form.dossier, item.path);
            onChange();
          },
        }),
        el("label", { class: "fr-label", for: `${inputId}-${i}` }, o.label)))),
  ), node.error);
}
