// Command generate writes a set of fictional CLSM dossiers, seeded and
// deterministic, to try the regional view at scale:
//
//	go run ./examples/generate [-n 1000] [-seed 1] RÉPERTOIRE
//
// The files are named clsm-0000.json, clsm-0001.json…; one in a hundred is
// deliberately not a valid dossier (see package gen). Exit codes: 0 done,
// 2 bad input (an unknown option, no directory, a directory that cannot be
// written), with a French message on standard error.
package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/clsmkit/go-clsm/examples/generate/gen"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	flags := flag.NewFlagSet("generate", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	n := flags.Int("n", 1000, "nombre de fichiers")
	seed := flags.Uint64("seed", 1, "graine du générateur")
	if err := flags.Parse(args); err != nil || flags.NArg() != 1 || *n < 0 {
		fmt.Fprintln(stderr, "Usage : generate [-n 1000] [-seed 1] RÉPERTOIRE")
		return 2
	}
	dir := flags.Arg(0)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(stderr, "Le répertoire ne peut pas être créé.")
		return 2
	}
	files := gen.Dossiers(*seed, *n)
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := os.WriteFile(filepath.Join(dir, name), files[name], 0o644); err != nil {
			fmt.Fprintf(stderr, "Le fichier « %s » ne peut pas être écrit.\n", name)
			return 2
		}
	}
	fmt.Fprintf(stderr, "Fichiers écrits dans %s\u00a0: %d.\n", dir, len(files))
	return 0
}
