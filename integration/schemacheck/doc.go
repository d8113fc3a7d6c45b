// Package schemacheck runs the module's JSON Schemas through an independent
// Go validator (santhosh-tekuri/jsonschema, draft 2020-12) against what the
// Go readers accept and refuse: the example and bad dossiers, the golden
// reports, the built-in and example referentials. It lives in the nested
// integration module so that a module importing go-clsm does not inherit
// the validator in its module graph.
package schemacheck
