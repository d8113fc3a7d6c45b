package clsm

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

// HasOption reports whether v is the value of one of opts. Packages that
// declare their own enumerations use it to implement [Enum].
func HasOption(opts []Option, v string) bool { return optionValid(opts, v) }

// LabelOf returns the label of the option whose value is v, or v itself.
func LabelOf(opts []Option, v string) string { return optionLabel(opts, v) }

func optionValid(opts []Option, v string) bool {
	for _, o := range opts {
		if o.Value == v {
			return true
		}
	}
	return false
}

func optionLabel(opts []Option, v string) string {
	for _, o := range opts {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

// Enums returns one zero value of every enumerated type of the model, keyed by
// type name. Tools that need every option list (the schema generator, the
// questionnaire, tests) range over it.
func Enums() map[string]Enum {
	return map[string]Enum{
		"Stage":              Stage(""),
		"Scale":              Scale(""),
		"CarrierKind":        CarrierKind(""),
		"PresidentRole":      PresidentRole(""),
		"MemberCategory":     MemberCategory(""),
		"StrategicObjective": StrategicObjective(""),
		"PriorityDomain":     PriorityDomain(""),
		"Theme":              Theme(""),
		"ActionStatus":       ActionStatus(""),
		"EmployerKind":       EmployerKind(""),
		"FunderKind":         FunderKind(""),
		"RecruitmentParty":   RecruitmentParty(""),
		"DataSource":         DataSource(""),
		"DataType":           DataType(""),
		"Articulation":       Articulation(""),
		"ReportRecipient":    ReportRecipient(""),
		"ReportContent":      ReportContent(""),
		"RegionalBody":       RegionalBody(""),
		"MeetingFrequency":   MeetingFrequency(""),
	}
}
