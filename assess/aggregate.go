package assess

import (
	"cmp"
	"errors"
	"fmt"
	"hash/maphash"
	"maps"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// Entry is one file of a set of dossiers, as the ARS received it: its name,
// and either a report or the French problems that keep it from having one.
// An entry is never dropped: an unreadable or invalid file stays in the set
// with its problems.
type Entry struct {
	// File is the file's name as the caller knows it (a base name, or a
	// path relative to the folder read).
	File string
	// Dossier is the dossier read from the file; nil when it could not be
	// read at all.
	Dossier *clsm.Dossier
	// Report is the assessment; nil when the file is unreadable or the
	// dossier invalid.
	Report *Report
	// Problems says, in French, why there is no report.
	Problems clsm.Problems
}

// EvaluateFile reads and assesses one file. It never fails: a file that is
// not a readable, valid dossier gets an Entry without a report and with its
// problems (those of [clsm.Parse], or of [Evaluate]).
func EvaluateFile(name string, data []byte, ref *labels.Referential, at time.Time) Entry {
	return evaluateFile(name, data, ref, at, evaluateValid)
}

// evaluateFile is EvaluateFile with the function that assesses a valid
// dossier: evaluateUnspaced for the regional report, which spaces the few
// texts it keeps.
func evaluateFile(name string, data []byte, ref *labels.Referential, at time.Time, evaluate func(*clsm.Dossier, *labels.Referential, time.Time) *Report) Entry {
	e := Entry{File: name}
	d, err := clsm.Parse(data)
	e.Dossier = d
	if err != nil {
		e.Problems = problemsOf(err)
		return e
	}
	if err := checkReferential(ref); err != nil {
		e.Problems = problemsOf(err)
		return e
	}
	if err := checkDate(at); err != nil {
		e.Problems = problemsOf(err)
		return e
	}
	e.Report = evaluate(d, ref, at) // Parse has validated it
	return e
}

// problemsOf turns an error of Parse or Evaluate into problems.
func problemsOf(err error) clsm.Problems {
	var ps clsm.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		return ps
	}
	return clsm.Problems{{Code: clsm.CodeError, Message: err.Error()}}
}

// AggregateFiles assesses every file against one referential at one date
// and aggregates them: what an ARS does with the dossiers of its region.
// Files are assessed in parallel and added, in the order of their names, to
// an [Aggregator] as soon as they are assessed, so that only a few of them
// are held assessed at once; none stops the others.
func AggregateFiles(files map[string][]byte, ref *labels.Referential, at time.Time) (*RegionalReport, error) {
	if ref == nil || len(ref.Rules) == 0 {
		return nil, errors.New("assess: le référentiel est vide")
	}
	names := slices.Sorted(maps.Keys(files))
	g := NewAggregator()
	// Each file is assessed by one of a few goroutines and added in the
	// order of the names: the report does not depend on the order they
	// finish in, and at most a window of them waits to be added.
	workers := max(1, min(runtime.GOMAXPROCS(0), len(names)))
	done := make([]chan Entry, len(names))
	for i := range done {
		done[i] = make(chan Entry, 1)
	}
	next := make(chan int, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				done[i] <- evaluateFile(names[i], files[names[i]], ref, at, evaluateUnspaced)
			}
		})
	}
	go func() {
		for i := range names {
			next <- i
		}
		close(next)
	}()
	var err error
	for i, name := range names {
		e := <-done[i]
		if err != nil {
			continue
		}
		if !g.Repeats(name, files[name]) {
			err = g.Add(e)
		}
	}
	wg.Wait()
	if err != nil {
		return nil, err
	}
	return g.ReportFor(ref, at), nil
}

// ReportFor is [Aggregator.Report] for files assessed against ref at at:
// with no report at all, the referential and the date are still known.
func (g *Aggregator) ReportFor(ref *labels.Referential, at time.Time) *RegionalReport {
	a := g.Report()
	a.Referential = ReferentialInfo{ID: ref.ID, Name: ref.Name, Issuer: ref.Issuer, Version: ref.Version}
	a.Partial = ref.Partial()
	a.EvaluatedOn = clsm.DateOf(time.Date(at.Year(), at.Month(), at.Day(), 0, 0, 0, 0, time.UTC))
	return a
}

// ReferentialForFiles chooses the built-in referential for a set of files as
// an ARS receives them: that of the region all the readable dossiers share
// (by their department) when that region has one, else the default one (the
// national baseline). The sentence returned says, in French, which was
// chosen and why. Files that cannot be read, or that do not name their
// department, do not count.
func ReferentialForFiles(files map[string][]byte) (*labels.Referential, string) {
	var c RegionChooser
	for _, data := range files {
		c.Add(data)
	}
	return c.Choose()
}

