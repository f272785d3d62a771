// A form sent back with errors: the first field in error gets the focus (and is scrolled into
// view), its input marked aria-invalid and described by its message, so a screen reader reads it.
(function () {
  "use strict";
  function mark(error) {
    var field = error.closest(".field");
    var input = field && field.querySelector("input, select, textarea");
    if (!input) return null;
    input.setAttribute("aria-invalid", "true");
    if (error.id) input.setAttribute("aria-describedby", error.id);
    return input;
  }
  function focusFirstError() {
    var first = null;
    document.querySelectorAll("form .field-error").forEach(function (error) {
      // a placeholder kept hidden for messages a script may show later is not an error
      if (error.hidden || !error.textContent.trim()) return;
      var input = mark(error);
      if (!first) first = input || error;
    });
    if (!first) return;
    if (first.tagName === "P") first.setAttribute("tabindex", "-1");
    first.focus();
    if (first.scrollIntoView) first.scrollIntoView({ block: "center" });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusFirstError);
  } else {
    focusFirstError();
  }
})();

// A long choice list (more than 15 options) gets a search box above it: typing "pho hoa" keeps
// the options whose label holds it, marks and đ folded; the choice itself is still the select's.
(function () {
  "use strict";
  var LONG = 15;
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase();
  }
  function addFilter(select, index) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "select-filter";
    box.id = (select.id || "chon-" + index) + "-loc";
    box.placeholder = "Gõ để lọc danh sách…";
    box.setAttribute("aria-label", "Lọc danh sách " + (select.labels && select.labels[0] ? select.labels[0].textContent.trim() : ""));
    box.setAttribute("aria-controls", select.id || "");
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var wanted = fold(box.value.trim());
      var firstShown = null;
      Array.prototype.forEach.call(select.options, function (option) {
        var show = !wanted || !option.value || fold(option.text).indexOf(wanted) !== -1;
        option.hidden = !show;
        if (show && option.value && !firstShown) firstShown = option;
      });
      if (wanted && firstShown && select.selectedOptions[0] && select.selectedOptions[0].hidden) {
        select.value = firstShown.value;
      }
    });
  }
  function start() {
    document.querySelectorAll("form select:not([multiple])").forEach(function (select, index) {
      if (select.options.length > LONG) addFilter(select, index);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
