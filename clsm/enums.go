package clsm

// This file declares every enumeration of the model once: its values and their
// French labels. See [Enum].

// Stage is how far the CLSM has come (seed 004 counts « actifs » and « en projet »; seed 003 describes the steps between).
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

// Options lists every value of [Stage] with its French label.
func (Stage) Options() []Option { return stageOptions }

// Valid reports whether v is one of the values of [Stage].
func (v Stage) Valid() bool { return optionValid(stageOptions, string(v)) }

// Label returns the French label of v.
func (v Stage) Label() string { return optionLabel(stageOptions, string(v)) }

// Scale is the scale of the territory (seed 001 §1).
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

// Options lists every value of [Scale] with its French label.
func (Scale) Options() []Option { return scaleOptions }

// Valid reports whether v is one of the values of [Scale].
func (v Scale) Valid() bool { return optionValid(scaleOptions, string(v)) }

// Label returns the French label of v.
func (v Scale) Label() string { return optionLabel(scaleOptions, string(v)) }

// CarrierKind is the kind of body that carries the CLSM (seed 004 and press descriptions of real CLSM).
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

// Options lists every value of [CarrierKind] with its French label.
func (CarrierKind) Options() []Option { return carrierKindOptions }

// Valid reports whether v is one of the values of [CarrierKind].
func (v CarrierKind) Valid() bool { return optionValid(carrierKindOptions, string(v)) }

// Label returns the French label of v.
func (v CarrierKind) Label() string { return optionLabel(carrierKindOptions, string(v)) }

// PresidentRole is who presides the CLSM (seed 001 §4: « le maire ou l'élu représentant un regroupement de communes préside le CLSM »).
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

// Options lists every value of [PresidentRole] with its French label.
func (PresidentRole) Options() []Option { return presidentRoleOptions }

// Valid reports whether v is one of the values of [PresidentRole].
func (v PresidentRole) Valid() bool { return optionValid(presidentRoleOptions, string(v)) }

// Label returns the French label of v.
func (v PresidentRole) Label() string { return optionLabel(presidentRoleOptions, string(v)) }

// MemberCategory is a category of member of a body: every category of seed 001 §4.1, then the other actors the seeds name (seeds 000, 001 §1, 003).
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

// Options lists every value of [MemberCategory] with its French label.
func (MemberCategory) Options() []Option { return memberCategoryOptions }

// Valid reports whether v is one of the values of [MemberCategory].
func (v MemberCategory) Valid() bool { return optionValid(memberCategoryOptions, string(v)) }

// Label returns the French label of v.
func (v MemberCategory) Label() string { return optionLabel(memberCategoryOptions, string(v)) }

// StrategicObjective is one of the five strategic objectives. Three wordings exist (seed 001 §3.1, seed 000, CCOMS in seed 004); they map onto the same five concepts, and the labels are those of seed 001 §3.1. A referential may show its own wording.
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

// Options lists every value of [StrategicObjective] with its French label.
func (StrategicObjective) Options() []Option { return strategicObjectiveOptions }

// Valid reports whether v is one of the values of [StrategicObjective].
func (v StrategicObjective) Valid() bool { return optionValid(strategicObjectiveOptions, string(v)) }

// Label returns the French label of v.
func (v StrategicObjective) Label() string { return optionLabel(strategicObjectiveOptions, string(v)) }

// PriorityDomain is a domain of the priority actions of seed 001 §9.1–9.7.
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

// Options lists every value of [PriorityDomain] with its French label.
func (PriorityDomain) Options() []Option { return priorityDomainOptions }

// Valid reports whether v is one of the values of [PriorityDomain].
func (v PriorityDomain) Valid() bool { return optionValid(priorityDomainOptions, string(v)) }

// Label returns the French label of v.
func (v PriorityDomain) Label() string { return optionLabel(priorityDomainOptions, string(v)) }

// Theme is the theme of a working group or action, from the national list (seeds 003 and 004).
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

// Options lists every value of [Theme] with its French label.
func (Theme) Options() []Option { return themeOptions }

// Valid reports whether v is one of the values of [Theme].
func (v Theme) Valid() bool { return optionValid(themeOptions, string(v)) }

// Label returns the French label of v.
func (v Theme) Label() string { return optionLabel(themeOptions, string(v)) }

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

// Options lists every value of [ActionStatus] with its French label.
func (ActionStatus) Options() []Option { return actionStatusOptions }

// Valid reports whether v is one of the values of [ActionStatus].
func (v ActionStatus) Valid() bool { return optionValid(actionStatusOptions, string(v)) }

// Label returns the French label of v.
func (v ActionStatus) Label() string { return optionLabel(actionStatusOptions, string(v)) }

// EmployerKind is who employs the coordinator (seed 001 §5, and the carriers seen in practice).
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

