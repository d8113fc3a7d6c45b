// Déclarations TypeScript de l'API du vérificateur (clsm.js) et de l'élément
// <clsm-autoevaluation> (clsm-element.js). Fichier généré par « go generate ./... » à partir
// des schémas JSON du dossier, du référentiel et du rapport : ne pas le modifier à la main.
//
// TypeScript declarations of the checker's API, generated from the JSON Schemas.

/** From dossier.v2.schema.json. */
export interface Action {
  /** Domaines d'action prioritaires (§9) */
  domains?: ("observation" | "prevention_access" | "education_promotion" | "inclusion" | "destigmatisation" | "support_tools" | "participation")[];
  /** Objectifs stratégiques servis */
  objectives?: ("observation" | "promotion" | "access" | "inclusion" | "destigmatisation")[];
  /** L'action vise-t-elle spécifiquement un quartier prioritaire (QPV) ? */
  qpv?: boolean;
  /** État d'avancement */
  status?: "planned" | "ongoing" | "done";
  /** Thèmes */
  themes?: ("youth" | "children" | "parenthood" | "housing" | "complex_situations" | "precarity" | "suicide_prevention" | "addictions" | "sism" | "protected_adults" | "migrants" | "rehabilitation" | "students" | "qpv" | "other")[];
  /** Intitulé de l'action */
  title: string;
}

/** From dossier.v2.schema.json. */
export interface ActionPlan {
  /** Actions */
  actions?: Action[];
  /** Un plan d'action a-t-il été adopté ? */
  adopted?: boolean;
  /** Axes prioritaires */
  priorityAxes?: string[];
}

/** From dossier.v2.schema.json. */
export interface Articulations {
  /** Atelier santé ville (ASV) */
  asv?: "yes" | "no" | "absent";
  /** Le coordonnateur de l'ASV est-il associé au CLSM depuis sa création ? */
  asvCoordinatorFromCreation?: boolean;
  /** Contrat de ville */
  cityContract?: "yes" | "no" | "absent";
  /** Contrat local de santé (CLS) */
  cls?: "yes" | "no" | "absent";
  /** Conseil local de sécurité et de prévention de la délinquance (CLSPD) */
  clspd?: "yes" | "no" | "absent";
  /** Le CLSM a-t-il été consulté pour avis sur le diagnostic et le projet territorial de santé mentale ? */
  consultedOnPTSM?: boolean;
  /** Communauté psychiatrique de territoire (CPT) */
  cpt?: "yes" | "no" | "absent";
  /** Communauté professionnelle territoriale de santé (CPTS) */
  cpts?: "yes" | "no" | "absent";
  /** Dispositif d'appui à la coordination (DAC) */
  dac?: "yes" | "no" | "absent";
  /** Projet territorial de santé mentale (PTSM) et son diagnostic territorial partagé */
  ptsm?: "yes" | "no" | "absent";
}

/** From report.v3.schema.json. */
export interface AxisScore {
  /** Règles renseignées (%) */
  answered: number;
  /** Axe */
  axis: "governance" | "partnership" | "objective_observation" | "objective_promotion" | "objective_access" | "objective_inclusion" | "objective_destigmatisation" | "complex_situations" | "cls" | "city_policy" | "organisation" | "evaluation";
  /** Libellé */
  label: string;
  /** Respectées */
  met: number;
  /** Sans objet */
  notApplicable: number;
  /** Pas encore dues */
  notDue: number;
  /** Score (%) */
  score?: number;
  /** Non renseignées */
  unknown: number;
  /** Non respectées */
  unmet: number;
}

/** From dossier.v2.schema.json. */
export interface Bureau {
  /** Est-il présidé par le maire ou l'élu qui préside le CLSM ? */
  chairedByPresident?: boolean;
  /** Un bureau restreint est-il organisé ? */
  exists?: boolean;
  /** Qui y siège ? */
  members?: ("president" | "elected_officials" | "public_psychiatry" | "user_associations" | "carer_associations" | "people_concerned" | "coordinator" | "ars_delegation" | "liberal_health_professionals" | "social_workers" | "mdph" | "national_education" | "asv_coordinator" | "cls_coordinator" | "designated_by_plenary" | "hospital" | "medico_social" | "social_institutions" | "housing" | "justice" | "police" | "firefighters" | "culture" | "sport" | "departmental_council" | "cpam" | "state_services" | "inhabitants" | "other")[];
}

/** From report.v3.schema.json. */
export interface Citation {
  /** Document */
  document: string;
  /** Auteur */
  issuer?: string;
  /** Nature du document */
  kind?: "ars_specification" | "ars_web_page" | "law" | "national_instruction" | "resource_centre" | "article" | "interview";
  /** Texte cité */
  quote?: string;
  /** Section */
  section: string;
  /** Adresse */
  url?: string;
}

/** From dossier.v2.schema.json. */
export interface Communication {
  /** Des actions de communication sur le CLSM existent-elles ? */
  aboutCLSM?: boolean;
  /** Le CLSM mène-t-il des actions lors des Semaines d'information sur la santé mentale (SISM) ? */
  sism?: boolean;
  /** Des actions d'information des habitants sur les troubles psychiques et les ressources existent-elles ? */
  toCitizens?: boolean;
  /** Ces actions sont-elles menées avec l'ARS ou le Psycom ? */
  withARSOrPsycom?: boolean;
}

/** From dossier.v2.schema.json. */
export interface ComplexSituationsCell {
  /** Des règles déontologiques encadrent-elles l'échange d'informations ? */
  deontologicalRules?: boolean;
  /** Une charte éthique a-t-elle été adoptée ? */
  ethicalCharter?: boolean;
  /** Une cellule de résolution des situations psychosociales complexes existe-t-elle ? */
  exists?: boolean;
  /** Fréquence des réunions */
  frequency?: "weekly" | "monthly" | "quarterly" | "on_demand" | "rarely";
  /** Situations examinées ces 12 derniers mois */
  situationsHandled?: number;
}

