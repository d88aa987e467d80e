// The admin's Load articles page: loading writes questions, which takes a few seconds, so
// the submit button says so and cannot be pressed twice. Without JavaScript the form works.
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (event.defaultPrevented || !form.matches("form[data-busy-label]")) return;
    const button = event.submitter || form.querySelector("[type=submit]");
    if (!button) return;
    if (button.tagName === "INPUT") button.value = form.dataset.busyLabel;
    else button.textContent = form.dataset.busyLabel;
    button.setAttribute("aria-busy", "true");
    // Disabled after the browser has taken the form's data, so the post still goes out.
    window.setTimeout(function () {
      button.disabled = true;
    }, 0);
  });

  // Back to the page from the back-forward cache: the button is usable again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-busy-label] [aria-busy=true]").forEach(function (b) {
      b.disabled = false;
      b.removeAttribute("aria-busy");
      if (b.tagName === "INPUT") b.value = b.defaultValue;
    });
  });
})();