// RegionChooser chooses the built-in referential for files read one at a
// time, as [ReferentialForFiles] does for a set held at once: it keeps
// only the regions met. The zero value is ready to use.
type RegionChooser struct {
	regions map[string]clsm.Region
}

// Add notes the region of one file's dossier, if it can be read and names
// its department. The data is not kept.
func (c *RegionChooser) Add(data []byte) {
	d, _ := clsm.Parse(data)
	if d == nil {
		return
	}
	if r, ok := d.Territory.Department.Region(); ok {
		if c.regions == nil {
			c.regions = map[string]clsm.Region{}
		}
		c.regions[r.Code] = r
	}
}

// Choose returns the referential of the region every file added shares,
// else the default one, and the French sentence that says why.
func (c *RegionChooser) Choose() (*labels.Referential, string) {
	regions := c.regions
	def := labels.ForRegion("")
	switch len(regions) {
	case 0:
		return def, fmt.Sprintf("Aucun dossier ne dit son département : le référentiel par défaut, « %s », est appliqué.", def.Name)
	case 1:
		for _, r := range regions {
			if ref := labels.ForRegion(r.Code); ref != nil && !ref.Default {
				return ref, fmt.Sprintf("Les dossiers relèvent tous de la région %s : son référentiel, « %s », est appliqué.", r.Name, ref.Name)
			}
			return def, fmt.Sprintf("Les dossiers relèvent tous de la région %s, qui n'a pas de référentiel intégré : le référentiel par défaut, « %s », est appliqué.", r.Name, def.Name)
		}
	}
	return def, fmt.Sprintf("Les dossiers relèvent de %d\u00a0régions différentes : le référentiel par défaut, « %s », est appliqué.", len(regions), def.Name)
}

// RegionalVersion is the version of the regional report format.
const RegionalVersion = 1

// MaxTopGaps is how many blocking gaps the regional report ranks.
const MaxTopGaps = 10

// MaxMainGaps is how many blocking gaps the regional report names for each
// CLSM.
const MaxMainGaps = 3

// RegionalReport aggregates the reports of many CLSM against one referential
// at one date: how many are ready, which requirements fail most often and
// where. Every list is in a stable order, so that two runs on the same files
// give the same report.
type RegionalReport struct {
	SchemaVersion int             `json:"schemaVersion"`
	Referential   ReferentialInfo `json:"referential"`
	EvaluatedOn   clsm.Date       `json:"evaluatedOn"`
	// Partial is true when the referential was written without some of its
	// reference documents: its best level is then « Prêt au regard des
	// règles connues », in every headline as in every row (see
	// [RegionalReport.LevelLabel]).
	Partial bool `json:"partial"`
	// Files counts every file given; Assessed those with a report.
	Files    int `json:"files"`
	Assessed int `json:"assessed"`
	// Levels counts the assessed CLSM by readiness level.
	Levels LevelCounts `json:"levels"`
	// Stages counts the assessed CLSM by stage, in the order of the stages,
	// « non renseigné » (an empty stage) last.
	Stages []StageCount `json:"stages"`
	// Regions and Departments count the assessed CLSM by place, by code; a
	// dossier without a department counts under the code "".
	Regions     []PlaceCount `json:"regions"`
	Departments []PlaceCount `json:"departments"`
	// Rules counts, for every rule of the referential, in its order, the
	// CLSM that meet it, miss it, leave it blank or are not concerned.
	Rules []RuleCount `json:"rules"`
	// TopGaps are the required rules most often not met (at most
	// MaxTopGaps), the most frequent first.
	TopGaps []RuleCount `json:"topGaps"`
	// CoordinatorFTE spreads the coordinator's full-time equivalent over the
	// assessed CLSM that give it.
	CoordinatorFTE Spread `json:"coordinatorFTE"`
	// Funding spreads the share of the coordinator's post each kind of funder
	// pays, over the CLSM it funds among those that list their funders with
	// every share (FundingDetailed counts them): a CLSM it does not fund, or
	// that does not say, is never counted as a 0.
	Funding         []FunderSpread `json:"funding"`
	FundingDetailed int            `json:"fundingDetailed"`
	// CLSM lists the assessed CLSM, by file name.
	CLSM []CLSMRow `json:"clsm"`
	// Invalid lists the files without a report, by file name, with their
	// problems in French.
	Invalid []InvalidFile `json:"invalid"`
	// Duplicates lists the files that repeat another, by file name: a
	// copy is counted once, a CLSM of the same name and communes is counted
	// and pointed out. Absent when no file repeats another.
	Duplicates []DuplicateFile `json:"duplicates,omitempty"`
	// Warnings are what the reader must know before trusting the figures.
	Warnings []string `json:"warnings"`
	// ReferentialChoice says, in French, why this referential was applied
	// when it was chosen from the dossiers' region (see
	// [ReferentialForFiles]); empty when the caller named it.
	ReferentialChoice string `json:"referentialChoice,omitzero"`
	// Evolution is the year-on-year comparison, when a previous set was
	// given (see [CompareSets]).
	Evolution *RegionalComparison `json:"evolution,omitzero"`
}

