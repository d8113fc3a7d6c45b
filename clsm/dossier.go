package clsm

// The tags of Dossier.SchemaVersion are written from SchemaVersion.
//go:generate go run ./internal/versiontag

// SchemaVersion is the version of the dossier format this package writes. It
// changes only when a dossier written for an older version would no longer be
// read the same way. [Parse] also reads every older version back to
// [OldestSchemaVersion], and reads a dossier without a version as the current
// one.
//
// Version 2 added « jamais » ([Never]) to the date questions whose validate
// tag says "datenever", and the question /diagnostic/planned.
//
// Raising it is this one edit plus "go generate ./...": the bounds and the
// help text of [Dossier.SchemaVersion] are written from it (and from
// [OldestSchemaVersion]), and the JSON Schema, the browser's validation and
// the checker's version (which the form reads) from them. See package schema
// for when a change to the format needs a new version.
const SchemaVersion = 2

// OldestSchemaVersion is the oldest dossier format [Parse] still reads.
const OldestSchemaVersion = 1

// Dossier is everything one CLSM (conseil local de santé mentale) says about
// itself when it assesses its readiness: the form's state, the file the
// command-line tool reads, the input of the assessment.
//
// A self-assessment is partial. In JSON an absent key means "non renseigné";
// in Go that is a nil pointer, a nil slice or an empty string. A *bool answers
// a yes/no question (nil: not answered); a slice that is present but empty
// (non-nil in Go, [] in JSON) means "none". JSON null is refused: leave the
// key out instead.
//
// Struct tags: json gives the key; validate gives the well-formedness
// constraints (checked by [Dossier.Validate] and copied into the JSON Schema);
// title and help give the French label and help text a person reads; showif
// ("key=value|value", a sibling key) says when the form shows a question; gate
// ("true") marks the yes/no answer of a struct (a body "exists", the diagnostic
// is "done") behind which the struct's other questions are shown, and read by
// the rules, only once it is answered "yes". Package internal/model reads these
// tags for the form, the rules and the schema alike.
//
// Every list has a maximum (max in its validate tag, hence maxItems in the
// schema, the strict reading and the browser's validation), set well above
// the largest figure the public sources give for a real CLSM (five to ten
// times for the lists that grow with the CLSM), so that no real dossier
// reaches it and a hostile or mistaken file of
// thousands of items is refused in one problem rather than built, shown and
// evaluated:
//
//   - communes 500 and intercommunalités 20: the largest CLSM described in
//     public sources cover 3 EPCI and 77 communes (Pays Cœur d'Hérault,
//     Maires de France) or 86 (Bassin d'Aurillac, Carladès et Châtaigneraie,
//     ARS Auvergne-Rhône-Alpes, 2025); a CLSM covers one commune in 52 % of
//     cases (état des lieux national des CLSM, centre national de ressources
//     et d'appui aux CLSM, 2023);
//   - COPIL members 100: that of Aurillac gathers 13 bodies, and the
//     categories the cahier des charges des CLSM de l'ARS Île-de-France (§4.1)
//     asks for are about fifteen;
//   - working groups 50: Pays Cœur d'Hérault has 4; a CLSM works « en 3
//     niveaux » with « des groupes de travail opérationnels » (centre national
//     de ressources et d'appui aux CLSM, 2024): a few, tens at the very most;
//   - actions 200 and priority axes 20: a plan has tens of actions (Lille's
//     CLSM ran « plus d'une trentaine d'actions » for the SISM 2024 alone,
//     « Pourquoi et comment monter un conseil local de santé mentale ? », ARS
//     Hauts-de-France) and a few axes (the five strategic objectives of the
//     instruction DGS/SP4/CGET/2016/289; seven priority domains in the
//     Île-de-France cahier des charges, §9);
//   - meeting dates 100 (COPIL, comité technique) and 50 (assemblée
//     plénière): the COPIL meets at least twice a year and the plenary
//     once (cahier des charges de l'ARS Île-de-France, §4.1 and §4.2), and
//     85 % of CLSM are less than ten years old (état des lieux national,
//     2023);
//   - funders 10: a post has one to three or four funders (collectivité,
//     hospital, ARS: 70 % of posts are co-funded, état des lieux national,
//     2023), and their shares add up to at most 100 %;
//   - lists of options without repeats 30: above the number of options of
//     each (29 member categories at most).
//
// Texts are bounded the same way (200 characters for a name, 300 for a
// title, 5 000 for the notes), and the whole file by [MaxSize].
type Dossier struct {
	SchemaVersion int                   `json:"schemaVersion,omitzero" validate:"omitempty,gte=1,lte=2" title:"Version du format du dossier" help:"2 pour ce format\u00a0; les dossiers au format 1 sont encore lus. Sans version, le dossier est lu au format 2."`
	Name          string                `json:"name,omitzero" validate:"omitempty,max=200" title:"Nom du CLSM" help:"Par exemple « CLSM de la ville de Rodez »."`
	Stage         Stage                 `json:"stage,omitzero" validate:"omitempty,enum" title:"Où en est le CLSM ?"`
	Carrier       CarrierKind           `json:"carrier,omitzero" validate:"omitempty,enum" title:"Structure qui porte le CLSM"`
	CreatedOn     Date                  `json:"createdOn,omitzero" validate:"omitempty,date" title:"Date de création du CLSM" help:"Date de signature de la convention constitutive ou de la première assemblée plénière."`
	Territory     Territory             `json:"territory,omitzero" title:"Territoire"`
	Governance    Governance            `json:"governance,omitzero" title:"Gouvernance"`
	Copil         Copil                 `json:"copil,omitzero" title:"Comité de pilotage (COPIL)"`
	Bureau        Bureau                `json:"bureau,omitzero" title:"Bureau restreint"`
	Technical     TechnicalCommittee    `json:"technicalCommittee,omitzero" title:"Comité technique"`
	Plenary       Plenary               `json:"plenary,omitzero" title:"Assemblée plénière"`
	WorkingGroups []WorkingGroup        `json:"workingGroups,omitzero" validate:"omitempty,max=50,dive" title:"Groupes de travail"`
	Complex       ComplexSituationsCell `json:"complexSituations,omitzero" title:"Cellule des situations psychosociales complexes"`
	Coordinator   Coordinator           `json:"coordinator,omitzero" title:"Coordonnateur ou coordonnatrice"`
	Diagnostic    Diagnostic            `json:"diagnostic,omitzero" title:"Diagnostic local"`
	ActionPlan    ActionPlan            `json:"actionPlan,omitzero" title:"Plan d'action"`
	Articulations Articulations         `json:"articulations,omitzero" title:"Articulation avec les autres dispositifs"`
	Communication Communication         `json:"communication,omitzero" title:"Communication"`
	Evaluation    Evaluation            `json:"evaluation,omitzero" title:"Évaluation"`
	Funding       Funding               `json:"funding,omitzero" title:"Demande de financement à l'ARS"`
	Regional      RegionalIntegration   `json:"regional,omitzero" title:"Intégration régionale"`
	Notes         string                `json:"notes,omitzero" validate:"omitempty,max=5000" title:"Remarques" help:"Tout ce que vous souhaitez préciser et que les questions ne couvrent pas."`
}

