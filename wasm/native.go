//go:build !(js && wasm)

package wasm

// A native program that calls [Call] has every method, the documents' among
// them; in the browser, only the complete checker's command imports them.
import _ "github.com/clsmkit/go-clsm/wasm/internal/docsapi"
