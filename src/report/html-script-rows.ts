/**
 * The part of the HTML report's script that builds one finding's table row and
 * its detail row, with `createElement` and `textContent` only: every value came
 * from scanned content and is put on the page as text, never as markup.
 * src/report/html-script.ts wraps it with the page's state, filters and sort.
 */
export const ROW_SCRIPT = String.raw`
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function webLink(url) { return typeof url === 'string' && /^https?:\/\/[^\s"'<>]+$/.test(url) ? url : ''; }
  function link(url, text) {
    var a = el('a', '', text);
    a.href = url;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    return a;
  }
  function plural(n, word, many) { return n + ' ' + (n === 1 ? word : many || word + 's'); }
  function age(item) {
    if (item.days < 0) return '';
    var d = Math.floor(item.days);
    if (d < 1) return 'today';
    if (d < 60) return plural(d, 'day') + ' ago';
    if (d < 730) return plural(Math.floor(d / 30.44), 'month') + ' ago';
    return plural(Math.floor(d / 365.25), 'year') + ' ago';
  }
  function place(f) { return (f[REPO] ? f[REPO] + ': ' : '') + f[PATH] + ':' + f[LINE]; }

  function row(item) {
    if (item.row) return item.row;
    var f = item.f;
    var tr = el('tr', 'finding');
    tr.setAttribute('data-index', String(item.i));
    tr.tabIndex = 0;
    var sev = el('td');
    sev.appendChild(el('span', 'badge sev-' + f[SEV], f[SEV]));
    var what = el('td', 'what');
    what.appendChild(el('div', 'title', item.rule[1]));
    what.appendChild(el('code', 'secret', f[SECRET]));
    what.appendChild(el('div', 'muted', item.provider + ' · ' + item.rule[0]));
    var where = el('td', 'where');
    var url = webLink(f[LINK]);
    where.appendChild(url ? link(url, place(f)) : el('span', '', place(f)));
    if (f[OCC] > 1) where.appendChild(el('div', 'muted', 'committed ' + f[OCC] + ' times at this path'));
    var who = el('td', 'who');
    if (item.commit) {
      who.appendChild(el('code', '', item.commit[0].slice(0, 12)));
      who.appendChild(el('div', '', item.commit[1]));
      who.appendChild(el('div', 'muted', age(item)));
    }
    var conf = el('td', '', f[CONF]);
    var live = el('td');
    live.appendChild(el('span', 'badge live-' + (f[LIVE] || 'none'), f[LIVE] || 'not checked'));
    [sev, what, where, who, conf, live].forEach(function (td) { tr.appendChild(td); });
    item.row = tr;
    return tr;
  }

  function entry(dl, term, value) {
    if (value === '' || value === null || value === undefined) return;
    dl.appendChild(el('dt', '', term));
    var dd = el('dd');
    if (typeof value === 'string') dd.textContent = value; else dd.appendChild(value);
    dl.appendChild(dd);
  }

  function detail(item) {
    if (item.detail) return item.detail;
    var f = item.f, rule = item.rule, commit = item.commit;
    var tr = el('tr', 'detail');
    var td = el('td');
    td.colSpan = COLUMNS;
    var dl = el('dl');
    entry(dl, 'Line', f[SNIPPET] ? el('pre', 'snippet', f[SNIPPET]) : '');
    if (commit) {
      entry(dl, 'Commit', commit[0]);
      entry(dl, 'Author', commit[1] + (commit[2] ? ' <' + commit[2] + '>' : ''));
      entry(dl, 'Date', commit[3] + (age(item) ? ' (' + age(item) + ')' : ''));
      entry(dl, 'Message', commit[4]);
    }
    entry(dl, 'Fingerprint', f[FP]);
    entry(dl, 'Verification', f[LIVE] ? f[LIVE] + ': ' + f[VERDICT] : 'not checked (run with --verify)');
    var fix = el('div');
    fix.appendChild(el('p', '', rule[3]));
    var revoke = webLink(rule[5]);
    if (revoke) {
      var p = el('p');
      p.appendChild(link(revoke, 'Revoke it here'));
      fix.appendChild(p);
    }
    if (rule[4].length > 0) {
      var ul = el('ul', 'references');
      rule[4].forEach(function (ref) {
        var url = webLink(ref);
        if (!url) return;
        var li = el('li');
        li.appendChild(link(url, url));
        ul.appendChild(li);
      });
      fix.appendChild(ul);
    }
    entry(dl, 'How to revoke', fix);
    td.appendChild(dl);
    tr.appendChild(td);
    item.detail = tr;
    return tr;
  }

`;
