//go:build !(js && wasm)

package browser_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdpnetwork "github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clsmkit/go-clsm/wasm/site"
)

// The start-up and verdict benchmarks measure the form as a person feels it:
// on a first visit (a fresh origin, an empty cache), as served by
// site.Handler with each content coding, with Chromium's CPU at full speed
// and slowed down four times (a modest laptop or a phone). Every figure is
// the median of coldLoads loads.

const coldLoads = 5

// perfProbe is installed in the page before any of its scripts runs. It
// records, in milliseconds since the navigation started:
//   - __visibleAt: the first frame painted with a text field of the
//     questionnaire in it (a requestAnimationFrame, then a task: after paint);
//     the field then takes the focus, and the page tells the benchmark at
//     once through a binding (__clsmShown, when the benchmark added it);
//   - __typedAt: the first input event of a question, once the benchmark has
//     typed a key in it;
//   - __long: the long tasks (over 50 ms) of the page, as the browser reports them.
const perfProbe = `(() => {
  window.__long = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch (e) { /* no long task API: none counted */ }
  const field = () => [...document.querySelectorAll(".clsm-questions input[type=text]")].find((e) => e.offsetParent !== null && !e.disabled);
  const seen = () => {
    if (window.__visibleAt !== undefined || window.__painting || !field()) return false;
    window.__painting = true;
    requestAnimationFrame(() => setTimeout(() => {
      window.__visibleAt = performance.now();
      field().focus(); // as a person's click would
      if (window.__clsmShown) window.__clsmShown("");
    }, 0));
    return true;
  };
  const watch = new MutationObserver(() => { if (seen()) watch.disconnect(); });
  watch.observe(document, { childList: true, subtree: true });
  document.addEventListener("input", (e) => {
    if (window.__typedAt === undefined && e.target.closest && e.target.closest(".clsm-questions")) window.__typedAt = performance.now();
  }, true);
})()`

// withEncoding makes the server answer as if the browser had sent
// Accept-Encoding: enc. Chromium sends "gzip, deflate, br, zstd" to
// 127.0.0.1; this measures each coding a browser or a proxy may leave.
func withEncoding(h http.Handler, enc string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Set("Accept-Encoding", enc)
		h.ServeHTTP(w, r)
	})
}

// speed is how the benchmarks slow the CPU down: Chromium's throttling rate
// and, with inPage, the checker run in the page rather than in its worker.
// Chromium slows down a page's main thread only ("Operation is only
// supported for pages, not workers"): at 4× with the worker, the checker's
// own work runs at full speed and the figure flatters a slow computer; the
// checker in the page (the form's fallback where no worker can start, here
// by a 404 on checker-worker.js) puts all of it under the throttling, an
// upper bound for a computer four times slower.
type speed struct {
	rate   float64
	inPage bool
}

func (s speed) String() string {
	if s.inPage {
		return fmt.Sprintf("cpu%gx-checker-in-page", s.rate)
	}
	return fmt.Sprintf("cpu%gx", s.rate)
}

var speeds = []speed{{1, false}, {4, false}, {4, true}}

// serve answers h, or, with inPage, h without the checker's worker script.
func (s speed) serve(h http.Handler) http.Handler {
	if !s.inPage {
		return h
	}
	return withoutWorker(h)
}

// withoutWorker answers h, except for the checker's worker script, which is
// not found: the form then runs the checker in the page.
func withoutWorker(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/checker-worker.js") {
			http.NotFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// checkerInPage reports whether the checker's functions are on the page's
// own global object, rather than in a worker.
func checkerInPage(p *page) bool {
	return eval[bool](p, `typeof globalThis.clsmChecker === "object"`)
}

// check fails unless the checker runs where s says: in the page (its
// functions on the page's global object) or in its worker.
func (s speed) check(b *testing.B, p *page) {
	b.Helper()
	require.Equal(b, s.inPage, checkerInPage(p), "the checker in the page")
}

// countingHandler counts the requests and the bytes of the bodies h sends,
// as sent (compressed or not): what the page and its workers fetch.
type countingHandler struct {
	h     http.Handler
	mu    sync.Mutex
	bytes int64
	sent  []sentFile
}

// sentFile is one response: the path asked for and its Content-Encoding.
type sentFile struct{ path, encoding string }

func (c *countingHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	cw := &countingWriter{ResponseWriter: w}
	c.h.ServeHTTP(cw, r)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.bytes += cw.n
	c.sent = append(c.sent, sentFile{r.URL.Path, w.Header().Get("Content-Encoding")})
}

// served answers the bytes sent so far and the responses.
func (c *countingHandler) served() (int64, []sentFile) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes, slices.Clone(c.sent)
}

