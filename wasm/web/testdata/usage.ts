import { load, type Dossier, type Report } from "../clsm";
async function main() {
  const api = await load();
  const d: Dossier = { schemaVersion: 1, stage: "active", territory: { communes: ["12202"] } };
  const r = api.assess(d, "idf", "2026-11-22");
  if (r.error) { console.log(r.error.message); return; }
  const rep: Report = r.value.report;
  console.log(rep.readiness.level);
  const el = document.querySelector("clsm-autoevaluation");
  el?.addEventListener("clsm-report", (e) => console.log(e.detail.readiness.label));
}
main();
