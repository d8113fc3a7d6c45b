// The setup with which @rjsf/core renders the CLSM dossier form
// (schema/dossier.v2.schema.json) without inventing an answer and in French.
//
//	import Form from "@rjsf/core";
//	import schema from "go-clsm/schema/dossier.v2.schema.json" with { type: "json" };
//	import { formProps } from "go-clsm/wasm/forms/rjsf.mjs";
//	<Form schema={schema} {...formProps(schema)} onSubmit={({ formData }) => …} />
//
// formProps gives:
//   - validator: @rjsf/validator-ajv8 on Ajv 2020 (the schema is written in
//     JSON Schema 2020-12, which the stock validator does not compile), with
//     the "siren" format and Ajv's messages in French (ajv-i18n);
//   - uiSchema: every yes/no question as a list of three answers
//     (« Non renseigné », « Oui », « Non ») in place of rjsf's two-state
//     checkbox, and every list of options starting from « Non renseigné »;
//   - experimental_defaultFormStateBehavior: rjsf fills nothing in. In a
//     dossier an absent key means « non renseigné »: a value the person did
//     not choose would be read as their answer, and a « Non » as a failure.
//
// The uiSchema is derived from the schema itself, which is generated from
// the Go model, so it follows every question the model has.
//
// Needs react, @rjsf/core, @rjsf/validator-ajv8, ajv (8) and ajv-i18n as
// dependencies of the application.
import { createElement } from "react";
import { getDefaultRegistry } from "@rjsf/core";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020.js";
import localizeFr from "ajv-i18n/localize/fr/index.js";
import { siren } from "./siren.mjs";

export { siren };

/** The label of an absent answer. */
export const notAnswered = "Non renseigné";

/**
 * TriState is the widget of a yes/no question: rjsf's drop-down list with
 * « Non renseigné » first (rjsf's boolean field passes no placeholder).
 */
export function TriState(props) {
  const { SelectWidget } = getDefaultRegistry().widgets;
  return createElement(SelectWidget, { ...props, placeholder: notAnswered });
}

/** validator returns the rjsf validator for the dossier schema: Ajv 2020, the siren format, French messages. */
export function validator() {
  return customizeValidator({ AjvClass: Ajv2020, customFormats: { siren } }, localizeFr);
}

function resolve(root, s) {
  while (s && typeof s.$ref === "string" && s.$ref.startsWith("#/$defs/")) {
    const { $ref, ...rest } = s;
    s = { ...root.$defs[$ref.slice("#/$defs/".length)], ...rest };
  }
  return s;
}

function isOptionList(s) {
  return Array.isArray(s.oneOf) && s.oneOf.length > 0 && s.oneOf.every((o) => Array.isArray(o.enum) && o.enum.length === 1);
}

/**
 * uiSchema returns the rjsf uiSchema of the dossier schema: yes/no questions
 * as a list of three answers, lists of options with « Non renseigné » first,
 * for every question, in sections, lists and their items.
 */
export function uiSchema(root) {
  function ui(s) {
    s = resolve(root, s);
    if (!s) return undefined;
    if (s.type === "object" && s.properties) {
      const out = {};
      for (const [key, p] of Object.entries(s.properties)) {
        const u = ui(p);
        if (u) out[key] = u;
      }
      return out;
    }
    if (s.type === "array" && s.items) {
      const u = ui(s.items);
      return u ? { items: u } : undefined;
    }
    if (s.type === "boolean") return { "ui:widget": "clsmTriState" };
    if (isOptionList(s)) return { "ui:placeholder": notAnswered };
    return undefined;
  }
  return ui(root);
}

/** formProps returns the props of rjsf's Form, apart from the schema, for the dossier schema. */
export function formProps(schema) {
  return {
    validator: validator(),
    uiSchema: uiSchema(schema),
    widgets: { clsmTriState: TriState },
    // Nothing is filled in that the person did not answer: neither the
    // options of a question (const) nor an empty object for a section.
    experimental_defaultFormStateBehavior: { constAsDefaults: "never", emptyObjectFields: "skipEmptyDefaults", arrayMinItems: { populate: "never" } },
  };
}
