package labels

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/answers"
	"github.com/clsmkit/go-clsm/internal/model"
	"github.com/clsmkit/go-clsm/internal/suggest"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// Problem codes of a referential, beyond those of clsm's decoding and
// validation.
const (
	CodeDuplicateRule     = "duplicate_rule"     // two rules with one ID
	CodeDuplicateDocument = "duplicate_document" // two documents with one ID
	CodeUnknownDocument   = "unknown_document"   // a rule cites no listed document
	CodeUnknownCheck      = "unknown_check"      // a rule names no check of the catalogue
	CodeUnknownParam      = "unknown_param"      // a parameter the check does not have
	CodeMissingParam      = "missing_param"      // a required parameter is absent
	CodeParamType         = "param_type"         // a parameter of the wrong type or value
	CodeParamValue        = "param_value"        // parameters that do not fit together
	CodeConditionPath     = "condition_path"     // a condition names no question
	CodeConditionValue    = "condition_value"    // a condition's value cannot be an answer
	CodeUnknownRegion     = "unknown_region"     // a region code that is not an INSEE region code
	CodeReadinessRule     = "readiness_rule"     // a readiness rule that is not a required, unconditional rule of its stage
	CodeDuplicateStage    = "duplicate_stage"    // two readiness entries for one stage
	CodeRulePrefix        = "rule_prefix"        // a rule ID that does not start with the file's rulePrefix
	CodeUnknownBase       = "unknown_base"       // extends names no built-in referential
	CodeBaseCycle         = "base_cycle"         // built-in referentials that extend one another in a loop
	CodeBaseRule          = "base_rule"          // drop or override names no rule of the base, or comes without extends
	CodeReadinessEmpty    = "readiness_empty"    // an inherited stage left with no rule by drop
	CodeAbsence           = "absence_decision"   // a device-dependent rule without its absence decision or its reason, or a decision on a rule that depends on no device
	CodeNonBinding        = "non_binding_source" // a required rule whose document is an article or an interview
	CodeSpeaker           = "missing_speaker"    // an article or an interview that does not say whose words it reports
	CodeUnquotedRequired  = "unquoted_required"  // a required rule without its quote or its modal word
	CodeModalLevel        = "modal_level"        // a required rule whose modal word does not oblige
	CodeDeliverableID     = "deliverable_id"     // a document to file whose ID is not in the safe alphabet, or is given twice
	CodeDeliverableFeed   = "deliverable_feed"   // a section of a document to file fed by no question, an unknown one or an unknown indicator family
)

// CodeWrongDocument is clsm's code, here for a CLSM dossier given where a
// referential is expected: one code for both mix-ups, declared once.
const CodeWrongDocument = clsm.CodeWrongDocument

// ownCodes are the codes of this package, in their order above
// (CodeWrongDocument, clsm's, excepted).
var ownCodes = []string{
	CodeDuplicateRule, CodeDuplicateDocument, CodeUnknownDocument, CodeUnknownCheck,
	CodeUnknownParam, CodeMissingParam, CodeParamType, CodeParamValue,
	CodeConditionPath, CodeConditionValue, CodeUnknownRegion, CodeReadinessRule,
	CodeDuplicateStage, CodeRulePrefix, CodeUnknownBase, CodeBaseCycle,
	CodeBaseRule, CodeReadinessEmpty, CodeAbsence, CodeNonBinding, CodeSpeaker,
	CodeUnquotedRequired, CodeModalLevel, CodeDeliverableID, CodeDeliverableFeed,
}

// ProblemCodes returns every code a problem of a referential, or of a
// dossier, can carry: clsm's ([clsm.ProblemCodes]) and then this package's.
func ProblemCodes() []string { return append(clsm.ProblemCodes(), ownCodes...) }

// Decode reads a referential from r (at most clsm.MaxSize bytes); see [Parse].
func Decode(r io.Reader) (*Referential, error) {
	data, err := io.ReadAll(io.LimitReader(r, clsm.MaxSize+1))
	if err != nil {
		return nil, clsm.Problems{{Code: clsm.CodeSyntax, Message: fmt.Sprintf("Le référentiel n'a pas pu être lu : %v.", err)}}
	}
	return Parse(data)
}

