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
// The options may come before or after the files; after "--", every
// argument is a file. "-" reads one dossier from standard input, and so does
// a command given no file when its standard input is not a terminal
// (cat mon-dossier.json | region). Format names and referential IDs are
// read whatever their case, and a misspelt one gets a suggestion. -h, -help
// and --help print the usage on standard output and exit 0; -version prints
// the module's version and the versions of the formats.
//
// Exit codes, each said in French on standard error:
//
//   - 0: the report is written, and every file was assessed;
//   - 1: the report is written, but some files were set aside (unreadable,
//     not valid dossiers, or not dossiers at all, such as referentials):
//     they are listed in it with their problems;
//   - 2: bad input (an unknown option, no file, a directory that cannot be
//     read or holds no .json file, an unknown referential, date or format):
//     no report;
//   - 3: the report is written, but no file could be assessed: it lists
//     only files set aside.
//
// go run exits 1 for any non-zero code of the program; build the command
// (go build ./examples/region) to see its own code.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples/internal/cli"
	"github.com/clsmkit/go-clsm/examples/internal/readfile"
	"github.com/clsmkit/go-clsm/labels"
)

// Exit codes.
const (
	exitDone     = 0 // every file assessed
	exitSetAside = 1 // the report is written, some files set aside
	exitBadInput = 2 // no report
	exitNothing  = 3 // the report is written, no file assessed
)

// progressEvery is how many files pass between two progress lines.
const progressEvery = 100

func main() {
	info, err := os.Stderr.Stat()
	terminal := err == nil && info.Mode()&os.ModeCharDevice != 0
	os.Exit(run(os.Args[1:], input{os.Stdin, cli.StdinIsTerminal}, os.Stdout, os.Stderr, time.Now(), terminal))
}

// input is the command's standard input, and whether it is a terminal:
// injected, so that the tests choose without one.
type input struct {
	io.Reader
	isTerminal func() bool
}

// run is the whole command, its inputs, outputs, date and terminal injected
// so that tests run it without a process, at a fixed date, with or without
// progress.
func run(args []string, stdin input, stdout, stderr io.Writer, today time.Time, progress bool) int {
	flags := flag.NewFlagSet("region", flag.ContinueOnError)
	// The flag package writes its errors and its usage in English: it
	// writes nothing here, run writes them in French.
	flags.SetOutput(io.Discard)
	flags.Usage = func() {}
	refFlag := flags.String("r", "", "référentiel")
	format := flags.String("format", "text", "format")
	atFlag := flags.String("at", "", "date")
	before := flags.String("before", "", "dossiers de l'an dernier")
	version := flags.Bool("version", false, "version")
	args, err := cli.ParseInterspersed(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		usage(stdout)
		return exitDone
	}
	if err != nil {
		fmt.Fprintln(stderr, cli.FlagError(err))
		usage(stderr)
		return exitBadInput
	}
	if *version {
		info, ok := debug.ReadBuildInfo()
		fmt.Fprint(stdout, cli.VersionText("region", info, ok))
		return exitDone
	}
	at := today
	if *atFlag != "" {
		t, ok := clsm.Date(*atFlag).Time()
		if !ok {
			fmt.Fprintf(stderr, "Date d'évaluation « %s » invalide\u00a0: écrivez-la AAAA-MM-JJ, par exemple 2026-11-22.\n", assess.Inert(*atFlag))
			return exitBadInput
		}
		at = t
	}
	f, err := parseFormat(*format)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}
	if len(args) == 0 {
		if stdin.isTerminal() {
			fmt.Fprintln(stderr, "Indiquez un répertoire de dossiers, des fichiers, ou « - » pour lire un dossier sur l'entrée standard.")
			usage(stderr)
			return exitBadInput
		}
		args = []string{"-"} // cat mon-dossier.json | region
	}
	names, err := listFiles(args)
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
		if slices.ContainsFunc(previous, func(r fileRef) bool { return r.path == "-" }) {
			fmt.Fprintln(stderr, "« -before » ne lit pas l'entrée standard\u00a0: donnez un répertoire ou des fichiers.")
			return exitBadInput
		}
	}
	// The files are read, assessed and dropped one at a time: only what
	// the regional report needs of each stays (assess.Aggregator). Without
	// -r, a first reading finds the dossiers' region. Standard input, which
	// reads once, is kept for the second reading (one dossier, at most
	// clsm.MaxSize).
	src := &reader{stdin: stdin}
	ref, why, err := loadReferential(*refFlag, func(add func(data []byte)) {
		for _, r := range names {
			if f := src.read(r); f.err == nil {
				add(f.data)
			}
		}
	})
	if err != nil {
		fmt.Fprintln(stderr, assess.Inert(err.Error()))
		return exitBadInput
	}
	choice := "" // why the dossiers' region chose the referential, said in the report too
	if *refFlag == "" {
		choice = why
		fmt.Fprintf(stderr, "Référentiel appliqué\u00a0: %s.\n%s\n", assess.Inert(ref.Name), assess.Inert(why))
	} else {
		fmt.Fprintf(stderr, "Référentiel appliqué\u00a0: %s (%s).\n", assess.Inert(ref.Name), assess.Inert(why))
	}

	// With -before, the entries are kept for the comparison, without their
	// dossiers.
	keep := previous != nil
	g, entries, err := evaluate(names, src, ref, at, stderr, progress, keep)
	if err != nil {
		fmt.Fprintln(stderr, assess.Inert(err.Error()))
		return exitBadInput
	}
	report := g.ReportFor(ref, at)
	report.ReferentialChoice = choice
	if previous != nil {
		// Last year's files are assessed at this year's date minus one year,
		// against the same referential, so that only the answers differ.
		_, old, err := evaluate(previous, &reader{}, ref, at.AddDate(-1, 0, 0), stderr, progress, true)
		if err != nil {
			fmt.Fprintln(stderr, assess.Inert(err.Error()))
			return exitBadInput
		}
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
	assessed := report.Assessed
	aside := len(report.Invalid)
	switch {
	case assessed == 0:
		fmt.Fprintf(stderr, "Aucun fichier n'a pu être évalué\u00a0: %s.\n", setAside(aside, 0))
		return exitNothing
	case aside > 0:
		fmt.Fprintf(stderr, "Synthèse écrite, %s.\n", setAside(aside, report.Files))
		return exitSetAside
	}
	return exitDone
}

