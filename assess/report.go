package assess

import (
	"errors"
	"slices"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// ReportVersion is the version of the report format.
const ReportVersion = 1

// Report is the assessment of one dossier against one referential at one
// date: what a town reads before deciding to apply.
type Report struct {
	SchemaVersion int             `json:"schemaVersion" validate:"required,eq=1" title:"Version du format du rapport"`
	Referential   ReferentialInfo `json:"referential" title:"Référentiel appliqué"`
	Dossier       DossierInfo     `json:"dossier" title:"CLSM évalué"`
	EvaluatedOn   clsm.Date       `json:"evaluatedOn" validate:"required,date" title:"Date d'évaluation"`
	Readiness     Readiness       `json:"readiness" title:"Niveau de préparation"`
	Counts        Counts          `json:"counts" title:"Décompte des règles"`
	Axes          []AxisScore     `json:"axes" validate:"required,dive" title:"Scores par axe"`
	Findings      []Finding       `json:"findings" validate:"required,dive" title:"Résultat de chaque règle"`
	NextSteps     []NextStep      `json:"nextSteps" validate:"required,dive" title:"Prochaines étapes"`
	Decisive      []QuestionRef   `json:"decisiveQuestions" validate:"required,dive" title:"Questions sans réponse qui peuvent changer le verdict"`
	Indicators    Indicators      `json:"indicators" title:"Indicateurs de résultats (§12)"`
	NotCheckable  int             `json:"notCheckable" validate:"gte=0" title:"Exigences du référentiel qu'aucun dossier ne permet de vérifier"`
}

// ReferentialInfo identifies the referential a report applies.
type ReferentialInfo struct {
	ID      string `json:"id" title:"Identifiant"`
	Name    string `json:"name" title:"Nom"`
	Issuer  string `json:"issuer" title:"Émis par"`
	Version string `json:"version" title:"Version"`
}

// DossierInfo identifies the CLSM a report is about.
type DossierInfo struct {
	Name       string              `json:"name,omitzero" title:"Nom du CLSM"`
	Stage      clsm.Stage          `json:"stage,omitzero" validate:"omitempty,enum" title:"Stade"`
	Department clsm.DepartmentCode `json:"department,omitzero" validate:"omitempty,dept" title:"Département"`
	Region     string              `json:"region,omitzero" title:"Région"`
	ARS        string              `json:"ars,omitzero" title:"ARS compétente"`
}

// Counts counts the findings by outcome, in all and for the required rules.
type Counts struct {
	Met             int `json:"met" title:"Respectées"`
	Unmet           int `json:"unmet" title:"Non respectées"`
	Unknown         int `json:"unknown" title:"Non renseignées"`
	NotApplicable   int `json:"notApplicable" title:"Sans objet"`
	RequiredMet     int `json:"requiredMet" title:"Règles requises respectées"`
	RequiredUnmet   int `json:"requiredUnmet" title:"Règles requises non respectées"`
	RequiredUnknown int `json:"requiredUnknown" title:"Règles requises non renseignées"`
	// MissingAnswers counts the distinct questions left unanswered that some
	// applicable rule needs.
	MissingAnswers int `json:"missingAnswers" title:"Questions sans réponse dont dépendent des règles"`
}

// Citation says where a rule comes from.
type Citation struct {
	Document string `json:"document" title:"Document"`
	Issuer   string `json:"issuer,omitzero" title:"Auteur"`
	Section  string `json:"section" title:"Section"`
	Quote    string `json:"quote,omitzero" title:"Texte cité"`
	URL      string `json:"url,omitzero" title:"Adresse"`
}

// Finding is the outcome of one rule.
type Finding struct {
	RuleID      string         `json:"ruleId" title:"Règle"`
	Level       labels.Level   `json:"level" validate:"required,enum" title:"Niveau"`
	Basis       labels.Basis   `json:"basis" validate:"required,enum" title:"Fondement"`
	Axis        labels.Axis    `json:"axis" validate:"required,enum" title:"Axe"`
	Outcome     labels.Outcome `json:"outcome" validate:"required,enum" title:"Résultat"`
	Requirement string         `json:"requirement" title:"Exigence"`
	Detail      string         `json:"detail" title:"Constat"`
	Advice      string         `json:"advice" title:"Conseil"`
	Citation    Citation       `json:"citation" title:"Source"`
	Paths       []string       `json:"paths" title:"Questions concernées"`
	Missing     []string       `json:"missing,omitzero" title:"Questions sans réponse"`
}

// QuestionRef names a question of the dossier by its path and French title.
type QuestionRef struct {
	Path  string `json:"path" title:"Chemin dans le dossier"`
	Title string `json:"title" title:"Question"`
}

// NextStep is one thing to do, in the order to do it.
type NextStep struct {
	Kind      StepKind      `json:"kind" validate:"required,enum" title:"Nature"`
	RuleID    string        `json:"ruleId" title:"Règle"`
	Level     labels.Level  `json:"level" validate:"required,enum" title:"Niveau"`
	Blocking  bool          `json:"blocking" title:"Bloquant pour la demande"`
	Text      string        `json:"text" title:"À faire"`
	Questions []QuestionRef `json:"questions" validate:"required,dive" title:"Questions à revoir"`
}

// Evaluate assesses a dossier against a referential at the given date (the
// day of the assessment; never the wall clock). The dossier should be valid
// (see clsm.Parse); an invalid one is still assessed as far as possible.
func Evaluate(d *clsm.Dossier, ref *labels.Referential, at time.Time) (*Report, error) {
	if d == nil {
		return nil, errors.New("assess: le dossier est vide")
	}
	if ref == nil || len(ref.Rules) == 0 {
		return nil, errors.New("assess: le référentiel est vide")
	}
	at = time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC)
	r := &Report{
		SchemaVersion: ReportVersion,
		Referential:   ReferentialInfo{ID: ref.ID, Name: ref.Name, Issuer: ref.Issuer, Version: ref.Version},
		Dossier:       dossierInfo(d),
		EvaluatedOn:   clsm.DateOf(at),
		Findings:      make([]Finding, 0, len(ref.Rules)),
		NotCheckable:  len(ref.NotCheckable),
	}
	for i := range ref.Rules {
		rule := &ref.Rules[i]
		res := rule.Evaluate(d, at)
		doc, _ := ref.Document(rule.Source)
		r.Findings = append(r.Findings, Finding{
			RuleID:      rule.ID,
			Level:       rule.Level,
			Basis:       rule.Basis,
			Axis:        rule.EffectiveAxis(),
			Outcome:     res.Outcome,
			Requirement: rule.Requirement,
			Detail:      res.Detail,
			Advice:      rule.Advice,
			Citation:    Citation{Document: doc.Title, Issuer: doc.Issuer, Section: rule.Section, Quote: rule.Quote, URL: doc.URL},
			Paths:       nonNil(res.Paths),
			Missing:     res.Missing,
		})
	}
	r.Counts = count(r.Findings)
	r.Axes = axisScores(r.Findings)
	r.Readiness = readiness(r.Findings)
	r.NextSteps = nextSteps(r.Findings)
	r.Decisive = decisive(r.Findings)
	r.Indicators = indicators(d, at)
	return r, nil
}