// Parse reads a referential from JSON, strictly, and checks it: the format
// (unknown keys, types, required fields, levels, stages, bases), then the
// references (unknown check, unknown or ill-typed parameter, duplicate rule
// ID, citation of an unlisted document, condition on a question that does not
// exist, rule ID that does not start with rulePrefix).
//
// A referential with "extends" starts from that built-in referential (see
// [Referential.Extends]): Parse returns the result, and reports the IDs of
// "drop" and "override" that the base does not have, and the problems the
// result has, at the place of the file that causes them.
//
// The error is clsm.Problems with every problem found; the referential is
// returned only when there is none.
func Parse(data []byte) (*Referential, error) {
	r, err := parse(data, true, func(id string) (*Referential, error) { return builtins.get(id, nil) })
	return r, capped(err)
}

// capped keeps the first problems of err, as a dossier's are kept (see
// [clsm.Problems]): a referential with a hundred thousand faults gets a
// readable answer, in bounded size.
func capped(err error) error {
	if ps, ok := err.(clsm.Problems); ok {
		return wellformed.Capped(ps)
	}
	return err
}

// Resolve checks a referential built as a Go value, as [Parse] checks one
// read from JSON, and binds each rule to its check of the [Catalogue] and to
// its decoded parameters, so that assess.Evaluate can use it. The problems
// are those Parse finds once the JSON is decoded (required fields, levels,
// stages, unknown check, ill-typed parameter, duplicate rule ID, citation of
// an unlisted document, condition on a question that does not exist, rule ID
// that does not start with RulePrefix…), with the same codes, paths and
// French messages: the error is [clsm.Problems].
//
// A referential with Extends is built from that built-in referential, as
// Parse does: r then holds the result, and resolving it again checks it
// without starting from the base a second time.
//
// Resolve changes r, and leaves every rule unbound when it finds a problem:
// call it on your own referentials, not on the shared ones [Builtin] and
// [Builtins] return, which are resolved already. A rule added or changed
// afterwards needs Resolve again.
func (r *Referential) Resolve() error {
	if r == nil {
		return clsm.Problems{{Code: clsm.CodeRequired, Message: "Le référentiel est absent\u00a0: il n'y a rien à résoudre."}}
	}
	if r.Extends != "" && !r.merged {
		m, err := r.extend(r.checkPrefix(), true, func(id string) (*Referential, error) { return builtins.get(id, nil) })
		if err != nil {
			r.unbind()
			return capped(err)
		}
		m.merged = true
		*r = *m
		return nil
	}
	var ps clsm.Problems
	if !r.merged {
		// After Extends, Rules mixes the base's rules with the file's own:
		// only the file's carry the prefix, and Parse checked them.
		ps = r.checkPrefix()
	}
	ps = append(ps, r.standalone()...)
	ps = append(ps, validateTags(r)...)
	ps = append(ps, r.resolve()...)
	if len(ps) > 0 {
		r.unbind()
		return wellformed.Capped(ps)
	}
	return nil
}

// unbind detaches every rule from its check: a referential with problems is
// never evaluated, even in part.
func (r *Referential) unbind() {
	for i := range r.Rules {
		r.Rules[i].check, r.Rules[i].params, r.Rules[i].bound = nil, nil, nil
	}
}

// parse reads a referential; validate=false skips the struct-tag validation,
// for the built-in referentials, which the tests parse in full. base returns
// the built-in referential a file extends.
func parse(data []byte, validate bool, base func(id string) (*Referential, error)) (*Referential, error) {
	data, ps := wellformed.Text(data)
	if ps != nil {
		return nil, ps
	}
	var r Referential
	ps = wellformed.Decode(data, &r)
	if len(ps) > 0 {
		if looksLikeDossier(ps) {
			ps = append(clsm.Problems{{Code: CodeWrongDocument, Message: "Ce fichier ressemble à un dossier de CLSM, et non à un référentiel (règles d'un cahier des charges) : vérifiez que vous n'avez pas inversé les deux fichiers."}}, ps...)
		}
		return nil, ps
	}
	ps = r.checkPrefix()
	if r.Extends != "" {
		m, err := r.extend(ps, validate, base)
		if err != nil {
			return nil, err
		}
		m.merged = true
		return m, nil
	}
	ps = append(ps, r.standalone()...)
	if validate {
		ps = append(ps, validateTags(&r)...)
	}
	ps = append(ps, r.resolve()...)
	if len(ps) > 0 {
		return nil, ps
	}
	return &r, nil
}

