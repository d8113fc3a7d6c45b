// A page's use of the checker, as the README shows it: every method of the API, a referential
// given as an object, the README's error handling, and the <clsm-autoevaluation> element with
// its own events. Type-checked with tsc --strict against clsm.d.ts (wasm/web/web_test.go); the
// lines under @ts-expect-error must stay errors.
import {
  load,
  loadInWorker,
  type AssessmentReport,
  type Checker,
  type CheckerInWorker,
  type FullChecker,
  type FullCheckerInWorker,
  type RegionalReport,
  type ClsmAutoevaluationElement,
  type Comparison,
  type Dossier,
  type Problem,
  type ProblemCode,
  type Referential,
  type ReferentialDocument,
} from "../clsm";
// @ts-expect-error The referential's documents are ReferentialDocument: Document stays the DOM's.
import type { Document as Shadow } from "../clsm";

declare function afficher(...what: unknown[]): void;

const dossier: Dossier = { schemaVersion: 2, stage: "active", territory: { communes: ["93048"], department: "93" } };

const cdc: ReferentialDocument = { id: "cdc", title: "Cahier des charges départemental des CLSM (exemple fictif)" };
const monReferentiel: Referential = {
  schemaVersion: 1,
  id: "dd93-exemple",
  name: "Seine-Saint-Denis — exigences départementales (exemple fictif)",
  issuer: "Délégation départementale (exemple fictif)",
  version: "2026-1",
  documents: [cdc],
  rules: [
    {
      id: "dd93-copil",
      check: "meetings.count",
      params: { body: "copil", min: 3 },
      level: "required",
      stages: ["active"],
      source: "cdc",
      section: "§2",
      basis: "ars_requirement",
      quote: "Le comité de pilotage se réunit au moins trois fois par an.",
      modal: "se réunit",
      requirement: "Trois réunions du comité de pilotage par an.",
      advice: "Réunissez le comité de pilotage chaque trimestre.",
    },
  ],
};

