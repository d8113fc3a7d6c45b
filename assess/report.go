package assess

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/answers"
	"github.com/clsmkit/go-clsm/labels"
)

// ReportVersion is the version of the report format. Version 2 added the
// readiness caveat, the stage's meaning, the warnings and the dossier's
// format version, and made the objectives' counts optional (absent when the
// dossier does not say, never 0). Version 3 added the outcome « not_due »
// (pas encore dû) with the finding's dueOn, its counts (counts.notDue,
// axes[].notDue), the calendar's contradictions (readiness.calendar) and
// what each next step unlocks (nextSteps[].unlocks); « blocking » now marks
// only the steps of the stage's readiness rules.
const ReportVersion = 3

// Report is the assessment of one dossier against one referential at one
// date: what a town reads before deciding to apply.
type Report struct {
	SchemaVersion int             `json:"schemaVersion" validate:"required,eq=3" title:"Version du format du rapport"`
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
	// National places the dossier beside the national survey figures (see
	// [NationalFigures]): information with its source, never a rule.
	National []NationalComparison `json:"national" validate:"required,dive" title:"Repères nationaux"`
	// Warnings are what the reader must know before trusting the report:
	// a referential of another region than the dossier's, for instance.
	Warnings     []string `json:"warnings" title:"Avertissements"`
	NotCheckable int      `json:"notCheckable" validate:"gte=0" title:"Exigences du référentiel qu'aucun dossier ne permet de vérifier"`
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
	// FormatVersion is the dossier format version the dossier was written in
	// (the current one when it did not say); VersionNote says how it was read.
	FormatVersion int    `json:"formatVersion" title:"Version du format du dossier"`
	VersionNote   string `json:"versionNote" title:"Lecture du format"`
}

// Counts counts the findings by outcome, in all and for the required rules.
type Counts struct {
	Met           int `json:"met" title:"Respectées"`
	Unmet         int `json:"unmet" title:"Non respectées"`
	Unknown       int `json:"unknown" title:"Non renseignées"`
	NotApplicable int `json:"notApplicable" title:"Sans objet"`
	// NotDue counts the periodic rules the CLSM is too young to owe yet:
	// like NotApplicable, neither a gap nor evidence.
	NotDue          int `json:"notDue" title:"Pas encore dues"`
	RequiredMet     int `json:"requiredMet" title:"Règles requises respectées"`
	RequiredUnmet   int `json:"requiredUnmet" title:"Règles requises non respectées"`
	RequiredUnknown int `json:"requiredUnknown" title:"Règles requises non renseignées"`
	// MissingAnswers counts the distinct questions left unanswered that some
	// applicable rule needs.
	MissingAnswers int `json:"missingAnswers" title:"Questions sans réponse dont dépendent des règles"`
}

// Citation says where a rule comes from. For words reported in an article
// or an interview, Document says whose words they are and where
// (« propos de …, rapportés dans l'article « … » »), and Kind says so.
type Citation struct {
	Document string              `json:"document" title:"Document"`
	Kind     labels.DocumentKind `json:"kind,omitzero" validate:"omitempty,enum" title:"Nature du document"`
	Issuer   string              `json:"issuer,omitzero" title:"Auteur"`
	Section  string              `json:"section" title:"Section"`
	Quote    string              `json:"quote,omitzero" title:"Texte cité"`
	URL      string              `json:"url,omitzero" title:"Adresse"`
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
	// DueOn is, for the outcome « not_due », the first day the rule can be
	// judged; absent otherwise.
	DueOn clsm.Date `json:"dueOn,omitzero" validate:"omitempty,date" title:"Exigible à partir du"`
}

// QuestionRef names a question of the dossier by its path and French title.
type QuestionRef struct {
	Path  string `json:"path" title:"Chemin dans le dossier"`
	Title string `json:"title" title:"Question"`
}

