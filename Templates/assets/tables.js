/* Narrow screens: a data table wider than its box becomes one card per row (CSS `table.stacked`), each cell
   after its column's heading (data-label), so no amount hides in a sideways scroll. Tables that fit stay tables;
   without scripts a wide table scrolls inside its labelled box. */
(function () {
  "use strict";
  var NARROW = window.matchMedia ? window.matchMedia("(max-width: 30rem)") : null;
  function label(table) {
    var heads = table.querySelectorAll("thead th");
    if (!heads.length) return false;
    table.querySelectorAll("tbody tr, tfoot tr").forEach(function (tr) {
      var col = 0;
      Array.prototype.forEach.call(tr.children, function (cell) {
        if (!cell.hasAttribute("data-label") && heads[col]) cell.setAttribute("data-label", heads[col].textContent);
        col += cell.colSpan || 1;
      });
    });
    return true;
  }
  function update() {
    document.querySelectorAll(".table-scroll > table").forEach(function (table) {
      table.classList.remove("stacked");
      if (!NARROW || !NARROW.matches) return;
      if (table.offsetWidth > table.parentNode.clientWidth + 1 && label(table)) table.classList.add("stacked");
    });
  }
  function init() {
    update();
    if (NARROW && NARROW.addEventListener) NARROW.addEventListener("change", update);
    /* tables written later (the calculator's claim lines) */
    var later = document.getElementById("calc-result");
    if (later && window.MutationObserver) new MutationObserver(update).observe(later, { childList: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
