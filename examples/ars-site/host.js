// Script de la page hôte : écoute l'événement « clsm-report » du premier formulaire.
const el = document.getElementById("ae-departement");
const out = document.getElementById("verdict-hote");
el.addEventListener("clsm-report", (e) => {
  out.textContent = `Verdict reçu par la page : ${e.detail.readiness.label} (${e.detail.referential.name}).`;
  out.dataset.level = e.detail.readiness.level;
});
