package labels_test

import (
	"testing"

	"github.com/clsmkit/go-clsm/internal/enumtest"
	"github.com/clsmkit/go-clsm/labels"
)

// TestEnums checks the enumerations of referentials and results as clsm's
// are checked: options listed, values unique, labels French.
func TestEnums(t *testing.T) {
	tests := []struct {
		name string
		enum enumtest.Enum
	}{
		{"Level", labels.Level("")},
		{"Basis", labels.Basis("")},
		{"Axis", labels.Axis("")},
		{"Outcome", labels.Outcome("")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { enumtest.Check(t, tt.name, tt.enum) })
	}
}