func dossierInfo(d *clsm.Dossier) DossierInfo {
	info := DossierInfo{Name: d.Name, Stage: d.Stage, Department: d.Territory.Department}
	if reg, ok := d.Territory.Department.Region(); ok {
		info.Region, info.ARS = reg.Name, reg.ARS
	}
	return info
}

func count(fs []Finding) Counts {
	var c Counts
	missing := map[string]bool{}
	for _, f := range fs {
		switch f.Outcome {
		case labels.Met:
			c.Met++
		case labels.Unmet:
			c.Unmet++
		case labels.Unknown:
			c.Unknown++
		case labels.NotApplicable:
			c.NotApplicable++
		}
		for _, p := range f.Missing {
			if !missing[p] {
				missing[p] = true
				c.MissingAnswers++
			}
		}
		if f.Level == labels.LevelRequired {
			switch f.Outcome {
			case labels.Met:
				c.RequiredMet++
			case labels.Unmet:
				c.RequiredUnmet++
			case labels.Unknown:
				c.RequiredUnknown++
			}
		}
	}
	return c
}

// levelWeight weighs a rule in the axis scores.
var levelWeight = map[labels.Level]float64{labels.LevelRequired: 3, labels.LevelRecommended: 2, labels.LevelGoodPractice: 1}

