package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCatalogueIsFresh fails when CATALOGUE.md differs from what the built-in
// referentials generate: run "go generate ./..." and commit the result.
func TestCatalogueIsFresh(t *testing.T) {
	want, err := Render()
	require.NoError(t, err)
	got, err := os.ReadFile("../../CATALOGUE.md")
	require.NoError(t, err, "CATALOGUE.md is not committed: run go generate ./...")
	assert.Equal(t, string(want), string(got), "CATALOGUE.md is stale: run go generate ./...")
}
