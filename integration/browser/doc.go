// Package browser holds the browser tests of the form, the embeddable
// elements, the regional page and the printed report: the static site is
// built as wasm/serve builds it and driven in headless Chromium through the
// DevTools protocol (chromedp), with axe-core for the accessibility audits.
// It lives in the nested integration module so that a module importing
// go-clsm does not inherit chromedp in its module graph.
//
// The tests skip when Chromium is missing, unless CLSM_REQUIRE_BROWSER=1,
// which CI sets: a skipped browser test is a failure there.
package browser
