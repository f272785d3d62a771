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
