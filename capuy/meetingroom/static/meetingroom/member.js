// The member's phone: poll the room's version every 3 s (cheap, pins no server thread) and
// reload the live part of the page when it changes (a vote opened or closed, the agenda
// moved). A phone that was offline simply gets the current page part on its next poll.
(function () {
  "use strict";
  var room = document.getElementById("room");
  if (!room) { return; }
  var version = room.getAttribute("data-version");
  var stateUrl = room.getAttribute("data-state-url");
  var liveUrl = room.getAttribute("data-live-url");
  var busy = false;
  function refresh() {
    if (window.htmx) {
      window.htmx.ajax("GET", liveUrl, { target: "#member-live", swap: "innerHTML" });
    } else {
      window.location.reload();
    }
  }
  // closing the meeting withdraws the pack: the list of documents leaves the member's page
  function withdrawPack() {
    var list = document.getElementById("pack-list");
    if (!list || room.getAttribute("data-office") === "1") { return; }
    var notice = document.createElement("p");
    notice.className = "hint";
    notice.textContent = "Tài liệu đã được thu hồi khi hội nghị kết thúc.";
    list.parentNode.replaceChild(notice, list);
  }
  function tick() {
    if (busy || document.hidden) { return; }
    busy = true;
    fetch(stateUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (data && data.state === "closed") { withdrawPack(); }
        if (data && String(data.version) !== String(version)) {
          version = data.version;
          refresh();
        }
      })
      .catch(function () { /* offline: try again on the next tick */ })
      .then(function () { busy = false; });
  }
  // a random start spreads 300 phones over the interval instead of all at once
  window.setTimeout(function () { tick(); window.setInterval(tick, 3000); }, Math.random() * 3000);
  document.addEventListener("visibilitychange", tick);
})();
