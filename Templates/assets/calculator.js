/* The calculator page: reads the form (controls named as `ctsguide calc`'s options; the URL query keeps them),
   looks the session up in window.CTSGUIDE_CALC (tables the build computes from the rules), shows the result.
   No threshold, rate, date or choice lives here: only lookups, cents arithmetic and the URL query. */
(function () {
  'use strict';
  var D = window.CTSGUIDE_CALC;
  var form = document.getElementById('calculator');
  var out = document.getElementById('calc-result');
  var bar = document.getElementById('calc-answer');
  if (!D || !form || !out || !bar) return;
  /* Medicare pays / patient owes per allowed total: build-written scripts, loaded when a total needs one */
  var SPLIT = window.CTSGUIDE_CALC_SPLIT = window.CTSGUIDE_CALC_SPLIT || {};
  var splitBase = form.getAttribute('data-split-base') || '';
  var splitLoading = {};
  /* values from the address that no control offers: kept (and reported) until that control changes */
  var raw = {};
  var KEYS = ['minutes', 'patients', 'date', 'family', 'discipline', 'provider', 'setting', 'telehealth', 'locality',
              'profile', 'conversion-factor'];
  /* what each control is called on the page, for messages */
  var NAMES = {family: 'code family', discipline: 'discipline', provider: 'furnished by', setting: 'setting',
               profile: 'units rule', locality: 'locality', 'conversion-factor': 'conversion factor'};

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function ctl(name) { return form.elements.namedItem(name); }
  function values() {
    var v = {};
    KEYS.forEach(function (k) { v[k] = k in raw ? raw[k] : String(ctl(k).value || '').trim(); });
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
  function text(i, v) {
    return D.texts[i].split('{date}').join(v.date).split('{minutes}').join(v.minutes)
      .split('{cf}').join(v['conversion-factor'] || '');
  }
  function cents(s) { var p = s.split('.'); return parseInt(p[0], 10) * 100 + parseInt(p[1], 10); }
  function money(c) {
    var r = c % 100;
    return Math.floor(c / 100) + '.' + (r < 10 ? '0' : '') + r;
  }
  function usd(a) { return a ? '$' + a : 'not in this guide yet'; }

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
    /* a conversion-factor option the date's fee schedule does not have */
    var cf = v['conversion-factor'];
    if (cf && seg.cfOK && seg.cfOK.indexOf(cf) < 0) return {error: text(seg.cfError, v)};
    var group = patients >= D.groupFrom ? '1' : '0';
    var r = D.runKeys.indexOf([v.profile, group, v.family].join('|'));
    var pattern = null;
    D.runs[D.runTables[seg.runs][r]].forEach(function (x) { if (x[0] <= minutes) pattern = D.patterns[x[1]]; });
    var reasons = pattern.reasons.concat(ctx.reasons);
    var res = {billable: reasons.length === 0 && pattern.lines.length > 0, lines: [], total: '', ctx: ctx, seg: seg,
               group: group, pattern: pattern, reasons: reasons};
    if (!res.billable) return res;
    var prices = D.prices[cf && seg.cf && seg.cf[cf] !== undefined ? seg.cf[cf] : seg.prices], sum = 0, priced = true;
    pattern.lines.forEach(function (l) {
      var key = [l[0], ctx.priced, v.provider].join('|');
      var cell = prices[key], fee = prices[key + '|fee'], share = prices['share|' + v.provider];
      var scale = prices['share|scale'];
      var unit = cell === undefined ? '' : D.amounts[cell].split(',')[loc];
      var base = fee === undefined ? '' : D.amounts[fee].split(',')[loc];
      /* an assistant line: the data's share of the whole line's fee, rounded once */
      var lc = !unit ? 0 : (base && share && scale) ? Math.floor((cents(base) * l[1] * share + scale / 2) / scale)
                                                    : cents(unit) * l[1];
      var amount = unit ? money(lc) : '';
      if (unit) sum += lc; else priced = false;
      res.lines.push({code: l[0], units: String(l[1]), modifiers: ctx.mods, unit: unit, amount: amount});
    });
    res.total = priced ? money(sum) : '';
    res.split = split(res);
    return res;
  }

  /* {owes, before, sequestration, paid}; null: no data; undefined: its script is loading */
  function split(r) {
    if (!r.total || r.seg.split === null || r.seg.split === undefined) return null;
    var c = cents(r.total), key = r.seg.split + '-' + Math.floor(c / D.splitBucketCents);
    if (SPLIT[key]) {
      var row = SPLIT[key][String(c)];
      if (!row) return null;
      var named = {};
      ['owes', 'before', 'sequestration', 'paid'].forEach(function (n, i) { named[n] = row[i]; });
      return named;
    }
    if (!splitLoading[key]) {
      splitLoading[key] = true;
      var s = el('script', null, {src: splitBase + key + '.js'});
      s.onload = function () { show(values()); };
      s.onerror = function () { SPLIT[key] = {}; show(values()); };
      document.body.appendChild(s);
    }
    return undefined;
  }

  function list(title, items) {
    if (!items.length) return null;
    var wrap = el('div');
    wrap.appendChild(el('p')).appendChild(el('strong', title));
    var ul = wrap.appendChild(el('ul'));
    items.forEach(function (t) { ul.appendChild(el('li', t)); });
    return wrap;
  }

  function item(parent, label, value, attrs) {
    var d = parent.appendChild(el('div', null, attrs));
    d.appendChild(el('dt', label));
    d.appendChild(el('dd', value));
    return d;
  }
  function localityName(v) {
    var o = ctl('locality').selectedOptions;
    return o && o.length ? o[0].textContent : v.locality;
  }

  /* The answer bar: status, claim lines, allowed, Medicare pays, patient owes, locality and release. */
  function answer(v, r) {
    bar.textContent = '';
    bar.hidden = false;
    var billable = !r.error && r.billable;
    bar.setAttribute('data-status', r.error ? 'error' : billable ? 'billable' : 'not-billable');
    var sp = billable ? r.split : null;
    bar.setAttribute('data-allowed', billable ? r.total : '');
    bar.setAttribute('data-medicare-paid', sp ? sp.paid : '');
    bar.setAttribute('data-patient-owes', sp ? sp.owes : '');
    bar.setAttribute('data-split', sp === undefined && billable && r.total ? 'loading' : sp ? 'shown' : 'none');
    var head = bar.appendChild(el('p', null, {'class': 'ans-head'}));
    head.appendChild(el('span', r.error ? 'Not calculated' : billable ? 'Billable' : 'Not billable',
                        {'class': 'ans-status'}));
    if (r.error) { bar.appendChild(el('p', r.error, {'class': 'ans-why'})); return; }
    if (!billable) {
      if (r.reasons.length) {
        var why = text(r.reasons[0], v);
        bar.appendChild(el('p', why.charAt(0).toUpperCase() + why.slice(1), {'class': 'ans-why'}));
      }
      return;
    }
    head.appendChild(el('span', r.lines.map(function (l) {
      return l.code + ' \u00d7 ' + l.units + (l.modifiers ? ' ' + l.modifiers : '');
    }).join(' + '), {'class': 'ans-lines'}));
    if (!r.total) { /* after the last fee period: one line, not three empty amounts */
      bar.appendChild(el('p', 'Amounts: ' + usd('') + ' for ' + text(r.ctx.label, v) +
                         '; the notes below say what is known.', {'class': 'ans-why ans-allowed'}));
    } else {
      var dl = bar.appendChild(el('dl', null, {'class': 'ans-money'}));
      item(dl, r.group === '1' ? 'Allowed, each claim' : 'Allowed', '$' + r.total, {'class': 'ans-allowed'});
      if (sp === null) {
        bar.appendChild(el('p', 'Medicare pays, patient owes: ' + usd(''), {'class': 'ans-why'}));
      } else {
        item(dl, 'Medicare pays', sp ? '$' + sp.paid : '\u2026', {'class': 'ans-paid'});
        item(dl, 'Patient owes', sp ? '$' + sp.owes : '\u2026', {'class': 'ans-owes'});
      }
    }
    var where = localityName(v) + (r.seg.release ? ' \u00b7 fee schedule ' + r.seg.release : '');
    bar.appendChild(el('p', where, {'class': 'ans-where'}));
    if (r.group === '1') bar.appendChild(el('p', D.groupNotes[v.family] || '', {'class': 'ans-group'}));
  }

  function show(v) {
    var r = compute(v);
    answer(v, r);
    out.textContent = '';
    out.hidden = false;
    if (r.error) {
      out.appendChild(el('p', 'Not calculated: ' + r.error, {'data-billable': 'false', 'class': 'calc-status'}));
      return;
    }
    var t = function (i) { return text(i, v); };
    out.appendChild(el('h2', 'Claim details', {'class': 'calc-details-title', id: 'calc-details'}));
    out.appendChild(el('p', r.billable ? 'Billable: yes' : 'Billable: no',
                       {'data-billable': r.billable ? 'true' : 'false', 'class': 'calc-status'}));
    if (r.billable) {
      var table = el('table', null, {'class': 'data claim-lines'});
      table.appendChild(el('caption', 'Claim lines (' + t(r.ctx.label) + ')'));
      var head = table.appendChild(el('thead')).appendChild(el('tr'));
      var cols = ['Code', 'Units', 'Modifiers', 'Per unit', 'Allowed'];
      cols.forEach(function (h) { head.appendChild(el('th', h, {scope: 'col'})); });
      var body = table.appendChild(el('tbody'));
      r.lines.forEach(function (l) {
        var tr = body.appendChild(el('tr', null, {'data-code': l.code, 'data-units': l.units,
                                                  'data-modifiers': l.modifiers, 'data-amount': l.amount}));
        var cells = [l.code, l.units, l.modifiers, usd(l.unit), usd(l.amount)];
        cells.forEach(function (c, i) {
          var attrs = {'data-label': cols[i]};
          if (i === 0) attrs.scope = 'row';
          else if (i !== cols.indexOf('Modifiers')) attrs['class'] = 'num';
          tr.appendChild(el(i === 0 ? 'th' : 'td', c, attrs));
        });
      });
      var foot = table.appendChild(el('tfoot')).appendChild(el('tr'));
      foot.appendChild(el('th', 'Total allowed', {scope: 'row', colspan: String(cols.length - 1)}));
      foot.appendChild(el('td', usd(r.total), {'data-total': r.total, 'class': 'num', 'data-label': 'Total allowed'}));
      var scroll = out.appendChild(el('div', null, {'class': 'table-scroll', tabindex: '0', role: 'region',
                                                    'aria-label': 'Claim lines'}));
      scroll.appendChild(table);
      var sp = r.split;
      if (sp) {
        var pol = D.splitPolicies[r.seg.split];
        out.appendChild(el('p', 'Of the allowed $' + r.total + ': the patient owes $' + sp.owes + ' (' + pol[0] +
          ' % coinsurance, once the Part B deductible is met); Medicare pays $' + sp.before + ' less ' + pol[1] +
          ' % sequestration ($' + sp.sequestration + '), so $' + sp.paid + '.', {'class': 'calc-split'}));
      } else if (r.total && r.ctx.split !== null) {
        out.appendChild(el('p', t(r.ctx.split)));
      }
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
      var c = ctl(k), val = q.has(k) ? q.get(k) : k === 'date' ? today() || D.defaults[k] : D.defaults[k];
      if (val === null || val === undefined) return;
      if (k === 'telehealth') val = val === '1' ? '1' : '0';
      c.value = val;
      /* a toggle that offers no such value: keep the value (reported as not one of the choices) */
      if (c.tagName !== 'SELECT' && c.tagName !== 'INPUT' && c.value !== val) raw[k] = val;
      /* a value the select does not offer: keep it visible as an invalid input instead of dropping it */
      if (c.tagName === 'SELECT' && c.value !== val) {
        var o = el('option', val, {value: val});
        c.appendChild(o);
        c.value = val;
      }
    });
  }
  /* The reader's today (browser clock) when the data covers it; the build never reads the clock. */
  function today() {
    var d = new Date();
    var s = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
    return s >= D.dateMin && s <= D.dateMax ? s : null;
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
  /* the keyboard reaches the first field at once: the skip link leads to the form on this page */
  var skip = document.querySelector('.skip-link');
  if (skip) { skip.setAttribute('href', '#calculator'); skip.textContent = 'Skip to the calculator'; }
  var scope = document.getElementById('calc-scope');
  if (scope) scope.hidden = false;
  show(values());
  function update(e) {
    if (e && e.target && e.target.name) delete raw[e.target.name];
    var v = values(); show(v); toQuery(v);
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', function (e) { e.preventDefault(); update(); });
})();
