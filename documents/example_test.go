package documents_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/documents"
	"github.com/clsmkit/go-clsm/labels"
)

// Example lists the documents the ARS Île-de-France asks an active CLSM to
// file, and writes one in Markdown: what the dossier does not say is a
// marked blank, never a 0.
func Example() {
	d, err := clsm.Parse([]byte(`{"name": "CLSM d'Exempleville", "stage": "active",
	  "copil": {"exists": true, "meetings": ["2026-03-10", "2026-10-06"]}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	ref, _ := labels.Builtin("idf")
	req := documents.Request{Dossier: d, Referential: ref, At: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}
	l, _ := documents.List(req)
	for _, del := range l.Documents {
		fmt.Println(del.ID)
	}
	doc, err := documents.Write(req, "annexe")
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	documents.WriteMarkdown(&b, doc)
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.HasPrefix(line, "| Réunions du comité") || strings.HasPrefix(line, "| Situations examinées") {
			fmt.Println(line)
		}
	}
	// Output:
	// bilan
	// annexe
	// evaluation
	// demande
	// | Réunions du comité de pilotage sur les douze derniers mois | 2 |
	// | Situations examinées ces douze derniers mois | **Non renseigné** |
}

// ExampleWrite_unknown shows the error for a document the referential does
// not ask for.
func ExampleWrite_unknown() {
	ref, _ := labels.Builtin("occitanie")
	_, err := documents.Write(documents.Request{Dossier: &clsm.Dossier{}, Referential: ref, At: time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)}, "bilan")
	fmt.Fprintln(os.Stdout, err)
	// Output:
	// Document inconnu : le référentiel « Occitanie — CLSM et contrats locaux de santé » ne demande pas de document « bilan » ; il n'en nomme aucun
}
