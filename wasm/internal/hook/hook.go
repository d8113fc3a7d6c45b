// Package hook lets a command add to package wasm methods whose code the
// form's checker must not link: package wasm answers them from the variables below, which
// package docsapi fills when it is imported (by the complete checker's
// command, and by every native build of package wasm). The form's checker
// imports neither, so neither the documents nor what they import (an
// OpenDocument writer) weigh on its download.
package hook

import (
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// Failure is a method's error: package wasm answers it as its Error.
type Failure struct {
	Code     string
	Message  string
	Problems clsm.Problems
}

// Resolve returns the referential a method's argument names: a built-in ID
// or the JSON of a referential, as package wasm reads it.
type Resolve func(spec string) (*labels.Referential, *Failure)

// Method is a method of the API: its string arguments, and what it answers.
type Method func(args []string, resolve Resolve) (any, *Failure)

// Documents and Document are the methods "documents" and "document" of
// the complete checker, nil until package docsapi is imported. (Two
// variables rather than a map: a map would be made at start-up, in the form's
// checker too.)
var Documents, Document Method
