// @ts-check
// One widget kind: the question answered by a day or « jamais ».

import { el } from "../../dom.js";
import { deleteAt, setAt } from "../paths.js";
import { DATE_HINT, frenchDateText } from "../../format.js";
import { setScalar } from "./scalar.js";

/**
 * Une question à laquelle on répond par un jour ou par « jamais ».
 * @param {import("./index.js").WidgetContext} ctx
 */
export function renderDateOrNever(ctx) {
  const { form, item, node, wrapper, inputId, value, describedBy, help, onChange } = ctx;
  // A day, or « jamais » (the value "never"): two distinct answers, and
  // both distinct from leaving the question blank.
  const never = value === "never";
  const date = el("input", {
    class: "fr-input", id: inputId, type: "text", placeholder: "JJ/MM/AAAA", autocomplete: "off", "aria-describedby": describedBy, disabled: never,
    value: form.raw[item.path] !== undefined ? form.raw[item.path] : never || value === undefined ? "" : frenchDateText(value),
    oninput: (e) => {
      setScalar(form, item, e.target.value);
      onChange();
    },
  });
  const box = el("input", {
    type: "checkbox", id: `${inputId}-never`, checked: never,
    onchange: (e) => {
      if (e.target.checked) {
        setAt(form.dossier, item.path, "never");
        delete form.raw[item.path];
        date.value = "";
      } else {
        deleteAt(form.dossier, item.path);
      }
      date.disabled = e.target.checked;
      onChange();
    },
  });
  wrapper.append(el("label", { class: "fr-label", for: inputId }, item.title, help, el("span", { class: "fr-hint-text" }, DATE_HINT)), date,
    el("div", { class: "fr-checkbox-group fr-checkbox-group--sm clsm-never" }, box,
      el("label", { class: "fr-label", for: `${inputId}-never` }, "Jamais")),
    node.error);
}
