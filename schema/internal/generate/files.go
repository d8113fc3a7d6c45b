package main

import (
	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
	"github.com/clsmkit/go-clsm/schema"
)

const baseID = "https://github.com/clsmkit/go-clsm/schema/"

// Names of the schema files of the current format versions: the version is
// in the file name and in the $id, read from the constants of the packages
// that own the formats, so that a version change is made in one place.
var (
	dossierFile     = schema.FileName("dossier", clsm.SchemaVersion)
	referentialFile = schema.FileName("referential", labels.ReferentialVersion)
	reportFile      = schema.FileName("report", assess.ReportVersion)
)

// Files returns every schema file, by name, as it must be committed. The
// schemas of older versions (schema.Frozen) are kept as they were and not
// regenerated.
func Files() (map[string][]byte, error) {
	dossier, err := Generate(&clsm.Dossier{}, baseID+dossierFile,
		"Dossier d'auto-évaluation d'un conseil local de santé mentale (CLSM)",
		"Ce que le CLSM dit de lui-même pour évaluer s'il est prêt à demander sa labellisation ou son financement. "+
			"Une clé absente veut dire « non renseigné » ; null n'est pas accepté. Une liste vide veut dire « aucun ».", false)
	if err != nil {
		return nil, err
	}
	referential, err := Generate(&labels.Referential{}, baseID+referentialFile,
		"Référentiel d'un cahier des charges de CLSM",
		"Les règles d'un cahier des charges : quelles vérifications du catalogue s'appliquent, avec quels paramètres, à quel niveau, "+
			"pour quels stades du CLSM, en citant quelle section de quel document. C'est le format qu'une ARS écrit pour utiliser ses propres règles.", false)
	if err != nil {
		return nil, err
	}
	report, err := Generate(&assess.Report{}, baseID+reportFile,
		"Rapport d'auto-évaluation d'un CLSM",
		"Le résultat de l'évaluation d'un dossier de CLSM au regard d'un référentiel, à une date : verdict, scores par axe, "+
			"résultat et source de chaque règle, prochaines étapes, questions décisives et indicateurs de résultats.", true)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{dossierFile: dossier, referentialFile: referential, reportFile: report}
	ts, err := TypeScript(files)
	if err != nil {
		return nil, err
	}
	// Written beside the ES modules it describes (paths are relative to the
	// schema directory, where go generate runs).
	files["../wasm/web/clsm.d.ts"] = ts
	return files, nil
}
