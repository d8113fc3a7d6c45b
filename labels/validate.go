package labels

// The validate tags of a referential are checked by validateTags: with
// go-playground/validator/v10 in the native build (validate_native.go), with
// the code generated from the same tags in the browser build
// (validate_wasm.go, wellformed_gen.go).

//go:generate go run ../internal/wellformed/generate -type labels.Referential -out wellformed_gen.go
