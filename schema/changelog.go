package schema

// ChangeKind says how a change to the schema of a published version relates
// to the files the previous revision accepted.
type ChangeKind int

const (
	// Annotation changes what a person reads (a title, a description)
	// and nothing that is accepted or refused.
	Annotation ChangeKind = iota + 1
	// Restriction refuses files the previous revision accepted, none of
	// which a real file is: a new maximum far above what any CLSM reaches.
	Restriction
	// Addition accepts files the previous revision refused: a new optional
	// key, a new value of an enumeration. It makes a new revision of the
	// version.
	Addition
)

// Change is one recorded change to the schema file of a published version
// that keeps its version number.
type Change struct {
	// File is the schema file's name, as [FileName] writes it.
	File string
	// Kind says what the change does to the files accepted.
	Kind ChangeKind
	// Added lists, for an [Addition], the JSON Pointers in the document of
	// the keys or values added ("/governance/newKey", "/stage=dormant";
	// "/-" stands for every item of a list).
	Added []string
	// Note says what changed and, for a restriction, why no real file is
	// refused.
	Note string
	// SHA256 is the hexadecimal SHA-256 digest of the file once changed.
	SHA256 string
}

// Published is the SHA-256 digest of each schema file as it was first
// pinned (6 December 2026, when the rule above was adopted): the files of
// the format versions published by then, frozen ones included.
var Published = map[string]string{
	"dossier.v1.schema.json":     "e69e1a9cf9ba429f5eda9a118f0fc088f8e9ef4f3d0e62340f3f13f527bad6a1",
	"dossier.v2.schema.json":     "7196200e79d0d572f22d2986a0a597e860a658250b21ec4886cb02f0775b7cb1",
	"referential.v1.schema.json": "ce6a4b13db449eb09b82cf9c12bcd1131c0be1563b51e58f03042052d2c74028",
	"report.v1.schema.json":      "29fbf49ed9927132045707ba5ca797fe857e1a3f737e57c3c6ae3411b0a4b9f8",
	"report.v2.schema.json":      "1f60477b1c65bd57b49201b08522c52c6eb214f4012dda90d216c6824775d844",
	"report.v3.schema.json":      "cd698ce89096659bca55ec6a6cf48675fdd5723efa66401ddd5724cc8508e822",
}

// Changelog records, oldest first, every change to the schema of a
// published version that keeps its version number. Append to it; never
// edit an entry.
//
// A published format version is frozen: a file written for it must keep
// meaning the same thing to every reader of that version, older builds
// included. The rule for changing the schema of a published version is:
//
//   - an [Annotation] (a title, a description, an example: nothing accepted
//     or refused changes) keeps the version and is recorded in [Changelog];
//   - a [Restriction] (a new maximum, a new pattern, that no real file
//     reaches) keeps the version and is recorded in [Changelog], with the
//     reason no real file is refused;
//   - an [Addition] (a new optional key, a new value of an enumeration)
//     keeps the version number but makes a new revision of it ([Revision]),
//     recorded in [Changelog] with the JSON Pointers of what it adds. What
//     the rule asks of a reader is to read a file of a later revision of a
//     version it knows, keeping the keys it does not know as they are rather
//     than refusing them; the readers of this module do not do it yet (a
//     file does not state its revision, and clsm.Parse and labels.Parse
//     refuse every unknown key), so an addition serves only the files read
//     by a build that knows it;
//   - anything else (a key removed or renamed, a value whose meaning
//     changes, a key that becomes required) needs a new version, with its
//     upgrade step, and the old schema file kept in [Frozen].
//
// Every schema file is pinned by the SHA-256 of its content: the test of
// this package fails when a file no longer has the digest of its last
// [Changelog] entry (or, without one, its digest in [Published]), and prints
// the new digest to record.
var Changelog = []Change{
	{File: "dossier.v2.schema.json", Kind: Annotation, SHA256: "e756f58669d3676509394483ea8c54ee33f573eee947b406e41017a253fe8ba4",
		Note: "schemaVersion's description written from clsm.SchemaVersion, with a no-break space before the semicolon"},
	{File: "referential.v1.schema.json", Kind: Addition, Added: []string{"/deliverables"}, SHA256: "a3deb121796fe59cb057a6b27e91f45a93589b56cc7b822973cb13648f782c1c",
		Note: "the documents a referential asks a CLSM to file, per stage (optional; the built-ins declare theirs from their sources)"},
}

// Revision is the revision of a published schema file: the number of
// additions recorded for it in [Changelog]. A file read by a build whose
// revision is lower may hold keys that build does not know.
func Revision(file string) int {
	n := 0
	for _, c := range Changelog {
		if c.File == file && c.Kind == Addition {
			n++
		}
	}
	return n
}

// Digest is the SHA-256 digest a schema file must have: that of its last
// [Changelog] entry, or else its digest in [Published]; ok is false for a
// file never published.
func Digest(file string) (sum string, ok bool) {
	sum, ok = Published[file]
	for _, c := range Changelog {
		if c.File == file {
			sum, ok = c.SHA256, true
		}
	}
	return sum, ok
}
