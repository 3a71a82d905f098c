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

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest(".fact, .show-obligations")) {
      selectProvision(target);
    }
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