/** From referential.v1.schema.json. */
export interface Condition {
  /** Réponses pour lesquelles la règle s'applique */
  in: unknown[];
  /** Question (chemin JSON Pointer dans le dossier) */
  path: "/name" | "/stage" | "/carrier" | "/createdOn" | "/territory/scale" | "/territory/department" | "/territory/population" | "/territory/coversQPV" | "/territory/qpvCount" | "/territory/psychiatricSectors" | "/territory/publicPsychiatryNearby" | "/governance/president/role" | "/governance/president/title" | "/governance/president/mandateUntil" | "/governance/psychiatryCoLeads" | "/governance/convention" | "/governance/conventionSignedOn" | "/governance/usersFromStart" | "/governance/carersFromStart" | "/copil/exists" | "/copil/chairedByPresident" | "/copil/rulesOfProcedure" | "/copil/roadmap" | "/copil/roadmapAdoptedOn" | "/copil/decisions/priorities" | "/copil/decisions/workProgramme" | "/copil/decisions/partnershipTerms" | "/copil/decisions/workingGroups" | "/copil/decisions/followsProgramme" | "/copil/decisions/informsARS" | "/copil/decisions/seeksFunding" | "/copil/decisions/plansEvaluation" | "/copil/decisions/reportsToPlenary" | "/bureau/exists" | "/bureau/chairedByPresident" | "/technicalCommittee/exists" | "/plenary/exists" | "/plenary/chairedByPresident" | "/plenary/diagnosticPresented" | "/plenary/reviewsAction" | "/complexSituations/exists" | "/complexSituations/deontologicalRules" | "/complexSituations/ethicalCharter" | "/complexSituations/frequency" | "/complexSituations/situationsHandled" | "/coordinator/exists" | "/coordinator/fte" | "/coordinator/employer" | "/coordinator/startedOn" | "/coordinator/meetsCompetencies" | "/coordinator/trainingNeeded" | "/coordinator/trainingStartedOn" | "/coordinator/mutualisedWithCLS" | "/coordinator/mutualisedWithOtherCLSM" | "/coordinator/inCLSSteeringTeam" | "/diagnostic/done" | "/diagnostic/planned" | "/diagnostic/completedOn" | "/diagnostic/quantitative" | "/diagnostic/qualitative" | "/diagnostic/watchAndAlert" | "/actionPlan/adopted" | "/articulations/cls" | "/articulations/cityContract" | "/articulations/asv" | "/articulations/ptsm" | "/articulations/cpts" | "/articulations/dac" | "/articulations/clspd" | "/articulations/cpt" | "/articulations/consultedOnPTSM" | "/articulations/asvCoordinatorFromCreation" | "/communication/aboutCLSM" | "/communication/toCitizens" | "/communication/withARSOrPsycom" | "/communication/sism" | "/evaluation/lastAppropriationReview" | "/evaluation/lastAnnualReport" | "/evaluation/populationFeedback" | "/funding/jointRequest" | "/funding/tripartiteConvention" | "/funding/indicatorsAnnexed" | "/notes";
}

/** From dossier.v2.schema.json. */
export interface Coordinator {
  /** Employeur du coordonnateur */
  employer?: "hospital" | "commune" | "epci" | "syndicat_mixte" | "association" | "other";
  /** Le CLSM dispose-t-il d'un poste de coordonnateur ? */
  exists?: boolean;
  /** Temps de travail du coordonnateur (en équivalent temps plein) */
  fte?: number;
  /** Financeurs du poste */
  funders?: Funder[];
  /** Le coordonnateur fait-il partie de l'équipe de pilotage du CLS ? */
  inCLSSteeringTeam?: boolean;
  /** Le coordonnateur répond-il au référentiel de compétences ? */
  meetsCompetencies?: boolean;
  /** La coordination est-elle mutualisée avec celle du contrat local de santé (CLS) ? */
  mutualisedWithCLS?: boolean;
  /** La coordination est-elle partagée avec un autre CLSM ? */
  mutualisedWithOtherCLSM?: boolean;
  /** Qui a été associé au recrutement ? */
  recruitmentAssociated?: ("mayor" | "groupement_elected" | "psychiatry_head" | "hospital_director" | "ars" | "other")[];
  /** Date de prise de poste */
  startedOn?: string;
  /** Une formation qualifiante est-elle nécessaire ? */
  trainingNeeded?: boolean;
  /** Date d'engagement de la formation qualifiante */
  trainingStartedOn?: unknown;
}

/** From dossier.v2.schema.json. */
export interface Copil {
  /** Le COPIL est-il présidé par l'élu qui préside le CLSM ? */
  chairedByPresident?: boolean;
  /** Décisions du COPIL */
  decisions?: CopilDecisions;
  /** Le comité de pilotage est-il constitué ? */
  exists?: boolean;
  /** Dates des réunions du COPIL */
  meetings?: string[];
  /** Membres du COPIL */
  members?: Member[];
  /** Le COPIL a-t-il adopté une feuille de route ? */
  roadmap?: boolean;
  /** Date d'adoption de la feuille de route */
  roadmapAdoptedOn?: string;
  /** Le COPIL a-t-il adopté un règlement intérieur ? */
  rulesOfProcedure?: boolean;
}

/** From dossier.v2.schema.json. */
export interface CopilDecisions {
  /** Suit-il la mise en œuvre du programme de travail ? */
  followsProgramme?: boolean;
  /** Informe-t-il l'ARS des besoins repérés et des actions mises en place ? */
  informsARS?: boolean;
  /** A-t-il arrêté les modalités du partenariat ? */
  partnershipTerms?: boolean;
  /** A-t-il prévu les modalités de l'évaluation ? */
  plansEvaluation?: boolean;
  /** Le COPIL a-t-il arrêté les objectifs prioritaires du CLSM ? */
  priorities?: boolean;
  /** Rend-il compte de l'évaluation à l'assemblée plénière ? */
  reportsToPlenary?: boolean;
  /** Recherche-t-il les ressources financières nécessaires ? */
  seeksFunding?: boolean;
  /** A-t-il arrêté le programme de travail ? */
  workProgramme?: boolean;
  /** A-t-il choisi les groupes de travail et leur composition ? */
  workingGroups?: boolean;
}

/** From report.v3.schema.json. */
export interface Counts {
  /** Respectées */
  met: number;
  /** Questions sans réponse dont dépendent des règles */
  missingAnswers: number;
  /** Sans objet */
  notApplicable: number;
  /** Pas encore dues */
  notDue: number;
  /** Règles requises respectées */
  requiredMet: number;
  /** Règles requises non renseignées */
  requiredUnknown: number;
  /** Règles requises non respectées */
  requiredUnmet: number;
  /** Non renseignées */
  unknown: number;
  /** Non respectées */
  unmet: number;
}

