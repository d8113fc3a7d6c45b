package labels_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/corpustest"
	"github.com/clsmkit/go-clsm/labels"
)

// TestProblemCodesAreTheConstants: ProblemCodes is clsm's codes and then
// exactly the Code constants this package declares with a value of its own,
// each once; CodeWrongDocument is clsm's, not a second declaration.
func TestProblemCodesAreTheConstants(t *testing.T) {
	own := corpustest.CodeConstants(t, "parse.go")
	assert.Equal(t, append(clsm.ProblemCodes(), own...), labels.ProblemCodes())
	seen := map[string]bool{}
	for _, c := range labels.ProblemCodes() {
		assert.False(t, seen[c], "code %q declared twice", c)
		seen[c] = true
	}
	assert.Equal(t, clsm.CodeWrongDocument, labels.CodeWrongDocument)
}
