// Package wasm is the js/wasm entry point of the self-assessment form, with the
// web form itself and the command that builds and serves it.
package wasm
