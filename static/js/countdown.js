// The attempt's countdown (templates/quiz/student/_countdown.html). The clock changes every
// second for the eyes only; screen readers are told at 5 minutes left, at 1 minute, and when
// time is up, once each. Counted from the seconds the server gave at page load, so a wrong
// clock on the student's computer changes nothing. At zero the page goes to the attempt's
// result: the server submits the saved answers (it enforces the deadline either way).
(function () {
  "use strict";

  const ALERTS = [
    [5 * 60, "5 minutes left."],
    [60, "1 minute left. Your answers are handed in when the time is up."],
  ];
  const LOW = 60;

  function clockText(seconds) {
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    const rest = String(seconds % 60).padStart(2, "0");
    return hours ? hours + ":" + String(minutes).padStart(2, "0") + ":" + rest : minutes + ":" + rest;
  }

  function start(box) {
    const clock = box.querySelector("[data-countdown-clock]");
    const alert = box.querySelector("[data-countdown-alert]");
    const total = Number(box.dataset.secondsLeft);
    if (!clock || !alert || !Number.isFinite(total)) return;
    const began = performance.now();
    // Thresholds already behind at page load are not announced: the clock says it.
    const pending = ALERTS.filter(function (item) { return item[0] < total; });
    let timer = null;

    function tick() {
      const left = Math.max(0, total - Math.floor((performance.now() - began) / 1000));
      clock.textContent = clockText(left);
      box.classList.toggle("countdown-low", left <= LOW);
      while (pending.length && left <= pending[0][0]) {
        alert.textContent = pending.shift()[1];
      }
      if (left === 0) {
        window.clearInterval(timer);
        alert.textContent = "Time is up: your answers are being handed in.";
        window.setTimeout(function () { window.location.assign(box.dataset.expiredUrl); }, 1500);
      }
    }

    tick();
    timer = window.setInterval(tick, 1000);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-countdown]").forEach(start);
  });
})();
