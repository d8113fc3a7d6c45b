// @ts-check
// Mise en forme et lecture pures, sans page : les nombres et les dates écrits à la française.
// (Fonctions reprises telles quelles du formulaire, mêmes noms et mêmes corps.)

/**
 * Un nombre écrit à la française (« 1 000 », « 0,5 »), « ? » pour ce qui n'en est pas un.
 * @param {unknown} n
 * @returns {string}
 */
export function frenchNumber(n) {
  if (typeof n !== "number" || !Number.isFinite(n)) return "?";
  try {
    return n.toLocaleString("fr-FR", { maximumFractionDigits: 6 });
  } catch (e) {
    return String(n).replace(".", ",");
  }
}

/**
 * La date du jour, AAAA-MM-JJ, à l'heure de l'ordinateur.
 * @returns {string}
 */
export function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
