// @ts-check
// Formulaire d'auto-évaluation d'un CLSM, construit à partir du questionnaire que renvoie le
// vérificateur. Tout reste dans le navigateur : les réponses sont enregistrées dans le
// stockage local et ne sont jamais envoyées.
//
// This module is the shell: it holds the form's state (ClsmForm) and wires
// the modules of form/, each of which has one job; it keeps the public API
// (the methods the element, the standalone page and the host pages call).

import { attach, idle, verdictRequests } from "./form/checker.js";
import { exported, setDossier } from "./form/files.js";
import { build } from "./form/layout.js";
import { getAt } from "./form/paths.js";
import { print } from "./form/print.js";
import { focusQuestion } from "./form/problems.js";
import { defaultRef, referentialInUse, regionReferential, setCustomReferential } from "./form/referential.js";
import { claimKey, restore } from "./form/saving.js";
import { dossierVersion } from "./form/store.js";
import { today } from "./format.js";

export { deleteAt, getAt, setAt } from "./form/paths.js";
export { regionOf, referentialPhrase } from "./form/referential.js";
export { frenchDateText, frenchNumber, frenchReason, isDay, parseFrenchDate, parseNumber, today } from "./format.js";

// How many forms this page has built: each one's element ids start with its own prefix.
let instances = 0;

/**
 * Le formulaire. root : l'élément qui le reçoit ; api : ce que renvoie load() de clsm.js, ou
 * null tant que le vérificateur se charge (il est alors fourni par attach()) ; options.data :
 * le contenu de data.json (référentiels, exemples, questionnaires), qui permet d'afficher les
 * questions avant que le vérificateur soit prêt.
 * options.storageKey : clé du stockage local (deux formulaires d'une page doivent en avoir
 * deux différentes) ; options.referential : référentiel par défaut ; options.date : date
 * d'évaluation imposée ; options.customReferential : JSON d'un référentiel personnalisé ;
 * options.referentialFixed : le référentiel choisi par la page l'emporte sur celui enregistré, et la
 * région du dossier ne le change jamais (sinon, le formulaire passe au référentiel de la région
 * du département du dossier, et le dit).
 */
