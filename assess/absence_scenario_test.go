package assess_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// sourceRows are the scenarios of absences read as the texts read them and
// of rules that say who said them (issue 21, items 2 and 3); TestScenarios
// runs them with the others.
var sourceRows = []scenarioRow{
	{file: "40-idf-qpv-city-contract-absent", ref: "idf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"idf-contrat-de-ville": unm, "idf-asv": met, "idf-cls": met},
		why:      "the ARS Île-de-France's cahier des charges §7 « leur action doit être fortement articulée avec les outils mis en place dans le cadre de la politique de la ville (Contrats de ville, Ateliers santé ville - ASV) », and the circular SG/CGET/2014/376 it cites: « la mobilisation des conseils locaux de santé mentale existants et leur développement constitueront l'un des objectifs du volet santé du contrat de ville »: with 6 QPV, a contrat de ville « absent » is the gap itself (and contradicts the QPV count), not « sans objet »"},
	{file: "40-idf-qpv-city-contract-absent", ref: "national", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"nat-qpv": unm},
		why:      "instruction 2016 (as summarised): the CLSM is the « dispositif privilégié de mise en œuvre du volet santé mentale » of the contrat de ville: the same gap, at the recommended level « privilégié » gives, which does not block"},
	{file: "41-idf-ptsm-absent", ref: "idf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"idf-ptsm": unm},
		why:      "the ARS Île-de-France's cahier des charges §2 « Le CLSM a comme missions : […] Participer à la réalisation du diagnostic territorial partagé en santé mentale, à la définition du projet territorial de santé mentale », and its context: « le directeur général de l'Agence régionale de santé arrête le diagnostic, puis le projet territorial de santé mentale après avoir sollicité […] l'avis des conseils locaux de santé mentale » (instruction of 5 June 2018, article 69 of the 2016 law): every territory has its PTSM, so « absent » is the gap, not « sans objet »"},
	{file: "41-idf-ptsm-absent", ref: "occitanie", notReady: true, warning: true,
		outcomes: map[string]labels.Outcome{"occ-articulation-ptsm": unm, "occ-articulation-cpts": met},
		why:      "the ARS Occitanie's page « Conseils locaux de santé mentale » « d'autres outils de territorialisation […] (…, Projets Territoriaux de Santé Mentale…) avec lesquels il est nécessaire d'articuler le CLS et le CLSM »: the PTSM every territory has, answered absent, is the gap"},
	{file: "42-hdf-lille-like", ref: "hdf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"nat-presidence": met, "nat-coanimation": met, "nat-partenaire-ptsm": met, "nat-jeunes": met,
			"nat-piliers-des-le-depart": unk, "hdf-convention": met, "hdf-coordonnateur": met, "nat-diagnostic": unk, "nat-feuille-de-route": unk},
		why: "the article « Pourquoi et comment monter un conseil local de santé mentale ? », the Lille account: « Le CLSM est co-présidé par la ville de Lille et l'EPSM Agglomération Lilloise, et sa gouvernance inclut les co-signataires de la convention constitutive, ainsi que des représentants du secteur sanitaire, médico-social, social », « un coordinateur à temps plein », groups on « la parentalité et l'enfance », « la santé mentale des jeunes », « l'habitat »; the article says nothing of a diagnostic, a roadmap or the articulations, which no HdF text requires: only the national socle's « intègre les usagers et les aidants » dès le départ is left to answer. Not « À compléter »"},
	{file: "42-hdf-lille-like", ref: "national", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"nat-diagnostic": unk, "nat-feuille-de-route": unk},
		why:      "the national coordinator's steps (« Un diagnostic […] est mené », « Un comité de pilotage élabore […] la feuille de route ») are her words in an article: recommended, so their blanks lower no required count"},
}

func init() { scenarioRows = append(scenarioRows, sourceRows...) }

// findingOf assesses a scenario file and returns the finding of one rule.
func findingOf(t *testing.T, file, ref, rule string) assess.Finding {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "scenarios", file+".json"))
	require.NoError(t, err)
	d, err := clsm.Parse(data)
	require.NoError(t, err)
	r, err := assess.Evaluate(d, builtin(t, ref), evalDate)
	require.NoError(t, err)
	for _, f := range r.Findings {
		if f.RuleID == rule {
			return f
		}
	}
	t.Fatalf("%s under %s: no finding for %s", file, ref, rule)
	return assess.Finding{}
}

// TestAbsenceIsTheGapSaysSo: an absence that is the gap is reported as such,
// with what contradicts it.
func TestAbsenceIsTheGapSaysSo(t *testing.T) {
	f := findingOf(t, "40-idf-qpv-city-contract-absent", "idf", "idf-contrat-de-ville")
	assert.Equal(t, labels.Unmet, f.Outcome)
	assert.Contains(t, f.Detail, "Aucun contrat de ville sur le territoire, alors que c'est précisément ce que le texte demande.")
	assert.Contains(t, f.Detail, "6\u00a0quartiers prioritaires de la politique de la ville (QPV)")
	assert.Contains(t, f.Detail, "vérifiez cette réponse")

	f = findingOf(t, "41-idf-ptsm-absent", "idf", "idf-ptsm")
	assert.Contains(t, f.Detail, "projet territorial de santé mentale sur chaque territoire")

	f = findingOf(t, "05-idf-paris-no-asv-no-qpv", "idf", "idf-asv")
	assert.Equal(t, labels.NotApplicable, f.Outcome)
	assert.Equal(t, "Aucun atelier santé ville (ASV) sur le territoire, ce qui rend la règle sans objet.", f.Detail)
}

// TestReportSaysWhoseWords: a rule from an article cites whose words they
// are; a rule from a cahier des charges cites its title.
func TestReportSaysWhoseWords(t *testing.T) {
	f := findingOf(t, "42-hdf-lille-like", "hdf", "hdf-convention")
	assert.Equal(t, labels.KindArticle, f.Citation.Kind)
	assert.True(t, strings.HasPrefix(f.Citation.Document, "propos de Fanny Pastant, coordinatrice nationale"), f.Citation.Document)
	assert.Contains(t, f.Citation.Document, "rapportés dans l'article «\u00a0Pourquoi et comment monter un conseil local de santé mentale\u00a0?\u00a0»")
	f = findingOf(t, "42-hdf-lille-like", "hdf", "hdf-personnes-concernees")
	assert.Contains(t, f.Citation.Document, "propos de Marie-Christine Staniec-Wavrant, adjointe au maire de Lille")

	f = findingOf(t, "03-idf-montreuil-ready", "idf", "idf-cls")
	assert.Equal(t, "Cahier des charges des conseils locaux de santé mentale", f.Citation.Document)
	assert.Equal(t, labels.KindARSSpecification, f.Citation.Kind)
}
