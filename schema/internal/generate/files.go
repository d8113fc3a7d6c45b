package main

import (
	"strings"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
	"github.com/clsmkit/go-clsm/schema"
)

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
	dossier, err := Generate(&clsm.Dossier{}, schema.URL("dossier", clsm.SchemaVersion),
		"Dossier d'auto-évaluation d'un conseil local de santé mentale (CLSM)",
		"Ce que le CLSM dit de lui-même pour évaluer s'il est prêt à demander sa labellisation ou son financement. "+
			"Une clé absente veut dire « non renseigné » ; null n'est pas accepté. Une liste vide veut dire « aucun ». La somme des parts des financeurs (au plus 100 %) et l'ordre des dates (le dernier bilan annuel et la dernière évaluation de l'appropriation ne précèdent pas la date de création du CLSM) sont des règles du validateur Go que ce schéma ne peut pas exprimer.", false, noFabricatedAnswers)
	if err != nil {
		return nil, err
	}
	referential, err := Generate(&labels.Referential{}, schema.URL("referential", labels.ReferentialVersion),
		"Référentiel d'un cahier des charges de CLSM",
		"Les règles d'un cahier des charges : quelles vérifications du catalogue s'appliquent, avec quels paramètres, à quel niveau, "+
			"pour quels stades du CLSM, en citant quelle section de quel document. C'est le format qu'une ARS écrit pour utiliser ses propres règles. "+
			"Ce schéma vérifie chaque vérification, ses paramètres et les conditions ; restent au lecteur Go (labels.Parse) "+
			"ce qu'aucun schéma ne peut exprimer : "+strings.Join(parseOnly, " ; ")+".", false, discriminate)
	if err != nil {
		return nil, err
	}
	report, err := Generate(&assess.Report{}, schema.URL("report", assess.ReportVersion),
		"Rapport d'auto-évaluation d'un CLSM",
		"Le résultat de l'évaluation d'un dossier de CLSM au regard d'un référentiel, à une date : verdict, scores par axe, "+
			"résultat et source de chaque règle, prochaines étapes, questions décisives et indicateurs de résultats.", true, noFabricatedAnswers)
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

// parseOnly lists, in French, what labels.Parse checks in a referential and
// no JSON Schema can express: relations between values in different places
// of the file, and what reading the bytes sees before any schema runs. The
// referential schema's description lists them; the conformance test
// (wasm/conformance) names them too.
var parseOnly = []string{
	"deux règles, deux documents ou deux stades de « readiness » de même identifiant",
	"une règle, une exigence non vérifiable ou un stade qui cite un document absent de « documents »",
	"un stade de « readiness » qui nomme une règle absente, non requise, conditionnelle ou d'un autre stade",
	"un identifiant de règle qui ne commence pas par « rulePrefix »",
	"deux conditions d'une même règle sans réponse commune",
	"avec « extends » : une règle de « drop » ou de « override » que le référentiel de départ n'a pas, et les problèmes du référentiel qui résulte de l'héritage",
	"une clé en double dans un objet et un fichier de plus d'un mégaoctet",
}
