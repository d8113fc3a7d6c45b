//go:build js && wasm

package clsm

// validateTags checks what the validate tags of the dossier's fields say,
// with the code generated from them in the browser build
// (wellformed_gen.go), which spares the download validator/v10 and what it
// imports.
func validateTags(d *Dossier) Problems { return wellFormedDossier(d) }
