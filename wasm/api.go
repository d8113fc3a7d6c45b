package wasm

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/wellformed"
	"github.com/clsmkit/go-clsm/labels"
	"github.com/clsmkit/go-clsm/schema"
	"github.com/clsmkit/go-clsm/wasm/internal/exemples"
	"github.com/clsmkit/go-clsm/wasm/internal/hook"
)

// Version is the checker's version, shown by the form.
const Version = "0.1.0"

// Error is the error half of an envelope: a French message and, for a bad
// dossier or referential, the list of problems with their paths.
type Error struct {
	// Code is "invalid_dossier" for a dossier that was read but has
	// validation problems: it gets them, never a verdict. Other errors have
	// no code.
	Code     string        `json:"code,omitempty"`
	Message  string        `json:"message"`
	Problems clsm.Problems `json:"problems,omitempty"`
}

// CodeInvalidDossier is the code of the error an invalid dossier gets from
// assess, render and compare.
const CodeInvalidDossier = "invalid_dossier"

// CodeDifferentReferentials is the code of the error compare gives for two
// dossiers assessed against different referentials: its message is that of
// assess.ErrDifferentReferentials.
const CodeDifferentReferentials = "different_referentials"

type envelope struct {
	Value any    `json:"value,omitempty"`
	Error *Error `json:"error,omitempty"`
}

// Methods lists the API, by name, with the number of string arguments each
// takes: the complete checker's ([Call], cmd/checker-full). The form's
// checker ([CallForm], cmd/checker) has all of them but those of [FullOnly].
var Methods = map[string]int{
	"version":       0,
	"referentials":  0,
	"questionnaire": 1, // referential
	"validate":      1, // dossier
	"upgrade":       1, // dossier
	"assess":        3, // dossier, referential, date
	"render":        4, // dossier, referential, date, format
	"schemas":       0,
	"examples":      0,
	"example":       1, // name
	// compare: before dossier, before referential, before date, after
	// dossier, after referential, after date. It assesses both and answers
	// {comparison, before, after}: assess.Compare's comparison and the two
	// verdicts (assess.Readiness).
	"compare": 6,
	// aggregate: files, referential, date. The files are a JSON object
	// {"files": {name: text}} or {"files": [{name, text}]}, or an array
	// [{name, text}]. It answers the regional report (see
	// assess.RegionalReport), as RenderRegional writes it in JSON.
	"aggregate": 3,
	// renderRegional: the regional report aggregate answered, and a format
	// (text, md, html, csv or json). It answers the rendered text.
	"renderRegional": 2,
	// The regional report one file at a time, as the regional page builds
	// it, never holding more than one file: regionStart (referential, date)
	// answers {session}; with the referential "auto", regionNote (session,
	// text) is given every file first, for the dossiers' region to choose
	// it; regionAdd (session, name, text) assesses one file and keeps only
	// what the report needs of it, answering {files}; regionReport
	// (session) answers the report, as aggregate does, and ends the
	// session; regionCancel (session) ends it without a report.
	"regionStart":  2,
	"regionNote":   2,
	"regionAdd":    3,
	"regionReport": 1,
	"regionCancel": 1,
	// documents and document are answered by package wasm/internal/docsapi
	// (see package hook), which the form's checker does not import.
	//
	// documents: dossier, referential, date. It answers the documents the
	// referential asks for at the dossier's stage (documents.Listing).
	"documents": 3,
	// document: dossier, referential, date, document ID, format (odt, html
	// or md) and last year's dossier ("" for none). It answers {id, title,
	// fileName, mediaType} and the document: "base64" for an ODT, "text"
	// for HTML and Markdown.
	"document": 6,
}

