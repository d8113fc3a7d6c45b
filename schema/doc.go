// Package schema holds the JSON Schemas (draft 2020-12) of the documents this
// module reads and writes, generated from the Go types and committed, one
// file per format version: dossier.v2.schema.json for a CLSM dossier,
// referential.v1.schema.json for a referential (a cahier des charges as
// rules) and report.v3.schema.json for an assessment report; the version is
// in the file name and in the $id. Run "go generate ./..." after changing a
// type; a test fails when a committed file is stale. The schemas of older
// versions (dossier.v1, report.v1, report.v2) are kept as they were, for files written
// then ([Frozen]).
//
// A published version is frozen: each file is pinned by its SHA-256
// ([Published]) and changes in place only through an entry of [Changelog],
// whose documentation gives the rule (annotation, restriction, addition;
// anything else is a new version).
//
// The schemas are embedded so that programs (the browser checker among them)
// can serve them without importing the generator. They use one format
// beyond the standard ones, which a validator may ignore or, as this module's
// tests do, implement: "siren" (nine digits with a Luhn check digit). "date"
// is the standard full-date format, doubled by a pattern. What no schema can
// express (duplicate keys, the size limit, the funders' share sum…) is listed
// in each schema's description and checked by the Go readers.
package schema

import (
	"embed"
	"fmt"
)

//go:generate go run ./internal/generate

//go:embed *.schema.json
var files embed.FS

// BaseURL is where the schema files live: the $id of each is BaseURL
// followed by its file name.
const BaseURL = "https://github.com/clsmkit/go-clsm/schema/"

// URL is the $id of the schema of a document in a format version.
func URL(doc string, version int) string { return BaseURL + FileName(doc, version) }

// FileName is the name of the schema file of a document ("dossier",
// "referential" or "report") in a format version.
func FileName(doc string, version int) string { return fmt.Sprintf("%s.v%d.schema.json", doc, version) }

// File returns the schema of a document in a format version, current or
// frozen.
func File(doc string, version int) ([]byte, bool) {
	data, err := files.ReadFile(FileName(doc, version))
	return data, err == nil
}

// Frozen lists the schema files of older format versions, kept as they were
// when that version was current and never regenerated.
var Frozen = []string{FileName("dossier", 1), FileName("report", 1), FileName("report", 2)}

// The schemas of the current formats are embedded one by one, as data the
// linker drops from a program that does not use them, where a variable set
// by a function call would be computed, with every file, at the start of
// any program importing the package (the form's browser checker does, and
// has no use for them). A test checks that each is the file of its
// package's current version: when a version changes, change the file name
// on its go:embed line.

// Dossier is the JSON Schema of a CLSM dossier (clsm.Dossier) in the
// current format, clsm.SchemaVersion.
//
//go:embed dossier.v2.schema.json
var Dossier []byte

// Referential is the JSON Schema of a referential (labels.Referential): the
// format an ARS writes to use its own rules.
//
//go:embed referential.v1.schema.json
var Referential []byte

// Report is the JSON Schema of an assessment report (assess.Report).
//
//go:embed report.v3.schema.json
var Report []byte