// LevelCounts counts CLSM by readiness level.
type LevelCounts struct {
	Ready       int `json:"ready"`
	AlmostReady int `json:"almostReady"`
	InProgress  int `json:"inProgress"`
	Incomplete  int `json:"incomplete"`
}

// Total is the number of CLSM counted.
func (c LevelCounts) Total() int { return c.Ready + c.AlmostReady + c.InProgress + c.Incomplete }

// Of returns the count of one level.
func (c LevelCounts) Of(l ReadinessLevel) int {
	switch l {
	case Ready:
		return c.Ready
	case AlmostReady:
		return c.AlmostReady
	case InProgress:
		return c.InProgress
	}
	return c.Incomplete
}

func (c *LevelCounts) add(l ReadinessLevel) {
	switch l {
	case Ready:
		c.Ready++
	case AlmostReady:
		c.AlmostReady++
	case InProgress:
		c.InProgress++
	default:
		c.Incomplete++
	}
}

// LevelLabel is the French name of a readiness level in this report's
// headlines: that of its rows, « Prêt au regard des règles connues » for
// the best level when the referential is partial, never a plain « Prêt à
// déposer » above rows that do not say it.
func (a *RegionalReport) LevelLabel(l ReadinessLevel) string {
	if l == Ready && a.Partial {
		return ReadyKnownRulesLabel
	}
	return l.Label()
}

// Levels lists the readiness levels, from the best.
func Levels() []ReadinessLevel { return []ReadinessLevel{Ready, AlmostReady, InProgress, Incomplete} }

// StageCount counts the CLSM at one stage ("" when the dossier does not say).
type StageCount struct {
	Stage clsm.Stage `json:"stage"`
	Label string     `json:"label"`
	Count int        `json:"count"`
}

// PlaceCount counts the CLSM of a region or a department, by level.
type PlaceCount struct {
	Code   string      `json:"code"`
	Label  string      `json:"label"`
	Levels LevelCounts `json:"levels"`
}

// RuleCount counts the outcomes of one rule over the assessed CLSM.
type RuleCount struct {
	RuleID        string       `json:"ruleId"`
	Level         labels.Level `json:"level"`
	Requirement   string       `json:"requirement"`
	Met           int          `json:"met"`
	Unmet         int          `json:"unmet"`
	Unknown       int          `json:"unknown"`
	NotApplicable int          `json:"notApplicable"`
}

// Spread describes a figure over the CLSM that give it: how many, the
// minimum, the quartiles (linear interpolation between the closest ranks),
// the median and the maximum. The figures are absent when no CLSM gives it.
type Spread struct {
	Answered int      `json:"answered"`
	Min      *float64 `json:"min,omitzero"`
	Q1       *float64 `json:"q1,omitzero"`
	Median   *float64 `json:"median,omitzero"`
	Q3       *float64 `json:"q3,omitzero"`
	Max      *float64 `json:"max,omitzero"`
}

// FunderSpread spreads the share one kind of funder pays over the CLSM it
// funds; Involved counts them (Share.Answered is the same number).
type FunderSpread struct {
	Kind     clsm.FunderKind `json:"kind"`
	Label    string          `json:"label"`
	Involved int             `json:"involved"`
	Share    Spread          `json:"share"`
}

// CLSMRow is one assessed CLSM in the regional report.
type CLSMRow struct {
	File       string              `json:"file"`
	Name       string              `json:"name"`
	Level      ReadinessLevel      `json:"level"`
	Label      string              `json:"label"`
	Stage      clsm.Stage          `json:"stage,omitzero"`
	Department clsm.DepartmentCode `json:"department,omitzero"`
	Region     string              `json:"region,omitzero"`
	// Compliance and Confidence are those of the report's readiness.
	Compliance *int `json:"compliance,omitzero"`
	Confidence int  `json:"confidence"`
	// RequiredUnmet counts the blocking gaps; MainGaps names the first
	// MaxMainGaps of them, in the order of the referential.
	RequiredUnmet  int      `json:"requiredUnmet"`
	MainGaps       []string `json:"mainGaps"`
	CoordinatorFTE *float64 `json:"coordinatorFTE,omitzero"`
}