// checkPrefix checks that every rule of the file's own "rules" starts with
// its rulePrefix.
func (r *Referential) checkPrefix() clsm.Problems {
	if r.RulePrefix == "" {
		return nil
	}
	var ps clsm.Problems
	for i, rule := range r.Rules {
		if rule.ID != "" && !strings.HasPrefix(rule.ID, r.RulePrefix) {
			ps = append(ps, clsm.Problem{Code: CodeRulePrefix, Path: fmt.Sprintf("/rules/%d/id", i), Message: fmt.Sprintf("L'identifiant de la règle « %s » ne commence pas par « %s », comme le demande « rulePrefix » : renommez la règle, et les mentions qui en sont faites dans « readiness ».", truncate(rule.ID, 80), truncate(r.RulePrefix, 20))})
		}
	}
	return ps
}

// standalone checks what a referential that extends none must have: its own
// documents and rules, and no drop or override.
func (r *Referential) standalone() clsm.Problems {
	var ps clsm.Problems
	if len(r.Documents) == 0 {
		ps = append(ps, clsm.Problem{Code: clsm.CodeRequired, Path: "/documents", Message: "« Documents cités » est obligatoire ici : un référentiel cite au moins un document, sauf s'il part d'un autre référentiel (« extends »)."})
	}
	if len(r.Rules) == 0 {
		ps = append(ps, clsm.Problem{Code: clsm.CodeRequired, Path: "/rules", Message: "« Règles » est obligatoire ici : un référentiel compte au moins une règle, sauf s'il part d'un autre référentiel (« extends »)."})
	}
	if len(r.Drop) > 0 {
		ps = append(ps, clsm.Problem{Code: CodeBaseRule, Path: "/drop", Message: "« drop » retire des règles du référentiel de départ, mais ce référentiel ne part d'aucun autre : ajoutez « extends » avec l'identifiant d'un référentiel intégré, ou retirez « drop »."})
	}
	if len(r.Override) > 0 {
		ps = append(ps, clsm.Problem{Code: CodeBaseRule, Path: "/override", Message: "« override » remplace des règles du référentiel de départ, mais ce référentiel ne part d'aucun autre : ajoutez « extends » avec l'identifiant d'un référentiel intégré, ou mettez ces règles dans « rules »."})
	}
	return ps
}

