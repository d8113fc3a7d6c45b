package clsm

// calendarProblems lists the dates of the dossier that contradict its
// creation date and make it a dossier to correct: the last annual bilan and
// the last appropriation evaluation evaluate the CLSM itself (cahier des
// charges des CLSM de l'ARS Île-de-France, §12: « L'évaluation des actions
// menées fait l'objet d'un bilan annuel », « L'appropriation du projet du
// CLSM par ses membres […] [est évaluée] tous les deux ans »), so neither can
// precede it: one of the two dates is wrong, and no verdict can rest on
// either.
//
// Other dates before the creation are not errors. The diagnostic usually
// comes first (it is the first step of a CLSM en projet); a coordinator may
// be recruited, and trained, to set the CLSM up. A meeting of a body before
// the creation may be a preparatory meeting that only the town can
// recognise: the assessment names it, with both dates, does not count it, and
// gives no level until it is corrected. What depends on the evaluation date
// (a creation date after it) belongs to the assessment too: a dossier's
// validity never depends on a date outside it.
func (d *Dossier) calendarProblems() Problems {
	created, ok := d.CreatedOn.Time()
	if !ok {
		return nil
	}
	var ps Problems
	check := func(path, title, what string, date Date) {
		if t, ok := date.Time(); ok && t.Before(created) {
			ps = append(ps, Problem{Code: CodeBeforeCreation, Path: path, Param: string(d.CreatedOn), Value: string(date), Message: "« " + title + " » : le " + date.French() + " précède la date de création du CLSM, le " + d.CreatedOn.French() + ". " + what + " et ne peut pas le précéder ; corrigez l'une des deux dates."})
		}
	}
	check("/evaluation/lastAnnualReport", "Date du dernier bilan annuel des actions", "Un bilan annuel évalue les actions du CLSM", d.Evaluation.LastAnnualReport)
	check("/evaluation/lastAppropriationReview", "Date de la dernière évaluation de l'appropriation du CLSM par ses membres", "Une évaluation de l'appropriation porte sur le CLSM lui-même", d.Evaluation.LastAppropriationReview)
	return ps
}