// Same says what a file repeats of another.
type Same string

// What a duplicate file repeats of another.
const (
	// SameContent is a byte-for-byte copy: counted once.
	SameContent Same = "content"
	// SameNameAndCommunes is a CLSM of the same name covering the same
	// communes, with other answers: counted, and left to the ARS to judge.
	SameNameAndCommunes Same = "name_and_communes"
)

// DuplicateFile is a file that repeats another one of the set.
type DuplicateFile struct {
	// File is the file that repeats; Of the first one it repeats, in the
	// order the files were given (that of their names).
	File string `json:"file"`
	Of   string `json:"of"`
	Same Same   `json:"same"`
	// Counted is true when the file is counted in the figures despite the
	// repetition (a CLSM of the same name and communes).
	Counted bool `json:"counted"`
}

// InvalidFile is a file without a report, and why.
type InvalidFile struct {
	File     string        `json:"file"`
	Name     string        `json:"name,omitzero"`
	Problems clsm.Problems `json:"problems"`
}

// Aggregate counts and spreads the entries of a set of dossiers. Every
// report must use the same referential; an entry without a report is listed
// in Invalid with its problems. Entries are sorted by file name.
func Aggregate(entries []Entry) (*RegionalReport, error) {
	entries = slices.Clone(entries)
	slices.SortStableFunc(entries, func(a, b Entry) int { return strings.Compare(a.File, b.File) })
	g := NewAggregator()
	for _, e := range entries {
		if err := g.Add(e); err != nil {
			return nil, err
		}
	}
	return g.Report(), nil
}

// Aggregator builds a regional report one evaluated file at a time, keeping
// of each only what the report needs (its row, its counts, its figures),
// never its dossier or its full report: the memory it holds grows with the
// number of files by a few hundred bytes each, whatever their size. The
// files are best given in the order of their names, as [AggregateFiles]
// does: the report lists them by name whatever the order, and the first
// one of two identical files is the one counted.
//
// An Aggregator is not safe for use by several goroutines at once.
type Aggregator struct {
	a           *RegionalReport
	first       *Report
	stages      map[clsm.Stage]int
	regions     map[string]*PlaceCount
	depts       map[string]*PlaceCount
	ruleIndex   map[string]int
	ftes        []float64
	shares      map[clsm.FunderKind][]float64
	involved    map[clsm.FunderKind]int
	outOfRegion int
	seed        maphash.Seed
	contents    map[contentKey]string // a file's content -> the first file with it
	places      map[string]string     // a CLSM's name and communes -> the first file with them
}

// NewAggregator returns an empty Aggregator.
func NewAggregator() *Aggregator {
	return &Aggregator{
		a: &RegionalReport{
			SchemaVersion: RegionalVersion,
			Stages:        []StageCount{}, Regions: []PlaceCount{}, Departments: []PlaceCount{},
			Rules: []RuleCount{}, TopGaps: []RuleCount{}, Funding: []FunderSpread{},
			CLSM: []CLSMRow{}, Invalid: []InvalidFile{}, Warnings: []string{},
		},
		stages: map[clsm.Stage]int{}, regions: map[string]*PlaceCount{}, depts: map[string]*PlaceCount{},
		ruleIndex: map[string]int{}, shares: map[clsm.FunderKind][]float64{}, involved: map[clsm.FunderKind]int{},
		seed: maphash.MakeSeed(), contents: map[contentKey]string{}, places: map[string]string{},
	}
}

// AddFile reads and assesses one file (see [EvaluateFile]) and adds it,
// unless a file already added has the same content: that copy is then
// listed in Duplicates and counted once. The file's data is not kept.
func (g *Aggregator) AddFile(name string, data []byte, ref *labels.Referential, at time.Time) error {
	if g.Repeats(name, data) {
		return nil
	}
	return g.Add(evaluateFile(name, data, ref, at, evaluateUnspaced))
}

// Repeats reports whether a file already given has the same content as
// data: the file name is then listed in Duplicates, counted among the
// files read and not added again. Otherwise it remembers data's content
// (a hash, not the data) and the caller adds the file with [Aggregator.Add].
// AddFile calls it; a caller that keeps the entries too (for
// [CompareSets]) calls it before Add.
func (g *Aggregator) Repeats(name string, data []byte) bool {
	sum := contentKey{size: len(data), hash: maphash.Bytes(g.seed, data)}
	if of, ok := g.contents[sum]; ok {
		g.a.Files++
		g.a.Duplicates = append(g.a.Duplicates, DuplicateFile{File: name, Of: of, Same: SameContent})
		return true
	}
	g.contents[sum] = name
	return false
}

