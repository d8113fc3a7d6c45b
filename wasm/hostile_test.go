package wasm_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
	"github.com/clsmkit/go-clsm/wasm"
)

// hostileReferential returns the Île-de-France referential with edit applied
// to its decoded JSON.
func hostileReferential(t *testing.T, edit func(map[string]any)) string {
	t.Helper()
	data, _ := labels.BuiltinJSON("idf")
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, _ := json.Marshal(m)
	return string(out)
}

// lastRule is a rule no stage's readiness names, so that a condition added
// to it is allowed.
func lastRule(m map[string]any) map[string]any {
	rules := m["rules"].([]any)
	return rules[len(rules)-1].(map[string]any)
}

// TestHostileInputs is the hostile corpus of the API: what an attacker or a
// careless user can send, each with the French outcome expected. None may
// give a verdict it should not, panic, or answer in English.
func TestHostileInputs(t *testing.T) {
	montreuil, _ := examples.Dossier("ile-de-france-montreuil-actif")
	manyInvalid := func(n int) string {
		var b strings.Builder
		b.WriteString(`{"inconnu":1,"actionPlan":{"actions":[`)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"title":"x","status":"nope"}`)
		}
		b.WriteString(`]}}`)
		return b.String()
	}
	tests := []struct {
		name   string
		method string
		args   func(t *testing.T) []string
		code   string // expected error code; "" for a value
		says   string // expected in the message or the value
	}{
		{"invalid stage, president not elected, no COPIL: never « prêt »", "assess", func(*testing.T) []string {
			return []string{`{"schemaVersion":2,"stage":"actif","governance":{"president":{"role":"not_elected"}},"copil":{"exists":false}}`, "national", "2026-11-22"}
		}, wasm.CodeInvalidDossier, "Dossier à corriger\u00a0: 1\u00a0réponse invalide."},
		{"the same, rendered as HTML: no report at all", "render", func(*testing.T) []string {
			return []string{`{"schemaVersion":2,"stage":"actif"}`, "national", "2026-11-22", "html"}
		}, wasm.CodeInvalidDossier, "Dossier à corriger"},
		{"a condition spelled with a JSON escape still applies", "assess", func(t *testing.T) []string {
			ref := hostileReferential(t, func(m map[string]any) {
				lastRule(m)["when"] = []any{map[string]any{"path": "/stage", "in": []any{"\u0061ctive"}}}
			})
			return []string{string(montreuil), ref, "2026-11-22"}
		}, "", `"level":"`},
		{"a condition on the format version is refused", "assess", func(t *testing.T) []string {
			ref := hostileReferential(t, func(m map[string]any) {
				lastRule(m)["when"] = []any{map[string]any{"path": "/schemaVersion", "in": []any{2}}}
			})
			return []string{string(montreuil), ref, "2026-11-22"}
		}, "", "version du format"},
		{"5 000 paths in one rule are refused, quickly", "assess", func(t *testing.T) []string {
			ref := hostileReferential(t, func(m map[string]any) {
				paths := make([]any, 5000)
				for i := range paths {
					paths[i] = "/copil/exists"
				}
				r := lastRule(m)
				r["check"], r["params"] = "answer.yes", map[string]any{"paths": paths}
			})
			return []string{string(montreuil), ref, "2026-11-22"}
		}, "", "50 au plus"},
		{"20 000 invalid actions: the list's maximum, said once", "validate", func(*testing.T) []string {
			return []string{manyInvalid(20000)}
		}, "", "« Actions » compte 20\u202f000\u00a0éléments"},
		{"5 000 unknown keys: 100 problems and « … et N autres problèmes »", "validate", func(*testing.T) []string {
			var b strings.Builder
			b.WriteString(`{"schemaVersion":2`)
			for i := 0; i < 5000; i++ {
				b.WriteString(`,"k` + strconv.Itoa(i) + `":1`)
			}
			return []string{b.String() + "}"}
		}, "", "et 4\u202f900\u00a0autres problèmes"},
		{"a referential given as the dossier", "assess", func(*testing.T) []string {
			data, _ := labels.BuiltinJSON("hdf")
			return []string{string(data), "idf", "2026-11-22"}
		}, "", "ressemble à un référentiel"},
		{"a format version from the future", "assess", func(*testing.T) []string {
			return []string{`{"schemaVersion":99}`, "idf", "2026-11-22"}
		}, "", "que cette version de l'outil ne sait pas lire"},
		{"a number too large for any field", "validate", func(*testing.T) []string {
			return []string{`{"territory":{"population":1e400}}`}
		}, "", "population"},
		{"a date that is not one", "assess", func(*testing.T) []string {
			return []string{`{}`, "idf", "2026-02-30"}
		}, "", "AAAA-MM-JJ"},
		{"deep nesting under an unknown key", "validate", func(*testing.T) []string {
			return []string{`{"x":` + strings.Repeat(`{"a":`, 50000) + `1` + strings.Repeat(`}`, 50000) + `}`}
		}, "", "n'est pas prévue"},
		{"terminal escapes in the name never reach the text report", "render", func(*testing.T) []string {
			return []string{`{"name":"A\u001b[2J\u001b]8;;http://x\u0007B","stage":"project"}`, "national", "2026-11-22", "text"}
		}, "", "Auto-évaluation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := wasm.Call(tt.method, tt.args(t)...)
			var e struct {
				Value json.RawMessage `json:"value"`
				Error *wasm.Error     `json:"error"`
			}
			if err := json.Unmarshal([]byte(out), &e); err != nil {
				t.Fatalf("not JSON: %.200s", out)
			}
			text := out
			if e.Error != nil {
				text = e.Error.Message + problemsText(e.Error)
			}
			if tt.code != "" {
				if e.Error == nil || e.Error.Code != tt.code {
					t.Fatalf("want error %s, got %.300s", tt.code, out)
				}
			}
			if !strings.Contains(text, tt.says) {
				t.Errorf("want %q in %.500s", tt.says, text)
			}
			if strings.Contains(out, "Erreur interne") || strings.Contains(out, "Prêt à déposer") && e.Error != nil {
				t.Errorf("unexpected: %.300s", out)
			}
			// Every code a problem carries is a declared one.
			var value struct {
				Problems clsm.Problems `json:"problems"`
			}
			_ = json.Unmarshal(e.Value, &value) // not every value is an object with problems
			all := value.Problems
			if e.Error != nil {
				all = append(all, e.Error.Problems...)
			}
			for _, p := range all {
				if !slices.Contains(labels.ProblemCodes(), p.Code) {
					t.Errorf("problem code %q is declared nowhere (%s)", p.Code, p.Message)
				}
			}
			if e.Error != nil && len(e.Error.Problems) > 101 {
				t.Errorf("%d problems", len(e.Error.Problems))
			}
		})
	}
}