// checkers answers the coding of each checker (.wasm) sent so far.
func (c *countingHandler) checkers() []string {
	_, sent := c.served()
	var codings []string
	for _, f := range sent {
		if strings.HasSuffix(f.path, ".wasm") {
			codings = append(codings, f.encoding)
		}
	}
	return codings
}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

// startupSample is one cold load of the form.
type startupSample struct {
	Bytes, Visible, Typeable, Checker, Verdict float64
	LongTasks                                  float64 // over 50 ms, after the questions are shown
}

// coldLoad opens the form once on a fresh origin with the CPU slowed down
// rate times, types a key in the first text question as soon as it is shown,
// and waits for the first verdict.
func coldLoad(b *testing.B, browser context.Context, dir, enc string, cpu speed) startupSample {
	b.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	counted := &countingHandler{h: cpu.serve(withEncoding(site.Handler(dir), enc))}
	srv := httptest.NewServer(counted)
	defer srv.Close()
	p := &page{t: b, ctx: ctx, url: srv.URL + "/", server: srv}
	_, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: perfProbe})
	require.NoError(b, err)
	_, err = chromedp.Call(ctx, cdpnetwork.SetCacheDisabled, cdpnetwork.SetCacheDisabledParams{CacheDisabled: true})
	require.NoError(b, err)
	_, err = chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: cpu.rate})
	require.NoError(b, err)
	// The page says when its questions are shown through a binding, an event
	// the browser sends at once: polling with Runtime.evaluate, or p.do and
	// eval (which wait for the form to settle), would wait for the page's
	// other tasks, and so measure the benchmark rather than the page.
	shown := make(chan struct{}, 1)
	require.NoError(b, chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*cdpruntime.EventBindingCalled); ok && e.Name == "__clsmShown" {
			select {
			case shown <- struct{}{}:
			default:
			}
		}
	}))
	_, err = chromedp.Call(ctx, cdpruntime.AddBinding, cdpruntime.AddBindingParams{Name: "__clsmShown"})
	require.NoError(b, err)
	navigated := make(chan error, 1)
	go func() { navigated <- chromedp.Do(ctx, chromedp.Navigate(p.url)) }()
	select {
	case <-shown:
	case <-time.After(time.Minute):
		require.FailNow(b, "no question shown")
	}
	// Type as a person would, at once: a real key event, through the
	// browser's input pipeline, handled when the page's main thread is free.
	require.NoError(b, chromedp.Do(ctx, chromedp.KeyEvent("a")))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`window.__typedAt !== undefined`, chromedp.WithPollingInterval(time.Millisecond)))
	require.NoError(b, err, "the key typed did not reach the question")
	require.NoError(b, <-navigated)
	p.waitReady()
	cpu.check(b, p)
	raw := eval[string](p, `JSON.stringify((() => {
		const long = window.__long.filter(([start, d]) => start + d > window.__visibleAt).length;
		return { Visible: window.__visibleAt, Typeable: window.__typedAt, Checker: globalThis.clsmCheckerAt, Verdict: globalThis.clsmVerdictAt, LongTasks: long };
	})())`)
	var s startupSample
	require.NoError(b, json.Unmarshal([]byte(raw), &s))
	bytes, _ := counted.served()
	s.Bytes = float64(bytes)
	return s
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

// BenchmarkBrowserStartup measures a first visit to the form, in headless
// Chromium on a page served on 127.0.0.1 by site.Handler: for each content
// coding (br, gzip, none) and CPU speed (full, slowed down 4×, see speed), the median
// over coldLoads fresh origins of the bytes transferred (the bodies the
// server sent, to the page and to its worker, as sent), and the milliseconds from the navigation
// to the questions painted, to a key typed in a question and seen by the page,
// to the checker ready, and to the first verdict; and the long tasks (over
// 50 ms) that end after the questions are shown.
func BenchmarkBrowserStartup(b *testing.B) {
	dir := builtSite(b)
	for _, enc := range []string{"br", "gzip", "identity"} {
		for _, cpu := range speeds {
			if cpu.inPage && enc != "br" {
				continue // the coding changes the bytes, not the work: once is enough
			}
			b.Run(fmt.Sprintf("%s/%s", enc, cpu), func(b *testing.B) {
				browser := browserFor(b, 30*time.Minute)
				var samples []startupSample
				for b.Loop() {
					for range coldLoads {
						samples = append(samples, coldLoad(b, browser, dir, enc, cpu))
					}
				}
				pick := func(f func(startupSample) float64) float64 {
					var xs []float64
					for _, s := range samples {
						xs = append(xs, f(s))
					}
					return median(xs)
				}
				b.ReportMetric(pick(func(s startupSample) float64 { return s.Bytes }), "bytes-transferred")
				b.ReportMetric(pick(func(s startupSample) float64 { return s.Visible }), "ms-to-questions")
				b.ReportMetric(pick(func(s startupSample) float64 { return s.Typeable }), "ms-to-typeable")
				b.ReportMetric(pick(func(s startupSample) float64 { return s.Checker }), "ms-to-checker")
				b.ReportMetric(pick(func(s startupSample) float64 { return s.Verdict }), "ms-to-first-verdict")
				b.ReportMetric(pick(func(s startupSample) float64 { return s.LongTasks }), "long-tasks")
				b.ReportMetric(0, "ns/op")
			})
		}
	}
}

