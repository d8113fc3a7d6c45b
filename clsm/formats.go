package clsm

import (
	"strconv"
	"time"

	"github.com/clsmkit/go-clsm/internal/wellformed"
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
const Never Date = wellformed.Never

// Valid reports whether c is a well-formed INSEE commune code of an existing
// department.
func (c CommuneCode) Valid() bool { return wellformed.ValidCommune(string(c)) }

// Valid reports whether s has nine digits and a correct Luhn check digit.
func (s SIREN) Valid() bool { return wellformed.ValidSIREN(string(s)) }

// Time returns the day as a time at midnight UTC; ok is false when the date
// is empty or not a real calendar day (2025-02-30).
func (d Date) Time() (t time.Time, ok bool) { return wellformed.DateTime(string(d)) }

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
func FrenchNumber(f float64) string { return wellformed.Number(f) }

// FrenchCount writes a count with its noun agreed, as French does: the
// singular below two ("0 réunion", "1 réunion", "3 réunions"), a no-break
// space between the number and the noun, and thousands grouped
// ("1 200 communes").
func FrenchCount(n int, singular, plural string) string { return wellformed.Count(n, singular, plural) }

// DateOf returns the Date of the calendar day of t, in t's location.
func DateOf(t time.Time) Date { return Date(t.Format(time.DateOnly)) }
