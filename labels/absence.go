package labels

import (
	"slices"
	"strings"

	"github.com/clsmkit/go-clsm/clsm"
	"github.com/clsmkit/go-clsm/internal/answers"
	"github.com/clsmkit/go-clsm/internal/wellformed"
)

// This file reads « absent du territoire » as each rule's text reads it. A
// rule depends on a device when its check or one of its conditions reads an
// articulation (CLS, contrat de ville, ASV, PTSM, CPTS, DAC, CLSPD, CPT);
// its Absence field then says whether the device's absence makes it sans
// objet or is the gap itself, and AbsenceWhy says why. Rule.Evaluate applies
// the decision before the check runs, so that every check reads absence the
// same way.

// device is a scheme a CLSM may work with (the articulations of the
// dossier), as the messages of an absence name it.
type device struct {
	// none is the phrase that says there is none, with its agreement:
	// « aucune communauté psychiatrique de territoire (CPT) ».
	none string
	// everywhere, when the law gives one to every territory, says so and
	// cites it; an answer « absent du territoire » is then to be checked.
	everywhere string
}

// devices are the schemes of [clsm.Articulations], by JSON key.
var devices = map[string]device{
	"cls":          {none: "aucun contrat local de santé (CLS)"},
	"cityContract": {none: "aucun contrat de ville"},
	"asv":          {none: "aucun atelier santé ville (ASV)"},
	"ptsm": {none: "aucun projet territorial de santé mentale (PTSM)",
		everywhere: "La loi prévoit un projet territorial de santé mentale sur chaque territoire (article L3221-2 du code de la santé publique, issu de l'article 69 de la loi n° 2016-41 du 26 janvier 2016) ; le directeur général de l'ARS l'arrête après avoir recueilli l'avis des conseils locaux de santé mentale (instruction DGOS/R4/DGCS/3B/DGS/P4/2018/137 du 5 juin 2018)."},
	"cpts":  {none: "aucune communauté professionnelle territoriale de santé (CPTS)"},
	"dac":   {none: "aucun dispositif d'appui à la coordination (DAC)"},
	"clspd": {none: "aucun conseil local de sécurité et de prévention de la délinquance (CLSPD)"},
	"cpt":   {none: "aucune communauté psychiatrique de territoire (CPT)"},
}

const articulationsPrefix = "/articulations/"

// deviceAt returns the scheme whose presence the answer at path says, if
// path is one of the articulations.
func deviceAt(path string) (string, bool) {
	key, ok := strings.CutPrefix(path, articulationsPrefix)
	if !ok {
		return "", false
	}
	_, known := devices[key]
	return key, known
}

// EveryTerritoryHas reports whether the law gives every territory the
// device whose presence the answer at path says, and cites it: then « absent
// du territoire » is not an answer to offer as a normal one (the PTSM).
func EveryTerritoryHas(path string) (why string, ok bool) {
	key, isDevice := deviceAt(path)
	if !isDevice || devices[key].everywhere == "" {
		return "", false
	}
	return devices[key].everywhere, true
}

// absentDetail says that the device at path is absent, as the rule reads
// it: sans objet, or the gap the text asks to fill; with what the other
// answers say against the absence (QPV on the territory, a device the law
// gives every territory).
func absentDetail(d *clsm.Dossier, path string, gap bool) string {
	key, _ := deviceAt(path)
	dev := devices[key]
	if !gap {
		return wellformed.UpperFirst(dev.none) + " sur le territoire, ce qui rend la règle sans objet."
	}
	detail := wellformed.UpperFirst(dev.none) + " sur le territoire, alors que c'est précisément ce que le texte demande."
	switch {
	case key == "cityContract" && d.Territory.CoversQPV != nil && *d.Territory.CoversQPV:
		qpv := "des quartiers prioritaires de la politique de la ville (QPV)"
		if n := d.Territory.QPVCount; n != nil && *n > 0 {
			qpv = clsm.FrenchCount(*n, "quartier prioritaire", "quartiers prioritaires") + " de la politique de la ville (QPV)"
		}
		detail += " Or le territoire compte " + qpv + ", et la politique de la ville y est mise en œuvre par un contrat de ville (loi n° 2014-173 du 21 février 2014, article 6) : vérifiez cette réponse."
	case dev.everywhere != "":
		detail += " " + dev.everywhere + " Vérifiez cette réponse."
	}
	return detail
}

// Devices lists the devices (keys of the dossier's articulations) whose
// presence the rule depends on: those its check reads and those its
// conditions read. A rule that lists one must say, in [Rule.Absence], what
// their absence means.
func (r *Rule) Devices() []string {
	var out []string
	add := func(path string) {
		if key, ok := deviceAt(path); ok && !slices.Contains(out, key) {
			out = append(out, key)
		}
	}
	if r.check != nil {
		for _, p := range r.check.Reads(r.params) {
			add(p)
		}
	}
	for _, c := range r.When {
		add(c.Path)
	}
	return out
}

// absent reports whether the answer at path of the dossier is « absent du
// territoire » for a device.
func absent(d *clsm.Dossier, path string) bool {
	if _, ok := deviceAt(path); !ok {
		return false
	}
	v, answered, err := answers.ValueAt(d, path)
	return err == nil && answered && clsm.Articulation(v.String()) == clsm.ArticulationAbsent
}

// absentResult is the outcome of the rule when the device at path is absent
// from the territory: its decision, never a blank read as « non ».
func (r *Rule) absentResult(d *clsm.Dossier, path string) Result {
	if r.Absence == AbsenceGap {
		return Result{Outcome: Unmet, Paths: []string{path}, Detail: absentDetail(d, path, true)}
	}
	return Result{Outcome: NotApplicable, Paths: []string{path}, Detail: absentDetail(d, path, false)}
}
