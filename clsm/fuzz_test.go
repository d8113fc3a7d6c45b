package clsm_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
)

// FuzzParse feeds arbitrary bytes to the decoder and validator: they must
// never panic, must report problems with a code and a JSON Pointer, and a
// dossier they accept must survive a round trip through JSON.
func FuzzParse(f *testing.F) {
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		f.Add(data)
	}
	bad, _ := filepath.Glob("testdata/bad/*.json")
	for _, file := range bad {
		data, _ := os.ReadFile(file)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := clsm.Parse(data)
		if err != nil {
			ps, ok := err.(clsm.Problems)
			if !ok || len(ps) == 0 {
				t.Fatalf("error is not a non-empty Problems: %#v", err)
			}
			for _, p := range ps {
				if p.Code == "" || p.Message == "" || (p.Path != "" && p.Path[0] != '/') {
					t.Fatalf("malformed problem %#v", p)
				}
				if p.Code == "internal" {
					t.Fatalf("internal error: %s", p.Message)
				}
			}
			return
		}
		again, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := clsm.Parse(again); err != nil {
			t.Fatalf("a valid dossier does not survive a round trip: %v\n%s", err, again)
		}
	})
}
