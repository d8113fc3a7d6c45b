package examples_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
)

// The functions below are the Go code of the README, word for word:
// TestREADMEQuotesTheseFunctions holds every ```go block of the README equal
// to one of them, and the examples run them, error paths included.

func evaluate(data []byte, refID string, lastYear *assess.Report, out io.Writer) error {
	d, err := clsm.Parse(data) // JSON strict : clé inconnue, null, type faux… → clsm.Problems
	if err != nil {            // illisible ou invalide : pas de dossier à évaluer
		var ps clsm.Problems
		if errors.As(err, &ps) {
			for _, p := range ps {
				fmt.Println(p.Code, p.Path, p.Message) // ex. insee /territory/communes/0 « … » n'est pas un code INSEE…
			}
		}
		return err
	}

	ref := labels.ForDossier(d) // le référentiel de la région du dossier, sinon le socle national
	if refID != "" {            // ou un référentiel nommé
		if ref, err = labels.Builtin(refID); err != nil {
			return err // errors.Is(err, labels.ErrUnknownReferential)
		}
	}
	at := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC) // la date d'évaluation : jamais l'horloge
	report, err := assess.Evaluate(d, ref, at)          // ou assess.EvaluateJSON(data, ref, at) : lire et évaluer d'un coup
	if err != nil {                                     // un dossier invalide : pas de rapport, ses problèmes
		return err // errors.Is(err, assess.ErrInvalidDossier), errors.As vers clsm.Problems
	}
	fmt.Println(report.Readiness.Label)                   // « Presque prêt »
	fmt.Println(report.Readiness.Caveat, report.Warnings) // référentiel partiel ; autre région
	if err := assess.Render(out, report, assess.FormatHTML); err != nil {
		return err // ou FormatText, FormatMarkdown, FormatJSON ; errors.Is(err, assess.ErrUnknownFormat)
	}

	if lastYear != nil {
		diff, err := assess.Compare(lastYear, report) // ce qui s'est amélioré, ce qui a reculé
		if err != nil {
			return err // errors.Is(err, assess.ErrDifferentReferentials)
		}
		fmt.Println(len(diff.Improved), "améliorées,", len(diff.Regressed), "en recul")
	}
	q := assess.NewQuestionnaire(ref) // les sections et questions du formulaire
	fmt.Println(len(q.Sections), "sections")
	return nil
}

func evaluateWithOwnRules(d *clsm.Dossier, at time.Time) (*assess.Report, error) {
	ref := &labels.Referential{SchemaVersion: 1, ID: "dd12", Name: "Aveyron", Issuer: "ARS Occitanie", Version: "1",
		Documents: []labels.Document{{ID: "cdc", Title: "Cahier des charges départemental"}},
		Rules: []labels.Rule{{ID: "dd12-copil", Check: "meetings.count",
			Params: map[string]json.RawMessage{"body": json.RawMessage(`"copil"`), "min": json.RawMessage(`3`)},
			Level:  labels.LevelRequired, Stages: []clsm.Stage{clsm.StageActive}, Source: "cdc", Section: "§2",
			Basis: labels.BasisARSRequirement, Quote: "Le comité de pilotage se réunit trois fois par an.", Modal: "se réunit",
			Requirement: "Trois réunions du comité de pilotage par an.", Advice: "Réunissez-le chaque trimestre."}}}
	if err := ref.Resolve(); err != nil { // vérification inconnue, paramètre mal typé, règle requise sans citation…
		return nil, err
	}
	// Après Resolve, une règle modifiée n'est plus résolue : appelez de nouveau Resolve.
	return assess.Evaluate(d, ref, at)
}

func readReferential(data []byte) (*labels.Referential, error) {
	ref, err := labels.Parse(data) // chaque problème est signalé avec son chemin : vérification inconnue,
	if err != nil {                // paramètre mal typé, identifiant en double, citation manquante, stade inconnu…
		return nil, err
	}
	return ref, nil
}

