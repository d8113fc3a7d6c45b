// Unit tests of the regional run (region-run.js): files sent one at a time with a bounded
// pipeline, the « auto » first reading, progress, cancel, and a checker that stops mid-run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { runRegion, WINDOW } from "../region-run.js";

/** A fake complete checker: records the calls, answers like the region methods. */
function fakeChecker({ stopAfter = Infinity } = {}) {
  const calls = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let added = 0;
  const call = async (name, args) => {
    calls.push([name, ...args]);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 1));
    inFlight--;
    if (name === "regionAdd" && ++added > stopAfter) {
      throw Object.assign(new Error("Le vérificateur s'est arrêté (mémoire épuisée)."), { french: true, stopped: true });
    }
    const value = {
      regionStart: { session: 7 },
      regionNote: true,
      regionAdd: { files: added },
      regionReport: { files: added, assessed: added, invalid: [] },
      renderRegional: args[1] === "html" ? "<html>" : "csv",
      regionCancel: true,
    }[name];
    return JSON.stringify({ value });
  };
  return { call, calls, max: () => maxInFlight };
}

const entries = (n) => Array.from({ length: n }, (_, i) => ({ path: `d${i}.json`, text: `{"name": "CLSM ${i}"}` }));

test("sends every file once, in order, with at most WINDOW unanswered", async () => {
  const c = fakeChecker();
  const seen = [];
  const out = await runRegion(c.call, entries(25), { referential: "idf", date: "2026-11-22", onProgress: (n, total, phase) => seen.push([n, total, phase]) });
  assert.equal(out.report.files, 25);
  assert.equal(out.html, "<html>");
  const adds = c.calls.filter((x) => x[0] === "regionAdd").map((x) => x[2]);
  assert.deepEqual(adds, entries(25).map((e) => e.path));
  assert.ok(c.max() <= WINDOW, `at most ${WINDOW} in flight, got ${c.max()}`);
  assert.equal(c.calls.filter((x) => x[0] === "regionNote").length, 0, "a named referential needs no first reading");
  assert.deepEqual(seen.at(-1), [25, 25, "add"]);
});

test("with « auto », every file is noted before any is added", async () => {
  const c = fakeChecker();
  const reads = [];
  await runRegion(c.call, entries(5), { referential: "auto", date: "2026-11-22", read: async (e) => (reads.push(e.path), e.text) });
  const names = c.calls.map((x) => x[0]);
  assert.equal(names.lastIndexOf("regionNote") < names.indexOf("regionAdd"), true);
  assert.deepEqual(reads, entries(5).map((e) => e.path), "each file read once: kept for the second reading");
});

test("cancelled: no report, the session ended", async () => {
  const c = fakeChecker();
  let n = 0;
  const out = await runRegion(c.call, entries(50), { referential: "idf", date: "2026-11-22", onProgress: () => n++, cancelled: () => n >= 10 });
  assert.equal(out.cancelled, true);
  assert.equal(out.report, undefined);
  assert.ok(c.calls.filter((x) => x[0] === "regionAdd").length < 50);
  assert.deepEqual(c.calls.at(-1), ["regionCancel", "7"]);
});

test("a checker that stops mid-run: its French reason, no report, no hang", async () => {
  const c = fakeChecker({ stopAfter: 12 });
  const out = await runRegion(c.call, entries(100), { referential: "idf", date: "2026-11-22" });
  assert.equal(out.error.message, "Le vérificateur s'est arrêté (mémoire épuisée).");
  assert.ok(c.calls.filter((x) => x[0] === "regionAdd").length <= 12 + WINDOW + 1, "stops sending once it failed");
});

test("an error answer is told as the checker wrote it", async () => {
  const call = async (name) => JSON.stringify(name === "regionStart" ? { error: { message: "Date d'évaluation « x » invalide." } } : { value: true });
  const out = await runRegion(call, entries(3), { referential: "idf", date: "x" });
  assert.equal(out.error.message, "Date d'évaluation « x » invalide.");
});
