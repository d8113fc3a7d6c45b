// Package wellformed is how the module's JSON documents (the dossier, the
// referential) are found well formed or not: the problem list, the strict
// decoder, the validation driven by the validate tags that package
// internal/model describes, and the French messages of both. Package clsm
// re-exports the problem types and codes as its own (type aliases); the
// other packages of the module use the mechanics directly. It imports nothing
// of the module but internal/model, so that clsm can import it.
package wellformed

import (
	"fmt"
	"strings"
	"unicode"
)

// Problem codes. They are stable: programs and tests may rely on them.
const (
	// Codes of the decoding step.
	CodeTooLarge      = "too_large"      // the input is over MaxSize bytes
	CodeEncoding      = "encoding"       // the input is not UTF-8 text: UTF-16, Latin-1, half a surrogate pair
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

	// Codes of the validation step. The validator's tag names are the codes
	// of the problems they find; the custom tags are those of package
	// internal/model, and a test checks that every tag has its code here.
	CodeRequired  = "required"  // an answer that must be given is missing
	CodeEq        = "eq"        // a value that must be exactly the parameter (the format version)
	CodeMin       = "min"       // a text or a list shorter than the parameter
	CodeMax       = "max"       // a text or a list longer than the parameter
	CodeGte       = "gte"       // a number below the parameter
	CodeGt        = "gt"        // a number not above the parameter
	CodeLte       = "lte"       // a number above the parameter
	CodeLt        = "lt"        // a number not below the parameter
	CodeUnique    = "unique"    // a list that holds one value twice
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
	// Text typed for an answer that is not yet a value the dossier can hold
	// (« environ 98 000 » for a number), kept under the top-level key
	// « pending » of an exported file: the dossier is to be corrected.
	CodePending = "pending"
	// A date of the CLSM's evaluation (its last annual bilan, its last
	// appropriation evaluation) before its own creation date.
	CodeBeforeCreation = "before_creation"

	// Codes of no step in particular.
	CodeInternal = "internal" // a fault of this module, not of the document; the message asks to report it
	// An error that came as an error, not as problems (a file that could not
	// be read, a referential that does not exist): the message is the error's.
	CodeError = "error"
	// A file that could not be read at all (missing, unreadable), reported
	// by a program that reads many files and lists those it could not read.
	CodeUnreadable = "unreadable"
)

// problemCodes are the codes above, in their order; Codes returns a copy. A
// test checks the list against the constants of this file.
var problemCodes = []string{
	CodeTooLarge, CodeEncoding, CodeSyntax, CodeNotObject, CodeTrailingData, CodeUnknownField,
	CodeDuplicateKey, CodeNull, CodeEmpty, CodeType, CodeNumber,
	CodeWrongDocument, CodeTooMany,
	CodeRequired, CodeEq, CodeMin, CodeMax, CodeGte, CodeGt, CodeLte, CodeLt,
	CodeUnique, CodeEnum, CodeDate, CodeDateNever, CodeVersion,
	CodeNotInVersion, CodeInsee, CodeDept, CodeSIREN, CodeShareSum, CodePending, CodeBeforeCreation,
	CodeInternal, CodeError, CodeUnreadable,
}

// Codes returns every code above, in the order of their declaration.
func Codes() []string { return append([]string(nil), problemCodes...) }

// Severity says how much a problem matters.
type Severity string

// Severities. The empty Severity means [SeverityError]: a problem says what
// is wrong unless it says otherwise.
const (
	// SeverityError is a fault: the document is refused until it is
	// corrected.
	SeverityError Severity = "error"
	// SeverityWarning is something the reader must know, beside a result
	// that stands (a report, an upgraded dossier).
	SeverityWarning Severity = "warning"
)

// MaxValueLength is the most runes [Problem.Value] holds: a longer value is
// cut and ends with "…".
const MaxValueLength = 60

