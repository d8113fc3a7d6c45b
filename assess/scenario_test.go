package assess_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clsmkit/go-clsm/assess"
	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/labels"
)

// Outcome shorthands for the scenario table.
const (
	nDue = labels.NotDue
	met  = labels.Met
	unm  = labels.Unmet
	unk  = labels.Unknown
	nApp = labels.NotApplicable
)

// scenarioRow is one expert expectation: a scenario dossier of
// testdata/scenarios assessed against one built-in referential at evalDate.
// The expectations are written from the public source documents, not copied
// from the engine's output; why quotes the text behind each of them, citing:
//   - IDF: Cahier des charges des conseils locaux de santé mentale, ARS
//     Île-de-France (undated), by its section (§4.1…);
//   - Occitanie: Conseils locaux de santé mentale, web page of the ARS
//     Occitanie (undated);
//   - HdF article: Pourquoi et comment monter un conseil local de santé
//     mentale ?, article with interviews of the ARS Hauts-de-France, the CLSM
//     of Lille and the national coordinator (undated);
//   - CCOMS 2024: Le conseil local de santé mentale : un outil pour
//     répondre aux enjeux de santé mentale, slides of the Centre national de
//     ressources et d'appui aux CLSM (CCOMS, Lille), webinar of 23 April 2024;
//   - instruction 2016: Instruction N°DGS/SP4/CGET/2016/289 of
//     30 September 2016 (Ministère des affaires sociales et de la santé, CGET);
//   - CSP L3221-2: Code de la santé publique, article L3221-2.
type scenarioRow struct {
	file string // in testdata/scenarios, without .json
	ref  string // built-in referential id
	// level is the expected readiness level; when empty, notReady must be
	// set and only « not ready » is asserted (the exact level depends on
	// counts the texts do not settle).
	level    assess.ReadinessLevel
	notReady bool
	// outcomes are the expected outcomes of the rules that matter.
	outcomes map[string]labels.Outcome
	// warning is whether Report.Warnings must be non-empty.
	warning bool
	why     string
	// gap, when set, says where the engine or the referential disagrees
	// with the text today. The row then asserts the current engine outcome
	// given in now for the rules listed there (the expected one stays in
	// outcomes, to document the gap) and logs the gap instead of failing.
	gap string
	now map[string]labels.Outcome
	// problems, when set, are the paths of the dossier's before_creation
	// problems: the dossier is « à corriger » and gets no verdict. Each
	// message names both dates, the creation date among them (created).
	problems []string
	created  string
	// calendar are what Readiness.Calendar must say (both dates of a
	// contradiction); dueOn the day each rule not yet due becomes due.
	calendar []string
	dueOn    map[string]clsm.Date
	// notInDetail is text a rule's detail must not hold (a claim that
	// something does not exist when the dossier lists it).
	notInDetail map[string]string
}

