// Command region assesses the dossiers of many CLSM against one referential
// and prints the regional view: how many are ready, which requirements fail
// most often and where, the list of CLSM, the files to correct.
//
//	go run ./examples/region [-r idf|occitanie|hdf|national|FICHIER] [-at AAAA-MM-JJ] [-format text|md|html|csv|json] [-before RÉPERTOIRE] RÉPERTOIRE|FICHIERS…
//
// A directory stands for the .json files directly inside it, in the order of
// their names; files may also be named one by one. A file that cannot be
// read or is not a valid dossier is listed in the report with its problems
// in French: it never stops the others.
//
// -before gives last year's files (a directory or a list separated by
// commas): the report then says which CLSM improved, which regressed and
// which rules moved most. A CLSM is matched by its name when that name is
// unique in its set, otherwise by its file's name (see assess.CompareSets).
//
// Without -r, the referential is that of the region of the dossiers when all
// the readable ones are in one region that has a built-in referential, and
// the national baseline otherwise; the one applied is named on standard
// error. The evaluation date defaults to today.
//
// Progress: with more than 100 files, a line on standard error every 100
// files (« 300 / 1 000 fichiers évalués ») — only when standard error is a
// terminal, so that a redirected log stays clean.
//
// Exit codes: 0 the report is written (even when some files had to be set
// aside: they are in the report); 2 bad input (an unknown option, no file, a
// directory that cannot be read, an unknown referential or date or format),
// with a French message on standard error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples/internal/readfile"
	"github.com/clsmkit/go-clsm/labels"
)

// Exit codes.
const (
	exitDone     = 0
	exitBadInput = 2
)

// progressEvery is how many files pass between two progress lines.
const progressEvery = 100

func main() {
	info, err := os.Stderr.Stat()
	terminal := err == nil && info.Mode()&os.ModeCharDevice != 0
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now(), terminal))
}

// run is the whole command, its outputs, date and terminal injected so that
// tests run it without a process, at a fixed date, with or without progress.
func run(args []string, stdout, stderr io.Writer, today time.Time, progress bool) int {
	flags := flag.NewFlagSet("region", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	refFlag := flags.String("r", "", "référentiel : "+strings.Join(labels.BuiltinIDs(), ", ")+", ou le chemin d'un fichier JSON")
	format := flags.String("format", "text", "format : text, md, html, csv ou json")
	atFlag := flags.String("at", "", "date d'évaluation AAAA-MM-JJ (par défaut : aujourd'hui)")
	before := flags.String("before", "", "dossiers de l'an dernier : un répertoire, ou des fichiers séparés par des virgules")
	if err := flags.Parse(args); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, flagError(err))
		}
		usage(stderr)
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
	if !slices.Contains(assess.RegionalFormats(), f) {
		fmt.Fprintf(stderr, "Format « %s » inconnu : text, md, html, csv ou json.\n", assess.Inert(*format))
		return exitBadInput
	}
	if flags.NArg() == 0 {
		fmt.Fprintln(stderr, "Indiquez un répertoire de dossiers, ou des fichiers.")
		usage(stderr)
		return exitBadInput
	}
	names, err := listFiles(flags.Args())
	if err != nil {
		fmt.Fprintln(stderr, err.Error())
		return exitBadInput
	}
	var previous []fileRef
	if *before != "" {
		if previous, err = listFiles(strings.Split(*before, ",")); err != nil {
			fmt.Fprintln(stderr, err.Error())
			return exitBadInput
		}
	}
	files := readAll(names)
	ref, err := loadReferential(*refFlag, files)
	if err != nil {
		fmt.Fprintln(stderr, assess.Inert(err.Error()))
		return exitBadInput
	}
	fmt.Fprintf(stderr, "Référentiel appliqué : %s.\n", assess.Inert(ref.Name))

	entries := evaluate(files, ref, at, stderr, progress)
	report, err := assess.Aggregate(entries)
	if err != nil {
		fmt.Fprintln(stderr, assess.Inert(err.Error()))
		return exitBadInput
	}
	report.Referential = assess.ReferentialInfo{ID: ref.ID, Name: ref.Name, Issuer: ref.Issuer, Version: ref.Version}
	report.EvaluatedOn = clsm.DateOf(at)
	if previous != nil {
		// Last year's files are assessed at this year's date minus one year,
		// against the same referential, so that only the answers differ.
		old := evaluate(readAll(previous), ref, at.AddDate(-1, 0, 0), stderr, progress)
		evo, err := assess.CompareSets(old, entries)
		if err != nil {
			fmt.Fprintln(stderr, assess.Inert(err.Error()))
			return exitBadInput
		}
		report.Evolution = evo
	}
	if err := assess.RenderRegional(stdout, report, f); err != nil {
		fmt.Fprintln(stderr, assess.Inert(err.Error()))
		return exitBadInput
	}
	return exitDone
}

// file is one file to assess: its name as shown, and its bytes or why it
// could not be read.
type file struct {
	name string
	data []byte
	err  error
}

// fileRef is a file to read and the name the report shows for it.
type fileRef struct{ path, name string }

