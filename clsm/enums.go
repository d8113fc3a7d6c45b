package clsm

// This file declares every enumeration of the model once: a string type T, its
// values and their French labels in the variable tOptions. go generate writes
// their methods (Options, Valid, Label) and the list [Enums] in enums_gen.go.
// See [Enum].

// Stage is how far the CLSM has come: the national resource centre counts CLSM « actifs » and « en projet » (« Le conseil local de santé mentale : un outil pour répondre aux enjeux de santé mentale », webinaire du centre national de ressources et d'appui aux CLSM (CCOMS), 23 avril 2024), and the Hauts-de-France article describes the steps between (« Pourquoi et comment monter un conseil local de santé mentale ? », article publié par l'ARS Hauts-de-France).
type Stage string

// Values of [Stage].
const (
	StageProject      Stage = "project"
	StageConstitution Stage = "constitution"
	StageActive       Stage = "active"
)

var stageOptions = []Option{
	{Value: string(StageProject), Label: "En projet (démarche engagée, instances pas encore constituées)"},
	{Value: string(StageConstitution), Label: "En constitution (convention signée ou coordonnateur en recrutement)"},
	{Value: string(StageActive), Label: "Actif (instances réunies, plan d'action en œuvre)"},
}

// Scale is the scale of the territory (« Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §1).
type Scale string

// Values of [Scale].
const (
	ScaleInfraCommunal Scale = "infra_communal"
	ScaleCommunal      Scale = "communal"
	ScaleIntercommunal Scale = "intercommunal"
)

var scaleOptions = []Option{
	{Value: string(ScaleInfraCommunal), Label: "Infra-communal (un ou plusieurs quartiers)"},
	{Value: string(ScaleCommunal), Label: "Communal"},
	{Value: string(ScaleIntercommunal), Label: "Intercommunal"},
}

// CarrierKind is the kind of body that carries the CLSM (« Le conseil local de santé mentale : un outil pour répondre aux enjeux de santé mentale », webinaire du centre national de ressources et d'appui aux CLSM (CCOMS), 23 avril 2024, and press descriptions of real CLSM).
type CarrierKind string

// Values of [CarrierKind].
const (
	CarrierCommune       CarrierKind = "commune"
	CarrierEPCI          CarrierKind = "epci"
	CarrierSyndicatMixte CarrierKind = "syndicat_mixte"
	CarrierHospital      CarrierKind = "hospital"
	CarrierAssociation   CarrierKind = "association"
	CarrierOther         CarrierKind = "other"
)

var carrierKindOptions = []Option{
	{Value: string(CarrierCommune), Label: "Commune"},
	{Value: string(CarrierEPCI), Label: "Intercommunalité (EPCI)"},
	{Value: string(CarrierSyndicatMixte), Label: "Syndicat mixte"},
	{Value: string(CarrierHospital), Label: "Établissement de santé (centre hospitalier, EPSM)"},
	{Value: string(CarrierAssociation), Label: "Association"},
	{Value: string(CarrierOther), Label: "Autre porteur"},
}

// PresidentRole is who presides the CLSM (« Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §4: « le maire ou l'élu représentant un regroupement de communes préside le CLSM »).
type PresidentRole string

// Values of [PresidentRole].
const (
	PresidentMayor             PresidentRole = "mayor"
	PresidentGroupementElected PresidentRole = "groupement_elected"
	PresidentDelegateElected   PresidentRole = "delegate_elected"
	PresidentNotElected        PresidentRole = "not_elected"
)

var presidentRoleOptions = []Option{
	{Value: string(PresidentMayor), Label: "Le maire"},
	{Value: string(PresidentGroupementElected), Label: "L'élu représentant un regroupement de communes"},
	{Value: string(PresidentDelegateElected), Label: "Un élu désigné pour représenter le maire ou le président du regroupement"},
	{Value: string(PresidentNotElected), Label: "Une personne qui n'est pas un élu"},
}

// MemberCategory is a category of member of a body: every category of the « Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §4.1, then the other actors named by the same text (§1), by the ARS Occitanie (« Conseils locaux de santé mentale », page de l'ARS Occitanie, et son « Cahier des charges de labellisation ARS des CLSM existants et à venir en Occitanie ») and by the Hauts-de-France article (« Pourquoi et comment monter un conseil local de santé mentale ? », article publié par l'ARS Hauts-de-France).
type MemberCategory string

