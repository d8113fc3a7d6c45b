// Unit tests of the coalescing of verdict requests (form/verdicts.js), with a
// fake checker whose answers the test releases one by one, run by node --test.
import assert from "node:assert/strict";
import { test } from "node:test";

import { VerdictRequests } from "../form/verdicts.js";

/**
 * A fake checker: each call waits until the test answers it. shown lists the
 * answers the form would draw; log the hooks in the order they ran.
 */
function harness({ failOn = -1 } = {}) {
  const calls = [];
  const shown = [];
  const log = [];
  let answers = 0;
  const dossier = { value: 0 };
  const machine = new VerdictRequests({
    start: () => log.push("start"),
    pass: async (current) => {
      const asked = dossier.value;
      const n = answers++;
      const res = await new Promise((resolve, reject) => calls.push({ asked, resolve, reject }));
      if (n === failOn) throw new Error("le vérificateur s'est arrêté");
      if (current()) shown.push(res);
    },
    end: () => log.push("end"),
  });
  return { machine, calls, shown, log, dossier };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test("one request: busy, then idle, its result shown", async () => {
  const h = harness();
  assert.equal(h.machine.state, "idle");
  const done = h.machine.request();
  assert.equal(h.machine.state, "busy");
  assert.equal(h.machine.busy, true);
  h.calls[0].resolve("verdict 0");
  await done;
  assert.equal(h.machine.state, "idle");
  assert.deepEqual(h.shown, ["verdict 0"]);
  assert.deepEqual(h.log, ["start", "end"]);
});

test("answers given during a pass are assessed together, once, and only the last result is shown", async () => {
  const h = harness();
  const first = h.machine.request();
  for (let i = 1; i <= 5; i++) {
    h.dossier.value = i;
    await h.machine.request(); // returns at once: the pass in progress is now stale
    assert.equal(h.machine.state, "stale");
  }
  h.calls[0].resolve("verdict of the answers before");
  await tick();
  assert.equal(h.calls.length, 2, "one more pass for the five requests");
  assert.equal(h.calls[1].asked, 5, "with the latest answers");
  assert.equal(h.machine.state, "busy");
  h.calls[1].resolve("verdict of the latest answers");
  await first;
  assert.deepEqual(h.shown, ["verdict of the latest answers"], "the stale result is never drawn");
  assert.deepEqual(h.log, ["start", "end"], "start and end once for the whole run");
  assert.equal(h.machine.state, "idle");
});

test("a pass that fails leaves the machine idle, and the next request starts afresh", async () => {
  const h = harness({ failOn: 0 });
  const done = h.machine.request();
  h.calls[0].resolve("lost");
  await assert.rejects(done, /s'est arrêté/);
  assert.equal(h.machine.state, "idle");
  assert.deepEqual(h.log, ["start", "end"]);
  const again = h.machine.request();
  h.calls[1].resolve("verdict");
  await again;
  assert.deepEqual(h.shown, ["verdict"]);
});

test("a pass may ask for one more itself (a saved dossier set aside)", async () => {
  const calls = [];
  let passes = 0;
  const machine = new VerdictRequests({
    start: () => {},
    pass: async (current, again) => {
      passes++;
      calls.push(current());
      if (passes === 1) again();
    },
    end: () => {},
  });
  await machine.request();
  assert.equal(passes, 2);
  assert.deepEqual(calls, [true, true]);
  assert.equal(machine.state, "idle");
});