// FullOnly lists the methods the form's checker leaves out, which the form
// does not call: the regional view's (aggregate, renderRegional), the
// JSON Schemas (schemas) and the documents to file (documents, document),
// which the form asks the complete checker for when a person wants one. Left out, their code and the schemas are not in
// the form's download (90 KB less in gzip -9, 60 KB less in Brotli); the
// form's checker answers them with an error that names the complete one.
var FullOnly = map[string]bool{"aggregate": true, "renderRegional": true, "schemas": true, "documents": true, "document": true,
	"regionStart": true, "regionNote": true, "regionAdd": true, "regionReport": true, "regionCancel": true}

// FullChecker is the file name of the complete checker, beside the form's
// (checker.<hash>.wasm) in the site the site builder writes.
const FullChecker = "checker-full.wasm"

// MaxAggregateSize is the largest argument, in bytes, that aggregate and
// renderRegional take: many dossiers at once, each one still at most
// clsm.MaxSize.
const MaxAggregateSize = 512 << 20

// argLimit is the largest size of an argument of a method.
func argLimit(method string) int {
	switch method {
	case "aggregate", "renderRegional":
		return MaxAggregateSize
	case "regionNote", "regionAdd":
		// A file larger than a dossier may be is listed with its problem
		// (« trop volumineux »), never refused as an argument: the page
		// gives at most clsm.MaxSize + 1 bytes of it, which UTF-8 decoding
		// may lengthen.
		return 4 * clsm.MaxSize
	}
	return clsm.MaxSize
}

// Call runs one method of the API with its string arguments and returns the
// JSON envelope. A referential argument is either the ID of a built-in
// referential or the JSON of a custom one; a date is YYYY-MM-DD. Call never
// panics: an unexpected failure becomes an error envelope.
func Call(method string, args ...string) string { return call(dispatch, method, args) }

// CallForm is [Call] as the form's checker answers it: a method of
// [FullOnly] gets an error, in French, that says which checker has it. A
// program that calls CallForm and never Call does not link their code.
func CallForm(method string, args ...string) string { return call(dispatchForm, method, args) }

func call(dispatch func(method string, args []string) (any, *Error), method string, args []string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fail(fmt.Sprintf("Erreur interne du vérificateur (%s) : %v. Vos réponses sont conservées ; merci de signaler ce problème.", method, r), nil)
		}
	}()
	n, ok := Methods[method]
	if !ok {
		return fail(fmt.Sprintf("Méthode « %s » inconnue.", truncate(method, 40)), nil)
	}
	if len(args) != n {
		return fail(fmt.Sprintf("La méthode « %s » attend %s, et non %d.", method, clsm.FrenchCount(n, "argument", "arguments"), len(args)), nil)
	}
	for i, a := range args {
		if limit := argLimit(method); len(a) > limit {
			return fail(fmt.Sprintf("L'argument n° %d de « %s » est trop grand (%d octets ; au plus %d).", i+1, method, len(a), limit), nil)
		}
	}
	v, err := dispatch(method, args)
	if err != nil {
		return marshal(envelope{Error: err})
	}
	return marshal(envelope{Value: v})
}

// StaticData returns what the form needs before the checker is loaded, as one
// JSON document the site ships beside checker.wasm: the built-in
// referentials, the example dossiers and the questionnaire of each built-in
// referential, exactly as the API returns them, and the region of each
// department. The form shows its questions
// from it while the browser compiles the checker.
func StaticData() ([]byte, error) {
	out := map[string]any{}
	for _, m := range []string{"version", "referentials", "examples"} {
		v, err := dispatchForm(m, nil)
		if err != nil {
			return nil, fmt.Errorf("%s : %s", m, err.Message)
		}
		out[m] = v
	}
	qs := map[string]any{}
	for _, id := range labels.BuiltinIDs() {
		v, err := dispatchForm("questionnaire", []string{id})
		if err != nil {
			return nil, fmt.Errorf("questionnaire %s : %s", id, err.Message)
		}
		qs[id] = v
	}
	out["questionnaires"] = qs
	// Department → region, from clsm's reference data: the form switches an
	// imported dossier to its region's referential with it.
	type region struct {
		Code string `json:"code"`
		Name string `json:"name"`
	}
	deps := map[string]region{}
	for _, d := range clsm.Departments() {
		r, _ := d.Code.Region()
		deps[string(d.Code)] = region{Code: r.Code, Name: r.Name}
	}
	out["departments"] = deps
	return json.Marshal(out)
}