// Values of [MemberCategory].
const (
	MemberPresident           MemberCategory = "president"
	MemberElectedOfficials    MemberCategory = "elected_officials"
	MemberPublicPsychiatry    MemberCategory = "public_psychiatry"
	MemberUserAssociations    MemberCategory = "user_associations"
	MemberCarerAssociations   MemberCategory = "carer_associations"
	MemberPeopleConcerned     MemberCategory = "people_concerned"
	MemberCoordinator         MemberCategory = "coordinator"
	MemberARS                 MemberCategory = "ars_delegation"
	MemberLiberalHealth       MemberCategory = "liberal_health_professionals"
	MemberSocialWorkers       MemberCategory = "social_workers"
	MemberMDPH                MemberCategory = "mdph"
	MemberNationalEducation   MemberCategory = "national_education"
	MemberASVCoordinator      MemberCategory = "asv_coordinator"
	MemberCLSCoordinator      MemberCategory = "cls_coordinator"
	MemberDesignatedByPlenary MemberCategory = "designated_by_plenary"
	MemberHospital            MemberCategory = "hospital"
	MemberMedicoSocial        MemberCategory = "medico_social"
	MemberSocialInstitutions  MemberCategory = "social_institutions"
	MemberHousing             MemberCategory = "housing"
	MemberJustice             MemberCategory = "justice"
	MemberPolice              MemberCategory = "police"
	MemberFirefighters        MemberCategory = "firefighters"
	MemberCulture             MemberCategory = "culture"
	MemberSport               MemberCategory = "sport"
	MemberDepartmentalCouncil MemberCategory = "departmental_council"
	MemberCPAM                MemberCategory = "cpam"
	MemberStateServices       MemberCategory = "state_services"
	MemberInhabitants         MemberCategory = "inhabitants"
	MemberOther               MemberCategory = "other"
)

var memberCategoryOptions = []Option{
	{Value: string(MemberPresident), Label: "Président du CLSM (maire ou élu du regroupement de communes)"},
	{Value: string(MemberElectedOfficials), Label: "Élus concernés par l'action du CLSM"},
	{Value: string(MemberPublicPsychiatry), Label: "Psychiatrie publique (chefs de secteur ou de pôle)"},
	{Value: string(MemberUserAssociations), Label: "Associations de représentants des usagers"},
	{Value: string(MemberCarerAssociations), Label: "Associations d'aidants et de familles"},
	{Value: string(MemberPeopleConcerned), Label: "Personnes concernées par des troubles psychiques"},
	{Value: string(MemberCoordinator), Label: "Coordonnateur du CLSM"},
	{Value: string(MemberARS), Label: "Délégation départementale de l'ARS (agence régionale de santé)"},
	{Value: string(MemberLiberalHealth), Label: "Professionnels de santé libéraux"},
	{Value: string(MemberSocialWorkers), Label: "Travailleurs sociaux"},
	{Value: string(MemberMDPH), Label: "MDPH (maison départementale des personnes handicapées)"},
	{Value: string(MemberNationalEducation), Label: "Éducation nationale"},
	{Value: string(MemberASVCoordinator), Label: "Coordonnateur de l'ASV (atelier santé ville)"},
	{Value: string(MemberCLSCoordinator), Label: "Coordonnateur du CLS (contrat local de santé), s'il est différent"},
	{Value: string(MemberDesignatedByPlenary), Label: "Personne désignée par l'assemblée plénière"},
	{Value: string(MemberHospital), Label: "Établissements de santé (hors psychiatrie publique)"},
	{Value: string(MemberMedicoSocial), Label: "Acteurs médico-sociaux"},
	{Value: string(MemberSocialInstitutions), Label: "Institutions et associations du secteur social"},
	{Value: string(MemberHousing), Label: "Logement, bailleurs"},
	{Value: string(MemberJustice), Label: "Justice"},
	{Value: string(MemberPolice), Label: "Police, gendarmerie"},
	{Value: string(MemberFirefighters), Label: "Pompiers"},
	{Value: string(MemberCulture), Label: "Culture"},
	{Value: string(MemberSport), Label: "Sport"},
	{Value: string(MemberDepartmentalCouncil), Label: "Conseil départemental"},
	{Value: string(MemberCPAM), Label: "Assurance maladie (CPAM)"},
	{Value: string(MemberStateServices), Label: "Services de l'État (préfecture)"},
	{Value: string(MemberInhabitants), Label: "Habitants"},
	{Value: string(MemberOther), Label: "Autre"},
}

