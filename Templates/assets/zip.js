/* ZIP code field: loads the look-up (zip-lookup.js) only when a ZIP code is entered or given in the address,
   so pages stay light at load. On a locality fee page it also shows the form and keeps the address's zip=. */
(function () {
  'use strict';
  var box = document.querySelector('.zip-field[data-zip-script]');
  if (!box) return;
  var input = box.querySelector('input'), form = box.closest('form'), started = false;
  function start() {
    if (started) return;
    started = true;
    var s = document.createElement('script');
    s.src = box.getAttribute('data-zip-script');
    document.head.appendChild(s);
  }
  if (form && form.id === 'zip-lookup-form') {
    input.value = new URLSearchParams(window.location.search).get('zip') || '';
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.hidden = false;
  }
  input.addEventListener('input', start);
  if (input.value.trim() !== '') start();
})();
