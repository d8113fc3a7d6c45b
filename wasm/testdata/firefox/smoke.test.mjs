// The Firefox smoke suite: the form, the embeddable elements and the
// regional page in Debian's Firefox ESR, headless, driven over WebDriver BiDi
// by puppeteer-core. It is started by the Go test in integration/firefox,
// which builds the site as « go run ./wasm/serve -out » writes it, serves it
// on 127.0.0.1 with the headers of the README (Content-Security-Policy
// included), computes with the Go checker what each verdict must be, and
// passes all of it in CLSM_FIREFOX_FIXTURES. Run alone, it has nothing to
// test: use « go test ./integration/firefox ».
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer from "puppeteer-core";

const fx = JSON.parse(readFileSync(process.env.CLSM_FIREFOX_FIXTURES, "utf8"));

let browser;
before(async () => {
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: fx.firefox,
    headless: true,
    userDataDir: fx.profile, // a fresh profile: Firefox refuses to share one, and runs as root only with its own
    protocolTimeout: 60000,
    extraPrefsFirefox: {
      // Nothing but 127.0.0.1: no update, telemetry, captive portal,
      // connectivity or safe-browsing request, no remote settings (most are
      // already off in puppeteer's profile; these make sure).
      "app.update.disabledForTesting": true,
      "app.update.auto": false,
      "browser.safebrowsing.provider.mozilla.updateURL": "",
      "browser.safebrowsing.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "datareporting.healthreport.uploadEnabled": false,
      "toolkit.telemetry.enabled": false,
      "toolkit.telemetry.unified": false,
      "toolkit.telemetry.server": "",
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      "network.dns.disablePrefetch": true,
      "network.prefetch-next": false,
      "services.settings.server": "http://127.0.0.1:9/",
      "extensions.getAddons.cache.enabled": false,
      "browser.ping-centre.telemetry": false,
      // Downloads go, without a question, to the test's own directory.
      "browser.download.dir": fx.downloads,
      "browser.download.folderList": 2,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.download.start_downloads_in_tmp_dir": false,
      "browser.helperApps.neverAsk.saveToDisk": "application/json,text/csv,text/html",
    },
  });
});
after(async () => {
  await browser?.close();
});

