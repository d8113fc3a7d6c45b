// @ts-check
// One widget kind: the questions answered by a list typed in one field (INSEE codes, SIREN numbers, one element a line).

import { el } from "../../dom.js";
import { deleteAt, setAt } from "../paths.js";

/**
 * Une liste tapée dans un seul champ : codes INSEE, numéros SIREN, ou un élément par ligne.
 * @param {import("./index.js").WidgetContext} ctx
 */
export function renderTokens(ctx) {
  const { form, item, node, wrapper, inputId, helpId, errId, value, onChange } = ctx;
  const byLine = item.widget === "textlist";
  const hint = byLine ? "Un élément par ligne." : item.widget === "communes" ? "Codes INSEE séparés par des espaces ou des virgules, par exemple 12202 2A004." : "Numéros SIREN séparés par des espaces ou des virgules.";
  const input = el("textarea", {
    class: "fr-input", id: inputId, rows: byLine ? 3 : 2, "aria-describedby": `${helpId} ${errId}`,
    oninput: (e) => {
      const parts = byLine ? e.target.value.split("\n").map((s) => s.trim()).filter(Boolean) : e.target.value.split(/[\s,;]+/).filter(Boolean);
      if (parts.length) setAt(form.dossier, item.path, parts);
      else deleteAt(form.dossier, item.path);
      onChange();
    },
  });
  input.value = Array.isArray(value) ? value.join(byLine ? "\n" : " ") : "";
  wrapper.append(el("label", { class: "fr-label", for: inputId }, item.title,
    el("span", { class: "fr-hint-text", id: helpId }, [item.help, hint].filter(Boolean).join(" "))), input, node.error);
}
