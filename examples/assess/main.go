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
// problems in French, paths included, on standard error. Every message is
// French, those of the flag package and of the system included, and nothing
// it echoes (a file name, an option's value, a problem that quotes the
// dossier) carries a control character to the terminal.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
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
	flags := flag.NewFlagSet("assess", flag.ContinueOnError)
	// The flag package writes its errors and its usage in English: it
	// writes nothing here, run writes them in French.
	flags.SetOutput(io.Discard)
	flags.Usage = func() {}
	refFlag := flags.String("r", "", "référentiel : "+strings.Join(labels.BuiltinIDs(), ", ")+", ou le chemin d'un fichier JSON (par défaut : celui de la région du dossier, sinon national)")
	format := flags.String("format", "text", "format du rapport : text, md, html ou json (par défaut : text)")
	atFlag := flags.String("at", "", "date d'évaluation AAAA-MM-JJ (par défaut : aujourd'hui)")
	if err := flags.Parse(args); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, flagError(err))
		}
		usage(stderr, flags)
		return exitBadInput
	}
	if flags.NArg() > 1 {
		fmt.Fprintln(stderr, "Un seul dossier à la fois.")
		return exitBadInput
	}
	at := today
	if *atFlag != "" {
		t, ok := clsm.Date(*atFlag).Time()
		if !ok {
			fmt.Fprintf(stderr, "Date d'évaluation « %s » invalide : écrivez-la AAAA-MM-JJ, par exemple 2026-11-22.\n", assess.Inert(*atFlag))
			return exitBadInput
		}
		at = t
	}
	f := assess.Format(*format)
	if !validFormat(f) {
		fmt.Fprintf(stderr, "Format « %s » inconnu : text, md, html ou json.\n", assess.Inert(*format))
		return exitBadInput
	}

	data, source, err := readDossier(flags.Arg(0), stdin)
	if err != nil {
		fmt.Fprintln(stderr, assess.Inert(err.Error()))
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
		fmt.Fprintln(stderr, assess.Inert(err.Error()))
		return exitBadInput
	}
	if err := assess.Render(stdout, r, f); err != nil {
		fmt.Fprintln(stderr, assess.Inert(err.Error()))
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
			return nil, "", fmt.Errorf("L'entrée standard ne peut pas être lue : %s.", osError(err))
		}
		return data, "lu sur l'entrée standard", nil
	}
	data, err = readFile(arg)
	if err != nil {
		return nil, "", fmt.Errorf("Le dossier « %s » ne peut pas être lu : %s.", assess.Inert(arg), osError(err))
	}
	return data, "« " + assess.Inert(arg) + " »", nil
}

// loadReferential returns the referential named by the flag: a built-in ID,
// or a file. Without the flag it takes the built-in referential that serves
// the dossier's region, or the default one, the national baseline
// (labels.ForDossier).
func loadReferential(name string, d *clsm.Dossier) (*labels.Referential, error) {
	if name == "" {
		return labels.ForDossier(d), nil
	}
	if _, ok := labels.BuiltinJSON(name); ok {
		return labels.Builtin(name)
	}
	if !strings.ContainsAny(name, "./\\") {
		return nil, fmt.Errorf("référentiel « %s » inconnu : %s, ou le chemin d'un fichier JSON", assess.Inert(name), strings.Join(labels.BuiltinIDs(), ", "))
	}
	data, err := readFile(name)
	if err != nil {
		return nil, fmt.Errorf("le fichier « %s » ne peut pas être lu : %s", assess.Inert(name), osError(err))
	}
	return labels.Parse(data)
}

// errIsDir is what readFile returns for a directory.
var errIsDir = errors.New("is a directory")

func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, errIsDir
	}
	return io.ReadAll(io.LimitReader(f, clsm.MaxSize+1))
}

// osError says in French why a file could not be read. The system's own
// message is English, and is not shown.
func osError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "ce fichier n'existe pas"
	case errors.Is(err, fs.ErrPermission):
		return "vous n'avez pas le droit de le lire"
	case errors.Is(err, errIsDir):
		return "c'est un répertoire, pas un fichier"
	}
	return "erreur du système lors de la lecture"
}

// flagError says in French what the flag package found wrong on the command
// line; an option or a value it quotes goes through assess.Inert.
func flagError(err error) string {
	msg := err.Error()
	cut := func(prefix string) (string, bool) {
		rest, ok := strings.CutPrefix(msg, prefix)
		return assess.Inert(rest), ok
	}
	if name, ok := cut("flag provided but not defined: "); ok {
		return "Option inconnue : " + name
	}
	if name, ok := cut("flag needs an argument: "); ok {
		return "L'option " + name + " attend une valeur."
	}
	if arg, ok := cut("bad flag syntax: "); ok {
		return "Option mal écrite : " + arg
	}
	// invalid value "v" for flag -name: reason, invalid boolean value "v"
	// for -name: reason, invalid boolean flag name: reason.
	if strings.HasPrefix(msg, "invalid ") {
		if i := strings.Index(msg, " for flag -"); i >= 0 {
			name, _, _ := strings.Cut(msg[i+len(" for flag "):], ":")
			return "Valeur invalide pour l'option " + assess.Inert(name) + "."
		}
		if i := strings.Index(msg, " for -"); i >= 0 {
			name, _, _ := strings.Cut(msg[i+len(" for "):], ":")
			return "Valeur invalide pour l'option " + assess.Inert(name) + "."
		}
	}
	return "Ligne de commande incorrecte."
}

// usage writes, in French, how to call the command and its options.
func usage(w io.Writer, flags *flag.FlagSet) {
	fmt.Fprintln(w, "Usage : assess [-r référentiel] [-format text|md|html|json] [-at AAAA-MM-JJ] [dossier.json | -]")
	values := map[string]string{"r": "référentiel", "format": "format", "at": "AAAA-MM-JJ"}
	flags.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(w, "  -%s %s\n    \t%s\n", f.Name, values[f.Name], f.Usage)
	})
}

// printProblems writes a list of problems; a problem may quote the dossier
// or the referential (an unknown key, a value), so every line goes through
// assess.Inert.
func printProblems(w io.Writer, intro string, err error) {
	fmt.Fprintln(w, assess.Inert(intro))
	if ps, ok := err.(clsm.Problems); ok {
		for _, p := range ps {
			where := p.Path
			if where == "" {
				where = "(document)"
			}
			fmt.Fprintln(w, assess.Inert(fmt.Sprintf("  - %s : %s [%s]", where, p.Message, p.Code)))
		}
		return
	}
	fmt.Fprintln(w, assess.Inert(fmt.Sprintf("  - %v", err)))
}