// StrategicObjective is one of the five strategic objectives. Three wordings exist (the « Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §3.1; the ARS Occitanie's « Conseils locaux de santé mentale », page de l'ARS Occitanie, et son « Cahier des charges de labellisation ARS des CLSM existants et à venir en Occitanie »; the national resource centre's « Le conseil local de santé mentale : un outil pour répondre aux enjeux de santé mentale », webinaire du centre national de ressources et d'appui aux CLSM (CCOMS), 23 avril 2024); they map onto the same five concepts, and the labels are those of the Île-de-France text, §3.1. A referential may show its own wording.
type StrategicObjective string

// Values of [StrategicObjective].
const (
	ObjectiveObservation      StrategicObjective = "observation"
	ObjectivePromotion        StrategicObjective = "promotion"
	ObjectiveAccess           StrategicObjective = "access"
	ObjectiveInclusion        StrategicObjective = "inclusion"
	ObjectiveDestigmatisation StrategicObjective = "destigmatisation"
)

var strategicObjectiveOptions = []Option{
	{Value: string(ObjectiveObservation), Label: "Organiser un diagnostic local de la situation en santé mentale (observation locale)"},
	{Value: string(ObjectivePromotion), Label: "Développer l'éducation et la promotion en santé mentale"},
	{Value: string(ObjectiveAccess), Label: "Permettre l'égal accès à la prévention et aux soins, et leur continuité"},
	{Value: string(ObjectiveInclusion), Label: "Favoriser l'inclusion sociale, l'accès à la citoyenneté et l'autonomie des usagers"},
	{Value: string(ObjectiveDestigmatisation), Label: "Contribuer à la déstigmatisation des personnes concernées par les troubles psychiques"},
}

// PriorityDomain is a domain of the priority actions of the « Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §9.1–9.7.
type PriorityDomain string

// Values of [PriorityDomain].
const (
	DomainObservation        PriorityDomain = "observation"
	DomainPreventionAccess   PriorityDomain = "prevention_access"
	DomainEducationPromotion PriorityDomain = "education_promotion"
	DomainInclusion          PriorityDomain = "inclusion"
	DomainDestigmatisation   PriorityDomain = "destigmatisation"
	DomainSupportTools       PriorityDomain = "support_tools"
	DomainParticipation      PriorityDomain = "participation"
)

var priorityDomainOptions = []Option{
	{Value: string(DomainObservation), Label: "9.1 Observation locale"},
	{Value: string(DomainPreventionAccess), Label: "9.2 Prévention et amélioration de l'accès aux soins"},
	{Value: string(DomainEducationPromotion), Label: "9.3 Éducation et promotion en santé mentale"},
	{Value: string(DomainInclusion), Label: "9.4 Inclusion sociale et lutte contre l'exclusion"},
	{Value: string(DomainDestigmatisation), Label: "9.5 Lutte contre la stigmatisation"},
	{Value: string(DomainSupportTools), Label: "9.6 Outils d'accompagnement (GEM, SAMSAH, SAVS, ESAT, logement adapté)"},
	{Value: string(DomainParticipation), Label: "9.7 Participation des usagers et de leurs aidants"},
}

// Theme is the theme of a working group or action, from the national list (« Le conseil local de santé mentale : un outil pour répondre aux enjeux de santé mentale », webinaire du centre national de ressources et d'appui aux CLSM (CCOMS), 23 avril 2024; « Pourquoi et comment monter un conseil local de santé mentale ? », article publié par l'ARS Hauts-de-France).
type Theme string

// Values of [Theme].
const (
	ThemeYouth             Theme = "youth"
	ThemeChildren          Theme = "children"
	ThemeParenthood        Theme = "parenthood"
	ThemeHousing           Theme = "housing"
	ThemeComplexSituations Theme = "complex_situations"
	ThemePrecarity         Theme = "precarity"
	ThemeSuicidePrevention Theme = "suicide_prevention"
	ThemeAddictions        Theme = "addictions"
	ThemeSISM              Theme = "sism"
	ThemeProtectedAdults   Theme = "protected_adults"
	ThemeMigrants          Theme = "migrants"
	ThemeRehabilitation    Theme = "rehabilitation"
	ThemeStudents          Theme = "students"
	ThemeQPV               Theme = "qpv"
	ThemeOther             Theme = "other"
)