// Territory is where the CLSM acts (cahier des charges des CLSM de l'ARS Île-de-France, §1): infra-communal, communal or
// intercommunal, relevant for the local actors.
type Territory struct {
	Scale             Scale          `json:"scale,omitzero" validate:"omitempty,enum" title:"Échelle du territoire"`
	Department        DepartmentCode `json:"department,omitzero" validate:"omitempty,dept" title:"Département" help:"Le département donne la région et l'ARS (agence régionale de santé) compétente."`
	Communes          []CommuneCode  `json:"communes,omitzero" validate:"omitempty,max=500,unique,dive,insee" title:"Communes couvertes (codes INSEE)" help:"Le code INSEE de la commune a 5 caractères (2A et 2B pour la Corse), à ne pas confondre avec le code postal."`
	EPCI              []SIREN        `json:"epci,omitzero" validate:"omitempty,max=20,unique,dive,siren" title:"Intercommunalités couvertes (numéros SIREN)"`
	Population        *int           `json:"population,omitzero" validate:"omitnil,gte=0,lte=15000000" title:"Population couverte (habitants)"`
	CoversQPV         *bool          `json:"coversQPV,omitzero" title:"Le territoire compte-t-il un ou plusieurs quartiers prioritaires de la politique de la ville (QPV) ?"`
	QPVCount          *int           `json:"qpvCount,omitzero" showif:"coversQPV=true" validate:"omitnil,gte=0,lte=500" title:"Nombre de QPV couverts"`
	PsychSectors      *int           `json:"psychiatricSectors,omitzero" validate:"omitnil,gte=0,lte=100" title:"Nombre de secteurs de psychiatrie adulte couverts"`
	PublicPsychNearby *bool          `json:"publicPsychiatryNearby,omitzero" title:"Un service de psychiatrie publique intervient-il sur le territoire ?"`
}

