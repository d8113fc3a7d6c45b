// Package documents writes, from a CLSM's dossier, the documents its
// referential asks it to file: for the ARS Île-de-France, the yearly bilan of
// its actions, the result indicators annexed to its financing convention and
// the biennial evaluation of its members' appropriation (cahier des charges
// des CLSM de l'ARS Île-de-France, §12), and the summary of an application
// section by section of the cahier.
//
// A referential declares its documents ([labels.Deliverable]); this package
// fills them with everything the dossier holds and leaves marked places for
// the rest: « À rédiger par le CLSM » where only people can write (the
// projects achieved, the difficulties met), « Non renseigné » where the
// dossier does not answer. It never invents a figure or a sentence, and a
// blank is never written as 0 or « non ». Removing an answer from a dossier
// never removes a heading or a table row from a document: the value becomes
// a marked blank.
//
// A [Document] is a structured value (sections, paragraphs, lists, tables,
// blanks); [WriteODT], [WriteHTML] and [WriteMarkdown] write it as an
// OpenDocument text, a printable A4 HTML page and Markdown. Every text of the
// dossier or of the referential they write is made inert first, as the
// reports are (see assess.Inert).
//
// The package is not for assessing a dossier (see assess), nor for drafting
// the texts people write: it prepares their place.
package documents

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// The texts of the marked blanks.
const (
	// ToWrite marks a place only people can fill: what the CLSM writes.
	ToWrite = "À rédiger par le CLSM"
	// Unanswered marks a value the dossier does not give.
	Unanswered = "Non renseigné"
)

// Blank says whether a [Span] is a marked blank, and which.
type Blank string

// The kinds of blank.
const (
	NotBlank        Blank = ""
	BlankToWrite    Blank = "to_write"
	BlankUnanswered Blank = "unanswered"
)

// Span is a piece of text: written from the dossier or the referential, or,
// when Blank is set, a marked blank whose Text is [ToWrite] or [Unanswered].
type Span struct {
	Text  string `json:"text"`
	Blank Blank  `json:"blank,omitzero"`
}

// IsBlank reports whether the span is a marked blank.
func (s Span) IsBlank() bool { return s.Blank != NotBlank }

func text(s string) Span { return Span{Text: s} }

var (
	unanswered = Span{Text: Unanswered, Blank: BlankUnanswered}
	toWrite    = Span{Text: ToWrite, Blank: BlankToWrite}
)

// BlockKind is what a [Block] is.
type BlockKind string

// The kinds of block.
const (
	KindParagraph BlockKind = "paragraph"
	KindList      BlockKind = "list"
	KindTable     BlockKind = "table"
)

// Block is a paragraph (Spans), a bulleted list (Items) or a table.
type Block struct {
	Kind  BlockKind `json:"kind"`
	Spans []Span    `json:"spans,omitzero"`
	Items [][]Span  `json:"items,omitzero"`
	Table *Table    `json:"table,omitzero"`
	// Note marks a paragraph that cites a source or explains the document,
	// written smaller.
	Note bool `json:"note,omitzero"`
}

// Table is a table with a header row; every row has as many cells as the
// header.
type Table struct {
	Caption string   `json:"caption"`
	Header  []string `json:"header"`
	Rows    [][]Span `json:"rows"`
}

// Section is a section of a document: a heading and its blocks.
type Section struct {
	Heading string  `json:"heading"`
	Blocks  []Block `json:"blocks"`
}

// Document is one document a CLSM files, written from its dossier.
type Document struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Purpose string `json:"purpose"`
	// CLSM is the CLSM's name, or a blank.
	CLSM        Span      `json:"clsm"`
	Referential string    `json:"referential"`
	Date        clsm.Date `json:"date"`
	// Baseline is the date last year's figures are counted at, when a
	// baseline dossier is given.
	Baseline clsm.Date `json:"baseline,omitzero"`
	// Source cites the text that asks for the document.
	Source   string    `json:"source"`
	Sections []Section `json:"sections"`
}

// Request is what documents are written from.
type Request struct {
	Dossier     *clsm.Dossier
	Referential *labels.Referential
	// At is the evaluation date: meetings are counted over the twelve
	// months before it, and the findings of the application summary are
	// those of that day.
	At time.Time
	// Baseline is last year's dossier, optional: the indicator tables then
	// show last year's value (counted a year before At), this year's and
	// the change.
	Baseline *clsm.Dossier
}

// Listing is the documents a referential asks for at a dossier's stage.
type Listing struct {
	Referential string               `json:"referential"`
	Stage       clsm.Stage           `json:"stage,omitzero"`
	Documents   []labels.Deliverable `json:"documents"`
	// Note says, in French, why the list is empty, or that the stage is
	// not given and every document of the referential is listed.
	Note string `json:"note,omitzero"`
}

