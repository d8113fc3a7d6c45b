// @ts-check
// One widget kind: the yes / no / « je ne sais pas » question (« je ne sais pas » leaves the answer absent, never « non »).

import { el } from "../../dom.js";
import { deleteAt, setAt } from "../paths.js";

/**
 * Une question oui / non / « je ne sais pas » (une réponse absente, jamais un « non »).
 * @param {import("./index.js").WidgetContext} ctx
 */
export function renderYesNo(ctx) {
  const { form, item, node, wrapper, inputId, value, describedBy, help, onChange } = ctx;
  const name = inputId;
  const choices = [["true", "Oui"], ["false", "Non"], ["", "Je ne sais pas"]];
  wrapper.append(el("fieldset", { class: "fr-fieldset", "aria-describedby": describedBy },
    el("legend", { class: "fr-fieldset__legend fr-text--regular" }, item.title, help),
    choices.map(([v, label]) => el("div", { class: "fr-fieldset__element fr-fieldset__element--inline" },
      el("div", { class: "fr-radio-group" },
        el("input", {
          type: "radio", id: `${inputId}-${v || "unknown"}`, name, value: v,
          checked: (value === true && v === "true") || (value === false && v === "false") || (value === undefined && v === ""),
          onchange: (e) => {
            if (e.target.value === "") deleteAt(form.dossier, item.path);
            else setAt(form.dossier, item.path, e.target.value === "true");
            onChange();
          },
        }),
        el("label", { class: "fr-label", for: `${inputId}-${v || "unknown"}` }, label)))),
  ), node.error);
}
