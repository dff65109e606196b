/* ctsguide offline search (added by search.js on first use of the search box). Works from file:// and at any
   sub-path. Pages load none of the index: this script adds two kinds of plain scripts written by the build (no fetch, so file://
   works):

     assets/search/titles.js  window.CTSGUIDE_SEARCH_TITLES = {"shardSize": 50, "folders": ["codes/", ...],
                                "synonyms": [["video", ["telehealth"]], ...],
                                "pages": [[folder, "97551/index.html", "title", "keywords", shard], ...]}
     assets/search/text-N.js  window.CTSGUIDE_SEARCH_TEXT[N] = [[["section-id", "Heading", "text"], ...], ...]
                              (one entry per page of shard N, in the order of "pages"; id "" = top)

   A term matches where a word starts (whole word or prefix: "pta" finds "PTA", never "APTA"); a term listed in
   "synonyms" (site.yaml search_synonyms) also matches the words it stands for ("video" finds "telehealth").
   Each result shows a snippet of the matching text. Titles and keywords are searched at once; section text is loaded shard by shard, on demand: the shards of
   the best title hits (for their section links) and, while there are fewer than MAX_PAGES results, the next
   shards, at most MAX_SHARDS per query. The site root comes from data-root on .site-search (e.g. "../../").
   Results are grouped by page, with up to two matching sections each. Keyboard: ArrowDown/ArrowUp move
   between the input and the results, Enter opens (in the input: the first result), Escape clears. */
