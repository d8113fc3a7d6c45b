// Package firefox runs the Firefox smoke suite: the form, the embeddable
// elements and the regional page in Debian's Firefox ESR, headless, driven
// over WebDriver BiDi by a Node.js harness (wasm/testdata/firefox, with
// puppeteer-core), against the site as wasm/serve builds it, served on
// 127.0.0.1 with the headers the README asks an ARS's server to send.
//
// The Go test builds the site, serves it, computes with the Go checker the
// verdicts the pages must show, runs the harness with « node --test », and
// reads the PDF Firefox printed. It skips when Firefox ESR, Node.js or
// puppeteer-core is missing, unless CLSM_REQUIRE_BROWSER=1, which CI sets: a
// skipped Firefox run is a failure there.
package firefox