// nextSteps orders what to do: required rules not met (blocking), then
// required rules not answered, then recommended rules not met and not
// answered, then good practices not met.
func nextSteps(fs []Finding) []NextStep {
	type rank struct {
		level   labels.Level
		outcome labels.Outcome
	}
	order := []rank{
		{labels.LevelRequired, labels.Unmet}, {labels.LevelRequired, labels.Unknown},
		{labels.LevelRecommended, labels.Unmet}, {labels.LevelRecommended, labels.Unknown},
		{labels.LevelGoodPractice, labels.Unmet},
	}
	steps := []NextStep{}
	for _, o := range order {
		for _, f := range fs {
			if f.Level != o.level || f.Outcome != o.outcome {
				continue
			}
			s := NextStep{RuleID: f.RuleID, Level: f.Level, Blocking: f.Level == labels.LevelRequired}
			if f.Outcome == labels.Unmet {
				s.Kind, s.Text, s.Questions = StepAct, f.Advice, questions(f.Paths)
			} else {
				s.Kind, s.Questions = StepAnswer, questions(f.Missing)
				s.Text = "Répondez à " + joinTitles(s.Questions) + " pour savoir si cette exigence est remplie : " + lowerFirst(f.Requirement)
			}
			steps = append(steps, s)
		}
	}
	return steps
}

// decisive lists the unanswered questions that could change the readiness
// level: those that feed a required rule whose outcome is unknown, as long as
// answering all of them one way or the other would give another level.
func decisive(fs []Finding) []QuestionRef {
	current := readiness(fs).Level
	optimistic, pessimistic := slices.Clone(fs), slices.Clone(fs)
	for i := range fs {
		if fs[i].Outcome == labels.Unknown {
			optimistic[i].Outcome, pessimistic[i].Outcome = labels.Met, labels.Unmet
		}
	}
	if readiness(optimistic).Level == current && readiness(pessimistic).Level == current {
		return []QuestionRef{}
	}
	seen := map[string]bool{}
	var paths []string
	for _, f := range fs {
		if f.Level != labels.LevelRequired || f.Outcome != labels.Unknown {
			continue
		}
		for _, p := range f.Missing {
			if !seen[p] {
				seen[p] = true
				paths = append(paths, p)
			}
		}
	}
	// The stage comes first: it decides which rules apply at all.
	for i, p := range paths {
		if p == "/stage" {
			copy(paths[1:i+1], paths[:i])
			paths[0] = p
		}
	}
	return questions(paths)
}

func questions(paths []string) []QuestionRef {
	out := make([]QuestionRef, 0, len(paths))
	for _, p := range paths {
		q := QuestionRef{Path: p, Title: p}
		if f, err := clsm.FieldAt(p); err == nil && f.Title != "" {
			q.Title = f.Title
		}
		out = append(out, q)
	}
	return out
}

func joinTitles(qs []QuestionRef) string {
	s := ""
	for i, q := range qs {
		switch {
		case i == 0:
		case i == len(qs)-1:
			s += " et "
		default:
			s += ", "
		}
		s += "« " + q.Title + " »"
	}
	return s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
