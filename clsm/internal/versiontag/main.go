// Command versiontag writes the struct tags of the dossier's schemaVersion
// field from the constants clsm.SchemaVersion and clsm.OldestSchemaVersion,
// so that raising the version is one edit plus "go generate ./...": the
// validator's bounds, the help text (and through them the JSON Schema, the
// browser's generated validation and the checker's data, which the form
// reads its dossier version from) all follow the constant.
//
// It runs from the clsm package's directory (go generate) and rewrites
// dossier.go in place; it reads the constants from the source, so that it
// works even when the package does not build.
package main

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strconv"
	"strings"
)

const file = "dossier.go"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "versiontag:", err)
		os.Exit(1)
	}
}

func run() error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	out, err := Rewrite(src)
	if err != nil {
		return err
	}
	if string(out) == string(src) {
		return nil
	}
	return os.WriteFile(file, out, 0o644)
}

// field matches the SchemaVersion field of the Dossier struct and its tags.
var field = regexp.MustCompile("(?m)^(\tSchemaVersion\\s+int\\s+)`[^`]*`")

// Rewrite returns src with the tags of the SchemaVersion field written from
// the constants SchemaVersion and OldestSchemaVersion declared in src.
func Rewrite(src []byte) ([]byte, error) {
	current, err := constant(src, "SchemaVersion")
	if err != nil {
		return nil, err
	}
	oldest, err := constant(src, "OldestSchemaVersion")
	if err != nil {
		return nil, err
	}
	if oldest < 1 || oldest > current {
		return nil, fmt.Errorf("OldestSchemaVersion (%d) must be between 1 and SchemaVersion (%d)", oldest, current)
	}
	if len(field.FindAllIndex(src, -1)) != 1 {
		return nil, fmt.Errorf("%s: expected one SchemaVersion int field with tags", file)
	}
	out := field.ReplaceAll(src, []byte("${1}"+strings.ReplaceAll(Tag(current, oldest), "$", "$$")))
	return format.Source(out)
}

// Tag is the struct tag of the schemaVersion field for a current version
// and the oldest one still read.
func Tag(current, oldest int) string {
	return fmt.Sprintf("`json:\"schemaVersion,omitzero\" validate:\"omitempty,gte=%d,lte=%d\" title:\"Version du format du dossier\" help:%q`",
		oldest, current, Help(current, oldest))
}

// Help is the French help text of the schemaVersion field.
func Help(current, oldest int) string {
	const nbsp = "\u00a0"
	if oldest == current {
		return fmt.Sprintf("Toujours %d pour ce format. Sans version, le dossier est lu au format %d.", current, current)
	}
	var older []string
	for v := oldest; v < current; v++ {
		older = append(older, strconv.Itoa(v))
	}
	formats := "au format " + older[0]
	if len(older) > 1 {
		formats = "aux formats " + strings.Join(older[:len(older)-1], ", ") + " et " + older[len(older)-1]
	}
	return fmt.Sprintf("%d pour ce format%s; les dossiers %s sont encore lus. Sans version, le dossier est lu au format %d.", current, nbsp, formats, current)
}

// constant reads the value of an integer constant declared in src.
func constant(src []byte, name string) (int, error) {
	f, err := parser.ParseFile(token.NewFileSet(), file, src, 0)
	if err != nil {
		return 0, err
	}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, n := range vs.Names {
				if n.Name != name || i >= len(vs.Values) {
					continue
				}
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || lit.Kind != token.INT {
					return 0, fmt.Errorf("%s must be an integer literal", name)
				}
				return strconv.Atoi(lit.Value)
			}
		}
	}
	return 0, fmt.Errorf("%s: constant %s not found", file, name)
}
