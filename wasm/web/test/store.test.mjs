// Unit tests of the dossier store (form/store.js) against a fake storage,
// run by node --test: the record written, read back, refused and set aside.
import assert from "node:assert/strict";
import { test } from "node:test";

import { liftNumbers, pendingOf, readRecord, savedStateProblem, setAsideRecord, writeRecord } from "../form/store.js";

/** A storage in memory; refuse makes each method throw, as a full or forbidden localStorage does. */
function fakeStorage(entries = {}, refuse = {}) {
  const map = new Map(Object.entries(entries));
  const guard = (name) => {
    if (refuse[name]) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  };
  return {
    map,
    getItem: (k) => (guard("getItem"), map.has(k) ? map.get(k) : null),
    setItem: (k, v) => (guard("setItem"), map.set(k, String(v))),
    removeItem: (k) => (guard("removeItem"), map.delete(k)),
  };
}

const record = { version: 1, dossier: { schemaVersion: 2, name: "CLSM de Millau" }, raw: { "/population": "12 000 habitants" }, referential: "national" };

test("a record written is read back", () => {
  const s = fakeStorage();
  assert.deepEqual(writeRecord(s, "k", record), { ok: true });
  const read = readRecord(s, "k");
  assert.deepEqual(read.saved, record);
  assert.equal(read.text, JSON.stringify(record));
});

test("readRecord", async (t) => {
  const cases = [
    { reason: "nothing saved", entries: {}, want: (r) => assert.deepEqual(r, { none: true }) },
    { reason: "the storage refuses", entries: {}, refuse: { getItem: true }, want: (r) => assert.equal(r.failed.name, "QuotaExceededError") },
    { reason: "not JSON", entries: { k: "{pas du JSON" }, want: (r) => assert.deepEqual(r, { unreadable: "elles ne sont pas du JSON lisible", text: "{pas du JSON" }) },
    { reason: "an array", entries: { k: "[]" }, want: (r) => assert.equal(r.unreadable, "l'enregistrement n'est pas un objet JSON") },
    { reason: "no dossier", entries: { k: "{}" }, want: (r) => assert.equal(r.unreadable, "le dossier enregistré n'est pas un objet JSON") },
    { reason: "pending answers that are not texts", entries: { k: JSON.stringify({ dossier: {}, raw: { "/a": 1 } }) }, want: (r) => assert.equal(r.unreadable, "les saisies en attente ne sont pas une liste de textes") },
    { reason: "a pending answer that is not at a path", entries: { k: JSON.stringify({ dossier: {}, raw: { a: "x" } }) }, want: (r) => assert.equal(r.unreadable, "les saisies en attente ne sont pas une liste de textes") },
    { reason: "a date that is not a text", entries: { k: JSON.stringify({ dossier: {}, date: 2025 }) }, want: (r) => assert.equal(r.unreadable, "le champ «\u00a0date\u00a0» de l'enregistrement n'est pas un texte") },
  ];
  for (const c of cases) {
    await t.test(c.reason, () => c.want(readRecord(fakeStorage(c.entries, c.refuse), "k")));
  }
});

test("writeRecord says why a record is not saved", () => {
  const cyclic = { dossier: {} };
  cyclic.dossier.self = cyclic;
  assert.deepEqual(writeRecord(fakeStorage(), "k", cyclic), { error: "json" });
  assert.deepEqual(writeRecord(fakeStorage({}, { setItem: true }), "k", record), { error: "storage" });
});

test("setAsideRecord keeps the text under a free key and removes the record", () => {
  const when = "2025-06-30-10h00m00s";
  const s = fakeStorage({ k: "illisible", [`k-recuperation-${when}`]: "déjà là" });
  assert.deepEqual(setAsideRecord(s, "k", "illisible", when), { key: `k-recuperation-${when}-2`, stored: true });
  assert.equal(s.map.get(`k-recuperation-${when}-2`), "illisible");
  assert.equal(s.map.get(`k-recuperation-${when}`), "déjà là", "an earlier copy is never overwritten");
  assert.equal(s.map.has("k"), false);
  assert.deepEqual(setAsideRecord(fakeStorage({ k: "x" }, { setItem: true }), "k", "x", when), { key: `k-recuperation-${when}`, stored: false });
});

test("liftNumbers moves a number the checker would not read back to the pending answers, in the digits of its shortest writing", () => {
  const dossier = { population: 1.1e29, share: 0.5, meetings: [{ count: 2 ** 60 }], ok: 12 };
  const raw = {};
  liftNumbers(dossier, "", raw);
  assert.deepEqual(dossier, { share: 0.5, meetings: [{}], ok: 12 });
  assert.deepEqual(raw, { "/population": "110000000000000000000000000000", "/meetings/0/count": "1152921504606847000" });
});

test("pendingOf keeps the texts at a path only", () => {
  assert.deepEqual(pendingOf({ "/a": "douze", b: "x", "/c": 3 }), { "/a": "douze" });
  assert.deepEqual(pendingOf(["/a"]), {});
  assert.deepEqual(pendingOf(undefined), {});
  assert.equal(savedStateProblem({ dossier: {}, raw: null, referential: null }), "");
});

test("a record nested deeper than the checker reads is set aside, never used", () => {
  const deep = "[".repeat(100000) + "]".repeat(100000);
  const text = `{"dossier":{"schemaVersion":2,"notes":${deep}}}`;
  const read = readRecord(fakeStorage({ k: text }), "k");
  assert.equal(read.saved, undefined);
  assert.equal(read.unreadable, "le dossier enregistré est imbriqué sur plus de 10\u202f000\u00a0niveaux");
  assert.equal(read.text, text, "kept as it is, for the export");
  const raw = {};
  const nested = { a: [] };
  let cur = nested.a;
  for (let i = 0; i < 100000; i++) cur = cur[0] = [];
  cur.push(1e300);
  liftNumbers(nested, "", raw);
  assert.equal(Object.keys(raw).length, 1, "liftNumbers walks 100 000 levels without exhausting the stack");
});
