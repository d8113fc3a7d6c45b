// Package wasm is the checker that runs in the browser: a JSON-in, JSON-out
// API over the clsm, labels and assess packages ([Call]). Beside it: the
// js/wasm entry points that expose it to JavaScript (cmd/checker, the
// form's checker, which leaves out the methods the form does not call,
// [FullOnly], and cmd/checker-full, the complete one), the web form and
// its ES modules (web), the building and serving of the static site
// (site), and the command that does both (serve). The browser build leaves
// out everything it does not need: no JSON Schema generator, no HTTP server,
// no template engine.
//
// Every method takes JSON strings and returns one JSON string, an envelope
// {"value": …} or {"error": {"message": …, "problems": […]}}: passing strings
// across the JavaScript boundary is faster than deep objects, and a method
// never panics, whatever it is given, since a Go panic would stop the
// WebAssembly instance for good.
package wasm
