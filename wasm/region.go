package wasm

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// MaxRegionSessions is how many regional reports may be under way at once
// in one checker: starting one more ends the oldest, so that a page that
// never ends its sessions (a tab whose runs were replaced) holds a bounded
// memory.
const MaxRegionSessions = 4

// regionSession is one regional report under way (see the region methods
// of [Methods]): the files are given one at a time, and only what the
// report needs of each is kept.
type regionSession struct {
	id      int
	ref     *labels.Referential // nil until chosen, with "auto"
	at      time.Time
	chooser *assess.RegionChooser // with "auto": the regions noted so far
	choice  string
	g       *assess.Aggregator
	names   map[string]bool // the names given, for « (2) » on a name given twice
}

// regionSessions are the sessions under way, oldest first.
type regionSessions struct {
	mu   sync.Mutex
	next int
	list []*regionSession
}

var sessions regionSessions

var errNoSession = &Error{Message: "Cette synthèse régionale n'est plus en cours (terminée, annulée ou remplacée par une plus récente)\u00a0: recommencez l'évaluation des fichiers."}

func (s *regionSessions) call(method string, args []string) (any, *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if method == "regionStart" {
		return s.start(args[0], args[1])
	}
	id, err := strconv.Atoi(strings.TrimSpace(args[0]))
	if err != nil {
		return nil, errNoSession
	}
	i := -1
	for j, r := range s.list {
		if r.id == id {
			i = j
		}
	}
	if i < 0 {
		return nil, errNoSession
	}
	r := s.list[i]
	switch method {
	case "regionNote":
		if r.chooser != nil {
			r.chooser.Add([]byte(args[1]))
		}
		return true, nil
	case "regionAdd":
		return r.add(args[1], args[2])
	case "regionReport":
		s.list = append(s.list[:i], s.list[i+1:]...)
		return r.report()
	}
	s.list = append(s.list[:i], s.list[i+1:]...) // regionCancel
	return true, nil
}

// start begins a session for a referential (an ID, the JSON of a custom one,
// or "auto") and a date.
func (s *regionSessions) start(ref, date string) (any, *Error) {
	at, ok := clsm.Date(date).Time()
	if !ok {
		return nil, &Error{Message: fmt.Sprintf("Date d'évaluation «\u00a0%s\u00a0» invalide\u00a0: AAAA-MM-JJ attendu.", truncate(date, 40))}
	}
	r := &regionSession{at: at, g: assess.NewAggregator(), names: map[string]bool{}}
	if t := strings.TrimSpace(ref); t == "" || t == AutoReferential {
		r.chooser = &assess.RegionChooser{}
	} else {
		var rerr *Error
		if r.ref, rerr = referential(ref); rerr != nil {
			return nil, rerr
		}
	}
	s.next++
	r.id = s.next
	if len(s.list) >= MaxRegionSessions {
		s.list = s.list[1:]
	}
	s.list = append(s.list, r)
	return map[string]int{"session": r.id}, nil
}

// add assesses one file and adds it to the report.
func (r *regionSession) add(name, text string) (any, *Error) {
	if r.ref == nil {
		r.ref, r.choice = r.chooser.Choose()
		r.chooser = nil
	}
	if strings.TrimSpace(name) == "" {
		name = fmt.Sprintf("fichier n°\u00a0%d", len(r.names)+1)
	}
	key := name
	for n := 2; r.names[key]; n++ {
		key = fmt.Sprintf("%s (%d)", name, n)
	}
	r.names[key] = true
	if err := r.g.AddFile(key, []byte(text), r.ref, r.at); err != nil {
		return nil, &Error{Message: err.Error()}
	}
	return map[string]int{"files": len(r.names)}, nil
}

// report answers the regional report of the files added, as aggregate does.
func (r *regionSession) report() (any, *Error) {
	if r.ref == nil {
		r.ref, r.choice = r.chooser.Choose()
	}
	a := r.g.ReportFor(r.ref, r.at)
	a.ReferentialChoice = r.choice
	var b strings.Builder
	if err := assess.RenderRegional(&b, a, assess.FormatJSON); err != nil {
		return nil, &Error{Message: err.Error()}
	}
	return json.RawMessage(b.String()), nil
}
