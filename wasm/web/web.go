// Package web holds the files of the self-assessment form: the page, the ES
// modules (clsm.js, the API; form.js, the form; app.js, the standalone page)
// and the standalone stylesheet.
package web

import "embed"

// Files are the form's files, at the root of the FS.
//
//go:embed *.html *.js *.css *.d.ts form/*.js form/widgets/*.js
var Files embed.FS
