package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCommittedSchemasAreFresh fails when a committed schema differs from what
// the Go types generate: run "go generate ./..." and commit the result.
func TestCommittedSchemasAreFresh(t *testing.T) {
	files, err := Files()
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("..", "..", name))
		require.NoError(t, err, "%s is not committed: run go generate ./...", name)
		assert.Equal(t, string(want), string(got), "%s is stale: run go generate ./...", name)
	}
}