// Add adds one evaluated file. It fails when the entry's report was made
// with another referential, or at another date, than those added before.
// A CLSM with the same name and the same communes as one added before is
// counted, and listed in Duplicates: only the ARS can tell whether it is
// the same CLSM written twice.
func (g *Aggregator) Add(e Entry) error {
	a := g.a
	r := e.Report
	if r == nil {
		a.Files++
		inv := InvalidFile{File: e.File, Problems: e.Problems}
		if inv.Problems == nil {
			inv.Problems = clsm.Problems{}
		}
		if e.Dossier != nil {
			inv.Name = e.Dossier.Name
		}
		a.Invalid = append(a.Invalid, inv)
		return nil
	}
	if g.first == nil {
		// Only what the report needs of the first report is kept: its
		// referential, its date and its caveat.
		// The texts kept get French typography's no-break spaces (a report
		// made for the regional view has none; spacing twice changes nothing).
		first := &Report{Referential: r.Referential, EvaluatedOn: r.EvaluatedOn, Readiness: r.Readiness}
		first.Readiness.Caveat = frenchSpaces(first.Readiness.Caveat)
		frenchSpacesIn(reflect.ValueOf(&first.Referential).Elem())
		g.first = first
		a.Referential, a.EvaluatedOn, a.Partial = first.Referential, r.EvaluatedOn, r.Readiness.Partial
		for _, f := range r.Findings {
			g.ruleIndex[f.RuleID] = len(a.Rules)
			a.Rules = append(a.Rules, RuleCount{RuleID: f.RuleID, Level: f.Level, Requirement: frenchSpaces(f.Requirement)})
		}
	} else if r.Referential.ID != g.first.Referential.ID || r.EvaluatedOn != g.first.EvaluatedOn {
		return fmt.Errorf("assess: « %s » n'est pas évalué avec le même référentiel à la même date que les autres dossiers (%s le %s, au lieu de %s le %s)",
			Inert(e.File), Inert(r.Referential.ID), r.EvaluatedOn, Inert(g.first.Referential.ID), g.first.EvaluatedOn)
	}
	a.Files++
	if e.Dossier != nil {
		if key := placeKey(e.Dossier); key != "" {
			if of, ok := g.places[key]; ok {
				a.Duplicates = append(a.Duplicates, DuplicateFile{File: e.File, Of: of, Same: SameNameAndCommunes, Counted: true})
			} else {
				g.places[key] = e.File
			}
		}
	}
	a.Assessed++
	level := r.Readiness.Level
	a.Levels.add(level)
	g.stages[r.Dossier.Stage]++
	place := func(m map[string]*PlaceCount, code, label string) {
		p, ok := m[code]
		if !ok {
			p = &PlaceCount{Code: code, Label: label}
			m[code] = p
		}
		p.Levels.add(level)
	}
	deptLabel, regionLabel := "Département non renseigné", "Région non renseignée"
	if r.Dossier.Department != "" {
		deptLabel = r.Dossier.Department.Label()
	}
	regionCode := ""
	if reg, ok := r.Dossier.Department.Region(); ok {
		regionCode, regionLabel = reg.Code, reg.Name
	}
	place(g.depts, string(r.Dossier.Department), deptLabel)
	place(g.regions, regionCode, regionLabel)
	if len(r.Warnings) > 0 {
		g.outOfRegion++
	}
	row := CLSMRow{
		File: e.File, Name: r.Dossier.Name, Level: level, Label: frenchSpaces(r.Readiness.Label),
		Stage: r.Dossier.Stage, Department: r.Dossier.Department, Region: r.Dossier.Region,
		Compliance: r.Readiness.Compliance, Confidence: r.Readiness.Confidence,
		RequiredUnmet: r.Counts.RequiredUnmet, MainGaps: []string{},
		CoordinatorFTE: r.Indicators.CoordinatorFTE,
	}
	for _, f := range r.Findings {
		i, ok := g.ruleIndex[f.RuleID]
		if !ok {
			continue
		}
		rc := &a.Rules[i]
		switch f.Outcome {
		case labels.Met:
			rc.Met++
		case labels.Unmet:
			rc.Unmet++
			if f.Level == labels.LevelRequired && len(row.MainGaps) < MaxMainGaps {
				row.MainGaps = append(row.MainGaps, f.RuleID)
			}
		case labels.Unknown:
			rc.Unknown++
		default:
			rc.NotApplicable++
		}
	}
	a.CLSM = append(a.CLSM, row)
	if fte := r.Indicators.CoordinatorFTE; fte != nil {
		g.ftes = append(g.ftes, *fte)
	}
	if fs := r.Indicators.Funding; len(fs) > 0 && allShares(fs) {
		a.FundingDetailed++
		paid := map[clsm.FunderKind]float64{}
		for _, f := range fs {
			paid[f.Kind] += *f.Share
		}
		for _, o := range clsm.FunderKind("").Options() {
			k := clsm.FunderKind(o.Value)
			if paid[k] > 0 {
				g.shares[k] = append(g.shares[k], paid[k])
				g.involved[k]++
			}
		}
	}
	return nil
}