// NextStep is one thing to do, in the order to do it.
type NextStep struct {
	Kind   StepKind     `json:"kind" validate:"required,enum" title:"Nature"`
	RuleID string       `json:"ruleId" title:"Règle"`
	Level  labels.Level `json:"level" validate:"required,enum" title:"Niveau"`
	// Blocking marks the steps of the rules that the referential's
	// definition of « prêt » names for the dossier's stage (for a dossier
	// whose stage is not given, those it names at every stage).
	Blocking bool `json:"blocking" title:"Bloquant pour la demande"`
	// Unlocks counts the rules this step can settle: the rule not met, or
	// the rules not answered that its questions feed.
	Unlocks   int           `json:"unlocks" validate:"gte=0" title:"Règles que cette étape permet de trancher"`
	Text      string        `json:"text" title:"À faire"`
	Questions []QuestionRef `json:"questions" validate:"required,dive" title:"Questions à revoir"`
}

// ErrInvalidDossier is what [Evaluate] returns, wrapped in an
// [InvalidDossierError], for a dossier that fails validation.
var ErrInvalidDossier = errors.New("dossier à corriger")

// InvalidDossierError is the error of [Evaluate] for a dossier with
// validation problems: such a dossier gets its problems, never a verdict.
// errors.Is(err, ErrInvalidDossier) and errors.As(err, &clsm.Problems{}) both
// hold.
type InvalidDossierError struct {
	Problems clsm.Problems
}

// Error says, in French, how many answers must be corrected.
func (e *InvalidDossierError) Error() string {
	return "Dossier à corriger\u00a0: " + clsm.FrenchCount(len(e.Problems), "réponse invalide", "réponses invalides") + "."
}

// Unwrap returns ErrInvalidDossier and the problems.
func (e *InvalidDossierError) Unwrap() []error { return []error{ErrInvalidDossier, e.Problems} }

// ErrUnresolvedReferential is the error, wrapped, of [Evaluate] for a
// referential whose rules are not bound to their checks: one built as a Go
// value and not resolved ([labels.Referential.Resolve]), or one whose
// resolution failed. Read from JSON with labels.Parse, or taken from
// labels.Builtin, a referential is resolved.
var ErrUnresolvedReferential = errors.New("Référentiel non résolu")

// ErrNoDate is the error, wrapped, of [Evaluate], [EvaluateJSON] and
// [EvaluateFile] for a zero time.Time: the date of an assessment is always
// given, never taken from the wall clock, and the zero date would make every
// periodic rule read as decades late.
var ErrNoDate = errors.New("date d'évaluation absente")

// Evaluate assesses a dossier against a referential at the given date (the
// day of the assessment; never the wall clock). The dossier is validated
// first: an invalid dossier — nil included — gets an [*InvalidDossierError]
// listing its problems and no report, since no verdict can rest on answers
// that are not well formed; errors.Is(err, [ErrInvalidDossier]) holds for
// every such error. A referential that is not resolved
// ([labels.Referential.Resolved]), or one of whose rules changed since it
// was ([labels.Rule.Stale]), gives an error that wraps
// [ErrUnresolvedReferential], never a report of rules that cannot decide. A
// zero date gives an error that wraps [ErrNoDate].
func Evaluate(d *clsm.Dossier, ref *labels.Referential, at time.Time) (*Report, error) {
	if d == nil {
		return nil, &InvalidDossierError{Problems: clsm.Problems{{Code: clsm.CodeRequired,
			Message: "Le dossier est absent (nil) : il n'y a rien à évaluer."}}}
	}
	if err := checkReferential(ref); err != nil {
		return nil, err
	}
	if err := checkDate(at); err != nil {
		return nil, err
	}
	if err := d.Validate(); err != nil {
		var ps clsm.Problems
		errors.As(err, &ps)
		return nil, &InvalidDossierError{Problems: ps}
	}
	return evaluateValid(d, ref, at), nil
}

