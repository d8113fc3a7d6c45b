// Calls every method of both checkers through clsm.js, in Node.js, and writes what they answer
// as a TypeScript file of typed constants (node_test.go then compiles it against clsm.d.ts with
// tsc --strict): a field the declarations do not name is an excess property, a field they
// require and the answer lacks is missing, null where they promise an array is an error. The
// keys of each API object are checked the same way, both ways.
//
//   node shapes.mjs DIR OUT.ts   (DIR holds clsm.js, checker.wasm, checker-full.wasm; see setup.mjs)
import "./setup.mjs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [dir, out] = process.argv.slice(2);
const { load, loadInWorker } = await import(pathToFileURL(join(dir, "clsm.js")).href);
const dossier = JSON.parse(readFileSync(process.env.CLSM_DOSSIER, "utf8"));
const referential = JSON.parse(readFileSync(process.env.CLSM_REFERENTIAL, "utf8"));
const date = "2026-11-22";

const form = await load();
const full = await load({ wasm: "checker-full.wasm" });
const facts = {
  sameForm: form === (await load()),
  sameFull: full === (await load({ wasm: "checker-full.wasm" })),
  distinct: form !== full,
  frozen: Object.isFrozen(form) && Object.isFrozen(full),
};
const inWorker = await loadInWorker({ wasm: "checker-full.wasm" });

const lines = [
  'import type { Checker, FullChecker, CheckerError, CheckerInWorker, FullCheckerInWorker } from "./clsm";',
  "type Ok<F extends (...args: any) => any> = NonNullable<ReturnType<F>[\"value\"]>;",
  "type Exactly<T, K extends PropertyKey> = [Exclude<K, keyof T>, Exclude<keyof T, K>] extends [never, never] ? true : never;",
];
const keys = (name, api, type) => {
  const union = Object.keys(api).map((k) => JSON.stringify(k)).join(" | ");
  lines.push(`export const ${name}: Exactly<${type}, ${union}> = true;`);
  for (const k of Object.keys(api)) if (typeof api[k] !== "function") throw new Error(`${name}.${k} is not a function`);
};
keys("formMethods", form, "Checker");
keys("fullMethods", full, "FullChecker");
keys("fullInWorkerMethods", inWorker, "FullCheckerInWorker");

let n = 0;
const value = (api, type, method, args, edit = (v) => v) => {
  const r = api[method](...args);
  if (r.error) throw new Error(`${method}: ${r.error.message}`);
  lines.push(`export const v${n++}: Ok<${type}["${method}"]> = ${JSON.stringify(edit(r.value))};`);
  return r.value;
};
const error = (api, method, args) => {
  const r = api[method](...args);
  if (!r.error || r.value !== undefined) throw new Error(`${method} should fail`);
  lines.push(`export const e${n++}: CheckerError = ${JSON.stringify(r.error)};`);
};

for (const [api, type] of [[form, "Checker"], [full, "FullChecker"]]) {
  value(api, type, "version", []);
  value(api, type, "referentials", []);
  for (const spec of ["idf", "national", referential]) value(api, type, "questionnaire", [spec]);
  value(api, type, "validate", [dossier]);
  value(api, type, "validate", ['{"schemaVersion": 2, "stage": "actif", "territory": {"communes": ["abc"]}}']);
  value(api, type, "upgrade", ['{"schemaVersion": 1, "stage": "active"}']);
  for (const spec of ["idf", "occitanie", "hdf", "national", referential]) value(api, type, "assess", [dossier, spec, date]);
  value(api, type, "assess", ["{}", "idf", date]);
  value(api, type, "render", [dossier, "idf", date, "html"], (html) => html.slice(0, 200));
  value(api, type, "compare", ['{"schemaVersion": 2, "stage": "constitution"}', "idf", "2025-11-22", dossier, "idf", date]);
  const examples = value(api, type, "examples", []);
  for (const e of examples) value(api, type, "example", [e.id]);
  error(api, "assess", ['{"schemaVersion": 2, "stage": "actif"}', "idf", date]);
  error(api, "assess", ["{", "idf", date]);
  error(api, "compare", [dossier, "idf", date, dossier, "occitanie", date]);
  error(api, "questionnaire", ["inconnu"]);
}
value(full, "FullChecker", "render", [dossier, "idf", date, "md"], (md) => md.slice(0, 200));
// The schemas are object, whatever their content: their keys are what is checked.
value(full, "FullChecker", "schemas", [], (s) => Object.fromEntries(Object.keys(s).map((k) => [k, {}])));
const files = [
  ...examples(full).map((e) => ({ name: `${e.id}.json`, text: JSON.stringify(full.example(e.id).value) })),
  { name: "invalide.json", text: '{"schemaVersion": 2, "stage": "actif"}' },
  { name: "illisible.json", text: "{" },
];
const regional = value(full, "FullChecker", "aggregate", [files, "idf", date]);
value(full, "FullChecker", "aggregate", [{ files: { "a.json": "{}" } }, "national", date]);
for (const format of ["csv", "text"]) value(full, "FullChecker", "renderRegional", [regional, format], (s) => s.slice(0, 200));
for (const spec of ["idf", "occitanie"]) value(full, "FullChecker", "documents", [dossier, spec, date]);
value(full, "FullChecker", "documents", ['{"schemaVersion": 2}', "idf", date]);
value(full, "FullChecker", "document", [dossier, "idf", date, "annexe", "odt"], (d) => ({ ...d, base64: d.base64.slice(0, 40) }));
value(full, "FullChecker", "document", [dossier, "idf", date, "annexe", "md", dossier], (d) => ({ ...d, text: d.text.slice(0, 200) }));
error(full, "document", [dossier, "idf", date, "rapport", "odt"]);
error(full, "document", ['{"schemaVersion": 2, "stage": "actif"}', "idf", date, "bilan", "html"]);
const later = await inWorker.aggregate(files, "idf", date);
if (later.error) throw new Error(later.error.message);

function examples(api) {
  return api.examples().value;
}
writeFileSync(out, lines.join("\n") + "\n");
console.log(JSON.stringify(facts));
process.exit(0);
