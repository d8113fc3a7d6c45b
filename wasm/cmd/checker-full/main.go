//go:build js && wasm

// Command checker-full is the WebAssembly build of the complete checker:
// every method of package wasm (wasm.Call), the regional view's and the JSON
// Schemas among them, registered on globalThis.clsmChecker as command
// checker, the form's, registers its own. The site builder writes it as
// checker-full.wasm (wasm.FullChecker), which the regional view's worker
// loads.
package main

import (
	"github.com/clsmkit/go-clsm/wasm"
	"github.com/clsmkit/go-clsm/wasm/internal/jsapi"
)

func main() { jsapi.Serve(wasm.Call, true) }
