// Command gen copies examples/dossiers/*.json into the exemples package's
// dossiers directory. It runs from that package's directory, through
// "go generate".
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	src, err := filepath.Glob(filepath.Join("..", "..", "..", "examples", "dossiers", "*.json"))
	if err == nil && len(src) == 0 {
		err = fmt.Errorf("aucun dossier d'exemple trouvé dans examples/dossiers")
	}
	old, _ := filepath.Glob(filepath.Join("dossiers", "*.json"))
	for _, f := range old {
		if err == nil {
			err = os.Remove(f)
		}
	}
	for _, f := range src {
		if err != nil {
			break
		}
		var data []byte
		if data, err = os.ReadFile(f); err == nil {
			err = os.WriteFile(filepath.Join("dossiers", filepath.Base(f)), data, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen :", err)
		os.Exit(1)
	}
}
