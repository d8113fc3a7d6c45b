//go:build wellformedgen

package clsm

// WellFormedDossier is the generated validation, which the browser build
// uses, for the differential test.
var WellFormedDossier = wellFormedDossier
