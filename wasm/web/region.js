// @ts-check
// Page autonome de la vue régionale : l'élément <clsm-region> fait tout ; ce module le charge
// et dit aux tests et aux mesures quand il est prêt.
import "./clsm-region.js";

const region = document.getElementById("region");
globalThis.clsmRegion = region;
const ready = () => {
  document.documentElement.dataset.clsmReady = "true";
};
if (region.dataset.ready === "true") ready();
else region.addEventListener("clsm-region-ready", ready, { once: true });
