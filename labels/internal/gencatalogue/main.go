// Command gencatalogue writes CATALOGUE.md, the French list of every check and
// every rule of the built-in referentials. It runs from the labels directory,
// through "go generate".
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/clsmkit/go-clsm/labels"
)

func main() {
	data, err := Render()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencatalogue:", err)
		os.Exit(1)
	}
	if err := os.WriteFile("CATALOGUE.md", data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gencatalogue:", err)
		os.Exit(1)
	}
}

// Render returns the catalogue as it must be committed.
func Render() ([]byte, error) {
	var refs []*labels.Referential
	for _, id := range labels.BuiltinIDs() {
		r, err := labels.Builtin(id)
		if err != nil {
			return nil, err
		}
		refs = append(refs, r)
	}
	var buf bytes.Buffer
	err := labels.WriteCatalogue(&buf, refs...)
	return buf.Bytes(), err
}
