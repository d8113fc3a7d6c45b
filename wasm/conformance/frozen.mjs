// The frozen schemas in Ajv strict mode (schema/ajv-frozen.mjs): each one is refused as it is
// published, its strictCopy compiles, and both give the same verdict on every file named on
// stdin (the original compiled without strict mode). Reads a JSON list of
// {"schema": "dossier.v1.schema.json", "file": "/abs/path.json"}; writes
// {"refusedAsPublished": {schema: message}, "disagreements": [...], "checked": n, "valid": n}.
// Run by conformance_test.go.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { siren } from "./siren.mjs";

const schemaDir = process.argv[2];
const { strictCopy } = await import(join(schemaDir, "ajv-frozen.mjs"));

const ajv = (strict) => {
  const a = new Ajv2020({ strict, allErrors: true });
  addFormats(a);
  a.addFormat("siren", { type: "string", validate: siren });
  return a;
};

const jobs = JSON.parse(readFileSync(0, "utf8"));
const refusedAsPublished = {};
const pairs = {};
for (const { schema } of jobs) {
  if (pairs[schema]) continue;
  const published = JSON.parse(readFileSync(join(schemaDir, schema), "utf8"));
  try {
    ajv(true).compile(published);
  } catch (e) {
    refusedAsPublished[schema] = e.message;
  }
  const copy = strictCopy(published);
  if (JSON.stringify(published) === JSON.stringify(copy)) throw new Error(`${schema}: strictCopy changed nothing`);
  pairs[schema] = { loose: ajv(false).compile(published), strict: ajv(true).compile(copy) };
}
const disagreements = [];
let valid = 0;
for (const { schema, file } of jobs) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    continue; // not JSON: no schema reads it
  }
  const a = pairs[schema].loose(data);
  const b = pairs[schema].strict(data);
  if (a !== b) disagreements.push(`${schema} ${file}: published ${a}, strict copy ${b}`);
  if (b) valid++;
}
process.stdout.write(JSON.stringify({ refusedAsPublished, disagreements, checked: jobs.length, valid }));