// contentKey stands for a file's content: its size and a 64-bit hash with
// a seed drawn for each Aggregator, which no one can aim a collision at
// (the checker links no cryptographic hash, to stay small).
type contentKey struct {
	size int
	hash uint64
}

// placeKey is the name and the communes of a CLSM, written so that two
// dossiers of the same CLSM give the same key; "" when either is missing.
func placeKey(d *clsm.Dossier) string {
	name := normName(d.Name)
	if name == "" || len(d.Territory.Communes) == 0 {
		return ""
	}
	communes := make([]string, len(d.Territory.Communes))
	for i, c := range d.Territory.Communes {
		communes[i] = string(c)
	}
	slices.Sort(communes)
	return name + "\x00" + strings.Join(communes, ",")
}

// Report returns the regional report of the files added so far, their
// lists in the order of the file names. The Aggregator may be given more
// files afterwards.
func (g *Aggregator) Report() *RegionalReport {
	a := *g.a
	byFile := func(x, y string) int { return strings.Compare(x, y) }
	a.CLSM = slices.Clone(a.CLSM)
	slices.SortStableFunc(a.CLSM, func(x, y CLSMRow) int { return byFile(x.File, y.File) })
	a.Invalid = slices.Clone(a.Invalid)
	slices.SortStableFunc(a.Invalid, func(x, y InvalidFile) int { return byFile(x.File, y.File) })
	a.Duplicates = slices.Clone(a.Duplicates)
	slices.SortStableFunc(a.Duplicates, func(x, y DuplicateFile) int { return byFile(x.File, y.File) })
	a.Rules = slices.Clone(a.Rules)
	a.Stages, a.TopGaps, a.Funding, a.Warnings = []StageCount{}, []RuleCount{}, []FunderSpread{}, []string{}
	for _, o := range clsm.Stage("").Options() {
		if n := g.stages[clsm.Stage(o.Value)]; n > 0 {
			a.Stages = append(a.Stages, StageCount{Stage: clsm.Stage(o.Value), Label: stageShort(clsm.Stage(o.Value)), Count: n})
		}
	}
	if n := g.stages[""]; n > 0 {
		a.Stages = append(a.Stages, StageCount{Label: "non renseigné", Count: n})
	}
	a.Regions = sortedPlaces(g.regions)
	a.Departments = sortedPlaces(g.depts)
	for _, rc := range a.Rules {
		if rc.Level == labels.LevelRequired && rc.Unmet > 0 {
			a.TopGaps = append(a.TopGaps, rc)
		}
	}
	slices.SortStableFunc(a.TopGaps, func(x, y RuleCount) int { return cmp.Compare(y.Unmet, x.Unmet) })
	if len(a.TopGaps) > MaxTopGaps {
		a.TopGaps = a.TopGaps[:MaxTopGaps]
	}
	a.CoordinatorFTE = spread(g.ftes)
	for _, o := range clsm.FunderKind("").Options() {
		k := clsm.FunderKind(o.Value)
		a.Funding = append(a.Funding, FunderSpread{Kind: k, Label: o.Label, Involved: g.involved[k], Share: spread(g.shares[k])})
	}
	if g.outOfRegion == 1 {
		a.Warnings = append(a.Warnings, "1\u00a0dossier relève d'une autre région que celle du référentiel appliqué : son verdict ne dit rien des exigences de son ARS.")
	} else if g.outOfRegion > 1 {
		a.Warnings = append(a.Warnings, fmt.Sprintf("%s relèvent d'une autre région que celle du référentiel appliqué ; leur verdict ne dit rien des exigences de leur ARS.",
			clsm.FrenchCount(g.outOfRegion, "dossier", "dossiers")))
	}
	if g.first != nil && g.first.Readiness.Partial {
		a.Warnings = append(a.Warnings, g.first.Readiness.Caveat)
	}
	if w := duplicatesWarning(a.Duplicates); w != "" {
		a.Warnings = append(a.Warnings, w)
	}
	for i := range a.Warnings {
		a.Warnings[i] = frenchSpaces(a.Warnings[i])
	}
	return &a
}

