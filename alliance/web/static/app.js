// Alliance: a little progressive enhancement. Every form works without this file.
"use strict";

(function () {
  // The mood check-in: once a quadrant is chosen, show only the words of that quadrant.
  function enhanceCheckin(form) {
    const quadrants = form.querySelectorAll('input[name="quadrant"]');
    const groups = form.querySelectorAll("fieldset[data-quadrant]");
    const hint = form.querySelector("[data-choose-first]");
    function update() {
      const chosen = form.querySelector('input[name="quadrant"]:checked');
      groups.forEach(function (group) {
        const show = chosen !== null && group.dataset.quadrant === chosen.value;
        group.hidden = !show;
        group.querySelectorAll("input").forEach(function (input) {
          input.disabled = !show;
        });
      });
      if (hint) {
        hint.hidden = chosen !== null;
      }
    }
    quadrants.forEach(function (input) {
      input.addEventListener("change", update);
    });
    update();
  }

  // Sliders: show the value beside each one, and say it as "7 of 10" to screen readers.
  function enhanceSlider(input) {
    const output = document.querySelector('[data-slider-value="' + input.id + '"]');
    function update() {
      if (output) {
        output.textContent = input.value;
      }
      input.setAttribute("aria-valuetext", input.value + " of " + input.max);
    }
    input.addEventListener("input", update);
    update();
  }

  // Writing is using the app: while someone types, tell the server now and then (at most once
  // a minute), so that the idle lock does not close the vault in the middle of an entry.
  let lastPing = 0;
  function keepOpenWhileWriting(event) {
    if (!(event.target instanceof HTMLTextAreaElement)) {
      return;
    }
    const now = Date.now();
    if (now - lastPing < 60000) {
      return;
    }
    lastPing = now;
    fetch("/api/v1/session", { credentials: "same-origin", cache: "no-store" }).catch(function () {});
  }

  document.addEventListener("input", keepOpenWhileWriting);
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-checkin]").forEach(enhanceCheckin);
    document.querySelectorAll("input[data-slider]").forEach(enhanceSlider);
  });
})();