var themeOptions = []Option{
	{Value: string(ThemeYouth), Label: "Santé mentale des adolescents et des jeunes"},
	{Value: string(ThemeChildren), Label: "Santé mentale des enfants"},
	{Value: string(ThemeParenthood), Label: "Parentalité, périnatalité"},
	{Value: string(ThemeHousing), Label: "Logement, habitat"},
	{Value: string(ThemeComplexSituations), Label: "Situations complexes"},
	{Value: string(ThemePrecarity), Label: "Précarité"},
	{Value: string(ThemeSuicidePrevention), Label: "Prévention du suicide"},
	{Value: string(ThemeAddictions), Label: "Addictions"},
	{Value: string(ThemeSISM), Label: "Semaines d'information sur la santé mentale (SISM)"},
	{Value: string(ThemeProtectedAdults), Label: "Accompagnement des majeurs protégés"},
	{Value: string(ThemeMigrants), Label: "Santé mentale des personnes migrantes"},
	{Value: string(ThemeRehabilitation), Label: "Réhabilitation psychosociale"},
	{Value: string(ThemeStudents), Label: "Santé mentale des étudiants"},
	{Value: string(ThemeQPV), Label: "Santé mentale dans les quartiers prioritaires (QPV)"},
	{Value: string(ThemeOther), Label: "Autre thème"},
}

// ActionStatus is how far an action of the action plan has come.
type ActionStatus string

// Values of [ActionStatus].
const (
	ActionPlanned ActionStatus = "planned"
	ActionOngoing ActionStatus = "ongoing"
	ActionDone    ActionStatus = "done"
)

var actionStatusOptions = []Option{
	{Value: string(ActionPlanned), Label: "Prévue"},
	{Value: string(ActionOngoing), Label: "En cours"},
	{Value: string(ActionDone), Label: "Réalisée"},
}

// EmployerKind is who employs the coordinator (« Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §5, and the carriers seen in practice).
type EmployerKind string

// Values of [EmployerKind].
const (
	EmployerHospital      EmployerKind = "hospital"
	EmployerCommune       EmployerKind = "commune"
	EmployerEPCI          EmployerKind = "epci"
	EmployerSyndicatMixte EmployerKind = "syndicat_mixte"
	EmployerAssociation   EmployerKind = "association"
	EmployerOther         EmployerKind = "other"
)

var employerKindOptions = []Option{
	{Value: string(EmployerHospital), Label: "Centre hospitalier ou EPSM"},
	{Value: string(EmployerCommune), Label: "Commune"},
	{Value: string(EmployerEPCI), Label: "Intercommunalité (EPCI)"},
	{Value: string(EmployerSyndicatMixte), Label: "Syndicat mixte"},
	{Value: string(EmployerAssociation), Label: "Association"},
	{Value: string(EmployerOther), Label: "Autre employeur"},
}

// FunderKind is a funder of the coordinator's post (« Le conseil local de santé mentale : un outil pour répondre aux enjeux de santé mentale », webinaire du centre national de ressources et d'appui aux CLSM (CCOMS), 23 avril 2024, and the national survey of coordinator posts it presents).
type FunderKind string

// Values of [FunderKind].
const (
	FunderCollectivity FunderKind = "collectivity"
	FunderARS          FunderKind = "ars"
	FunderHospital     FunderKind = "hospital"
	FunderCityPolicy   FunderKind = "city_policy"
	FunderDepartment   FunderKind = "departmental_council"
	FunderOther        FunderKind = "other"
)

var funderKindOptions = []Option{
	{Value: string(FunderCollectivity), Label: "Collectivité (commune, intercommunalité)"},
	{Value: string(FunderARS), Label: "ARS (agence régionale de santé)"},
	{Value: string(FunderHospital), Label: "Établissement de santé (hors enveloppe ARS)"},
	{Value: string(FunderCityPolicy), Label: "Politique de la ville (État, contrat de ville)"},
	{Value: string(FunderDepartment), Label: "Conseil départemental"},
	{Value: string(FunderOther), Label: "Autre financeur"},
}

