// newsseg review index: draws the rows of #data, a screenful at a time, sorted and filtered. Row:
// [name, href, language, articles, flagged, flags, lowest confidence, weak joins, warnings,
// warning codes, failure]. Text goes in by textContent only, so a page's name is never markup.
(function () {
  'use strict';
  var doc = document;
  var rows = JSON.parse(doc.getElementById('data').textContent);
  var body = doc.getElementById('rows');
  var count = doc.getElementById('count');
  var find = doc.getElementById('find');
  var SHOWN = 200;
  // Which way is worse for each sortable column: a reviewer's first click puts the worst on top.
  var WORSE_LOW = { 3: true, 6: true };
  var TEXT = { 0: true, 2: true };
  var DOUBTFUL = 0.7;
  var key = null;
  var worstFirst = true;
  var start = 0;
  var order = [];

  function compare(k) {
    return function (a, b) {
      var x = rows[a], y = rows[b];
      var failedX = x[10] != null, failedY = y[10] != null;
      var r;
      if (TEXT[k]) {
        r = String(x[k]).localeCompare(String(y[k]));
        if (!worstFirst) r = -r;
      } else if (failedX || failedY || x[k] == null || y[k] == null) {
        // A failed page, or one without a value (no article, no confidence), counts as worst.
        var nx = failedX || x[k] == null, ny = failedY || y[k] == null;
        r = nx === ny ? 0 : (nx ? -1 : 1);
        if (!worstFirst) r = -r;
      } else {
        r = WORSE_LOW[k] ? x[k] - y[k] : y[k] - x[k];
        if (!worstFirst) r = -r;
      }
      return r || a - b;
    };
  }

  function refresh() {
    var q = find.value.trim().toLowerCase();
    order = [];
    for (var i = 0; i < rows.length; i++) {
      if (!q || String(rows[i][0]).toLowerCase().indexOf(q) >= 0) order.push(i);
    }
    if (key !== null) order.sort(compare(key));
    start = Math.min(start, Math.max(0, order.length - 1));
    start -= start % SHOWN;
    draw();
  }

  function cell(tr, text, cls) {
    var td = doc.createElement('td');
    if (cls) td.className = cls;
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function draw() {
    var frag = doc.createDocumentFragment();
    var end = Math.min(order.length, start + SHOWN);
    for (var i = start; i < end; i++) {
      var r = rows[order[i]];
      var tr = doc.createElement('tr');
      var name = cell(tr, '', 'page');
      if (r[1] != null) {
        var a = doc.createElement('a');
        a.href = r[1];
        a.textContent = r[0];
        name.appendChild(a);
      } else {
        name.textContent = r[0];
      }
      if (r[10] != null) {
        tr.className = 'failed';
        var why = cell(tr, 'failed: ' + r[10]);
        why.colSpan = 7;
      } else {
        cell(tr, r[2]);
        cell(tr, String(r[3]), 'n');
        cell(tr, String(r[4]), 'n');
        cell(tr, String(r[5]), 'n');
        var low = cell(tr, r[6] == null ? '—' : r[6].toFixed(2), 'n');
        if (r[6] != null && r[6] < DOUBTFUL) low.className = 'n worst';
        cell(tr, String(r[7]), 'n');
        var w = cell(tr, String(r[8]), 'n');
        if (r[9]) w.title = r[9];
      }
      frag.appendChild(tr);
    }
    body.replaceChildren(frag);
    count.textContent = order.length ? (start + 1) + '–' + end + ' of ' + order.length : 'no page';
    doc.getElementById('prev').disabled = start === 0;
    doc.getElementById('next').disabled = end >= order.length;
  }

  Array.prototype.forEach.call(doc.querySelectorAll('th[data-k]'), function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var k = Number(th.getAttribute('data-k'));
      worstFirst = key === k ? !worstFirst : true;
      key = k;
      Array.prototype.forEach.call(doc.querySelectorAll('th[data-k]'), function (o) { o.removeAttribute('aria-sort'); });
      var up = TEXT[k] || WORSE_LOW[k] ? worstFirst : !worstFirst;
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      start = 0;
      refresh();
    });
  });
  find.addEventListener('input', function () { start = 0; refresh(); });
  doc.getElementById('prev').addEventListener('click', function () { start = Math.max(0, start - SHOWN); draw(); });
  doc.getElementById('next').addEventListener('click', function () { if (start + SHOWN < order.length) start += SHOWN; draw(); });
  refresh();
  doc.documentElement.setAttribute('data-ready', 'true');
})();
