package labels

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
// JSON file in labels/referentials: nothing in the code names it.
func TestFifthBuiltin(t *testing.T) {
	const bretagne = `{"schemaVersion": 1, "id": "bretagne", "name": "Bretagne", "issuer": "ARS Bretagne (exemple)",
	  "version": "1", "order": 15, "regions": ["53"], "extends": "national"}`
	withBuiltins(t, realBuiltins(t, map[string]string{"bretagne.json": bretagne}))

	data, ok := BuiltinJSON("bretagne")
	require.True(t, ok)
	_, err := Parse(data)
	require.NoError(t, err, "the new file passes the full checks")

	r := ForRegion("53")
	require.NotNil(t, r)
	assert.Equal(t, "bretagne", r.ID)
	national, err := Builtin("national")
	require.NoError(t, err)
	assert.Len(t, r.Rules, len(national.Rules), "it inherits the national rules")
	assert.False(t, r.Default, "default is not inherited")
	assert.Equal(t, national, ForRegion("84"), "other regions keep the default")

	var ids []string
	for _, b := range Builtins() {
		ids = append(ids, b.ID)
	}
	assert.Equal(t, []string{"national", "bretagne", "hdf", "idf", "occitanie"}, ids, "by order (10, 15, 20…), then by ID")
	assert.Contains(t, BuiltinIDs(), "bretagne")
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