var scenarioRows = []scenarioRow{
	// --- traps that hold under every referential ---------------------------
	{file: "01-empty", ref: "idf", level: assess.Incomplete,
		outcomes: map[string]labels.Outcome{"idf-presidence": unk, "idf-cls": unk, "idf-psychiatrie-pilotage": unk},
		why:      "blank is never « non »: an empty dossier answers nothing, so nothing is met or unmet; IDF « Il constitue le minimum requis pour la mise en place d'un CLSM » cannot be judged on no answer"},
	{file: "01-empty", ref: "occitanie", level: assess.Incomplete,
		outcomes: map[string]labels.Outcome{"occ-presidence": unk},
		why:      "Occitanie « présidée par un Élu du territoire »: not answered, so unknown, and no verdict without the stage"},
	{file: "01-empty", ref: "hdf", level: assess.Incomplete,
		outcomes: map[string]labels.Outcome{"nat-presidence": unk, "nat-coanimation": unk, "hdf-convention": unk},
		why:      "the Hauts-de-France referential rests on the national socle (the national resource centre's presentation « présidé par un élu local, coanimé par la psychiatrie publique »): not answered, so unknown"},
	{file: "01-empty", ref: "national", level: assess.Incomplete,
		outcomes: map[string]labels.Outcome{"nat-presidence": unk, "nat-coanimation": unk},
		why:      "CCOMS 2024 « présidé par un élu local, coanimé par la psychiatrie publique »: not answered, so unknown"},
	{file: "02-stage-only", ref: "idf", level: assess.Incomplete,
		outcomes: map[string]labels.Outcome{"idf-copil-reunions": unk, "idf-bilan-annuel": unk, "idf-cls": unk, "idf-objectif-observation": unk},
		why:      "IDF §4.1 « Il se réunit au moins deux fois par an », §12 « bilan annuel », §6 CLS: a stage alone answers none of them; unanswered meetings are not « zero meetings »"},
	{file: "02-stage-only", ref: "occitanie", level: assess.Incomplete,
		outcomes: map[string]labels.Outcome{"occ-presidence": unk, "occ-objectif-observation": unk},
		why:      "Occitanie « Le CLSM définit 5 objectifs stratégiques »: no action or group listed is unanswered, not « none »"},
	{file: "02-stage-only", ref: "hdf", level: assess.Incomplete,
		outcomes: map[string]labels.Outcome{"hdf-convention": unk, "nat-diagnostic": unk},
		why:      "the article « Pourquoi et comment monter un conseil local de santé mentale ? », the national coordinator's words « Une collectivité effectue une convention avec la psychiatrie de secteur », « Un diagnostic […] est mené » (recommended): unanswered"},
	{file: "02-stage-only", ref: "national", level: assess.Incomplete,
		outcomes: map[string]labels.Outcome{"nat-presidence": unk},
		why:      "a stage alone is no evidence: never ready"},
	{file: "26-idf-stage-only-project", ref: "idf", level: assess.Incomplete,
		outcomes: map[string]labels.Outcome{"idf-presidence": unk, "idf-cls": unk},
		why:      "a project stage and a department only: IDF §4 « Le maire […] préside le CLSM » and §6 are unanswered"},
	{file: "26-idf-stage-only-project", ref: "hdf", level: assess.Incomplete, warning: true,
		outcomes: map[string]labels.Outcome{"nat-presidence": unk},
		why:      "a Seine-Saint-Denis dossier under the Hauts-de-France referential: warned, and unanswered"},

	// --- Île-de-France: the cahier des charges ------------------------------
	{file: "03-idf-montreuil-ready", ref: "idf", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"idf-cls": met, "idf-copil-reunions": met, "idf-bilan-annuel": met, "idf-evaluation-appropriation": met,
			"idf-coordonnateur-recrutement": met, "idf-cellule-charte": met, "idf-objectif-observation": met, "idf-copil-asv": met, "idf-ap-reunion": met},
		why: "IDF: §6 CLS « yes »; §4.1 three COPIL meetings in 2026 « au moins deux fois par an »; §4.2 plenary 2026-05-28 « au moins une fois par an »; §12 bilan 2026-03-05 « bilan annuel », appropriation 2025-06-12 « tous les deux ans »; §5 commune employer associating the psychiatry head « le responsable de la psychiatrie de secteur, si l'employeur est la ville »; §10 « charte éthique » adopted; §7 ASV coordinator « siégera à son comité de pilotage »"},
	{file: "03-idf-montreuil-ready", ref: "national", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"nat-presidence": met, "nat-coanimation": met, "nat-partenaire-ptsm": met},
		why:      "CCOMS 2024 « présidé par un élu local, coanimé par la psychiatrie publique »; CSP L3221-2 « les représentants des usagers et les professionnels de santé, sociaux et médico-sociaux » all sit on the COPIL (MDPH for médico-social)"},
	{file: "03-idf-montreuil-ready", ref: "hdf", level: assess.Ready, warning: true,
		why: "a Seine-Saint-Denis dossier under the Hauts-de-France referential must be warned about; the known HdF rules (HdF article) are all met"},
	{file: "04-idf-no-cls", ref: "idf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"idf-cls": unm, "idf-coordonnateur-cls": nApp},
		why:      "IDF §6 « sauf exception, l'ARS ne financera des CLSM que si leur action s'intègre dans un CLS »: no CLS on the territory is « non respecté », never « sans objet »; §5 « intégré dans l'équipe de pilotage des CLS signés sur son territoire » has no CLS to apply to. One required rule unmet: almost ready"},
	{file: "04-idf-no-cls", ref: "national", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"nat-articulation-cls": nApp},
		why:      "national texts (instruction 2016) ask CLSM to articulate with CLS « where they exist »: no CLS, nothing to articulate with"},
	{file: "05-idf-paris-no-asv-no-qpv", ref: "idf", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"idf-asv": nApp, "idf-contrat-de-ville": nApp, "idf-copil-asv": nApp, "idf-asv-des-creation": nApp},
		why:      "IDF §7 « Si un ASV est en place dans le territoire du CLSM, le coordonnateur de cet atelier […] siégera à son comité de pilotage » and « articulée avec les outils mis en place dans le cadre de la politique de la ville »: no QPV, no contrat de ville, no ASV, so nothing to articulate with"},
	{file: "05-idf-paris-no-asv-no-qpv", ref: "national", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"nat-qpv": nApp},
		why:      "instruction 2016: priority in the contrats de ville, which only concern territories with a QPV"},
	{file: "06-idf-hospital-employer", ref: "idf", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"idf-coordonnateur-recrutement": met},
		why:      "IDF §5 « Le directeur du Centre hospitalier ou la collectivité territoriale […] organise son recrutement. Pour ce faire, sont associés le maire de la commune d'implantation du CLSM, si l'employeur est l'hôpital »: the mayor was associated"},
	{file: "07-idf-association-employer", ref: "idf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"idf-coordonnateur-recrutement": unm},
		why:      "IDF §5 names only « Le directeur du Centre hospitalier ou la collectivité territoriale » as the employer organising the recruitment: an association employer does not meet it"},
	{file: "07-idf-association-employer", ref: "national", level: assess.Ready,
		why: "CCOMS 2024 « coordonné par un coordonnateur »: no national text says who employs the coordinator"},
	{file: "08-idf-copil-once", ref: "idf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"idf-copil-reunions": unm, "idf-ap-reunion": met},
		why:      "IDF §4.1 « Il se réunit au moins deux fois par an pour assurer ses missions »: one COPIL meeting (2026-03-12) in the twelve months before 2026-11-22"},
	{file: "09-idf-bilan-stale", ref: "idf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"idf-bilan-annuel": unm},
		why:      "IDF §12 « L'évaluation des actions menées fait l'objet d'un bilan annuel »: a bilan of 2025-09-18 is fourteen months old"},
	{file: "10-idf-bilan-never", ref: "idf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"idf-bilan-annuel": unm},
		why:      "IDF §12 « bilan annuel »: « jamais » (format 2) is an answer, and it is « non »"},
	{file: "11-idf-objectives-blank", ref: "idf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"idf-objectif-observation": unk, "idf-objectif-promotion": unk, "idf-objectif-access": unk, "idf-objectif-inclusion": met, "idf-objectif-destigmatisation": unk},
		why:      "IDF §3.1 five objectifs stratégiques: groups and actions exist but none says which objective it serves, so « non renseigné », never « non respecté »; unknowns keep it from ready. The « Logement » group serves inclusion by its theme: §9.4 « L'inclusion sociale et la lutte contre l'exclusion : Le CLSM met en place et coordonne les partenariats visant à faciliter l'accès et le maintien dans le logement »"},
	{file: "11-idf-objectives-blank", ref: "occitanie", level: assess.AlmostReady, warning: true,
		outcomes: map[string]labels.Outcome{"occ-objectif-observation": unk, "occ-objectif-destigmatisation": unk},
		why:      "Occitanie « Le CLSM définit 5 objectifs stratégiques »: unanswered objectives are unknown, not unmet"},
	{file: "12-idf-training-never", ref: "idf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"idf-coordonnateur-formation": unm},
		why:      "IDF §5 « Il devra répondre au référentiel de compétences […] et si besoin engager dans un délai de 2 ans les formations qualifiantes »: in post since 2023-01-09, not meeting the referential, training « jamais » engaged"},
	{file: "13-idf-constitution-v1-no-version", ref: "idf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"idf-ars-copil": met, "idf-coordonnateur": met, "idf-cls": met, "idf-copil-reunions": nApp, "idf-diagnostic-engage": unk},
		why:      "a format-1 file without schemaVersion is read as it stands; IDF §4 « La délégation départementale de l'ARS est représentée au comité de pilotage » met; §4.1 meeting count is for active CLSM; format 1 cannot say the diagnostic is « programmé », so with done=false the commitment is unknown, not unmet"},
	{file: "14-idf-project", ref: "idf", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"idf-presidence": met, "idf-psychiatrie-pilotage": met, "idf-usagers-aidants-constitution": met, "idf-cls": met},
		why:      "IDF §4 « Le maire ou l'élu […] préside », « étroitement associé(s) au pilotage », « partie prenante à part entière du CLSM dès sa constitution »; §6 CLS: all answered yes at the project stage"},
	{file: "25-idf-copil-not-constituted", ref: "idf", level: assess.InProgress,
		outcomes: map[string]labels.Outcome{"idf-ars-copil": unm, "idf-copil-piliers": unm},
		why:      "IDF §4 « La délégation départementale de l'ARS est représentée au comité de pilotage »: the COPIL does not exist, so the member list left in the file (hidden by its gate) does not count"},

	// --- Occitanie: the ARS web page ----------------------------------------
	{file: "15-occ-rodez-project", ref: "occitanie", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"occ-presidence": met, "occ-cls": met},
		why:      "Occitanie « présidée par un Élu du territoire » (an adjointe déléguée), « associant les élus locaux, la psychiatrie, les représentants d'usagers et les aidants »; partial referential: « Prêt au regard des règles connues »"},
	{file: "15-occ-rodez-project", ref: "idf", level: assess.Ready, warning: true,
		why: "an Aveyron dossier under the Île-de-France referential: the report must warn that the verdict says nothing of the ARS Occitanie's requirements"},
	{file: "16-occ-project-no-psychiatry", ref: "occitanie", notReady: true,
		outcomes: map[string]labels.Outcome{"occ-piliers-projet": unm, "occ-presidence": met},
		why:      "Occitanie « les CLSM constituent des espaces de concertation locale associant les élus locaux, la psychiatrie, les représentants d'usagers et les aidants »: with no public psychiatry at all, not a CLSM yet"},
	{file: "16-occ-project-no-psychiatry", ref: "idf", notReady: true, warning: true,
		outcomes: map[string]labels.Outcome{"idf-psychiatrie-pilotage": unm},
		why:      "IDF §4 « Le(s) chef(s) de secteur(s) […] de psychiatrie publique est (sont) étroitement associé(s) au pilotage du CLSM »"},
	{file: "16-occ-project-no-psychiatry", ref: "hdf", notReady: true, warning: true,
		outcomes: map[string]labels.Outcome{"nat-coanimation": unm},
		why:      "the national resource centre's presentation, the national socle the Hauts-de-France referential rests on: « présidé par un élu local, coanimé par la psychiatrie publique »"},
	{file: "16-occ-project-no-psychiatry", ref: "national", notReady: true,
		outcomes: map[string]labels.Outcome{"nat-coanimation": unm},
		why:      "CCOMS 2024 « présidé par un élu local, coanimé par la psychiatrie publique »"},
	{file: "17-occ-active-hollow", ref: "occitanie", notReady: true,
		outcomes: map[string]labels.Outcome{"occ-objectif-observation": unm, "occ-objectif-promotion": unm, "occ-objectif-access": unm, "occ-objectif-inclusion": unm, "occ-objectif-destigmatisation": unm,
			"occ-assemblee-pleniere": unm, "occ-groupes-de-travail": unm},
		why: "Occitanie « Le CLSM définit 5 objectifs stratégiques » (observation locale, promotion et prévention, accès aux soins, insertion, déstigmatisation): no diagnostic, no working group, no action serves any; « généralement composé d'un comité de pilotage, un comité technique, une assemblée plénière ainsi que de plusieurs groupes de travail »: no plenary, no group (recommended)"},
	{file: "17-occ-active-hollow", ref: "national", notReady: true,
		outcomes: map[string]labels.Outcome{"nat-diagnostic": unm, "nat-presidence-instances": unm, "nat-trois-niveaux": unm},
		why:      "instruction 2016: two instances, « an annual plenary assembly and a steering committee, both chaired by the mayor »: with no plenary assembly the second instance cannot be chaired; HdF article and CCOMS 2024: the diagnostic step"},
	{file: "18-occ-gers-mutualised-ready", ref: "occitanie", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"occ-mutualisation": met, "occ-cls": met, "occ-articulation-cpts": met, "occ-articulation-dac": met},
		why:      "Occitanie « La mutualisation de la fonction de coordination sera recherchée entre le CLSM et le CLS »: mutualised; « il est nécessaire d'articuler le CLS et le CLSM » with CPTS, CPT, DAC, PTSM: all yes"},
	{file: "18-occ-gers-mutualised-ready", ref: "national", level: assess.Ready,
		why: "the national socle's required rules (elected president, co-animation by public psychiatry, users and carers from the start, L3221-2 composition) are all met"},
	{file: "19-occ-no-cls", ref: "occitanie", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"occ-cls": unm, "occ-mutualisation": nApp},
		why:      "the ARS Occitanie's page « Conseils locaux de santé mentale » « les CLS constituent un cadre d'action privilégié » and « L'ARS Occitanie souhaite soutenir la mise en place des conseils locaux en santé mentale (CLSM) dans le cadre des contrats locaux de santé »: a missing CLS is the very gap, but « La mise en place d'un CLSM n'est pas conditionnée à l'existence d'un CLS » keeps it recommended, so the dossier stays ready; there is no CLS coordination to share"},
	{file: "19-occ-no-cls", ref: "idf", notReady: true, warning: true,
		outcomes: map[string]labels.Outcome{"idf-cls": unm},
		why:      "the same dossier under Île-de-France: IDF §6 « sauf exception, l'ARS ne financera des CLSM que si leur action s'intègre dans un CLS »; and a warning, Haute-Garonne is not in Île-de-France"},

	// --- Hauts-de-France: the article ---------------------------------------
	{file: "20-hdf-roubaix", ref: "hdf", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"hdf-convention": met, "hdf-coordonnateur": met, "nat-diagnostic-quanti-quali": met, "nat-feuille-de-route": met, "nat-presidence": met},
		why:      "the article « Pourquoi et comment monter un conseil local de santé mentale ? » (the national coordinator's words, recommended) « Une collectivité effectue une convention avec la psychiatrie de secteur et recrute un coordonnateur », « Un diagnostic, à la fois quantitatif et qualitatif », « Un comité de pilotage élabore la stratégie, la feuille de route et les groupes de travail »; the national socle met"},
	{file: "20-hdf-roubaix", ref: "idf", level: assess.InProgress, warning: true,
		outcomes: map[string]labels.Outcome{"idf-copil-asv": unm, "idf-integration-regionale": unm},
		why:      "a Nord dossier under Île-de-France: warned; and IDF §7 « le coordonnateur de cet atelier […] siégera à son comité de pilotage » (ASV present, coordinator not on the COPIL), §8 « Leur action sera portée à la connaissance de la commission régionale […], des conseils territoriaux de santé, ainsi que de la sous-commission de la CRSA »"},
	{file: "21-hdf-project", ref: "hdf", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"nat-presidence": met, "nat-coanimation": met, "hdf-convention": nApp},
		why:      "the national resource centre's presentation « présidé par un élu local, coanimé par la psychiatrie publique »; the convention is the first step of setting up (the article « Pourquoi et comment monter un conseil local de santé mentale ? » « Une collectivité effectue une convention […] et recrute un coordonnateur »), not expected of a project"},
	{file: "22-hdf-constitution-no-convention", ref: "hdf", level: assess.AlmostReady,
		outcomes: map[string]labels.Outcome{"hdf-convention": unm, "hdf-coordonnateur": met},
		why:      "the article « Pourquoi et comment monter un conseil local de santé mentale ? » « Une collectivité effectue une convention avec la psychiatrie de secteur et recrute un coordonnateur » (the national coordinator's words: recommended, never blocking); « L'Agence co-finance à hauteur de 50% les postes de coordonnateur » is what the ARS pays, no rule"},

	// --- elsewhere: the national socle -------------------------------------
	{file: "23-bzh-rennes-active", ref: "national", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"nat-presidence": met, "nat-coanimation": met, "nat-partenaire-ptsm": met, "nat-jeunes": met, "nat-qpv": met},
		why:      "CCOMS 2024 « présidé par un élu local, coanimé par la psychiatrie publique »; IDF quoting the 2016 instruction « les CLSM veilleront à travailler spécifiquement sur la santé mentale des adolescents et des jeunes » (a youth group); QPV covered and contrat de ville articulated"},
	{file: "23-bzh-rennes-active", ref: "idf", notReady: true, warning: true,
		why: "an Ille-et-Vilaine dossier under Île-de-France: warned; it does not answer the IDF funding questions (IDF §12 « Des indicateurs de résultats sont annexés à la convention de financement »)"},
	// --- the calendar: IDF §4.1, §4.2, §12 ---------------------------
	{file: "27-idf-created-after-evaluation", ref: "idf", level: assess.Incomplete, calendar: []string{"12 mars 2027", "22 novembre 2026"},
		outcomes: map[string]labels.Outcome{"idf-bilan-annuel": unk, "idf-evaluation-appropriation": unk},
		why:      "IDF §12 « L'évaluation des actions menées fait l'objet d'un bilan annuel », « évaluées tous les deux ans »: whether « jamais » is already a gap depends on the creation date, here 12 March 2027, after the evaluation date of 22 November 2026 (and after the COPIL's meetings of 2026); one of the dates is wrong, so the bilan is neither « non respecté » nor « pas encore dû », and no verdict rests on dates that contradict each other"},
	{file: "28-idf-bilan-before-creation", ref: "idf", problems: []string{"/evaluation/lastAnnualReport", "/evaluation/lastAppropriationReview"}, created: "1er avril 2026",
		why: "IDF §12 « L'évaluation des actions menées fait l'objet d'un bilan annuel » and « L'appropriation du projet du CLSM par ses membres […] sont évaluées tous les deux ans »: both evaluate the CLSM itself, so a bilan of 5 March 2026 and an evaluation of 12 June 2025 cannot precede its creation on 1 April 2026. Was « Prêt à déposer »; now a dossier to correct, with both dates"},
	{file: "29-idf-young-no-bilan-yet", ref: "idf", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"idf-bilan-annuel": nDue, "idf-evaluation-appropriation": nDue, "idf-copil-reunions": met, "idf-ap-reunion": met},
		dueOn:    map[string]clsm.Date{"idf-bilan-annuel": "2027-01-22", "idf-evaluation-appropriation": "2028-01-22"},
		why:      "IDF §12 « L'évaluation des actions menées fait l'objet d'un bilan annuel », « évaluées tous les deux ans »: created on 22 January 2026, ten months before the evaluation, the CLSM owes its first bilan from 22 January 2027 and its first evaluation from 22 January 2028. « jamais » is then not yet due, never « non respecté » (it was two blocking failures); every other required rule is answered and met"},
	{file: "30-idf-young-copil-once", ref: "idf", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"idf-copil-reunions": nDue, "idf-ap-reunion": nDue, "idf-bilan-annuel": nDue, "idf-evaluation-appropriation": nDue},
		dueOn:    map[string]clsm.Date{"idf-copil-reunions": "2027-06-22", "idf-ap-reunion": "2027-06-22"},
		why:      "IDF §4.1 « Il se réunit au moins deux fois par an pour assurer ses missions »: one COPIL meeting (10 September 2026) in the five months since the creation on 22 June 2026; the year is not over and the second meeting can still be held, so the rule is not yet due, not met (one meeting is not two) and not unmet; §4.2 « Elle se réunit au moins une fois par an » likewise for a plenary not yet held"},
	{file: "30-idf-young-copil-once", ref: "national", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"nat-copil-reunion": met, "nat-ap-annuelle": nDue},
		why:      "CCOMS 2024: the national socle asks one COPIL meeting and one plenary a year; the one COPIL meeting is evidence, the plenary is not yet due"},
	{file: "31-idf-housing-group-no-action", ref: "idf", level: assess.Ready,
		outcomes:    map[string]labels.Outcome{"idf-action-9-4": met, "idf-objectif-inclusion": met},
		notInDetail: map[string]string{"idf-action-9-4": "Aucun"},
		why:         "IDF §9.4 « L'inclusion sociale et la lutte contre l'exclusion : Le CLSM met en place et coordonne les partenariats visant à faciliter l'accès et le maintien dans le logement »: a « Logement » working group is such a partnership even before its first action, and it serves the objective « Favoriser l'inclusion sociale » (§3.1) by its theme, with its objectives answered « none »"},
	{file: "32-idf-meeting-before-creation", ref: "idf", level: assess.Incomplete, calendar: []string{"22 janvier 2026", "1er février 2026"},
		outcomes: map[string]labels.Outcome{"idf-copil-reunions": met},
		why:      "IDF §4 « Le maire […] fixe la composition de son comité de pilotage »: the COPIL is the CLSM's, and its meeting of 22 January 2026 precedes the creation on 1 February 2026; the report names both dates and gives no level until one is corrected (the two later meetings still meet §4.1)"},

	{file: "24-bzh-project", ref: "national", level: assess.Ready,
		outcomes: map[string]labels.Outcome{"nat-presidence": met, "nat-coanimation": met, "nat-qpv": nApp},
		why:      "CCOMS 2024 « présidé par un élu local, coanimé par la psychiatrie publique, intègre les usagers et les aidants »; no QPV on the territory"},
}