/** From referential.v1.schema.json. */
export interface Deliverable {
  /** Identifiant du document */
  id?: string;
  /** À quoi il sert, en une phrase */
  purpose?: string;
  /** Texte cité */
  quote?: string;
  /** Section citée */
  section?: string;
  /** Sections du document */
  sections?: DeliverableSection[];
  /** Document cité (identifiant) */
  source?: string;
  /** Stades du CLSM auxquels il est demandé */
  stages?: string[];
  /** Titre du document */
  title?: string;
}

/** From referential.v1.schema.json. */
export interface DeliverableSection {
  /** Réponses du dossier reprises */
  answers?: string[];
  /** Sections du texte dont les règles sont reprises */
  cites?: string[];
  /** Titre de la section */
  heading?: string;
  /** Familles d'indicateurs de résultats reprises */
  indicators?: string[];
  /** Texte d'introduction */
  intro?: string;
  /** Texte cité */
  quote?: string;
  /** Section citée */
  section?: string;
  /** Document cité (identifiant) */
  source?: string;
  /** Ce que le CLSM doit rédiger */
  write?: string;
}

/** From dossier.v2.schema.json. */
export interface Diagnostic {
  /** Date du diagnostic */
  completedOn?: string;
  /** Types de données recueillies */
  dataTypes?: ("mental_health_state" | "care_use" | "representations" | "local_policies" | "partnerships" | "resources")[];
  /** Un diagnostic local de santé mentale a-t-il été réalisé ? */
  done?: boolean;
  /** Un diagnostic est-il programmé ? */
  planned?: boolean;
  /** Comporte-t-il des données qualitatives ? */
  qualitative?: boolean;
  /** Comporte-t-il des données quantitatives ? */
  quantitative?: boolean;
  /** Sources de données utilisées */
  sources?: ("cls" | "asv" | "observatories" | "cpam" | "health_establishments" | "university_surveys" | "national_education" | "urban_planning" | "health_networks" | "mdph" | "local_actors" | "other")[];
  /** Une fonction de veille et d'alerte est-elle en place ? */
  watchAndAlert?: boolean;
}

/** From referential.v1.schema.json. */
export interface ReferentialDocument {
  /** Date */
  date?: string;
  /** Identifiant du document */
  id: string;
  /** Auteur */
  issuer?: string;
  /** Nature du document */
  kind?: "ars_specification" | "ars_web_page" | "law" | "national_instruction" | "resource_centre" | "article" | "interview";
  /** Propos de */
  speaker?: string;
  /** Titre */
  title: string;
  /** Adresse */
  url?: string;
}

/** From dossier.v2.schema.json. */
export interface Dossier {
  /** Plan d'action */
  actionPlan?: ActionPlan;
  /** Articulation avec les autres dispositifs */
  articulations?: Articulations;
  /** Bureau restreint */
  bureau?: Bureau;
  /** Structure qui porte le CLSM */
  carrier?: "commune" | "epci" | "syndicat_mixte" | "hospital" | "association" | "other";
  /** Communication */
  communication?: Communication;
  /** Cellule des situations psychosociales complexes */
  complexSituations?: ComplexSituationsCell;
  /** Coordonnateur ou coordonnatrice */
  coordinator?: Coordinator;
  /** Comité de pilotage (COPIL) */
  copil?: Copil;
  /** Date de création du CLSM */
  createdOn?: string;
  /** Diagnostic local */
  diagnostic?: Diagnostic;
  /** Évaluation */
  evaluation?: Evaluation;
  /** Demande de financement à l'ARS */
  funding?: Funding;
  /** Gouvernance */
  governance?: Governance;
  /** Nom du CLSM */
  name?: string;
  /** Remarques */
  notes?: string;
  /** Assemblée plénière */
  plenary?: Plenary;
  /** Intégration régionale */
  regional?: RegionalIntegration;
  /** Version du format du dossier */
  schemaVersion?: number;
  /** Où en est le CLSM ? */
  stage?: "project" | "constitution" | "active";
  /** Comité technique */
  technicalCommittee?: TechnicalCommittee;
  /** Territoire */
  territory?: Territory;
  /** Groupes de travail */
  workingGroups?: WorkingGroup[];
}

/** From report.v3.schema.json. */
export interface DossierInfo {
  /** ARS compétente */
  ars?: string;
  /** Département */
  department?: "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "2A" | "2B" | "21" | "22" | "23" | "24" | "25" | "26" | "27" | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "37" | "38" | "39" | "40" | "41" | "42" | "43" | "44" | "45" | "46" | "47" | "48" | "49" | "50" | "51" | "52" | "53" | "54" | "55" | "56" | "57" | "58" | "59" | "60" | "61" | "62" | "63" | "64" | "65" | "66" | "67" | "68" | "69" | "70" | "71" | "72" | "73" | "74" | "75" | "76" | "77" | "78" | "79" | "80" | "81" | "82" | "83" | "84" | "85" | "86" | "87" | "88" | "89" | "90" | "91" | "92" | "93" | "94" | "95" | "971" | "972" | "973" | "974" | "976";
  /** Version du format du dossier */
  formatVersion: number;
  /** Nom du CLSM */
  name?: string;
  /** Région */
  region?: string;
  /** Stade */
  stage?: "project" | "constitution" | "active";
  /** Lecture du format */
  versionNote: string;
}

/** From dossier.v2.schema.json. */
export interface Evaluation {
  /** Date du dernier bilan annuel des actions */
  lastAnnualReport?: unknown;
  /** Date de la dernière évaluation de l'appropriation du CLSM par ses membres */
  lastAppropriationReview?: unknown;
  /** Le CLSM a-t-il prévu comment rendre compte de son activité à la population ? */
  populationFeedback?: boolean;
  /** Contenu du bilan annuel */
  reportContents?: ("prs_appropriation" | "work_programme" | "completed_projects" | "partnerships" | "difficulties")[];
  /** Destinataires du bilan annuel */
  reportRecipients?: ("members_partners" | "elected_officials" | "funders" | "state_services" | "departmental_council")[];
}

/** From report.v3.schema.json. */
export interface Finding {
  /** Conseil */
  advice: string;
  /** Axe */
  axis: "governance" | "partnership" | "objective_observation" | "objective_promotion" | "objective_access" | "objective_inclusion" | "objective_destigmatisation" | "complex_situations" | "cls" | "city_policy" | "organisation" | "evaluation";
  /** Fondement */
  basis: "law" | "national_instruction" | "ars_requirement" | "ars_funding_condition" | "recommendation";
  /** Source */
  citation: Citation;
  /** Constat */
  detail: string;
  /** Exigible à partir du */
  dueOn?: string;
  /** Niveau */
  level: "required" | "recommended" | "good_practice";
  /** Questions sans réponse */
  missing?: string[];
  /** Résultat */
  outcome: "met" | "unmet" | "unknown" | "not_applicable" | "not_due";
  /** Questions concernées */
  paths: string[];
  /** Exigence */
  requirement: string;
  /** Règle */
  ruleId: string;
}

