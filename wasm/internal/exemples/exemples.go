// Package exemples holds the example dossiers the form offers (« Dossiers
// d'exemple »): copies of examples/dossiers, written by go generate, so that
// the checker an ARS deploys does not depend on the examples package. A test
// of the examples package fails when a copy is stale.
package exemples

import (
	"embed"
	"slices"
	"strings"
)

//go:generate go run ./gen

//go:embed dossiers/*.json
var files embed.FS

// Names lists the example dossiers, by name without ".json", sorted.
func Names() []string {
	entries, _ := files.ReadDir("dossiers")
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	slices.Sort(names)
	return names
}

// Dossier returns an example dossier's JSON.
func Dossier(name string) ([]byte, bool) {
	data, err := files.ReadFile("dossiers/" + name + ".json")
	return data, err == nil
}
