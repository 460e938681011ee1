// claimmap local app: the only script. A click (or Enter) on a map marker or a
// timeline chip (elements with data-event, drawn by the report's renderers) opens
// that event's page. Nothing is fetched and no text is inserted into the page.
(function () {
  "use strict";
  function open(ev) {
    const target = ev.target instanceof Element ? ev.target.closest("[data-event]") : null;
    if (!target) return;
    ev.preventDefault();
    window.location.assign("/events/" + encodeURIComponent(target.getAttribute("data-event")));
  }
  document.addEventListener("click", open);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Enter") open(ev); });
})();