// RecruitmentParty is a party associated to the coordinator's recruitment (« Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §5).
type RecruitmentParty string

// Values of [RecruitmentParty].
const (
	RecruitmentMayor             RecruitmentParty = "mayor"
	RecruitmentGroupementElected RecruitmentParty = "groupement_elected"
	RecruitmentPsychiatryHead    RecruitmentParty = "psychiatry_head"
	RecruitmentHospitalDirector  RecruitmentParty = "hospital_director"
	RecruitmentARS               RecruitmentParty = "ars"
	RecruitmentOther             RecruitmentParty = "other"
)

var recruitmentPartyOptions = []Option{
	{Value: string(RecruitmentMayor), Label: "Le maire de la commune d'implantation du CLSM"},
	{Value: string(RecruitmentGroupementElected), Label: "L'élu représentant le regroupement de communes"},
	{Value: string(RecruitmentPsychiatryHead), Label: "Le responsable de la psychiatrie de secteur"},
	{Value: string(RecruitmentHospitalDirector), Label: "Le directeur du centre hospitalier"},
	{Value: string(RecruitmentARS), Label: "L'ARS"},
	{Value: string(RecruitmentOther), Label: "Autre"},
}

// DataSource is a data source of the local diagnostic (« Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §9.1).
type DataSource string

// Values of [DataSource].
const (
	SourceCLS                  DataSource = "cls"
	SourceASV                  DataSource = "asv"
	SourceObservatories        DataSource = "observatories"
	SourceCPAM                 DataSource = "cpam"
	SourceHealthEstablishments DataSource = "health_establishments"
	SourceUniversitySurveys    DataSource = "university_surveys"
	SourceNationalEducation    DataSource = "national_education"
	SourceUrbanPlanning        DataSource = "urban_planning"
	SourceHealthNetworks       DataSource = "health_networks"
	SourceMDPH                 DataSource = "mdph"
	SourceLocalActors          DataSource = "local_actors"
	SourceOther                DataSource = "other"
)

var dataSourceOptions = []Option{
	{Value: string(SourceCLS), Label: "Contrat local de santé (CLS)"},
	{Value: string(SourceASV), Label: "Ateliers santé ville (ASV)"},
	{Value: string(SourceObservatories), Label: "Observatoires locaux et régionaux (ORS, observatoire régional de santé mentale…)"},
	{Value: string(SourceCPAM), Label: "Assurance maladie (CPAM)"},
	{Value: string(SourceHealthEstablishments), Label: "Établissements de santé"},
	{Value: string(SourceUniversitySurveys), Label: "Enquêtes universitaires"},
	{Value: string(SourceNationalEducation), Label: "Éducation nationale"},
	{Value: string(SourceUrbanPlanning), Label: "Agences d'urbanisme"},
	{Value: string(SourceHealthNetworks), Label: "Réseaux de santé"},
	{Value: string(SourceMDPH), Label: "MDPH"},
	{Value: string(SourceLocalActors), Label: "Entretiens et ateliers avec les acteurs, habitants et usagers"},
	{Value: string(SourceOther), Label: "Autre source"},
}

// DataType is a type of data gathered by the local diagnostic (« Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §9.1).
type DataType string

// Values of [DataType].
const (
	DataMentalHealthState DataType = "mental_health_state"
	DataCareUse           DataType = "care_use"
	DataRepresentations   DataType = "representations"
	DataLocalPolicies     DataType = "local_policies"
	DataPartnerships      DataType = "partnerships"
	DataResources         DataType = "resources"
)

var dataTypeOptions = []Option{
	{Value: string(DataMentalHealthState), Label: "État de santé mentale de la population et ses déterminants"},
	{Value: string(DataCareUse), Label: "Recours aux soins libres et contraints"},
	{Value: string(DataRepresentations), Label: "Représentations des troubles de la santé mentale"},
	{Value: string(DataLocalPolicies), Label: "Politiques de santé locales"},
	{Value: string(DataPartnerships), Label: "État des partenariats"},
	{Value: string(DataResources), Label: "Ressources et offre sur le territoire"},
}

