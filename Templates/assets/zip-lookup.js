/* ZIP code field, loaded by zip.js on the first entry (calculator, locality fee pages). Five digits load
   assets/zip/NN.js (a script, so file:// works) and select the locality: the calculator's select (with a change
   event) or the table row. Sentences come from the field's data attributes; the runs come from the build. */
(function () {
  'use strict';
  var box = document.querySelector('.zip-field[data-zip-base]');
  if (!box) return;
  var input = box.querySelector('input'), status = box.querySelector('.zip-status'), form = box.closest('form');
  if (box.hasAttribute('data-zip-ready')) return;
  box.setAttribute('data-zip-ready', '');
  var attr = function (n) { return box.getAttribute('data-' + n) || ''; };
  var cut = parseInt(attr('zip-prefix'), 10), target = attr('zip-target');
  var select = target.indexOf('select:') === 0 ? document.getElementById(target.split(':')[1]) : null;
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };
  var loaded = {}, waiting = {}, selecting = false, current = null;

  function msg(name, zip, where) { return attr('msg-' + name).split('{zip}').join(zip).split('{locality}').join(where || ''); }
  function say(parts) {
    status.textContent = '';
    parts.forEach(function (t) { if (t) status.appendChild(document.createElement('span')).textContent = t + ' '; });
  }
  function settle(prefix, data) { (waiting[prefix] || []).forEach(function (f) { f(data); }); delete waiting[prefix]; }
  window.CTSGUIDE_ZIP_LOADED = function (prefix, data) { loaded[prefix] = data; settle(prefix, data); };
  function load(prefix, done) {
    if (loaded[prefix]) return done(loaded[prefix]);
    if (waiting[prefix]) return waiting[prefix].push(done);
    waiting[prefix] = [done];
    var s = document.createElement('script');
    s.src = attr('zip-base') + prefix + '.js';
    s.onerror = function () { settle(prefix, null); };
    document.head.appendChild(s);
  }
  function find(data, zip) { /* {id, name, split} or null */
    var n = parseInt(zip.slice(cut), 10), hit = null;
    [data.r, data.s].forEach(function (runs, split) {
      runs.forEach(function (r) { if (r[0] <= n && n <= r[1]) hit = {id: data.l[r[2]][0], name: data.l[r[2]][1], split: split}; });
    });
    return hit;
  }
  function markRow(id) { /* the row naming the locality; its amounts as text */
    each(document.querySelectorAll('tr.zip-match'), function (tr) { tr.classList.remove('zip-match'); tr.removeAttribute('data-zip-locality'); });
    var tr = null, out = [];
    each(document.querySelectorAll('table.data tbody tr'), function (r) {
      each(r.cells, function (c) { if (id && c.textContent.trim() === id) tr = r; });
    });
    if (!tr) return '';
    tr.classList.add('zip-match');
    tr.setAttribute('data-zip-locality', id);
    if (tr.scrollIntoView) tr.scrollIntoView({block: 'nearest'});
    var heads = tr.closest('table').querySelectorAll('thead th');
    each(tr.cells, function (c, i) { /* "97550 non-facility ($)" and "58.19" read as "97550 non-facility $58.19" */
      var h = heads[i] ? heads[i].textContent : '', v = c.textContent.trim(), dollars = / \(\$\)$/.test(h) && /^\d/.test(v);
      if (i > 1 && h) out.push(dollars ? h.replace(/ \(\$\)$/, ' $') + v : h + ': ' + v);
    });
    return out.join('; ') + '.';
  }
  function apply(hit, zip) {
    current = hit;
    box.setAttribute('data-zip-locality', hit ? hit.id : '');
    if (!select) return say(hit ? [msg('found', zip, hit.name), hit.split ? msg('split', zip, hit.name) : '', markRow(hit.id)] : [markRow(null)]);
    if (hit) {
      selecting = true;
      select.value = hit.id;
      select.dispatchEvent(new Event('change', {bubbles: true}));
      selecting = false;
      say([msg('found', zip, hit.name), hit.split ? msg('split', zip, hit.name) : '']);
    }
  }
  function update() {
    var zip = input.value.trim();
    if (!select) { /* the calculator keeps its fields in the address itself */
      var q = new URLSearchParams(window.location.search);
      if (zip) q.set('zip', zip); else q.delete('zip');
      try { window.history.replaceState(null, '', '?' + q.toString()); } catch (e) { /* file:// may refuse */ }
    }
    if (!/^\d*$/.test(zip) || zip.length > input.maxLength) { apply(null, zip); return say([msg('malformed', zip)]); }
    if (zip.length < input.maxLength) { apply(null, zip); return say([]); }
    load(zip.slice(0, cut), function (data) {
      if (input.value.trim() !== zip) return; /* typed on meanwhile */
      var hit = data && find(data, zip);
      apply(hit, zip);
      if (!hit) say([msg(data ? 'unknown' : 'failed', zip)]);
    });
  }

  input.addEventListener('input', update);
  if (select) {
    select.addEventListener('change', function () { /* another locality chosen by hand: the ZIP code no longer applies */
      if (selecting || !current || select.value === current.id) return;
      input.value = '';
      apply(null, '');
      say([]);
    });
  } else if (form) {
    form.addEventListener('submit', update);
  }
  update();
})();