export class ClsmForm {
  constructor(root, api, options = {}) {
    this.root = root;
    // The state each module owns, declared here (set once built, or by the module named).
    // layout.js: the skeleton's elements and the window listeners it adds.
    this.refSelect = this.refFile = this.dateInput = this.dateError = this.exampleSelect = this.importInput = undefined;
    this.status = this.alert = this.noticeArea = this.dialog = this.errorSummary = this.sections = undefined;
    this.summary = this.printArea = this.bar = this.announcer = undefined;
    this.stepState = this.stepDetails = this.stepBar = this.stepList = this.allToggle = this.prevButton = this.nextButton = undefined;
    this.links = this.carried = this.onHash = this.onBeforePrint = this.onAfterPrint = this.windowListeners = undefined;
    // saving.js: the saved record and what restoring it found.
    this.savedAt = this.savedAtUnknown = this.restoredText = this.pendingAlert = this.storageFailed = this.dateChosen = undefined;
    // questionnaire.js and stepper.js: the questionnaire shown, its build, the step in view.
    this.questionnaire = this.building = this.buildSeq = this.step = this.stepperKey = this.showAll = undefined;
    // checker.js and summary.js: the verdict requests and what the summary drew.
    this.verdicts = verdictRequests(this);
    this.assessed = this.summaryParts = this.findingsBox = this.findingRows = this.announcedKey = this.announceTimer = undefined;
    // referential.js, dialogs.js and rules.js.
    this.refNotice = this.dialogReturn = this.markerStage = undefined;
    // print.js and baseline.js: the printable report, the comparison with last year, and their timers.
    this.printTimer = this.printable = this.printingByButton = undefined;
    this.baseline = this.baselineLost = this.cmp = this.comparisonAsked = this.compareTimer = undefined;
    this.api = null; // given by attach(), below or once loaded
    this.data = options.data || null;
    dossierVersion(this.data);
    this.p = `clsm${++instances}`;
    this.notes = []; // [message, code, actions]: shown once built, told to the host page
    this.storageKey = claimKey(this, options.storageKey || "clsm-autoevaluation");
    this.fixedDate = options.date || "";
    this.dossier = { schemaVersion: dossierVersion() };
    this.raw = {}; // text typed in number fields that is not a number yet: kept, never lost
    this.referential = options.referential || defaultRef(this);
    this.custom = options.customReferential || "";
    this.date = this.fixedDate || today();
    this.report = null;
    this.problems = [];
    this.unchecked = false; // a restored dossier the checker has not read yet
    this.inflight = 0; // calls to the checker not answered and handled yet
    this.waiters = []; // settled() promises to keep
    this.generation = 0; // one more at each change of the answers, referential or date
    this.items = [];
    this.nodeCache = new Map();
    this.refByHand = false; // the person chose the referential: the department does not change it
    restore(this);
    // The host page fixed the referential (referentiel or referentiel-url): it
    // wins over the saved choice, and the dossier's region never changes it.
    this.referentialFixed = !!options.referentialFixed;
    if (options.referentialFixed && options.referential) this.referential = options.referential;
    // A restored dossier is judged by its region's referential, and the form says so once built.
    this.lastDept = getAt(this.dossier, "/territory/department");
    this.pendingSwitch = this.unchecked ? regionReferential(this, false) : null;
    this.firstVerdict = new Promise((resolve) => {
      this.resolveFirstVerdict = resolve;
    });
    build(this, options);
    if (api) attach(this, api);
  }

  /**
   * Donne au formulaire le vérificateur, une fois chargé : l'API de loadInWorker() (chaque
   * méthode renvoie une promesse) ou celle de load().
   */
  attach(api) {
    return attach(this, api);
  }

  /** Vrai quand le formulaire n'attend rien du vérificateur : le dernier résultat est affiché. */
  idle() {
    return idle(this);
  }

  /**
   * Remplace le dossier par celui donné, que le formulaire garde ; how : « set » (la page hôte,
   * par défaut), « new » (un autre dossier : le référentiel de sa région) ou « reset ».
   */
  setDossier(dossier, how = "set") {
    return setDossier(this, dossier, how);
  }

  /**
   * Une promesse tenue quand le formulaire n'attend plus rien du vérificateur : le résultat
   * affiché est celui des réponses actuelles (pour la page hôte et les tests).
   */
  settled() {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Fait utiliser un référentiel personnalisé, donné par son JSON : une promesse de null s'il
   * est utilisé, ou de son erreur ({ message, problems }) s'il ne l'est pas.
   */
  setCustomReferential(json) {
    return setCustomReferential(this, json);
  }

  /** Le dossier tel qu'il est enregistré et exporté, réponses en attente comprises (une copie). */
  getDossier() {
    return JSON.parse(JSON.stringify(exported(this)));
  }

  /** Fait écrire le rapport imprimable des réponses actuelles par le vérificateur, puis ouvre l'impression. */
  print() {
    return print(this);
  }

  /** Efface les réponses (sans demander : la page hôte l'a décidé) et repart d'un dossier vide. */
  reset() {
    setDossier(this, { schemaVersion: dossierVersion() }, "reset");
    this.status.textContent = "Réponses effacées.";
  }

  /** Le référentiel utilisé : { id, name, savedCopy } (savedCopy : un référentiel personnalisé relu). */
  referentialInUse() {
    return referentialInUse(this);
  }

  /**
   * Amène à l'écran la question d'un nœud (son étape, la question dont elle dépend si elle est
   * cachée) et lui donne le focus.
   */
  focusQuestion(node) {
    focusQuestion(this, node);
  }
}
