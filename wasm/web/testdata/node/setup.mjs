// Runs the browser checker in Node.js for the tests of wasm/web (node_test.go): wasm_exec.js
// defines globalThis.Go, and fetch reads file: URLs, each answered as application/wasm or as
// text, the query string ignored, as a web server would serve the site's files.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

createRequire(import.meta.url)(process.env.CLSM_WASM_EXEC);

const networkFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(String(input));
  if (url.protocol !== "file:") return networkFetch(input, init);
  url.search = "";
  try {
    const body = await readFile(fileURLToPath(url));
    const type = url.pathname.endsWith(".wasm") ? "application/wasm" : "text/plain";
    return new Response(body, { status: 200, headers: { "Content-Type": type } });
  } catch {
    return new Response("", { status: 404 });
  }
};
