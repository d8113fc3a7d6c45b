package main

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/internal/model"
)

// TestItemDeclaration: the hand-written TypeScript interface of a question
// declares every JSON key of assess.Item, optional exactly when Go leaves it
// out when zero, and no other.
func TestItemDeclaration(t *testing.T) {
	m := regexp.MustCompile(`(?s)export interface Item \{\n(.*?)\n\}`).FindStringSubmatch(tsAPI)
	require.NotNil(t, m)
	declared := map[string]bool{} // key -> optional
	for _, line := range strings.Split(m[1], "\n") {
		if k := regexp.MustCompile(`^  (\w+)(\??):`).FindStringSubmatch(line); k != nil {
			declared[k[1]] = k[2] == "?"
		}
	}
	want := map[string]bool{}
	it := reflect.TypeFor[assess.Item]()
	for i := 0; i < it.NumField(); i++ {
		key, ok := model.JSONKey(it.Field(i))
		if ok {
			want[key] = model.OmitZero(it.Field(i))
		}
	}
	assert.Equal(t, want, declared)
}
