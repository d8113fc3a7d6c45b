//go:build js && wasm

// Package jsapi exposes a checker's API to JavaScript, for the two browser
// checkers (cmd/checker, the form's, and cmd/checker-full, the complete one).
package jsapi

import (
	"fmt"
	"syscall/js"

	"github.com/clsmkit/go-clsm/wasm"
)

// Serve registers every method of wasm.Methods on globalThis.clsmChecker,
// one JavaScript function per method, each taking strings and returning
// the JSON string call returns (wasm.Call or wasm.CallForm), then calls
// globalThis.clsmCheckerReady() if the page defined it, and never returns,
// which keeps the functions alive. complete says whether call answers the
// methods of wasm.FullOnly: clsmChecker.complete holds it, from which clsm.js
// gives the page the API object of the checker it loaded.
func Serve(call func(method string, args ...string) string, complete bool) {
	api := js.Global().Get("Object").New()
	api.Set("complete", complete)
	for name := range wasm.Methods {
		api.Set(name, js.FuncOf(bind(name, call)))
	}
	js.Global().Set("clsmChecker", api)
	if ready := js.Global().Get("clsmCheckerReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// bind converts the JavaScript arguments to strings, refusing anything else,
// and never lets a panic reach JavaScript.
func bind(name string, call func(string, ...string) string) func(js.Value, []js.Value) any {
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
		return call(name, strs...)
	}
}
