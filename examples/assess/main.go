// Command assess assesses a CLSM dossier against a referential and prints the
// report.
//
//	go run ./examples/assess [-r idf|occitanie|hdf|national|FICHIER] [-format text|md|html|json] [-at AAAA-MM-JJ] [dossier.json | -]
//	go run ./examples/assess [-r …] [-at …] -document list|bilan|annexe|evaluation|demande [-format odt|html|md] [-baseline ANNEE-PRECEDENTE.json] [dossier.json | -]
//
// With -document, it writes instead of the report one of the documents the
// referential asks the CLSM to file (package documents) on standard output:
// an OpenDocument text (-format odt: redirect it to a file), a printable
// HTML page or Markdown (the default); -baseline gives last year's dossier,
// whose figures the indicator tables show beside this year's. -document list
// names the documents the referential asks for at the dossier's stage, with
// their purpose.
//
// The options may come before or after the dossier (assess mon.json -format
// md); after "--", every argument is a file. "-" reads the dossier from
// standard input, and so does a command given no dossier when its standard
// input is not a terminal (cat mon.json | assess). Given neither a dossier
// nor an input (a terminal, or a device such as /dev/null), it assesses an
// example dossier embedded in the program, so a newcomer sees a real report
// at once, and says so on standard error. The evaluation date defaults to
// today. Format names are read whatever their case, and a misspelt one gets
// a suggestion. -h prints the usage on standard output and exits 0; -version
// prints the module's version and the versions of the formats it reads and
// writes.
//
// Exit codes: 0 the CLSM is ready to apply (prêt à déposer), or, with
// -document, the document or the list is written; 1 it is not yet
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
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/documents"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/examples/internal/cli"
	"github.com/clsmkit/go-clsm/examples/internal/readfile"
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
	os.Exit(run(os.Args[1:], input{os.Stdin, cli.StdinIsTerminal}, os.Stdout, os.Stderr, time.Now()))
}

// input is the command's standard input, and whether it is a terminal:
// injected, so that the tests choose without one.
type input struct {
	io.Reader
	isTerminal func() bool
}