/** From dossier.v2.schema.json. */
export interface Funder {
  /** Financeur */
  kind: "collectivity" | "ars" | "hospital" | "city_policy" | "departmental_council" | "other";
  /** Part du temps de coordination financée (%) */
  share: number;
}

/** From dossier.v2.schema.json. */
export interface Funding {
  /** Des indicateurs de résultats sont-ils annexés à la convention de financement ? */
  indicatorsAnnexed?: boolean;
  /** La demande de financement est-elle déposée et signée conjointement par l'établissement de santé référent et la commune ou le regroupement ? */
  jointRequest?: boolean;
  /** Une convention tripartite (collectivité, établissement, ARS) est-elle signée ? */
  tripartiteConvention?: boolean;
}

/** From dossier.v2.schema.json. */
export interface Governance {
  /** Les représentants des aidants sont-ils associés depuis la constitution du CLSM ? */
  carersFromStart?: boolean;
  /** Une convention lie-t-elle la collectivité et la psychiatrie de secteur ? */
  convention?: boolean;
  /** Date de signature de la convention */
  conventionSignedOn?: string;
  /** Présidence du CLSM */
  president?: President;
  /** La psychiatrie publique co-anime-t-elle le CLSM ? */
  psychiatryCoLeads?: boolean;
  /** Les représentants des usagers sont-ils associés depuis la constitution du CLSM ? */
  usersFromStart?: boolean;
}

/** From report.v3.schema.json. */
export interface Indicators {
  /** Articulation avec l'atelier santé ville */
  asv?: "yes" | "no" | "absent";
  /** Articulation avec le contrat de ville */
  cityContract?: "yes" | "no" | "absent";
  /** Articulation avec le contrat local de santé */
  cls?: "yes" | "no" | "absent";
  /** Cellule des situations complexes */
  complexSituationsCell?: boolean;
  /** Situations complexes examinées sur 12 mois */
  complexSituationsHandled?: number;
  /** Temps de coordination (ETP) */
  coordinatorFTE?: number;
  /** Réunions du comité de pilotage sur 12 mois */
  copilMeetings?: number;
  /** Le territoire couvre des quartiers prioritaires */
  coversQPV?: boolean;
  /** Les « quatre quarts » au comité de pilotage */
  fourQuarters: Pillar[];
  /** Financement du temps de coordination */
  funding: Funder[];
  /** Actions et groupes de travail par objectif stratégique */
  objectives: ObjectiveCount[];
  /** Membres du comité de pilotage par secteur */
  partnersBySector: SectorCount[];
  /** Assemblées plénières sur 12 mois */
  plenaryMeetings?: number;
  /** Actions visant spécifiquement un quartier prioritaire */
  qpvActions?: number;
}

/** From dossier.v2.schema.json. */
export interface Member {
  /** Catégorie */
  category: "president" | "elected_officials" | "public_psychiatry" | "user_associations" | "carer_associations" | "people_concerned" | "coordinator" | "ars_delegation" | "liberal_health_professionals" | "social_workers" | "mdph" | "national_education" | "asv_coordinator" | "cls_coordinator" | "designated_by_plenary" | "hospital" | "medico_social" | "social_institutions" | "housing" | "justice" | "police" | "firefighters" | "culture" | "sport" | "departmental_council" | "cpam" | "state_services" | "inhabitants" | "other";
  /** Structure */
  structure?: string;
}

/** From report.v3.schema.json. */
export interface NationalComparison {
  /** Le dossier répond */
  answered: boolean;
  /** Ce que dit le dossier */
  dossier: string;
  /** Chiffre national */
  figure: string;
  /** Élément du dossier */
  item: string;
  /** Source */
  source: string;
  /** Thème */
  topic: string;
  /** Adresse */
  url?: string;
  /** Année de l'enquête */
  year: number;
}

/** From report.v3.schema.json. */
export interface NextStep {
  /** Bloquant pour la demande */
  blocking: boolean;
  /** Nature */
  kind: "act" | "answer";
  /** Niveau */
  level: "required" | "recommended" | "good_practice";
  /** Questions à revoir */
  questions: QuestionRef[];
  /** Règle */
  ruleId: string;
  /** À faire */
  text: string;
  /** Règles que cette étape permet de trancher */
  unlocks: number;
}

/** From report.v3.schema.json. */
export interface ObjectiveCount {
  /** Actions */
  actions?: number;
  /** Objectif */
  objective: "observation" | "promotion" | "access" | "inclusion" | "destigmatisation";
  /** Groupes de travail */
  workingGroups?: number;
}

/** From report.v3.schema.json. */
export interface Pillar {
  /** Pilier */
  pillar: string;
  /** Présent */
  present?: boolean;
}

/** From dossier.v2.schema.json. */
export interface Plenary {
  /** Est-elle présidée par l'élu qui préside le CLSM ? */
  chairedByPresident?: boolean;
  /** Le diagnostic a-t-il été présenté en assemblée plénière ? */
  diagnosticPresented?: boolean;
  /** L'assemblée plénière est-elle constituée ? */
  exists?: boolean;
  /** Dates des assemblées plénières */
  meetings?: string[];
  /** L'assemblée plénière dresse-t-elle le bilan de l'action du CLSM ? */
  reviewsAction?: boolean;
}

/** From dossier.v2.schema.json. */
export interface President {
  /** Fin du mandat */
  mandateUntil?: string;
  /** Qui préside le CLSM ? */
  role?: "mayor" | "groupement_elected" | "delegate_elected" | "not_elected";
  /** Fonction */
  title?: string;
}

/** From report.v3.schema.json. */
export interface QuestionRef {
  /** Chemin dans le dossier */
  path: string;
  /** Question */
  title: string;
}

/** From report.v3.schema.json. */
export interface Readiness {
  /** Dates à corriger */
  calendar?: string;
  /** Réserve */
  caveat?: string;
  /** Règles requises respectées parmi celles renseignées (%) */
  compliance?: number;
  /** Règles requises renseignées (%) */
  confidence: number;
  /** Explication */
  explanation: string;
  /** Libellé */
  label: string;
  /** Niveau */
  level: "ready" | "almost_ready" | "in_progress" | "incomplete";
  /** Référentiel partiel */
  partial: boolean;
  /** Ce qui est attendu à ce stade */
  stageMeaning?: string;
}

