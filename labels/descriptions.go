package labels

// Description says, in French, what the check verifies and when it is « non
// renseigné »: the catalogue's documentation (labels/CATALOGUE.md) and the
// referential's schema show it. The texts are kept in this function, out of
// the checks' declarations, so that a program that never asks for them (the
// form's checker in the browser) does not carry them.
func (c *Check) Description() string { return checkDescription(c.ID) }

func checkDescription(id string) string {
	switch id {
	case "answer.yes":
		return "Respecté si chacune des questions indiquées est répondue « oui » ; non respecté si l'une est répondue « non » ; non renseigné sinon."
	case "answer.any-yes":
		return "Respecté si l'une au moins des questions indiquées est répondue « oui » ; non respecté si toutes sont répondues « non » ; non renseigné sinon."
	case "list.includes":
		return "Respecté si la liste indiquée contient toutes les valeurs demandées (« a|b » : l'une ou l'autre) ; non renseigné si la liste n'est pas remplie."
	case "list.min-count":
		return "Respecté si la liste indiquée compte au moins le nombre demandé d'éléments ; non renseigné si elle n'est pas remplie."
	case "date.within":
		return "Respecté si la date indiquée précède d'au plus le nombre de mois demandé la date d'évaluation. " +
			"Pas encore dû si la réponse est « jamais » et que le CLSM a été créé moins de ce nombre de mois avant la date d'évaluation : une obligation périodique (un bilan « annuel », une évaluation « tous les deux ans ») n'est due qu'une période après la création, date que le rapport indique. " +
			"Non respecté si la date est plus ancienne (elle montre que le CLSM existait déjà avant le début de la période), si elle suit la date d'évaluation (une date contradictoire n'est jamais une preuve), ou si la réponse est « jamais » pour un CLSM créé depuis au moins une période. " +
			"Non renseigné sans réponse, ou pour « jamais » quand la date de création n'est pas indiquée (ou suit la date d'évaluation) : on ne sait alors pas si l'échéance est passée. " +
			"Un bilan annuel ou une évaluation de l'appropriation datés d'avant la création du CLSM rendent le dossier invalide : ils évaluent le CLSM lui-même et ne peuvent pas le précéder."
	case "governance.elected-president":
		return "Respecté si le CLSM est présidé par le maire, l'élu représentant le regroupement de communes ou un élu qui les représente ; non respecté s'il est présidé par une personne qui n'est pas élue."
	case "governance.elected-chairs-bodies":
		return "Respecté si un élu préside le CLSM et que le comité de pilotage et l'assemblée plénière sont présidés par lui ; non respecté si l'un des trois manque, ou si l'une des deux instances n'est pas constituée."
	case "members.include":
		return "Respecté si l'instance compte au moins un membre de chacune des catégories demandées (« a|b » : l'une ou l'autre) ; non respecté s'il en manque ou si l'instance n'existe pas ; non renseigné si sa composition n'est pas remplie."
	case "meetings.count":
		return "Compte les réunions de l'instance tenues pendant la période qui précède la date d'évaluation ; une réunion datée d'avant la création du CLSM ou d'après la date d'évaluation n'est pas comptée (une date contradictoire n'est jamais une preuve), et le constat nomme celles d'avant la création avec les deux dates. " +
			"Respecté si elles sont assez nombreuses. Pas encore dû si elles ne le sont pas encore et que le CLSM a été créé moins d'une période avant la date d'évaluation : « au moins deux fois par an » (cahier des charges des CLSM de l'ARS Île-de-France, §4.1) se juge sur une année écoulée, et un CLSM de cinq mois qui a réuni une fois son comité de pilotage peut encore tenir la seconde réunion ; le rapport dit quand la règle devient exigible. " +
			"Non respecté sinon, ou si l'instance n'est pas constituée. Une réunion datée d'avant le début de la période suffit à montrer que l'instance existait pendant toute la période, même sans date de création. " +
			"Non renseigné si les dates ne sont pas indiquées, ou si les réunions manquent et que ni la date de création ni une réunion plus ancienne ne disent si la première période est achevée. " +
			"Une réunion datée d'avant la création n'est pas une erreur du dossier, car ce peut être une réunion préparatoire que seule la commune sait reconnaître, mais une contradiction que le rapport nomme : tant qu'elle demeure, aucun niveau de préparation n'est donné."
	case "bodies.three-levels":
		return "Respecté si le CLSM a un comité de pilotage, une assemblée plénière et au moins un groupe de travail ; non respecté si l'un manque ; non renseigné sinon."
	case "theme.addressed":
		return "Respecté si un groupe de travail ou une action porte sur le thème ; non respecté si aucun ; non renseigné si ni les groupes ni les actions ne sont renseignés."
	case "objective.covered":
		return "Respecté si au moins une action ou un groupe de travail sert l'objectif stratégique, un groupe le servant aussi par son thème quand le texte les lie (un groupe « Logement » sert l'inclusion sociale : cahier des charges des CLSM de l'ARS Île-de-France, §9.4) ; non respecté si aucun ; non renseigné si ni les groupes ni les actions ne sont renseignés, ou si la réponse qui le dirait manque."
	case "domain.covered":
		return "Respecté si une action relève du domaine, ou si un groupe de travail y travaille : par les objectifs stratégiques qu'il sert (les intitulés 9.1 à 9.5 du cahier des charges des CLSM de l'ARS Île-de-France reprennent les cinq objectifs de son §3.1), par un thème que la section nomme (§9.4 : le logement), ou, pour le §9.7, par la participation des personnes concernées, que le texte place « dans les différents groupes de travail ». " +
			"Pour le §9.6 (outils d'accompagnement), seules les actions comptent. Non respecté si rien ne porte sur le domaine ; non renseigné si les actions (ou les groupes, quand ils comptent) ne sont pas renseignés, ou si la réponse qui le dirait manque."
	case "coordinator.present":
		return "Respecté si le CLSM dispose d'un coordonnateur dont le temps de travail atteint le minimum demandé ; non respecté s'il n'y en a pas ou si le temps est inférieur ; non renseigné sinon."
	case "coordinator.training":
		return "Respecté si le coordonnateur répond au référentiel de compétences, si aucune formation n'est nécessaire, ou si la formation qualifiante a été engagée dans le délai suivant sa prise de poste ; " +
			"pas encore dû si elle n'est pas encore engagée (réponse « jamais », ou une date qui suit la date d'évaluation) alors que le délai court encore : « engager dans un délai de 2 ans » (cahier des charges des CLSM de l'ARS Île-de-France, §5) ne peut pas être manqué avant son terme, et le rapport dit quand la règle devient exigible ; " +
			"non respecté si le coordonnateur ne répond pas au référentiel et que le délai est dépassé sans formation engagée ou avec une formation engagée trop tard ; non renseigné sinon (une date d'engagement laissée vide n'est jamais « pas encore dû »). " +
			"Le délai court de la prise de poste, et non de la création du CLSM : une formation ou une prise de poste antérieure à la création n'a rien de contradictoire."
	case "coordinator.recruitment":
		return "L'employeur (centre hospitalier ou collectivité) organise le recrutement en y associant l'autre partie : le maire (ou l'élu du regroupement si le territoire est intercommunal) si l'employeur est l'hôpital, le responsable de la psychiatrie de secteur si c'est la collectivité. " +
			"Pour un autre employeur (association…), sans objet ou non respecté selon le paramètre otherEmployer ; non renseigné si l'employeur ou les personnes associées ne sont pas indiqués."
	case "coordinator.ars-share":
		return "Respecté si la part du temps de coordination financée par l'ARS ne dépasse pas le pourcentage demandé et, s'il y a un plafond, si le temps financé par l'ARS (temps de travail × part) ne dépasse pas ce plafond en ETP. " +
			"Sans objet si l'ARS ne finance pas le poste ; non renseigné si les financeurs (ou le temps de travail, s'il y a un plafond) ne sont pas indiqués."
	case "articulation":
		return "Respecté si le CLSM s'articule avec le dispositif ; non respecté s'il ne s'articule pas avec lui alors qu'il existe sur le territoire ; non renseigné sans réponse. " +
			"Si le dispositif est absent du territoire, la règle dit ce que cela veut dire d'après son texte (champ « absence » de la règle) : sans objet, ou non respecté quand le texte exige le dispositif ou y lie le CLSM."
	case "territory.defined":
		return "Respecté si l'échelle du territoire (infra-communal, communal ou intercommunal), ses communes et son département sont indiqués et cohérents ; non respecté si un territoire communal couvre plusieurs communes ou si une commune n'est pas dans le département indiqué ; non renseigné sinon."
	}
	return ""
}
