// The setup with which JSON Forms (React, vanilla renderers) renders the
// CLSM dossier form (schema/dossier.v2.schema.json): every section, in
// French, without inventing an answer.
//
//	import { JsonForms } from "@jsonforms/react";
//	import schema from "go-clsm/schema/dossier.v2.schema.json" with { type: "json" };
//	import { jsonFormsProps } from "go-clsm/wasm/forms/jsonforms.mjs";
//	<JsonForms {...jsonFormsProps(schema)} data={dossier} onChange={({ data }) => …} />
//
// jsonFormsProps gives:
//   - schema: a presentation copy of the dossier schema that validates the
//     same documents (each option written as a "const", which JSON Forms
//     needs to show its French title and never fills in; a « date or
//     jamais » answer typed as a string);
//   - uischema: one group per section of the dossier, titled in French, one
//     control per question with its French label, nested groups for the
//     parts of a section; without it, JSON Forms' vanilla renderers show
//     only the top-level questions (no renderer draws a nested object);
//   - renderers: the vanilla ones and TriStateRadioGroup, which shows a
//     yes/no question as three radio buttons « Non renseigné », « Oui »,
//     « Non » (« Non renseigné » removes the key: an absent answer);
//   - ajv: Ajv 2020 (the schema is JSON Schema 2020-12) with its formats and
//     the "siren" format; i18n: French labels for JSON Forms' own words
//     (« Non renseigné » in place of « None ») and Ajv's messages in French
//     (ajv-i18n).
//
// The UI schema is derived from the schema itself, which is generated from
// the Go model, so it follows every question the model has.
//
// Needs react, @jsonforms/core, @jsonforms/react,
// @jsonforms/vanilla-renderers, ajv (8), ajv-formats and ajv-i18n as
// dependencies of the application.
import { createElement } from "react";
import { and, isBooleanControl, optionIs, rankWith } from "@jsonforms/core";
import { withJsonFormsControlProps } from "@jsonforms/react";
import { vanillaCells, vanillaRenderers } from "@jsonforms/vanilla-renderers";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import localizeFr from "ajv-i18n/localize/fr/index.js";
import { notAnswered } from "./rjsf.mjs";
import { siren } from "./siren.mjs";

const defs = "#/$defs/";

function deref(root, s) {
  while (s && typeof s.$ref === "string" && s.$ref.startsWith(defs)) {
    const { $ref, ...rest } = s;
    s = { ...root.$defs[$ref.slice(defs.length)], ...rest };
  }
  return s;
}

/**
 * presentationSchema returns a copy of the dossier schema for JSON Forms:
 * each option, a one-value "enum" in the published schema, is written as a
 * "const" (the same constraint; JSON Forms reads the title of a "const"
 * option, and never turns it into an answer); a question answered by a date
 * or « jamais » (an "anyOf" of two strings) gets "type": "string", which
 * both branches already require.
 */
export function presentationSchema(schema) {
  // The root's "$ref" inlined: JSON Forms' testers resolve a control's scope
  // from the root's own "properties".
  const { $ref, ...root } = schema;
  const inlined = $ref?.startsWith(defs) ? { ...root.$defs[$ref.slice(defs.length)], ...root } : schema;
  return JSON.parse(JSON.stringify(inlined), (key, v) => {
    if (!v || typeof v !== "object" || Array.isArray(v)) return v;
    if (Array.isArray(v.oneOf) && v.oneOf.every((o) => Array.isArray(o.enum) && o.enum.length === 1)) {
      v.oneOf = v.oneOf.map(({ enum: [value], ...rest }) => ({ const: value, ...rest }));
    }
    if (!v.type && Array.isArray(v.anyOf) && v.anyOf.every((o) => o.type === "string")) v.type = "string";
    return v;
  });
}

/**
 * uischema returns the JSON Forms UI schema of the dossier schema: a group
 * per section (and per part of a section), a control per question labelled
 * with its French title, yes/no questions as three radio buttons.
 */
