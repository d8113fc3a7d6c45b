// Package assess evaluates a CLSM dossier against a referential: findings rule
// by rule, scores per axis, readiness, indicators and next steps, and renders
// the report. It also derives the questionnaire the form shows.
package assess