/** A page on a fresh browsing context (its own storage), recording page errors and CSP violations. */
async function newPage() {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e.message || e)));
  await page.evaluateOnNewDocument(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

/** Waits until the forms of the page show the verdict of the answers given (see settleJS in integration/browser). */
async function settle(page) {
  await page.evaluate(() => Promise.race([
    Promise.all([globalThis.clsmForm, ...document.querySelectorAll("clsm-autoevaluation")].map((f) => (f && f.settled ? f.settled() : null))),
    new Promise((resolve) => setTimeout(resolve, 20000)),
  ]));
}

/** Opens the standalone form under prefix, waits for its first verdict, sets the evaluation date. */
async function openForm(prefix = "") {
  const page = await newPage();
  await page.goto(fx.site + prefix + "/");
  await page.waitForFunction(() => document.documentElement.dataset.clsmReady === "true", { timeout: 60000 });
  await setDate(page);
  return page;
}

/** Types the evaluation date the French way, as a person would, and waits for the verdict. */
async function setDate(page) {
  await page.$eval("#clsm1-date", (input) => { input.value = ""; });
  await page.type("#clsm1-date", fx.dateFR);
  await page.$eval("#clsm1-date", (input) => input.dispatchEvent(new Event("change", { bubbles: true })));
  await settle(page);
  assert.equal(await page.evaluate(() => clsmForm.date), fx.date, "the evaluation date typed");
}

async function choose(page, selector, value) {
  const chosen = await page.select(selector, value);
  assert.deepEqual(chosen, [value], `${selector} = ${value}`);
  await settle(page);
}

async function click(page, selector) {
  await page.click(selector);
  await settle(page);
}

const badge = (page) => page.$eval(".clsm-badge", (e) => e.textContent.trim());
const report = (page) => page.evaluate(() => ({ level: clsmForm.report?.readiness.level, label: clsmForm.report?.readiness.label, referential: clsmForm.report?.referential.id }));
const q = (path) => "#clsm1-q-" + path.replace(/^\//, "").replaceAll("/", "-");
const radio = (path, value) => `${q(path)} label[for$="-${value}"]`;

/** Checks that the page ran without an error of its own and needed nothing the policy forbids. */
async function clean(page) {
  assert.deepEqual(page.errors, [], "no uncaught error in the page");
  assert.deepEqual(await page.evaluate(() => window.__csp), [], "nothing the Content-Security-Policy forbids");
}

/** Waits for a file whose name starts with prefix in the download directory and returns its bytes. */
async function downloaded(prefix) {
  for (let i = 0; i < 200; i++) {
    const name = readdirSync(fx.downloads).find((n) => n.startsWith(prefix) && !n.endsWith(".part"));
    if (name && statSync(join(fx.downloads, name)).size > 0) return readFileSync(join(fx.downloads, name));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`no download ${prefix}… in ${readdirSync(fx.downloads)}`);
}

test("le formulaire donne son premier verdict, avec le vérificateur dans son travailleur", { timeout: 90000 }, async () => {
  const page = await openForm();
  assert.equal(await badge(page), "À compléter", "an empty dossier");
  assert.equal(await page.evaluate(() => typeof globalThis.clsmChecker), "undefined", "the checker's functions are not on the page: it runs in its worker");
  const worker = await page.evaluate(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/checker-worker.js")));
  assert.ok(worker, "checker-worker.js was loaded");
  await clean(page);
});

test("une réponse change le verdict", { timeout: 90000 }, async () => {
  // Hauts-de-France, project stage: the three required rules its readiness
  // names (the national socle's: an elected president, psychiatry co-leading,
  // users and carers from the start).
  const page = await openForm();
  await choose(page, "#clsm1-ref", "hdf");
  await click(page, "#clsm1-show-all");
  await choose(page, `${q("/stage")} select`, "project");
  await choose(page, `${q("/governance/president/role")} select`, "mayor");
  assert.equal(await badge(page), "À compléter", "one required rule of three answered");
  await click(page, radio("/governance/usersFromStart", "true"));
  await click(page, radio("/governance/carersFromStart", "true"));
  assert.equal(await badge(page), "Presque prêt", "two required rules met, the third not answered");
  await click(page, radio("/governance/psychiatryCoLeads", "true"));
  assert.equal(await badge(page), fx.readyKnown);
  await click(page, radio("/governance/psychiatryCoLeads", "false"));
  assert.equal(await badge(page), "En construction", "one required rule of three not met");
  await clean(page);
});

test("le département choisit le référentiel de sa région", { timeout: 90000 }, async () => {
  const m = fx.department;
  const page = await openForm();
  // Montreuil's dossier without its department, given through the page's
  // API: the form judges it by the national baseline.
  await page.evaluate((d) => clsmForm.setDossier(d), m.dossier);
  await settle(page);
  assert.deepEqual(await report(page), { level: m.national.level, label: m.national.label, referential: "national" });
  await click(page, "#clsm1-show-all");
  await choose(page, `${q("/territory/department")} select`, m.department);
  // Answering the department switches to that region's referential, with a
  // visible notice that names it and offers to go back.
  await page.waitForFunction((id) => document.querySelector("#clsm1-ref").value === id, { timeout: 30000 }, m.referential);
  const notice = await page.evaluate(() => [...document.querySelectorAll(".clsm-ref-notice")]
    .filter((e) => e.offsetParent !== null).map((e) => e.textContent).join(" "));
  assert.match(notice, new RegExp(m.regionName), "a visible notice names the region");
  assert.match(notice, /Revenir au socle national/, "and offers to go back");
  await settle(page);
  assert.deepEqual(await report(page), { level: m.regional.level, label: m.regional.label, referential: m.referential });
  assert.equal(await badge(page), m.regional.label);
  await clean(page);
});

test("un dossier importé puis exporté garde ses octets", { timeout: 90000 }, async () => {
  const x = fx.exchange;
  const page = await openForm();
  const input = await page.$("#clsm1-import");
  await input.uploadFile(x.file); // an empty form: no question asked
  await page.waitForFunction((name) => clsmForm.getDossier().name === name, { timeout: 30000 }, x.name);
  await settle(page);
  assert.deepEqual(await page.evaluate(() => clsmForm.getDossier()), x.upgraded, "the imported dossier, at the current format, as the Go checker upgrades it");
  const before = await report(page);
  assert.equal(before.label, x.label, "the Go checker's verdict");

  await click(page, "#clsm1-export");
  const exported = await downloaded(x.exportPrefix);
  const inPage = await page.evaluate(() => JSON.stringify(clsmForm.getDossier(), null, 2) + "\n");
  assert.equal(exported.toString("utf8"), inPage, "the file saved by Firefox holds the page's bytes");
  assert.deepEqual(JSON.parse(exported.toString("utf8")), x.upgraded);

  // Import it again over the answers: the dialog asks first.
  const again = join(fx.work, "reimporte.json");
  writeFileSync(again, exported);
  await page.evaluate(() => clsmForm.setDossier({ schemaVersion: 2, name: "Autre CLSM" }));
  await settle(page);
  await (await page.$("#clsm1-import")).uploadFile(again);
  await page.waitForSelector("dialog[open] .clsm-dialog-confirm", { timeout: 10000 });
  assert.equal(await page.$eval("dialog[open]", (d) => d.matches(":modal")), true, "a modal <dialog>");
  await click(page, "dialog[open] .clsm-dialog-confirm");
  await page.waitForFunction((name) => clsmForm.getDossier().name === name, { timeout: 30000 }, x.name);
  await settle(page);
  assert.deepEqual(await report(page), before, "the same verdict");
  for (const f of readdirSync(fx.downloads)) if (f.startsWith(x.exportPrefix)) writeFileSync(join(fx.downloads, f), "");
  await click(page, "#clsm1-export");
  const second = await downloaded(x.exportPrefix);
  assert.ok(Buffer.compare(second, exported) === 0, "exported twice, the same bytes");
  await clean(page);
});

test("l'impression ne montre que le rapport, en A4", { timeout: 90000 }, async () => {
  const p = fx.print;
  const page = await openForm();
  await choose(page, "#clsm1-ref", p.referential);
  await choose(page, "#clsm1-example", p.example);
  await click(page, "#clsm1-load-example");
  await page.waitForFunction((name) => clsmForm.getDossier().name === name, { timeout: 30000 }, p.name);
  await settle(page);
  assert.equal(await badge(page), p.label);

  // Ctrl+P: Firefox's print to PDF (WebDriver BiDi browsingContext.print)
  // fires « beforeprint » and « afterprint » as its print dialog does, and
  // the form puts the report written after the last answer in the print area.
  await page.evaluate(() => {
    window.__printEvents = [];
    for (const type of ["beforeprint", "afterprint"]) window.addEventListener(type, () => window.__printEvents.push(`${type} ${document.body.classList.contains("clsm-printing")}`));
  });
  const keys = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  assert.equal(Buffer.from(keys.subarray(0, 5)).toString("latin1"), "%PDF-");
  writeFileSync(p.pdfs[0], keys); // read by the Go test: A4 pages, the report's text, none of the form's
  assert.deepEqual(await page.evaluate(() => window.__printEvents), ["beforeprint true", "afterprint false"],
    "the report in place while printing, the form back afterwards");

  // The button: the report of the current answers, then the browser's print
  // dialog, replaced here by Firefox's print to PDF.
  await page.evaluate(() => { window.print = () => { window.__printAsked = true; }; });
  await click(page, "#clsm1-print");
  await page.waitForFunction(() => window.__printAsked === true, { timeout: 30000 });
  assert.equal(await page.evaluate(() => document.body.classList.contains("clsm-printing")), true);
  const button = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(p.pdfs[1], button);
  assert.equal(await page.evaluate(() => document.body.classList.contains("clsm-printing")), false, "back to the form after printing");
  await clean(page);
});

test("deux éléments dans la page d'une ARS", { timeout: 90000 }, async () => {
  const page = await newPage();
  await page.goto(fx.site + "/demo/");
  await page.waitForFunction(() => document.querySelectorAll("clsm-autoevaluation .clsm-badge").length === 2
    && document.getElementById("ae-departement").report?.referential.id === "dd12-exemple", { timeout: 60000 });
  assert.equal(await page.evaluate(() => document.getElementById("ae-hdf").report.referential.id), "hdf");
  await page.waitForFunction(() => document.getElementById("verdict-hote").dataset.level === document.getElementById("ae-departement").report.readiness.level, { timeout: 20000 });
  const first = '#ae-departement [data-path="/name"] input';
  const second = '#ae-hdf [data-path="/name"] input';
  await page.type(first, "CLSM du Lévézou");
  await settle(page);
  assert.equal(await page.$eval(second, (e) => e.value), "", "two elements, two dossiers");
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll("clsm-autoevaluation .clsm-badge").length === 2, { timeout: 60000 });
  await settle(page);
  assert.equal(await page.$eval(first, (e) => e.value), "CLSM du Lévézou", "kept across a reload");
  assert.equal(await page.$eval(second, (e) => e.value), "");
  assert.equal(await page.evaluate(() => document.querySelectorAll("link[data-clsm-style]").length), 1, "one stylesheet for two elements");
  assert.ok(await page.$eval(first, (e) => e.getBoundingClientRect().width) > 200, "the host's 80 px inputs do not reach the form");
  await clean(page);
});

test("la page régionale avec les dossiers d'exemple", { timeout: 90000 }, async () => {
  const r = fx.region;
  const page = await newPage();
  await page.goto(fx.site + "/region.html");
  await page.waitForFunction(() => document.documentElement.dataset.clsmReady === "true", { timeout: 60000 });
  await page.select("#clsm-region1-ref", r.referential);
  await page.$eval("#clsm-region1-date", (e, d) => { e.value = d; e.dispatchEvent(new Event("change", { bubbles: true })); }, fx.date);
  await page.evaluate(() => { delete clsmRegion.dataset.state; });
  await (await page.$("#clsm-region1-files")).uploadFile(...r.files);
  await page.waitForFunction(() => clsmRegion.dataset.state === "done", { timeout: 60000 });
  const got = await page.evaluate(() => ({ files: clsmRegion.report.files, assessed: clsmRegion.report.assessed, referential: clsmRegion.report.referential.id,
    evaluatedOn: clsmRegion.report.evaluatedOn, invalid: clsmRegion.report.invalid.map((i) => i.file) }));
  assert.deepEqual(got, { files: r.files.length, assessed: r.rows.length, referential: r.referential, evaluatedOn: fx.date, invalid: r.invalid });
  const rows = await page.$$eval("#clsm-region1-clsm-table tbody tr", (trs) => trs.map((tr) => [tr.children[0].textContent, tr.children[1].textContent]));
  assert.deepEqual(rows, r.rows, "each example with the Go checker's verdict, sorted by name");
  const resources = await page.evaluate(() => clsmRegion.ask({ op: "resources" }).then((a) => a.value));
  assert.ok(resources.some((u) => u.includes("/checker-full.wasm?v=")), "the complete checker, in the regional page's worker");
  await clean(page);
});

test("sans travailleur, le vérificateur tourne dans la page", { timeout: 90000 }, async () => {
  // checker-worker.js is not found under /sans-travailleur/: the form's fallback.
  const page = await openForm("/sans-travailleur");
  assert.equal(await page.evaluate(() => typeof globalThis.clsmChecker), "object", "the checker's functions are on the page");
  await choose(page, "#clsm1-ref", "hdf");
  await click(page, "#clsm1-show-all");
  await choose(page, `${q("/stage")} select`, "project");
  await choose(page, `${q("/governance/president/role")} select`, "mayor");
  await click(page, radio("/governance/psychiatryCoLeads", "true"));
  await click(page, radio("/governance/usersFromStart", "true"));
  await click(page, radio("/governance/carersFromStart", "true"));
  assert.equal(await badge(page), fx.readyKnown, "the same verdicts as with the worker");
  // Firefox reports the worker script it refused (a 404 page is not
  // JavaScript) as an error of the page; Chromium says nothing. The form
  // falls back either way: that error, and only it, is expected here.
  assert.deepEqual(page.errors.filter((e) => !/checker-worker\.js/.test(e)), []);
});

for (const c of [
  // Without modules, app.js never runs: /sans-app/ does not serve it.
  { name: "un navigateur sans modules ES", prefix: "/sans-app", noModules: true, reason: "old", says: "trop ancien" },
  { name: "app.js introuvable", prefix: "/sans-app", reason: "failed", says: "n'a pas pu démarrer" },
  { name: "app.js illisible pour ce navigateur", prefix: "/app-illisible", reason: "failed", says: "n'a pas pu démarrer" },
]) {
  test(`un message en français, jamais une page blanche : ${c.name}`, { timeout: 60000 }, async () => {
    const page = await newPage();
    if (c.noModules) {
      // Firefox runs modules whatever we do; the check reads whether the
      // browser knows « nomodule », as one without modules does not.
      await page.evaluateOnNewDocument(() => { delete HTMLScriptElement.prototype.noModule; });
    }
    await page.goto(fx.site + c.prefix + "/");
    await page.waitForSelector("#clsm-navigateur", { timeout: 20000 });
    const msg = await page.$eval("#clsm-navigateur", (e) => ({ text: e.textContent, reason: e.dataset.reason, role: e.getAttribute("role"), visible: e.offsetParent !== null }));
    assert.equal(msg.reason, c.reason);
    assert.equal(msg.role, "alert");
    assert.ok(msg.visible, "shown");
    assert.match(msg.text, new RegExp(c.says));
    assert.match(msg.text, /Firefox 102/);
    assert.ok(await page.$(`${q("/name")} input`), "the questions stay readable");
    if (!c.noModules) {
      assert.match(await page.$eval(".clsm-bar-body", (e) => e.textContent), /Verdict indisponible/, "the bar no longer waits for the checker");
    }
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
  });
}
