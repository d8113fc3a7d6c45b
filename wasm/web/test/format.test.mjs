// Unit tests of the pure formatting and parsing of the form (format.js) and
// of its paths into a dossier (form/paths.js), run by node --test.
import assert from "node:assert/strict";
import { test } from "node:test";

import { count, frenchDateText, frenchNumber, isDay, parseFrenchDate, parseNumber, plainNumber, slug } from "../format.js";
import { deleteAt, getAt, setAt } from "../form/paths.js";

const NNBSP = "\u202f"; // what Intl writes between groups of digits in French

test("parseFrenchDate", async (t) => {
  const cases = [
    { reason: "JJ/MM/AAAA", text: "30/06/2025", want: { value: "2025-06-30" } },
    { reason: "one-digit day and month, dots", text: " 1.2.2024 ", want: { value: "2024-02-01" } },
    { reason: "already in the dossier's format", text: "2024-02-29", want: { value: "2024-02-29" } },
    { reason: "a day that does not exist", text: "31/04/2025", error: /n'existe pas/ },
    { reason: "29 February of a common year", text: "29/02/2025", error: /n'existe pas/ },
    { reason: "a two-digit year", text: "30/06/25", error: /non reconnue/ },
    { reason: "words", text: "hier", error: /non reconnue/ },
    { reason: "empty", text: "", error: /non reconnue/ },
  ];
  for (const c of cases) {
    await t.test(c.reason, () => {
      const got = parseFrenchDate(c.text);
      if (c.error) {
        assert.equal(got.value, undefined);
        assert.match(got.error, c.error);
        assert.match(got.error, /\u00a0:/, "a no-break space before the colon");
      } else {
        assert.deepEqual(got, c.want);
      }
    });
  }
});

test("frenchDateText and isDay", () => {
  assert.equal(frenchDateText("2025-06-30"), "30/06/2025");
  assert.equal(frenchDateText("pas une date"), "pas une date");
  assert.equal(frenchDateText(undefined), "");
  assert.equal(isDay("2024-02-29"), true);
  assert.equal(isDay("2025-02-29"), false);
  assert.equal(isDay("2025-6-30"), false);
  assert.equal(isDay(20250630), false);
});

test("parseNumber", async (t) => {
  const integer = { widget: "integer", min: 0 };
  const share = { widget: "number", min: 0, max: 1 };
  const cases = [
    { reason: "an integer with a no-break space", item: integer, text: "21\u00a0800", want: 21800 },
    { reason: "an integer with a narrow no-break space", item: integer, text: `1${NNBSP}000`, want: 1000 },
    { reason: "a decimal comma", item: share, text: "0,5", want: 0.5 },
    { reason: "minus zero is zero", item: { widget: "number" }, text: "-0", want: 0 },
    { reason: "a decimal where an integer is asked", item: integer, text: "1,5", error: /nombre entier/ },
    { reason: "below the minimum", item: integer, text: "-1", error: /au moins 0/ },
    { reason: "above the maximum", item: share, text: "2", error: /au plus 1/ },
    { reason: "an exclusive minimum", item: { widget: "number", min: 0, minExclusive: true }, text: "0", error: /plus de 0/ },
    { reason: "beyond 2^53", item: integer, text: "9007199254740993", error: /bien trop grand/ },
    { reason: "too many decimals to write without an exponent", item: { widget: "number" }, text: "0,0000001", error: /six au plus/ },
    { reason: "not a number", item: share, text: "un demi", error: /Ce n'est pas un nombre/ },
  ];
  for (const c of cases) {
    await t.test(c.reason, () => {
      const got = parseNumber(c.item, c.text);
      if (c.error) {
        assert.equal(got.value, undefined);
        assert.match(got.error, c.error);
        assert.match(got.error, /conservé/, "what was typed is kept");
      } else {
        assert.deepEqual(got, { value: c.want });
        assert.ok(!Object.is(got.value, -0));
      }
    });
  }
});

test("frenchNumber, plainNumber and count", () => {
  assert.equal(frenchNumber(15000000), `15${NNBSP}000${NNBSP}000`);
  assert.equal(frenchNumber(0.5), "0,5");
  assert.equal(frenchNumber(Number.NaN), "?");
  assert.equal(frenchNumber("12"), "?");
  assert.equal(plainNumber(1.1e29), "110000000000000000000000000000");
  assert.equal(plainNumber(1e-7), "0,0000001");
  assert.equal(plainNumber(12.5), "12,5");
  assert.equal(count(0, "règle", "règles"), "0\u00a0règle");
  assert.equal(count(1, "règle", "règles"), "1\u00a0règle");
  assert.equal(count(3, "règle", "règles"), "3\u00a0règles");
  assert.equal(slug("/territory/department"), "territory-department");
});

test("getAt, setAt and deleteAt", async (t) => {
  await t.test("setAt makes the objects on the way, and writes into a list's element", () => {
    const d = { meetings: [{}] };
    setAt(d, "/meetings/0/date", "2025-01-01");
    setAt(d, "/territory/department", "12");
    assert.deepEqual(d, { meetings: [{ date: "2025-01-01" }], territory: { department: "12" } });
    assert.equal(getAt(d, "/meetings/0/date"), "2025-01-01");
  });
  await t.test("getAt of a path that is not there", () => {
    assert.equal(getAt({ a: 1 }, "/a/b"), undefined);
    assert.equal(getAt({ a: null }, "/a/b"), undefined);
  });
  await t.test("deleteAt removes the objects left empty: a blank stays absent", () => {
    const d = { governance: { plenary: { held: true } }, name: "CLSM" };
    deleteAt(d, "/governance/plenary/held");
    assert.deepEqual(d, { name: "CLSM" });
  });
  await t.test("deleteAt keeps a parent that still holds an answer, and arrays", () => {
    const d = { governance: { plenary: { held: true }, steering: true }, list: [] };
    deleteAt(d, "/governance/plenary/held");
    assert.deepEqual(d, { governance: { steering: true }, list: [] });
    deleteAt(d, "/missing/path");
    assert.deepEqual(d, { governance: { steering: true }, list: [] });
  });
});
