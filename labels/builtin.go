package labels

import (
	"embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:embed referentials/*.json
var builtinFiles embed.FS

// BuiltinIDs lists the IDs of the built-in referentials: "hdf" (Hauts-de-
// France), "idf" (Île-de-France), "national" (the national baseline) and
// "occitanie".
func BuiltinIDs() []string {
	entries, _ := builtinFiles.ReadDir("referentials")
	ids := make([]string, 0, len(entries))
	for _, e := range entries {
		ids = append(ids, strings.TrimSuffix(e.Name(), ".json"))
	}
	sort.Strings(ids)
	return ids
}

// BuiltinJSON returns the JSON of a built-in referential, as an ARS would
// start from to write its own.
func BuiltinJSON(id string) ([]byte, bool) {
	data, err := builtinFiles.ReadFile("referentials/" + id + ".json")
	return data, err == nil
}

var builtins sync.Map // id -> *Referential

// Builtin returns the built-in referential with the given ID, parsed once and
// shared: do not modify it.
func Builtin(id string) (*Referential, error) {
	if r, ok := builtins.Load(id); ok {
		return r.(*Referential), nil
	}
	data, ok := BuiltinJSON(id)
	if !ok {
		return nil, fmt.Errorf("référentiel « %s » inconnu ; référentiels disponibles : %s", id, strings.Join(BuiltinIDs(), ", "))
	}
	// The built-in files are checked in full by the tests (labels.Parse);
	// here they skip the struct-tag validation, which would cost the form
	// a few hundred milliseconds at start-up in the browser.
	r, err := parse(data, false)
	if err != nil {
		return nil, fmt.Errorf("référentiel intégré « %s » : %w", id, err)
	}
	actual, _ := builtins.LoadOrStore(id, r)
	return actual.(*Referential), nil
}