// resolve binds every rule to its check and decoded parameters.
func (r *Referential) resolve() clsm.Problems {
	var ps clsm.Problems
	docs := map[string]bool{}
	for i, d := range r.Documents {
		if docs[d.ID] && d.ID != "" {
			ps = append(ps, clsm.Problem{Code: CodeDuplicateDocument, Path: fmt.Sprintf("/documents/%d/id", i), Message: fmt.Sprintf("Deux documents portent l'identifiant « %s ».", d.ID)})
		}
		docs[d.ID] = true
		if d.Kind.Reported() && strings.TrimSpace(d.Speaker) == "" {
			ps = append(ps, clsm.Problem{Code: CodeSpeaker, Path: fmt.Sprintf("/documents/%d/speaker", i), Message: fmt.Sprintf("Le document « %s » est %s : dites de qui il rapporte les propos, et à quel titre (« speaker », par exemple « Fanny Pastant, coordinatrice nationale des CLSM »), pour que le rapport le dise.", truncate(d.ID, 40), kindNoun(d.Kind))})
		}
	}
	ids := map[string]int{}
	for i := range r.Rules {
		rule := &r.Rules[i]
		base := "/rules/" + strconv.Itoa(i)
		if j, dup := ids[rule.ID]; dup && rule.ID != "" {
			ps = append(ps, clsm.Problem{Code: CodeDuplicateRule, Path: base + "/id", Message: fmt.Sprintf("La règle n° %d porte le même identifiant « %s » que la règle n° %d ; chaque règle doit avoir le sien.", i+1, rule.ID, j+1)})
		}
		ids[rule.ID] = i
		if rule.Source != "" && !docs[rule.Source] {
			ps = append(ps, clsm.Problem{Code: CodeUnknownDocument, Path: base + "/source", Message: fmt.Sprintf("La règle « %s » cite le document « %s », qui n'est pas dans la liste « documents ».", rule.ID, rule.Source)})
		}
		for j, c := range rule.When {
			ps = append(ps, c.check(fmt.Sprintf("%s/when/%d", base, j))...)
		}
		ps = append(ps, contradictions(rule.When, base)...)
		ps = append(ps, stagesExcluded(rule, base)...)
		ps = append(ps, rule.checkLevel(base)...)
		if rule.Check == "" {
			continue
		}
		check, ok := LookupCheck(rule.Check)
		if !ok {
			ps = append(ps, clsm.Problem{Code: CodeUnknownCheck, Path: base + "/check", Message: unknownCheckMessage(rule.Check)})
			continue
		}
		params, pps := check.decodeParams(rule.Params, base+"/params")
		ps = append(ps, pps...)
		rule.bind(check, params)
		if len(pps) == 0 {
			ps = append(ps, rule.checkAbsence(base)...)
		}
	}
	for i := range r.Rules {
		ps = append(ps, r.checkAuthority(&r.Rules[i], "/rules/"+strconv.Itoa(i))...)
	}
	for i, code := range r.Regions {
		if _, ok := clsm.LookupRegion(code); !ok {
			ps = append(ps, clsm.Problem{Code: CodeUnknownRegion, Path: fmt.Sprintf("/regions/%d", i), Message: fmt.Sprintf("« %s » n'est pas un code de région INSEE (par exemple 11 pour l'Île-de-France, 76 pour l'Occitanie).", truncate(code, 20))})
		}
	}
	ps = append(ps, r.checkReadiness(docs)...)
	ps = append(ps, r.checkDeliverables(docs)...)
	for i, u := range r.NotCheckable {
		if u.Source != "" && !docs[u.Source] {
			ps = append(ps, clsm.Problem{Code: CodeUnknownDocument, Path: fmt.Sprintf("/notCheckable/%d/source", i), Message: fmt.Sprintf("L'exigence non vérifiable n° %d cite le document « %s », qui n'est pas dans la liste « documents ».", i+1, u.Source)})
		}
	}
	return ps
}

// checkAbsence checks that a rule that depends on a device says what the
// device's absence from the territory means, and why; and that a rule that
// depends on none says nothing of it.
func (rule *Rule) checkAbsence(base string) clsm.Problems {
	devs := rule.Devices()
	switch {
	case len(devs) > 0 && rule.Absence == "":
		return clsm.Problems{{Code: CodeAbsence, Path: base + "/absence", Message: fmt.Sprintf(
			"La règle « %s » dépend de la présence %s sur le territoire : dites, d'après le texte cité, si son absence rend la règle sans objet (« not_applicable ») ou si elle est précisément le manque que le texte demande de combler (« gap »), et pourquoi (« absenceWhy »).",
			truncate(rule.ID, 80), devicesPhrase(devs))}}
	case len(devs) > 0 && strings.TrimSpace(rule.AbsenceWhy) == "":
		return clsm.Problems{{Code: CodeAbsence, Path: base + "/absenceWhy", Message: fmt.Sprintf(
			"La règle « %s » dit ce que veut dire l'absence %s, mais pas pourquoi : citez dans « absenceWhy » ce qui, dans le texte, fonde cette lecture.",
			truncate(rule.ID, 80), devicesPhrase(devs))}}
	case len(devs) == 0 && rule.Absence != "":
		return clsm.Problems{{Code: CodeAbsence, Path: base + "/absence", Message: fmt.Sprintf(
			"La règle « %s » ne dépend d'aucun dispositif (CLS, contrat de ville, ASV, PTSM, CPTS, DAC, CLSPD, CPT) : « absence » n'a pas de sens ici ; retirez-le.",
			truncate(rule.ID, 80))}}
	}
	return nil
}

// devicesPhrase names the devices by their questions: « du dispositif
// « Contrat de ville » », « des dispositifs « … » et « … » ».
func devicesPhrase(keys []string) string {
	var names []string
	for _, k := range keys {
		names = append(names, "« "+optionLabel(schemeOptions, k)+" »")
	}
	if len(names) == 1 {
		return "du dispositif " + names[0]
	}
	return "des dispositifs " + strings.Join(names[:len(names)-1], ", ") + " et " + names[len(names)-1]
}

