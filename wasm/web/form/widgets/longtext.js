// @ts-check
// One widget kind: the question answered by a free text of several lines.

import { el } from "../../dom.js";
import { deleteAt, setAt } from "../paths.js";

/**
 * Une question à réponse libre sur plusieurs lignes.
 * @param {import("./index.js").WidgetContext} ctx
 */
export function renderLongText(ctx) {
  const { form, item, node, wrapper, inputId, value, describedBy, help, onChange } = ctx;
  const input = el("textarea", {
    class: "fr-input", id: inputId, rows: 4, "aria-describedby": describedBy, maxlength: item.maxLength || undefined,
    oninput: (e) => {
      if (e.target.value === "") deleteAt(form.dossier, item.path);
      else setAt(form.dossier, item.path, e.target.value);
      onChange();
    },
  });
  input.value = value || "";
  wrapper.append(el("label", { class: "fr-label", for: inputId }, item.title, help), input, node.error);
}