// Governance says who presides and co-leads the CLSM (cahier des charges des CLSM
// de l'ARS Île-de-France, §4; instruction DGS/SP4/CGET/2016/289; CCOMS).
type Governance struct {
	President         President `json:"president,omitzero" title:"Présidence du CLSM"`
	PsychiatryCoLeads *bool     `json:"psychiatryCoLeads,omitzero" title:"La psychiatrie publique co-anime-t-elle le CLSM ?" help:"Les chefs de secteur ou de pôle de psychiatrie publique sont étroitement associés au pilotage."`
	Convention        *bool     `json:"convention,omitzero" title:"Une convention lie-t-elle la collectivité et la psychiatrie de secteur ?" help:"Convention constitutive ou de partenariat signée entre la collectivité et l'établissement de psychiatrie."`
	ConventionSigned  Date      `json:"conventionSignedOn,omitzero" validate:"omitempty,date" showif:"convention=true" title:"Date de signature de la convention"`
	UsersFromStart    *bool     `json:"usersFromStart,omitzero" title:"Les représentants des usagers sont-ils associés depuis la constitution du CLSM ?"`
	CarersFromStart   *bool     `json:"carersFromStart,omitzero" title:"Les représentants des aidants sont-ils associés depuis la constitution du CLSM ?"`
}

// President is who presides the CLSM, described by role; a name is optional.
type President struct {
	Role         PresidentRole `json:"role,omitzero" validate:"omitempty,enum" title:"Qui préside le CLSM ?"`
	Title        string        `json:"title,omitzero" validate:"omitempty,max=200" title:"Fonction" help:"Par exemple « adjointe au maire déléguée à la santé »."`
	MandateUntil Date          `json:"mandateUntil,omitzero" validate:"omitempty,date" title:"Fin du mandat"`
}

// Member is one member of a body, described by category and, optionally, by
// the structure they come from. No personal name is needed.
type Member struct {
	Category  MemberCategory `json:"category,omitzero" validate:"required,enum" title:"Catégorie"`
	Structure string         `json:"structure,omitzero" validate:"omitempty,max=200" title:"Structure" help:"Par exemple « EPSM de l'agglomération », « UNAFAM 34 »."`
}

// Copil is the comité de pilotage (cahier des charges des CLSM de l'ARS
// Île-de-France, §4.1).
type Copil struct {
	Exists             *bool          `json:"exists,omitzero" gate:"true" title:"Le comité de pilotage est-il constitué ?"`
	ChairedByPresident *bool          `json:"chairedByPresident,omitzero" title:"Le COPIL est-il présidé par l'élu qui préside le CLSM ?"`
	Members            []Member       `json:"members,omitzero" validate:"omitempty,max=100,dive" title:"Membres du COPIL"`
	Meetings           []Date         `json:"meetings,omitzero" validate:"omitempty,max=100,dive,date" title:"Dates des réunions du COPIL"`
	RulesOfProcedure   *bool          `json:"rulesOfProcedure,omitzero" title:"Le COPIL a-t-il adopté un règlement intérieur ?"`
	Roadmap            *bool          `json:"roadmap,omitzero" title:"Le COPIL a-t-il adopté une feuille de route ?" help:"Feuille de route annuelle ou pluriannuelle, construite à partir du diagnostic."`
	RoadmapAdoptedOn   Date           `json:"roadmapAdoptedOn,omitzero" validate:"omitempty,date" showif:"roadmap=true" title:"Date d'adoption de la feuille de route"`
	Decisions          CopilDecisions `json:"decisions,omitzero" title:"Décisions du COPIL"`
}

