// Unit tests of the checker client's state machine (checker-client.js), with a fake worker that
// plays the protocol of checker-core.js: start, answers, a failed start, a crash, Go stopping.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CheckerClient, TERMINATED } from "../checker-client.js";
import { OUT_OF_MEMORY, INTERNAL_ERROR } from "../checker-core.js";

/** A worker that records what it is sent; the test plays its answers. */
class FakeWorker {
  constructor() {
    this.sent = [];
    this.terminated = false;
    this.onmessage = null;
    this.onerror = null;
    this.onmessageerror = null;
  }
  postMessage(m) {
    this.sent.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker says m. */
  say(m) {
    this.onmessage({ data: m });
  }
  /** The worker fails with an error event. */
  fail(message) {
    let prevented = false;
    this.onerror({ message, preventDefault: () => (prevented = true) });
    return prevented;
  }
  calls() {
    return this.sent.filter((m) => m.type === "call");
  }
}

function started() {
  const w = new FakeWorker();
  const c = new CheckerClient(w, "https://example.test/checker.wasm");
  const states = [];
  c.watch((s) => states.push(s));
  return { w, c, states };
}

/** Lets the promises queued so far run. */
const tick = () => new Promise((r) => setTimeout(r, 0));

test("asks the worker to start the checker, then answers calls once ready", async () => {
  const { w, c, states } = started();
  assert.deepEqual(w.sent, [{ type: "start", url: "https://example.test/checker.wasm" }]);
  assert.equal(c.state, "loading");
  const answer = c.call("version", []);
  await tick();
  assert.equal(w.calls().length, 0, "no call before the checker is ready");
  w.say({ type: "loaded" });
  w.say({ type: "ready", complete: true });
  assert.equal(await c.started, "ready");
  assert.equal(c.complete, true);
  await tick();
  const [call] = w.calls();
  assert.deepEqual({ name: call.name, args: call.args }, { name: "version", args: [] });
  w.say({ type: "answer", id: call.id, out: '{"value":1}', memory: 42 });
  assert.equal(await answer, '{"value":1}');
  assert.equal(c.memory, 42);
  assert.deepEqual(states, ["starting", "ready"]);
});

test("answers each call with its own answer, whatever the order", async () => {
  const { w, c } = started();
  w.say({ type: "loaded" });
  w.say({ type: "ready" });
  const a = c.call("a", []);
  const b = c.call("b", []);
  await tick();
  const [ca, cb] = w.calls();
  w.say({ type: "answer", id: cb.id, out: "B" });
  w.say({ type: "answer", id: ca.id, out: "A" });
  assert.deepEqual(await Promise.all([a, b]), ["A", "B"]);
});

test("a worker script that never ran is unreachable: the caller runs the checker in the page", async () => {
  const { w, c } = started();
  assert.equal(w.fail("404"), true, "the error is handled, not reported to the page's console");
  assert.equal(await c.started, "unreachable");
  assert.equal(w.terminated, true);
  await assert.rejects(c.call("version", []), { french: true, stopped: true });
});

test("a checker that cannot start says so, and so does every call", async () => {
  const { w, c } = started();
  const pending = c.call("version", []);
  w.say({ type: "loaded" });
  w.say({ type: "failed", message: "Le vérificateur n'a pas pu être téléchargé (le serveur a répondu 404)." });
  assert.equal(await c.started, "failed");
  await assert.rejects(pending, { message: "Le vérificateur n'a pas pu être téléchargé (le serveur a répondu 404)." });
  await assert.rejects(c.call("version", []), { message: /n'a pas pu être téléchargé/ });
});

/** The ways a started checker stops, and what the client says of each. */
const crashes = [
  { name: "Go stops, out of memory", crash: (w) => w.say({ type: "stopped", message: OUT_OF_MEMORY }), reason: OUT_OF_MEMORY },
  { name: "worker error event", crash: (w) => w.fail("Uncaught RuntimeError: unreachable"), reason: INTERNAL_ERROR },
  { name: "worker error event, memory", crash: (w) => w.fail("Uncaught RangeError: WebAssembly.Memory.grow(): Maximum memory size exceeded"), reason: OUT_OF_MEMORY },
  { name: "an answer that cannot be read", crash: (w) => w.onmessageerror({}), reason: /n'a pas pu être transmise/ },
  { name: "a call that stopped it", crash: (w) => w.say({ type: "answer", id: w.calls()[0].id, error: OUT_OF_MEMORY, stopped: true }), reason: OUT_OF_MEMORY },
  { name: "the page terminates it", crash: (w, c) => c.terminate(), reason: TERMINATED },
];

for (const tc of crashes) {
  test(`stopped after ready (${tc.name}): pending and later calls reject with the reason`, async () => {
    const { w, c, states } = started();
    w.say({ type: "loaded" });
    w.say({ type: "ready" });
    const pending = [c.call("assess", ["{}"]), c.call("render", ["{}"])];
    await tick();
    tc.crash(w, c);
    assert.equal(c.state, "stopped");
    for (const p of pending) await assert.rejects(p, (err) => err.french && err.stopped && (typeof tc.reason === "string" ? err.message === tc.reason : tc.reason.test(err.message)));
    await assert.rejects(c.call("version", []), { stopped: true });
    assert.doesNotMatch(c.reason, /n'a pas pu démarrer/, "a checker that started is never said not to have started");
    assert.equal(w.terminated, true);
    assert.deepEqual(states, ["starting", "ready", "stopped"]);
    // A stopped checker stays stopped: a late message changes nothing.
    w.say({ type: "ready" });
    assert.equal(c.state, "stopped");
  });
}

test("an error answer that does not stop the checker rejects that call only", async () => {
  const { w, c } = started();
  w.say({ type: "loaded" });
  w.say({ type: "ready" });
  const p = c.call("x", []);
  await tick();
  w.say({ type: "answer", id: w.calls()[0].id, error: "Méthode inconnue." });
  await assert.rejects(p, { message: "Méthode inconnue.", stopped: false });
  assert.equal(c.state, "ready");
});

test("a worker that crashes while starting failed to start", async () => {
  const { w, c } = started();
  w.say({ type: "loaded" });
  w.fail("Uncaught Error");
  assert.equal(await c.started, "failed");
  assert.match(c.reason, /n'a pas pu être démarré/);
});
