/* ctsguide theme: loaded in <head> (not deferred) so the remembered theme applies before first paint.
   - adds class "js" to <html> (CSS shows the search box and toggles only when scripts run);
   - data-theme="dark"|"light" on <html> when the reader chose one with the toggle (remembered in
     localStorage); with no choice, CSS follows prefers-color-scheme;
   - every .theme-toggle button says what pressing it will do: "Switch to dark" on a light page, "Switch to
     light" on a dark one (its data-dark/data-light attributes may hold other words). */
(function () {
  "use strict";
  var KEY = "ctsguide-theme";
  var root = document.documentElement;
  var mq = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  root.classList.add("js");
  var stored = null;
  try { stored = window.localStorage.getItem(KEY); } catch (e) { stored = null; }
  if (stored === "dark" || stored === "light") root.setAttribute("data-theme", stored);

  function current() {
    var t = root.getAttribute("data-theme");
    if (t === "dark" || t === "light") return t;
    return mq && mq.matches ? "dark" : "light";
  }

  function sync() {
    var dark = current() === "dark";
    var buttons = document.querySelectorAll(".theme-toggle");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      b.textContent = dark ? (b.getAttribute("data-light") || "Switch to light") : (b.getAttribute("data-dark") || "Switch to dark");
      b.setAttribute("data-theme-now", dark ? "dark" : "light");
    }
  }

  function choose(theme) {
    root.setAttribute("data-theme", theme);
    try { window.localStorage.setItem(KEY, theme); } catch (e) { /* private mode: not remembered */ }
    sync();
  }

  function init() {
    var buttons = document.querySelectorAll(".theme-toggle");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () { choose(current() === "dark" ? "light" : "dark"); });
    }
    if (mq) {
      if (mq.addEventListener) mq.addEventListener("change", sync);
      else if (mq.addListener) mq.addListener(sync);
    }
    window.addEventListener("storage", function (e) {
      if (e.key !== KEY) return;
      if (e.newValue === "dark" || e.newValue === "light") root.setAttribute("data-theme", e.newValue);
      else root.removeAttribute("data-theme");
      sync();
    });
    sync();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
