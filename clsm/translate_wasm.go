//go:build js && wasm

package clsm

import (
	"fmt"

	"github.com/go-playground/validator/v10"
)

// In the browser build every tag the model uses has its message in the
// messages table (a test checks it), so the validator's translation packages
// are left out of the download.

func registerTranslations(*validator.Validate) {}

func translate(fe validator.FieldError) string {
	if msg, ok := messages[fe.Tag()]; ok {
		return msg(fe)
	}
	return fmt.Sprintf("%s n'est pas valide (règle « %s »).", label(fe), fe.Tag())
}
