// Renders the dossier schema, unmodified, with @rjsf/core and
// @rjsf/validator-ajv8 on Ajv 2020 (ajv-formats + siren), in jsdom, and
// checks what a user sees: French labels in the drop-down lists (from the
// oneOf titles) and three answers to a yes/no question (« Je ne sais pas »,
// « Oui », « Non »). The only customization is the one rjsf documents for a
// tri-state boolean: the select widget in place of the checkbox. Prints
// one line per finding and exits 1 on the first failed assertion. Run by
// conformance_test.go.
import { JSDOM } from "jsdom";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const dom = new JSDOM("<!doctype html><html><body><div id=root></div></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;

const React = require("react");
const { renderToStaticMarkup } = require("react-dom/server");
const Form = require("@rjsf/core").default;
const { getDefaultRegistry } = require("@rjsf/core");
const { customizeValidator } = require("@rjsf/validator-ajv8");
const Ajv2020 = require("ajv/dist/2020").default;
const { siren } = await import("./siren.mjs");

const schema = JSON.parse(readFileSync(join(process.argv[2], process.argv[3]), "utf8"));
const validator = customizeValidator({ AjvClass: Ajv2020, customFormats: { siren } });

const { SelectWidget } = getDefaultRegistry().widgets;
const TriState = (props) => React.createElement(SelectWidget, { ...props, placeholder: "Je ne sais pas" });

function fail(msg) {
  console.log("ÉCHEC " + msg);
  process.exit(1);
}

// The schema compiles and validates with the rjsf validator.
const ok = validator.validateFormData({ schemaVersion: 2, stage: "active", copil: { exists: true } }, schema);
if (ok.errors.length) fail("un dossier valide est refusé : " + JSON.stringify(ok.errors));
const bad = validator.validateFormData({ schemaVersion: 2, stage: "actif" }, schema);
if (!bad.errors.length) fail("un stade inconnu est accepté");

const html = renderToStaticMarkup(
  React.createElement(Form, { schema, validator, formData: { schemaVersion: 2, copil: { exists: false } }, widgets: { CheckboxWidget: TriState },
    // rjsf 6 fills a field whose oneOf has a const with the first const
    // unless told not to: an unanswered question must stay unanswered.
    experimental_defaultFormStateBehavior: { constAsDefaults: "never" } }),
);
document.getElementById("root").innerHTML = html;

const select = (suffix) => document.querySelector(`select[id$="${suffix}"]`);
const labels = (el) => [...el.querySelectorAll("option")].map((o) => o.textContent);

const stage = select("_stage");
if (!stage) fail("pas de liste déroulante pour le stade");
const stageLabels = labels(stage);
console.log("stade : " + stageLabels.join(" | "));
if (!stageLabels.some((l) => l.startsWith("Actif"))) fail("le stade ne montre pas « Actif » : " + stageLabels.join(", "));
if (stageLabels.includes("active") || stageLabels.includes("project")) fail("le stade montre des codes bruts : " + stageLabels.join(", "));

// Every drop-down shows labels, not the raw codes of the schema's options.
const codes = new Set();
(function walk(v) {
  if (Array.isArray(v)) return v.forEach(walk);
  if (v && typeof v === "object") {
    // An option is a one-value enum with its French title (a const for « jamais »).
    const code = Array.isArray(v.enum) && v.enum.length === 1 ? v.enum[0] : v.const;
    if (typeof code === "string" && v.title && v.title !== code) codes.add(code);
    Object.values(v).forEach(walk);
  }
})(schema);
if (!codes.has("active") || !codes.has("mayor")) fail("les codes des options du schéma n'ont pas été trouvés");
let selects = 0;
for (const el of document.querySelectorAll("select")) {
  selects++;
  for (const label of labels(el)) {
    if (codes.has(label)) fail(`${el.id} montre un code brut : ${label}`);
  }
}
if (selects < 30) fail(`${selects} listes déroulantes seulement`);

const exists = select("_copil_exists");
if (!exists) fail("pas de liste à trois états pour « /copil/exists »");
const yesNo = labels(exists);
console.log("copil.exists : " + yesNo.join(" | "));
if (JSON.stringify(yesNo) !== JSON.stringify(["Je ne sais pas", "Oui", "Non"])) fail("oui/non n'a pas trois états : " + yesNo.join(", "));
const chosen = exists.querySelector("option[selected]") || exists.options[exists.selectedIndex];
if (!chosen || chosen.textContent !== "Non") fail("« non » enregistré n'est pas montré « Non »");
const unknown = select("_bureau_exists");
if (!unknown || unknown.options[unknown.selectedIndex].textContent !== "Je ne sais pas") fail("une question sans réponse n'est pas montrée « Je ne sais pas »");
console.log(`${selects} listes déroulantes, toutes en français`);