// checkAuthority checks that a required rule rests on a text that binds its
// author: words reported in an article or an interview give at most
// « recommandé ».
func (r *Referential) checkAuthority(rule *Rule, base string) clsm.Problems {
	if rule.Level != LevelRequired {
		return nil
	}
	doc, ok := r.Document(rule.Source)
	if !ok || doc.Kind.Binding() {
		return nil
	}
	return clsm.Problems{{Code: CodeNonBinding, Path: base + "/level", Message: fmt.Sprintf(
		"La règle « %s » est requise, mais elle repose sur %s (%s) : des propos rapportés n'engagent pas l'émetteur du référentiel ; une telle règle est au plus recommandée (« recommended »).",
		truncate(rule.ID, 80), kindNoun(doc.Kind), truncate(doc.Attribution(), 300))}}
}

// kindNoun names a reported document with its article: « un article »,
// « un entretien ».
func kindNoun(k DocumentKind) string {
	if k == KindInterview {
		return "un entretien"
	}
	return "un article"
}

// checkLevel holds a required rule to its text: never « requis » without the
// quoted text and the word of it that obliges, nor with a word that
// [ModalLevels] classifies as a recommendation or an example. A word not
// classified is left to the referential's author, and so is a level lower
// than the word allows.
func (rule *Rule) checkLevel(base string) clsm.Problems {
	if rule.Level == LevelRequired && (strings.TrimSpace(rule.Quote) == "" || strings.TrimSpace(rule.Modal) == "") {
		var missing []string
		if strings.TrimSpace(rule.Quote) == "" {
			missing = append(missing, "le texte cité (« quote »)")
		}
		if strings.TrimSpace(rule.Modal) == "" {
			missing = append(missing, "le mot qui fixe l'obligation (« modal »)")
		}
		return clsm.Problems{{Code: CodeUnquotedRequired, Path: base + "/level", Message: fmt.Sprintf(
			"La règle « %s » est requise sans %s : une règle n'est requise que si le texte qui la fonde est cité avec le mot qui oblige ; complétez la citation, ou donnez-lui le niveau « recommandé » ou « bonne pratique ».",
			truncate(rule.ID, 80), strings.Join(missing, " ni "))}}
	}
	if rule.Level != LevelRequired {
		return nil
	}
	force, levels, ok := ModalLevels(rule.Modal)
	if !ok || slices.Contains(levels, rule.Level) {
		return nil
	}
	return clsm.Problems{{Code: CodeModalLevel, Path: base + "/level", Message: fmt.Sprintf(
		"La règle « %s » est requise, mais le mot « %s » exprime %s : choisissez %s.",
		truncate(rule.ID, 80), truncate(rule.Modal, 100), forceArticle[force], levelChoice(levels))}}
}

// forceArticle names a modal word's force with its article.
var forceArticle = map[ModalForce]string{ForceObligation: "une obligation", ForceRecommendation: "une recommandation", ForceExample: "un exemple"}

// levelChoice names the levels a modal word allows, in French.
func levelChoice(levels []Level) string {
	var names []string
	for _, l := range levels {
		names = append(names, "« "+wellformed.LowerFirst(l.Label())+" »")
	}
	return strings.Join(names, " ou ")
}

