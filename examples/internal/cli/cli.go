// Package cli holds what the example commands (assess, region) share on
// their command line: options among the files, French messages for the
// flag package's errors, suggestions for a typing slip, the detection of a
// piped standard input and the version text.
package cli

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strings"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/suggest"
	"github.com/clsmkit/go-clsm/labels"
)

// ParseInterspersed parses the options wherever they are among the files
// (assess mon.json -format md), as the go command does, and returns the
// files; after "--", every argument is a file.
func ParseInterspersed(flags *flag.FlagSet, args []string) (files []string, err error) {
	for {
		if err := flags.Parse(args); err != nil {
			return nil, err
		}
		rest := flags.Args()
		if len(rest) == 0 {
			return files, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(files, rest...), nil
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}

// Suggest returns the candidate nearest to s when it is near enough to be a
// typing slip: at most one edit for a short word, two for a longer one (an
// edit is a letter added, removed, changed, or two neighbours swapped).
func Suggest(s string, candidates []string) (string, bool) { return suggest.Nearest(s, candidates) }

// EditDistance is the optimal string alignment distance between a and b,
// counted in runes.
func EditDistance(a, b string) int { return suggest.EditDistance(a, b) }

// FlagError says in French what the flag package found wrong on the command
// line; an option or a value it quotes goes through assess.Inert.
func FlagError(err error) string {
	msg := err.Error()
	cut := func(prefix string) (string, bool) {
		rest, ok := strings.CutPrefix(msg, prefix)
		return assess.Inert(rest), ok
	}
	if name, ok := cut("flag provided but not defined: "); ok {
		return "Option inconnue\u00a0: " + name
	}
	if name, ok := cut("flag needs an argument: "); ok {
		return "L'option " + name + " attend une valeur."
	}
	if arg, ok := cut("bad flag syntax: "); ok {
		return "Option mal écrite\u00a0: " + arg
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

// StdinIsTerminal reports whether the process's standard input is a
// terminal, or another character device such as /dev/null: nothing was
// piped or redirected to it, and the command does not wait on it.
func StdinIsTerminal() bool {
	info, err := os.Stdin.Stat()
	return err != nil || info.Mode()&os.ModeCharDevice != 0
}

// VersionText says which version of the module the command was built from
// ("(devel)" when the build does not say, as for go run in a checkout) and
// which versions of the formats it reads and writes.
func VersionText(command string, info *debug.BuildInfo, ok bool) string {
	version, goVersion := "(devel)", ""
	if ok && info != nil {
		if v := info.Main.Version; v != "" {
			version = v
		}
		goVersion = info.GoVersion
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s (github.com/clsmkit/go-clsm) %s\n", command, assess.Inert(version))
	fmt.Fprintf(&b, "Formats\u00a0: dossier version %d, référentiel version %d, rapport version %d, synthèse régionale version %d\n", clsm.SchemaVersion, labels.ReferentialVersion, assess.ReportVersion, assess.RegionalVersion)
	if goVersion != "" {
		fmt.Fprintf(&b, "Compilé avec %s\n", assess.Inert(goVersion))
	}
	return b.String()
}
