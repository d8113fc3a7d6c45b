package wellformed

import (
	"strconv"
	"strings"
	"unicode"
)

// Number writes a number the French way, for a person to read: a decimal
// comma and at most two decimals ("0,5", "33,33", "100").
func Number(f float64) string {
	return Digits(strings.TrimRight(strings.TrimRight(strconv.FormatFloat(f, 'f', 2, 64), "0"), "."), false)
}

// Count writes a count with its noun agreed, as French does: the singular
// below two ("0 réunion", "1 réunion", "3 réunions"), a no-break space
// between the number and the noun, and thousands grouped ("1 200 communes").
func Count(n int, singular, plural string) string {
	noun := plural
	if n < 2 && n > -2 {
		noun = singular
	}
	return Digits(strconv.Itoa(n), true) + "\u00a0" + noun
}

// Digits is the one place where the module writes a number for a person to
// read. s is the number as strconv writes it (an optional minus sign, digits,
// an optional decimal point and digits); Digits writes a decimal comma and,
// when grouped, a narrow no-break space between the thousands of the whole
// part ("-1 234,5").
func Digits(s string, grouped bool) string {
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

// spaces puts the no-break spaces French typography wants.
var spaces = strings.NewReplacer(" :", "\u00a0:", " ;", "\u00a0;", " %", "\u00a0%", " ?", "\u00a0?", " !", "\u00a0!", " »", "\u00a0»", "« ", "«\u00a0")

// Spaces puts the no-break spaces French typography wants before « : »,
// « ; », « % », « ? », « ! » and « » », and after « « », where s has
// ordinary ones, and before a « % » that follows a digit (« 50% » as a
// source may write it): the one place where the module's French text gets
// them, for the reports and for the messages of the WebAssembly API.
func Spaces(s string) string {
	s = spaces.Replace(s)
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if r == '%' && i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			b.WriteString("\u00a0")
		}
		b.WriteRune(r)
	}
	return b.String()
}

// LowerFirst puts the first letter of s in lower case, for a text that
// continues a sentence (« Constat : aucune réunion… »), unless s starts with
// an acronym (« CLSM », « ARS »), which keeps its capitals.
func LowerFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 && !(len(r) > 1 && unicode.IsUpper(r[1])) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// UpperFirst puts the first letter of s in upper case, for a text that
// starts a sentence.
func UpperFirst(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// List joins items as French does: « a », « a et b », « a, b et c ».
func List(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + items[len(items)-1]
}
