// Script de la page hôte : recueille les messages « clsm-error » des formulaires.
const out = document.getElementById("erreurs-hote");
document.addEventListener("clsm-error", (e) => {
  const li = document.createElement("li");
  li.dataset.code = e.detail.code;
  li.dataset.from = e.target.closest("clsm-autoevaluation")?.id || "";
  li.textContent = e.detail.message;
  out.append(li);
});
