package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/clsmkit/go-clsm/labels"
)

// tsNames renames the types whose Go name is also the name of a global type
// of the browser (lib.dom.d.ts): a page that imports them would hide the
// DOM's own (Document is the page, Report the Reporting API's).
var tsNames = map[string]string{
	"Document": "ReferentialDocument",
	"Report":   "AssessmentReport",
}

// tsName is the TypeScript name of the schema type named name.
func tsName(name string) string {
	if n, ok := tsNames[name]; ok {
		return n
	}
	return name
}

// TypeScript writes the declarations of the browser API (clsm.d.ts) from the
// generated JSON Schemas, so that the types a web team codes against cannot
// drift from the documents the checker reads and writes.
func TypeScript(schemas map[string][]byte) ([]byte, error) {
	type schema = map[string]any
	defs := map[string]schema{}
	defSource := map[string]string{}
	names := make([]string, 0, len(schemas))
	for name := range schemas {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var s schema
		if err := json.Unmarshal(schemas[name], &s); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		d, _ := s["$defs"].(map[string]any)
		for k, v := range d {
			vs, _ := v.(map[string]any)
			if prev, ok := defs[k]; ok {
				a, _ := json.Marshal(prev)
				b, _ := json.Marshal(vs)
				if string(a) != string(b) {
					return nil, fmt.Errorf("type %s differs between %s and %s", k, defSource[k], name)
				}
				continue
			}
			defs[k], defSource[k] = vs, name
		}
	}
	var typ func(s schema) string
	typ = func(s schema) string {
		if ref, ok := s["$ref"].(string); ok {
			return tsName(strings.TrimPrefix(ref, "#/$defs/"))
		}
		if enum, ok := s["enum"].([]any); ok {
			var parts []string
			for _, e := range enum {
				b, _ := json.Marshal(e)
				parts = append(parts, string(b))
			}
			return strings.Join(parts, " | ")
		}
		if one, ok := s["oneOf"].([]any); ok && s["type"] == "string" {
			// Options as a oneOf of const with a French title.
			var parts []string
			for _, o := range one {
				opt := o.(map[string]any)
				v, ok := opt["const"]
				if !ok {
					// A one-value enum (the dossier's options, see noFabricatedAnswers).
					v = opt["enum"].([]any)[0]
				}
				b, _ := json.Marshal(v)
				parts = append(parts, string(b))
			}
			return strings.Join(parts, " | ")
		}
		if c, ok := s["const"]; ok {
			b, _ := json.Marshal(c)
			return string(b)
		}
		switch s["type"] {
		case "string":
			return "string"
		case "integer", "number":
			return "number"
		case "boolean":
			return "boolean"
		case "array":
			items, _ := s["items"].(map[string]any)
			if items == nil {
				return "unknown[]"
			}
			t := typ(items)
			if strings.Contains(t, "|") {
				t = "(" + t + ")"
			}
			return t + "[]"
		case "object":
			if _, ok := s["properties"]; !ok {
				return "Record<string, unknown>"
			}
		}
		return "unknown"
	}
	var b strings.Builder
	b.WriteString(tsHeader)
	keys := make([]string, 0, len(defs))
	for k := range defs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		d := defs[k]
		required := map[string]bool{}
		if req, ok := d["required"].([]any); ok {
			for _, r := range req {
				required[r.(string)] = true
			}
		}
		fmt.Fprintf(&b, "/** From %s. */\nexport interface %s {\n", defSource[k], tsName(k))
		props, _ := d["properties"].(map[string]any)
		pkeys := make([]string, 0, len(props))
		for pk := range props {
			pkeys = append(pkeys, pk)
		}
		sort.Strings(pkeys)
		for _, pk := range pkeys {
			p, _ := props[pk].(map[string]any)
			if title, ok := p["title"].(string); ok && title != "" {
				fmt.Fprintf(&b, "  /** %s */\n", strings.ReplaceAll(title, "*/", "*\\/"))
			}
			opt := "?"
			if required[pk] {
				opt = ""
			}
			fmt.Fprintf(&b, "  %s%s: %s;\n", pk, opt, typ(p))
		}
		b.WriteString("}\n\n")
	}
	b.WriteString("/** Every code a problem can carry (clsm.ProblemCodes and labels.ProblemCodes). */\nexport type ProblemCode =")
	for _, code := range labels.ProblemCodes() {
		fmt.Fprintf(&b, "\n  | %q", code)
	}
	b.WriteString(";\n\n")
	b.WriteString(tsProblem)
	b.WriteString(tsAPI)
	return []byte(b.String()), nil
}

const tsHeader = `// Déclarations TypeScript de l'API du vérificateur (clsm.js) et de l'élément
// <clsm-autoevaluation> (clsm-element.js). Fichier généré par « go generate ./... » à partir
// des schémas JSON du dossier, du référentiel et du rapport : ne pas le modifier à la main.
//
// TypeScript declarations of the checker's API, generated from the JSON Schemas.

`

const tsProblem = `/** A problem found in a dossier or a referential: stable code, JSON Pointer, French message. */
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
`

const tsAPI = `
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
`