/** From referential.v1.schema.json. */
export interface Referential {
  /** Date de la version */
  date?: string;
  /** Référentiel par défaut */
  default?: boolean;
  /** Documents à déposer */
  deliverables?: Deliverable[];
  /** Documents cités */
  documents?: ReferentialDocument[];
  /** Règles du référentiel de départ qui ne sont pas reprises */
  drop?: string[];
  /** Référentiel de départ (identifiant d'un référentiel intégré) */
  extends?: "national" | "hdf" | "idf" | "occitanie";
  /** Identifiant */
  id: string;
  /** Organisme qui l'émet */
  issuer: string;
  /** Nom du référentiel */
  name: string;
  /** Exigences qui ne peuvent pas être vérifiées à partir d'un dossier */
  notCheckable?: Uncheckable[];
  /** Position dans les listes */
  order?: number;
  /** Règles du référentiel de départ remplacées */
  override?: Rule[];
  /** Ce que « prêt à déposer » veut dire, stade par stade */
  readiness?: StageReadiness[];
  /** Régions concernées (codes INSEE) */
  regions?: ("84" | "27" | "53" | "24" | "94" | "44" | "32" | "11" | "28" | "75" | "76" | "52" | "93" | "01" | "02" | "03" | "04" | "06")[];
  /** Début commun des identifiants de règles */
  rulePrefix?: string;
  /** Règles */
  rules?: Rule[];
  /** Version du format du référentiel */
  schemaVersion: 1;
  /** Présentation */
  summary?: string;
  /** Documents de référence qui n'ont pas pu être lus */
  unreadSources?: UnreadSource[];
  /** Version du référentiel */
  version: string;
}

/** From report.v3.schema.json. */
export interface ReferentialInfo {
  /** Identifiant */
  id: string;
  /** Émis par */
  issuer: string;
  /** Nom */
  name: string;
  /** Version */
  version: string;
}

/** From dossier.v2.schema.json. */
export interface RegionalIntegration {
  /** Instances régionales informées de l'action du CLSM */
  reportedTo?: ("coordination_commission" | "cts" | "crsa")[];
}

/** From report.v3.schema.json. */
export interface AssessmentReport {
  /** Scores par axe */
  axes: AxisScore[];
  /** Décompte des règles */
  counts: Counts;
  /** Questions sans réponse qui peuvent changer le verdict */
  decisiveQuestions: QuestionRef[];
  /** CLSM évalué */
  dossier: DossierInfo;
  /** Date d'évaluation */
  evaluatedOn: string;
  /** Résultat de chaque règle */
  findings: Finding[];
  /** Indicateurs de résultats (§12) */
  indicators: Indicators;
  /** Repères nationaux */
  national: NationalComparison[];
  /** Prochaines étapes */
  nextSteps: NextStep[];
  /** Exigences du référentiel qu'aucun dossier ne permet de vérifier */
  notCheckable: number;
  /** Niveau de préparation */
  readiness: Readiness;
  /** Référentiel appliqué */
  referential: ReferentialInfo;
  /** Version du format du rapport */
  schemaVersion: 3;
  /** Avertissements */
  warnings: string[];
}

/** From referential.v1.schema.json. */
export interface Rule {
  /** Si le dispositif est absent du territoire */
  absence?: "not_applicable" | "gap";
  /** Pourquoi cette lecture de l'absence */
  absenceWhy?: string;
  /** Conseil si la règle n'est pas respectée */
  advice: string;
  /** Axe d'évaluation */
  axis?: "governance" | "partnership" | "objective_observation" | "objective_promotion" | "objective_access" | "objective_inclusion" | "objective_destigmatisation" | "complex_situations" | "cls" | "city_policy" | "organisation" | "evaluation";
  /** Fondement */
  basis: "law" | "national_instruction" | "ars_requirement" | "ars_funding_condition" | "recommendation";
  /** Vérification du catalogue */
  check: "answer.any-yes" | "answer.yes" | "articulation" | "bodies.three-levels" | "coordinator.ars-share" | "coordinator.present" | "coordinator.recruitment" | "coordinator.training" | "date.within" | "domain.covered" | "governance.elected-chairs-bodies" | "governance.elected-president" | "list.includes" | "list.min-count" | "meetings.count" | "members.include" | "objective.covered" | "territory.defined" | "theme.addressed";
  /** Identifiant de la règle */
  id: string;
  /** Niveau */
  level: "required" | "recommended" | "good_practice";
  /** Pourquoi ce niveau */
  levelWhy?: string;
  /** Mot qui fixe l'obligation */
  modal?: string;
  /** Paramètres de la vérification */
  params?: Record<string, unknown>;
  /** Texte cité */
  quote?: string;
  /** Exigence, en clair */
  requirement: string;
  /** Section citée */
  section: string;
  /** Document cité (identifiant) */
  source: string;
  /** Stades du CLSM auxquels la règle s'applique */
  stages: ("project" | "constitution" | "active")[];
  /** Conditions d'application */
  when?: Condition[];
}

/** From report.v3.schema.json. */
export interface SectorCount {
  /** Nombre */
  count: number;
  /** Secteur */
  sector: string;
}

/** From referential.v1.schema.json. */
export interface StageReadiness {
  /** Ce qui est attendu à ce stade, en clair */
  meaning: string;
  /** Texte cité */
  quote?: string;
  /** Règles qui doivent toutes être respectées */
  rules: string[];
  /** Section citée */
  section: string;
  /** Document cité (identifiant) */
  source: string;
  /** Stade */
  stage: "project" | "constitution" | "active";
}

/** From dossier.v2.schema.json. */
export interface TechnicalCommittee {
  /** Un comité technique est-il constitué ? */
  exists?: boolean;
  /** Dates des réunions du comité technique */
  meetings?: string[];
}

