package assess

import (
	"reflect"
	"strings"
	"sync"

	"github.com/clsmkit/go-clsm/clsm"
)

// gatedItems are the questions the form shows only under a condition: the
// questions of a body once its "exists" (or "done") answer is « oui », and
// those with a showif tag.
var gatedItems = sync.OnceValue(func() []Item {
	var out []Item
	for _, it := range structItems(reflect.TypeFor[clsm.Dossier](), "", nil) {
		if it.ShowIf != nil {
			out = append(out, it)
		}
	}
	return out
})

// visibleAnswers returns a copy of d without the answers to questions the form
// does not show, because the answer they depend on is not the one that shows
// them (a COPIL's members when « Le comité de pilotage est-il constitué ? » is
// not answered « oui »). The rules read only these: an answer given under a
// « non » (kept in the dossier, so that nothing typed is lost) neither meets
// nor fails a rule, and removing the « non » cannot turn a rule from « non
// respecté » into « respecté ».
func visibleAnswers(d *clsm.Dossier) *clsm.Dossier {
	cp := *d
	root := reflect.ValueOf(&cp).Elem()
	for _, it := range gatedItems() {
		if !shown(root, it.ShowIf) {
			if f, ok := fieldByPointer(root, it.Path); ok {
				f.SetZero()
			}
		}
	}
	return &cp
}

// shown reports whether the condition holds on the (partly cleared) dossier.
func shown(root reflect.Value, c *ShowIf) bool {
	f, ok := fieldByPointer(root, c.Path)
	if !ok {
		return false
	}
	for _, want := range c.In {
		switch w := want.(type) {
		case bool:
			if f.Kind() == reflect.Pointer && !f.IsNil() && f.Elem().Kind() == reflect.Bool && f.Elem().Bool() == w {
				return true
			}
		case string:
			if f.Kind() == reflect.String && f.String() == w {
				return true
			}
		}
	}
	return false
}

// fieldIndexes caches, by JSON Pointer, the field indexes that lead to it
// from the dossier: the walk by JSON key is done once per pointer.
var fieldIndexes sync.Map // string -> []int, or nil when there is no such field

// fieldByPointer finds the settable struct field at a JSON Pointer made of
// object keys only.
func fieldByPointer(v reflect.Value, pointer string) (reflect.Value, bool) {
	if idx, ok := fieldIndexes.Load(pointer); ok {
		if idx == nil {
			return reflect.Value{}, false
		}
		return v.FieldByIndex(idx.([]int)), true
	}
	f, ok := walkPointer(v, pointer)
	if !ok {
		fieldIndexes.Store(pointer, nil)
		return reflect.Value{}, false
	}
	fieldIndexes.Store(pointer, f)
	return v.FieldByIndex(f), true
}

// walkPointer returns the field indexes of the pointer, walking by JSON key.
func walkPointer(v reflect.Value, pointer string) ([]int, bool) {
	var idx []int
	for _, key := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		if v.Kind() != reflect.Struct {
			return nil, false
		}
		found := false
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if jsonKey(t.Field(i)) == key {
				v, found = v.Field(i), true
				idx = append(idx, i)
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return idx, true
}
