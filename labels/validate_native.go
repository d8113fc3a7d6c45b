//go:build !(js && wasm)

package labels

import (
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// validateTags checks what the validate tags of the referential's fields
// say, with go-playground/validator/v10 in the native build.
func validateTags(r *Referential) clsm.Problems { return wellformed.Struct(r) }
