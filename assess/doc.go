// Package assess evaluates a CLSM dossier against a referential: findings rule
// by rule, scores per axis, readiness, indicators and next steps, and renders
// the report. It also derives the questionnaire the form shows.
//
// Each documented failure has a sentinel error for errors.Is: an invalid
// dossier ([ErrInvalidDossier]), a referential that is not resolved
// ([ErrUnresolvedReferential]), an unknown format ([ErrUnknownFormat]), two
// reports of different referentials ([ErrDifferentReferentials]).
package assess
