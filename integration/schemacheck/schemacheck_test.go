package schemacheck_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/examples"
	"github.com/clsmkit/go-clsm/labels"
	"github.com/clsmkit/go-clsm/schema"
)

// schemaOnlyBlind lists the problem codes that JSON Schema cannot see: a JSON
// parser keeps the last of two duplicate keys before any schema runs, a
// schema says nothing of a document's size, the schema describes the
// current format, whose answers a version 1 dossier may not use (« never »),
// no keyword adds up the funders' shares (at most 100 %), and none compares
// two dates of the document (a last bilan before the creation), rules of the
// Go validator that the schema's description states. For these, and only
// these, the schema accepts what the Go decoder refuses. The conformance
// suite (wasm/conformance) names the same cases.
var schemaOnlyBlind = map[string]bool{clsm.CodeDuplicateKey: true, clsm.CodeTooLarge: true, clsm.CodeNotInVersion: true, clsm.CodeShareSum: true, clsm.CodeBeforeCreation: true}

// TestSchemaAgreesWithDecoder runs every example and every bad dossier through
// an independent JSON Schema validator and through the Go decoder, and checks
// that both accept the examples and both refuse the bad ones.
func TestSchemaAgreesWithDecoder(t *testing.T) {
	sch := compileDossierSchema(t)
	for _, name := range examples.DossierNames() {
		data, _ := examples.Dossier(name)
		_, goErr := clsm.Parse(data)
		assert.NoError(t, goErr, name)
		assert.NoError(t, schemaValidate(sch, data), name)
	}
	files, err := filepath.Glob(filepath.Join("..", "..", "clsm", "testdata", "bad", "*.json"))
	require.NoError(t, err)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		_, goErr := clsm.Parse(data)
		require.Error(t, goErr, file)
		var ps clsm.Problems
		require.ErrorAs(t, goErr, &ps)
		blind := true
		for _, p := range ps {
			blind = blind && schemaOnlyBlind[p.Code]
		}
		schemaErr := schemaValidate(sch, data)
		if blind {
			assert.NoError(t, schemaErr, "%s: expected the schema to be blind to %v", file, ps)
		} else {
			assert.Error(t, schemaErr, "%s: the Go decoder refuses it (%v) but the schema accepts it", file, ps)
		}
	}
}

func compileDossierSchema(t testing.TB) *jsonschema.Schema {
	return compileSchema(t, schema.Dossier, schema.URL("dossier", clsm.SchemaVersion),
		&jsonschema.Format{Name: "siren", Validate: sirenFormat})
}

// compileSchema compiles one of the module's schemas, formats asserted, with
// the custom format given if any.
func compileSchema(t testing.TB, data []byte, url string, format *jsonschema.Format) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if format != nil {
		c.RegisterFormat(format)
	}
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err)
	return sch
}

func schemaValidate(sch *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// sirenFormat is written apart from clsm.SIREN.Valid on purpose: the
// agreement test must not share the code it checks.
func sirenFormat(v any) error {
	s, ok := v.(string)
	if !ok {
		return nil
	}
	if len(s) != 9 {
		return errors.New("not nine digits")
	}
	sum := 0
	for i, r := range s {
		if r < '0' || r > '9' {
			return errors.New("not a digit")
		}
		d := int(r - '0')
		if i%2 == 1 { // from the left, the 2nd, 4th… digits are doubled for 9 digits
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	if sum%10 != 0 {
		return errors.New("bad check digit")
	}
	return nil
}

// TestGoodDossiersMatchTheSchema: every file of clsm's testdata/good, which
// the Go decoder accepts, the schema accepts too (whole numbers written
// with a fraction or an exponent among them).
func TestGoodDossiersMatchTheSchema(t *testing.T) {
	sch := compileDossierSchema(t)
	files, err := filepath.Glob(filepath.Join("..", "..", "clsm", "testdata", "good", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		_, err = clsm.Parse(data)
		require.NoError(t, err, file)
		assert.NoError(t, schemaValidate(sch, data), file)
	}
}

// TestJSONReportsMatchTheirSchema runs the golden JSON reports through an
// independent JSON Schema validator.
func TestJSONReportsMatchTheirSchema(t *testing.T) {
	sch := compileSchema(t, schema.Report, schema.URL("report", assess.ReportVersion), nil)
	files, err := filepath.Glob(filepath.Join("..", "..", "assess", "testdata", "golden", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.NoError(t, schemaValidate(sch, data), f)
	}
}

// TestReferentialsMatchTheirSchema runs every built-in and example referential
// through an independent JSON Schema validator.
func TestReferentialsMatchTheirSchema(t *testing.T) {
	sch := compileSchema(t, schema.Referential, schema.URL("referential", labels.ReferentialVersion), nil)
	names := map[string][]byte{}
	for _, id := range labels.BuiltinIDs() {
		names[id], _ = labels.BuiltinJSON(id)
	}
	names["aveyron-exemple"], _ = examples.Referential("aveyron-exemple")
	for name, data := range names {
		assert.NoError(t, schemaValidate(sch, data), name)
	}
}
