package clsm

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/clsmkit/go-clsm/internal/model"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// Decode reads one dossier from r: at most [MaxSize] bytes of JSON, decoded
// strictly and then validated (see [Dossier.Validate]).
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
//
// Decoding is strict: unknown keys, duplicate keys, null, "" for a coded
// answer (an enumeration, a date, a code), numbers out of range, values of
// the wrong type and data after the dossier are refused, each with its JSON
// Pointer and a French message.
//
// The format version is read first: a dossier of an older version (down to
// [OldestSchemaVersion]) is read with that version's rules and kept as it is
// (every version so far only adds answers to the previous one); a dossier
// without a version is read as the current one ([Dossier.FormatVersion] says
// which); a version this package does not know is refused with one problem
// of code [CodeVersion].
func Parse(data []byte) (*Dossier, error) {
	var d Dossier
	ps := wellformed.Decode(data, &d)
	// A version this package does not know is the one problem told. A
	// dossier decoded without a problem, of a version it reads, has none:
	// its schemaVersion, if any, is the number it was decoded from. Only
	// the others are read a second time for it.
	if ps != nil || d.SchemaVersion < OldestSchemaVersion || d.SchemaVersion > SchemaVersion {
		if p, ok := unknownVersion(data); ok {
			return nil, Problems{p}
		}
	}
	for _, p := range ps {
		if p.Code == CodeUnknownField && (p.Path == "/rules" || p.Path == "/documents") {
			// Say it first, before a list of keys that do not belong here.
			return nil, append(Problems{{Code: CodeWrongDocument, Message: "Ce fichier ressemble à un référentiel (les règles d'un cahier des charges), et non à un dossier de CLSM : vérifiez que vous n'avez pas inversé les deux fichiers."}}, ps...)
		}
	}
	if wellformed.Fatal(ps) {
		return nil, ps
	}
	if ps != nil {
		// Report the validation problems too, but not a second time for a
		// value the decoding already refused.
		return nil, wellformed.Merge(ps, append(append(validateTags(&d), d.formatProblems()...), d.calendarProblems()...))
	}
	if err := d.Validate(); err != nil {
		return &d, err
	}
	return &d, nil
}

// FormatVersion says which version of the format the dossier was written in,
// and whether the dossier said so: a dossier without schemaVersion is read as
// the current version ([SchemaVersion]) and stated is false.
func (d *Dossier) FormatVersion() (version int, stated bool) {
	if d.SchemaVersion == 0 {
		return SchemaVersion, false
	}
	return d.SchemaVersion, true
}

// unknownVersion finds a schemaVersion that is a whole number but not a
// version this package reads. Anything else about the key (a text, a
// fraction…) is left to the strict decoder and the validator.
func unknownVersion(data []byte) (Problem, bool) {
	var head struct {
		V json.Number `json:"schemaVersion"`
	}
	if json.Unmarshal(data, &head) != nil || head.V == "" {
		return Problem{}, false
	}
	v, err := head.V.Int64()
	if err != nil || (v >= OldestSchemaVersion && v <= SchemaVersion) {
		return Problem{}, false
	}
	return Problem{Code: CodeVersion, Path: "/schemaVersion", Message: fmt.Sprintf(
		"Ce dossier se dit au format %s, que cette version de l'outil ne sait pas lire : elle lit les formats %s. "+
			"S'il vient d'une version plus récente de l'outil, utilisez celle-ci ; sinon, corrigez « schemaVersion » ou retirez-le.",
		wellformed.Truncate(head.V.String(), 20), versionList())}, true
}

// formatProblems lists what the dossier uses that its own format version
// does not have (see formatRules).
func (d *Dossier) formatProblems() Problems {
	if rule, ok := formatRules[d.SchemaVersion]; ok {
		return rule(d)
	}
	return nil
}

// versionProblems lists the answers the dossier's own format version does
// not have: « jamais » ([Never]) and /diagnostic/planned came with version 2.
func (d *Dossier) versionProblems() Problems {
	if d.SchemaVersion != 1 {
		return nil
	}
	var ps Problems
	msg := "« never » (jamais) n'existe qu'à partir de la version 2 du format, et ce dossier se dit au format 1 : passez « schemaVersion » à 2."
	walkNever(reflect.ValueOf(d).Elem(), "", func(path string) {
		ps = append(ps, Problem{Code: CodeNotInVersion, Path: path, Message: msg})
	})
	if d.Diagnostic.Planned != nil {
		ps = append(ps, Problem{Code: CodeNotInVersion, Path: "/diagnostic/planned", Message: "Cette question n'existe qu'à partir de la version 2 du format, et ce dossier se dit au format 1 : passez « schemaVersion » à 2."})
	}
	return ps
}

// walkNever calls found with the JSON Pointer of every date field of v that
// holds [Never].
func walkNever(v reflect.Value, path string, found func(string)) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		key, ok := model.JSONKey(sf)
		if !ok {
			continue
		}
		f := v.Field(i)
		switch {
		case sf.Type == reflect.TypeFor[Date]() && Date(f.String()).IsNever():
			found(path + "/" + key)
		case f.Kind() == reflect.Struct:
			walkNever(f, path+"/"+key, found)
		case f.Kind() == reflect.Slice && sf.Type.Elem().Kind() == reflect.Struct:
			for j := 0; j < f.Len(); j++ {
				walkNever(f.Index(j), path+"/"+key+"/"+strconv.Itoa(j), found)
			}
		}
	}
}

// versionList writes the versions Parse reads: "1 et 2", "1, 2 et 3".
func versionList() string {
	var vs []string
	for v := OldestSchemaVersion; v <= SchemaVersion; v++ {
		vs = append(vs, strconv.Itoa(v))
	}
	if len(vs) == 1 {
		return "au format " + vs[0]
	}
	return strings.Join(vs[:len(vs)-1], ", ") + " et " + vs[len(vs)-1]
}
