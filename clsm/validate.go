package clsm

import "github.com/clsmkit/go-clsm/internal/wellformed"

//go:generate go run ../internal/wellformed/generate -type clsm.Dossier -out wellformed_gen.go

// MaxSize is the largest document, in bytes, that [Decode] and [Parse] read.
// A dossier is a few kilobytes; one megabyte leaves room for a large
// intercommunal territory and long free texts while bounding the work a
// malicious input can cause.
const MaxSize = wellformed.MaxSize

// Validate checks that d is well formed: types, ranges, formats and
// enumerations, and dates that contradict the CLSM's creation date where the
// contradiction is in the dossier itself (a last annual bilan or appropriation
// evaluation dated before the creation, [CodeBeforeCreation]). It does not judge conformity with a cahier des charges; that
// is the job of the labels and assess packages. The error, if any, is
// [Problems], one per fault, each with the JSON Pointer of the faulty value.
func (d *Dossier) Validate() error {
	if d == nil {
		return Problems{{Code: CodeRequired, Message: "Le dossier est vide."}}
	}
	ps := append(validateTags(d), d.formatProblems()...)
	return append(ps, d.calendarProblems()...).Err()
}
