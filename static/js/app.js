// Small behaviours on top of htmx: say plainly when an answer did not reach the server, and
// keep keyboard focus sensible after a question card is swapped in.
(function () {
  "use strict";

  function statusFor(element) {
    const card = element.closest("[data-question-card]") || document;
    return card.querySelector(".save-status");
  }

  function showNotSaved(event) {
    const status = statusFor(event.detail.elt);
    if (!status) return;
    status.textContent = "Not saved: check your connection, then choose your answer again.";
    status.className = "save-status error";
  }

  document.addEventListener("htmx:sendError", showNotSaved);
  document.addEventListener("htmx:responseError", showNotSaved);

  document.addEventListener("htmx:beforeRequest", function (event) {
    const status = statusFor(event.detail.elt);
    if (status && event.detail.elt.matches("input[type=radio]")) {
      status.textContent = "Saving…";
      status.className = "save-status";
    }
  });

  // After moving to another question, put focus on its legend so screen readers announce it.
  document.addEventListener("htmx:afterSwap", function (event) {
    const card = event.detail.target.closest("[data-question-card]") ||
      event.detail.target.querySelector("[data-question-card]");
    if (!card || card.dataset.focus !== "question") return;
    const legend = card.querySelector("legend");
    if (legend) {
      legend.setAttribute("tabindex", "-1");
      legend.focus();
    }
  });

  // The answer saves as soon as it is chosen, so the plain-form buttons become navigation.
  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("js");
  });

  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-copy]");
    if (!button || !navigator.clipboard) return;
    navigator.clipboard.writeText(button.dataset.copy).then(function () {
      button.textContent = "Copied";
    });
  });
})();