// CopilDecisions are the missions the cahier des charges des CLSM of
// the ARS Île-de-France (§4.1) gives the COPIL.
type CopilDecisions struct {
	Priorities       *bool `json:"priorities,omitzero" title:"Le COPIL a-t-il arrêté les objectifs prioritaires du CLSM ?"`
	WorkProgramme    *bool `json:"workProgramme,omitzero" title:"A-t-il arrêté le programme de travail ?"`
	PartnershipTerms *bool `json:"partnershipTerms,omitzero" title:"A-t-il arrêté les modalités du partenariat ?"`
	WorkingGroups    *bool `json:"workingGroups,omitzero" title:"A-t-il choisi les groupes de travail et leur composition ?"`
	FollowsProgramme *bool `json:"followsProgramme,omitzero" title:"Suit-il la mise en œuvre du programme de travail ?"`
	InformsARS       *bool `json:"informsARS,omitzero" title:"Informe-t-il l'ARS des besoins repérés et des actions mises en place ?"`
	SeeksFunding     *bool `json:"seeksFunding,omitzero" title:"Recherche-t-il les ressources financières nécessaires ?"`
	PlansEvaluation  *bool `json:"plansEvaluation,omitzero" title:"A-t-il prévu les modalités de l'évaluation ?"`
	ReportsToPlenary *bool `json:"reportsToPlenary,omitzero" title:"Rend-il compte de l'évaluation à l'assemblée plénière ?"`
}

// Bureau is the optional bureau restreint of the COPIL (cahier des
// charges des CLSM de l'ARS Île-de-France, §4.1).
type Bureau struct {
	Exists             *bool            `json:"exists,omitzero" gate:"true" title:"Un bureau restreint est-il organisé ?"`
	ChairedByPresident *bool            `json:"chairedByPresident,omitzero" title:"Est-il présidé par le maire ou l'élu qui préside le CLSM ?"`
	Members            []MemberCategory `json:"members,omitzero" validate:"omitempty,max=30,unique,dive,enum" title:"Qui y siège ?"`
}

// TechnicalCommittee is the comité technique that the ARS Occitanie names
// (its page « Conseils locaux de santé mentale »).
type TechnicalCommittee struct {
	Exists   *bool  `json:"exists,omitzero" gate:"true" title:"Un comité technique est-il constitué ?"`
	Meetings []Date `json:"meetings,omitzero" validate:"omitempty,max=100,dive,date" title:"Dates des réunions du comité technique"`
}

// Plenary is the assemblée plénière (cahier des charges des CLSM de l'ARS
// Île-de-France, §4.2).
type Plenary struct {
	Exists              *bool  `json:"exists,omitzero" gate:"true" title:"L'assemblée plénière est-elle constituée ?"`
	ChairedByPresident  *bool  `json:"chairedByPresident,omitzero" title:"Est-elle présidée par l'élu qui préside le CLSM ?"`
	Meetings            []Date `json:"meetings,omitzero" validate:"omitempty,max=50,dive,date" title:"Dates des assemblées plénières"`
	DiagnosticPresented *bool  `json:"diagnosticPresented,omitzero" title:"Le diagnostic a-t-il été présenté en assemblée plénière ?"`
	ReviewsAction       *bool  `json:"reviewsAction,omitzero" title:"L'assemblée plénière dresse-t-elle le bilan de l'action du CLSM ?"`
}

