// Renders the dossier schema with @rjsf/core and with JSON Forms (vanilla
// renderers) in jsdom, as a developer would: first with each tool's default
// settings, then (rjsf) with the shipped setup of wasm/forms/rjsf.mjs. Each
// blank form is submitted untouched and the dossier it gives is printed, for
// conformance_test.go to assess with the real checker. Prints one JSON
// object; exits 1 when a tool cannot run.
//
// Usage: node forms.mjs SCHEMA_FILE
import { JSDOM } from "jsdom";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const dom = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.navigator = dom.window.navigator;
globalThis.HTMLElement = dom.window.HTMLElement;
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const React = require("react");
const { act } = React;
const { createRoot } = require("react-dom/client");
const Form = require("@rjsf/core").default;
const { customizeValidator } = require("@rjsf/validator-ajv8");
const Ajv2020 = require("ajv/dist/2020").default;
const { formProps, siren } = await import("../forms/rjsf.mjs");

const schema = JSON.parse(readFileSync(process.argv[2], "utf8"));
const out = {};

async function mount(element) {
  const host = document.createElement("div");
  document.body.appendChild(host);
  const root = createRoot(host);
  await act(async () => root.render(element));
  return { host, root };
}

// rjsf: render, submit untouched, keep what onSubmit receives.
async function rjsf(props) {
  let submitted;
  const { host, root } = await mount(
    React.createElement(Form, { schema, ...props, onSubmit: ({ formData }) => { submitted = formData; } }),
  );
  const form = host.querySelector("form");
  await act(async () => form.dispatchEvent(new dom.window.Event("submit", { bubbles: true, cancelable: true })));
  const selects = {};
  for (const el of host.querySelectorAll("select")) selects[el.id] = [...el.options].map((o) => o.textContent);
  const checkboxes = host.querySelectorAll('input[type="checkbox"]').length;
  await act(async () => root.unmount());
  return { submitted: submitted ?? null, selects, checkboxes };
}

// The stock validator on Ajv 2020 (the 2020-12 schema needs it) with the
// siren format: nothing else changed from rjsf's defaults.
const stock = customizeValidator({ AjvClass: Ajv2020, customFormats: { siren } });
const def = await rjsf({ validator: stock });
out.rjsfDefault = { submitted: def.submitted, checkboxes: def.checkboxes };

const shippedProps = formProps(schema);
const shipped = await rjsf(shippedProps);
out.rjsfShipped = { submitted: shipped.submitted, checkboxes: shipped.checkboxes, copilExists: shipped.selects["root_copil_exists"] ?? null, stage: shipped.selects["root_stage"] ?? null, selects: Object.keys(shipped.selects).length };

// Every question of the schema (a leaf with a type) has its entry in the
// uiSchema when it needs one: yes/no and lists of options.
const missing = [];
(function walk(s, ui, path) {
  while (s && s.$ref) {
    const { $ref, ...rest } = s;
    s = { ...schema.$defs[$ref.slice(8)], ...rest };
  }
  if (s.type === "object" && s.properties) {
    for (const [k, p] of Object.entries(s.properties)) walk(p, ui?.[k], `${path}/${k}`);
  } else if (s.type === "array" && s.items) {
    walk(s.items, ui?.items, `${path}/items`);
  } else if (s.type === "boolean") {
    if (ui?.["ui:widget"] !== "clsmTriState") missing.push(path);
  } else if (Array.isArray(s.oneOf) && s.oneOf.every((o) => o.enum) && !ui?.["ui:placeholder"]) {
    missing.push(path);
  }
})(schema, shippedProps.uiSchema, "");
out.uiSchemaMissing = missing;

// Ajv's messages, through the shipped validator.
const bad = shippedProps.validator.validateFormData({ schemaVersion: 2, stage: "actif", name: 7 }, schema);
out.messages = bad.errors.map((e) => e.message);

// JSON Forms, default settings: an Ajv 2020 instance (its own Ajv 2019 one
// cannot resolve $defs), no UI schema, the vanilla renderers.
{
  const { JsonForms } = require("@jsonforms/react");
  const { vanillaCells, vanillaRenderers } = require("@jsonforms/vanilla-renderers");
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
  require("ajv-formats")(ajv);
  ajv.addFormat("siren", siren);
  let data = {};
  const { error, warn } = console;
  let unrendered = 0;
  const count = (log) => (...a) => { if (String(a[0]).startsWith("No applicable")) unrendered++; else log(...a); };
  console.error = count(error);
  console.warn = count(warn);
  const { host, root } = await mount(React.createElement(JsonForms, {
    schema, data: {}, renderers: vanillaRenderers, cells: vanillaCells, ajv,
    onChange: ({ data: d }) => { data = d; },
  }));
  Object.assign(console, { error, warn });
  out.jsonFormsDefault = { submitted: data ?? null, unrendered, checkboxes: host.querySelectorAll('input[type="checkbox"]').length };
  await act(async () => root.unmount());
}

console.log(JSON.stringify(out));
