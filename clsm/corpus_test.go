package clsm_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/internal/corpustest"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestExampleDossiersAreValid(t *testing.T) {
	names := examples.DossierNames()
	require.GreaterOrEqual(t, len(names), 4)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			data, ok := examples.Dossier(name)
			require.True(t, ok)
			d, err := clsm.Parse(data)
			require.NoError(t, err)
			// Writing the dossier back and reading it again changes nothing:
			// what the form exports, the CLI reads.
			again, err := json.Marshal(d)
			require.NoError(t, err)
			d2, err := clsm.Parse(again)
			require.NoError(t, err)
			assert.Equal(t, d, d2)
		})
	}
}

// TestBadDossiers reads every file of testdata/bad and compares the problems
// (code, path, message) with its golden file. Run with -update to rewrite them
// after a deliberate change of wording.
func TestBadDossiers(t *testing.T) {
	corpustest.Refused(t, "testdata/bad", 30, func(data []byte) error {
		_, err := clsm.Parse(data)
		return err
	}, clsm.ProblemCodes(), *update, "go test ./clsm -update")
}

// TestGoodDossiers reads every file of testdata/good, which the Go decoder
// must accept (the integration module checks that the schema does too), and
// checks the whole numbers written with a fraction or an exponent there.
func TestGoodDossiers(t *testing.T) {
	files, err := filepath.Glob("testdata/good/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		_, err = clsm.Parse(data)
		assert.NoError(t, err, file)
	}
	d, err := clsm.Parse(mustRead(t, "testdata/good/whole-numbers-as-decimals.json"))
	require.NoError(t, err)
	assert.Equal(t, 24500, *d.Territory.Population)
	assert.Equal(t, 2, *d.Territory.QPVCount)
	assert.Equal(t, 10, *d.Territory.PsychSectors)
}

// TestIntegersAsJSONSchemaCountsThem: an integer field takes a number without
// a fractional part however it is written, as JSON Schema counts integers,
// and refuses one with a fractional part, read exactly (no rounding).
func TestIntegersAsJSONSchemaCountsThem(t *testing.T) {
	for _, tt := range []struct {
		literal string
		want    int    // the population read, when accepted
		code    string // the problem's code, when refused
	}{
		{literal: "1000", want: 1000},
		{literal: "1000.0", want: 1000},
		{literal: "1e3", want: 1000},
		{literal: "1E+3", want: 1000},
		{literal: "12.50e2", want: 1250},
		{literal: "125000e-2", want: 1250},
		{literal: "0.0", want: 0},
		{literal: "-0", want: 0},
		{literal: "0e-999999999", want: 0},
		{literal: "1.5", code: clsm.CodeType},
		{literal: "1e-3", code: clsm.CodeType},
		{literal: "1.0000000000000000000001", code: clsm.CodeType},
		{literal: "1e-99999999", code: clsm.CodeType},
		{literal: "1e20", code: clsm.CodeNumber},
		{literal: "1e99999999", code: clsm.CodeType}, // infinity for a JSON Schema validator: not an integer
		{literal: "1e300", code: clsm.CodeNumber},
		{literal: "-1e3", code: clsm.CodeGte},
		{literal: "2e7", code: clsm.CodeLte},
	} {
		t.Run(tt.literal, func(t *testing.T) {
			d, err := clsm.Parse([]byte(`{"schemaVersion":2,"name":"x","territory":{"population":` + tt.literal + `},"notes":"après"}`))
			if tt.code == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.want, *d.Territory.Population)
				assert.Equal(t, "après", d.Notes, "the rest of the document is read as written")
				return
			}
			var ps clsm.Problems
			require.ErrorAs(t, err, &ps)
			require.Len(t, ps, 1, "%v", ps)
			assert.Equal(t, tt.code, ps[0].Code)
			assert.Equal(t, "/territory/population", ps[0].Path)
			assertFrench(t, ps[0].Message)
		})
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	return data
}

// assertFrench fails on a message that fell back to the validator's English.
var assertFrench = corpustest.AssertFrench

func TestTooLarge(t *testing.T) {
	data := append([]byte(`{"schemaVersion":1,"notes":"`), bytes.Repeat([]byte(" "), clsm.MaxSize)...)
	data = append(data, `"}`...)
	_, err := clsm.Parse(data)
	var ps clsm.Problems
	require.ErrorAs(t, err, &ps)
	require.Len(t, ps, 1)
	assert.Equal(t, clsm.CodeTooLarge, ps[0].Code)
	assertFrench(t, ps[0].Message)

	_, err = clsm.Decode(bytes.NewReader(data))
	require.ErrorAs(t, err, &ps)
	assert.Equal(t, clsm.CodeTooLarge, ps[0].Code)
}

// TestFormat1ReadsLikeFormat2 reads every example (written in format 1) and
// every bad dossier as it is and with its version changed to 2: apart from
// the version, the dossiers read the same, and the bad ones get the same
// problems — except « never », which format 1 does not have.
func TestFormat1ReadsLikeFormat2(t *testing.T) {
	version1 := regexp.MustCompile(`"schemaVersion"(\s*):(\s*)1\b`)
	as2 := func(data []byte) []byte { return version1.ReplaceAll(data, []byte(`"schemaVersion"$1:${2}2`)) }
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		d1, err := clsm.Parse(data)
		require.NoError(t, err, name)
		require.Equal(t, 1, d1.SchemaVersion, "%s: the examples are format-1 files", name)
		d2, err := clsm.Parse(as2(data))
		require.NoError(t, err, name)
		d1.SchemaVersion = 2
		assert.Equal(t, d2, d1, name)
	}
	files, err := filepath.Glob("testdata/bad/*.json")
	require.NoError(t, err)
	compared := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		_, err1 := clsm.Parse(data)
		_, err2 := clsm.Parse(as2(data))
		var p1 clsm.Problems
		require.ErrorAs(t, err1, &p1, file)
		if p1[0].Code == clsm.CodeNotInVersion {
			assert.NoError(t, err2, "%s: the same answers are valid in format 2", file)
			continue
		}
		assert.Equal(t, p1, err2, file)
		compared++
	}
	t.Logf("%d examples and %d bad dossiers read alike in formats 1 and 2", len(examples.DossierNames()), compared)
}
