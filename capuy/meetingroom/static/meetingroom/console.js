// The chair's and secretary's console: one server-sent events stream; ballots counted are
// updated in place, and the live part is reloaded when the room's version changes.
(function () {
  "use strict";
  var root = document.getElementById("console");
  if (!root || !window.EventSource) { return; }
  var liveUrl = root.getAttribute("data-live-url");
  var version = null;
  var source = new EventSource(root.getAttribute("data-events-url"));
  source.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    if (version !== null && state.version !== version && window.htmx) {
      window.htmx.ajax("GET", liveUrl, { target: "#console-live", swap: "innerHTML" });
    }
    version = state.version;
    if (state.poll) {
      var el = document.querySelector('[data-live="voted-' + state.poll.id + '"]');
      if (el) { el.textContent = String(state.poll.voted); }
    }
    var present = document.querySelector('[data-live="present"]');
    if (present) { present.textContent = String(state.quorum.present); }
  });
})();
