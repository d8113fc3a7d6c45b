package clsm

import (
	"fmt"
	"io"
)

// Decode reads one dossier from r: at most [MaxSize] bytes of JSON, decoded
// strictly (see [DecodeStrict]) and then validated (see [Dossier.Validate]).
// On failure the error is [Problems], listing every problem found, those of
// decoding and those of validation; the returned dossier is nil when the
// document could not be decoded strictly, and holds what was read when only
// validation failed, so that nothing a person typed is lost.
func Decode(r io.Reader) (*Dossier, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, Problems{{Code: CodeSyntax, Message: fmt.Sprintf("Le dossier n'a pas pu être lu : %v.", err)}}
	}
	return Parse(data)
}

// Parse is [Decode] on a document already in memory.
func Parse(data []byte) (*Dossier, error) {
	var d Dossier
	ps := DecodeStrict(data, &d)
	for _, p := range ps {
		if p.Code == CodeUnknownField && (p.Path == "/rules" || p.Path == "/documents") {
			// Say it first, before a list of keys that do not belong here.
			return nil, append(Problems{{Code: CodeWrongDocument, Message: "Ce fichier ressemble à un référentiel (les règles d'un cahier des charges), et non à un dossier de CLSM : vérifiez que vous n'avez pas inversé les deux fichiers."}}, ps...)
		}
	}
	if fatal(ps) {
		return nil, ps
	}
	if ps != nil {
		// Report the validation problems too, but not a second time for a
		// value the decoding already refused.
		return nil, ps.merge(ValidateStruct(&d))
	}
	if err := d.Validate(); err != nil {
		return &d, err
	}
	return &d, nil
}