// duplicatesWarning says, in French, what the report did with the files
// that repeat another: a copy counted once, a CLSM perhaps written twice.
func duplicatesWarning(ds []DuplicateFile) string {
	copies, twice := 0, 0
	for _, d := range ds {
		if d.Same == SameContent {
			copies++
		} else {
			twice++
		}
	}
	var parts []string
	if copies == 1 {
		parts = append(parts, "1\u00a0fichier est la copie exacte d'un autre : il n'est compté qu'une fois")
	} else if copies > 1 {
		parts = append(parts, fmt.Sprintf("%s sont la copie exacte d'un autre : chacun n'est compté qu'une fois", clsm.FrenchCount(copies, "fichier", "fichiers")))
	}
	if twice == 1 {
		parts = append(parts, "1\u00a0dossier porte le même nom et les mêmes communes qu'un autre : il est compté, mais c'est peut-être le même CLSM écrit deux fois")
	} else if twice > 1 {
		parts = append(parts, fmt.Sprintf("%s portent le même nom et les mêmes communes qu'un autre : ils sont comptés, mais ce sont peut-être les mêmes CLSM écrits deux fois", clsm.FrenchCount(twice, "dossier", "dossiers")))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " ; ") + " (voir les doublons)."
}

func allShares(fs []clsm.Funder) bool {
	for _, f := range fs {
		if f.Share == nil {
			return false
		}
	}
	return true
}