/** From dossier.v2.schema.json. */
export interface Territory {
  /** Communes couvertes (codes INSEE) */
  communes?: string[];
  /** Le territoire compte-t-il un ou plusieurs quartiers prioritaires de la politique de la ville (QPV) ? */
  coversQPV?: boolean;
  /** Département */
  department?: "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "2A" | "2B" | "21" | "22" | "23" | "24" | "25" | "26" | "27" | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "37" | "38" | "39" | "40" | "41" | "42" | "43" | "44" | "45" | "46" | "47" | "48" | "49" | "50" | "51" | "52" | "53" | "54" | "55" | "56" | "57" | "58" | "59" | "60" | "61" | "62" | "63" | "64" | "65" | "66" | "67" | "68" | "69" | "70" | "71" | "72" | "73" | "74" | "75" | "76" | "77" | "78" | "79" | "80" | "81" | "82" | "83" | "84" | "85" | "86" | "87" | "88" | "89" | "90" | "91" | "92" | "93" | "94" | "95" | "971" | "972" | "973" | "974" | "976";
  /** Intercommunalités couvertes (numéros SIREN) */
  epci?: string[];
  /** Population couverte (habitants) */
  population?: number;
  /** Nombre de secteurs de psychiatrie adulte couverts */
  psychiatricSectors?: number;
  /** Un service de psychiatrie publique intervient-il sur le territoire ? */
  publicPsychiatryNearby?: boolean;
  /** Nombre de QPV couverts */
  qpvCount?: number;
  /** Échelle du territoire */
  scale?: "infra_communal" | "communal" | "intercommunal";
}

/** From referential.v1.schema.json. */
export interface Uncheckable {
  /** Pourquoi elle n'est pas vérifiée */
  reason: string;
  /** Section */
  section: string;
  /** Document (identifiant) */
  source: string;
  /** Exigence */
  text: string;
}

/** From referential.v1.schema.json. */
export interface UnreadSource {
  /** Auteur */
  issuer?: string;
  /** Pourquoi il n'a pas été lu */
  reason: string;
  /** Titre du document */
  title: string;
  /** Adresse */
  url?: string;
}

/** From dossier.v2.schema.json. */
export interface WorkingGroup {
  /** Réunions par an */
  meetingsPerYear?: number;
  /** Nom du groupe */
  name?: string;
  /** Objectifs stratégiques servis */
  objectives?: ("observation" | "promotion" | "access" | "inclusion" | "destigmatisation")[];
  /** Thème */
  theme: "youth" | "children" | "parenthood" | "housing" | "complex_situations" | "precarity" | "suicide_prevention" | "addictions" | "sism" | "protected_adults" | "migrants" | "rehabilitation" | "students" | "qpv" | "other";
  /** Des personnes concernées ou leurs représentants y participent-elles ? */
  usersParticipate?: boolean;
}

/** Every code a problem can carry (clsm.ProblemCodes and labels.ProblemCodes). */
export type ProblemCode =
  | "too_large"
  | "encoding"
  | "syntax"
  | "not_object"
  | "trailing_data"
  | "unknown_field"
  | "duplicate_key"
  | "null"
  | "empty"
  | "type"
  | "number"
  | "wrong_document"
  | "too_many"
  | "required"
  | "eq"
  | "min"
  | "max"
  | "gte"
  | "gt"
  | "lte"
  | "lt"
  | "unique"
  | "enum"
  | "date"
  | "datenever"
  | "version"
  | "not_in_version"
  | "insee"
  | "dept"
  | "siren"
  | "sharesum"
  | "pending"
  | "before_creation"
  | "internal"
  | "error"
  | "unreadable"
  | "duplicate_rule"
  | "duplicate_document"
  | "unknown_document"
  | "unknown_check"
  | "unknown_param"
  | "missing_param"
  | "param_type"
  | "param_value"
  | "condition_path"
  | "condition_value"
  | "unknown_region"
  | "readiness_rule"
  | "duplicate_stage"
  | "rule_prefix"
  | "unknown_base"
  | "base_cycle"
  | "base_rule"
  | "readiness_empty"
  | "absence_decision"
  | "non_binding_source"
  | "missing_speaker"
  | "unquoted_required"
  | "modal_level"
  | "deliverable_id"
  | "deliverable_feed";

/** A problem found in a dossier or a referential: stable code, JSON Pointer, French message. */
export interface Problem {
  code: ProblemCode;
  path: string;
  message: string;
  /** The parameter of the rule the value breaks ("500" for at most 500 characters), when it has one. */
  param?: string;
  /** The offending value when it is a single one (text, number, boolean), at most 60 characters, without control characters. */
  value?: string;
  /** Absent for an error, which is what almost every problem is. */
  severity?: "error" | "warning";
  /** For the too_many problem that ends a capped list: how many problems were left out. */
  omitted?: number;
}

/** The error half of every answer of the API. */
export interface CheckerError {
  /**
   * "invalid_dossier" for a dossier read but with validation problems: it gets them, never a verdict.
   * "different_referentials" for compare given two referentials: their rules cannot be set side by side.
   */
  code?: "invalid_dossier" | "different_referentials";
  message: string;
  problems?: Problem[];
}

/** Every method answers a value or an error, and never throws. */
export type Result<T> = { value: T; error?: undefined } | { value?: undefined; error: CheckerError };

/** A built-in referential, as listed by referentials(). */
export interface ReferentialSummary {
  id: string;
  name: string;
  issuer: string;
  version: string;
  summary: string;
  rules: number;
  /** INSEE codes of the regions it serves; empty for a national one. */
  regions: string[];
  /** The referential used when no region's applies. */
  default: boolean;
  /** Written without some of its reference documents. */
  partial: boolean;
}

/** A question of the questionnaire the form shows. */
export interface Item {
  path: string;
  title: string;
  help?: string;
  widget: "yesno" | "choice" | "multichoice" | "text" | "longtext" | "textlist" | "integer" | "number" | "date" | "date_or_never" | "dates" | "communes" | "sirens" | "list";
  options?: { value: string; label: string }[];
  /** Answers no longer offered but still shown when a dossier holds them (« absent » for the PTSM). */
  keptOptions?: { value: string; label: string }[];
  required?: boolean;
  min?: number;
  max?: number;
  /** The bound itself is refused: the answer must be above min. */
  minExclusive?: boolean;
  /** The bound itself is refused: the answer must be below max. */
  maxExclusive?: boolean;
  maxLength?: number;
  maxItems?: number;
  showIf?: { path: string; in: unknown[] };
  fields?: Item[];
  rules: string[];
}

/** A rule of the referential as the form lists it beside the questions whose rules name it. */
export interface RuleSummary {
  id: string;
  /** The requirement, in French. */
  requirement: string;
  level: Finding["level"];
  /** The level in French: « Requis », « Recommandé », « Bonne pratique ». */
  levelLabel: string;
  /** The stages of the CLSM it applies to. */
  stages: NonNullable<Dossier["stage"]>[];
  /** Where it comes from, as the report cites it. */
  citation: Citation;
}

