package documents_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/documents"
	"github.com/clsmkit/go-clsm/labels"
)

func odtFile(t *testing.T, data []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	f, err := z.Open(name)
	require.NoError(t, err, name)
	b, err := io.ReadAll(f)
	require.NoError(t, err)
	return string(b)
}

// TestODTPackage checks the package as the ODF standard (part 2,
// « Packages ») wants it: « mimetype » first, stored, without extra field;
// the manifest lists the parts; every XML part is well-formed.
func TestODTPackage(t *testing.T) {
	d := dossier(t, "ile-de-france-montreuil-actif")
	doc, err := documents.Write(documents.Request{Dossier: d, Referential: labels.ForDossier(d), At: at}, "annexe")
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, documents.WriteODT(&buf, doc))
	data := buf.Bytes()
	assert.Equal(t, "PK\x03\x04", string(data[:4]))
	assert.Equal(t, "mimetypeapplication/vnd.oasis.opendocument.text", string(data[30:30+8+39]), "mimetype first, uncompressed, no extra field")
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	assert.Equal(t, "mimetype", z.File[0].Name)
	assert.Equal(t, zip.Store, z.File[0].Method)
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	assert.Equal(t, []string{"mimetype", "META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml"}, names)
	for _, n := range names[1:] {
		dec := xml.NewDecoder(bytes.NewReader([]byte(odtFile(t, data, n))))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, n)
		}
	}
	content := odtFile(t, data, "content.xml")
	assert.Contains(t, content, `<text:h text:style-name="Heading_20_1" text:outline-level="1">La gouvernance du CLSM</text:h>`)
	assert.Contains(t, content, "<table:table-header-rows>")
	assert.Contains(t, content, "CLSM de Montreuil")
	assert.Contains(t, odtFile(t, data, "styles.xml"), `fo:page-width="21cm" fo:page-height="29.7cm"`)
	assert.Contains(t, odtFile(t, data, "meta.xml"), "<dc:language>fr-FR</dc:language>")
}
