package clsm

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// parseVersionFirst is Parse as it was, reading the version before
// anything else: the oracle of the tests that check that Parse, which reads
// it only for the dossiers that need it, answers the same.
func parseVersionFirst(data []byte) (*Dossier, error) {
	if p, ok := unknownVersion(data); ok {
		return nil, Problems{p}
	}
	var d Dossier
	ps := wellformed.Decode(data, &d)
	for _, p := range ps {
		if p.Code == CodeUnknownField && (p.Path == "/rules" || p.Path == "/documents") {
			return nil, append(Problems{{Code: CodeWrongDocument, Message: "Ce fichier ressemble à un référentiel (les règles d'un cahier des charges), et non à un dossier de CLSM : vérifiez que vous n'avez pas inversé les deux fichiers."}}, ps...)
		}
	}
	if wellformed.Fatal(ps) {
		return nil, ps
	}
	if ps != nil {
		return nil, wellformed.Merge(ps, append(validateTags(&d), d.formatProblems()...))
	}
	if err := d.Validate(); err != nil {
		return &d, err
	}
	return &d, nil
}

// versionCorpus is the dossiers of the examples and of testdata, and each
// of them with schemaVersion written in every way: every version, known or
// not, whole or not, as a text, null, doubled, in other letter cases, with
// other problems beside it, in a document that breaks.
func versionCorpus(t testing.TB) map[string][]byte {
	corpus := map[string][]byte{}
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		corpus[name] = data
	}
	files, err := filepath.Glob("testdata/*/*.json")
	require.NoError(t, err)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		corpus[f] = data
	}
	bases := map[string]string{
		"empty":   `}`,
		"example": strings.TrimPrefix(strings.TrimSpace(string(corpus["ile-de-france-montreuil-actif"])), "{"),
		"invalid": `"stage": "nope"}`, "unknown key": `"inconnu": 1}`, "broken": `"name": "a"`,
	}
	versions := []string{`0`, `-0`, `0.0`, `0e3`, `1`, `2`, `3`, `-1`, `1.0`, `2e0`, `1e400`, `99999999999999999999`, `1.5`,
		`"2"`, `"3"`, `"x"`, `""`, `null`, `true`, `{}`, `[2]`}
	for bname, base := range bases {
		for _, v := range versions {
			for _, key := range []string{`"schemaVersion"`, `"SchemaVersion"`, `"schemaversion"`} {
				sep := ", "
				if strings.HasPrefix(base, "}") {
					sep = ""
				}
				corpus[bname+" "+key+" "+v] = []byte("{" + key + ": " + v + sep + base)
				corpus[bname+" "+key+" "+v+" and 2"] = []byte(`{"schemaVersion": 2, ` + key + ": " + v + sep + base)
				corpus[bname+" 1 and "+key+" "+v] = []byte(`{` + key + ": " + v + `, "schemaVersion": 1` + sep + base)
			}
		}
	}
	return corpus
}

// sameParse asserts that Parse answers what parseVersionFirst answers.
func sameParse(t testing.TB, name string, data []byte) {
	t.Helper()
	wantD, wantErr := parseVersionFirst(data)
	gotD, gotErr := Parse(data)
	if !reflect.DeepEqual(wantD, gotD) || !reflect.DeepEqual(wantErr, gotErr) {
		assert.Equal(t, wantErr, gotErr, name)
		assert.Equal(t, wantD, gotD, name)
		t.Errorf("%s: Parse differs from the version read first", name)
	}
}

// TestParseReadsTheVersionOnlyWhenNeeded: on every dossier of the corpus,
// Parse answers what it answered when it read the version of every dossier
// first.
func TestParseReadsTheVersionOnlyWhenNeeded(t *testing.T) {
	corpus := versionCorpus(t)
	versions := 0
	for name, data := range corpus {
		sameParse(t, name, data)
		if _, err := Parse(data); err != nil && err.(Problems)[0].Code == CodeVersion {
			versions++
		}
	}
	t.Logf("%d dossiers, %d with a version this package does not read", len(corpus), versions)
	assert.Greater(t, versions, 50)
}

// FuzzParseVersion: on any input, Parse answers what it answered when it
// read the version first.
func FuzzParseVersion(f *testing.F) {
	for _, data := range versionCorpus(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameParse(t, "fuzz", data)
	})
}
