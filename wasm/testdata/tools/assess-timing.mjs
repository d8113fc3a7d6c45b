// Times the checker's assess call in Node, as the form makes it at each
// answer: an example dossier assessed 300 times against a referential, one
// yes/no answer changed before each call; prints the median and the 90th
// percentile of the calls after the first 30, in milliseconds.
//
//	GOOS=js GOARCH=wasm go build -o /tmp/checker.wasm ./wasm/cmd/checker
//	node wasm/testdata/tools/assess-timing.mjs /tmp/checker.wasm \
//	  "$(go env GOROOT)/lib/wasm/wasm_exec.js" examples/dossiers/ile-de-france-montreuil-actif.json
//
// Optional fourth and fifth arguments: the referential (default idf) and the
// method (default assess; validate times the reading alone).
//
// V8 compiles the checker's functions anew, optimized, as they run: over the
// first hundred calls or so, one call in two or three is slowed, which the
// 90th percentile shows. node --no-liftoff compiles them optimized at once,
// to time the calls as they are once the form has been used a while.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const [wasmPath, execPath, dossierPath, ref = "idf", method = "assess"] = process.argv.slice(2);
if (!wasmPath || !execPath || !dossierPath) {
  console.error("usage: node assess-timing.mjs checker.wasm wasm_exec.js dossier.json [referential] [method]");
  process.exit(2);
}
createRequire(import.meta.url)(execPath); // defines globalThis.Go
const ready = new Promise((resolve) => { globalThis.clsmCheckerReady = resolve; });
const go = new globalThis.Go();
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), go.importObject);
go.run(instance);
await ready;

// The yes/no answers of the dossier, each toggled in turn.
const dossier = JSON.parse(readFileSync(dossierPath, "utf8"));
const answers = [];
(function walk(v) {
  if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === "boolean") answers.push([v, k]);
      else walk(x);
    }
  }
})(dossier);

const calls = 300, warmup = 30;
const times = [];
for (let i = 0; i < calls; i++) {
  const [obj, key] = answers[i % answers.length];
  obj[key] = !obj[key];
  const text = JSON.stringify(dossier);
  const args = method === "assess" ? [text, ref, "2026-11-22"] : [text];
  const start = performance.now();
  const out = globalThis.clsmChecker[method](...args);
  times.push(performance.now() - start);
  if (out.startsWith('{"error"')) throw new Error(out.slice(0, 500));
}
const after = times.slice(warmup).sort((a, b) => a - b);
const at = (q) => after[Math.min(after.length - 1, Math.floor(q * after.length))];
console.log(JSON.stringify({ method, calls: after.length, median: +at(0.5).toFixed(2), p90: +at(0.9).toFixed(2), min: +after[0].toFixed(2) }));
process.exit(0);
