// Package clsm is the domain model of a conseil local de santé mentale (CLSM):
// the dossier one CLSM fills in to assess itself, its enumerations with their
// French labels, the territory reference data (department → region → ARS),
// and the strict decoding and validation of a dossier with French messages.
//
// It says what a dossier is and whether it is well formed. Whether a CLSM
// meets a cahier des charges is not its business: see the labels and assess
// packages.
//
// # Unanswered is not "no"
//
// Every question a person may not know the answer to is optional. In JSON an
// absent key means "non renseigné"; null is refused (leave the key out). In Go
// a yes/no answer is a *bool (nil: not answered), a number a *int or *float64,
// an enumeration, a date or a code an empty string, a list a nil slice. A list
// that is present and empty ([] in JSON, a non-nil empty slice in Go) means
// "none": json tags use omitzero so that the difference survives a round trip.
//
// # One source of truth
//
// Each enumeration is declared once (enums.go) with its values and French
// labels, and implements [Enum] through methods go generate writes from that
// declaration. Constraints are the validate struct tags; the
// French label of a field is its title tag and its help text the help tag. The
// validation (go-playground/validator/v10 natively; in the browser build, Go
// code generated from the same tags, which a differential test holds to the
// validator's problems), the JSON Schema in package schema and the form's
// questions all derive from these declarations.
//
// # What the model cannot express
//
// Sentences of the source documents that no dossier field can express, and
// why. « Île-de-France § » is a section of the ARS Île-de-France's « Cahier
// des charges des conseils locaux de santé mentale »; « Hauts-de-France » is
// the ARS Hauts-de-France's article « Pourquoi et comment monter un conseil
// local de santé mentale ? »; « CCOMS 2024 » is the webinar « Le conseil
// local de santé mentale : un outil pour répondre aux enjeux de santé
// mentale » of the centre national de ressources et d'appui aux CLSM (2024):
//
//   - Île-de-France §1: the territory « doit être pertinent pour les acteurs
//     locaux » — a judgement, not a fact a form can hold.
//   - Île-de-France §3.2: the operational objectives « améliorer la lisibilité des
//     ressources locales » and « améliorer les pratiques professionnelles »
//     have no field of their own; actions are described by strategic objective
//     and by §9 domain instead.
//   - Île-de-France §4: « le maire … fixe la composition de son comité de
//     pilotage » — who decided the composition is not recorded, only the
//     composition.
//   - Île-de-France §5: the coordinator « prépare les assemblées plénières et
//     comités de pilotage et assure leur suivi », « établit … les éléments
//     nécessaires à l'évaluation » and « exerce sa mission … dans le cadre d'un
//     pilotage assuré par le maire » — duties of a post, not states of a CLSM.
//   - Île-de-France §8: CLSM « devront s'adapter à l'évolution » of the coordination
//     schemes — not checkable at a date.
//   - Île-de-France §9.2–9.6: the sub-items of each domain (early detection,
//     coordination of emergency actors, housing, employment, leisure…) are
//     not separate fields; an action is tagged with its domain and themes.
//   - Île-de-France §9.7: the « pouvoir d'agir » approach is expressed only through
//     its visible traces (users in working groups, participation actions).
//   - Hauts-de-France: « la volonté partagée de l'élu et des professionnels » and
//     « cultiver le collectif et l'interconnaissance » — conditions of success
//     that no answer can prove.
//   - Hauts-de-France (Lille): several people sharing the coordination (2.5 FTE over
//     three posts) — the dossier holds one coordination time in FTE, which can
//     be their total, not each post.
//   - CCOMS 2024: the determinants of mental health — the diagnostic records
//     that data on « état de santé mentale et ses déterminants » was gathered,
//     not which determinants.
//   - ARS Île-de-France's site: the paper copy of the request « co-signée par
//     le maire et l'établissement » and the amounts granted (e.g. 33 000 € a
//     year for three years) — the dossier records the joint request and the
//     shares of the coordinator's time, not amounts.
package clsm