// Options lists every value of [EmployerKind] with its French label.
func (EmployerKind) Options() []Option { return employerKindOptions }

// Valid reports whether v is one of the values of [EmployerKind].
func (v EmployerKind) Valid() bool { return optionValid(employerKindOptions, string(v)) }

// Label returns the French label of v.
func (v EmployerKind) Label() string { return optionLabel(employerKindOptions, string(v)) }

// FunderKind is a funder of the coordinator's post (seed 004, national survey of coordinator posts).
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

// Options lists every value of [FunderKind] with its French label.
func (FunderKind) Options() []Option { return funderKindOptions }

// Valid reports whether v is one of the values of [FunderKind].
func (v FunderKind) Valid() bool { return optionValid(funderKindOptions, string(v)) }

// Label returns the French label of v.
func (v FunderKind) Label() string { return optionLabel(funderKindOptions, string(v)) }

// RecruitmentParty is a party associated to the coordinator's recruitment (seed 001 §5).
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

// Options lists every value of [RecruitmentParty] with its French label.
func (RecruitmentParty) Options() []Option { return recruitmentPartyOptions }

// Valid reports whether v is one of the values of [RecruitmentParty].
func (v RecruitmentParty) Valid() bool { return optionValid(recruitmentPartyOptions, string(v)) }

// Label returns the French label of v.
func (v RecruitmentParty) Label() string { return optionLabel(recruitmentPartyOptions, string(v)) }

// DataSource is a data source of the local diagnostic (seed 001 §9.1).
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

// Options lists every value of [DataSource] with its French label.
func (DataSource) Options() []Option { return dataSourceOptions }

// Valid reports whether v is one of the values of [DataSource].
func (v DataSource) Valid() bool { return optionValid(dataSourceOptions, string(v)) }

// Label returns the French label of v.
func (v DataSource) Label() string { return optionLabel(dataSourceOptions, string(v)) }

// DataType is a type of data gathered by the local diagnostic (seed 001 §9.1).
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

// Options lists every value of [DataType] with its French label.
func (DataType) Options() []Option { return dataTypeOptions }

// Valid reports whether v is one of the values of [DataType].
func (v DataType) Valid() bool { return optionValid(dataTypeOptions, string(v)) }

// Label returns the French label of v.
func (v DataType) Label() string { return optionLabel(dataTypeOptions, string(v)) }

// Articulation is the answer the national survey gives for each scheme a CLSM may work with (seed 004): yes, no, or not present on the territory.
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

// Options lists every value of [Articulation] with its French label.
func (Articulation) Options() []Option { return articulationOptions }

// Valid reports whether v is one of the values of [Articulation].
func (v Articulation) Valid() bool { return optionValid(articulationOptions, string(v)) }

// Label returns the French label of v.
func (v Articulation) Label() string { return optionLabel(articulationOptions, string(v)) }

// ReportRecipient is a recipient of the annual bilan (seed 001 §12).
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

// Options lists every value of [ReportRecipient] with its French label.
func (ReportRecipient) Options() []Option { return reportRecipientOptions }

// Valid reports whether v is one of the values of [ReportRecipient].
func (v ReportRecipient) Valid() bool { return optionValid(reportRecipientOptions, string(v)) }

// Label returns the French label of v.
func (v ReportRecipient) Label() string { return optionLabel(reportRecipientOptions, string(v)) }

// ReportContent is a subject the annual bilan covers (seed 001 §12).
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

// Options lists every value of [ReportContent] with its French label.
func (ReportContent) Options() []Option { return reportContentOptions }

// Valid reports whether v is one of the values of [ReportContent].
func (v ReportContent) Valid() bool { return optionValid(reportContentOptions, string(v)) }

// Label returns the French label of v.
func (v ReportContent) Label() string { return optionLabel(reportContentOptions, string(v)) }

// RegionalBody is a regional body the CLSM's action is brought to (seed 001 §8).
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

// Options lists every value of [RegionalBody] with its French label.
func (RegionalBody) Options() []Option { return regionalBodyOptions }

// Valid reports whether v is one of the values of [RegionalBody].
func (v RegionalBody) Valid() bool { return optionValid(regionalBodyOptions, string(v)) }

// Label returns the French label of v.
func (v RegionalBody) Label() string { return optionLabel(regionalBodyOptions, string(v)) }

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

// Options lists every value of [MeetingFrequency] with its French label.
func (MeetingFrequency) Options() []Option { return meetingFrequencyOptions }

// Valid reports whether v is one of the values of [MeetingFrequency].
func (v MeetingFrequency) Valid() bool { return optionValid(meetingFrequencyOptions, string(v)) }

// Label returns the French label of v.
func (v MeetingFrequency) Label() string { return optionLabel(meetingFrequencyOptions, string(v)) }
