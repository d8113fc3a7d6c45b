// Command assess assesses a CLSM dossier against a referential and prints the
// report.
//
//	go run ./examples/assess [-r idf|occitanie|hdf|national|FICHIER] [-format text|md|html|json] [-at AAAA-MM-JJ] [dossier.json]
//
// Without a dossier it assesses an example dossier embedded in the program, so
// a newcomer sees a real report at once; "-" reads the dossier from standard
// input. The evaluation date defaults to today.
//
// Exit codes: 0 the CLSM is ready to apply (prêt à déposer); 1 it is not yet
// (presque prêt, en construction or à compléter); 2 bad input (an unreadable
// or invalid dossier or referential, an unknown flag), with the list of
// problems in French, paths included, on standard error.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

// defaultExample is the dossier assessed when none is given.
const defaultExample = "ile-de-france-montreuil-actif"

// Exit codes.
const (
	exitReady    = 0
	exitNotReady = 1
	exitBadInput = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, time.Now()))
}

// run is the whole command, with its inputs and outputs injected so that
// tests run it without a process and at a fixed date.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, today time.Time) int {
	fs := flag.NewFlagSet("assess", flag.ContinueOnError)
	fs.SetOutput(stderr)
	refFlag := fs.String("r", "", "référentiel : "+strings.Join(labels.BuiltinIDs(), ", ")+", ou le chemin d'un fichier JSON (par défaut : celui de la région du dossier, sinon national)")
	format := fs.String("format", "text", "format du rapport : text, md, html ou json")
	atFlag := fs.String("at", "", "date d'évaluation AAAA-MM-JJ (par défaut : aujourd'hui)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage : assess [-r référentiel] [-format text|md|html|json] [-at AAAA-MM-JJ] [dossier.json | -]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitBadInput
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "Un seul dossier à la fois.")
		return exitBadInput
	}
	at := today
	if *atFlag != "" {
		t, ok := clsm.Date(*atFlag).Time()
		if !ok {
			fmt.Fprintf(stderr, "Date d'évaluation « %s » invalide : écrivez-la AAAA-MM-JJ, par exemple 2026-11-22.\n", *atFlag)
			return exitBadInput
		}
		at = t
	}
	f := assess.Format(*format)
	if !validFormat(f) {
		fmt.Fprintf(stderr, "Format « %s » inconnu : text, md, html ou json.\n", *format)
		return exitBadInput
	}

	data, source, err := readDossier(fs.Arg(0), stdin)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	d, err := clsm.Parse(data)
	if err != nil {
		printProblems(stderr, "Le dossier "+source+" contient des erreurs :", err)
		return exitBadInput
	}
	ref, err := loadReferential(*refFlag, d)
	if err != nil {
		printProblems(stderr, "Le référentiel ne peut pas être utilisé :", err)
		return exitBadInput
	}
	r, err := assess.Evaluate(d, ref, at)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	if err := assess.Render(stdout, r, f); err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	if r.Readiness.Level == assess.Ready {
		return exitReady
	}
	return exitNotReady
}

func validFormat(f assess.Format) bool {
	for _, g := range assess.Formats() {
		if f == g {
			return true
		}
	}
	return false
}

func readDossier(arg string, stdin io.Reader) (data []byte, source string, err error) {
	switch arg {
	case "":
		data, _ := examples.Dossier(defaultExample)
		return data, "d'exemple « " + defaultExample + " »", nil
	case "-":
		data, err := io.ReadAll(io.LimitReader(stdin, clsm.MaxSize+1))
		if err != nil {
			return nil, "", fmt.Errorf("Lecture de l'entrée standard impossible : %v", err)
		}
		return data, "lu sur l'entrée standard", nil
	}
	data, err = readFile(arg)
	if err != nil {
		return nil, "", fmt.Errorf("Le dossier « %s » ne peut pas être lu : %v", arg, err)
	}
	return data, "« " + arg + " »", nil
}

// loadReferential returns the referential named by the flag: a built-in ID,
// or a file. Without the flag it takes the referential of the dossier's
// region when there is one, and the national baseline otherwise.
func loadReferential(name string, d *clsm.Dossier) (*labels.Referential, error) {
	if name == "" {
		name = "national"
		if region, ok := d.Territory.Department.Region(); ok {
			switch region.Code {
			case "11":
				name = "idf"
			case "76":
				name = "occitanie"
			case "32":
				name = "hdf"
			}
		}
	}
	if _, ok := labels.BuiltinJSON(name); ok {
		return labels.Builtin(name)
	}
	if !strings.ContainsAny(name, "./\\") {
		return nil, fmt.Errorf("référentiel « %s » inconnu : %s, ou le chemin d'un fichier JSON", name, strings.Join(labels.BuiltinIDs(), ", "))
	}
	data, err := readFile(name)
	if err != nil {
		return nil, fmt.Errorf("le fichier « %s » ne peut pas être lu : %v", name, err)
	}
	return labels.Parse(data)
}

func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, clsm.MaxSize+1))
}

func printProblems(w io.Writer, intro string, err error) {
	fmt.Fprintln(w, intro)
	if ps, ok := err.(clsm.Problems); ok {
		for _, p := range ps {
			where := p.Path
			if where == "" {
				where = "(document)"
			}
			fmt.Fprintf(w, "  - %s : %s [%s]\n", where, p.Message, p.Code)
		}
		return
	}
	fmt.Fprintf(w, "  - %v\n", err)
}
