// Question review: light up a question's evidence sentence in the article while the
// question is hovered or has keyboard focus.
(function () {
  "use strict";

  function light(card, on) {
    const id = card.dataset.question;
    document.querySelectorAll(".ev-q" + id).forEach(function (span) {
      span.classList.toggle("lit", on);
      if (on && span === document.querySelector(".ev-q" + id)) {
        span.scrollIntoView({ block: "nearest", behavior: "smooth" });
      }
    });
  }

  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      const card = event.target.closest && event.target.closest("[data-question]");
      if (card) light(card, true);
    });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      const card = event.target.closest && event.target.closest("[data-question]");
      if (card && !card.contains(event.relatedTarget)) light(card, false);
    });
  });
})();
