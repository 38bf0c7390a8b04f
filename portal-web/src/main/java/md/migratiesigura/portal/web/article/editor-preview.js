/*
 * Live preview for the article editor: shortly after typing stops, the Markdown is sent to /admin/preview (same
 * origin, the editor's session) and the sanitized HTML that comes back replaces the preview. Without JavaScript the
 * Preview button does the same through the server. No inline script, no eval.
 */
(function () {
  "use strict";
  function setUp(area) {
    var target = document.getElementById(area.getAttribute("data-preview-target"));
    var url = area.getAttribute("data-preview-url");
    if (!target || !url || !window.fetch) {
      return;
    }
    var timer = null;
    var sent = null;
    area.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var text = area.value;
        if (text === sent) {
          return;
        }
        sent = text;
        window.fetch(url, {
          method: "POST",
          credentials: "same-origin",
          body: new URLSearchParams({body: text})
        }).then(function (response) {
          return response.ok ? response.text() : null;
        }).then(function (html) {
          // The answer is the portal's own sanitized rendering, the same HTML the public page shows.
          if (html !== null && area.value === text) {
            target.innerHTML = "<div>" + html + "</div>";
            target.hidden = false;
          }
        }).catch(function () {
          // Offline or signed out: the Preview button still works.
        });
      }, 400);
    });
  }
  var areas = document.querySelectorAll("textarea[data-preview-url]");
  for (var i = 0; i < areas.length; i++) {
    setUp(areas[i]);
  }
})();
