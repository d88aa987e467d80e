// Small behaviours on top of htmx: say plainly when an answer did not reach the server, show
// that a request is under way, and keep keyboard focus sensible after a question card is
// swapped in. Everything here is an enhancement: every page works without it.
(function () {
  "use strict";

  function statusFor(element) {
    const card = element.closest("[data-question-card]") || document;
    return card.querySelector(".save-status");
  }

  function isAnswer(element) {
    return element.matches && element.matches("input[type=radio][name=choice]");
  }

  // The fieldset remembers which answer the server has, so a failed save can put the screen
  // back to it: then choosing the wanted answer again is a real change, and it is retried.
  function rememberSaved(root) {
    root.querySelectorAll("[data-question-card] fieldset").forEach(function (fieldset) {
      const checked = fieldset.querySelector("input[name=choice]:checked");
      fieldset.dataset.saved = checked ? checked.value : "";
    });
  }

  const UNREACHABLE = "Could not reach the server: check your connection, then try again.";
  const SERVER_ERROR = "That did not work on the server's side: reload the page and try again.";

  // Elsewhere (teachers' pages) a failed request is said in the page's messages area.
  function showMessage(text) {
    const messages = document.getElementById("messages");
    if (!messages) return;
    const message = document.createElement("p");
    message.className = "message message-error";
    message.dataset.requestFailed = "";
    message.textContent = text;
    messages.replaceChildren(message);
  }

  // ...and taken away once a request gets through again.
  function clearFailedMessage() {
    const failed = document.querySelector("#messages [data-request-failed]");
    if (failed) failed.remove();
  }

  function showNotSaved(event) {
    const element = event.detail.elt;
    const status = statusFor(element);
    const failed = event.type === "htmx:sendError" ? UNREACHABLE : SERVER_ERROR;
    if (!status) {
      showMessage(failed);
      return;
    }
    status.textContent = isAnswer(element)
      ? "Not saved: check your connection, then choose your answer again."
      : failed;
    status.className = "save-status error";
    const fieldset = isAnswer(element) && element.closest("fieldset");
    if (fieldset) {
      fieldset.querySelectorAll("input[name=choice]").forEach(function (radio) {
        radio.checked = radio.value === fieldset.dataset.saved;
      });
    }
  }

  document.addEventListener("htmx:sendError", showNotSaved);
  document.addEventListener("htmx:responseError", showNotSaved);

  // Requests that can take a moment show Pico's spinner on the button that made them: the
  // button itself, or the submit button of a form (htmx or ordinary).
  function busyButton(event) {
    const element = event.detail.elt;
    if (element.matches("button, a")) return element;
    const trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
    return trigger && trigger.submitter ? trigger.submitter : null;
  }

  function markBusy(button) {
    if (button) button.setAttribute("aria-busy", "true");
  }

  function unmarkBusy(button) {
    if (button) button.removeAttribute("aria-busy");
  }

  document.addEventListener("submit", function (event) {
    if (!event.defaultPrevented) markBusy(event.submitter);
  });

  // Coming back with the Back button shows the page as it was left: not busy any more.
  // An open attempt's page (question, review) restored from the back-forward cache may be
  // out of date: submitted since, or answered in another tab. Ask the server again; it sends a
  // submitted attempt's pages to the result. (Cache-Control: no-store keeps every other cache
  // out; Chromium may still keep such a page in its back-forward cache.)
  window.addEventListener("pageshow", function (event) {
    document.querySelectorAll("[aria-busy=true]").forEach(unmarkBusy);
    if (event.persisted && document.querySelector("[data-attempt-open]")) {
      window.location.reload();
    }
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    const element = event.detail.elt;
    if (isAnswer(element)) {
      const status = statusFor(element);
      if (status) {
        status.textContent = "Saving…";
        status.className = "save-status";
      }
    } else {
      markBusy(busyButton(event));
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    const element = event.detail.elt;
    unmarkBusy(busyButton(event));
    if (event.detail.successful) clearFailedMessage();
    if (isAnswer(element) && event.detail.successful) {
      const fieldset = element.closest("fieldset");
      if (fieldset) fieldset.dataset.saved = element.value;
    }
  });

  // After moving to another question, put focus on its legend so screen readers read the new
  // question and the next Tab goes to its answers. (The swapped-out card is detached by now,
  // so look the new one up in the document.)
  // A confirmation swapped into a roster row takes the focus from the link that asked for it
  // (which is gone): its "Yes" button, which the question describes.
  document.addEventListener("htmx:afterSettle", function (event) {
    const target = event.detail.target;
    const confirm = target && target.querySelector && target.querySelector("[data-confirm]");
    const yes = confirm && confirm.querySelector("button[type=submit]");
    if (yes) yes.focus();
  });

  // A list swapped in whole after an action on one of its items (the quiz page's questions)
  // names the control to focus next, as the one that was pressed is gone: data-focus, an id.
  document.addEventListener("htmx:afterSettle", function () {
    const list = document.querySelector("[data-focus]");
    if (!list) return;
    const next = document.getElementById(list.dataset.focus);
    list.removeAttribute("data-focus");
    if (next) next.focus();
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    if (!event.detail.target || event.detail.target.id !== "question-card") return;
    const card = document.querySelector("[data-question-card]");
    if (!card) return;
    rememberSaved(document);
    const legend = card.querySelector("legend");
    if (legend) {
      legend.setAttribute("tabindex", "-1");
      legend.focus({ preventScroll: true });
    }
    if (card.getBoundingClientRect().top < 0) card.scrollIntoView({ block: "start" });
  });

  // The quiz page's article: beside the question on wide screens (open), a tap away on phones
  // (closed), so the question is on the first screen. Without JavaScript it is simply open.
  // A student who opens (or folds) it on a phone finds it so on every question of the attempt,
  // including pages loaded afresh: the choice is kept in sessionStorage (this tab only).
  function articleRemembered(key) {
    try {
      return window.sessionStorage.getItem(key);
    } catch (error) {
      return null; // storage refused (private mode): simply not remembered
    }
  }

  function articleRemember(key, state) {
    try {
      window.sessionStorage.setItem(key, state);
    } catch (error) {
      // storage refused: the article just starts folded on the next page
    }
  }

  function articleFollowsWidth() {
    const article = document.querySelector("details[data-article]");
    if (!article || !window.matchMedia) return;
    const key = "article-open:" + (article.dataset.article || window.location.pathname);
    const wide = window.matchMedia("(min-width: 960px)");
    function applyWidth(isWide) {
      article.open = isWide || articleRemembered(key) === "open";
    }
    applyWidth(wide.matches);
    article.addEventListener("toggle", function () {
      if (!wide.matches) articleRemember(key, article.open ? "open" : "closed");
    });
    wide.addEventListener("change", function (event) {
      applyWidth(event.matches);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("js");
    rememberSaved(document);
    articleFollowsWidth();
  });

  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-copy]");
    if (!button || !navigator.clipboard) return;
    navigator.clipboard.writeText(button.dataset.copy).then(function () {
      button.textContent = "Copied";
    });
  });
})();