// dispatch runs a method of the complete checker.
func dispatch(method string, args []string) (any, *Error) {
	switch method {
	case "schemas":
		return map[string]json.RawMessage{"dossier": schema.Dossier, "referential": schema.Referential, "report": schema.Report}, nil
	case "aggregate":
		return aggregate(args[0], args[1], args[2])
	case "renderRegional":
		return renderRegional(args[0], args[1])
	case "regionStart", "regionNote", "regionAdd", "regionReport", "regionCancel":
		return sessions.call(method, args)
	case "render":
		return render(args, assess.Render)
	}
	m := hook.Documents
	if method == "document" {
		m = hook.Document
	}
	if m != nil && (method == "documents" || method == "document") {
		v, f := m(args, func(spec string) (*labels.Referential, *hook.Failure) {
			r, err := referential(spec)
			if err != nil {
				return nil, &hook.Failure{Code: err.Code, Message: err.Message, Problems: err.Problems}
			}
			return r, nil
		})
		if f != nil {
			return nil, &Error{Code: f.Code, Message: f.Message, Problems: f.Problems}
		}
		return v, nil
	}
	return dispatchForm(method, args)
}

// render answers the render method, with the report written by write: all
// the formats (assess.Render) in the complete checker, HTML only in the
// form's (renderHTMLOnly), which then does not link the other writers.
func render(args []string, write func(io.Writer, *assess.Report, assess.Format) error) (any, *Error) {
	r, err := evaluate(args[0], args[1], args[2])
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	if rerr := write(&b, r, assess.Format(args[3])); rerr != nil {
		return nil, &Error{Message: rerr.Error()}
	}
	return b.String(), nil
}

// renderHTMLOnly writes the report in HTML, and answers any other format
// with an error that names the complete checker.
func renderHTMLOnly(w io.Writer, r *assess.Report, f assess.Format) error {
	if f != assess.FormatHTML {
		return fmt.Errorf("Format «\u00a0%s\u00a0»\u00a0: le vérificateur du formulaire ne rend le rapport qu'en HTML, pour être plus léger\u00a0; le vérificateur complet, %s, le rend aussi en text, md et json (avec clsm.js\u00a0: load({ wasm: \"%s\" })).", truncate(assess.Inert(string(f)), 40), FullChecker, FullChecker)
	}
	return assess.RenderHTML(w, r)
}

// dispatchForm runs a method of the form's checker.
func dispatchForm(method string, args []string) (any, *Error) {
	switch method {
	case "version":
		return map[string]any{"version": Version, "go": runtime.Version(), "dossierVersion": clsm.SchemaVersion, "referentialVersion": labels.ReferentialVersion, "reportVersion": assess.ReportVersion}, nil
	case "referentials":
		return referentialList()
	case "questionnaire":
		ref, err := referential(args[0])
		if err != nil {
			return nil, err
		}
		return assess.NewQuestionnaire(ref), nil
	case "validate":
		_, err := clsm.Parse([]byte(args[0]))
		return map[string]any{"valid": err == nil, "problems": problemsOf(err)}, nil
	case "upgrade":
		out, from, err := clsm.Upgrade([]byte(args[0]))
		if out == nil {
			return nil, &Error{Message: "Le dossier ne peut pas être lu.", Problems: problemsOf(err)}
		}
		return map[string]any{"dossier": json.RawMessage(out), "from": from, "to": clsm.SchemaVersion, "problems": problemsOf(err)}, nil
	case "assess":
		r, err := evaluate(args[0], args[1], args[2])
		if err != nil {
			return nil, err
		}
		return map[string]any{"report": r, "problems": clsm.Problems{}}, nil
	case "render":
		return render(args, renderHTMLOnly)
	case "examples":
		var out []map[string]string
		for _, name := range exemples.Names() {
			data, _ := exemples.Dossier(name)
			var head struct {
				Name string `json:"name"`
			}
			_ = json.Unmarshal(data, &head)
			out = append(out, map[string]string{"id": name, "name": head.Name})
		}
		return out, nil
	case "example":
		data, ok := exemples.Dossier(args[0])
		if !ok {
			return nil, &Error{Message: fmt.Sprintf("Dossier d'exemple « %s » inconnu.", truncate(args[0], 60))}
		}
		return json.RawMessage(data), nil
	case "compare":
		return compare(args)
	}
	if FullOnly[method] {
		return nil, &Error{Message: fmt.Sprintf("La méthode «\u00a0%s\u00a0» n'est pas dans le vérificateur du formulaire, qui la laisse de côté pour être plus léger\u00a0: elle est dans le vérificateur complet, %s, à côté de lui (avec clsm.js\u00a0: load({ wasm: \"%s\" })).", method, FullChecker, FullChecker)}
	}
	return nil, &Error{Message: "Méthode inconnue."}
}