func TestScenarios(t *testing.T) {
	for _, row := range scenarioRows {
		name := row.file + "/" + row.ref
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "scenarios", row.file+".json"))
			if err != nil {
				t.Fatalf("scenario %s: %v", row.file, err)
			}
			d, err := clsm.Parse(data)
			if row.problems != nil {
				checkBeforeCreation(t, row, err)
				return
			}
			if err != nil {
				t.Fatalf("scenario %s: the dossier does not parse: %v", row.file, err)
			}
			r, err := assess.Evaluate(d, builtin(t, row.ref), evalDate)
			if err != nil {
				t.Fatalf("scenario %s under %s: %v", row.file, row.ref, err)
			}
			if row.gap != "" {
				t.Logf("scenario %s under %s: known gap: %s", row.file, row.ref, row.gap)
			}
			got := map[string]labels.Outcome{}
			for _, f := range r.Findings {
				got[f.RuleID] = f.Outcome
			}
			for _, id := range sortedKeys(row.outcomes) {
				want := row.outcomes[id]
				if now, ok := row.now[id]; ok {
					want = now
				}
				o, ok := got[id]
				switch {
				case !ok:
					t.Errorf("scenario %s under %s: rule %s is not in the referential (expected %s; why: %s)", row.file, row.ref, id, want, row.why)
				case o != want:
					t.Errorf("scenario %s under %s: rule %s is %q, expected %q\n  why: %s", row.file, row.ref, id, o, want, row.why)
				}
			}
			lvl := r.Readiness.Level
			switch {
			case row.level != "" && lvl != row.level:
				t.Errorf("scenario %s under %s: readiness %q (%s), expected %q\n  why: %s\n  explanation: %s", row.file, row.ref, lvl, r.Readiness.Label, row.level, row.why, r.Readiness.Explanation)
			case row.level == "" && !row.notReady:
				t.Errorf("scenario %s under %s: the row gives neither a level nor notReady", row.file, row.ref)
			case row.notReady && lvl == assess.Ready:
				t.Errorf("scenario %s under %s: readiness is « %s », expected not ready\n  why: %s", row.file, row.ref, r.Readiness.Label, row.why)
			}
			if strings.HasPrefix(row.file, "01-empty") || strings.HasPrefix(row.file, "02-stage-only") {
				if lvl == assess.Ready {
					t.Errorf("scenario %s under %s: an empty dossier is ready", row.file, row.ref)
				}
			}
			if lvl == assess.Ready {
				want := assess.ReadyKnownRulesLabel
				if row.ref == "idf" {
					want = "Prêt à déposer"
				}
				if r.Readiness.Label != want {
					t.Errorf("scenario %s under %s: ready label %q, expected %q", row.file, row.ref, r.Readiness.Label, want)
				}
			}
			for _, part := range row.calendar {
				if !strings.Contains(plainSpaces(r.Readiness.Calendar), part) || !strings.Contains(plainSpaces(r.Readiness.Explanation), part) {
					t.Errorf("scenario %s under %s: the verdict must name %q; calendar %q, explanation %q", row.file, row.ref, part, r.Readiness.Calendar, r.Readiness.Explanation)
				}
			}
			if row.calendar == nil && r.Readiness.Calendar != "" {
				t.Errorf("scenario %s under %s: unexpected calendar contradiction %q", row.file, row.ref, r.Readiness.Calendar)
			}
			for _, f := range r.Findings {
				if want, ok := row.dueOn[f.RuleID]; ok && f.DueOn != want {
					t.Errorf("scenario %s under %s: rule %s due on %q, expected %q", row.file, row.ref, f.RuleID, f.DueOn, want)
				}
				if (f.Outcome == labels.NotDue) != (f.DueOn != "") {
					t.Errorf("scenario %s under %s: rule %s is %q with dueOn %q", row.file, row.ref, f.RuleID, f.Outcome, f.DueOn)
				}
				if no, ok := row.notInDetail[f.RuleID]; ok && strings.Contains(f.Detail, no) {
					t.Errorf("scenario %s under %s: rule %s says %q", row.file, row.ref, f.RuleID, f.Detail)
				}
			}
			if hasWarning := len(r.Warnings) > 0; hasWarning != row.warning {
				t.Errorf("scenario %s under %s: warnings %q, expected a warning: %v", row.file, row.ref, r.Warnings, row.warning)
			}
		})
	}
}

