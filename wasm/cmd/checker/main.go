//go:build js && wasm

// Command checker is the WebAssembly build of the checker. It registers the
// API of package wasm on globalThis.clsmChecker, one JavaScript function per
// method, each taking strings and returning a JSON string, then calls
// globalThis.clsmCheckerReady() if the page defined it.
package main

import (
	"fmt"
	"syscall/js"

	"github.com/clsmkit/go-clsm/wasm"
)

func main() {
	api := js.Global().Get("Object").New()
	for name := range wasm.Methods {
		api.Set(name, js.FuncOf(bind(name)))
	}
	js.Global().Set("clsmChecker", api)
	if ready := js.Global().Get("clsmCheckerReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {} // keep the functions alive
}

// bind converts the JavaScript arguments to strings, refusing anything else,
// and never lets a panic reach JavaScript.
func bind(name string) func(js.Value, []js.Value) any {
	return func(_ js.Value, args []js.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				out = fmt.Sprintf(`{"error":{"message":%q}}`, fmt.Sprintf("Erreur interne du vérificateur : %v", r))
			}
		}()
		strs := make([]string, len(args))
		for i, a := range args {
			if a.Type() != js.TypeString {
				return fmt.Sprintf(`{"error":{"message":%q}}`, fmt.Sprintf("L'argument n° %d de « %s » doit être une chaîne de caractères (du JSON), et non %s.", i+1, name, a.Type()))
			}
			strs[i] = a.String()
		}
		return wasm.Call(name, strs...)
	}
}
