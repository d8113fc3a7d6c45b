package wellformed

import "time"

// Patterns of the JSON Schema. The validation checks the same strings
// without package regexp, which would weigh on the browser build; a test
// holds each check to its pattern.
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

// ValidCommune reports whether s is a well-formed INSEE commune code of an
// existing department ([CommunePattern]).
func ValidCommune(s string) bool {
	if len(s) != 5 {
		return false
	}
	if s[:2] == "97" {
		// Overseas: 971 to 974 and 976, then a commune number from 01.
		return (s[2] >= '1' && s[2] <= '4' || s[2] == '6') && digits(s[3:]) && s[3:] != "00"
	}
	switch a, b := s[0], s[1]; {
	case a == '0' && b >= '1' && b <= '9',
		a == '1' && isDigit(b),
		a == '2' && (b >= '1' && b <= '9' || b == 'A' || b == 'B'),
		a >= '3' && a <= '8' && isDigit(b),
		a == '9' && b >= '0' && b <= '5':
	default:
		return false
	}
	return digits(s[2:]) && s[2:] != "000"
}

// ValidSIREN reports whether s has nine digits ([SIRENPattern]) and a
// correct Luhn check digit.
func ValidSIREN(s string) bool {
	if len(s) != 9 || !digits(s) {
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

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digits reports whether s is made of ASCII digits only.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
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
