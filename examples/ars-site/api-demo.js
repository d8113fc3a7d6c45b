// Démonstration de l'API ES : une interface minimale écrite par l'ARS.
import { load } from "../clsm.js";

const $ = (id) => document.getElementById(id);
const api = await load();
const today = new Date().toISOString().slice(0, 10);

for (const r of api.referentials().value) $("referentiel").append(new Option(r.name, r.id));
for (const x of api.examples().value) $("exemple").append(new Option(x.name, x.id));

function showExample() {
  $("dossier").value = JSON.stringify(api.example($("exemple").value).value, null, 2);
}
$("exemple").addEventListener("change", showExample);
showExample();

$("evaluer").addEventListener("click", () => {
  $("etapes").textContent = "";
  $("problemes").textContent = "";
  const res = api.assess($("dossier").value, $("referentiel").value, today);
  if (res.error) {
    $("verdict").textContent = res.error.message;
    for (const p of res.error.problems || []) $("problemes").append(Object.assign(document.createElement("li"), { textContent: `${p.path} : ${p.message}` }));
    return;
  }
  const r = res.value.report;
  $("verdict").textContent = `${r.readiness.label} — ${r.readiness.explanation}`;
  $("verdict").dataset.level = r.readiness.level;
  for (const s of r.nextSteps) $("etapes").append(Object.assign(document.createElement("li"), { textContent: s.text }));
  for (const p of res.value.problems) $("problemes").append(Object.assign(document.createElement("li"), { textContent: `${p.path} : ${p.message}` }));
});
$("etat").textContent = "Vérificateur prêt.";
