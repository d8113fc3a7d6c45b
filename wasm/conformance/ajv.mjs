// Validates files against the module's JSON Schemas with Ajv (draft 2020-12)
// in strict mode, set up as the README says: ajv-formats plus the documented
// custom format "siren", and nothing else. Reads on stdin a JSON list of
// {"schema": "dossier.v2.schema.json", "file": "/abs/path.json"} and writes
// on stdout {"compiled": [...], "results": {file: {"valid": bool, "errors": [...]}}}.
// Run by conformance_test.go.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { siren } from "./siren.mjs";

const schemaDir = process.argv[2];

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addFormat("siren", { type: "string", validate: siren });

const jobs = JSON.parse(readFileSync(0, "utf8"));
const validators = {};
const results = {};
for (const { schema, file } of jobs) {
  if (!validators[schema]) {
    validators[schema] = ajv.compile(JSON.parse(readFileSync(join(schemaDir, schema), "utf8")));
  }
  let data;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    results[file] = { valid: false, errors: ["JSON: " + e.message] };
    continue;
  }
  const validate = validators[schema];
  const valid = validate(data);
  results[file] = { valid, errors: valid ? [] : validate.errors.slice(0, 5).map((e) => `${e.instancePath} ${e.message}`) };
}
process.stdout.write(JSON.stringify({ compiled: Object.keys(validators), results }));