// Articulation is the answer the national survey gives for each scheme a CLSM may work with (« Le conseil local de santé mentale : un outil pour répondre aux enjeux de santé mentale », webinaire du centre national de ressources et d'appui aux CLSM (CCOMS), 23 avril 2024): yes, no, or not present on the territory.
type Articulation string

// Values of [Articulation].
const (
	ArticulationYes    Articulation = "yes"
	ArticulationNo     Articulation = "no"
	ArticulationAbsent Articulation = "absent"
)

var articulationOptions = []Option{
	{Value: string(ArticulationYes), Label: "Oui"},
	{Value: string(ArticulationNo), Label: "Non"},
	{Value: string(ArticulationAbsent), Label: "Dispositif absent du territoire"},
}

// ReportRecipient is a recipient of the annual bilan (« Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §12).
type ReportRecipient string

// Values of [ReportRecipient].
const (
	RecipientMembers             ReportRecipient = "members_partners"
	RecipientElected             ReportRecipient = "elected_officials"
	RecipientFunders             ReportRecipient = "funders"
	RecipientStateServices       ReportRecipient = "state_services"
	RecipientDepartmentalCouncil ReportRecipient = "departmental_council"
)

var reportRecipientOptions = []Option{
	{Value: string(RecipientMembers), Label: "Membres du CLSM et partenaires"},
	{Value: string(RecipientElected), Label: "Élus concernés"},
	{Value: string(RecipientFunders), Label: "Financeurs (communes, ARS)"},
	{Value: string(RecipientStateServices), Label: "Services déconcentrés de l'État"},
	{Value: string(RecipientDepartmentalCouncil), Label: "Services du conseil départemental"},
}

// ReportContent is a subject the annual bilan covers (« Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §12).
type ReportContent string

// Values of [ReportContent].
const (
	ContentPRS               ReportContent = "prs_appropriation"
	ContentWorkProgramme     ReportContent = "work_programme"
	ContentCompletedProjects ReportContent = "completed_projects"
	ContentPartnerships      ReportContent = "partnerships"
	ContentDifficulties      ReportContent = "difficulties"
)

var reportContentOptions = []Option{
	{Value: string(ContentPRS), Label: "Appropriation du projet régional de santé (PRS) par les acteurs locaux"},
	{Value: string(ContentWorkProgramme), Label: "Réalisation du programme de travail"},
	{Value: string(ContentCompletedProjects), Label: "Projets aboutis"},
	{Value: string(ContentPartnerships), Label: "Partenariats élaborés"},
	{Value: string(ContentDifficulties), Label: "Difficultés rencontrées"},
}

// RegionalBody is a regional body the CLSM's action is brought to (« Cahier des charges des conseils locaux de santé mentale », ARS Île-de-France, §8).
type RegionalBody string

// Values of [RegionalBody].
const (
	RegionalCoordinationCommission RegionalBody = "coordination_commission"
	RegionalCTS                    RegionalBody = "cts"
	RegionalCRSA                   RegionalBody = "crsa"
)

var regionalBodyOptions = []Option{
	{Value: string(RegionalCoordinationCommission), Label: "Commission régionale de coordination des politiques publiques"},
	{Value: string(RegionalCTS), Label: "Conseil territorial de santé (CTS)"},
	{Value: string(RegionalCRSA), Label: "Sous-commission de la CRSA (conférence régionale de la santé et de l'autonomie)"},
}

// MeetingFrequency is how often a body meets, where the dates are not kept.
type MeetingFrequency string

// Values of [MeetingFrequency].
const (
	FrequencyWeekly    MeetingFrequency = "weekly"
	FrequencyMonthly   MeetingFrequency = "monthly"
	FrequencyQuarterly MeetingFrequency = "quarterly"
	FrequencyOnDemand  MeetingFrequency = "on_demand"
	FrequencyRarely    MeetingFrequency = "rarely"
)

var meetingFrequencyOptions = []Option{
	{Value: string(FrequencyWeekly), Label: "Chaque semaine"},
	{Value: string(FrequencyMonthly), Label: "Chaque mois"},
	{Value: string(FrequencyQuarterly), Label: "Chaque trimestre"},
	{Value: string(FrequencyOnDemand), Label: "À la demande"},
	{Value: string(FrequencyRarely), Label: "Moins d'une fois par trimestre"},
}
