// @ts-check
// One widget kind: the lists (of dates, or of objects with their own fields), with « ajouter »,
// « retirer » and « aucun pour l'instant » (an empty list is an answer; no list is none).

import { el } from "../../dom.js";
import { DATE_HINT, frenchDateText, parseFrenchDate, slug } from "../../format.js";
import { deleteAt, getAt, setAt } from "../paths.js";
import { changed } from "../questionnaire.js";
import { renderRulesMarker } from "../rules.js";
import { setScalar } from "./scalar.js";

/**
 * Une liste (de dates, ou d'éléments à plusieurs champs) : ajouter, retirer, ou « aucun ».
 * @param {import("./index.js").WidgetContext} ctx
 */
export function renderList(ctx) {
  drawList(ctx.form, ctx.node, ctx.describedBy, ctx.help);
}

/** Dessine (de nouveau) la liste d'un nœud à partir du dossier. */
function drawList(form, node, describedBy, help) {
  const { item, wrapper, inputId } = node;
  wrapper.textContent = "";
  const list = getAt(form.dossier, item.path);
  const items = Array.isArray(list) ? list : [];
  const none = Array.isArray(list) && list.length === 0;
  const redraw = () => drawList(form, node, describedBy, help);
  const fieldset = el("fieldset", { class: "fr-fieldset clsm-list", "aria-describedby": describedBy },
    el("legend", { class: "fr-fieldset__legend fr-text--regular" }, item.title, help));
  items.forEach((entry, i) => {
    const row = el("div", { class: "fr-fieldset__element clsm-list-item" });
    if (item.widget === "dates") row.append(...dateRow(form, item, inputId, items, entry, i));
    else row.append(fieldsRow(form, item, inputId, i));
    row.append(el("button", {
      type: "button", class: "fr-btn fr-btn--tertiary fr-btn--sm", "aria-label": `Retirer l'élément n° ${i + 1} de « ${item.title} »`,
      onclick: () => { for (const k of Object.keys(form.raw)) if (k.startsWith(item.path + "/")) delete form.raw[k]; items.splice(i, 1); if (items.length) setAt(form.dossier, item.path, items); else deleteAt(form.dossier, item.path); redraw(); changed(form); },
    }, "Retirer"));
    fieldset.append(row);
  });
  fieldset.append(listActions(form, node, items, none, redraw));
  wrapper.append(fieldset, node.error);
  renderRulesMarker(form, node);
}

/** Les boutons sous la liste : « ajouter » et « aucun pour l'instant ». */
function listActions(form, node, items, none, redraw) {
  const { item, inputId } = node;
  const addLabel = item.widget === "dates" ? "Ajouter une date" : "Ajouter un élément";
  return el("div", { class: "fr-fieldset__element clsm-list-actions" },
    el("button", {
      type: "button", class: "fr-btn fr-btn--secondary fr-btn--sm", disabled: none,
      onclick: () => {
        const arr = Array.isArray(getAt(form.dossier, item.path)) ? getAt(form.dossier, item.path) : [];
        arr.push(item.widget === "dates" ? "" : {});
        setAt(form.dossier, item.path, arr);
        redraw();
        changed(form);
        const rows = node.wrapper.querySelectorAll(".clsm-list-item");
        rows[rows.length - 1]?.querySelector("input, select")?.focus();
      },
    }, addLabel),
    el("div", { class: "fr-checkbox-group fr-checkbox-group--sm" },
      el("input", {
        type: "checkbox", id: `${inputId}-none`, checked: none, disabled: items.length > 0,
        onchange: (e) => { if (e.target.checked) setAt(form.dossier, item.path, []); else deleteAt(form.dossier, item.path); redraw(); changed(form); document.getElementById(`${inputId}-none`)?.focus(); },
      }),
      el("label", { class: "fr-label", for: `${inputId}-none` }, item.widget === "dates" ? "Aucune pour l'instant" : "Aucun pour l'instant")));
}

