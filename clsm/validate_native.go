//go:build !(js && wasm)

package clsm

import "github.com/clsmkit/go-clsm/internal/wellformed"

// validateTags checks what the validate tags of the dossier's fields say,
// with go-playground/validator/v10 in the native build.
func validateTags(d *Dossier) Problems { return wellformed.Struct(d) }
