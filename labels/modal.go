package labels

import (
	"maps"
	"slices"
	"strings"
)

// Modal words: how a text says what is owed. French administrative writing
// gives the present indicative an imperative value (« le comité de pilotage
// rassemble… », « il met en œuvre… »), like « doit »; « peut », « est
// recommandé » or « généralement » do not oblige. A rule's level follows the
// word its quote uses: [ModalLevels] says which levels each word allows, and
// the tests hold every built-in rule to it.

// ModalForce is the strength of a modal word.
type ModalForce string

// Forces of the modal words.
const (
	// ForceObligation: the text orders (« doit », « rassemble », « met en
	// œuvre », « ne financera… que si »): the rule is requis.
	ForceObligation ModalForce = "obligation"
	// ForceRecommendation: the text advises or allows (« recommande »,
	// « peut », « sera recherchée », « généralement »): recommandé or bonne
	// pratique, never requis.
	ForceRecommendation ModalForce = "recommendation"
	// ForceExample: the text gives an example (« par exemple »,
	// « notamment »): bonne pratique.
	ForceExample ModalForce = "example"
)

// modalWords classifies every modal word the built-in referentials quote. A
// word missing here makes the tests fail: classify it before using it.
var modalWords = map[string]ModalForce{
	// Obligation.
	"doit":                    ForceObligation,
	"devra":                   ForceObligation,
	"rassemble":               ForceObligation,
	"met en œuvre":            ForceObligation,
	"mettra":                  ForceObligation,
	"est mise en place":       ForceObligation,
	"se réunit":               ForceObligation,
	"préside":                 ForceObligation,
	"présidé":                 ForceObligation,
	"présidée":                ForceObligation,
	"est représentée":         ForceObligation,
	"sont partie prenante":    ForceObligation,
	"étroitement associé":     ForceObligation,
	"sera associé":            ForceObligation,
	"siégera":                 ForceObligation,
	"crée":                    ForceObligation,
	"ne financera":            ForceObligation,
	"prérequis":               ForceObligation,
	"il est nécessaire":       ForceObligation,
	"il faut":                 ForceObligation,
	"définit":                 ForceObligation,
	"fait l'objet":            ForceObligation,
	"est diffusé":             ForceObligation,
	"explicite":               ForceObligation,
	"arrête":                  ForceObligation,
	"suit":                    ForceObligation,
	"recherche":               ForceObligation,
	"prévoit":                 ForceObligation,
	"est intégré":             ForceObligation,
	"organise":                ForceObligation,
	"sont associés":           ForceObligation,
	"sont évaluées":           ForceObligation,
	"est réalisé":             ForceObligation,
	"repose sur":              ForceObligation,
	"regroupe":                ForceObligation,
	"nécessitera":             ForceObligation,
	"sera portée":             ForceObligation,
	"sont annexés":            ForceObligation,
	"associant":               ForceObligation,
	"intègre":                 ForceObligation,
	"coanimé":                 ForceObligation,
	"co-animé":                ForceObligation,
	"comprennent":             ForceObligation,
	"veilleront":              ForceObligation,
	"dans la limite":          ForceObligation,
	"co-finance à hauteur de": ForceObligation,
	"conjointement":           ForceObligation,
	"sont définis":            ForceObligation,
	"il devra":                ForceObligation,
	"leur action doit":        ForceObligation,
	"est mené":                ForceObligation,
	"effectue":                ForceObligation,
	"élabore":                 ForceObligation,
	"mène":                    ForceObligation,
	"réunit":                  ForceObligation,
	"est responsable":         ForceObligation,
	"a comme missions":        ForceObligation,
	"minimum requis":          ForceObligation,
	"recrute":                 ForceObligation,
	"a minima":                ForceObligation,
	// Recommendation.
	"recommande":                         ForceRecommendation,
	"est recommandé":                     ForceRecommendation,
	"peut":                               ForceRecommendation,
	"peut être":                          ForceRecommendation,
	"sera recherchée":                    ForceRecommendation,
	"généralement":                       ForceRecommendation,
	"il est également crucial":           ForceRecommendation,
	"est optimisé":                       ForceRecommendation,
	"une ou plusieurs fois dans l'année": ForceRecommendation,
	"en moyenne une fois par an":         ForceRecommendation,
	"privilégié":                         ForceRecommendation,
	"articulations possibles":            ForceRecommendation,
	"grandes missions":                   ForceRecommendation,
	// Example.
	"par exemple": ForceExample,
	"notamment":   ForceExample,
	"etc":         ForceExample,
}

// ModalLevels returns the strength of a modal word and the levels a rule
// quoting it may take; ok is false for a word not classified. The empty word
// (a source whose text could not be read) allows recommandé and bonne
// pratique only: never more than the sources say.
func ModalLevels(word string) (force ModalForce, levels []Level, ok bool) {
	if word == "" {
		return "", []Level{LevelRecommended, LevelGoodPractice}, true
	}
	force, ok = modalWords[normalizeQuote(word)]
	switch force {
	case ForceObligation:
		levels = []Level{LevelRequired}
	case ForceRecommendation:
		levels = []Level{LevelRecommended, LevelGoodPractice}
	case ForceExample:
		levels = []Level{LevelGoodPractice, LevelRecommended}
	}
	return force, levels, ok
}

// LevelsFor returns the levels a rule may take that quotes word from a
// document of the given kind: those of [ModalLevels], except that words
// reported in an article or an interview never make a rule requis, whatever
// their mood (an obligation there allows recommandé only).
func LevelsFor(word string, kind DocumentKind) (force ModalForce, levels []Level, ok bool) {
	force, levels, ok = ModalLevels(word)
	if kind.Binding() || !slices.Contains(levels, LevelRequired) {
		return force, levels, ok
	}
	return force, []Level{LevelRecommended}, ok
}

// ModalWords returns the modal words [ModalLevels] classifies, in
// alphabetical order.
func ModalWords() []string {
	return slices.Sorted(maps.Keys(modalWords))
}

// QuoteHasModal reports whether the quote contains the modal word, ignoring
// case and typographic apostrophes.
func QuoteHasModal(quote, word string) bool {
	return strings.Contains(normalizeQuote(quote), normalizeQuote(word))
}

func normalizeQuote(s string) string {
	return strings.ToLower(strings.NewReplacer("’", "'", "\u00a0", " ", "\u202f", " ").Replace(s))
}
