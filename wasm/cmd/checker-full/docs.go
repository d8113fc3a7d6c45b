//go:build js && wasm

package main

// The documents and document methods (package docsapi), which the form's
// checker leaves out.
import _ "github.com/clsmkit/go-clsm/wasm/internal/docsapi"
