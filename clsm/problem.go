package clsm

import (
	"strings"
)

// Problem codes. They are stable: programs and tests may rely on them.
const (
	// Codes of the decoding step.
	CodeTooLarge      = "too_large"      // the input is over MaxSize bytes
	CodeSyntax        = "syntax"         // the input is not JSON
	CodeNotObject     = "not_object"     // the top-level value is not an object
	CodeTrailingData  = "trailing_data"  // something follows the dossier
	CodeUnknownField  = "unknown_field"  // a key the format does not know
	CodeDuplicateKey  = "duplicate_key"  // the same key twice in one object
	CodeNull          = "null"           // null where a value or nothing is expected
	CodeEmpty         = "empty"          // "" where a coded value or nothing is expected
	CodeType          = "type"           // a value of the wrong JSON type
	CodeNumber        = "number"         // a number out of range for its field
	CodeWrongDocument = "wrong_document" // a referential given where a dossier is expected
	CodeTooMany       = "too_many"       // more problems than are listed; the message says how many

	// Codes of the validation step beyond the validator's own tag names
	// ("required", "max", "gte", "lte", "gt", "eq", "unique"), which are used
	// as codes too.
	CodeEnum      = "enum"      // not one of the allowed values
	CodeDate      = "date"      // not a real day written YYYY-MM-DD
	CodeDateNever = "datenever" // neither a real day written YYYY-MM-DD nor "never"
	CodeVersion   = "version"   // a format version this package cannot read
	// An answer that the dossier's own format version does not have (« never »
	// in a version 1 dossier).
	CodeNotInVersion = "not_in_version"
	CodeInsee        = "insee"    // not an INSEE commune code
	CodeDept         = "dept"     // not a department code
	CodeSIREN        = "siren"    // not a SIREN number (check digit included)
	CodeShareSum     = "sharesum" // shares adding up to more than 100 %
)

// Problem is one thing wrong with a dossier or a referential: a stable code,
// where it is as a JSON Pointer (RFC 6901, "" for the whole document) and a
// French sentence a person can act on.
type Problem struct {
	Code    string `json:"code"`
	Path    string `json:"path"`
	Message string `json:"message"`
	// Omitted is, for the problem of code [CodeTooMany] that ends a capped
	// list, how many problems were left out.
	Omitted int `json:"omitted,omitzero"`
}

// Problems is the list of everything wrong with a document. It implements
// error; a nil Problems means no problem.
type Problems []Problem

// Error joins the problems, one per line, each prefixed with its path.
func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		if p.Path != "" {
			b.WriteString(p.Path)
			b.WriteString(" : ")
		}
		b.WriteString(p.Message)
	}
	return b.String()
}

// Err returns ps as an error, or nil when ps is empty, so that a function can
// end with "return ps.Err()" without returning a typed nil.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// pointerEscape escapes one reference token of a JSON Pointer.
func pointerEscape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}
