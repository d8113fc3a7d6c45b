//go:build js && wasm

package labels

import "github.com/clsmkit/go-clsm/clsm"

// validateTags checks what the validate tags of the referential's fields
// say, with the code generated from them in the browser build
// (wellformed_gen.go), which spares the download validator/v10 and what it
// imports.
func validateTags(r *Referential) clsm.Problems { return wellFormedReferential(r) }
