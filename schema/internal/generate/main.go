// Command generate writes the JSON Schemas of package schema from the Go types.
// It runs from the schema directory, through "go generate".
package main

import (
	"fmt"
	"os"
)

func main() {
	files, err := Files()
	if err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
	for name, data := range files {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "generate:", err)
			os.Exit(1)
		}
	}
}
