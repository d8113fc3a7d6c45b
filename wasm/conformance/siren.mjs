// The documented custom format "siren": nine digits whose Luhn sum is a
// multiple of 10, as the module ships it for JSON Schema validators. It is
// written apart from the Go code on purpose: the conformance suite checks the
// two agree.
export { siren } from "../forms/siren.mjs";