// WorkingGroup is one groupe de travail.
type WorkingGroup struct {
	Name             string               `json:"name,omitzero" validate:"omitempty,max=200" title:"Nom du groupe"`
	Theme            Theme                `json:"theme,omitzero" validate:"required,enum" title:"Thème"`
	Objectives       []StrategicObjective `json:"objectives,omitzero" validate:"omitempty,max=30,unique,dive,enum" title:"Objectifs stratégiques servis"`
	MeetingsPerYear  *int                 `json:"meetingsPerYear,omitzero" validate:"omitnil,gte=0,lte=100" title:"Réunions par an"`
	UsersParticipate *bool                `json:"usersParticipate,omitzero" title:"Des personnes concernées ou leurs représentants y participent-elles ?"`
}

// ComplexSituationsCell is the working cell for complex psychosocial
// situations (cahier des charges des CLSM de l'ARS Île-de-France, §10).
type ComplexSituationsCell struct {
	Exists             *bool            `json:"exists,omitzero" gate:"true" title:"Une cellule de résolution des situations psychosociales complexes existe-t-elle ?"`
	DeontologicalRules *bool            `json:"deontologicalRules,omitzero" title:"Des règles déontologiques encadrent-elles l'échange d'informations ?" help:"Équilibre entre l'échange des informations nécessaires, le secret professionnel, le respect des personnes et la recherche de leur adhésion."`
	EthicalCharter     *bool            `json:"ethicalCharter,omitzero" title:"Une charte éthique a-t-elle été adoptée ?"`
	Frequency          MeetingFrequency `json:"frequency,omitzero" validate:"omitempty,enum" title:"Fréquence des réunions"`
	SituationsHandled  *int             `json:"situationsHandled,omitzero" validate:"omitnil,gte=0,lte=10000" title:"Situations examinées ces 12 derniers mois"`
}

// Coordinator is the coordinator's post (cahier des charges des CLSM
// de l'ARS Île-de-France, §5).
type Coordinator struct {
	Exists                *bool              `json:"exists,omitzero" gate:"true" title:"Le CLSM dispose-t-il d'un poste de coordonnateur ?"`
	FTE                   *float64           `json:"fte,omitzero" validate:"omitnil,gt=0,lte=3" title:"Temps de travail du coordonnateur (en équivalent temps plein)" help:"1 pour un temps plein, 0,5 pour un mi-temps."`
	Employer              EmployerKind       `json:"employer,omitzero" validate:"omitempty,enum" title:"Employeur du coordonnateur"`
	RecruitmentAssociated []RecruitmentParty `json:"recruitmentAssociated,omitzero" validate:"omitempty,max=30,unique,dive,enum" title:"Qui a été associé au recrutement ?"`
	StartedOn             Date               `json:"startedOn,omitzero" validate:"omitempty,date" title:"Date de prise de poste"`
	MeetsCompetencies     *bool              `json:"meetsCompetencies,omitzero" title:"Le coordonnateur répond-il au référentiel de compétences ?"`
	TrainingNeeded        *bool              `json:"trainingNeeded,omitzero" title:"Une formation qualifiante est-elle nécessaire ?"`
	TrainingStartedOn     Date               `json:"trainingStartedOn,omitzero" validate:"omitempty,datenever" showif:"trainingNeeded=true" title:"Date d'engagement de la formation qualifiante"`
	Funders               []Funder           `json:"funders,omitzero" validate:"omitempty,max=10,sharesum,dive" title:"Financeurs du poste"`
	MutualisedWithCLS     *bool              `json:"mutualisedWithCLS,omitzero" title:"La coordination est-elle mutualisée avec celle du contrat local de santé (CLS) ?"`
	MutualisedWithCLSM    *bool              `json:"mutualisedWithOtherCLSM,omitzero" title:"La coordination est-elle partagée avec un autre CLSM ?"`
	InCLSSteeringTeam     *bool              `json:"inCLSSteeringTeam,omitzero" title:"Le coordonnateur fait-il partie de l'équipe de pilotage du CLS ?"`
}

// Funder is one funder of the coordinator's post and the share of the
// coordinator's working time it pays for, in percent.
type Funder struct {
	Kind  FunderKind `json:"kind,omitzero" validate:"required,enum" title:"Financeur"`
	Share *float64   `json:"share,omitzero" validate:"required,gte=0,lte=100" title:"Part du temps de coordination financée (%)"`
}

