package clsm

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// CommuneCode is the five-character INSEE code of a commune (code officiel
// géographique): two characters of department ("01"–"95" without "20", "2A" or
// "2B") and three digits, or "97" and three digits overseas.
type CommuneCode string

// SIREN is the nine-digit SIREN number of a legal entity, such as an EPCI.
// Its last digit is a Luhn check digit.
type SIREN string

// Date is a calendar day written YYYY-MM-DD, as in JSON Schema's "date" format.
// The zero value is the empty string and means "not answered". The questions
// whose validate tag says "datenever" also accept [Never]: « jamais », an
// answer distinct from "not answered".
type Date string

// Never is the answer « jamais » to a date question that allows it (the last
// bilan, the last appropriation review…): the thing was never done. It is an
// answer, unlike the empty Date.
const Never Date = "never"

// Patterns shared by the validator and the JSON Schema, so both accept exactly
// the same strings.
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

var (
	communePattern = regexp.MustCompile(CommunePattern)
	sirenPattern   = regexp.MustCompile(SIRENPattern)
)

// Valid reports whether c is a well-formed INSEE commune code of an existing
// department.
func (c CommuneCode) Valid() bool { return communePattern.MatchString(string(c)) }

// Valid reports whether s has nine digits and a correct Luhn check digit.
func (s SIREN) Valid() bool {
	if !sirenPattern.MatchString(string(s)) {
		return false
	}
	return luhn(string(s))
}

func luhn(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
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

// Time returns the day as a time at midnight UTC; ok is false when the date
// is empty or not a real calendar day (2025-02-30).
func (d Date) Time() (t time.Time, ok bool) {
	if len(d) != len("2006-01-02") {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, string(d))
	return t, err == nil
}

// Valid reports whether d is a real calendar day written YYYY-MM-DD.
func (d Date) Valid() bool { _, ok := d.Time(); return ok }

// IsNever reports whether d is the answer « jamais ».
func (d Date) IsNever() bool { return d == Never }

var frenchMonths = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}

// French writes the day the French way ("3 mars 2026", "1er avril 2026"),
// « jamais » for [Never], or returns d unchanged when it is not a valid date.
func (d Date) French() string {
	if d.IsNever() {
		return "jamais"
	}
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return day + " " + frenchMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// FrenchNumber writes a number the French way, for a person to read: a
// decimal comma and at most two decimals ("0,5", "33,33", "100").
func FrenchNumber(f float64) string {
	return frenchDigits(strings.TrimRight(strings.TrimRight(strconv.FormatFloat(f, 'f', 2, 64), "0"), "."), false)
}

// FrenchCount writes a count with its noun agreed, as French does: the
// singular below two ("0 réunion", "1 réunion", "3 réunions"), a no-break
// space between the number and the noun, and thousands grouped
// ("1 200 communes").
func FrenchCount(n int, singular, plural string) string {
	noun := plural
	if n < 2 && n > -2 {
		noun = singular
	}
	return frenchDigits(strconv.Itoa(n), true) + "\u00a0" + noun
}

// frenchDigits is the one place where this package writes a number for a
// person to read. s is the number as strconv writes it (an optional minus
// sign, digits, an optional decimal point and digits); frenchDigits writes
// a decimal comma and, when grouped, a narrow no-break space between the
// thousands of the whole part ("-1 234,5").
func frenchDigits(s string, grouped bool) string {
	sign := ""
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = "-", rest
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, r := range whole {
		if grouped && i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString(",")
		b.WriteString(frac)
	}
	return b.String()
}

// DateOf returns the Date of the calendar day of t, in t's location.
func DateOf(t time.Time) Date { return Date(t.Format(time.DateOnly)) }
