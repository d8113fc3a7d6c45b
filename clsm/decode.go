package clsm

import (
	"fmt"
	"io"
)

// Decode reads one dossier from r: at most [MaxSize] bytes of JSON, decoded
// strictly (see [DecodeStrict]) and then validated (see [Dossier.Validate]).
// On failure the error is [Problems]; the returned dossier is nil when the
// document could not be decoded, and holds what was read when only
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
	if ps := DecodeStrict(data, &d); ps != nil {
		return nil, ps
	}
	if err := d.Validate(); err != nil {
		return &d, err
	}
	return &d, nil
}