// checkReadiness checks that each stage's readiness names rules that are
// required, apply at that stage and carry no condition, so that « prêt »
// always rests on answers.
func (r *Referential) checkReadiness(docs map[string]bool) clsm.Problems {
	var ps clsm.Problems
	seen := map[clsm.Stage]bool{}
	// The rules by ID, the first of an ID as [Referential.Rule] finds it:
	// a search of the list for each reference would grow with the product
	// of the two lists.
	rules := make(map[string]*Rule, len(r.Rules))
	for i := range r.Rules {
		if _, twice := rules[r.Rules[i].ID]; !twice {
			rules[r.Rules[i].ID] = &r.Rules[i]
		}
	}
	for i, sr := range r.Readiness {
		base := fmt.Sprintf("/readiness/%d", i)
		if seen[sr.Stage] && sr.Stage != "" {
			ps = append(ps, clsm.Problem{Code: CodeDuplicateStage, Path: base + "/stage", Message: fmt.Sprintf("Le stade « %s » est décrit deux fois dans « readiness ».", sr.Stage.Label())})
		}
		seen[sr.Stage] = true
		if sr.Source != "" && !docs[sr.Source] {
			ps = append(ps, clsm.Problem{Code: CodeUnknownDocument, Path: base + "/source", Message: fmt.Sprintf("La définition du stade « %s » cite le document « %s », qui n'est pas dans la liste « documents ».", sr.Stage.Label(), sr.Source)})
		}
		for j, id := range sr.Rules {
			at := fmt.Sprintf("%s/rules/%d", base, j)
			rule, ok := rules[id]
			var why string
			switch {
			case !ok:
				why = "n'existe pas dans ce référentiel"
			case rule.Level != LevelRequired:
				why = "n'est pas une règle requise"
			case !rule.AppliesTo(sr.Stage):
				why = "ne s'applique pas à ce stade"
			case len(rule.When) > 0:
				why = "a des conditions d'application, et pourrait donc être sans objet"
			}
			if why != "" {
				ps = append(ps, clsm.Problem{Code: CodeReadinessRule, Path: at, Message: fmt.Sprintf("Stade « %s » : la règle « %s » %s ; un dossier « prêt » doit reposer sur des règles requises, sans condition, de ce stade.", sr.Stage.Label(), truncate(id, 80), why)})
			}
		}
	}
	return ps
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// contradictions finds the conditions of one rule on one question that no
// answer can satisfy together: the rule would always be « sans objet ». Each
// value is decoded once and the answers the conditions so far leave possible
// are kept as a set, so the work grows with the number of values, never with
// the number of pairs.
func contradictions(when []Condition, base string) clsm.Problems {
	type question struct {
		numbers  []string        // the conditions on the question, as « n° 1 »
		possible map[string]bool // the answers every condition so far accepts
	}
	var ps clsm.Problems
	questions := map[string]*question{}
	for j, c := range when {
		f, err := answers.FieldAt(c.Path)
		if err != nil {
			continue
		}
		accepted := make(map[string]bool, len(c.In))
		for _, raw := range c.In {
			if v, ok := decodeAs(raw, f.Type); ok {
				key, _ := json.Marshal(v.Interface())
				accepted[string(key)] = true
			}
		}
		q, seen := questions[c.Path]
		if !seen {
			questions[c.Path] = &question{numbers: []string{"n°\u00a0" + strconv.Itoa(j+1)}, possible: accepted}
			continue
		}
		q.numbers = append(q.numbers, "n°\u00a0"+strconv.Itoa(j+1))
		if len(q.possible) == 0 {
			continue // already reported
		}
		for key := range q.possible {
			if !accepted[key] {
				delete(q.possible, key)
			}
		}
		if len(q.possible) == 0 {
			ps = append(ps, clsm.Problem{Code: CodeConditionValue, Path: fmt.Sprintf("%s/when/%d", base, j), Message: fmt.Sprintf(
				"Les conditions %s portent sur la même question « %s » sans réponse commune\u00a0: la règle serait toujours sans objet.", wellformed.List(q.numbers), truncate(c.Path, 200))})
		}
	}
	return ps
}

func (c Condition) check(base string) clsm.Problems {
	if c.Path == "" {
		return nil
	}
	if c.Path == "/schemaVersion" {
		return clsm.Problems{{Code: CodeConditionPath, Path: base + "/path", Message: "Une condition ne peut pas porter sur la version du format : elle ne dit rien du CLSM, et un dossier lu est toujours mis au format courant."}}
	}
	f, err := answers.FieldAt(c.Path)
	if err != nil {
		return clsm.Problems{{Code: CodeConditionPath, Path: base + "/path", Message: "Condition : " + err.Error() + "."}}
	}
	var ps clsm.Problems
	t := f.Type
	if t.Kind() == reflect.Slice {
		ps = append(ps, clsm.Problem{Code: CodeConditionPath, Path: base + "/path", Message: fmt.Sprintf("Condition : « %s » est une liste ; une condition porte sur une réponse unique.", c.Path)})
		return ps
	}
	mf := model.FieldAt(reflect.TypeFor[clsm.Dossier](), c.Path)
	for i, raw := range c.In {
		v, ok := decodeAs(raw, t)
		why := ""
		if !ok {
			why = "n'est pas une réponse possible à cette question"
		} else if e, isEnum := reflect.Indirect(v).Interface().(clsm.Enum); isEnum && !e.Valid() {
			why = "n'est pas une réponse possible à cette question"
		} else if mf != nil {
			why = outOfBounds(reflect.Indirect(v), &mf.Value)
		}
		if why != "" {
			ps = append(ps, clsm.Problem{Code: CodeConditionValue, Path: fmt.Sprintf("%s/in/%d", base, i), Message: fmt.Sprintf("Condition sur « %s »\u00a0: %s %s.", c.Path, truncate(string(raw), 80), why)})
		}
	}
	return ps
}

// outOfBounds says why no valid dossier can give the answer v, for the
// question the model describes as value: a number outside its bounds, a
// text longer than it allows, a date that is not a real day. "" when a
// valid dossier can.
func outOfBounds(v reflect.Value, value *model.Value) string {
	switch {
	case value.Numeric():
		var x float64
		if v.CanInt() {
			x = float64(v.Int())
		} else {
			x = v.Float()
		}
		if !value.Min.Allows(x, true) {
			return "est en dessous du minimum de cette question (" + value.Min.Text + ")" + impossibleAnswer
		}
		if !value.Max.Allows(x, false) {
			return "dépasse le maximum de cette question (" + value.Max.Text + ")" + impossibleAnswer
		}
	case v.Kind() == reflect.String:
		s := v.String()
		if value.MaxLength != nil && utf8.RuneCountInString(s) > *value.MaxLength {
			return fmt.Sprintf("est plus long que ce que cette question accepte (%s au plus)", wellformed.Count(*value.MaxLength, "caractère", "caractères")) + impossibleAnswer
		}
		switch value.Format {
		case model.FormatDate, model.FormatDateNever:
			if _, ok := clsm.Date(s).Time(); !ok && !(value.Format == model.FormatDateNever && clsm.Date(s).IsNever()) {
				return "n'est pas une date réelle écrite AAAA-MM-JJ" + impossibleAnswer
			}
		}
	}
	return ""
}

// impossibleAnswer ends the reasons of outOfBounds.
const impossibleAnswer = ", si bien qu'aucun dossier valide ne peut y répondre ainsi"

// stagesExcluded finds, in a rule's conditions on the stage, the stages the
// rule itself does not apply to: no dossier can meet such a condition and
// the rule at once.
func stagesExcluded(rule *Rule, base string) clsm.Problems {
	var ps clsm.Problems
	for j, c := range rule.When {
		if c.Path != "/stage" {
			continue
		}
		for i, raw := range c.In {
			var s clsm.Stage
			if json.Unmarshal(raw, &s) != nil || !s.Valid() || rule.AppliesTo(s) {
				continue
			}
			ps = append(ps, clsm.Problem{Code: CodeConditionValue, Path: fmt.Sprintf("%s/when/%d/in/%d", base, j, i), Message: fmt.Sprintf(
				"Condition sur le stade\u00a0: la règle ne s'applique qu'aux CLSM %s, et jamais à un CLSM %s\u00a0; retirez cette valeur de la condition, ou ajoutez le stade à « stages ».",
				stageList(rule.Stages), stageList([]clsm.Stage{s}))})
		}
	}
	return ps
}

// unknownCheckMessage says that a rule names a check the catalogue does not
// have: the check it probably meant when the name is a typing slip, the
// whole catalogue otherwise.
func unknownCheckMessage(id string) string {
	var ids []string
	for _, c := range Catalogue() {
		ids = append(ids, c.ID)
	}
	if near, ok := suggest.Nearest(id, ids); ok {
		return fmt.Sprintf("La vérification «\u00a0%s\u00a0» n'existe pas dans le catalogue\u00a0: vouliez-vous dire «\u00a0%s\u00a0»\u00a0?", id, near)
	}
	return fmt.Sprintf("La vérification « %s » n'existe pas dans le catalogue. Vérifications disponibles : %s.", id, strings.Join(ids, ", "))
}

// looksLikeDossier reports whether the unknown top-level keys are those of a
// CLSM dossier.
func looksLikeDossier(ps clsm.Problems) bool {
	for _, p := range ps {
		if p.Code == clsm.CodeUnknownField && (p.Path == "/territory" || p.Path == "/stage" || p.Path == "/governance") {
			return true
		}
	}
	return false
}
