package clsm

import "github.com/clsmkit/go-clsm/internal/wellformed"

// Problem codes. They are stable: programs and tests may rely on them.
// Package internal/wellformed, which finds the problems, declares the same
// values; they are written out here so that the documentation shows them,
// and TestProblemCodesAreTheConstants holds the two lists equal.
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

// ProblemCodes returns every code a [Problem] of this package can carry, in
// the order of their declaration. Packages that add codes of their own
// (labels) list them after these.
func ProblemCodes() []string { return wellformed.Codes() }

// Severity says how much a problem matters. The empty Severity means
// [SeverityError]: a problem says what is wrong unless it says otherwise.
type Severity = wellformed.Severity

// Severities.
const (
	// SeverityError is a fault: the document is refused until it is
	// corrected.
	SeverityError Severity = wellformed.SeverityError
	// SeverityWarning is something the reader must know, beside a result
	// that stands (a report, an upgraded dossier).
	SeverityWarning Severity = wellformed.SeverityWarning
)

// MaxValueLength is the most runes (60) [Problem.Value] holds: a longer value is
// cut and ends with "…".
const MaxValueLength = wellformed.MaxValueLength

// Problem is one thing wrong with a dossier or a referential, with JSON keys
// code, path, message, param, value, severity and omitted:
//
//   - Code is one of the Code constants: stable, programs may rely on it;
//   - Path is where the problem is, as a JSON Pointer (RFC 6901, "" for the
//     whole document);
//   - Message is a French sentence a person can act on;
//   - Param is the parameter of the rule the value breaks, as the rule
//     writes it ("500" for a text of at most 500 characters, "0" for a
//     number of at least 0), empty when the rule has none;
//   - Value is the offending value when it is a single one (a text, a
//     number, true or false; never a list or an object), written as in JSON
//     but without quotes, without control characters and cut to
//     [MaxValueLength] runes; empty when there is none to show;
//   - Severity is empty, and then omitted from JSON, for an error, which is
//     what almost every problem is; its Level method reads it;
//   - Omitted is, for the problem of code [CodeTooMany] that ends a capped
//     list, how many problems were left out.
//
// The type is declared in an internal package that the module's other
// packages share; this is its name for users.
type Problem = wellformed.Problem

// Problems is the list of everything wrong with a document. It implements
// error (one problem a line, each prefixed with its path); a nil Problems
// means no problem, and its Err method returns nil for an empty list, so
// that a function can end with "return ps.Err()".
type Problems = wellformed.Problems
