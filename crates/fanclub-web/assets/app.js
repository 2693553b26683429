// fanclub's keyboard shortcuts. Loaded as a file (the CSP forbids inline scripts);
// everything works without it.
//   l    open the "log an interaction" form and put the cursor in it
//   /    jump to the search box in the header
//   Esc  close the log form and return to where you were
(function () {
  "use strict";

  function typing(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  var returnTo = null;

  function openLog() {
    var details = document.getElementById("quick-log");
    if (details) {
      returnTo = document.activeElement;
      details.open = true;
    }
    var field = document.getElementById("log-with");
    if (field) {
      field.focus();
      return true;
    }
    return false;
  }

  function closeLog() {
    var details = document.getElementById("quick-log");
    if (!details || !details.open) return false;
    details.open = false;
    // Back to where the member was; when that was nowhere in particular (the page
    // itself), to the form's toggle, so focus never stays inside the closed form.
    var summary = details.querySelector("summary");
    var usable = returnTo && returnTo !== document.body && document.contains(returnTo) &&
      !details.contains(returnTo);
    var target = usable ? returnTo : summary;
    if (target) target.focus();
    returnTo = null;
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      if (closeLog()) event.preventDefault();
      return;
    }
    if (typing(event.target)) return;
    if (event.key === "l" || event.key === "L") {
      if (openLog()) event.preventDefault();
    } else if (event.key === "/") {
      // The search box in the header; a page without it, its own search field.
      var search = document.getElementById("site-search") ||
        document.querySelector("[data-shortcut='/']");
      if (search) {
        event.preventDefault();
        search.focus();
        search.select();
      }
    }
  });

  // Opening the form with the mouse also puts the cursor in its first field.
  var details = document.getElementById("quick-log");
  if (details) {
    details.addEventListener("toggle", function () {
      if (details.open) {
        var field = document.getElementById("log-with");
        if (field && !typing(document.activeElement)) field.focus();
      }
    });
  }
})();
