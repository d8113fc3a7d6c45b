package clsm

import "github.com/clsmkit/go-clsm/internal/wellformed"

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