/** The questionnaire of a referential. */
export interface Questionnaire {
  referential: ReferentialInfo;
  sections: { id: string; title: string; questions: Item[]; rules: string[] }[];
  /** Every rule of the referential, in its order: the IDs the questions' rules name. */
  rules: RuleSummary[];
}

/** One rule whose outcome changed from one report to the other (assess.Change). */
export interface RuleChange {
  ruleId: string;
  level: Finding["level"];
  requirement: string;
  /** Absent for a rule the first report did not have. */
  before?: Finding["outcome"];
  /** Absent for a rule the second report does not have. */
  after?: Finding["outcome"];
}

/** What changed from one report of a CLSM to another against the same referential (assess.Comparison). */
export interface Comparison {
  referential: string;
  before: string;
  after: string;
  readinessBefore: Readiness["level"];
  readinessAfter: Readiness["level"];
  improved: RuleChange[];
  regressed: RuleChange[];
  /** Rules that apply now and did not before. */
  new: RuleChange[];
  /** Rules that applied before and no longer do. */
  dropped: RuleChange[];
  unchanged: number;
}

/**
 * A built-in referential's ID ("idf"), the JSON text of a referential, or a referential as an
 * object, which the API writes in JSON.
 */
export type ReferentialSpec = string | Referential;

/**
 * The API of the form's checker, which load() gives by default. Arguments are JSON strings or
 * objects. The complete checker's API, FullChecker, has three methods more.
 */
export interface Checker {
  version(): Result<{ version: string; go: string; dossierVersion: number; referentialVersion: number; reportVersion: number }>;
  referentials(): Result<ReferentialSummary[]>;
  questionnaire(referential: ReferentialSpec): Result<Questionnaire>;
  validate(dossier: Dossier | string): Result<{ valid: boolean; problems: Problem[] }>;
  /** Writes a dossier of an older format in the current one, every answer kept. */
  upgrade(dossier: Dossier | string): Result<{ dossier: Dossier; from: number; to: number; problems: Problem[] }>;
  /** An invalid dossier gets an error with the code "invalid_dossier" and its problems, never a report. */
  assess(dossier: Dossier | string, referential: ReferentialSpec, date: string): Result<{ report: AssessmentReport; problems: Problem[] }>;
  /**
   * The report written in a format. The form's checker, which load() loads by default, writes
   * HTML only and answers the other formats with an error that names the complete checker,
   * load({ wasm: "checker-full.wasm" }), which writes them all.
   */
  render(dossier: Dossier | string, referential: ReferentialSpec, date: string, format: "html" | "md" | "text" | "json"): Result<string>;
  /**
   * Assesses two dossiers of a CLSM (last year's export and this year's answers), each at its
   * date, and says what changed. Two referentials give the error "different_referentials".
   */
  compare(
    before: Dossier | string, beforeReferential: ReferentialSpec, beforeDate: string,
    after: Dossier | string, afterReferential: ReferentialSpec, afterDate: string,
  ): Result<{ comparison: Comparison; before: Readiness; after: Readiness }>;
  examples(): Result<{ id: string; name: string }[]>;
  example(id: string): Result<Dossier>;
}

/** The files aggregate reads: each file's name and text. */
export type RegionalFiles = { name: string; text: string }[] | { files: { name: string; text: string }[] | Record<string, string> };

/**
 * The API of the complete checker, which load({ wasm: "checker-full.wasm" }) gives: the form's,
 * with the methods the form does not need.
 */
export interface FullChecker extends Checker {
  /** The JSON Schemas of the dossier, the referential and the report. */
  schemas(): Result<{ dossier: object; referential: object; report: object }>;
  /** Assesses many dossiers against one referential at one date: the regional view. */
  aggregate(files: RegionalFiles | string, referential: ReferentialSpec, date: string): Result<RegionalReport>;
  /** The regional report that aggregate answered, written in a format. */
  renderRegional(report: RegionalReport | string, format: "html" | "md" | "text" | "csv" | "json"): Result<string>;
  /** The documents the referential asks the CLSM to file at the dossier's stage. */
  documents(dossier: Dossier | string, referential: ReferentialSpec, date: string): Result<DocumentListing>;
  /**
   * One document to file, written from the dossier: an OpenDocument text as base64, HTML or
   * Markdown as text. baseline: last year's dossier, whose figures the indicator tables show.
   */
  document(dossier: Dossier | string, referential: ReferentialSpec, date: string, id: string, format: "odt" | "html" | "md", baseline?: Dossier | string): Result<FiledDocument>;
}

/** What documents answers: the documents a referential asks for, or a note that says why there are none. */
export interface DocumentListing {
  referential: string;
  stage?: string;
  documents: Deliverable[];
  note?: string;
}

/** What document answers: the file, its name and media type; base64 for odt, text otherwise. */
export interface FiledDocument {
  id: string;
  title: string;
  fileName: string;
  mediaType: string;
  base64?: string;
  text?: string;
}

/**
 * Loads a checker once per page and per file: calls that name the same file get the same object,
 * calls that name another file get another checker. base: the folder of checker.wasm and
 * wasm_exec.js. wasm: the checker's file, relative to base; by default the form's checker
 * (Checker); "checker-full.wasm" is the complete checker (FullChecker). The object has the
 * methods of the checker the file holds, whatever its name.
 */
export function load(options: { base?: string; wasm: "checker-full.wasm" }): Promise<FullChecker>;
export function load(options?: { base?: string; wasm?: string }): Promise<Checker>;

