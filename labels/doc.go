// Package labels holds the cahiers des charges of the ARS (agences régionales
// de santé) as rules: a catalogue of checks written in Go, and referentials,
// written as data, that select, parameterise and cite them.
package labels
