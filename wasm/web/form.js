// @ts-check
// Formulaire d'auto-évaluation d'un CLSM, construit à partir du questionnaire que renvoie le
// vérificateur. Tout reste dans le navigateur : les réponses sont enregistrées dans le
// stockage local et ne sont jamais envoyées.
//
// This module is the shell: it holds the form's state (ClsmForm) and wires
// the modules of form/, each of which has one job; it keeps the public API
// (the methods the element, the standalone page and the host pages call).

import { attach, idle, settled } from "./form/checker.js";
import { reset } from "./form/dialogs.js";
import { getDossier, setDossier } from "./form/files.js";
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
   * Une promesse tenue quand le formulaire n'attend plus rien du vérificateur : le résultat
   * affiché est celui des réponses actuelles (pour la page hôte et les tests).
   */
  settled() {
    return settled(this);
  }

  /** Le dossier tel qu'il est enregistré et exporté. */
  getDossier() {
    return getDossier(this);
  }

  /** Remplace le dossier du formulaire par celui donné (une copie que le formulaire garde). */
  setDossier(dossier, how = "set") {
    return setDossier(this, dossier, how);
  }

  /** Utilise un référentiel personnalisé (son JSON) ; promesse de son erreur, ou de null. */
  setCustomReferential(json) {
    return setCustomReferential(this, json);
  }

  /** Le référentiel utilisé : { id, name, savedCopy }. */
  referentialInUse() {
    return referentialInUse(this);
  }

  /** Imprime le rapport des réponses actuelles. */
  print() {
    return print(this);
  }

  /** Repart d'un dossier vide. */
  reset() {
    return reset(this);
  }

  /** Amène à l'écran la question d'un nœud et lui donne le focus. */
  focusQuestion(node) {
    return focusQuestion(this, node);
  }
}
