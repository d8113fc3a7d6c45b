package labels

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
)

// withBuiltins makes the built-in referentials those of fsys until the test
// ends.
func withBuiltins(t *testing.T, fsys fs.ReadDirFS) {
	t.Helper()
	saved := builtins
	builtins = newBuiltinSet(fsys)
	t.Cleanup(func() { builtins = saved })
}

// realBuiltins returns the embedded referential files, plus the given ones.
func realBuiltins(t *testing.T, extra map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	entries, err := builtinFiles.ReadDir("referentials")
	require.NoError(t, err)
	for _, e := range entries {
		data, err := builtinFiles.ReadFile("referentials/" + e.Name())
		require.NoError(t, err)
		fsys["referentials/"+e.Name()] = &fstest.MapFile{Data: data}
	}
	for name, data := range extra {
		fsys["referentials/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

// TestFifthBuiltin shows that adding a built-in referential is dropping its
// JSON file in labels/referentials: nothing in the code names it. Its
// expectations are derived from the referentials built in when it runs, so
// that it keeps passing once a real fifth one (« bretagne », « grandest »)
// is added: the fixture's identifier is one no real file would take, and its
// region one that no built-in referential serves.
func TestFifthBuiltin(t *testing.T) {
	const id = "fixture-of-test-fifth-builtin"
	real := Builtins()
	def := ForRegion("")
	require.NotNil(t, def, "a default referential")
	region := ""
	for _, r := range clsm.Regions() {
		if ForRegion(r.Code).ID == def.ID {
			region = r.Code
			break
		}
	}
	if region == "" {
		t.Fatal("every region has its own built-in referential: this test needs a region served by the default one")
	}
	fifth := fmt.Sprintf(`{"schemaVersion": 1, "id": %q, "name": "Région d'essai", "issuer": "ARS d'essai (exemple)",
	  "version": "1", "order": 15, "regions": [%q], "extends": %q}`, id, region, def.ID)
	withBuiltins(t, realBuiltins(t, map[string]string{id + ".json": fifth}))

	data, ok := BuiltinJSON(id)
	require.True(t, ok)
	_, err := Parse(data)
	require.NoError(t, err, "the new file passes the full checks")

	r := ForRegion(region)
	require.NotNil(t, r)
	assert.Equal(t, id, r.ID)
	assert.Len(t, r.Rules, len(def.Rules), "it inherits the rules of the referential it extends")
	assert.False(t, r.Default, "default is not inherited")
	for _, other := range clsm.Regions() {
		if other.Code != region && ForRegion(other.Code).ID == def.ID {
			assert.Equal(t, def, ForRegion(other.Code), "other regions keep the default")
			break
		}
	}

	type entry struct {
		order int
		id    string
	}
	var want []entry
	for _, b := range real {
		want = append(want, entry{b.Order, b.ID})
	}
	want = append(want, entry{15, id})
	slices.SortStableFunc(want, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.order, b.order), strings.Compare(a.id, b.id))
	})
	var wantIDs, ids []string
	for _, e := range want {
		wantIDs = append(wantIDs, e.id)
	}
	for _, b := range Builtins() {
		ids = append(ids, b.ID)
	}
	assert.Equal(t, wantIDs, ids, "by order, then by ID")
	assert.Contains(t, BuiltinIDs(), id)
}

func TestBuiltinCycle(t *testing.T) {
	const a = `{"schemaVersion": 1, "id": "a", "name": "A", "issuer": "A", "version": "1", "extends": "b"}`
	const b = `{"schemaVersion": 1, "id": "b", "name": "B", "issuer": "B", "version": "1", "extends": "a"}`
	withBuiltins(t, realBuiltins(t, map[string]string{"a.json": a, "b.json": b}))
	_, err := Builtin("a")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "a → b → a")
	_, err = Parse([]byte(`{"schemaVersion": 1, "id": "c", "name": "C", "issuer": "C", "version": "1", "extends": "a"}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "boucle")
}
