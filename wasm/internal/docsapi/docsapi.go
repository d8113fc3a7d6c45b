// Package docsapi answers the documents and document methods of package
// wasm (see package hook): the documents a referential asks a CLSM to file,
// written from its dossier. Importing it adds them to the complete checker;
// the form's checker does not import it.
package docsapi

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/documents"
	"github.com/clsmkit/go-clsm/wasm/internal/hook"
)

func init() {
	hook.Documents = func(args []string, resolve hook.Resolve) (any, *hook.Failure) {
		req, err := documentRequest(resolve, args[0], args[1], args[2], "")
		if err != nil {
			return nil, err
		}
		l, lerr := documents.List(req)
		if lerr != nil {
			return nil, &hook.Failure{Message: lerr.Error()}
		}
		return l, nil
	}
	hook.Document = document
}

// codeInvalidDossier is package wasm's CodeInvalidDossier.
const codeInvalidDossier = "invalid_dossier"

func problemsOf(err error) clsm.Problems {
	if ps, ok := err.(clsm.Problems); ok {
		return ps
	}
	return clsm.Problems{{Code: clsm.CodeError, Message: err.Error()}}
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// documentRequest reads what the documents methods take: a dossier, a
// referential, a date and, optionally, last year's dossier. A dossier that
// cannot be read or is invalid is an error with its problems, as assess
// answers it.
func documentRequest(resolve hook.Resolve, dossier, ref, date, baseline string) (documents.Request, *hook.Failure) {
	r, rerr := resolve(ref)
	if rerr != nil {
		return documents.Request{}, rerr
	}
	at, ok := clsm.Date(date).Time()
	if !ok {
		return documents.Request{}, &hook.Failure{Message: fmt.Sprintf("Date d'évaluation « %s » invalide : AAAA-MM-JJ attendu.", truncate(date, 40))}
	}
	d, err := clsm.Parse([]byte(dossier))
	if err != nil {
		return documents.Request{}, &hook.Failure{Code: codeInvalidDossier, Message: "Dossier à corriger : le document ne peut être écrit qu'à partir d'un dossier sans erreur.", Problems: problemsOf(err)}
	}
	req := documents.Request{Dossier: d, Referential: r, At: at}
	if baseline != "" {
		req.Baseline, err = clsm.Parse([]byte(baseline))
		if err != nil {
			return documents.Request{}, &hook.Failure{Code: codeInvalidDossier, Message: "Le dossier de l'année précédente contient des erreurs.", Problems: problemsOf(err)}
		}
	}
	return req, nil
}

// documentType is the media type of a document's format; "" for none.
func documentType(f documents.Format) string {
	switch f {
	case documents.FormatODT:
		return "application/vnd.oasis.opendocument.text"
	case documents.FormatHTML:
		return "text/html;charset=utf-8"
	case documents.FormatMarkdown:
		return "text/markdown;charset=utf-8"
	}
	return ""
}

// document answers the document method.
func document(args []string, resolve hook.Resolve) (any, *hook.Failure) {
	f := documents.Format(strings.ToLower(args[4]))
	if documentType(f) == "" {
		return nil, &hook.Failure{Message: fmt.Sprintf("Format de document « %s » inconnu : odt, html ou md.", truncate(assess.Inert(args[4]), 40))}
	}
	req, rerr := documentRequest(resolve, args[0], args[1], args[2], args[5])
	if rerr != nil {
		return nil, rerr
	}
	doc, err := documents.Write(req, args[3])
	if err != nil {
		return nil, &hook.Failure{Message: assess.Inert(err.Error()) + "."}
	}
	var b bytes.Buffer
	if err := documents.Render(&b, doc, f); err != nil {
		return nil, &hook.Failure{Message: err.Error()}
	}
	out := map[string]any{"id": doc.ID, "title": doc.Title, "fileName": documents.FileName(doc, f), "mediaType": documentType(f)}
	if f == documents.FormatODT {
		out["base64"] = base64.StdEncoding.EncodeToString(b.Bytes())
	} else {
		out["text"] = b.String()
	}
	return out, nil
}
