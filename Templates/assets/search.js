/* The search box: the search itself (assets/search-engine.js) and its index load on first use, so a page
   carries only this. The site root comes from data-root on .site-search. */
(function () {
  "use strict";
  function init() {
    var box = document.querySelector(".site-search");
    var input = document.getElementById("search-input");
    if (!box || !input) return;
    var asked = false;
    function load() {
      if (asked) return;
      asked = true;
      var s = document.createElement("script");
      s.src = (box.getAttribute("data-root") || "") + "assets/search-engine.js";
      document.body.appendChild(s);
    }
    ["focus", "input", "pointerdown"].forEach(function (e) { input.addEventListener(e, load); });
    if (document.activeElement === input || input.value) load();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