// evaluate reads the dossier and the referential and assesses. A dossier
// that cannot be read, or that has validation problems, is an error with its
// problems: an invalid dossier never gets a verdict (code invalid_dossier,
// « Dossier à corriger : N réponses invalides »).
func evaluate(dossier, ref, date string) (*assess.Report, *Error) {
	r, rerr := referential(ref)
	if rerr != nil {
		return nil, rerr
	}
	at, ok := clsm.Date(date).Time()
	if !ok {
		return nil, &Error{Message: fmt.Sprintf("Date d'évaluation « %s » invalide : AAAA-MM-JJ attendu.", truncate(date, 40))}
	}
	// One reading and one validation per answer typed: EvaluateJSON, not
	// Parse then Evaluate, which would validate twice.
	report, err := assess.EvaluateJSON([]byte(dossier), r, at)
	var invalid *assess.InvalidDossierError
	var unreadable clsm.Problems
	switch {
	case errors.As(err, &invalid):
		return nil, &Error{Code: CodeInvalidDossier, Message: invalid.Error(), Problems: invalid.Problems}
	case errors.As(err, &unreadable):
		return nil, &Error{Message: "Le dossier ne peut pas être lu.", Problems: unreadable}
	case err != nil:
		return nil, &Error{Message: err.Error()}
	}
	return report, nil
}

// compare assesses two dossiers, each against its referential at its date,
// and answers what changed from the first (before) to the second (after).
// An error says which dossier it is about; two referentials give the code
// different_referentials.
func compare(args []string) (any, *Error) {
	var reports [2]*assess.Report
	for i, d := range []struct{ adjective, when string }{{"premier", "avant"}, {"second", "après"}} {
		r, err := evaluate(args[3*i], args[3*i+1], args[3*i+2])
		if err != nil {
			if err.Code == CodeInvalidDossier {
				err.Message = fmt.Sprintf("Le %s dossier (%s) est à corriger\u00a0: %s.", d.adjective, d.when, clsm.FrenchCount(len(err.Problems), "réponse invalide", "réponses invalides"))
			} else {
				err.Message = fmt.Sprintf("%s dossier (%s)\u00a0: %s", wellformed.UpperFirst(d.adjective), d.when, wellformed.LowerFirst(err.Message))
			}
			return nil, err
		}
		reports[i] = r
	}
	c, err := assess.Compare(reports[0], reports[1])
	if errors.Is(err, assess.ErrDifferentReferentials) {
		return nil, &Error{Code: CodeDifferentReferentials, Message: err.Error()}
	}
	if err != nil {
		return nil, &Error{Message: err.Error()}
	}
	return map[string]any{"comparison": c, "before": reports[0].Readiness, "after": reports[1].Readiness}, nil
}

