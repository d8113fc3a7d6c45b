package clsm

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Format versions. Each version of the dossier format so far only added
// answers to the previous one, so one Go type reads them all; what differs is
// what each version allows. formatRules holds, for each older version, the
// check that a dossier claiming it uses nothing that came later; adding a
// version N+1 is: raise SchemaVersion, add the rule of version N here, and,
// if a key changes meaning, a step in upgradeSteps.
var formatRules = map[int]func(*Dossier) Problems{
	1: func(d *Dossier) Problems { return d.versionProblems() },
}

// upgradeSteps holds, for each older version, what turns a dossier of that
// version into one of the next; version 1 to 2 changes no answer.
var upgradeSteps = map[int]func(*Dossier){
	1: func(*Dossier) {},
}

// Upgrade reads a dossier of any version this package reads and writes it
// back in the current format ([SchemaVersion]), every answer kept: what the
// form does with a dossier saved or exported by an older version. from is
// the version read (the current one for a dossier that did not say). A
// dossier with problems is upgraded too, and the problems returned beside
// it, so that nothing a person typed is lost: a value the strict decoding
// refuses (of the wrong type, null, under an unknown key) is left out of the
// output and named by its problem, every other answer is kept. A document
// that cannot be read as a dossier (see [Parse]) gives no output.
func Upgrade(data []byte) (out []byte, from int, err error) {
	d, ps, _ := parse(data)
	if d == nil {
		return nil, 0, ps
	}
	err = ps.Err()
	from, _ = d.FormatVersion()
	for v := from; v < SchemaVersion; v++ {
		step, ok := upgradeSteps[v]
		if !ok {
			return nil, from, Problems{{Code: CodeVersion, Path: "/schemaVersion", Message: fmt.Sprintf("Aucune mise à niveau n'est prévue depuis le format %d.", v)}}
		}
		step(d)
	}
	d.SchemaVersion = SchemaVersion
	out, merr := json.MarshalIndent(d, "", "  ")
	if merr != nil {
		return nil, from, Problems{{Code: CodeSyntax, Message: "Le dossier n'a pas pu être réécrit au format actuel."}}
	}
	// The answers typed but not yet values (PendingKey) are not part of the
	// dossier: they are carried over as they were, never lost.
	var head struct {
		Pending json.RawMessage `json:"pending"`
	}
	if json.Unmarshal(data, &head) == nil && len(head.Pending) > 0 && out[len(out)-1] == '}' {
		var pending bytes.Buffer
		if json.Indent(&pending, head.Pending, "  ", "  ") == nil {
			// out ends with "\n}": the dossier always has its schemaVersion.
			out = append(append(out[:len(out)-2:len(out)-2], `,
  "`+PendingKey+`": `...), pending.Bytes()...)
			out = append(out, "\n}"...)
		}
	}
	return out, from, err
}
