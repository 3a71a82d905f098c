// Mandate Tracker: the little script the pages need. No inline scripts (the CSP forbids them).
(function () {
  "use strict";

  // Vega-Lite charts: specs sit in data-vega-spec; Vega runs its expressions through its
  // interpreter (ast mode), so the page needs no eval.
  function renderCharts(root) {
    if (typeof window.vegaEmbed !== "function") return;
    root.querySelectorAll("[data-vega-spec]").forEach(function (el) {
      if (el.dataset.rendered) return;
      el.dataset.rendered = "1";
      var spec = JSON.parse(el.dataset.vegaSpec);
      window.vegaEmbed(el, spec, {
        actions: false,
        ast: true,
        expr: window.vega.expressionInterpreter,
        renderer: "svg",
      }).catch(function (err) {
        el.textContent = "The chart could not be drawn: " + err.message;
      });
    });
  }

  // Reader: mark the provision whose panel is open.
  function selectProvision(target) {
    var provision = target.closest(".provision");
    if (!provision) return;
    document.querySelectorAll(".provision.selected").forEach(function (el) {
      el.classList.remove("selected");
    });
    provision.classList.add("selected");
  }

  // A highlighted fact opens the panel of its paragraph or item (one handler for them all,
  // rather than an hx-get on each of hundreds of highlights).
  function openPanel(mark) {
    var provision = mark.closest(".provision");
    var article = mark.closest("[data-symbol]");
    if (!provision || !article || typeof window.htmx === "undefined") return;
    var query = "symbol=" + encodeURIComponent(article.dataset.symbol) +
      "&anchor=" + encodeURIComponent(provision.id);
    window.htmx.ajax("GET", "/reader/panel?" + query, { target: "#panel" });
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var mark = target.closest("mark.fact[role=button]");
    if (mark) openPanel(mark);
    if (target.closest(".fact, .show-obligations")) selectProvision(target);
  });

  // Highlights are focusable (tabindex=0, role=button): Enter or Space acts like a click.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !target.matches("mark.fact[role=button]")) return;
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      target.click();
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.target;
    renderCharts(target);
    if (target instanceof Element && target.id === "panel") {
      // On a phone the panel becomes a bottom sheet; move the focus into it either way.
      target.classList.add("open");
      var heading = target.querySelector("h2");
      if (heading) heading.focus({ preventScroll: true });
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest(".panel-close")) {
      var panel = document.getElementById("panel");
      if (panel) panel.classList.remove("open");
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    renderCharts(document);
  });
})();
