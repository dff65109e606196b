/* ctsguide offline search. Works from file:// and at any sub-path: the index is a plain script
   (assets/search-index.js, written by the build) that sets

     window.CTSGUIDE_SEARCH = [
       {"url": "codes/97551/index.html",            // relative to the site root
        "title": "97551 — ...",
        "keywords": "97551 add-on GP GO GN CQ CO",   // codes, modifiers, synonyms (optional)
        "sections": [{"id": "when-it-applies", "heading": "When it applies", "text": "..."}]}  // id "" = top
     ];

   The site root comes from data-root on .site-search (e.g. "../../"). Results are grouped by page, with up
   to two matching sections each. Keyboard: ArrowDown/ArrowUp move between the input and the results,
   Enter opens (in the input: the first result), Escape clears. No request leaves the page. */
(function () {
  "use strict";
  var MAX_PAGES = 8;

  function norm(s) {
    return String(s || "").toLowerCase().replace(/[\u2010-\u2015-]/g, "").replace(/\s+/g, " ");
  }

  function prepare(index) {
    return index.map(function (p) {
      return {
        url: p.url, title: p.title || p.url,
        t: norm(p.title), k: norm(p.keywords),
        sections: (p.sections || []).map(function (s) {
          return { id: s.id || "", heading: s.heading || "", h: norm(s.heading), x: norm(s.text) };
        })
      };
    });
  }

  function search(pages, query) {
    var terms = norm(query).split(" ").filter(function (t) { return t.length > 0; });
    if (!terms.length) return [];
    var hits = [];
    pages.forEach(function (p) {
      var score = 0, secs = [];
      var all = terms.every(function (term) {
        var found = p.t.indexOf(term) >= 0 || p.k.indexOf(term) >= 0;
        for (var i = 0; i < p.sections.length && !found; i++) {
          found = p.sections[i].h.indexOf(term) >= 0 || p.sections[i].x.indexOf(term) >= 0;
        }
        return found;
      });
      if (!all) return;
      terms.forEach(function (term) {
        if (p.t.indexOf(term) >= 0) score += 10;
        if (p.k.indexOf(term) >= 0) score += 8;
      });
      p.sections.forEach(function (s) {
        var sc = 0;
        terms.forEach(function (term) {
          if (s.h.indexOf(term) >= 0) sc += 4;
          if (s.x.indexOf(term) >= 0) sc += 1;
        });
        if (sc > 0) { score += sc; if (s.id) secs.push({ s: s, sc: sc }); }
      });
      secs.sort(function (a, b) { return b.sc - a.sc; });
      hits.push({ page: p, score: score, sections: secs.slice(0, 2).map(function (x) { return x.s; }) });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.page.title.localeCompare(b.page.title); });
    return hits.slice(0, MAX_PAGES);
  }

  function init() {
    var box = document.querySelector(".site-search");
    var input = document.getElementById("search-input");
    var out = document.getElementById("search-results");
    if (!box || !input || !out) return;
    var root = box.getAttribute("data-root") || "";
    var pages = null;

    function links() { return Array.prototype.slice.call(out.querySelectorAll("a[href]")); }

    function link(href, cls, text) {
      var a = document.createElement("a");
      a.href = href;
      var span = document.createElement("span");
      span.className = cls;
      span.textContent = text;
      a.appendChild(span);
      return a;
    }

    function render() {
      if (!pages) pages = prepare(window.CTSGUIDE_SEARCH || []);
      var q = input.value.trim();
      out.textContent = "";
      if (!q) return;
      var hits = search(pages, q);
      var status = document.createElement("p");
      status.textContent = hits.length ? (hits.length === 1 ? "1 page" : hits.length + " pages") : "No results for \u201c" + q + "\u201d";
      out.appendChild(status);
      if (!hits.length) return;
      var ul = document.createElement("ul");
      hits.forEach(function (h) {
        var li = document.createElement("li");
        li.appendChild(link(root + h.page.url, "search-page", h.page.title));
        h.sections.forEach(function (s) {
          var a = link(root + h.page.url + "#" + encodeURIComponent(s.id), "search-section", s.heading);
          li.appendChild(a);
        });
        ul.appendChild(li);
      });
      out.appendChild(ul);
    }

    input.addEventListener("input", render);
    input.addEventListener("keydown", function (e) {
      var ls = links();
      if (e.key === "ArrowDown" && ls.length) { e.preventDefault(); ls[0].focus(); }
      else if (e.key === "Enter" && ls.length) { e.preventDefault(); window.location.href = ls[0].href; }
      else if (e.key === "Escape") { input.value = ""; out.textContent = ""; }
    });
    out.addEventListener("keydown", function (e) {
      var ls = links(), i = ls.indexOf(document.activeElement);
      if (i < 0) return;
      if (e.key === "ArrowDown") { e.preventDefault(); ls[Math.min(i + 1, ls.length - 1)].focus(); }
      else if (e.key === "ArrowUp") { e.preventDefault(); if (i === 0) input.focus(); else ls[i - 1].focus(); }
      else if (e.key === "Escape") { e.preventDefault(); input.focus(); out.textContent = ""; }
    });
    box.addEventListener("focusout", function (e) {
      if (!e.relatedTarget || !box.contains(e.relatedTarget)) {
        window.setTimeout(function () { if (!box.contains(document.activeElement)) out.textContent = ""; }, 150);
      }
    });
    input.addEventListener("focus", function () { if (input.value.trim() && !out.firstChild) render(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
