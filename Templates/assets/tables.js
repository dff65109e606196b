/* Phones: a data table wider than its box is stacked (CSS table.stacked), one card per row, each cell after its
   column's heading (data-label): no amount hides in a sideways scroll. Tables that fit stay tables; without
   scripts a wide table scrolls in its box. Columns from data-detail-from on (a fee table's RVUs and sources)
   stay behind a "Show …" button while stacked. */
(function () {
  "use strict";
  var NARROW = window.matchMedia ? window.matchMedia("(max-width: 30rem)") : null;
  function label(table) {
    var heads = table.querySelectorAll("thead th");
    table.querySelectorAll("tbody tr, tfoot tr").forEach(function (tr) {
      var col = 0;
      Array.prototype.forEach.call(tr.children, function (c) {
        if (!c.hasAttribute("data-label") && heads[col]) c.setAttribute("data-label", heads[col].textContent);
        col += c.colSpan || 1;
      });
    });
    return heads.length > 0;
  }
  function toggle(table) {
    var b = table.parentNode.previousElementSibling;
    return b && b.classList.contains("detail-toggle") ? b : null;
  }
  function detail(table) {
    var from = parseInt(table.getAttribute("data-detail-from") || "", 10), what = table.getAttribute("data-detail-label");
    if (!(from > 0) || toggle(table)) return;
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (c, i) { if (i >= from) c.classList.add("detail"); });
    });
    var b = document.createElement("button");
    b.type = "button";
    b.className = "detail-toggle";
    b.setAttribute("aria-expanded", "false");
    b.textContent = "Show " + what;
    b.addEventListener("click", function () {
      var open = table.classList.toggle("show-detail");
      b.setAttribute("aria-expanded", open ? "true" : "false");
      b.textContent = (open ? "Hide " : "Show ") + what;
    });
    table.parentNode.parentNode.insertBefore(b, table.parentNode);
  }
  function update() {
    document.querySelectorAll(".table-scroll > table").forEach(function (t) {
      t.classList.remove("stacked");
      var stack = NARROW && NARROW.matches && t.offsetWidth > t.parentNode.clientWidth + 1 && label(t);
      if (stack) { t.classList.add("stacked"); detail(t); }
      if (toggle(t)) toggle(t).hidden = !stack;
    });
  }
  function init() {
    update();
    if (NARROW && NARROW.addEventListener) NARROW.addEventListener("change", update);
    var later = document.getElementById("calc-result"); /* the calculator's claim lines */
    if (later && window.MutationObserver) new MutationObserver(update).observe(later, { childList: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