// Diagnostic is the local diagnostic (cahier des charges des CLSM de l'ARS
// Île-de-France, §9.1; « Pourquoi et comment monter un conseil local de santé
// mentale ? », ARS Hauts-de-France).
type Diagnostic struct {
	Done          *bool        `json:"done,omitzero" gate:"true" title:"Un diagnostic local de santé mentale a-t-il été réalisé ?"`
	Planned       *bool        `json:"planned,omitzero" showif:"done=false" title:"Un diagnostic est-il programmé ?" help:"Réalisation décidée, avec un calendrier et les partenaires qui y contribuent."`
	CompletedOn   Date         `json:"completedOn,omitzero" validate:"omitempty,date" title:"Date du diagnostic"`
	Sources       []DataSource `json:"sources,omitzero" validate:"omitempty,max=30,unique,dive,enum" title:"Sources de données utilisées"`
	DataTypes     []DataType   `json:"dataTypes,omitzero" validate:"omitempty,max=30,unique,dive,enum" title:"Types de données recueillies"`
	Quantitative  *bool        `json:"quantitative,omitzero" title:"Comporte-t-il des données quantitatives ?"`
	Qualitative   *bool        `json:"qualitative,omitzero" title:"Comporte-t-il des données qualitatives ?"`
	WatchAndAlert *bool        `json:"watchAndAlert,omitzero" title:"Une fonction de veille et d'alerte est-elle en place ?"`
}

// ActionPlan is the plan of action: priority axes and actions (cahier des
// charges des CLSM de l'ARS Île-de-France, §3.2 and §9).
type ActionPlan struct {
	Adopted      *bool    `json:"adopted,omitzero" title:"Un plan d'action a-t-il été adopté ?"`
	PriorityAxes []string `json:"priorityAxes,omitzero" validate:"omitempty,max=20,dive,required,max=300" title:"Axes prioritaires"`
	Actions      []Action `json:"actions,omitzero" validate:"omitempty,max=200,dive" title:"Actions"`
}

// Action is one action of the plan.
type Action struct {
	Title      string               `json:"title,omitzero" validate:"required,max=300" title:"Intitulé de l'action"`
	Status     ActionStatus         `json:"status,omitzero" validate:"omitempty,enum" title:"État d'avancement"`
	Objectives []StrategicObjective `json:"objectives,omitzero" validate:"omitempty,max=30,unique,dive,enum" title:"Objectifs stratégiques servis"`
	Domains    []PriorityDomain     `json:"domains,omitzero" validate:"omitempty,max=30,unique,dive,enum" title:"Domaines d'action prioritaires (§9)"`
	Themes     []Theme              `json:"themes,omitzero" validate:"omitempty,max=30,unique,dive,enum" title:"Thèmes"`
	QPV        *bool                `json:"qpv,omitzero" title:"L'action vise-t-elle spécifiquement un quartier prioritaire (QPV) ?"`
}

