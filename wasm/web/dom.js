// @ts-check
// DOM helpers: build an element with its attributes and children (el), append what is
// not empty (put), put nodes in order without moving those already in place (reconcile).

/** Ajoute à parent les enfants donnés, sauf null, undefined et false. */
export function put(parent, ...children) {
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) parent.append(c);
  }
}

/** Un élément HTML : ses attributs (class, text, on… pour un écouteur ; null, undefined et false omis) et ses enfants. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) e.append(c);
  }
  return e;
}

/**
 * Met dans parent, dans l'ordre, les nœuds donnés : ceux qui y sont déjà restent en place (rien
 * n'est retiré puis remis sans raison), les autres sont insérés, le reste est retiré.
 */
export function reconcile(parent, nodes) {
  let cur = parent.firstChild;
  for (const n of nodes) {
    if (cur === n) {
      cur = cur.nextSibling;
      continue;
    }
    parent.insertBefore(n, cur);
  }
  while (cur) {
    const next = cur.nextSibling;
    cur.remove();
    cur = next;
  }
}