// setAside says, in French and with its agreement, that n files (of total,
// when not 0) were set aside and that the report lists them.
func setAside(n, total int) string {
	of := ""
	if total > 0 {
		of = " sur " + frenchInt(total)
	}
	if n == 1 {
		return "1\u00a0fichier" + of + " mis de côté (illisible, invalide, ou qui n'est pas un dossier de CLSM)\u00a0; la synthèse le liste avec ses problèmes"
	}
	return clsm.FrenchCount(n, "fichier", "fichiers") + of + " mis de côté (illisibles, invalides, ou qui ne sont pas des dossiers de CLSM)\u00a0; la synthèse les liste avec leurs problèmes"
}

// parseFormat reads a regional format whatever its case; a misspelt one
// gets the nearest format as a suggestion.
func parseFormat(name string) (assess.Format, error) {
	var names []string
	for _, f := range assess.RegionalFormats() {
		if strings.EqualFold(name, string(f)) {
			return f, nil
		}
		names = append(names, string(f))
	}
	list := "text, md, html, csv ou json"
	if s, ok := cli.Suggest(strings.ToLower(name), names); ok {
		return "", fmt.Errorf("Format « %s » inconnu\u00a0: vouliez-vous dire « %s »\u00a0? Formats\u00a0: %s.", assess.Inert(name), s, list)
	}
	return "", fmt.Errorf("Format « %s » inconnu\u00a0: %s.", assess.Inert(name), list)
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
	stdin := false
	for _, arg := range args {
		if arg == "-" {
			if stdin {
				return nil, errors.New("« - » (l'entrée standard) est donné deux fois\u00a0: elle ne se lit qu'une fois.")
			}
			stdin = true
			out = append(out, fileRef{"-", "entrée standard"})
			continue
		}
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

// reader reads the files one at a time, "-" from standard input, which it
// keeps once read: it is read once, and may be asked for twice.
type reader struct {
	stdin io.Reader
	kept  *file
}

// read reads one file; a file that cannot be read keeps its error and is
// reported, not dropped.
func (s *reader) read(r fileRef) file {
	if r.path != "-" {
		data, err := readfile.Read(r.path)
		return file{name: r.name, data: data, err: err}
	}
	if s.kept == nil {
		data, err := io.ReadAll(io.LimitReader(s.stdin, clsm.MaxSize+1))
		if err == nil && len(data) == 0 {
			err = errors.New("rien n'a été lu sur l'entrée standard")
		}
		s.kept = &file{name: r.name, data: data, err: err}
	}
	return *s.kept
}

// evaluate reads, assesses and adds every file to an aggregator, one at a
// time, writing a progress line every progressEvery files when asked to
// and when there are more than that. With keep, it also returns the
// entries, without their dossiers (for assess.CompareSets).
func evaluate(refs []fileRef, src *reader, ref *labels.Referential, at time.Time, stderr io.Writer, progress, keep bool) (*assess.Aggregator, []assess.Entry, error) {
	g := assess.NewAggregator()
	var entries []assess.Entry
	show := progress && len(refs) > progressEvery
	for i, r := range refs {
		f := src.read(r)
		var err error
		switch {
		case f.err != nil:
			e := assess.Entry{File: f.name, Problems: clsm.Problems{{Code: clsm.CodeUnreadable,
				Message: "Le fichier ne peut pas être lu : " + readfile.Reason(f.err) + "."}}}
			err = g.Add(e)
			if keep {
				entries = append(entries, e)
			}
		case keep:
			if g.Repeats(f.name, f.data) {
				break
			}
			e := assess.EvaluateFile(f.name, f.data, ref, at)
			e.Dossier = nil // the report says what the comparison needs
			err = g.Add(e)
			entries = append(entries, e)
		default:
			err = g.AddFile(f.name, f.data, ref, at)
		}
		if err != nil {
			return nil, nil, err
		}
		if show && ((i+1)%progressEvery == 0 || i+1 == len(refs)) {
			fmt.Fprintf(stderr, "%s / %s fichiers évalués\n", frenchInt(i+1), frenchInt(len(refs)))
		}
	}
	return g, entries, nil
}

// frenchInt writes an integer with its thousands grouped by a no-break space.
func frenchInt(n int) string {
	s := clsm.FrenchCount(n, "", "")
	return strings.TrimSuffix(s, "\u00a0")
}

// loadReferential returns the referential named by the flag: a built-in ID,
// whatever its case, or a file; and why it is the one applied, in French.
// Without the flag it takes the referential of the dossiers' region when all
// the readable ones share a region that has one, and the national baseline
// otherwise: each gives it the data of every file that can be read, one at
// a time (assess.RegionChooser).
func loadReferential(name string, each func(add func(data []byte))) (*labels.Referential, string, error) {
	why := "demandé par -r"
	if name == "" {
		var c assess.RegionChooser
		each(c.Add)
		ref, why := c.Choose()
		return ref, why, nil
	}
	if _, ok := labels.BuiltinJSON(strings.ToLower(name)); ok {
		ref, err := labels.Builtin(strings.ToLower(name))
		return ref, why, err
	}
	if !strings.ContainsAny(name, "./\\") {
		ids := strings.Join(labels.BuiltinIDs(), ", ")
		if s, ok := cli.Suggest(strings.ToLower(name), labels.BuiltinIDs()); ok {
			return nil, "", fmt.Errorf("Référentiel « %s » inconnu\u00a0: vouliez-vous dire « %s »\u00a0? Référentiels\u00a0: %s, ou le chemin d'un fichier JSON.", assess.Inert(name), s, ids)
		}
		return nil, "", fmt.Errorf("Référentiel « %s » inconnu\u00a0: %s, ou le chemin d'un fichier JSON.", assess.Inert(name), ids)
	}
	data, err := readfile.Read(name)
	if err != nil {
		return nil, "", fmt.Errorf("Le référentiel « %s » ne peut pas être lu\u00a0: %s.", assess.Inert(name), readfile.Reason(err))
	}
	ref, err := labels.Parse(data)
	if err != nil {
		return nil, "", fmt.Errorf("Le référentiel « %s » ne peut pas être utilisé\u00a0:\n%s", assess.Inert(name), err.Error())
	}
	return ref, "fichier " + name, nil
}

// usage writes, in French, how to call the command, its options and its
// exit codes.
func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage\u00a0: region [-r référentiel] [-at AAAA-MM-JJ] [-format text|md|html|csv|json] [-before RÉPERTOIRE] RÉPERTOIRE|FICHIERS…|-")
	fmt.Fprintln(w, "         region -version")
	fmt.Fprintln(w, "Sans fichier, region lit un dossier sur l'entrée standard quand elle n'est pas un terminal")
	fmt.Fprintln(w, "(cat mon-dossier.json | region). Les options peuvent suivre les fichiers.")
	fmt.Fprintln(w, "  -r       référentiel\u00a0: "+strings.Join(labels.BuiltinIDs(), ", ")+", ou le chemin d'un fichier JSON (par défaut\u00a0: celui de la région des dossiers, sinon national)")
	fmt.Fprintln(w, "  -at      date d'évaluation AAAA-MM-JJ (par défaut\u00a0: aujourd'hui)")
	fmt.Fprintln(w, "  -format  text, md, html, csv ou json, en majuscules ou minuscules (par défaut\u00a0: text)")
	fmt.Fprintln(w, "  -before  dossiers de l'an dernier\u00a0: un répertoire, ou des fichiers séparés par des virgules")
	fmt.Fprintln(w, "  -version la version du programme et celles des formats")
	fmt.Fprintln(w, "Codes de sortie\u00a0: 0 tous les fichiers évalués, 1 synthèse écrite mais des fichiers mis de côté,")
	fmt.Fprintln(w, "2 entrée incorrecte (pas de synthèse), 3 aucun fichier n'a pu être évalué.")
}