// EvaluateJSON reads a dossier from JSON as [clsm.Parse] does (strict
// decoding, an older format upgraded, validation) and assesses it like
// [Evaluate], validating it once where Parse then Evaluate validate twice:
// this is the path of a form that assesses at every answer. A document that
// cannot be read as a dossier gives Parse's error (a [clsm.Problems]); a
// dossier with validation problems gives an [*InvalidDossierError], as
// Evaluate does; a referential that is not
// resolved, an error that wraps [ErrUnresolvedReferential]; a zero date, an
// error that wraps [ErrNoDate].
func EvaluateJSON(data []byte, ref *labels.Referential, at time.Time) (*Report, error) {
	if err := checkReferential(ref); err != nil {
		return nil, err
	}
	if err := checkDate(at); err != nil {
		return nil, err
	}
	d, err := clsm.Parse(data)
	if d == nil {
		return nil, err
	}
	if err != nil {
		var ps clsm.Problems
		errors.As(err, &ps)
		return nil, &InvalidDossierError{Problems: ps}
	}
	return evaluateValid(d, ref, at), nil
}

// checkReferential refuses an empty or unresolved referential.
func checkReferential(ref *labels.Referential) error {
	if ref == nil || len(ref.Rules) == 0 {
		return errors.New("assess: le référentiel est vide")
	}
	if !ref.Resolved() {
		return fmt.Errorf("%w\u00a0: %s", ErrUnresolvedReferential, unresolvedReason(ref))
	}
	return nil
}

// checkDate refuses the zero date.
func checkDate(at time.Time) error {
	if at.IsZero() {
		return fmt.Errorf("%w\u00a0: indiquez le jour de l'évaluation (la valeur zéro de time.Time n'est pas une date).", ErrNoDate)
	}
	return nil
}

// evaluateValid assesses a dossier known to be valid against a resolved
// referential.
func evaluateValid(d *clsm.Dossier, ref *labels.Referential, at time.Time) *Report {
	r := evaluateUnspaced(d, ref, at)
	// Every text of the report gets French typography's no-break spaces
	// here, once, so that the JSON report the form and the regional page
	// show reads as the rendered ones do; the CLSM's name is the town's own
	// words, kept as typed.
	name := r.Dossier.Name
	frenchSpacesIn(reflect.ValueOf(r).Elem())
	r.Dossier.Name = name
	return r
}

// evaluateUnspaced is evaluateValid without the no-break spaces of French
// typography, which the regional report puts in the few texts it keeps
// (see [Aggregator.Add]) rather than in every text of every report.
func evaluateUnspaced(d *clsm.Dossier, ref *labels.Referential, at time.Time) *Report {
	at = time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC)
	r := &Report{
		SchemaVersion: ReportVersion,
		Referential:   ReferentialInfo{ID: ref.ID, Name: ref.Name, Issuer: ref.Issuer, Version: ref.Version},
		Dossier:       dossierInfo(d),
		EvaluatedOn:   clsm.DateOf(at),
		Findings:      make([]Finding, 0, len(ref.Rules)),
		NotCheckable:  len(ref.NotCheckable),
		Warnings:      warnings(d, ref),
	}
	seen := visibleAnswers(d)
	for i := range ref.Rules {
		rule := &ref.Rules[i]
		res := rule.Evaluate(seen, at)
		r.Findings = append(r.Findings, Finding{
			RuleID:      rule.ID,
			Level:       rule.Level,
			Basis:       rule.Basis,
			Axis:        rule.EffectiveAxis(),
			Outcome:     res.Outcome,
			Requirement: rule.Requirement,
			Detail:      res.Detail,
			Advice:      rule.Advice,
			Citation:    citation(ref, rule),
			Paths:       nonNil(res.Paths),
			Missing:     res.Missing,
			DueOn:       res.DueOn,
		})
	}
	r.Counts = count(r.Findings)
	r.Axes = axisScores(r.Findings)
	basis := newVerdictBasis(d, ref, at)
	r.Readiness = readiness(r.Findings, basis)
	r.NextSteps = nextSteps(r.Findings, ref, d.Stage)
	r.Decisive = decisive(r.Findings, basis)
	r.Indicators = indicators(seen, at)
	r.National = nationalComparisons(seen)
	return r
}