// run is the whole command, with its inputs and outputs injected so that
// tests run it without a process and at a fixed date.
func run(args []string, stdin input, stdout, stderr io.Writer, today time.Time) int {
	flags := flag.NewFlagSet("assess", flag.ContinueOnError)
	// The flag package writes its errors and its usage in English: it
	// writes nothing here, run writes them in French.
	flags.SetOutput(io.Discard)
	flags.Usage = func() {}
	refFlag := flags.String("r", "", "référentiel\u00a0: "+strings.Join(labels.BuiltinIDs(), ", ")+", ou le chemin d'un fichier JSON (par défaut\u00a0: celui de la région du dossier, sinon national)")
	format := flags.String("format", "text", "format du rapport\u00a0: text, md, html ou json, en majuscules ou minuscules (par défaut\u00a0: text)\u00a0; d'un document (-document)\u00a0: odt, html ou md (par défaut\u00a0: md)")
	atFlag := flags.String("at", "", "date d'évaluation AAAA-MM-JJ (par défaut\u00a0: aujourd'hui)")
	version := flags.Bool("version", false, "affiche la version du programme et celles des formats, puis s'arrête")
	docFlag := flags.String("document", "", "au lieu du rapport, écrit un document à déposer : list pour la liste de ceux que le référentiel demande au stade du dossier, ou son identifiant (bilan, annexe, evaluation, demande…)")
	baseFlag := flags.String("baseline", "", "avec -document : le dossier de l'année précédente, dont les indicateurs sont repris à côté de ceux de cette année")
	files, err := cli.ParseInterspersed(flags, args)
	if errors.Is(err, flag.ErrHelp) {
		usage(stdout, flags)
		return exitReady
	}
	if err != nil {
		fmt.Fprintln(stderr, cli.FlagError(err))
		usage(stderr, flags)
		return exitBadInput
	}
	if *version {
		fmt.Fprint(stdout, versionText(debug.ReadBuildInfo()))
		return exitReady
	}
	if len(files) > 1 {
		fmt.Fprintf(stderr, "Un seul dossier à la fois (%s donnés).\n", clsm.FrenchCount(len(files), "fichier", "fichiers"))
		return exitBadInput
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
	formatSet := false
	flags.Visit(func(f *flag.Flag) { formatSet = formatSet || f.Name == "format" })
	var f assess.Format
	var docFormat documents.Format
	if *docFlag != "" {
		docFormat, err = parseDocumentFormat(*format, formatSet)
	} else {
		if *baseFlag != "" {
			fmt.Fprintln(stderr, "L'option -baseline ne sert qu'avec -document (le dossier de l'année précédente, pour les indicateurs d'un document).")
			return exitBadInput
		}
		f, err = parseFormat(*format)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitBadInput
	}

	name := ""
	if len(files) == 1 {
		name = files[0]
	} else if !stdin.isTerminal() {
		name = "-" // cat mon.json | assess
	}
	data, source, err := readDossier(name, stdin)
	if err != nil {
		fmt.Fprintln(stderr, assess.Inert(err.Error()))
		return exitBadInput
	}
	if name == "" {
		fmt.Fprintf(stderr, "Aucun dossier donné\u00a0: évaluation du dossier %s (donnez un fichier, ou « - » pour lire l'entrée standard).\n", source)
	}
	d, err := clsm.Parse(data)
	if err != nil {
		printProblems(stderr, "Dossier à corriger\u00a0: le dossier "+source+" contient des erreurs\u00a0:", err)
		return exitBadInput
	}
	ref, err := loadReferential(*refFlag, d)
	if err != nil {
		printProblems(stderr, "Le référentiel ne peut pas être utilisé\u00a0:", err)
		return exitBadInput
	}
	if *docFlag != "" {
		return writeDocument(stdout, stderr, documentJob{id: *docFlag, format: docFormat, baseline: *baseFlag, dossier: d, ref: ref, at: at})
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

// parseFormat reads a report format whatever its case; a misspelt one gets
// the nearest format as a suggestion.
func parseFormat(name string) (assess.Format, error) {
	var names []string
	for _, f := range assess.Formats() {
		if strings.EqualFold(name, string(f)) {
			return f, nil
		}
		names = append(names, string(f))
	}
	if alias, ok := formatAliases[strings.ToLower(name)]; ok {
		return alias, nil
	}
	quoted := assess.Inert(name)
	if s, ok := cli.Suggest(strings.ToLower(name), names); ok {
		return "", fmt.Errorf("Format « %s » inconnu\u00a0: vouliez-vous dire « %s »\u00a0? Formats\u00a0: text, md, html ou json.", quoted, s)
	}
	return "", fmt.Errorf("Format « %s » inconnu\u00a0: text, md, html ou json.", quoted)
}

// formatAliases are other names people give the formats.
var formatAliases = map[string]assess.Format{"markdown": assess.FormatMarkdown, "txt": assess.FormatText, "texte": assess.FormatText, "htm": assess.FormatHTML}

// versionText says which version of the module the program was built from
// and which versions of the formats it reads and writes.
func versionText(info *debug.BuildInfo, ok bool) string { return cli.VersionText("assess", info, ok) }

func readDossier(arg string, stdin io.Reader) (data []byte, source string, err error) {
	switch arg {
	case "":
		data, _ := examples.Dossier(defaultExample)
		return data, "d'exemple « " + defaultExample + " »", nil
	case "-":
		data, err := io.ReadAll(io.LimitReader(stdin, clsm.MaxSize+1))
		if err != nil {
			return nil, "", fmt.Errorf("L'entrée standard ne peut pas être lue\u00a0: %s.", readfile.Reason(err))
		}
		if len(data) == 0 {
			return nil, "", errors.New("Rien n'a été lu sur l'entrée standard\u00a0: donnez le dossier en argument (assess mon-dossier.json), ou envoyez-le sur l'entrée standard (cat mon-dossier.json | assess).")
		}
		return data, "lu sur l'entrée standard", nil
	}
	data, err = readfile.Read(arg)
	if err != nil {
		return nil, "", fmt.Errorf("Le dossier « %s » ne peut pas être lu\u00a0: %s.", assess.Inert(arg), readfile.Reason(err))
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
	if !strings.ContainsAny(name, "./\\") {
		// A built-in referential, whatever the case of its ID.
		ref, err := labels.Builtin(strings.ToLower(name))
		if !errors.Is(err, labels.ErrUnknownReferential) {
			return ref, err
		}
		ids := strings.Join(labels.BuiltinIDs(), ", ")
		if s, ok := cli.Suggest(strings.ToLower(name), labels.BuiltinIDs()); ok {
			return nil, fmt.Errorf("référentiel « %s » inconnu\u00a0: vouliez-vous dire « %s »\u00a0? Référentiels\u00a0: %s, ou le chemin d'un fichier JSON", assess.Inert(name), s, ids)
		}
		return nil, fmt.Errorf("référentiel « %s » inconnu\u00a0: %s, ou le chemin d'un fichier JSON", assess.Inert(name), ids)
	}
	data, err := readfile.Read(name)
	if err != nil {
		return nil, fmt.Errorf("le fichier « %s » ne peut pas être lu\u00a0: %s", assess.Inert(name), readfile.Reason(err))
	}
	return labels.Parse(data)
}

// documentJob is what -document asks for.
type documentJob struct {
	id, baseline string
	format       documents.Format
	dossier      *clsm.Dossier
	ref          *labels.Referential
	at           time.Time
}

// writeDocument writes the list of the documents the referential asks for,
// or one of them.
func writeDocument(stdout, stderr io.Writer, job documentJob) int {
	req := documents.Request{Dossier: job.dossier, Referential: job.ref, At: job.at}
	if job.baseline != "" {
		data, err := readfile.Read(job.baseline)
		if err != nil {
			fmt.Fprintf(stderr, "Le dossier de l'année précédente « %s » ne peut pas être lu\u00a0: %s.\n", assess.Inert(job.baseline), readfile.Reason(err))
			return exitBadInput
		}
		req.Baseline, err = clsm.Parse(data)
		if err != nil {
			printProblems(stderr, "Dossier à corriger\u00a0: le dossier de l'année précédente « "+job.baseline+" » contient des erreurs\u00a0:", err)
			return exitBadInput
		}
	}
	if strings.EqualFold(job.id, "list") || strings.EqualFold(job.id, "liste") {
		l, err := documents.List(req)
		if err != nil {
			fmt.Fprintln(stderr, assess.Inert(err.Error()))
			return exitBadInput
		}
		fmt.Fprintf(stdout, "Documents à déposer (%s)\u00a0:\n", assess.Inert(l.Referential))
		for _, d := range l.Documents {
			fmt.Fprintf(stdout, "  %s\t%s — %s\n", d.ID, assess.Inert(d.Title), strings.ReplaceAll(assess.Inert(d.Purpose), " :", "\u00a0:"))
		}
		if l.Note != "" {
			fmt.Fprintln(stdout, l.Note)
		}
		return exitReady
	}
	doc, err := documents.Write(req, strings.ToLower(job.id))
	if err != nil {
		var invalid *assess.InvalidDossierError
		if errors.As(err, &invalid) {
			printProblems(stderr, "Dossier à corriger\u00a0: le dossier contient des erreurs\u00a0:", invalid.Problems)
			return exitBadInput
		}
		fmt.Fprintln(stderr, assess.Inert(err.Error())+".")
		return exitBadInput
	}
	if err := documents.Render(stdout, doc, job.format); err != nil {
		fmt.Fprintln(stderr, assess.Inert(err.Error()))
		return exitBadInput
	}
	return exitReady
}

// parseDocumentFormat reads a document's format whatever its case: odt,
// html or md (the default).
func parseDocumentFormat(name string, set bool) (documents.Format, error) {
	if !set {
		return documents.FormatMarkdown, nil
	}
	switch strings.ToLower(name) {
	case "odt":
		return documents.FormatODT, nil
	case "html", "htm":
		return documents.FormatHTML, nil
	case "md", "markdown":
		return documents.FormatMarkdown, nil
	}
	return "", fmt.Errorf("Format de document « %s » inconnu\u00a0: odt, html ou md.", assess.Inert(name))
}

// usage writes, in French, how to call the command and its options.
func usage(w io.Writer, flags *flag.FlagSet) {
	fmt.Fprintln(w, "Usage\u00a0: assess [-r référentiel] [-format text|md|html|json] [-at AAAA-MM-JJ] [dossier.json | -]")
	fmt.Fprintln(w, "         assess [-r référentiel] [-at AAAA-MM-JJ] -document list|bilan|annexe|evaluation|demande [-format odt|html|md] [-baseline année-précédente.json] [dossier.json | -]")
	fmt.Fprintln(w, "         assess -version")
	fmt.Fprintln(w, "Sans dossier, assess lit l'entrée standard quand elle n'est pas un terminal (cat mon-dossier.json | assess),")
	fmt.Fprintln(w, "sinon il évalue un dossier d'exemple. Les options peuvent suivre le dossier.")
	fmt.Fprintln(w, "Codes de sortie\u00a0: 0 prêt (ou, avec -document, document écrit), 1 pas encore prêt, 2 entrée invalide.")
	values := map[string]string{"r": "référentiel", "format": "format", "at": "AAAA-MM-JJ", "document": "document", "baseline": "fichier"}
	flags.VisitAll(func(f *flag.Flag) {
		name := "-" + f.Name
		if v := values[f.Name]; v != "" {
			name += " " + v
		}
		fmt.Fprintf(w, "  %s\n    \t%s\n", name, f.Usage)
	})
}

// printProblems writes a list of problems; a problem may quote the dossier
// or the referential (an unknown key, a value), so every line goes through
// assess.Inert.
func printProblems(w io.Writer, intro string, err error) {
	fmt.Fprintln(w, assess.Inert(intro))
	if ps, ok := err.(clsm.Problems); ok {
		// A message names its answer (« « Stade » : … »): the path, for
		// whoever opens the file, comes after it, never as a second label.
		for _, p := range ps {
			where := p.Path
			if where == "" {
				where = "document"
			}
			fmt.Fprintln(w, assess.Inert(fmt.Sprintf("  - %s (%s) [%s]", p.Message, where, p.Code)))
		}
		return
	}
	fmt.Fprintln(w, assess.Inert(fmt.Sprintf("  - %v", err)))
}