// The README's first program, on an example dossier of Île-de-France, then
// compared with the same dossier a year earlier.
func Example_readmeEvaluate() {
	data, _ := examples.Dossier("ile-de-france-montreuil-actif")
	d, _ := clsm.Parse(data)
	idf, _ := labels.Builtin("idf")
	lastYear, _ := assess.Evaluate(d, idf, time.Date(2025, 11, 22, 0, 0, 0, 0, time.UTC))
	err := evaluate(data, "", lastYear, io.Discard)
	fmt.Println(err)
	// Output:
	// Presque prêt
	//  []
	// 3 améliorées, 1 en recul
	// 18 sections
	// <nil>
}

// The README's first program on what it must refuse: a document that is not
// JSON, an invalid dossier, an unknown referential, a dossier of another
// referential than last year's.
func Example_readmeErrors() {
	for _, tt := range []struct {
		data  string
		refID string
	}{
		{`{"name": "CLSM`, ""},
		{`{"schemaVersion": 2, "stage": "actif"}`, ""},
		{`{}`, "occitani"},
	} {
		err := evaluate([]byte(tt.data), tt.refID, nil, io.Discard)
		fmt.Println(errors.Is(err, labels.ErrUnknownReferential), errors.As(err, new(clsm.Problems)))
	}
	data, _ := examples.Dossier("ile-de-france-montreuil-actif")
	d, _ := clsm.Parse(data)
	occ, _ := labels.Builtin("occitanie")
	lastYear, _ := assess.Evaluate(d, occ, time.Date(2025, 11, 22, 0, 0, 0, 0, time.UTC))
	err := evaluate(data, "", lastYear, io.Discard)
	fmt.Println(errors.Is(err, assess.ErrDifferentReferentials))
	// Output:
	// syntax  Le fichier n'est pas un JSON valide : il s'arrête avant la fin du dossier. Il a peut-être été tronqué ou modifié à la main.
	// false true
	// enum /stage « Où en est le CLSM ? » : « actif » n'est pas une valeur possible. Valeurs possibles : project = « En projet (démarche engagée, instances pas encore constituées) », constitution = « En constitution (convention signée ou coordonnateur en recrutement) », active = « Actif (instances réunies, plan d'action en œuvre) ».
	// false true
	// true false
	// Presque prêt
	//  []
	// true
}

// The README's referential written in Go, and the same referential read
// from a file with a fault.
func Example_readmeOwnRules() {
	d, _ := clsm.Parse([]byte(`{"schemaVersion": 2, "stage": "active", "createdOn": "2020-01-15", "copil": {"exists": true, "meetings": ["2026-03-10", "2026-10-02"]}}`))
	report, err := evaluateWithOwnRules(d, time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC))
	fmt.Println(report.Findings[0].Outcome.Label(), err)
	_, err = readReferential([]byte(`{"schemaVersion": 1, "id": "dd12"}`))
	var ps clsm.Problems
	fmt.Println(errors.As(err, &ps), len(ps) > 0)
	// Output:
	// Non respecté <nil>
	// true true
}

// TestREADMEQuotesTheseFunctions: every ```go block of the README is one of
// the functions of this file, as written here (tabs and comments included),
// and each function is quoted: what the README shows is what the examples
// compile and run.
func TestREADMEQuotesTheseFunctions(t *testing.T) {
	src, err := os.ReadFile("readme_test.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "readme_test.go", src, parser.ParseComments)
	require.NoError(t, err)
	funcs := map[string]string{}
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || strings.HasPrefix(fn.Name.Name, "Example") || strings.HasPrefix(fn.Name.Name, "Test") {
			continue
		}
		funcs[fn.Name.Name] = string(src[fset.Position(fn.Pos()).Offset:fset.Position(fn.End()).Offset])
	}
	require.Len(t, funcs, 3)

	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	require.NotEmpty(t, blocks)
	quoted := map[string]bool{}
	for _, b := range blocks {
		body := strings.TrimSuffix(b[1], "\n")
		name := regexp.MustCompile(`^func (\w+)\(`).FindStringSubmatch(body)
		if !assert.NotNil(t, name, "a ```go block of the README is not a function of examples/readme_test.go:\n%s", body) {
			continue
		}
		assert.Equal(t, funcs[name[1]], body, "the README's %s differs from examples/readme_test.go", name[1])
		quoted[name[1]] = true
	}
	for name := range funcs {
		assert.True(t, quoted[name], "examples/readme_test.go: %s is not in the README", name)
	}
}