// citation is where a rule comes from, as reports and the questionnaire
// cite it: the document (for an article, whose words it reports), its kind
// and issuer, the section, the quote.
func citation(ref *labels.Referential, rule *labels.Rule) Citation {
	doc, _ := ref.Document(rule.Source)
	return Citation{Document: doc.Attribution(), Kind: doc.Kind, Issuer: doc.Issuer, Section: rule.Section, Quote: rule.Quote, URL: doc.URL}
}

// unresolvedReason names the first rule of ref that is not bound to its
// check, and says what to do.
func unresolvedReason(ref *labels.Referential) string {
	for i := range ref.Rules {
		if ref.Rules[i].Stale() {
			return fmt.Sprintf("la règle « %s » a changé depuis que le référentiel a été résolu (vérification, paramètres, niveau, texte cité ou mot qui oblige) ; appelez de nouveau sa méthode Resolve, qui lie la règle à ses nouvelles valeurs ou dit ce qui ne va pas.", Inert(ref.Rules[i].ID))
		}
		if ref.Rules[i].CheckDef() == nil {
			return fmt.Sprintf("la règle « %s » n'est liée à aucune vérification du catalogue ; lisez le référentiel avec labels.Parse, ou appelez sa méthode Resolve et corrigez les problèmes qu'elle signale.", Inert(ref.Rules[i].ID))
		}
	}
	return "appelez sa méthode Resolve."
}

func dossierInfo(d *clsm.Dossier) DossierInfo {
	info := DossierInfo{Name: d.Name, Stage: d.Stage, Department: d.Territory.Department}
	if reg, ok := d.Territory.Department.Region(); ok {
		info.Region, info.ARS = reg.Name, reg.ARS
	}
	v, stated := d.FormatVersion()
	info.FormatVersion = v
	switch {
	case !stated:
		info.VersionNote = fmt.Sprintf("Le dossier n'indique pas sa version de format : il a été lu au format %d, le format actuel.", clsm.SchemaVersion)
	case v < clsm.SchemaVersion:
		info.VersionNote = fmt.Sprintf("Dossier au format %d, lu tel quel : le format %d n'y ajoute que des réponses possibles (« jamais » pour certaines dates, le diagnostic programmé).", v, clsm.SchemaVersion)
	default:
		info.VersionNote = fmt.Sprintf("Dossier au format %d, le format actuel.", v)
	}
	return info
}