// verdictProbe answers, in the page, to the benchmark's key presses: for
// each, the milliseconds from the key event (its timestamp: when the browser
// received it) to the verdict on screen, that is the « clsm-report » event the
// form sends once it has drawn the verdict of the answer (the checker answers
// from a worker, after the change handlers have returned).
const verdictProbe = `(() => {
	const root = document.getElementById("app");
	window.__times = [];
	let pending = null;
	document.addEventListener("keydown", (e) => { pending = { start: e.timeStamp, end: 0, changed: false }; }, true);
	document.addEventListener("change", () => { if (pending) pending.changed = true; }, true);
	root.addEventListener("clsm-report", () => { if (pending && pending.changed) pending.end = performance.now(); });
	window.__collect = () => { if (pending && pending.end) { window.__times.push(pending.end - pending.start); pending = null; return true; } return false; };
	document.getElementById("clsm1-i-complexSituations-ethicalCharter-false").focus(); // the example says « non »
	return true;
})()`

// BenchmarkBrowserVerdict measures the time from an answer to the updated
// verdict on screen, on a full example dossier (Île-de-France, an active
// CLSM), after the first verdict: the median and the 90th percentile over
// 200 answers typed on the keyboard (arrow keys in a yes/no question), and
// the long tasks (over 50 ms) they caused, with the CPU at full speed and
// slowed down 4× (see speed); each figure is the median over coldLoads pages.
func BenchmarkBrowserVerdict(b *testing.B) {
	dir := builtSite(b)
	for _, cpu := range speeds {
		b.Run(cpu.String(), func(b *testing.B) {
			browser := browserFor(b, 30*time.Minute)
			var p50, p90, long []float64
			for b.Loop() {
				for range coldLoads {
					ctx, cancel := chromedp.NewContext(browser)
					srv := httptest.NewServer(cpu.serve(site.Handler(dir)))
					p := &page{t: b, ctx: ctx, url: srv.URL + "/", server: srv}
					_, err := chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: perfProbe})
					require.NoError(b, err)
					p.do(chromedp.Navigate(p.url))
					p.waitReady()
					cpu.check(b, p)
					p.do(chromedp.Click(chromedp.ID("clsm1-show-all")))
					p.choose("#clsm1-ref", "idf")
					p.choose("#clsm1-example", "ile-de-france-montreuil-actif")
					p.do(chromedp.Click(chromedp.ID("clsm1-load-example")))
					eval[bool](p, verdictProbe)
					_, err = chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: cpu.rate})
					require.NoError(b, err)
					longBefore := eval[int](p, `window.__long.length`)
					for i := range 200 {
						key := kb.ArrowLeft // non → oui
						if i%2 == 1 {
							key = kb.ArrowRight // oui → non
						}
						p.do(chromedp.KeyEvent(key))
						_, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.__collect()`, chromedp.WithPollingInterval(time.Millisecond)))
						require.NoError(b, err, "answer %d: no verdict", i)
					}
					times := eval[[]float64](p, `window.__times`)
					require.Len(b, times, 200)
					slices.Sort(times)
					p50, p90 = append(p50, times[100]), append(p90, times[180])
					long = append(long, float64(eval[int](p, `window.__long.length`)-longBefore))
					cancel()
					srv.Close()
				}
			}
			b.ReportMetric(median(p50), "ms-median-per-verdict")
			b.ReportMetric(median(p90), "ms-p90-per-verdict")
			b.ReportMetric(median(long), "long-tasks")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// TestServedCompressedOrPlain: the form works when served by Handler in
// Brotli or gzip, and from the plain static files by a server that knows
// nothing of the siblings and sends the checker with a wrong type (the page
// then compiles it from a buffer).
func TestServedCompressedOrPlain(t *testing.T) {
	dir := builtSite(t)
	plain := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			w.Header().Set("Content-Type", "application/octet-stream")
		}
		http.FileServer(http.Dir(dir)).ServeHTTP(w, r)
	})
	for _, tc := range []struct {
		name     string
		handler  http.Handler
		encoding string // of the checker, as received
	}{
		{"br", withEncoding(site.Handler(dir), "br"), "br"},
		{"gzip", withEncoding(site.Handler(dir), "gzip"), "gzip"},
		{"plain files, wrong type for the checker", plain, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			counted := &countingHandler{h: tc.handler}
			p := pageOn(t, counted, "/")
			p.do(chromedp.Navigate(p.url))
			p.waitReady()
			assert.Equal(t, "À compléter", p.readiness())
			assert.Equal(t, []string{tc.encoding}, counted.checkers(), "the checker, fetched once, in this coding")
			answerReadyInHdF(p)
			assert.Eventually(t, func() bool { return p.readiness() == readyKnown }, 10*time.Second, 50*time.Millisecond)
		})
	}
}

// holdingBack is pageOn for the built site, its form not loaded yet, with
// the files whose path ends in suffix held back by the server until release
// is called (at the latest when the test ends, before its server closes).
func holdingBack(t *testing.T, suffix string) (p *page, release func()) {
	t.Helper()
	held := make(chan struct{})
	var once sync.Once
	h := site.Handler(builtSite(t))
	p = pageOn(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, suffix) {
			<-held
		}
		h.ServeHTTP(w, r)
	}), "/")
	release = func() { once.Do(func() { close(held) }) }
	t.Cleanup(release) // cleanups run last first: before pageOn's closes the server
	return p, release
}

// answerReadyInHdF gives the answers that make a dossier ready in
// Hauts-de-France at the project stage (see TestFillFormAndWatchVerdict),
// the last one typed on the keyboard (carers associated from the start).
func answerReadyInHdF(p *page) {
	p.t.Helper()
	eval[bool](p, `(document.getElementById("clsm1-show-all").getAttribute("aria-pressed") === "true" || document.getElementById("clsm1-show-all").click(), true)`)
	p.choose("#clsm1-ref", "hdf")
	p.choose(q("/stage")+" select", "project")
	p.choose(q("/governance/president/role")+" select", "mayor")
	eval[bool](p, `(document.getElementById("clsm1-i-governance-psychiatryCoLeads-true").click(), document.getElementById("clsm1-i-governance-usersFromStart-true").click(), true)`)
	eval[bool](p, `(document.getElementById("clsm1-i-governance-carersFromStart-unknown").focus(), true)`)
	p.do(chromedp.KeyEvent(kb.ArrowLeft), chromedp.KeyEvent(kb.ArrowLeft))
}

// TestQuestionsBeforeTheChecker: with the checker held back by the server,
// the page shows its questions, takes answers and says it is loading the
// checker; once the checker arrives, the verdict takes the answers into account.
func TestQuestionsBeforeTheChecker(t *testing.T) {
	p, release := holdingBack(t, ".wasm")
	p.do(chromedp.Navigate(p.url))
	_, err := chromedp.Run(p.ctx, chromedp.Poll[bool](`!!document.getElementById("clsm1-i-governance-carersFromStart-unknown")`))
	require.NoError(t, err, "no question before the checker")
	assert.Contains(t, p.text(".clsm-bar-body"), "Chargement du vérificateur", "the verdict panel says what it waits for")
	answerReadyInHdF(p)
	assert.True(t, eval[bool](p, `document.getElementById("clsm1-i-governance-carersFromStart-true").checked`), "an answer typed before the checker is ready")
	assert.Empty(t, eval[string](p, `document.documentElement.dataset.clsmReady || ""`))
	release()
	p.waitReady()
	assert.Equal(t, readyKnown, p.readiness(), "the verdict counts the answer given while the checker was loading")
}

// TestCheckerRunsInAWorker: the form's page starts the checker in a worker
// (the Go runtime and every evaluation off the page's main thread), fetches
// it once, and, where the worker cannot start (its script missing from the
// server), runs it in the page behind the same API, with the same verdicts.
func TestCheckerRunsInAWorker(t *testing.T) {
	dir := builtSite(t)
	for _, tc := range []struct {
		name     string
		noWorker bool
	}{
		{"in a worker", false},
		{"worker script missing: in the page", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			counted := &countingHandler{h: site.Handler(dir)}
			var h http.Handler = counted
			if tc.noWorker {
				h = withoutWorker(counted)
			}
			p := pageOn(t, h, "/")
			p.do(chromedp.Navigate(p.url))
			p.waitReady()
			assert.Equal(t, tc.noWorker, checkerInPage(p), "the checker's functions on the page's own global object")
			assert.Len(t, counted.checkers(), 1, "the checker is fetched once")
			answerReadyInHdF(p)
			assert.Equal(t, readyKnown, p.readiness())
			p.choose(q("/stage")+" select", "active")
			assert.Equal(t, "Presque prêt", p.readiness(), "the verdict follows each answer: an active CLSM has still to answer the composition the law asks and its work with young people")
		})
	}
}
