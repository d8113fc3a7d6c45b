package assess_test

import (
	"testing"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/internal/enumtest"
)

// TestEnums checks the enumerations of reports as clsm's are checked:
// options listed, values unique, labels French.
func TestEnums(t *testing.T) {
	tests := []struct {
		name string
		enum enumtest.Enum
	}{
		{"ReadinessLevel", assess.ReadinessLevel("")},
		{"StepKind", assess.StepKind("")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { enumtest.Check(t, tt.name, tt.enum) })
	}
}