// checkBeforeCreation checks that a scenario's dossier is refused with a
// before_creation problem at each expected path, whose message names the
// creation date: a dossier to correct gets no verdict.
func checkBeforeCreation(t *testing.T, row scenarioRow, err error) {
	t.Helper()
	var ps clsm.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("scenario %s: expected problems at %v, got %v\n  why: %s", row.file, row.problems, err, row.why)
	}
	var paths []string
	for _, p := range ps {
		if p.Code != clsm.CodeBeforeCreation {
			t.Errorf("scenario %s: unexpected problem %s %s: %s", row.file, p.Code, p.Path, p.Message)
			continue
		}
		paths = append(paths, p.Path)
		if !strings.Contains(plainSpaces(p.Message), row.created) {
			t.Errorf("scenario %s: %s does not name the creation date %q: %s", row.file, p.Path, row.created, p.Message)
		}
	}
	if !slices.Equal(paths, row.problems) {
		t.Errorf("scenario %s: problems at %v, expected %v\n  why: %s", row.file, paths, row.problems, row.why)
	}
}

// TestScenarioEmptyNeverReady checks the two empty scenarios under every
// built-in referential, including those the table does not list.
func TestScenarioEmptyNeverReady(t *testing.T) {
	for _, file := range []string{"01-empty", "02-stage-only"} {
		data, err := os.ReadFile(filepath.Join("testdata", "scenarios", file+".json"))
		if err != nil {
			t.Fatal(err)
		}
		d, err := clsm.Parse(data)
		if err != nil {
			t.Fatalf("scenario %s: %v", file, err)
		}
		for _, id := range labels.BuiltinIDs() {
			r, err := assess.Evaluate(d, builtin(t, id), evalDate)
			if err != nil {
				t.Fatalf("scenario %s under %s: %v", file, id, err)
			}
			if r.Readiness.Level == assess.Ready {
				t.Errorf("scenario %s under %s: an empty dossier is « %s »", file, id, r.Readiness.Label)
			}
		}
	}
}

// TestScenarioFilesValid checks that every scenario file is a valid dossier
// and is used by the table.
func TestScenarioFilesValid(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "scenarios", "*.json"))
	if err != nil || len(files) < 25 {
		t.Fatalf("expected at least 25 scenarios, found %d (%v)", len(files), err)
	}
	used := map[string]bool{}
	for _, row := range scenarioRows {
		used[row.file] = true
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		if !used[name] {
			t.Errorf("scenario %s has no row in the table", name)
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := clsm.Parse(data)
		if invalidScenarios[name] {
			if err == nil {
				t.Errorf("scenario %s is meant to be a dossier to correct, and is valid", name)
			}
			continue
		}
		if err != nil {
			t.Errorf("scenario %s: %v", name, err)
			continue
		}
		if err := d.Validate(); err != nil {
			t.Errorf("scenario %s is not a valid dossier: %v", name, err)
		}
	}
}

// invalidScenarios are the scenario files meant to be dossiers to correct:
// the rows that expect problems.
var invalidScenarios = func() map[string]bool {
	out := map[string]bool{}
	for _, row := range scenarioRows {
		if row.problems != nil {
			out[row.file] = true
		}
	}
	return out
}()

func sortedKeys(m map[string]labels.Outcome) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
