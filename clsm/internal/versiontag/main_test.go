package main

import (
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

	bumped := strings.Replace(string(src), "const SchemaVersion = 2", "const SchemaVersion = 3", 1)
	require.NotEqual(t, string(src), bumped, "the constant is declared as this test expects")
	out, err = Rewrite([]byte(bumped))
	require.NoError(t, err)
	assert.Contains(t, string(out), `validate:"omitempty,gte=1,lte=3"`)
	assert.Contains(t, string(out), `aux formats 1 et 2 sont encore lus. Sans version, le dossier est lu au format 3.`)
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
