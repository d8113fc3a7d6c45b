// @ts-check
// Les fichiers que l'ARS donne à la vue régionale : ceux d'un champ de fichiers, d'un dossier
// déposé (lu récursivement) ou de fichiers déposés, et ceux qu'une page passe à evaluate().
// Aucun n'est lu ici : chacun l'est à son tour (region-run.js).

/**
 * A file given, its path as shown in the report, and whether it comes from a folder (where only
 * .json files are kept).
 * @typedef {{ path: string, file?: Blob, text?: string, fromFolder: boolean }} Given
 */

/**
 * The files of a file input.
 * @param {HTMLInputElement} input
 * @param {boolean} fromFolder
 * @returns {Given[]}
 */
export function fromInput(input, fromFolder) {
  return [...(input.files || [])].map((file) => ({ file, path: file.webkitRelativePath || file.name, fromFolder }));
}

/**
 * The files of a drop: folders read recursively; a file dropped by itself is taken whatever its name.
 * @param {DataTransfer} dt
 * @returns {Promise<Given[]>}
 */
export async function fromDrop(dt) {
  /** @type {Given[]} */
  const out = [];
  const items = [...(dt.items || [])];
  const entries = items.map((i) => (i.webkitGetAsEntry ? i.webkitGetAsEntry() : null));
  if (entries.length && entries.every((e) => e)) {
    for (const e of entries) await readEntry(/** @type {FileSystemEntry} */ (e), out);
    for (const g of out) if (!g.path.includes("/")) g.fromFolder = false;
  } else {
    for (const file of dt.files || []) out.push({ file, path: file.name, fromFolder: false });
  }
  return out;
}

/**
 * What a page gives evaluate(): File objects, or { name, text }.
 * @param {Iterable<Blob | { name: string, text: string }>} files
 * @returns {Given[]}
 */
export function fromPage(files) {
  return [...files].map((f) => (f instanceof Blob
    ? { file: f, path: /** @type {File} */ (f).name || "", fromFolder: false }
    : { text: String(f.text), path: String(f.name), fromFolder: false }));
}

/**
 * Reads the entries of a dropped folder, recursively, into out.
 * @param {FileSystemEntry} entry
 * @param {Given[]} out
 */
async function readEntry(entry, out) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => /** @type {FileSystemFileEntry} */ (entry).file(resolve, reject));
    out.push({ file, path: entry.fullPath.replace(/^\//, ""), fromFolder: true });
  } else if (entry.isDirectory) {
    const reader = /** @type {FileSystemDirectoryEntry} */ (entry).createReader();
    for (;;) {
      /** @type {FileSystemEntry[]} */
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const e of batch) await readEntry(e, out);
    }
  }
}

/**
 * The files to evaluate, in the order of their paths (the first of two identical files is the
 * one counted), and how many were left out of a folder for not being .json.
 * @param {Given[]} list
 */
export function keep(list) {
  const kept = list.filter((e) => !e.fromFolder || /\.json$/i.test(e.path));
  kept.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { kept, ignored: list.length - kept.length };
}
