package wasm_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/wasm"
)

// value calls a method and returns its value, failing on an error envelope.
func value[T any](t *testing.T, method string, args ...string) T {
	t.Helper()
	var env struct {
		Value T
		Error *wasm.Error
	}
	require.NoError(t, json.Unmarshal([]byte(wasm.Call(method, args...)), &env))
	require.Nil(t, env.Error, "%s", method)
	return env.Value
}

// TestRegionSession: the files given one at a time to a session give the
// report aggregate gives for the same files at once, the referential
// chosen by the dossiers' region included; a session ended is gone.
func TestRegionSession(t *testing.T) {
	var files []map[string]string
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		files = append(files, map[string]string{"name": name + ".json", "text": string(data)})
	}
	files = append(files, map[string]string{"name": "casse.json", "text": "pas du JSON"})
	all, err := json.Marshal(files)
	require.NoError(t, err)
	for _, ref := range []string{"auto", "idf"} {
		t.Run(ref, func(t *testing.T) {
			want := value[json.RawMessage](t, "aggregate", string(all), ref, "2026-11-22")
			s := value[struct{ Session int }](t, "regionStart", ref, "2026-11-22")
			id := fmt.Sprint(s.Session)
			for _, f := range files {
				assert.True(t, value[bool](t, "regionNote", id, f["text"]))
			}
			for i, f := range files {
				got := value[struct{ Files int }](t, "regionAdd", id, f["name"], f["text"])
				assert.Equal(t, i+1, got.Files)
			}
			assert.JSONEq(t, string(want), string(value[json.RawMessage](t, "regionReport", id)))
			assert.Contains(t, wasm.Call("regionAdd", id, "x.json", "{}"), "n'est plus en cours", "the session ended with its report")
		})
	}
}

// TestRegionSessionsBounded: starting more sessions than MaxRegionSessions
// ends the oldest, which then says so in French.
func TestRegionSessionsBounded(t *testing.T) {
	var ids []string
	for range wasm.MaxRegionSessions + 1 {
		s := value[struct{ Session int }](t, "regionStart", "national", "2026-11-22")
		ids = append(ids, fmt.Sprint(s.Session))
	}
	assert.Contains(t, wasm.Call("regionAdd", ids[0], "a.json", "{}"), "n'est plus en cours")
	for _, id := range ids[1:] {
		value[struct{ Files int }](t, "regionAdd", id, "a.json", "{}")
		assert.True(t, value[bool](t, "regionCancel", id))
	}
	assert.Contains(t, wasm.Call("regionStart", "national", "22/11/2026"), "AAAA-MM-JJ")
	assert.Contains(t, wasm.Call("regionReport", "pas un numéro"), "n'est plus en cours")
}