var custom struct {
	sync.Mutex
	spec string
	ref  *labels.Referential
}

// builtinRefs keeps the copy of each built-in referential that labels.Builtin
// gave this package, which never changes it: the form asks for one on every
// answer, and a copy costs a third of an evaluation.
var builtinRefs sync.Map // id -> *labels.Referential

// referential returns a built-in referential by ID, or parses a custom one
// given as JSON (the last one is kept, since the form sends it on every
// answer).
func referential(spec string) (*labels.Referential, *Error) {
	trimmed := strings.TrimSpace(spec)
	if !strings.HasPrefix(trimmed, "{") {
		if r, ok := builtinRefs.Load(trimmed); ok {
			return r.(*labels.Referential), nil
		}
		r, err := labels.Builtin(trimmed)
		if err != nil {
			return nil, &Error{Message: err.Error()}
		}
		actual, _ := builtinRefs.LoadOrStore(trimmed, r)
		return actual.(*labels.Referential), nil
	}
	custom.Lock()
	defer custom.Unlock()
	if custom.spec == spec && custom.ref != nil {
		return custom.ref, nil
	}
	r, err := labels.Parse([]byte(spec))
	if err != nil {
		return nil, &Error{Message: "Le référentiel personnalisé contient des erreurs.", Problems: problemsOf(err)}
	}
	custom.spec, custom.ref = spec, r
	return r, nil
}

// referentialList describes the built-in referentials in the order their
// files give (labels.Builtins), with what identifies each one. Listing them
// parses them all, once: the one the form then chooses is ready.
func referentialList() (any, *Error) {
	type item struct {
		ID      string   `json:"id"`
		Name    string   `json:"name"`
		Issuer  string   `json:"issuer"`
		Version string   `json:"version"`
		Summary string   `json:"summary"`
		Rules   int      `json:"rules"`
		Regions []string `json:"regions"`
		Default bool     `json:"default"`
		Partial bool     `json:"partial"`
	}
	out := []item{}
	for _, r := range labels.Builtins() {
		out = append(out, item{ID: r.ID, Name: r.Name, Issuer: r.Issuer, Version: r.Version, Summary: r.Summary, Rules: len(r.Rules),
			Regions: append([]string{}, r.Regions...), Default: r.Default, Partial: r.Partial()})
	}
	return out, nil
}

func problemsOf(err error) clsm.Problems {
	if err == nil {
		return clsm.Problems{}
	}
	if ps, ok := err.(clsm.Problems); ok {
		return ps
	}
	return clsm.Problems{{Code: clsm.CodeError, Message: err.Error()}}
}

func fail(msg string, ps clsm.Problems) string {
	return marshal(envelope{Error: &Error{Message: msg, Problems: ps}})
}

