/* The calculator page: reads the form (controls named after the `ctsguide calc` options, which the URL query
   keeps), looks the session up in window.CTSGUIDE_CALC (tables computed by the build from the rules) and shows
   the result. No thresholds, rates or dates live here: only lookups, cents arithmetic for display and the URL
   query. Every choice (settings, families, units rules, localities) comes from the data file. */
(function () {
  'use strict';
  var D = window.CTSGUIDE_CALC;
  var form = document.getElementById('calculator');
  var out = document.getElementById('calc-result');
  if (!D || !form || !out) return;
  var KEYS = ['minutes', 'patients', 'date', 'family', 'discipline', 'provider', 'setting', 'telehealth', 'locality',
              'profile'];
  /* what each control is called on the page, for messages */
  var NAMES = {family: 'code family', discipline: 'discipline', provider: 'furnished by', setting: 'setting',
               profile: 'units rule', locality: 'locality'};

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function ctl(name) { return form.elements.namedItem(name); }
  function values() {
    var v = {};
    KEYS.forEach(function (k) {
      var c = ctl(k);
      v[k] = k === 'telehealth' ? (c.checked ? '1' : '0') : String(c.value || '').trim();
    });
    return v;
  }
  function wholeNumber(s) { return /^\d+$/.test(s) ? parseInt(s, 10) : NaN; }
  function realDate(s) {
    if (typeof s !== 'string' || s.length !== 10) return false;
    var d = new Date(s); /* a date-only ISO string is read as UTC */
    return !isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }
  function has(list, value) {
    return list.some(function (o) { return (Array.isArray(o) ? o[0] : o) === value; });
  }
  function text(i, v) { return D.texts[i].split('{date}').join(v.date).split('{minutes}').join(v.minutes); }
  function cents(s) { var p = s.split('.'); return parseInt(p[0], 10) * 100 + parseInt(p[1], 10); }
  function money(c) {
    var r = c % 100;
    return Math.floor(c / 100) + '.' + (r < 10 ? '0' : '') + r;
  }

  /* The result as data: {error} or {billable, lines, total, reasons, ...}. */
  function compute(v) {
    var minutes = wholeNumber(v.minutes), patients = wholeNumber(v.patients);
    if (!(minutes >= D.minutesMin && minutes <= D.minutesMax)) {
      return {error: 'Minutes: enter a whole number from ' + D.minutesMin + ' to ' + D.minutesMax + '.'};
    }
    if (!(patients >= D.patientsMin && patients <= D.patientsMax)) {
      return {error: 'Patients represented: enter a whole number, ' + D.patientsMin + ' or more.'};
    }
    if (!realDate(v.date)) return {error: 'Date of service: enter a real date.'};
    var names = ['family', 'discipline', 'provider', 'setting', 'profile'];
    for (var n = 0; n < names.length; n++) {
      if (!has(D.options[names[n]], v[names[n]])) {
        return {error: 'The ' + NAMES[names[n]] + ' \u2018' + v[names[n]] + '\u2019 is not one of the choices.'};
      }
    }
    var loc = D.options.locality.indexOf(v.locality);
    if (loc < 0) return {error: 'The locality \u2018' + v.locality + '\u2019 is not one of the choices.'};
    var seg = null;
    D.segments.forEach(function (s) { if (s.from <= v.date && v.date <= s.through) seg = s; });
    if (!seg) return {error: 'This calculator covers dates of service from ' + D.dateMin + ' to ' + D.dateMax + '.'};
    var c = D.ctxKeys.indexOf([v.family, v.discipline, v.provider, v.telehealth, v.setting].join('|'));
    var ctx = D.ctxs[D.ctxTables[seg.ctx][c]];
    if (ctx.invalid) return {error: ctx.invalid.map(function (i) { return text(i, v); }).join(' ')};
    var group = patients >= D.groupFrom ? '1' : '0';
    var r = D.runKeys.indexOf([v.profile, group, v.family].join('|'));
    var pattern = null;
    D.runs[D.runTables[seg.runs][r]].forEach(function (x) { if (x[0] <= minutes) pattern = D.patterns[x[1]]; });
    var reasons = pattern.reasons.concat(ctx.reasons);
    var res = {billable: reasons.length === 0 && pattern.lines.length > 0, lines: [], total: '', ctx: ctx, seg: seg,
               group: group, pattern: pattern, reasons: reasons};
    if (!res.billable) return res;
    var prices = D.prices[seg.prices], sum = 0, priced = true;
    pattern.lines.forEach(function (l) {
      var key = [l[0], ctx.priced, v.provider].join('|');
      var cell = prices[key], fee = prices[key + '|fee'], share = prices['share|' + v.provider];
      var scale = prices['share|scale'];
      var unit = cell === undefined ? '' : D.amounts[cell].split(',')[loc];
      var base = fee === undefined ? '' : D.amounts[fee].split(',')[loc];
      /* a reduced (assistant) line: the data's share of the whole line's fee, rounded once (see the data file) */
      var lc = !unit ? 0 : (base && share && scale) ? Math.floor((cents(base) * l[1] * share + scale / 2) / scale)
                                                    : cents(unit) * l[1];
      var amount = unit ? money(lc) : '';
      if (unit) sum += lc; else priced = false;
      res.lines.push({code: l[0], units: String(l[1]), modifiers: ctx.mods, unit: unit, amount: amount});
    });
    res.total = priced ? money(sum) : '';
    return res;
  }

  function list(title, items) {
    if (!items.length) return null;
    var wrap = el('div');
    wrap.appendChild(el('p')).appendChild(el('strong', title));
    var ul = wrap.appendChild(el('ul'));
    items.forEach(function (t) { ul.appendChild(el('li', t)); });
    return wrap;
  }

  function show(v) {
    var r = compute(v);
    out.textContent = '';
    out.hidden = false;
    if (r.error) {
      out.appendChild(el('p', 'Not calculated: ' + r.error, {'data-billable': 'false', 'class': 'calc-status'}));
      return;
    }
    var t = function (i) { return text(i, v); };
    out.appendChild(el('p', r.billable ? 'Billable: yes' : 'Billable: no',
                       {'data-billable': r.billable ? 'true' : 'false', 'class': 'calc-status'}));
    if (r.billable) {
      var table = el('table', null, {'class': 'data'});
      table.appendChild(el('caption', 'Claim lines (' + t(r.ctx.label) + ')'));
      var head = table.appendChild(el('thead')).appendChild(el('tr'));
      ['Code', 'Units', 'Modifiers', 'Per unit', 'Allowed'].forEach(function (h) { head.appendChild(el('th', h, {scope: 'col'})); });
      var body = table.appendChild(el('tbody'));
      r.lines.forEach(function (l) {
        var tr = body.appendChild(el('tr', null, {'data-code': l.code, 'data-units': l.units,
                                                  'data-modifiers': l.modifiers, 'data-amount': l.amount}));
        tr.appendChild(el('th', l.code, {scope: 'row'}));
        tr.appendChild(el('td', l.units));
        tr.appendChild(el('td', l.modifiers));
        tr.appendChild(el('td', l.unit ? '$' + l.unit : 'not in this guide yet'));
        tr.appendChild(el('td', l.amount ? '$' + l.amount : 'not in this guide yet'));
      });
      var foot = table.appendChild(el('tfoot')).appendChild(el('tr'));
      foot.appendChild(el('th', 'Total', {scope: 'row', colspan: String(head.children.length - 1)}));
      foot.appendChild(el('td', r.total ? '$' + r.total : 'not in this guide yet', {'data-total': r.total}));
      var scroll = out.appendChild(el('div', null, {'class': 'table-scroll', tabindex: '0', role: 'region',
                                                    'aria-label': 'Claim lines'}));
      scroll.appendChild(table);
      if (r.total && r.ctx.split !== null) out.appendChild(el('p', t(r.ctx.split)));
    } else {
      out.appendChild(el('p', null, {'data-total': ''}));
    }
    var parts = [
      list('Why not billable:', r.reasons.map(t)),
      list('Units decided by:', r.pattern.thresholds.map(t)),
      /* the context's notes are all about pricing: none when nothing is billed (review-2026-12 N18) */
      list('Notes:', (r.billable ? r.ctx.notes.map(t) : []).concat(r.ctx.warnings.map(t))),
      list('Documentation reminders:', r.seg.docs[r.group].map(t))
    ];
    parts.forEach(function (p) { if (p) out.appendChild(p); });
  }

  function fromQuery() {
    var q = new URLSearchParams(window.location.search);
    KEYS.forEach(function (k) {
      var c = ctl(k), val = q.has(k) ? q.get(k) : D.defaults[k];
      if (val === null || val === undefined) return;
      if (k === 'telehealth') c.checked = val === '1';
      else c.value = val;
      /* a value the select does not offer: keep it visible as an invalid input instead of dropping it */
      if (c.tagName === 'SELECT' && c.value !== val) {
        var o = el('option', val, {value: val});
        c.appendChild(o);
        c.value = val;
      }
    });
  }
  function toQuery(v) {
    var q = new URLSearchParams();
    KEYS.forEach(function (k) { q.set(k, v[k]); });
    try { window.history.replaceState(null, '', '?' + q.toString()); } catch (e) { /* file:// may refuse */ }
  }

  /* the localities by state: the page's HTML lists only the national choice */
  (function addLocalities() {
    var sel = ctl('locality'), labels = D.localityLabels || [], group = null, parent = sel;
    D.options.locality.forEach(function (value, i) {
      var g = (labels[i] || [])[0] || '', label = (labels[i] || [])[1] || value;
      if (!g || sel.querySelector('option[value="' + value + '"]')) return;
      if (g !== group) { parent = el('optgroup', null, {label: g}); sel.appendChild(parent); group = g; }
      parent.appendChild(el('option', label, {value: value}));
    });
  })();
  if (ctl('zip')) KEYS.push('zip'); /* the ZIP code field (zip.js) sets the locality; the URL keeps it too */
  fromQuery();
  form.hidden = false;
  var scope = document.getElementById('calc-scope');
  if (scope) scope.hidden = false;
  show(values());
  function update() { var v = values(); show(v); toQuery(v); }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', function (e) { e.preventDefault(); update(); });
})();