// Problem is one thing wrong with a dossier or a referential: a stable code,
// where it is as a JSON Pointer (RFC 6901, "" for the whole document) and a
// French sentence a person can act on; for programs, the rule's parameter
// and the offending value when they are known, and the severity.
type Problem struct {
	Code    string `json:"code"`
	Path    string `json:"path"`
	Message string `json:"message"`
	// Param is the parameter of the rule the value breaks, as the rule
	// writes it: "500" for a text of at most 500 characters, "0" for a
	// number of at least 0; empty when the rule has none.
	Param string `json:"param,omitzero"`
	// Value is the offending value, when it is a single one (a text, a
	// number, true or false; never a list or an object), written as in
	// JSON but without quotes, without control characters and cut to
	// [MaxValueLength] runes. It is empty when there is none to show.
	Value string `json:"value,omitzero"`
	// Severity is empty, and then omitted from JSON, for an error, which
	// is what almost every problem is; use [Problem.Level] to read it.
	Severity Severity `json:"severity,omitzero"`
	// Omitted is, for the problem of code [CodeTooMany] that ends a capped
	// list, how many problems were left out.
	Omitted int `json:"omitted,omitzero"`
}

// Level returns the problem's severity: [SeverityError] unless it says
// otherwise.
func (p Problem) Level() Severity {
	if p.Severity == "" {
		return SeverityError
	}
	return p.Severity
}

// Value writes an offending value for [Problem.Value]: control characters
// removed, at most [MaxValueLength] runes.
func Value(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	if r := []rune(s); len(r) > MaxValueLength {
		return string(r[:MaxValueLength-1]) + "…"
	}
	return s
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

// MaxProblems bounds the problems one decoding or validation reports; past
// it, one problem of code [CodeTooMany] says how many were left out.
const MaxProblems = 100

// Capped keeps the first [MaxProblems] problems and, if there were more,
// says how many were left out: a file with a hundred thousand faults gets a
// readable answer, in bounded time and size.
func Capped(ps Problems) Problems {
	out := make(Problems, 0, min(len(ps), MaxProblems+1))
	omitted := 0
	for _, p := range ps {
		switch {
		case p.Code == CodeTooMany:
			omitted += p.Omitted
		case len(out) < MaxProblems:
			out = append(out, p)
		default:
			omitted++
		}
	}
	if omitted == 0 {
		return out
	}
	return append(out, TooMany(omitted))
}

// TooMany is the last problem of a capped list, n problems having been left
// out.
func TooMany(n int) Problem {
	return Problem{Code: CodeTooMany, Omitted: n, Message: fmt.Sprintf("… et %s : corrigez d'abord ceux-ci.", Count(n, "autre problème", "autres problèmes"))}
}

// Merge appends to ps the problems of more whose path is not already
// reported by ps, nor inside a value ps reports, and caps the result. It
// runs in time linear in the number of problems (times the depth of a
// path).
func Merge(ps, more Problems) Problems {
	reported := make(map[string]bool, len(ps))
	for _, p := range ps {
		if p.Path != "" {
			reported[p.Path] = true
		}
	}
	for _, m := range more {
		dup := false
		for path := m.Path; path != "" && !dup; {
			dup = reported[path]
			i := strings.LastIndexByte(path, '/')
			if i < 0 {
				break
			}
			path = path[:i]
		}
		if !dup {
			ps = append(ps, m)
		}
	}
	return Capped(ps)
}

// Fatal reports whether ps stops decoding altogether: the document is not
// one JSON object of reasonable size.
func Fatal(ps Problems) bool {
	for _, p := range ps {
		switch p.Code {
		case CodeTooLarge, CodeEncoding, CodeSyntax, CodeNotObject, CodeTrailingData:
			return true
		}
	}
	return false
}

// Truncate cuts s to n runes, ending with "…" when it was longer.
func Truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// PointerEscape escapes one reference token of a JSON Pointer.
func PointerEscape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}
