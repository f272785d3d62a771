// A document of the pack open on a member's device: ask the room's state every 5 s; when the
// office closes the meeting (or the member loses access: 404), the text is removed from the
// page, so a phone left open on a document does not keep it. The office's view is not
// withdrawn (data-withdraw absent). textContent only, never HTML.
(function () {
  "use strict";
  var view = document.getElementById("pack-view");
  if (!view || view.getAttribute("data-withdraw") !== "1") { return; }
  var stateUrl = view.getAttribute("data-state-url");
  var timer = null;
  function withdraw() {
    var body = document.getElementById("pack-body");
    if (body) { body.parentNode.removeChild(body); }
    var notice = document.createElement("p");
    notice.className = "withdrawn";
    notice.textContent = "Tài liệu đã được thu hồi khi hội nghị kết thúc.";
    view.appendChild(notice);
    var form = document.getElementById("comment-form");
    if (form) { form.parentNode.removeChild(form); }
    if (timer) { window.clearInterval(timer); }
  }
  function tick() {
    fetch(stateUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) {
        if (r.status === 404) { withdraw(); return null; }
        return r.ok ? r.json() : null;
      })
      .then(function (data) { if (data && data.state === "closed") { withdraw(); } })
      .catch(function () { /* offline: ask again on the next tick */ });
  }
  timer = window.setInterval(tick, 5000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { tick(); } });
})();
