// Package labels holds the cahiers des charges of the ARS (agences régionales
// de santé) as rules: a catalogue of checks written in Go ([Catalogue]), and
// referentials written as data ([Referential]) that select, parameterise and
// cite them. The built-in referentials are the JSON files of the
// referentials directory, each describing itself (regions served, position,
// default): [Builtins] lists them, [ForRegion] and [ForDossier] pick the one
// that serves a region or a dossier. An ARS writes its own as a JSON file,
// whole or starting from a built-in one ([Referential.Extends]), and reads it
// with [Parse]; CATALOGUE.md lists every rule. A referential built as a Go
// value is checked and bound to the catalogue by [Referential.Resolve], which
// reports the problems Parse would. [Builtin] wraps [ErrUnknownReferential]
// for an ID that names no built-in referential.
//
// A rule's outcome is met, unmet, unknown, not applicable or not yet due
// ([Outcome]). A missing answer gives "unknown", never "unmet"; a rule whose
// condition does not hold (no ASV on the territory, a scheme absent from it,
// another stage) is not applicable; a periodic rule that a CLSM younger than
// its period does not owe yet is not due ([NotDue]), with the day it becomes
// due. Dates are judged at the date the caller gives, against the CLSM's own
// creation date.
//
// This package evaluates rules one by one; package assess builds the report.
package labels

//go:generate go run ./internal/gencatalogue
