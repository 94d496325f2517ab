/**
 * The HTML report's script, inlined into the page (allowed by its hash in the
 * page's Content-Security-Policy, which allows nothing else to run or load).
 * It reads the JSON data island (src/report/html-data.ts), builds each row
 * once with `createElement` and `textContent` (never `innerHTML`: every value
 * came from scanned content), and on each change of view, filter or sort
 * re-orders the rows it already has, listing the first 500 that match (more
 * on request). Plain ES2019 in a string, so the page
 * needs no build step and no library; test/report/html-browser.test.ts runs it
 * in a real browser.
 */
import { ROW_SCRIPT } from './html-script-rows.js';

export const SCRIPT = String.raw`(function () {
  'use strict';
  var island = document.getElementById('keyhound-data');
  if (!island) return;
  var data = JSON.parse(island.textContent || '{}');
  var RULE = 0, SEV = 1, CONF = 2, REPO = 3, PATH = 4, LINE = 5, SECRET = 7, SNIPPET = 8, FP = 9, COMMIT = 10, LIVE = 11, VERDICT = 12, OCC = 13, LINK = 14;
  var SEV_RANK = { critical: 0, high: 1, medium: 2, low: 3 };
  var CONF_RANK = { high: 0, medium: 1, low: 2 };
  var LIVE_RANK = { live: 0, unknown: 1, '': 2, dead: 3 };
  var DAY = 86400000;
  var now = Date.now();
  var COLUMNS = 6;

  var items = data.findings.map(function (f, i) {
    var rule = data.rules[f[RULE]];
    var commit = f[COMMIT] >= 0 ? data.commits[f[COMMIT]] : null;
    var time = commit ? Date.parse(commit[3]) : NaN;
    return {
      i: i, f: f, rule: rule, commit: commit, time: time,
      days: isNaN(time) ? -1 : Math.max(0, (now - time) / DAY),
      provider: rule[2] || '(none)', row: null, detail: null, open: false, text: null
    };
  });

  var PAGE = 500;
  var state = { view: 'all', sort: 'severity', dir: 1, q: '', limit: PAGE,
    filters: { provider: '', severity: '', confidence: '', liveness: '', repository: '', age: '' } };

${ROW_SCRIPT}
  function searchText(item) {
    if (item.text === null) {
      var f = item.f, c = item.commit;
      item.text = [f[PATH], f[REPO], item.rule[0], item.rule[1], item.provider, f[SECRET],
        c ? c[0] : '', c ? c[1] : '', c ? c[2] : '', c ? c[4] : ''].join('\n').toLowerCase();
    }
    return item.text;
  }

  function ageMatches(item, wanted) {
    if (wanted === 'none') return item.days < 0;
    if (item.days < 0) return false;
    if (wanted === 'old') return item.days > 365;
    return item.days <= Number(wanted);
  }

  function matches(item) {
    var f = item.f, s = state.filters;
    if (s.provider && item.provider !== s.provider) return false;
    if (s.severity && f[SEV] !== s.severity) return false;
    if (s.confidence && f[CONF] !== s.confidence) return false;
    if (s.liveness && (f[LIVE] || 'none') !== s.liveness) return false;
    if (s.repository && f[REPO] !== s.repository) return false;
    if (s.age && !ageMatches(item, s.age)) return false;
    if (state.q && searchText(item).indexOf(state.q) < 0) return false;
    return true;
  }

  function text(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function byPlace(a, b) { return text(a.f[REPO], b.f[REPO]) || text(a.f[PATH], b.f[PATH]) || a.f[LINE] - b.f[LINE] || a.i - b.i; }
  var SORTS = {
    severity: function (a, b) { return SEV_RANK[a.f[SEV]] - SEV_RANK[b.f[SEV]] || LIVE_RANK[a.f[LIVE]] - LIVE_RANK[b.f[LIVE]]; },
    secret: function (a, b) { return text(a.provider, b.provider) || text(a.rule[1], b.rule[1]) || text(a.f[SECRET], b.f[SECRET]); },
    location: byPlace,
    commit: function (a, b) {
      var ta = isNaN(a.time) ? -Infinity : a.time, tb = isNaN(b.time) ? -Infinity : b.time;
      return tb - ta;
    },
    confidence: function (a, b) { return CONF_RANK[a.f[CONF]] - CONF_RANK[b.f[CONF]]; },
    liveness: function (a, b) { return LIVE_RANK[a.f[LIVE]] - LIVE_RANK[b.f[LIVE]]; }
  };
  function compare(a, b) { return state.dir * SORTS[state.sort](a, b) || byPlace(a, b); }

  function groupRow(label, secret, info) {
    var tr = el('tr', 'group');
    var th = el('th');
    th.colSpan = COLUMNS;
    th.scope = 'rowgroup';
    th.appendChild(el('span', 'group-name', label));
    if (secret) th.appendChild(el('code', 'secret', secret));
    th.appendChild(el('span', 'muted', info));
    tr.appendChild(th);
    return tr;
  }

  function groups(list) {
    var key = state.view === 'secret' ? function (item) { return item.f[FP]; } : function (item) { return item.f[REPO] || '(no repository)'; };
    var order = [], byKey = {};
    list.forEach(function (item) {
      var k = key(item);
      if (!Object.prototype.hasOwnProperty.call(byKey, k)) { byKey[k] = []; order.push(k); }
      byKey[k].push(item);
    });
    return order.map(function (k) { return { key: k, items: byKey[k] }; });
  }

  function moreRow(left) {
    var body = el('tbody', 'more');
    var tr = el('tr');
    var td = el('td');
    td.colSpan = COLUMNS;
    var next = Math.min(PAGE, left);
    var more = el('button', '', 'Show ' + next + ' more');
    more.type = 'button';
    more.id = 'more';
    more.addEventListener('click', function () { state.limit += PAGE; render(true); });
    td.appendChild(more);
    if (left > next) {
      var all = el('button', '', 'Show all ' + left + ' more');
      all.type = 'button';
      all.id = 'all';
      all.addEventListener('click', function () { state.limit = Infinity; render(true); });
      td.appendChild(all);
    }
    tr.appendChild(td);
    body.appendChild(tr);
    return body;
  }

  /** keep: leave the number of rows listed as it is (a "show more"); any other change lists the first page again. */
  function render(keep) {
    if (!keep) state.limit = PAGE;
    var table = $('findings');
    var list = items.filter(matches).sort(compare);
    var bodies = table.querySelectorAll('tbody');
    for (var b = 0; b < bodies.length; b++) table.removeChild(bodies[b]);
    var fragment = document.createDocumentFragment();
    // A long list is put on the page a page at a time: laying out thousands
    // of table rows is what makes a large report slow to open and to filter.
    var budget = state.limit;
    function fill(body, members) {
      members.forEach(function (item) {
        if (budget <= 0) return;
        budget--;
        body.appendChild(row(item));
        if (item.open) body.appendChild(detail(item));
      });
    }
    var shown = state.view === 'all' ? null : groups(list);
    if (!shown) {
      var body = el('tbody');
      fill(body, list);
      fragment.appendChild(body);
    } else {
      shown.forEach(function (group) {
        if (budget <= 0) return;
        var body = el('tbody', 'grouped');
        var first = group.items[0];
        if (state.view === 'secret') {
          var repos = {};
          group.items.forEach(function (item) { repos[item.f[REPO]] = true; });
          var where = plural(group.items.length, 'place') + (first.f[REPO] ? ' in ' + plural(Object.keys(repos).length, 'repository', 'repositories') : '');
          body.appendChild(groupRow(first.rule[1], first.f[SECRET], where));
        } else {
          body.appendChild(groupRow(group.key, '', plural(group.items.length, 'finding')));
        }
        fill(body, group.items);
        fragment.appendChild(body);
      });
    }
    if (list.length === 0) {
      var none = el('tbody');
      var tr = el('tr', 'empty');
      var td = el('td', '', items.length === 0 ? 'No secrets found.' : 'No findings match these filters.');
      td.colSpan = COLUMNS;
      tr.appendChild(td);
      none.appendChild(tr);
      fragment.appendChild(none);
    }
    var listed = Math.min(list.length, state.limit);
    if (listed < list.length) fragment.appendChild(moreRow(list.length - listed));
    table.appendChild(fragment);
    var count = 'Showing ' + list.length + ' of ' + plural(items.length, 'finding');
    if (shown) count += ' in ' + (state.view === 'secret' ? plural(shown.length, 'secret') : plural(shown.length, 'repository', 'repositories'));
    if (listed < list.length) count += ' (the first ' + listed + ' listed)';
    $('count').textContent = count;
    $('count').setAttribute('data-matching', String(list.length));
    var heads = table.querySelectorAll('th[data-sort]');
    for (var h = 0; h < heads.length; h++) {
      var key = heads[h].getAttribute('data-sort');
      heads[h].setAttribute('aria-sort', key === state.sort ? (state.dir > 0 ? 'ascending' : 'descending') : 'none');
    }
  }

  function options(select, values) {
    values.forEach(function (value) {
      var option = el('option', '', value);
      option.value = value;
      select.appendChild(option);
    });
  }
  function distinct(pick) {
    var seen = {};
    items.forEach(function (item) { var v = pick(item); if (v) seen[v] = true; });
    return Object.keys(seen).sort();
  }
  options($('filter-provider'), distinct(function (item) { return item.provider; }));
  var repositories = distinct(function (item) { return item.f[REPO]; });
  options($('filter-repository'), repositories);
  if (repositories.length === 0) {
    $('filter-repository').disabled = true;
    $('view').querySelector('option[value="repository"]').disabled = true;
  }

  ['provider', 'severity', 'confidence', 'liveness', 'repository', 'age'].forEach(function (name) {
    $('filter-' + name).addEventListener('change', function (event) {
      state.filters[name] = event.target.value;
      render();
    });
  });
  $('view').addEventListener('change', function (event) { state.view = event.target.value; render(); });
  var typing = 0;
  $('search').addEventListener('input', function (event) {
    clearTimeout(typing);
    var value = event.target.value;
    typing = setTimeout(function () { state.q = value.trim().toLowerCase(); render(); }, 120);
  });
  $('clear').addEventListener('click', function () {
    Object.keys(state.filters).forEach(function (name) { state.filters[name] = ''; $('filter-' + name).value = ''; });
    state.q = '';
    $('search').value = '';
    render();
  });
  var heads = $('findings').querySelectorAll('th[data-sort]');
  for (var h = 0; h < heads.length; h++) {
    heads[h].querySelector('button').addEventListener('click', function (event) {
      var key = event.currentTarget.parentNode.getAttribute('data-sort');
      if (state.sort === key) state.dir = -state.dir; else { state.sort = key; state.dir = 1; }
      render();
    });
  }
  function toggle(target) {
    var tr = target.closest('tr.finding');
    if (!tr) return;
    var item = items[Number(tr.getAttribute('data-index'))];
    item.open = !item.open;
    if (item.open) tr.parentNode.insertBefore(detail(item), tr.nextSibling);
    else if (item.detail && item.detail.parentNode) item.detail.parentNode.removeChild(item.detail);
    tr.setAttribute('aria-expanded', String(item.open));
  }
  $('findings').addEventListener('click', function (event) {
    if (event.target.closest('a, button')) return;
    toggle(event.target);
  });
  $('findings').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.matches('tr.finding')) toggle(event.target);
  });
  var bars = document.querySelectorAll('.bar[data-filter]');
  function pick(bar) {
    var name = bar.getAttribute('data-filter'), value = bar.getAttribute('data-value');
    state.filters[name] = state.filters[name] === value ? '' : value;
    $('filter-' + name).value = state.filters[name];
    render();
  }
  for (var i = 0; i < bars.length; i++) {
    bars[i].addEventListener('click', function (event) { pick(event.currentTarget); });
    bars[i].addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); pick(event.currentTarget); }
    });
  }
  document.body.classList.add('ready');
  render();
})();
`;
