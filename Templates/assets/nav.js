/* ctsguide navigation: on narrow screens the section navigation (#site-nav) is collapsed behind the
   .nav-toggle button (CSS hides it only when <html> has class "js", so without scripts it stays open).
   The button's aria-expanded reflects the state; Escape closes the menu and returns focus to the button. */
(function () {
  "use strict";
  /* The "Back to top" link floats at the corner of a phone's screen once the reader is a screen down. */
  function toTop() {
    var link = document.querySelector(".to-top");
    if (!link) return;
    var update = function () {
      if (window.scrollY > window.innerHeight) link.classList.add("is-shown");
      else link.classList.remove("is-shown");
    };
    window.addEventListener("scroll", update, { passive: true });
    update();
  }

  function init() {
    toTop();
    var button = document.querySelector(".nav-toggle");
    if (!button) return;
    var nav = document.getElementById(button.getAttribute("aria-controls") || "site-nav");
    if (!nav) return;

    function setOpen(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) nav.classList.add("is-open");
      else nav.classList.remove("is-open");
    }

    setOpen(false);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      setOpen(open);
      if (open) {
        var target = nav.querySelector('[aria-current="page"]') || nav.querySelector("a");
        if (target) target.focus();
      }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });

    // On wide screens the sticky sidebar may scroll: keep the current page's link in view.
    var current = nav.querySelector('[aria-current="page"]');
    if (current && nav.scrollHeight > nav.clientHeight && current.scrollIntoView) {
      current.scrollIntoView({ block: "nearest" });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