// ErrUnknownDocument is the error, wrapped, of [Write] for an ID the
// referential does not declare.
var ErrUnknownDocument = errors.New("Document inconnu")

// ErrNoReferential is the error, wrapped, of [List] and [Write] without a
// referential.
var ErrNoReferential = errors.New("Aucun référentiel")

// List returns the documents the request's referential asks for at its
// dossier's stage; for a dossier whose stage is not given, every document of
// the referential, with a note that says so.
func List(req Request) (*Listing, error) {
	if req.Referential == nil {
		return nil, fmt.Errorf("%w\u00a0: choisissez le référentiel de votre ARS", ErrNoReferential)
	}
	if req.Dossier == nil {
		req.Dossier = &clsm.Dossier{}
	}
	ref := req.Referential
	l := &Listing{Referential: ref.Name, Stage: req.Dossier.Stage}
	if l.Stage == "" {
		l.Documents = append([]labels.Deliverable{}, ref.Deliverables...)
		l.Note = "Le stade du CLSM n'est pas renseigné\u00a0: voici tous les documents que ce référentiel demande, quel que soit le stade."
	} else {
		l.Documents = deliverablesAt(ref, l.Stage)
		if l.Documents == nil {
			l.Documents = []labels.Deliverable{}
		}
	}
	if len(l.Documents) == 0 {
		l.Note = fmt.Sprintf("Le référentiel «\u00a0%s\u00a0» ne nomme aucun document à déposer au stade «\u00a0%s\u00a0»\u00a0: ses sources ne le disent pas. Demandez à votre ARS ce qu'elle attend.", assess.Inert(ref.Name), l.Stage.Label())
		if l.Stage == "" {
			l.Note = fmt.Sprintf("Le référentiel «\u00a0%s\u00a0» ne nomme aucun document à déposer\u00a0: ses sources ne le disent pas. Demandez à votre ARS ce qu'elle attend.", assess.Inert(ref.Name))
		}
	}
	return l, nil
}

// Write writes the document of the given ID for the request. The dossier
// (and the baseline, when given) must be valid: an invalid one gets
// assess's error with its problems, never a document.
func Write(req Request, id string) (*Document, error) {
	if req.Referential == nil {
		return nil, fmt.Errorf("%w\u00a0: choisissez le référentiel de votre ARS", ErrNoReferential)
	}
	if req.Dossier == nil {
		req.Dossier = &clsm.Dossier{}
	}
	del, ok := deliverable(req.Referential, id)
	if !ok {
		return nil, fmt.Errorf("%w\u00a0: le référentiel «\u00a0%s\u00a0» ne demande pas de document «\u00a0%s\u00a0»%s", ErrUnknownDocument, assess.Inert(req.Referential.Name), assess.Inert(id), known(req.Referential))
	}
	report, err := assess.Evaluate(req.Dossier, req.Referential, req.At)
	if err != nil {
		return nil, err
	}
	if req.Baseline != nil {
		if err := req.Baseline.Validate(); err != nil {
			return nil, fmt.Errorf("Le dossier de l'année précédente contient des erreurs\u00a0: %w", err)
		}
	}
	return build(req, del, report), nil
}

// WriteAll writes every document of the listing.
func WriteAll(req Request) ([]*Document, error) {
	l, err := List(req)
	if err != nil {
		return nil, err
	}
	var out []*Document
	for _, d := range l.Documents {
		doc, err := Write(req, d.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, doc)
	}
	return out, nil
}

func known(ref *labels.Referential) string {
	if len(ref.Deliverables) == 0 {
		return "\u00a0; il n'en nomme aucun"
	}
	s := "\u00a0; ses documents\u00a0: "
	for i, d := range ref.Deliverables {
		if i > 0 {
			s += ", "
		}
		s += d.ID
	}
	return s
}

// deliverablesAt returns the documents the referential asks for at the
// given stage, in the referential's order.
func deliverablesAt(ref *labels.Referential, s clsm.Stage) []labels.Deliverable {
	var out []labels.Deliverable
	for _, d := range ref.Deliverables {
		if slices.Contains(d.Stages, s) {
			out = append(out, d)
		}
	}
	return out
}

// deliverable returns the document of the given ID.
func deliverable(ref *labels.Referential, id string) (labels.Deliverable, bool) {
	for _, d := range ref.Deliverables {
		if d.ID == id {
			return d, true
		}
	}
	return labels.Deliverable{}, false
}