(function () {
  "use strict";
  var MAX_PAGES = 8;
  var MAX_SHARDS = 8;

  function norm(s) {
    return String(s || "").toLowerCase().replace(/[\u2010-\u2015-]/g, "").replace(/\s+/g, " ");
  }

  function prepare(index) {
    return index.pages.map(function (p) {
      return {
        url: index.folders[p[0]] + p[1], title: p[2] || p[1],
        t: norm(p[2]), k: norm(p[3]), shard: p[4], sections: []
      };
    });
  }

  function addText(pages, size, n, shard) {
    (shard || []).forEach(function (secs, j) {
      var p = pages[n * size + j];
      if (!p) return;
      p.sections = secs.map(function (s) {
        return { id: s[0] || "", heading: s[1] || "", h: norm(s[1]), x: norm(s[2]), raw: String(s[2] || "") };
      });
    });
  }

  function wordChar(c) { return /[a-z0-9\u00c0-\u024f]/.test(c); }

  /* Where `word` starts a word of `text` (both lower case), or -1. */
  function at(text, word) {
    var i = text.indexOf(word);
    while (i >= 0) {
      if (i === 0 || !wordChar(text.charAt(i - 1))) return i;
      i = text.indexOf(word, i + 1);
    }
    return -1;
  }

  /* The query's terms, each with the words it may stand for. */
  function terms(query, synonyms) {
    return norm(query).split(" ").filter(function (t) { return t.length > 0; }).map(function (t) {
      return [t].concat((synonyms[t] || []).map(norm));
    });
  }

  function any(text, alts) {
    for (var i = 0; i < alts.length; i++) if (at(text, alts[i]) >= 0) return true;
    return false;
  }

  function search(pages, query, synonyms) {
    var ts = terms(query, synonyms);
    if (!ts.length) return [];
    var hits = [];
    pages.forEach(function (p) {
      var score = 0, secs = [];
      var all = ts.every(function (alts) {
        var found = any(p.t, alts) || any(p.k, alts);
        for (var i = 0; i < p.sections.length && !found; i++) {
          found = any(p.sections[i].h, alts) || any(p.sections[i].x, alts);
        }
        return found;
      });
      if (!all) return;
      ts.forEach(function (alts) {
        /* the word typed counts a little more than a word it stands for */
        if (at(p.t, alts[0]) >= 0) score += 12; else if (any(p.t, alts)) score += 10;
        /* a title that starts with the word is about it */
        if (alts.some(function (w) { return at(p.t, w) === 0; })) score += 6;
        if (any(p.k, alts)) score += 8;
      });
      p.sections.forEach(function (s) {
        var sc = 0;
        ts.forEach(function (alts) {
          if (any(s.h, alts)) sc += 4;
          if (any(s.x, alts)) sc += 1;
        });
        if (sc > 0) { score += sc; secs.push({ s: s, sc: sc }); }
      });
      secs.sort(function (a, b) { return b.sc - a.sc; });
      hits.push({ page: p, score: score, best: secs.length ? secs[0].s : p.sections[0] || null,
                  sections: secs.filter(function (x) { return x.s.id; }).slice(0, 2).map(function (x) { return x.s; }) });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.page.title.localeCompare(b.page.title); });
    return hits.slice(0, MAX_PAGES).map(function (h) { h.terms = ts; return h; });
  }

  var SNIPPET = 160;
  /* A piece of the section's text around the first word that matches, the match marked. */
  function snippet(section, ts) {
    if (!section || !section.raw) return null;
    var raw = section.raw, low = raw.toLowerCase(), pos = -1, len = 0;
    ts.forEach(function (alts) {
      alts.forEach(function (w) {
        var i = at(low, w);
        if (i >= 0 && (pos < 0 || i < pos)) { pos = i; len = w.length; }
      });
    });
    var from = pos < 0 ? 0 : Math.max(0, pos - SNIPPET / 2);
    if (from > 0) { var sp = raw.indexOf(" ", from); if (sp >= 0 && sp < pos) from = sp + 1; }
    var to = Math.min(raw.length, from + SNIPPET);
    var span = document.createElement("span");
    span.className = "search-snippet";
    span.appendChild(document.createTextNode((from > 0 ? "\u2026" : "") + raw.slice(from, pos < 0 ? to : pos)));
    if (pos >= 0) {
      var m = document.createElement("mark");
      m.textContent = raw.slice(pos, pos + len);
      span.appendChild(m);
      span.appendChild(document.createTextNode(raw.slice(pos + len, Math.max(pos + len, to))));
    }
    if (to < raw.length) span.appendChild(document.createTextNode("\u2026"));
    return span;
  }

  function init() {
    var box = document.querySelector(".site-search");
    var input = document.getElementById("search-input");
    var out = document.getElementById("search-results");
    if (!box || !input || !out) return;
    var root = box.getAttribute("data-root") || "";
    var pages = null, size = 1, loading = {}, loaded = {}, asked = {}, synonyms = Object.create(null);

    function load(src, done) {
      if (loading[src]) return;
      loading[src] = true;
      var el = document.createElement("script");
      el.src = root + src;
      el.onload = done;
      document.body.appendChild(el);
    }

    function ensureTitles() {
      if (pages) return true;
      load("assets/search/titles.js", function () {
        var index = window.CTSGUIDE_SEARCH_TITLES || { shardSize: 1, folders: [], pages: [] };
        size = index.shardSize || 1;
        (index.synonyms || []).forEach(function (e) { synonyms[e[0]] = e[1]; });
        pages = prepare(index);
        refresh();
      });
      return false;
    }

    function loadShard(n, q) {
      asked[q] = (asked[q] || 0) + 1;
      load("assets/search/text-" + n + ".js", function () {
        addText(pages, size, n, (window.CTSGUIDE_SEARCH_TEXT || {})[n]);
        loaded[n] = true;
        refresh();
      });
    }

    /* The next text shard this query needs, or -1: first those of the hits shown, then (while results are
       few) the shards not yet read, in order; at most MAX_SHARDS per query. */
    function nextShard(hits, q) {
      if ((asked[q] || 0) >= MAX_SHARDS) return -1;
      for (var i = 0; i < hits.length; i++) if (!loaded[hits[i].page.shard]) return hits[i].page.shard;
      if (hits.length >= MAX_PAGES) return -1;
      for (var j = 0; j < pages.length; j += size) if (!loaded[pages[j].shard]) return pages[j].shard;
      return -1;
    }

    /* New data arrived: show it, unless the reader is moving through the results with the keyboard. */
    function refresh() { if (!out.contains(document.activeElement)) render(); }

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
      var q = input.value.trim();
      if (!q) { out.textContent = ""; return; }
      if (!ensureTitles()) return;
      var hits = search(pages, q, synonyms);
      var more = nextShard(hits, q);
      if (more >= 0) loadShard(more, q);
      out.textContent = "";
      var status = document.createElement("p");
      status.textContent = hits.length ? (hits.length === 1 ? "1 page" : hits.length + " pages")
        : more >= 0 ? "Searching\u2026" : "No results for \u201c" + q + "\u201d";
      out.appendChild(status);
      if (!hits.length) return;
      var ul = document.createElement("ul");
      hits.forEach(function (h) {
        var li = document.createElement("li");
        var top = li.appendChild(link(root + h.page.url, "search-page", h.page.title));
        var snip = snippet(h.best, h.terms);
        if (snip) top.appendChild(snip);
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
    /* typed before this script arrived */
    if (input.value.trim()) render();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