// Articulations says, for each scheme a CLSM works with, whether it does:
// yes, no, or the scheme is absent from the territory (webinaire « Le
// conseil local de santé mentale : un outil pour répondre aux enjeux de santé
// mentale », centre national de ressources et d'appui aux CLSM, 2024). The
// PTSM's diagnostic is named as the texts name it, « diagnostic territorial
// partagé » (code de la santé publique, article L3221-2; cahier des charges
// des CLSM de l'ARS Île-de-France, §2), not by an acronym they do not use.
type Articulations struct {
	CLS             Articulation `json:"cls,omitzero" validate:"omitempty,enum" title:"Contrat local de santé (CLS)"`
	CityContract    Articulation `json:"cityContract,omitzero" validate:"omitempty,enum" title:"Contrat de ville"`
	ASV             Articulation `json:"asv,omitzero" validate:"omitempty,enum" title:"Atelier santé ville (ASV)"`
	PTSM            Articulation `json:"ptsm,omitzero" validate:"omitempty,enum" title:"Projet territorial de santé mentale (PTSM) et son diagnostic territorial partagé"`
	CPTS            Articulation `json:"cpts,omitzero" validate:"omitempty,enum" title:"Communauté professionnelle territoriale de santé (CPTS)"`
	DAC             Articulation `json:"dac,omitzero" validate:"omitempty,enum" title:"Dispositif d'appui à la coordination (DAC)"`
	CLSPD           Articulation `json:"clspd,omitzero" validate:"omitempty,enum" title:"Conseil local de sécurité et de prévention de la délinquance (CLSPD)"`
	CPT             Articulation `json:"cpt,omitzero" validate:"omitempty,enum" title:"Communauté psychiatrique de territoire (CPT)"`
	ConsultedOnPTSM *bool        `json:"consultedOnPTSM,omitzero" title:"Le CLSM a-t-il été consulté pour avis sur le diagnostic et le projet territorial de santé mentale ?"`
	ASVFromCreation *bool        `json:"asvCoordinatorFromCreation,omitzero" showif:"asv=yes|no" title:"Le coordonnateur de l'ASV est-il associé au CLSM depuis sa création ?"`
}

// Communication is what the CLSM says about itself and to citizens (cahier
// des charges des CLSM de l'ARS Île-de-France, §11).
type Communication struct {
	AboutCLSM  *bool `json:"aboutCLSM,omitzero" title:"Des actions de communication sur le CLSM existent-elles ?" help:"Plaquette, schéma de l'organisation, site internet…"`
	ToCitizens *bool `json:"toCitizens,omitzero" title:"Des actions d'information des habitants sur les troubles psychiques et les ressources existent-elles ?"`
	WithPsycom *bool `json:"withARSOrPsycom,omitzero" title:"Ces actions sont-elles menées avec l'ARS ou le Psycom ?"`
	SISM       *bool `json:"sism,omitzero" title:"Le CLSM mène-t-il des actions lors des Semaines d'information sur la santé mentale (SISM) ?"`
}

// Evaluation is how the CLSM evaluates itself and reports (cahier des
// charges des CLSM de l'ARS Île-de-France, §12).
type Evaluation struct {
	LastAppropriationReview Date              `json:"lastAppropriationReview,omitzero" validate:"omitempty,datenever" title:"Date de la dernière évaluation de l'appropriation du CLSM par ses membres"`
	LastAnnualReport        Date              `json:"lastAnnualReport,omitzero" validate:"omitempty,datenever" title:"Date du dernier bilan annuel des actions"`
	ReportRecipients        []ReportRecipient `json:"reportRecipients,omitzero" validate:"omitempty,max=30,unique,dive,enum" title:"Destinataires du bilan annuel"`
	ReportContents          []ReportContent   `json:"reportContents,omitzero" validate:"omitempty,max=30,unique,dive,enum" title:"Contenu du bilan annuel"`
	PopulationFeedback      *bool             `json:"populationFeedback,omitzero" title:"Le CLSM a-t-il prévu comment rendre compte de son activité à la population ?"`
}

// Funding is the request to the ARS and the convention that follows (ARS
// Île-de-France's published conditions; its cahier des charges des CLSM, §12).
type Funding struct {
	JointRequest         *bool `json:"jointRequest,omitzero" title:"La demande de financement est-elle déposée et signée conjointement par l'établissement de santé référent et la commune ou le regroupement ?"`
	TripartiteConvention *bool `json:"tripartiteConvention,omitzero" title:"Une convention tripartite (collectivité, établissement, ARS) est-elle signée ?"`
	IndicatorsAnnexed    *bool `json:"indicatorsAnnexed,omitzero" title:"Des indicateurs de résultats sont-ils annexés à la convention de financement ?"`
}

// RegionalIntegration is how the CLSM's action is brought to regional bodies
// (cahier des charges des CLSM de l'ARS Île-de-France, §8).
type RegionalIntegration struct {
	ReportedTo []RegionalBody `json:"reportedTo,omitzero" validate:"omitempty,max=30,unique,dive,enum" title:"Instances régionales informées de l'action du CLSM"`
}