// listFiles expands the arguments: a directory gives the .json files
// directly inside it, sorted, shown by their base name (by their path when
// several directories are given); a file is taken as it is.
func listFiles(args []string) ([]fileRef, error) {
	var out []fileRef
	for _, arg := range args {
		info, err := os.Stat(arg)
		if err != nil {
			return nil, fmt.Errorf("« %s » ne peut pas être lu : %s.", assess.Inert(arg), readfile.Reason(err))
		}
		if !info.IsDir() {
			out = append(out, fileRef{arg, arg})
			continue
		}
		entries, err := os.ReadDir(arg)
		if err != nil {
			return nil, fmt.Errorf("Le répertoire « %s » ne peut pas être lu : %s.", assess.Inert(arg), readfile.Reason(err))
		}
		n := 0
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".json") {
				ref := fileRef{filepath.Join(arg, e.Name()), e.Name()}
				if len(args) > 1 {
					ref.name = ref.path
				}
				out = append(out, ref)
				n++
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("Le répertoire « %s » ne contient aucun fichier .json.", assess.Inert(arg))
		}
	}
	return out, nil
}

// readAll reads every file; a file that cannot be read keeps its error and
// is reported, not dropped.
func readAll(refs []fileRef) []file {
	out := make([]file, 0, len(refs))
	for _, r := range refs {
		data, err := readfile.Read(r.path)
		out = append(out, file{name: r.name, data: data, err: err})
	}
	return out
}

// evaluate assesses every file, writing a progress line every progressEvery
// files when asked to and when there are more than that.
func evaluate(files []file, ref *labels.Referential, at time.Time, stderr io.Writer, progress bool) []assess.Entry {
	entries := make([]assess.Entry, 0, len(files))
	show := progress && len(files) > progressEvery
	for i, f := range files {
		if f.err != nil {
			entries = append(entries, assess.Entry{File: f.name, Problems: clsm.Problems{{Code: clsm.CodeUnreadable,
				Message: "Le fichier ne peut pas être lu : " + readfile.Reason(f.err) + "."}}})
		} else {
			entries = append(entries, assess.EvaluateFile(f.name, f.data, ref, at))
		}
		if show && ((i+1)%progressEvery == 0 || i+1 == len(files)) {
			fmt.Fprintf(stderr, "%s / %s fichiers évalués\n", frenchInt(i+1), frenchInt(len(files)))
		}
	}
	return entries
}

// frenchInt writes an integer with its thousands grouped by a no-break space.
func frenchInt(n int) string {
	s := clsm.FrenchCount(n, "", "")
	return strings.TrimSuffix(s, "\u00a0")
}

// loadReferential returns the referential named by the flag: a built-in ID,
// or a file. Without the flag it takes the referential of the dossiers'
// region when all the readable ones share a region that has one, and the
// national baseline otherwise.
func loadReferential(name string, files []file) (*labels.Referential, error) {
	if name == "" {
		name = "national"
		regions := map[string]bool{}
		for _, f := range files {
			if f.err != nil {
				continue
			}
			if d, err := clsm.Parse(f.data); d != nil && (err == nil || d.Territory.Department != "") {
				if r, ok := d.Territory.Department.Region(); ok {
					regions[r.Code] = true
				}
			}
		}
		if len(regions) == 1 {
			for code := range regions {
				name = labels.ForRegion(code).ID
			}
		}
	}
	if _, ok := labels.BuiltinJSON(name); ok {
		return labels.Builtin(name)
	}
	if !strings.ContainsAny(name, "./\\") {
		return nil, fmt.Errorf("Référentiel « %s » inconnu : %s, ou le chemin d'un fichier JSON.", assess.Inert(name), strings.Join(labels.BuiltinIDs(), ", "))
	}
	data, err := readfile.Read(name)
	if err != nil {
		return nil, fmt.Errorf("Le référentiel « %s » ne peut pas être lu : %s.", assess.Inert(name), readfile.Reason(err))
	}
	ref, err := labels.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("Le référentiel « %s » ne peut pas être utilisé :\n%s", assess.Inert(name), err.Error())
	}
	return ref, nil
}

// flagError says in French what the flag package found wrong on the command
// line (its own messages are English and are not shown).
func flagError(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "Option inconnue : " + assess.Inert(name)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return "L'option " + assess.Inert(name) + " attend une valeur."
	}
	return "Ligne de commande incorrecte."
}

// usage writes, in French, how to call the command.
func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage : region [-r référentiel] [-at AAAA-MM-JJ] [-format text|md|html|csv|json] [-before RÉPERTOIRE] RÉPERTOIRE|FICHIERS…")
	fmt.Fprintln(w, "  -r       référentiel : "+strings.Join(labels.BuiltinIDs(), ", ")+", ou le chemin d'un fichier JSON (par défaut : celui de la région des dossiers, sinon national)")
	fmt.Fprintln(w, "  -at      date d'évaluation AAAA-MM-JJ (par défaut : aujourd'hui)")
	fmt.Fprintln(w, "  -format  text, md, html, csv ou json (par défaut : text)")
	fmt.Fprintln(w, "  -before  dossiers de l'an dernier : un répertoire, ou des fichiers séparés par des virgules")
}
