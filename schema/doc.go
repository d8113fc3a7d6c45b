// Package schema holds the JSON Schemas (draft 2020-12) of the documents this
// module reads and writes, generated from the Go types and committed:
// dossier.schema.json for a CLSM dossier, referential.schema.json for a
// referential (a cahier des charges as rules) and report.schema.json for an
// assessment report. Run "go generate ./..." after
// changing a type; a test fails when a committed file is stale.
//
// The schemas are embedded so that programs (the browser checker among them)
// can serve them without importing the generator. They use three formats
// beyond the standard ones, which a validator may ignore or, as this module's
// tests do, implement: "siren" (nine digits with a Luhn check digit) and
// "shares-at-most-100" (a list of objects whose "share" values add up to at
// most 100). "date" is the standard full-date format, doubled by a pattern.
package schema

import _ "embed"

//go:generate go run ./internal/generate

// Dossier is the JSON Schema of a CLSM dossier (clsm.Dossier).
//
//go:embed dossier.schema.json
var Dossier []byte

// Referential is the JSON Schema of a referential (labels.Referential): the
// format an ARS writes to use its own rules.
//
//go:embed referential.schema.json
var Referential []byte

// Report is the JSON Schema of an assessment report (assess.Report).
//
//go:embed report.schema.json
var Report []byte