async function main(): Promise<void> {
  const api: Checker = await load(); // une fois par page
  const again = await load({ base: "/clsm/" });
  console.log(api === again);

  // The README's snippet, as it is written there.
  const r = api.assess(dossier, "occitanie", "2026-11-22"); // ou le JSON de votre référentiel
  if (r.error) afficher(r.error.message, r.error.problems); // jamais d'exception ; un dossier invalide
  else afficher(r.value.report); // est une erreur invalid_dossier, sans verdict

  // An invalid dossier is an error with its problems, as the command line refuses it.
  const bad = api.assess('{"schemaVersion": 2, "stage": "actif"}', "idf", "2026-11-22");
  if (bad.error) {
    if (bad.error.code === "invalid_dossier") {
      for (const p of bad.error.problems ?? []) {
        const code: ProblemCode = p.code;
        console.log(code, p.path, p.message, p.param, p.value, p.severity);
      }
    }
  } else {
    const report: AssessmentReport = bad.value.report;
    console.log(report.readiness.level, report.readiness.label, bad.value.problems.length);
  }

  // A referential as an object, as its JSON text, or a built-in one's ID.
  for (const spec of [monReferentiel, JSON.stringify(monReferentiel), "idf"]) {
    const q = api.questionnaire(spec);
    if (!q.error) console.log(q.value.referential.name, q.value.sections.map((s) => s.questions.length));
    const a = api.assess(dossier, spec, "2026-11-22");
    if (!a.error) console.log(a.value.report.findings.length);
  }

  const v = api.version();
  if (!v.error) console.log(v.value.version, v.value.go, v.value.dossierVersion, v.value.referentialVersion, v.value.reportVersion);
  const refs = api.referentials();
  if (!refs.error) for (const ref of refs.value) console.log(ref.id, ref.name, ref.rules, ref.regions, ref.default, ref.partial);
  const checked = api.validate(dossier);
  if (!checked.error) console.log(checked.value.valid, checked.value.problems.map((p: Problem) => p.code));
  const up = api.upgrade('{"schemaVersion": 1}');
  if (!up.error) console.log(up.value.from, up.value.to, up.value.dossier.schemaVersion);
  for (const format of ["html", "md", "text", "json"] as const) {
    const page = api.render(dossier, "idf", "2026-11-22", format);
    if (!page.error) console.log(page.value.length);
  }
  // The rules behind a question, as the form lists them.
  const idf = api.questionnaire("idf");
  if (!idf.error) {
    const rules = new Map(idf.value.rules.map((r) => [r.id, r]));
    for (const id of idf.value.sections[0].questions[0].rules) {
      const r = rules.get(id);
      if (r) console.log(r.requirement, r.level, r.levelLabel, r.stages.includes("active"), r.citation.document, r.citation.section, r.citation.quote);
    }
  }
  // Last year's export against this year's answers.
  const lastYear: Dossier = { schemaVersion: 2, stage: "constitution" };
  const cmp = api.compare(lastYear, "idf", "2025-11-22", dossier, "idf", "2026-11-22");
  if (cmp.error) {
    if (cmp.error.code === "different_referentials") afficher(cmp.error.message);
  } else {
    const c: Comparison = cmp.value.comparison;
    for (const ch of [...c.improved, ...c.regressed, ...c.new, ...c.dropped]) console.log(ch.ruleId, ch.level, ch.requirement, ch.before ?? "—", ch.after ?? "—");
    console.log(c.readinessBefore, c.readinessAfter, c.unchanged, cmp.value.before.label, cmp.value.after.label);
  }
  // @ts-expect-error the form's checker has no schemas: the complete one has them
  api.schemas();

  // The complete checker: another object, with the methods the form's leaves out.
  const full: FullChecker = await load({ wasm: "checker-full.wasm" });
  const asForm: Checker = full; // every method of the form's checker too
  console.log(asForm === api);
  const schemas = full.schemas();
  if (!schemas.error) console.log(Object.keys(schemas.value.dossier), schemas.value.referential, schemas.value.report);
  const region = full.aggregate([{ name: "montreuil.json", text: JSON.stringify(dossier) }], "idf", "2026-11-22");
  if (!region.error) {
    const summary: RegionalReport = region.value;
    console.log(summary.clsm.length, summary.invalid.length);
    const csv = full.renderRegional(summary, "csv");
    if (!csv.error) console.log(csv.value.length);
  }
  // The documents the referential asks the CLSM to file, and one of them as an ODT.
  const docs = full.documents(dossier, "idf", "2026-11-22");
  if (!docs.error) console.log(docs.value.documents.map((d) => d.id), docs.value.note);
  const annexe = full.document(dossier, "idf", "2026-11-22", "annexe", "odt", lastYear);
  if (!annexe.error) console.log(annexe.value.fileName, annexe.value.mediaType, annexe.value.base64?.length);
  const examples = api.examples();
  if (!examples.error) {
    for (const e of examples.value) {
      const d = api.example(e.id);
      if (!d.error) console.log(e.name, d.value.stage);
    }
  }

  // The same API in a worker: every method answers a promise of the same result.
  const inWorker: CheckerInWorker = await loadInWorker({ base: "/clsm/" });
  const later = await inWorker.assess(dossier, "occitanie", "2026-11-22");
  if (later.error) afficher(later.error.message, later.error.problems);
  else afficher(later.value.report.readiness.label);
  // @ts-expect-error the worker's answer is a promise: await it first
  console.log(inWorker.version().value);
  const fullInWorker: FullCheckerInWorker = await loadInWorker({ wasm: "checker-full.wasm" });
  const inWorkerRegion = await fullInWorker.aggregate({ files: { "a.json": "{}" } }, "national", "2026-11-22");
  if (!inWorkerRegion.error) console.log(inWorkerRegion.value.levels);

  // The element, driven by its host page.
  const el = document.querySelector("clsm-autoevaluation");
  if (!el) return;
  el.addEventListener("clsm-report", (e) => console.log(e.detail.readiness.label)); // à chaque nouveau résultat
  el.addEventListener("clsm-error", (e) => console.log(e.detail.code, e.detail.message));
  el.addEventListener("click", (e) => console.log(e.clientX)); // every element's events stay typed
  const onReport = (e: CustomEvent<AssessmentReport>) => console.log(e.detail.counts);
  el.addEventListener("clsm-report", onReport);
  el.removeEventListener("clsm-report", onReport);
  const current: Dossier | null = el.getDossier();
  el.setDossier(current ?? dossier);
  el.reset();
  el.print();
  await el.settled();
  const shown: AssessmentReport | null = el.report;
  console.log(shown?.readiness.label);
  const made: ClsmAutoevaluationElement = document.createElement("clsm-autoevaluation");
  made.setAttribute("referentiel", "idf");

  // clsm-report is the element's own event, not every element's.
  // @ts-expect-error detail does not exist on a plain Event
  document.body.addEventListener("clsm-report", (e) => console.log(e.detail));
  // The page is the DOM's Document.
  const page: Document = document;
  console.log(page.title);
  // @ts-expect-error a problem code is one of ProblemCode
  const wrong: ProblemCode = "pas_un_code";
  console.log(wrong);
}

main();
