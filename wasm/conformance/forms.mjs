// Renders the dossier schema with @rjsf/core and with JSON Forms (vanilla
// renderers) in jsdom, as a developer would: first with each tool's default
// settings, then with the setups the module ships (wasm/forms/rjsf.mjs,
// wasm/forms/jsonforms.mjs). Each blank form is submitted untouched and the
// dossier it gives is printed, for conformance_test.go to assess with the
// real checker, with what a person sees (lists, radio buttons, sections,
// words left in English, Ajv's messages). Prints one JSON object; exits 1
// when a tool cannot run.
//
// Usage: node forms.mjs SCHEMA_FILE < FILES (a JSON list of dossier files)
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
  const { JsonForms } = await import("@jsonforms/react");
  const { vanillaCells, vanillaRenderers } = await import("@jsonforms/vanilla-renderers");
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

// JSON Forms, shipped setup (wasm/forms/jsonforms.mjs).
{
  const { JsonForms } = await import("@jsonforms/react");
  const { jsonFormsProps } = await import("../forms/jsonforms.mjs");
  const props = jsonFormsProps(schema);
  const render = async (initial) => {
    let data = initial;
    const { error, warn } = console;
    const unrendered = [];
    const count = (log) => (...a) => { if (String(a[0]).startsWith("No applicable")) unrendered.push(a[1]?.scope ?? String(a[1])); else log(...a); };
    console.error = count(error);
    console.warn = count(warn);
    const { host, root } = await mount(React.createElement(JsonForms, { ...props, data: initial, onChange: ({ data: d }) => { data = d; } }));
    Object.assign(console, { error, warn });
    return { host, root, unrendered, data: () => data };
  };
  const blank = await render({});
  const host = blank.host;
  const legends = [...host.querySelectorAll("legend")].map((l) => l.textContent);
  const dossier = schema.$defs.Dossier;
  const sections = Object.values(dossier.properties).filter((p) => p.$ref).map((p) => p.title);
  const triStates = [...host.querySelectorAll("fieldset.tristate")];
  const copil = triStates.find((f) => f.querySelector("legend")?.textContent === schema.$defs.Copil.properties.exists.title);
  if (!copil) {
    console.log(JSON.stringify({ error: "no three-answer question for the COPIL", radios: host.querySelectorAll("input[type=radio]").length, selects: host.querySelectorAll("select").length, checks: host.querySelectorAll("input[type=checkbox]").length, html: host.innerHTML.slice(0, 1500), triStates: triStates.length, unrendered: blank.unrendered }));
    process.exit(1);
  }
  const radios = copil ? [...copil.querySelectorAll("label")].map((l) => l.textContent.trim()) : null;
  const submitted = blank.data();
  // Answer « Oui », then « Non renseigné »: the key comes, then goes.
  const click = async (text) => {
    const input = [...copil.querySelectorAll("label")].find((l) => l.textContent.trim() === text).querySelector("input");
    await act(async () => input.click());
    // JSON Forms reports a change after a 10 ms debounce.
    await act(() => new Promise((r) => setTimeout(r, 30)));
  };
  await click("Oui");
  const afterYes = blank.data();
  await click("Non renseigné");
  const afterUnset = blank.data();
  out.jsonFormsShipped = {
    submitted: submitted ?? {},
    unrendered: blank.unrendered,
    sectionsMissing: sections.filter((t) => !legends.includes(t)),
    sections: sections.length,
    groups: legends.length,
    triStates: triStates.length,
    copilExists: radios,
    afterYes: afterYes ?? null,
    afterUnset: afterUnset ?? null,
    none: [...host.querySelectorAll("option")].filter((o) => (o.label || o.textContent) === "None").length,
    notAnsweredOptions: [...host.querySelectorAll("option")].filter((o) => (o.label || o.textContent) === "Non renseigné").length,
    english: [...host.querySelectorAll("label, legend, button, p, td, option")].map((e) => e.textContent.trim())
      .filter((t) => /\b(Working|Groups|None|No data|No selection|Delete|Add|Up|Down)\b/.test(t)),
  };
  await act(async () => blank.root.unmount());
  const bad = await render({ name: "x".repeat(201) });
  out.jsonFormsShipped.messages = [...bad.host.querySelectorAll(".validation_error, .validation")].map((e) => e.textContent).filter(Boolean);
  await act(async () => bad.root.unmount());
}

// The presentation copy JSON Forms is given validates the same documents
// as the published schema: every dossier file named on standard input.
{
  const { presentationSchema, createAjv } = await import("../forms/jsonforms.mjs");
  const files = JSON.parse(readFileSync(0, "utf8") || "[]");
  const published = createAjv().compile(schema);
  const copy = createAjv().compile(presentationSchema(schema));
  const differ = [];
  let compared = 0;
  for (const f of files) {
    let doc;
    try {
      doc = JSON.parse(readFileSync(f, "utf8"));
    } catch {
      continue; // not JSON: no schema reads it
    }
    compared++;
    if (published(doc) !== copy(doc)) differ.push(f);
  }
  out.presentation = { files: files.length, checked: compared, differ };
}

console.log(JSON.stringify(out));
