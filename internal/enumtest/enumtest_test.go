package enumtest

import "testing"

// TestFrenchLabel: what the check refuses in a label, and what it accepts.
func TestFrenchLabel(t *testing.T) {
	tests := []struct {
		label string
		ok    bool
	}{
		{"Requis", true},
		{"9.1 Observation locale", true},
		{"", false},
		{" Requis", false},
		{"requis", false},
		{"Requis  ou recommandé", false},
		{"Membre(s)", false},
	}
	for _, tt := range tests {
		if got := frenchLabel(tt.label) == ""; got != tt.ok {
			t.Errorf("frenchLabel(%q) accepted=%v, want %v", tt.label, got, tt.ok)
		}
	}
}
