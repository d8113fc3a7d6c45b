// Package wasm is the checker that runs in the browser: a JSON-in, JSON-out
// API over the clsm, labels and assess packages ([Call]), the js/wasm entry
// point that exposes it to JavaScript (cmd/checker), the web form that uses it
// (web/), and the command that builds and serves the form (serve/).
//
// Every method takes JSON strings and returns one JSON string, an envelope
// {"value": …} or {"error": {"message": …, "problems": […]}}: passing strings
// across the JavaScript boundary is faster than deep objects, and a method
// never panics, whatever it is given, since a Go panic would stop the
// WebAssembly instance for good.
package wasm
