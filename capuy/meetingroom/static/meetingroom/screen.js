// The hall's big screen, drawn from the server-sent events stream. Text is set with
// textContent only (never HTML). EventSource reconnects by itself and sends Last-Event-ID;
// the server then sends the whole room again if anything changed meanwhile.
(function () {
  "use strict";
  var root = document.getElementById("screen");
  if (!root) { return; }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function pct(value) {
    if (value === null || value === undefined) { return "—"; }
    return value.toFixed(2).replace(".", ",") + "%";
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function table(head, rows) {
    var t = el("table", "result");
    var tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", null, h)); });
    var thead = el("thead"); thead.appendChild(tr); t.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (cells) {
      var r = el("tr");
      cells.forEach(function (c) { r.appendChild(el("td", null, c)); });
      tbody.appendChild(r);
    });
    t.appendChild(tbody);
    return t;
  }
  function drawPoll(poll) {
    var box = document.getElementById("s-poll");
    clear(box);
    if (!poll) { return; }
    box.appendChild(el("h2", null, poll.kind_label + ": " + poll.title));
    box.appendChild(el("p", "hint", poll.method_label + " · " + poll.state_label));
    if (poll.state === "open") {
      var count = el("p", "count", "Đã biểu quyết: " + poll.voted + "/" + poll.electorate);
      count.id = "s-count";
      box.appendChild(count);
      return;
    }
    if (poll.state !== "closed") { return; }
    var r = poll.result;
    if (poll.kind === "election") {
      box.appendChild(table(
        ["Người trong danh sách", "Số phiếu", "% hợp lệ", "% so với " + r.base, "Kết quả"],
        r.candidates.map(function (c) {
          var status = c.status === "elected" ? "Trúng cử" : (c.status === "tie" ? "Bằng phiếu" : "Không trúng cử");
          return [c.name, c.votes, pct(c.pct_valid), pct(c.pct_base), status];
        })));
      box.appendChild(el("p", "hint", "Phiếu thu vào " + r.ballots + " · hợp lệ " + r.valid + " · không hợp lệ " + r.invalid));
    } else {
      box.appendChild(table(["Phương án", "Số phiếu", "% so với " + r.base],
        r.options.map(function (o) { return [o.name, o.count, pct(o.pct_base)]; })));
      var verdict = el("p", "verdict " + (r.passed ? "ok" : "bad"),
        (r.passed ? "THÔNG QUA" : "KHÔNG THÔNG QUA") + " (cần " + r.needed + "/" + r.base + ")");
      verdict.id = "s-verdict";
      box.appendChild(verdict);
    }
    var total = el("p", "count", "Tổng số phiếu: " + (r.voted === null ? r.total : r.voted));
    total.id = "s-total";
    box.appendChild(total);
    box.appendChild(el("p", "seal", "Niêm phong " + poll.seal.slice(0, 16) + "…"));
  }
  function draw(state) {
    document.getElementById("s-title").textContent = state.title;
    document.getElementById("s-item").textContent = state.item
      ? "Nội dung " + state.item.position + ": " + state.item.title : state.state_label;
    var q = state.quorum;
    var quorum = document.getElementById("s-quorum");
    quorum.textContent = "Có mặt " + q.present + "/" + q.members + " (cần " + q.needed + ") — " +
      (q.reached ? "đủ điều kiện" : "chưa đủ điều kiện");
    quorum.className = "quorum " + (q.reached ? "ok" : "bad");
    var sp = document.getElementById("s-speakers");
    clear(sp);
    var waiting = state.speakers.filter(function (s) { return s.state !== "done"; });
    if (waiting.length) {
      var list = el("ol");
      waiting.forEach(function (s) {
        list.appendChild(el("li", s.state, s.name + (s.state === "speaking" ? " — đang phát biểu" : "")));
      });
      sp.appendChild(el("h2", null, "Đăng ký phát biểu"));
      sp.appendChild(list);
    }
    drawPoll(state.poll);
  }
  var conn = document.getElementById("s-conn");
  var source = new EventSource(root.getAttribute("data-events-url"));
  source.addEventListener("state", function (event) {
    draw(JSON.parse(event.data));
    root.setAttribute("data-event-id", event.lastEventId);
    conn.textContent = "";
  });
  source.addEventListener("error", function () { conn.textContent = "Mất kết nối, đang kết nối lại…"; });
})();