export function uischema(schema) {
  function elements(s, scope) {
    const out = [];
    for (const [key, raw] of Object.entries(s.properties || {})) {
      const p = deref(schema, raw);
      const ref = `${scope}/properties/${key}`;
      const label = p.title || key;
      if (p.type === "object" && p.properties) {
        out.push({ type: "Group", label, elements: elements(p, ref) });
      } else if (p.type === "boolean") {
        out.push({ type: "Control", scope: ref, label, options: { format: "tristate" } });
      } else {
        out.push({ type: "Control", scope: ref, label });
      }
    }
    return out;
  }
  return { type: "VerticalLayout", elements: elements(deref(schema, schema), "#") };
}

const choices = [
  { label: notAnswered, value: undefined, key: "unset" },
  { label: "Oui", value: true, key: "true" },
  { label: "Non", value: false, key: "false" },
];

/**
 * TriStateRadioGroup draws a yes/no question as three radio buttons:
 * « Non renseigné » (no key in the dossier), « Oui » and « Non ».
 */
export function TriStateRadioGroup({ id, label, data, path, handleChange, enabled, visible, errors }) {
  return createElement(
    "fieldset",
    { id, hidden: !visible, className: "control tristate" },
    createElement("legend", null, label),
    ...choices.map((c) =>
      createElement(
        "label",
        { key: c.key },
        createElement("input", {
          type: "radio",
          name: id,
          value: c.key,
          checked: data === c.value,
          disabled: !enabled,
          onChange: () => handleChange(path, c.value),
        }),
        " " + c.label,
      ),
    ),
    errors ? createElement("div", { className: "validation_error" }, errors) : null,
  );
}

/** triStateTester picks TriStateRadioGroup for a boolean control with the option format "tristate". */
export const triStateTester = rankWith(10, and(isBooleanControl, optionIs("format", "tristate")));

/** renderers is the vanilla renderer set with TriStateRadioGroup. */
export const renderers = [...vanillaRenderers, { tester: triStateTester, renderer: withJsonFormsControlProps(TriStateRadioGroup) }];

/** cells is the vanilla cell set. */
export const cells = vanillaCells;

/** createAjv returns the Ajv instance JSON Forms validates with: Ajv 2020, its formats, "siren". */
export function createAjv() {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
  addFormats(ajv);
  ajv.addFormat("siren", siren);
  return ajv;
}

// JSON Forms' own words, by the last part of their key.
const words = {
  "enum.none": notAnswered,
  none: notAnswered,
  addTooltip: "Ajouter",
  addAriaLabel: "Ajouter une ligne",
  removeTooltip: "Supprimer",
  removeAriaLabel: "Supprimer la ligne",
  up: "Monter",
  upAriaLabel: "Monter la ligne",
  down: "Descendre",
  downAriaLabel: "Descendre la ligne",
  noDataMessage: "Aucune ligne",
  noSelection: "Aucune sélection",
  deleteDialogTitle: "Confirmer la suppression",
  deleteDialogMessage: "Voulez-vous vraiment supprimer cette ligne\u00a0?",
  deleteDialogAccept: "Oui",
  deleteDialogDecline: "Non",
};

/** i18n is JSON Forms' i18n setting: French words, Ajv's messages in French. */
export const i18n = {
  locale: "fr",
  translate: (key, defaultMessage) => {
    if (key in words) return words[key];
    const last = key.slice(key.lastIndexOf(".") + 1);
    return key.endsWith(".enum.none") ? notAnswered : last in words ? words[last] : defaultMessage;
  },
  translateError: (error) => {
    const copy = [{ ...error }];
    localizeFr(copy);
    return copy[0].message;
  },
};

/** jsonFormsProps returns the props of JsonForms, apart from data and onChange, for the dossier schema. */
export function jsonFormsProps(schema) {
  return { schema: presentationSchema(schema), uischema: uischema(schema), renderers, cells, ajv: createAjv(), i18n };
}
