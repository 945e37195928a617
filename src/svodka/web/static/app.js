// Svodka: the little JavaScript the pages use. Everything works without it; this only adds comfort.
(function () {
  "use strict";

  // The list page: poll /api/status and say when new material has arrived (reload if auto-refresh is on).
  function poll(body) {
    var url = body.getAttribute("data-poll");
    var known = body.getAttribute("data-articles") + "|" + body.getAttribute("data-newest");
    var notice = document.getElementById("updated");
    var auto = document.querySelector(".toggle-on") !== null;
    function check() {
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) {
          if (!s) return;
          var now = s.articles + "|" + (s.newest || "");
          if (now !== known) {
            if (auto) { window.location.reload(); return; }
            if (notice) notice.hidden = false;
          }
        })
        .catch(function () { /* offline or restarting: try again next time */ });
    }
    window.setInterval(check, 15000);
  }

  // The story page: a click on a difference's arrow flashes the span it points to in its column.
  function flashTargets() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a.jump") : null;
      if (!link) return;
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      event.preventDefault();
      target.scrollIntoView({ behavior: "smooth", block: "center" });
      target.classList.remove("flash");
      void target.offsetWidth;
      target.classList.add("flash");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (document.body.hasAttribute("data-poll") && window.fetch) poll(document.body);
    flashTargets();
  });
})();
