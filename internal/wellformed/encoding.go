package wellformed

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Text is the one reading of a document's bytes, before any decoding: a
// document over [MaxSize] is refused, and JSON is UTF-8 (RFC 8259, section 8.1). A UTF-8 byte order mark, which some
// editors write and JSON does not allow, is removed — the browser's
// TextDecoder removes it too, so a file reads the same in both. A document
// in UTF-16 or UTF-32, one with bytes that are not UTF-8 (a file saved in
// Latin-1 or Windows-1252, say), or a \u escape of half a surrogate pair is
// refused with one problem that names the encoding and the byte where it
// goes wrong, rather than read with characters replaced by « � ».
func Text(data []byte) ([]byte, Problems) {
	if len(data) > MaxSize {
		return nil, Problems{TooLarge(len(data))}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if name, ok := wideEncoding(data); ok {
		return nil, Problems{{Code: CodeEncoding, Param: "UTF-8", Value: name, Message: fmt.Sprintf(
			"Le fichier est encodé en %s, et non en UTF-8\u00a0: enregistrez-le en UTF-8 (dans la plupart des éditeurs, « Enregistrer sous », puis l'encodage « UTF-8 »).", name)}}
	}
	if at := invalidUTF8(data); at >= 0 {
		return nil, Problems{{Code: CodeEncoding, Param: "UTF-8", Value: fmt.Sprintf("0x%02X", data[at]), Message: fmt.Sprintf(
			"Le fichier n'est pas en UTF-8\u00a0: l'octet n°\u00a0%s (0x%02X, %s) ne forme pas un caractère UTF-8. C'est souvent le signe d'un fichier enregistré en Latin-1 ou en Windows-1252\u00a0: enregistrez-le en UTF-8.",
			Digits(strconv.Itoa(at+1), true), data[at], position(data, int64(at)))}}
	}
	if at := loneSurrogate(data); at >= 0 {
		return nil, Problems{{Code: CodeEncoding, Param: "UTF-8", Value: string(data[at : at+6]), Message: fmt.Sprintf(
			"Le fichier contient l'échappement « %s » à l'octet n°\u00a0%s (%s), qui ne désigne aucun caractère (une moitié de paire UTF-16 sans l'autre)\u00a0: retirez-le ou écrivez le caractère voulu.",
			data[at:at+6], Digits(strconv.Itoa(at+1), true), position(data, int64(at)))}}
	}
	return data, nil
}

// wideEncoding recognises UTF-16 and UTF-32, by their byte order mark or,
// without one, by the zero bytes that ASCII characters have in them.
func wideEncoding(data []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0, 0, 0xfe, 0xff}), bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}):
		return "UTF-32", true
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}), bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return "UTF-16", true
	case len(data) >= 4 && (data[0] == 0 && data[1] == 0 && data[2] == 0 || data[1] == 0 && data[2] == 0 && data[3] == 0):
		return "UTF-32", true
	case len(data) >= 2 && (data[0] == 0) != (data[1] == 0):
		return "UTF-16", true
	}
	return "", false
}

// invalidUTF8 returns the offset of the first byte that does not begin a
// UTF-8 character, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// loneSurrogate returns the offset of the first \u escape, inside a JSON
// text, that is half of a UTF-16 surrogate pair without its other half, or
// -1. It reads the bytes once, following the texts and their escapes.
func loneSurrogate(data []byte) int {
	if !bytes.Contains(data, []byte(`\u`)) && !bytes.Contains(data, []byte(`\U`)) {
		return -1
	}
	inText := false
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			inText = !inText
		case c == '\\' && inText && i+1 < len(data):
			if data[i+1] != 'u' {
				i++ // the escaped character, whatever it is
				continue
			}
			r, ok := hexRune(data, i)
			switch {
			case !ok:
				return -1 // not an escape: the decoder reports the syntax
			case utf16.IsSurrogate(r) && r < 0xdc00:
				if next, ok := hexRune(data, i+6); ok && next >= 0xdc00 && next <= 0xdfff {
					i += 11
					continue
				}
				return i
			case utf16.IsSurrogate(r):
				return i
			}
			i += 5
		}
	}
	return -1
}

// hexRune reads the \uXXXX escape at data[i:].
func hexRune(data []byte, i int) (rune, bool) {
	if i+6 > len(data) || data[i] != '\\' || data[i+1] != 'u' {
		return 0, false
	}
	n, err := strconv.ParseUint(string(data[i+2:i+6]), 16, 16)
	return rune(n), err == nil
}
