/*
 * Quick exit: leaves for a neutral site at once and replaces this page in the history, so the Back button does not
 * bring it back. Without JavaScript the link still leaves (the history entry then stays). The Escape key pressed
 * twice quickly does the same from anywhere on the page. Loaded async: it may run before the page is parsed.
 */
(function () {
  "use strict";
  function start() {
    var link = document.getElementById("quick-exit");
    if (!link) {
      return;
    }
    function leave(event) {
      if (event) {
        event.preventDefault();
      }
      document.body.style.display = "none";
      window.location.replace(link.getAttribute("data-quick-exit") || link.href);
    }
    link.addEventListener("click", leave);
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        var now = Date.now();
        if (now - lastEscape < 600) {
          leave(event);
        }
        lastEscape = now;
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
