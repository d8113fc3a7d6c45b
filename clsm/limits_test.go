package clsm_test

import (
	"strings"
	"testing"

	"github.com/clsmkit/go-clsm/clsm"
)

// TestBadInputsAtTheLimits: a value at the edge of what a file can hold gets
// one French problem that names it as the file writes it, never a value the
// file does not hold (« valeur donnée : 0 » for 1e-400), and never an echo
// of the whole of a long value.
func TestBadInputsAtTheLimits(t *testing.T) {
	workingGroups := `[` + strings.TrimSuffix(strings.Repeat(`{"name":"Logement","theme":"housing"},`, 15_000), ",") + `]`
	long := "1." + strings.Repeat("0", 100_000) + "1"
	tests := []struct {
		name, doc, code, path string
		want                  []string // substrings of the message
		never                 []string
	}{
		{"a number too close to zero for the coordinator's time", `{"coordinator":{"fte":1e-400}}`, "number", "/coordinator/fte",
			[]string{"1e-400", "trop proche de zéro"}, []string{"valeur donnée\u00a0: 0"}},
		{"a share too close to zero", `{"coordinator":{"funders":[{"kind":"ars","share":-2.5E-999}]}}`, "number", "/coordinator/funders/0/share",
			[]string{"-2.5E-999", "trop proche de zéro"}, nil},
		{"an integer written with 100 000 digits", `{"territory":{"population":` + long + `}}`, "type", "/territory/population",
			[]string{"un nombre entier est attendu", "…"}, nil},
		{"a number too large with 100 000 digits", `{"coordinator":{"fte":1` + strings.Repeat("0", 400) + `}}`, "number", "/coordinator/fte",
			[]string{"bien trop grand", "…"}, nil},
		{"15 000 working groups", `{"workingGroups":` + workingGroups + `}`, "max", "/workingGroups",
			[]string{"La liste « Groupes de travail » compte 15\u202f000\u00a0éléments", "au plus 50"}, []string{"15000"}},
		{"a name of 10 000 characters", `{"name":"` + strings.Repeat("é", 10_000) + `"}`, "max", "/name",
			[]string{"200 caractères", "10\u202f000"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := clsm.Parse([]byte(tt.doc))
			ps, ok := err.(clsm.Problems)
			if !ok || len(ps) != 1 {
				t.Fatalf("got %v, want one problem", err)
			}
			p := ps[0]
			if p.Code != tt.code || p.Path != tt.path {
				t.Errorf("got %s at %s, want %s at %s", p.Code, p.Path, tt.code, tt.path)
			}
			for _, w := range tt.want {
				if !strings.Contains(p.Message, w) {
					t.Errorf("message %q lacks %q", p.Message, w)
				}
			}
			for _, w := range tt.never {
				if strings.Contains(p.Message, w) {
					t.Errorf("message %q says %q", p.Message, w)
				}
			}
			if len(p.Message) > 600 || len(p.Value) > 600 {
				t.Errorf("message of %d bytes, value of %d: a long value is echoed whole", len(p.Message), len(p.Value))
			}
		})
	}
}