// warnings lists what the reader must know before trusting the report.
func warnings(d *clsm.Dossier, ref *labels.Referential) []string {
	out := []string{}
	reg, ok := d.Territory.Department.Region()
	if ok && !ref.Serves(reg.Code) {
		var names []string
		for _, code := range ref.Regions {
			if r, ok := clsm.LookupRegion(code); ok {
				names = append(names, r.Name)
			}
		}
		out = append(out, fmt.Sprintf("Le référentiel appliqué vaut pour %s, alors que le département du dossier (%s) relève de la région %s (%s) : le verdict ne dit rien des exigences de cette ARS. Choisissez le référentiel de votre région, ou le socle national.",
			joinFrench(names), d.Territory.Department.Label(), reg.Name, reg.ARS))
	}
	return out
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
		case labels.NotDue:
			c.NotDue++
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

// nextSteps orders what to do. A step is blocking when its rule is one of
// those the referential's definition of « prêt » names for the dossier's
// stage (for a dossier whose stage is not given, those it names at every
// stage it defines): what stands between the dossier and « prêt » at its
// stage. Blocking steps come first; then required rules before recommended
// ones before good practices; within a level, what the step unlocks (the
// rules it can settle: one for a rule not met, the unanswered rules its
// questions feed for a question), then a rule not met before a rule not
// answered, then the referential's order. Rules not yet due, not applicable
// or met give no step.
func nextSteps(fs []Finding, ref *labels.Referential, stage clsm.Stage) []NextStep {
	blocking := readinessRules(ref, stage)
	feeds := map[string]int{} // unanswered applicable rules each question feeds
	for _, f := range fs {
		if f.Outcome == labels.Unknown {
			for _, p := range f.Missing {
				feeds[p]++
			}
		}
	}
	steps := []NextStep{}
	for _, f := range fs {
		switch {
		case f.Outcome == labels.Unmet:
		case f.Outcome == labels.Unknown && f.Level != labels.LevelGoodPractice:
		default:
			continue
		}
		s := NextStep{RuleID: f.RuleID, Level: f.Level, Blocking: blocking[f.RuleID], Unlocks: 1}
		if f.Outcome == labels.Unmet {
			s.Kind, s.Text, s.Questions = StepAct, f.Advice, questions(f.Paths)
		} else {
			s.Kind, s.Questions = StepAnswer, questions(f.Missing)
			for _, p := range f.Missing {
				s.Unlocks = max(s.Unlocks, feeds[p])
			}
			s.Text = answerPrompt(s.Questions) + " pour savoir si cette exigence est remplie : « " + strings.TrimRight(f.Requirement, ". ") + " »."
		}
		steps = append(steps, s)
	}
	// An insertion sort, stable, on a rank: a handful of steps, and no
	// generic sort instantiated for them in the browser checker.
	rank := func(s NextStep) int {
		r := 20000 - min(s.Unlocks, 999)*2 // good practices last
		switch s.Level {
		case labels.LevelRequired:
			r -= 20000
		case labels.LevelRecommended:
			r -= 10000
		}
		if !s.Blocking {
			r += 100000
		}
		if s.Kind != StepAct {
			r++
		}
		return r
	}
	for i := 1; i < len(steps); i++ {
		for j := i; j > 0 && rank(steps[j]) < rank(steps[j-1]); j-- {
			steps[j], steps[j-1] = steps[j-1], steps[j]
		}
	}
	return steps
}

// readinessRules are the rules the referential's definition of « prêt »
// names for the stage; for a stage not given, those it names at every stage
// it defines, which stand between any such dossier and « prêt ».
func readinessRules(ref *labels.Referential, stage clsm.Stage) map[string]bool {
	out := map[string]bool{}
	if stage != "" {
		sr, _ := ref.ReadinessFor(stage)
		for _, id := range sr.Rules {
			out[id] = true
		}
		return out
	}
	for _, id := range firstRules(ref.Readiness) {
		every := true
		for _, sr := range ref.Readiness {
			every = every && slices.Contains(sr.Rules, id)
		}
		out[id] = every
	}
	return out
}

func firstRules(rs []labels.StageReadiness) []string {
	if len(rs) == 0 {
		return nil
	}
	return rs[0].Rules
}

// decisive lists the unanswered questions that could change the readiness
// level: those that feed a required rule whose outcome is unknown, as long as
// answering all of them one way or the other would give another level.
func decisive(fs []Finding, basis verdictBasis) []QuestionRef {
	current := readiness(fs, basis).Level
	optimistic, pessimistic := slices.Clone(fs), slices.Clone(fs)
	for i := range fs {
		if fs[i].Outcome == labels.Unknown {
			optimistic[i].Outcome, pessimistic[i].Outcome = labels.Met, labels.Unmet
		}
	}
	if readiness(optimistic, basis).Level == current && readiness(pessimistic, basis).Level == current {
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
		if f, err := answers.FieldAt(p); err == nil && f.Title != "" {
			q.Title = f.Title
		}
		out = append(out, q)
	}
	return out
}

// answerPrompt asks to answer the given questions, naming them as questions.
func answerPrompt(qs []QuestionRef) string {
	if len(qs) == 1 {
		return "Répondez à la question " + joinTitles(qs)
	}
	return "Répondez aux questions " + joinTitles(qs)
}

func joinTitles(qs []QuestionRef) string {
	var b strings.Builder
	for i, q := range qs {
		switch {
		case i == 0:
		case i == len(qs)-1:
			b.WriteString(" et ")
		default:
			b.WriteString(", ")
		}
		b.WriteString("« " + q.Title + " »")
	}
	return b.String()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
