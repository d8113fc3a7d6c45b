package wellformed

import (
	"regexp"
	"time"
)

// Patterns shared by the validation and the JSON Schema, so both accept
// exactly the same strings.
const (
	// CommunePattern matches an INSEE commune code whose department exists.
	// The commune number is never 000, which catches the frequent confusion
	// with a postal code (75000, 31000…).
	CommunePattern = `^(?:(?:0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5])(?:00[1-9]|0[1-9][0-9]|[1-9][0-9]{2})|97[1-46](?:0[1-9]|[1-9][0-9]))$`
	// SIRENPattern matches nine digits; the check digit is verified apart.
	SIRENPattern = `^[0-9]{9}$`
	// DatePattern matches YYYY-MM-DD; the calendar is verified apart.
	DatePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`
)

// Never is the answer « jamais » to a date question whose validate tag says
// datenever.
const Never = "never"

var (
	communePattern = regexp.MustCompile(CommunePattern)
	sirenPattern   = regexp.MustCompile(SIRENPattern)
)

// ValidCommune reports whether s is a well-formed INSEE commune code of an
// existing department.
func ValidCommune(s string) bool { return communePattern.MatchString(s) }

// ValidSIREN reports whether s has nine digits and a correct Luhn check
// digit.
func ValidSIREN(s string) bool {
	if !sirenPattern.MatchString(s) {
		return false
	}
	sum := 0
	double := false
	for i := len(s) - 1; i >= 0; i-- {
		d := int(s[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// DateTime returns the day s as a time at midnight UTC; ok is false when s is
// empty or not a real calendar day written YYYY-MM-DD (2025-02-30).
func DateTime(s string) (t time.Time, ok bool) {
	if len(s) != len(time.DateOnly) {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	return t, err == nil
}

// ValidDate reports whether s is a real calendar day written YYYY-MM-DD.
func ValidDate(s string) bool { _, ok := DateTime(s); return ok }
