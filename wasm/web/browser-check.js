// @ts-check
// The check of the standalone page for browsers that cannot run the form. A
// classic script in the syntax of the oldest browsers (no module, no arrow
// function, no let): it runs where the form's ES modules cannot, and says in
// French why no verdict will come, instead of a page whose bar waits for the
// checker for ever. Two cases:
//
//   - the browser has no ES modules (older than Firefox 60, Chrome 61,
//     Safari 11, or Internet Explorer): app.js never runs;
//   - app.js, or a module it imports, cannot be loaded (the "error" event of
//     its script element) or read (a syntax the browser does not know, such
//     as the top-level await of app.js before Firefox 89, Chrome 89 or
//     Safari 15: an uncaught error before the form exists).
//
// The prerendered questions stay: they can be read and printed. Once the form
// has started (app.js sets globalThis.clsmForm), this script says nothing:
// app.js reports its own failures.
(function () {
  "use strict";
  var versions = "Firefox 102 ou plus récent (versions ESR comprises), Chrome ou Edge 97 ou plus récent, Safari 16 ou plus récent";
  var messages = {
    old: "Ce navigateur est trop ancien pour ce formulaire\u00a0: les questions restent lisibles, mais aucun verdict ne peut être calculé. Ouvrez cette page dans " + versions + ".",
    failed: "Le formulaire n'a pas pu démarrer\u00a0: une partie de ses fichiers n'a pas pu être chargée, ou n'est pas comprise par ce navigateur. Les questions restent lisibles, mais aucun verdict ne peut être calculé. Rechargez la page\u00a0; si ce message revient, ouvrez-la dans " + versions + "."
  };
  var shown = false;

  function started() {
    return !!(/** @type {any} */ (window)).clsmForm || document.documentElement.getAttribute("data-clsm-ready") === "true";
  }

  function show(kind) {
    if (shown || started()) return;
    shown = true;
    var p = document.createElement("p");
    p.id = "clsm-navigateur";
    p.className = "fr-alert fr-alert--error";
    p.setAttribute("role", "alert");
    p.setAttribute("data-reason", kind);
    p.appendChild(document.createTextNode(messages[kind]));
    var app = document.getElementById("app") || document.body;
    app.insertBefore(p, app.firstChild);
    var bars = document.querySelectorAll(".clsm-bar-body");
    for (var i = 0; i < bars.length; i++) bars[i].textContent = "Verdict indisponible dans ce navigateur\u00a0: voir le message en tête du formulaire.";
  }

  if (!("noModule" in document.createElement("script"))) {
    show("old");
    return;
  }
  var app = document.querySelector('script[type="module"]');
  if (app) app.addEventListener("error", function () { show("failed"); });
  window.addEventListener("error", function () { show("failed"); });
})();
