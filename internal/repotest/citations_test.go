package repotest

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// root is the repository's root, from this package's directory.
const root = "../.."

// privateCitation matches a citation of a document a maintainer cannot open
// from the repository: the working notes and the numbered source copies the
// project started from. A comment cites the public document instead (title,
// issuer, date, section), as the rules' source fields do.
var privateCitation = regexp.MustCompile(`(?i)\bseeds? ?0\d\d\b|\bseeds? ?00\d/|DOMAIN-NOTES|domain notes|shared/seeds`)

// citationPending lists the files another change is rewriting at the same
// time; remove an entry once its file cites public documents.
var citationPending = map[string]bool{}

// TestCommentsCitePublicDocuments fails on a source or documentation file
// that cites a private note or a numbered source copy.
func TestCommentsCitePublicDocuments(t *testing.T) {
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case ".git", "node_modules", "testdata":
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".md", ".mjs", ".js", ".ts", ".json", ".html":
		default:
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if citationPending[rel] || rel == "internal/repotest/citations_test.go" {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		checked++
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for n := 1; sc.Scan(); n++ {
			if m := privateCitation.FindString(sc.Text()); m != "" {
				t.Errorf("%s:%d cites %q, which a maintainer cannot open: cite the public document (title, issuer, date, section)", rel, n, strings.TrimSpace(m))
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 100 {
		t.Fatalf("only %d files checked: is the walk rooted at the repository?", checked)
	}
}
