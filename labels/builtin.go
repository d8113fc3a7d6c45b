package labels

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/suggest"
)

// The built-in referentials are the JSON files of the referentials directory:
// adding one is dropping a file there and running "go generate ./...". What
// identifies a referential (regions, order, default) is in its file, never
// here.
//
//go:embed referentials/*.json
var builtinFiles embed.FS

// builtins is the set of built-in referentials; tests swap it for one read
// from another file system.
var builtins = newBuiltinSet(builtinFiles)

// builtinSet reads the referentials of the "referentials" directory of a file
// system, each parsed once. The file system lists its directories itself
// (embed.FS, fstest.MapFS do): fs.ReadDir, for any file system, would bring
// a sort of directory entries into the browser checker.
type builtinSet struct {
	fsys   fs.ReadDirFS
	parsed sync.Map // id -> *Referential
	all    func() []*Referential
}

func newBuiltinSet(fsys fs.ReadDirFS) *builtinSet {
	s := &builtinSet{fsys: fsys}
	s.all = sync.OnceValue(s.sorted)
	return s
}

// BuiltinIDs lists the IDs of the built-in referentials, in alphabetical
// order; [Builtins] returns the referentials themselves, in their order.
func BuiltinIDs() []string { return builtins.ids() }

func (s *builtinSet) ids() []string {
	entries, _ := s.fsys.ReadDir("referentials")
	ids := make([]string, 0, len(entries))
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".json"); ok && !e.IsDir() {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// BuiltinJSON returns the JSON of a built-in referential, as an ARS would
// start from to write its own.
func BuiltinJSON(id string) ([]byte, bool) { return builtins.json(id) }

func (s *builtinSet) json(id string) ([]byte, bool) {
	if id == "" || strings.ContainsAny(id, `/\.`) {
		return nil, false
	}
	data, err := fs.ReadFile(s.fsys, path.Join("referentials", id+".json"))
	return data, err == nil
}

// ErrUnknownReferential is the error, wrapped, of [Builtin] for an ID that
// names no built-in referential: errors.Is(err, ErrUnknownReferential) holds,
// and the error's message lists the IDs there are.
var ErrUnknownReferential = errors.New("référentiel inconnu")

// Unwrap gives [ErrUnknownReferential] for an unknown built-in referential.
func (e *baseError) Unwrap() error {
	if e.code == CodeUnknownBase {
		return ErrUnknownReferential
	}
	return nil
}

// Builtin returns the built-in referential with the given ID, resolved. It is
// parsed once, and each call returns a deep copy ([Referential.Clone]) that
// the caller owns: changing it changes no other caller's. An unknown ID gives
// an error that wraps [ErrUnknownReferential].
func Builtin(id string) (*Referential, error) {
	r, err := builtins.get(id, nil)
	return r.Clone(), err
}

// get parses the built-in id; chain lists the built-ins that extend it,
// directly or not, to detect a cycle of "extends".
func (s *builtinSet) get(id string, chain []string) (*Referential, error) {
	if r, ok := s.parsed.Load(id); ok {
		return r.(*Referential), nil
	}
	if slices.Contains(chain, id) {
		cycle := append(slices.Clone(chain), id)
		return nil, &baseError{code: CodeBaseCycle, message: fmt.Sprintf("les référentiels intégrés partent les uns des autres en boucle (%s)", strings.Join(cycle, " → "))}
	}
	data, ok := s.json(id)
	if !ok {
		if near, ok := suggest.Nearest(id, s.ids()); ok {
			return nil, &baseError{code: CodeUnknownBase, message: fmt.Sprintf("référentiel «\u00a0%s\u00a0» inconnu (vouliez-vous dire «\u00a0%s\u00a0»\u00a0?)", truncate(id, 40), near)}
		}
		return nil, &baseError{code: CodeUnknownBase, message: fmt.Sprintf("référentiel « %s » inconnu ; référentiels disponibles : %s", truncate(id, 40), strings.Join(s.ids(), ", "))}
	}
	// The built-in files are checked in full by the tests (labels.Parse);
	// here they skip the struct-tag validation, which would cost the form
	// a few hundred milliseconds at start-up in the browser.
	r, err := parse(data, false, func(base string) (*Referential, error) {
		return s.get(base, append(slices.Clone(chain), id))
	})
	if err != nil {
		return nil, fmt.Errorf("référentiel intégré « %s » : %w", id, err)
	}
	actual, _ := s.parsed.LoadOrStore(id, r)
	return actual.(*Referential), nil
}

// Builtins returns the built-in referentials, sorted by [Referential.Order]
// then by ID, each parsed once and copied at each call ([Referential.Clone]):
// the caller owns them. Each one
// carries what identifies it: ID, Name, Issuer, Version, Summary, Regions,
// Order, Default, [Referential.Partial] and its Rules. It panics if a
// built-in referential does not parse, which the tests rule out.
func Builtins() []*Referential {
	refs := slices.Clone(builtins.all())
	for i, r := range refs {
		refs[i] = r.Clone()
	}
	return refs
}

func (s *builtinSet) sorted() []*Referential {
	var refs []*Referential
	for _, id := range s.ids() {
		r, err := s.get(id, nil)
		if err != nil {
			panic(err) // embedded data, parsed in full by the tests
		}
		refs = append(refs, r)
	}
	slices.SortStableFunc(refs, func(a, b *Referential) int {
		if a.Order != b.Order {
			return a.Order - b.Order
		}
		return strings.Compare(a.ID, b.ID)
	})
	return refs
}

// ForRegion returns the built-in referential that serves the region of the
// given INSEE code (the first of [Builtins] that lists it in its Regions),
// or else the default one (the national referential), as a copy the caller
// owns ([Referential.Clone]).
func ForRegion(code string) *Referential { return builtins.forRegion(code).Clone() }

func (s *builtinSet) forRegion(code string) *Referential {
	var def *Referential
	for _, r := range s.all() {
		if code != "" && slices.Contains(r.Regions, code) {
			return r
		}
		if r.Default && def == nil {
			def = r
		}
	}
	return def
}

// ForDossier returns the built-in referential that serves the region of the
// dossier's department, or the default one when the department is not given
// or its region has no referential of its own; see [ForRegion]. The
// referential is a copy the caller owns.
func ForDossier(d *clsm.Dossier) *Referential {
	if d == nil {
		return ForRegion("")
	}
	region, _ := d.Territory.Department.Region()
	return ForRegion(region.Code)
}
