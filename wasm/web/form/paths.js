// @ts-check
// JSON Pointer paths into a dossier: read, write and delete an answer (an emptied object
// is removed, so that a blank stays absent), and what counts as an answer.

export function keys(path) {
  return path.split("/").slice(1);
}

/** La valeur au chemin (JSON Pointer) donné, ou undefined. */
export function getAt(obj, path) {
  let cur = obj;
  for (const k of keys(path)) {
    if (cur === null || typeof cur !== "object" || !(k in cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Écrit la valeur au chemin donné, en créant les objets qui manquent en chemin. */
export function setAt(obj, path, value) {
  const ks = keys(path);
  let cur = obj;
  for (const k of ks.slice(0, -1)) {
    if (cur[k] === null || typeof cur[k] !== "object") cur[k] = /^\d+$/.test(k) ? [] : {};
    cur = cur[k];
  }
  cur[ks[ks.length - 1]] = value;
}

/** Retire la valeur au chemin donné, et les objets laissés vides. */
export function deleteAt(obj, path) {
  const ks = keys(path);
  const parents = [];
  let cur = obj;
  for (const k of ks.slice(0, -1)) {
    if (cur === null || typeof cur !== "object" || !(k in cur)) return;
    parents.push([cur, k]);
    cur = cur[k];
  }
  if (cur && typeof cur === "object") delete cur[ks[ks.length - 1]];
  // Remove the objects left empty, so that "unanswered" stays absent.
  for (let i = parents.length - 1; i >= 0; i--) {
    const [p, k] = parents[i];
    const v = p[k];
    if (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0) delete p[k];
    else break;
  }
}

/** Vrai pour un objet JSON (ni null ni tableau). */
export function isPlainObject(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Vrai pour une réponse donnée (ni absente, ni null, ni vide). */
export function answered(v) {
  return v !== undefined && v !== null && v !== "";
}