/** The methods of an API, each answering a promise. */
export type InWorker<C> = { [M in keyof C]: C[M] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

/** The API that loadInWorker() gives: the methods of Checker, each answering a promise. */
export type CheckerInWorker = InWorker<Checker>;

/** The API that loadInWorker({ wasm: "checker-full.wasm" }) gives. */
export type FullCheckerInWorker = InWorker<FullChecker>;

/**
 * Loads a checker once per page and per file in a Web Worker (checker-worker.js, beside
 * checker.wasm), so that the page stays usable while it starts and computes; on a page that
 * cannot start the worker, the checker runs in the page behind the same API.
 */
export function loadInWorker(options: { base?: string; wasm: "checker-full.wasm" }): Promise<FullCheckerInWorker>;
export function loadInWorker(options?: { base?: string; wasm?: string }): Promise<CheckerInWorker>;
/** The message, in French, of any error (browsers write theirs in English). */
export function errorMessage(err: unknown): string;

/** The message, in French, of any error (browsers write theirs in English): what the form shows. */
export function errorMessage(err: unknown): string;

/** The events of the <clsm-autoevaluation> element, beside those of every element. */
export interface ClsmAutoevaluationEventMap extends HTMLElementEventMap {
  /** Each new result of the assessment. */
  "clsm-report": CustomEvent<AssessmentReport>;
  /**
   * The answers are to be corrected (an invalid answer, or text typed that is not yet a number or
   * a date): « Dossier à corriger », no verdict; report is then null.
   */
  "clsm-invalid": CustomEvent<{ code: "invalid_dossier"; message: string; problems: Problem[] }>;
  /** The form applies the referential of the dossier's region (the page fixed none). */
  "clsm-referential": CustomEvent<{ id: string; previous: string; message: string }>;
  /** A problem the element reports to its host page, in French. */
  "clsm-error": CustomEvent<{ code: string; message: string }>;
}

/** The <clsm-autoevaluation> element. */
export interface ClsmAutoevaluationElement extends HTMLElement {
  readonly report: AssessmentReport | null;
  /** The dossier as exported: with, under "pending", the text typed that is not yet a value. */
  getDossier(): (Dossier & { pending?: Record<string, string> }) | null;
  setDossier(dossier: Dossier): void;
  reset(): void;
  print(): void;
  /** Kept once the verdict shown is that of the answers given. */
  settled(): Promise<void>;
  addEventListener<K extends keyof ClsmAutoevaluationEventMap>(type: K, listener: (this: ClsmAutoevaluationElement, ev: ClsmAutoevaluationEventMap[K]) => any, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ClsmAutoevaluationEventMap>(type: K, listener: (this: ClsmAutoevaluationElement, ev: ClsmAutoevaluationEventMap[K]) => any, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Counts of CLSM by readiness level. */
export interface LevelCounts {
  ready: number;
  almostReady: number;
  inProgress: number;
  incomplete: number;
}

/** The outcomes of one rule over the assessed CLSM. */
export interface RuleCount {
  ruleId: string;
  level: string;
  requirement: string;
  met: number;
  unmet: number;
  unknown: number;
  notApplicable: number;
}

/** A figure over the CLSM that give it; the figures are absent when none does. */
export interface Spread {
  answered: number;
  min?: number;
  q1?: number;
  median?: number;
  q3?: number;
  max?: number;
}

/** The regional report: many dossiers against one referential at one date (assess.RegionalReport). */
export interface RegionalReport {
  schemaVersion: 1;
  referential: ReferentialInfo;
  evaluatedOn: string;
  /** The referential is partial: its best level reads « Prêt au regard des règles connues » everywhere. */
  partial: boolean;
  /** Every file given; assessed: those with a report. */
  files: number;
  assessed: number;
  levels: LevelCounts;
  stages: { stage: string; label: string; count: number }[];
  regions: { code: string; label: string; levels: LevelCounts }[];
  departments: { code: string; label: string; levels: LevelCounts }[];
  rules: RuleCount[];
  topGaps: RuleCount[];
  coordinatorFTE: Spread;
  /** Each funder's share, spread over the CLSM it funds (involved) among the fundingDetailed that detail their funding. */
  funding: { kind: string; label: string; involved: number; share: Spread }[];
  fundingDetailed: number;
  clsm: {
    file: string;
    name: string;
    level: "ready" | "almost_ready" | "in_progress" | "incomplete";
    label: string;
    stage?: string;
    department?: string;
    region?: string;
    compliance?: number;
    confidence: number;
    requiredUnmet: number;
    mainGaps: string[];
    coordinatorFTE?: number;
  }[];
  /** The files without a report, never dropped, with their problems in French. */
  invalid: { file: string; name?: string; problems: Problem[] }[];
  /**
   * The files that repeat another (absent when none does): a byte-for-byte copy is counted once;
   * a CLSM of the same name and communes is counted (counted: true) and pointed out.
   */
  duplicates?: { file: string; of: string; same: "content" | "name_and_communes"; counted: boolean }[];
  warnings: string[];
  /** Why this referential was applied, when the dossiers' region chose it (aggregate with "auto"). */
  referentialChoice?: string;
  evolution?: unknown;
}

/**
 * The regional methods of the WebAssembly API (package wasm), as the <clsm-region> element calls
 * them in its worker (checker-worker.js) on globalThis.clsmChecker: string arguments, a JSON envelope answered.
 */
export interface RegionalMethods {
  /**
   * files: {"files": {name: text}}, {"files": [{name, text}]} or [{name, text}], as JSON.
   * referential "auto": that of the region the dossiers share, else the national socle (the report
   * says why, in referentialChoice).
   */
  aggregate(files: string, referential: ReferentialSpec | "auto", date: string): string;
  /** report: what aggregate answered, as JSON. */
  renderRegional(report: string, format: "html" | "md" | "text" | "csv" | "json"): string;
  /**
   * The regional report one file at a time, never more than one held (what the element does):
   * regionStart answers {session}; with "auto", every file is given to regionNote first, for the
   * dossiers' region to choose the referential; regionAdd assesses one file and answers {files};
   * regionReport answers what aggregate would and ends the session; regionCancel ends it.
   * Sessions are numbers written as strings; at most four are under way, the oldest ended first.
   */
  regionStart(referential: ReferentialSpec | "auto", date: string): string;
  regionNote(session: string, text: string): string;
  regionAdd(session: string, name: string, text: string): string;
  regionReport(session: string): string;
  regionCancel(session: string): string;
}

/** The <clsm-region> element: the regional view for an ARS. */
export interface ClsmRegionElement extends HTMLElement {
  readonly report: RegionalReport | null;
  /** Durations of the last summary, in milliseconds, and the worker's WebAssembly memory in bytes. */
  readonly timings: { read: number; worker: number; evaluation: number; total: number; wasmMemory: number } | null;
  /** Evaluates files given by the page. */
  evaluate(files: Iterable<File | { name: string; text: string }>): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    "clsm-autoevaluation": ClsmAutoevaluationElement;
    "clsm-region": ClsmRegionElement;
  }
  interface HTMLElementEventMap {
    "clsm-region-report": CustomEvent<RegionalReport>;
    "clsm-region-ready": Event;
  }
}