// marshal writes the envelope, an error's messages with the no-break spaces
// of French typography.
func marshal(e envelope) string {
	if e.Error != nil {
		french := *e.Error
		french.Message = wellformed.Spaces(french.Message)
		if e.Error.Problems != nil {
			french.Problems = make(clsm.Problems, len(e.Error.Problems))
			for i, p := range e.Error.Problems {
				p.Message = wellformed.Spaces(p.Message)
				french.Problems[i] = p
			}
		}
		e.Error = &french
	}
	data, err := json.Marshal(e)
	if err != nil {
		return `{"error":{"message":"Erreur interne : la réponse n'a pas pu être écrite."}}`
	}
	return string(data)
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// regionalFile is one file given to aggregate as an array item.
type regionalFile struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// readFiles reads the files argument of aggregate: {"files": {name: text}},
// {"files": [{name, text}]} or [{name, text}]. A name given twice gets
// « (2) », « (3) »… so that no file is dropped.
func readFiles(arg string) (map[string][]byte, *Error) {
	bad := &Error{Message: "Les fichiers à évaluer doivent être donnés en JSON\u00a0: {\"files\": {nom: texte}}, {\"files\": [{\"name\", \"text\"}]} ou [{\"name\", \"text\"}]."}
	raw := json.RawMessage(strings.TrimSpace(arg))
	if len(raw) > 0 && raw[0] == '{' {
		var wrap struct {
			Files json.RawMessage `json:"files"`
		}
		if json.Unmarshal(raw, &wrap) != nil || len(wrap.Files) == 0 {
			return nil, bad
		}
		raw = json.RawMessage(strings.TrimSpace(string(wrap.Files)))
	}
	out := map[string][]byte{}
	add := func(name string, text string) {
		key := name
		for n := 2; ; n++ {
			if _, taken := out[key]; !taken {
				break
			}
			key = fmt.Sprintf("%s (%d)", name, n)
		}
		out[key] = []byte(text)
	}
	switch {
	case len(raw) > 0 && raw[0] == '{':
		var m map[string]string
		if json.Unmarshal(raw, &m) != nil {
			return nil, bad
		}
		for name, text := range m {
			add(name, text)
		}
	case len(raw) > 0 && raw[0] == '[':
		var list []regionalFile
		if json.Unmarshal(raw, &list) != nil {
			return nil, bad
		}
		for i, f := range list {
			name := f.Name
			if strings.TrimSpace(name) == "" {
				name = fmt.Sprintf("fichier n°\u00a0%d", i+1)
			}
			add(name, f.Text)
		}
	default:
		return nil, bad
	}
	return out, nil
}

// AutoReferential is the referential argument of aggregate that asks for
// the referential of the dossiers' region (assess.ReferentialForFiles); the
// report says which was chosen and why (referentialChoice).
const AutoReferential = "auto"

// aggregate assesses many files against one referential at one date and
// answers the regional report, as assess.RenderRegional writes it in JSON
// (every text a person typed made inert). Unreadable and invalid files are
// listed in it with their problems, never dropped. With the referential
// AutoReferential (or none), the dossiers' region chooses it.
func aggregate(files, ref, date string) (any, *Error) {
	fs, ferr := readFiles(files)
	if ferr != nil {
		return nil, ferr
	}
	var r *labels.Referential
	var choice string
	if s := strings.TrimSpace(ref); s == "" || s == AutoReferential {
		r, choice = assess.ReferentialForFiles(fs)
	} else {
		var rerr *Error
		if r, rerr = referential(ref); rerr != nil {
			return nil, rerr
		}
	}
	at, ok := clsm.Date(date).Time()
	if !ok {
		return nil, &Error{Message: fmt.Sprintf("Date d'évaluation «\u00a0%s\u00a0» invalide\u00a0: AAAA-MM-JJ attendu.", truncate(date, 40))}
	}
	a, err := assess.AggregateFiles(fs, r, at)
	if err != nil {
		return nil, &Error{Message: err.Error()}
	}
	a.ReferentialChoice = choice
	var b strings.Builder
	if err := assess.RenderRegional(&b, a, assess.FormatJSON); err != nil {
		return nil, &Error{Message: err.Error()}
	}
	return json.RawMessage(b.String()), nil
}

// renderRegional renders a regional report that aggregate answered.
func renderRegional(report, format string) (any, *Error) {
	var a assess.RegionalReport
	if err := json.Unmarshal([]byte(report), &a); err != nil || a.SchemaVersion == 0 {
		return nil, &Error{Message: "La synthèse régionale à mettre en forme n'est pas lisible\u00a0: donnez celle que la méthode «\u00a0aggregate\u00a0» a renvoyée."}
	}
	if a.SchemaVersion != assess.RegionalVersion {
		return nil, &Error{Message: fmt.Sprintf("La synthèse régionale est au format %d\u00a0; ce vérificateur lit le format %d.", a.SchemaVersion, assess.RegionalVersion)}
	}
	var b strings.Builder
	if err := assess.RenderRegional(&b, &a, assess.Format(format)); err != nil {
		return nil, &Error{Message: err.Error()}
	}
	return b.String(), nil
}
