//go:build !(js && wasm)

package clsm

import (
	"github.com/go-playground/locales/fr"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	frtrans "github.com/go-playground/validator/v10/translations/fr"
)

// The native build registers the validator's French translations, then this
// package's French message for every tag the model uses (tested), which
// replace them. The browser build (translate_wasm.go) uses the same messages
// without the translation machinery, which would add to the download.

var translator ut.Translator

func registerTranslations(val *validator.Validate) {
	locale := fr.New()
	translator, _ = ut.New(locale, locale).GetTranslator("fr")
	if err := frtrans.RegisterDefaultTranslations(val, translator); err != nil {
		panic(err)
	}
	for tag, msg := range messages {
		err := val.RegisterTranslation(tag, translator,
			func(ut.Translator) error { return nil },
			func(_ ut.Translator, fe validator.FieldError) string { return msg(fe) })
		if err != nil {
			panic(err)
		}
	}
}

func translate(fe validator.FieldError) string { return fe.Translate(translator) }