// sortedPlaces orders places by code, the unknown place ("") last.
func sortedPlaces(m map[string]*PlaceCount) []PlaceCount {
	out := make([]PlaceCount, 0, len(m))
	for _, p := range m {
		out = append(out, *p)
	}
	slices.SortFunc(out, func(x, y PlaceCount) int {
		if (x.Code == "") != (y.Code == "") {
			if x.Code == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(x.Code, y.Code)
	})
	return out
}

// spread computes the minimum, quartiles, median and maximum of xs, with
// linear interpolation between the closest ranks (the method of most
// spreadsheets' QUARTILE function).
func spread(xs []float64) Spread {
	s := Spread{Answered: len(xs)}
	if len(xs) == 0 {
		return s
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	q := func(p float64) *float64 {
		pos := p * float64(len(xs)-1)
		i := int(pos)
		v := xs[i]
		if i+1 < len(xs) {
			v += (pos - float64(i)) * (xs[i+1] - xs[i])
		}
		v = float64(int64(v*100+0.5)) / 100 // two decimals, as the reports write them
		return &v
	}
	s.Min, s.Q1, s.Median, s.Q3, s.Max = q(0), q(0.25), q(0.5), q(0.75), q(1)
	return s
}

// RegionalComparison is what changed in a region from one set of dossiers
// (last year's) to another (this year's), CLSM by CLSM.
type RegionalComparison struct {
	Before clsm.Date `json:"before"`
	After  clsm.Date `json:"after"`
	// Improved and Regressed list the CLSM whose situation changed, by file
	// name of this year; Unchanged counts the others found in both sets.
	Improved  []CLSMChange `json:"improved"`
	Regressed []CLSMChange `json:"regressed"`
	Unchanged int          `json:"unchanged"`
	// OnlyBefore and OnlyAfter name the files found in one set only (or
	// without a report in one of them).
	OnlyBefore []string `json:"onlyBefore"`
	OnlyAfter  []string `json:"onlyAfter"`
	// RulesMoved are the rules whose outcome changed for the most CLSM
	// (at most MaxTopGaps), the most moved first.
	RulesMoved []RuleMove `json:"rulesMoved"`
}

// CLSMChange is one CLSM whose situation changed from one year to the next.
type CLSMChange struct {
	Name       string         `json:"name"`
	FileBefore string         `json:"fileBefore"`
	FileAfter  string         `json:"fileAfter"`
	LevelWas   ReadinessLevel `json:"levelBefore"`
	LevelNow   ReadinessLevel `json:"levelAfter"`
	// RulesImproved and RulesRegressed count the rules of each kind (see
	// [Compare]).
	RulesImproved  int `json:"rulesImproved"`
	RulesRegressed int `json:"rulesRegressed"`
}

// RuleMove counts, for one rule, the CLSM for which it improved and those
// for which it regressed.
type RuleMove struct {
	RuleID      string `json:"ruleId"`
	Requirement string `json:"requirement"`
	Improved    int    `json:"improved"`
	Regressed   int    `json:"regressed"`
}

// levelRank orders the readiness levels: incomplete < in progress < almost
// ready < ready.
var levelRank = map[ReadinessLevel]int{Incomplete: 0, InProgress: 1, AlmostReady: 2, Ready: 3}

// CompareSets compares two sets of entries of the same region: last year's
// (before) and this year's (after), both assessed against the same
// referential. A CLSM is matched by its name (ignoring letter case and
// repeated spaces) when that name is given and unique in its set, and
// otherwise by its file's base name. A CLSM improved when its readiness level rose, or stayed the same
// with more rules improved than regressed ([Compare]); it regressed in the
// opposite cases.
func CompareSets(before, after []Entry) (*RegionalComparison, error) {
	c := &RegionalComparison{Improved: []CLSMChange{}, Regressed: []CLSMChange{}, OnlyBefore: []string{}, OnlyAfter: []string{}, RulesMoved: []RuleMove{}}
	was := matchKeys(before)
	now := matchKeys(after)
	moves := map[string]*RuleMove{}
	var order []string
	matched := map[string]bool{}
	for _, key := range slices.Sorted(maps.Keys(now)) {
		ea := now[key]
		eb, ok := was[key]
		if !ok {
			c.OnlyAfter = append(c.OnlyAfter, ea.File)
			continue
		}
		matched[key] = true
		cmpr, err := Compare(eb.Report, ea.Report)
		if err != nil {
			return nil, err
		}
		if c.Before == "" {
			c.Before, c.After = cmpr.Before, cmpr.After
		}
		ch := CLSMChange{Name: ea.Report.Dossier.Name, FileBefore: eb.File, FileAfter: ea.File,
			LevelWas: cmpr.ReadinessWas, LevelNow: cmpr.ReadinessNow,
			RulesImproved: len(cmpr.Improved), RulesRegressed: len(cmpr.Regressed)}
		delta := levelRank[ch.LevelNow] - levelRank[ch.LevelWas]
		if delta == 0 {
			delta = ch.RulesImproved - ch.RulesRegressed
		}
		switch {
		case delta > 0:
			c.Improved = append(c.Improved, ch)
		case delta < 0:
			c.Regressed = append(c.Regressed, ch)
		default:
			c.Unchanged++
		}
		note := func(list []Change, improved bool) {
			for _, x := range list {
				m, ok := moves[x.RuleID]
				if !ok {
					m = &RuleMove{RuleID: x.RuleID, Requirement: x.Requirement}
					moves[x.RuleID] = m
					order = append(order, x.RuleID)
				}
				if improved {
					m.Improved++
				} else {
					m.Regressed++
				}
			}
		}
		note(cmpr.Improved, true)
		note(cmpr.Regressed, false)
	}
	for _, key := range slices.Sorted(maps.Keys(was)) {
		if !matched[key] {
			c.OnlyBefore = append(c.OnlyBefore, was[key].File)
		}
	}
	slices.Sort(c.OnlyBefore)
	slices.Sort(c.OnlyAfter)
	byFile := func(x, y CLSMChange) int { return strings.Compare(x.FileAfter, y.FileAfter) }
	slices.SortFunc(c.Improved, byFile)
	slices.SortFunc(c.Regressed, byFile)
	slices.Sort(order)
	for _, id := range order {
		c.RulesMoved = append(c.RulesMoved, *moves[id])
	}
	slices.SortStableFunc(c.RulesMoved, func(x, y RuleMove) int {
		return cmp.Compare(y.Improved+y.Regressed, x.Improved+x.Regressed)
	})
	if len(c.RulesMoved) > MaxTopGaps {
		c.RulesMoved = c.RulesMoved[:MaxTopGaps]
	}
	return c, nil
}

// matchKeys gives each entry with a report the key it is matched by: its
// CLSM's name when given and unique in the set, its file's base name
// otherwise. Entries without a report are not matched.
func matchKeys(entries []Entry) map[string]Entry {
	names := map[string]int{}
	for _, e := range entries {
		if e.Report != nil {
			if n := normName(e.Report.Dossier.Name); n != "" {
				names[n]++
			}
		}
	}
	out := map[string]Entry{}
	for _, e := range entries {
		if e.Report == nil {
			continue
		}
		key := "file:" + baseName(e.File)
		if n := normName(e.Report.Dossier.Name); n != "" && names[n] == 1 {
			key = "name:" + n
		}
		out[key] = e
	}
	return out
}

func normName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}
