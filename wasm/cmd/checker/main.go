//go:build js && wasm

// Command checker is the WebAssembly build of the form's checker: the API of
// package wasm as wasm.CallForm answers it (every method but those of
// wasm.FullOnly, which the form does not call), registered on
// globalThis.clsmChecker, one JavaScript function per method, each taking
// strings and returning a JSON string; it then calls
// globalThis.clsmCheckerReady() if the page defined it. The site builder
// writes it as checker.<hash>.wasm. Command checker-full is the complete one.
package main

import (
	"github.com/clsmkit/go-clsm/wasm"
	"github.com/clsmkit/go-clsm/wasm/internal/jsapi"
)

func main() { jsapi.Serve(wasm.CallForm, false) }