/** La ligne d'une date de la liste : son libellé et son champ. */
function dateRow(form, item, inputId, items, entry, i) {
  const base = `${item.path}/${i}`;
  const id = `${inputId}-${i}`;
  return [
    el("label", { class: "fr-label", for: id }, `Date n°\u00a0${i + 1}`, el("span", { class: "fr-hint-text" }, DATE_HINT)),
    el("input", {
      class: "fr-input", type: "text", id, placeholder: "JJ/MM/AAAA", autocomplete: "off",
      value: form.raw[base] !== undefined ? form.raw[base] : frenchDateText(entry),
      oninput: (e) => {
        const t = e.target.value.trim();
        const res = parseFrenchDate(t);
        delete form.raw[base];
        if (t && res.error) form.raw[base] = e.target.value;
        items[i] = res.value || "";
        changed(form);
      },
    })];
}

/** La ligne d'un élément à plusieurs champs. */
function fieldsRow(form, item, inputId, i) {
  const base = `${item.path}/${i}`;
  const box = el("div", { class: "clsm-list-fields", role: "group", "aria-label": `${item.title} — élément n° ${i + 1}` });
  for (const f of item.fields) {
    const id = `${inputId}-${i}-${slug(f.path)}`;
    const input = fieldInput(form, f, id, base + f.path);
    box.append(el("div", { class: "clsm-list-field" }, el("label", { class: "fr-label", for: id }, f.title, f.required ? " (obligatoire)" : "",
      f.widget === "date" || f.widget === "date_or_never" ? el("span", { class: "fr-hint-text" }, "JJ/MM/AAAA") : null), input));
  }
  return box;
}

/** Le champ d'un élément de liste, selon son type. */
function fieldInput(form, f, id, path) {
  const v = getAt(form.dossier, path);
  let input;
  if (f.widget === "choice") {
    input = el("select", { class: "fr-select", id, onchange: (e) => { if (e.target.value) setAt(form.dossier, path, e.target.value); else deleteAt(form.dossier, path); changed(form); } },
      el("option", { value: "", text: "— Non renseigné —" }), f.options.map((o) => el("option", { value: o.value, text: o.label })));
    input.value = v || "";
  } else if (f.widget === "multichoice") {
    input = el("select", { class: "fr-select clsm-multi", id, multiple: true, size: Math.min(6, f.options.length),
      onchange: (e) => { const vals = [...e.target.selectedOptions].map((o) => o.value); if (vals.length) setAt(form.dossier, path, vals); else deleteAt(form.dossier, path); changed(form); } },
      f.options.map((o) => el("option", { value: o.value, text: o.label, selected: Array.isArray(v) && v.includes(o.value) })));
  } else if (f.widget === "yesno") {
    input = el("select", { class: "fr-select", id, onchange: (e) => { if (e.target.value === "") deleteAt(form.dossier, path); else setAt(form.dossier, path, e.target.value === "true"); changed(form); } },
      el("option", { value: "", text: "Je ne sais pas" }), el("option", { value: "true", text: "Oui" }), el("option", { value: "false", text: "Non" }));
    input.value = v === true ? "true" : v === false ? "false" : "";
  } else {
    const isNumber = f.widget === "number" || f.widget === "integer";
    const isDate = f.widget === "date" || f.widget === "date_or_never";
    input = el("input", { class: "fr-input", id, type: "text", inputmode: isNumber ? "decimal" : undefined, maxlength: f.maxLength || undefined,
      placeholder: isDate ? "JJ/MM/AAAA" : undefined, autocomplete: isDate ? "off" : undefined,
      value: form.raw[path] !== undefined ? form.raw[path] : v === undefined ? "" : isDate ? frenchDateText(v) : String(v).replace(".", isNumber ? "," : "."),
      oninput: (e) => { setScalar(form, { ...f, path }, e.target.value); changed(form); } });
  }
  return input;
}
