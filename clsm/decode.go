package clsm

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
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
// The bytes are read as [Problem] code [CodeEncoding] describes: UTF-8, with
// or without a byte order mark; UTF-16, Latin-1 and escapes of half a
// surrogate pair are refused with one problem that says where.
//
// The format version is read first: a dossier of an older version (down to
// [OldestSchemaVersion]) is read with that version's rules and kept as it is
// (every version so far only adds answers to the previous one); a dossier
// without a version is read as the current one ([Dossier.FormatVersion] says
// which); a version this package does not know is refused with one problem
// of code [CodeVersion].
func Parse(data []byte) (*Dossier, error) {
	d, ps, strict := parse(data)
	if !strict {
		return nil, ps
	}
	return d, ps.Err()
}

// parse reads a dossier as [Parse] does, and says how far it got. d is nil
// for a document that is not one dossier this package reads (wrong encoding,
// too large, not JSON, not an object, a referential, a version it does not
// know). strict reports that the strict decoding refused nothing: every
// problem is then one of validation, and d is what Parse returns. Otherwise d
// holds every value but those the decoding refused one by one (of the wrong
// type, null, under an unknown key), which ps names: what [Upgrade] keeps.
func parse(data []byte) (d *Dossier, ps Problems, strict bool) {
	data, ps = wellformed.Text(data)
	if ps != nil {
		return nil, ps, false
	}
	d = new(Dossier)
	ps = wellformed.Decode(data, d)
	// A version this package does not know is the one problem told. A
	// dossier decoded without a problem, of a version it reads, has none:
	// its schemaVersion, if any, is the number it was decoded from. Only
	// the others are read a second time for it.
	if ps != nil || d.SchemaVersion < OldestSchemaVersion || d.SchemaVersion > SchemaVersion {
		if p, ok := unknownVersion(data); ok {
			return nil, Problems{p}, false
		}
	}
	for _, p := range ps {
		if p.Code == CodeUnknownField && (p.Path == "/rules" || p.Path == "/documents") {
			// Say it first, before a list of keys that do not belong here.
			return nil, append(Problems{{Code: CodeWrongDocument, Message: "Ce fichier ressemble à un référentiel (les règles d'un cahier des charges), et non à un dossier de CLSM : vérifiez que vous n'avez pas inversé les deux fichiers."}}, ps...), false
		}
	}
	if wellformed.Fatal(ps) {
		return nil, ps, false
	}
	ps, pending := splitPending(data, ps)
	if ps != nil {
		// Report the validation problems too, but not a second time for a
		// value the decoding already refused.
		return d, wellformed.Merge(append(ps, pending...), append(append(validateTags(d), d.formatProblems()...), d.calendarProblems()...)), false
	}
	if err := d.Validate(); err != nil || pending != nil {
		var vs Problems
		errors.As(err, &vs)
		return d, wellformed.Merge(pending, vs), true
	}
	return d, nil, true
}

// PendingKey is the top-level key under which a file keeps the answers a
// person typed that are not yet values the dossier can hold: text typed
// into a number or a date question (« environ 98 000 », « fin juin »),
// mapped from the question's JSON Pointer. The form writes it when it
// exports such a dossier, and reads it back when it imports one, so that
// nothing typed is lost. It is not part of the dossier format: [Parse] reads
// the rest of the file as a dossier and reports one problem of code
// [CodePending] for each pending answer, so that a file with pending
// answers is always a dossier to correct, never a verdict (an empty
// « pending » is a problem too: the key is then to be removed).
const PendingKey = "pending"

// splitPending takes out of ps the unknown key « pending » at the top of the
// document, if there is one, and returns the problems its pending answers
// are instead (see [PendingKey]), in the order of their paths.
func splitPending(data []byte, ps Problems) (rest, pending Problems) {
	at := -1
	for i, p := range ps {
		if p.Code == CodeUnknownField && p.Path == "/"+PendingKey {
			at = i
			break
		}
	}
	if at < 0 {
		return ps, nil
	}
	rest = append(ps[:at:at], ps[at+1:]...)
	if len(rest) == 0 {
		rest = nil
	}
	var head struct {
		Pending json.RawMessage `json:"pending"`
	}
	_ = json.Unmarshal(data, &head) // a JSON object: the decoder has read it
	shape := Problem{Code: CodeType, Path: "/" + PendingKey, Message: "«\u00a0pending\u00a0» doit être un objet qui associe au chemin de chaque question (par exemple /territory/population) le texte tapé en attente."}
	var answers map[string]json.RawMessage
	if json.Unmarshal(head.Pending, &answers) != nil || answers == nil {
		return rest, Problems{shape}
	}
	if len(answers) == 0 {
		return rest, Problems{{Code: CodePending, Path: "/" + PendingKey, Message: "«\u00a0pending\u00a0» ne liste aucune réponse en attente\u00a0: retirez cette clé."}}
	}
	for _, path := range slices.Sorted(maps.Keys(answers)) {
		var text string
		where := "/" + PendingKey + "/" + wellformed.PointerEscape(path)
		switch {
		case json.Unmarshal(answers[path], &text) != nil:
			pending = append(pending, Problem{Code: CodeType, Path: where, Message: "Une réponse en attente est un texte, entre guillemets."})
		case !strings.HasPrefix(path, "/"):
			pending = append(pending, Problem{Code: CodePending, Path: where, Value: wellformed.Value(path),
				Message: fmt.Sprintf("«\u00a0%s\u00a0» n'est pas le chemin d'une question\u00a0: un chemin commence par «\u00a0/\u00a0», par exemple /territory/population.", wellformed.Truncate(path, 60))})
		default:
			pending = append(pending, Problem{Code: CodePending, Path: path, Value: wellformed.Value(text),
				Message: fmt.Sprintf("Réponse en attente\u00a0: «\u00a0%s\u00a0» a été tapé, mais ce n'est pas encore une réponse que le dossier peut garder (un nombre, une date JJ/MM/AAAA)\u00a0; corrigez-le ou effacez-le. Le texte est conservé d'ici là.", wellformed.Truncate(text, 60))})
		}
	}
	return rest, pending
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
	// Every date of the dossier, list items included, as the model finds
	// them.
	_ = model.Each(d, func(_ *model.Field, path string, v any) {
		if day, ok := v.(Date); ok && day.IsNever() {
			ps = append(ps, Problem{Code: CodeNotInVersion, Path: path, Message: msg})
		}
	})
	if d.Diagnostic.Planned != nil {
		ps = append(ps, Problem{Code: CodeNotInVersion, Path: "/diagnostic/planned", Message: "Cette question n'existe qu'à partir de la version 2 du format, et ce dossier se dit au format 1 : passez « schemaVersion » à 2."})
	}
	return ps
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
