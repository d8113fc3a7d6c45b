package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRewrite: the committed dossier.go is what the command writes, and
// raising the constant is enough to move the bound and the help text.
func TestRewrite(t *testing.T) {
	src, err := os.ReadFile("../../" + file)
	require.NoError(t, err)
	out, err := Rewrite(src)
	require.NoError(t, err)
	assert.Equal(t, string(src), string(out), "dossier.go is stale: run go generate ./...")

	current, err := constant(src, "SchemaVersion")
	require.NoError(t, err)
	oldest, err := constant(src, "OldestSchemaVersion")
	require.NoError(t, err)
	bumped := strings.Replace(string(src), fmt.Sprintf("const SchemaVersion = %d", current), fmt.Sprintf("const SchemaVersion = %d", current+1), 1)
	require.NotEqual(t, string(src), bumped, "the constant is declared as this test expects")
	out, err = Rewrite([]byte(bumped))
	require.NoError(t, err)
	assert.Contains(t, string(out), fmt.Sprintf(`validate:"omitempty,gte=%d,lte=%d"`, oldest, current+1))
	assert.Contains(t, string(out), fmt.Sprintf(`%q`, Help(current+1, oldest)))
}

func TestHelp(t *testing.T) {
	for _, tt := range []struct {
		current, oldest int
		want            string
	}{
		{1, 1, "Toujours 1 pour ce format. Sans version, le dossier est lu au format 1."},
		{2, 1, "2 pour ce format\u00a0; les dossiers au format 1 sont encore lus. Sans version, le dossier est lu au format 2."},
		{4, 1, "4 pour ce format\u00a0; les dossiers aux formats 1, 2 et 3 sont encore lus. Sans version, le dossier est lu au format 4."},
	} {
		assert.Equal(t, tt.want, Help(tt.current, tt.oldest))
	}
}

func TestRewriteRefusesInconsistentConstants(t *testing.T) {
	_, err := Rewrite([]byte("package clsm\nconst SchemaVersion = 1\nconst OldestSchemaVersion = 2\n"))
	assert.Error(t, err)
}
