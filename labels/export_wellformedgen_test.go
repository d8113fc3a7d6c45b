//go:build wellformedgen

package labels

// WellFormedReferential is the generated validation, which the browser
// build uses, for the differential test.
var WellFormedReferential = wellFormedReferential
