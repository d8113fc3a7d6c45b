package clsm

//go:generate go run ./internal/gen

import "github.com/clsmkit/go-clsm/internal/model"

// Option is one allowed value of an enumeration, with the French label a
// person reads.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// Enum is implemented by every enumerated type of the model. Its options are
// the single source of truth for the validator (tag "enum"), the JSON Schema
// (an "enum" list with the labels beside it) and the form's choices.
type Enum interface {
	// Options lists every allowed value, in the order a form shows them.
	Options() []Option
	// Valid reports whether the value is one of the options.
	Valid() bool
	// Label returns the French label of the value, or the raw value if it
	// is not an option.
	Label() string
}

// The enumerations' options are read through their Options method, whose
// list is of Option (model.EnumOptions).
func init() { model.RegisterOptionType[Option]() }

func optionValid(opts []Option, v string) bool { return model.HasOption(opts, v) }

func optionLabel(opts []Option, v string) string { return model.LabelOf(opts, v) }
