// Runs in headless Chromium (tests/browser.rs): each review page is loaded in an iframe of this
// harness (same origin with --allow-file-access-from-files), clicked and hovered as a reviewer
// would, and every check's outcome is written into #out for --dump-dom to carry back. EXPECT is
// set by the test from the pages' JSON.
(function () {
  'use strict';
  var checks = [];
  function ok(name, pass, detail) { checks.push({ name: name, ok: !!pass, detail: detail === undefined ? '' : String(detail) }); }
  function frame(id) { return document.getElementById(id); }
  function within(el, pane) {
    var r = el.getBoundingClientRect(), p = pane.getBoundingClientRect();
    return r.top >= p.top - 1 && r.bottom <= p.bottom + 1;
  }
  function byArticle(d, sel, id) {
    return Array.prototype.filter.call(d.querySelectorAll(sel), function (e) { return e.getAttribute('data-article') === id; });
  }

  function page(name, exp) {
    var f = frame(name), d = f.contentDocument;
    ok(name + ': its script ran', d.documentElement.getAttribute('data-ready') === 'true');
    var cards = d.querySelectorAll('article.art[data-article]');
    var each = exp.articles.every(function (a) { return byArticle(d, 'article.art', a.id).length === 1; });
    ok(name + ': every article appears', cards.length === exp.articles.length && each, cards.length + ' cards for ' + exp.articles.length);
    var text = d.getElementById('text'), arts = d.getElementById('articles');
    exp.articles.forEach(function (a, i) {
      var card = byArticle(d, 'article.art', a.id)[0];
      if (!card) return;
      card.click();
      var sel = d.querySelectorAll('#text .ln.sel');
      var mine = Array.prototype.every.call(sel, function (l) { return l.getAttribute('data-article') === a.id; });
      ok(name + ': clicking article ' + (i + 1) + ' marks its lines', sel.length === a.lines && mine && card.classList.contains('sel'), sel.length + ' marked, ' + a.lines + ' expected');
      var first = d.querySelector('#text .ln.sel');
      ok(name + ': clicking article ' + (i + 1) + ' scrolls to its lines', first && within(first, text), first && first.getBoundingClientRect().top);
      if (exp.structured) {
        var boxes = d.querySelectorAll('#scan .lnb.sel').length, blocks = d.querySelectorAll('#scan .blk.sel').length;
        ok(name + ': clicking article ' + (i + 1) + ' marks its boxes', boxes === a.boxes && blocks === a.regions, boxes + '/' + a.boxes + ' lines, ' + blocks + '/' + a.regions + ' blocks');
      }
    });
    // A line of the last article, clicked after the first article was chosen, brings that article.
    var last = exp.articles[exp.articles.length - 1];
    byArticle(d, 'article.art', exp.articles[0].id)[0].click();
    var line = byArticle(d, '#text .ln', last.id).pop();
    line.querySelector('.tx').click();
    var lastCard = byArticle(d, 'article.art', last.id)[0];
    var top = lastCard.getBoundingClientRect().top, pane = arts.getBoundingClientRect();
    ok(name + ': clicking a line shows its article', lastCard.classList.contains('sel') && top >= pane.top - 1 && top < pane.bottom && /^Article \d+:/.test(d.getElementById('status').textContent), d.getElementById('status').textContent);
    byArticle(d, 'article.art', exp.articles[0].id)[0].dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    var lit = d.querySelectorAll('#text .ln.hl');
    ok(name + ': hovering an article lights its lines', lit.length === exp.articles[0].lines && lit[0].getAttribute('data-article') === exp.articles[0].id, lit.length);
    d.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    ok(name + ': Escape clears the choice', d.querySelectorAll('.sel').length === 0);
    var jumps = d.querySelectorAll('a.jmp');
    var landed = Array.prototype.every.call(jumps, function (j) { return d.getElementById(j.getAttribute('href').slice(1)); });
    ok(name + ': continuation links land on lines', jumps.length === 2 * exp.continuations && landed, jumps.length + ' links for ' + exp.continuations);
  }

  function narrow(name, exp) {
    var f = frame(name), d = f.contentDocument, w = f.contentWindow;
    var main = d.querySelector('main');
    ok(name + ': one column in a narrow window', w.getComputedStyle(main).display === 'block');
    ok(name + ': nothing runs off to the side', d.documentElement.scrollWidth <= w.innerWidth + 1, d.documentElement.scrollWidth + ' > ' + w.innerWidth);
    var a = exp.articles[exp.articles.length - 1];
    byArticle(d, 'article.art', a.id)[0].click();
    ok(name + ': clicking an article still marks its lines', d.querySelectorAll('#text .ln.sel').length === a.lines);
  }

  function harmless(name, exp) {
    var f = frame(name), d = f.contentDocument, w = f.contentWindow;
    ok(name + ': its own script ran', d.documentElement.getAttribute('data-ready') === 'true');
    Array.prototype.forEach.call(d.querySelectorAll('[data-article], rect'), function (e) { e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); });
    ok(name + ': no injected script ran', w.pwned === undefined && w.pwned2 === undefined && w.pwned3 === undefined && window.pwned === undefined, [w.pwned, w.pwned2, w.pwned3]);
    ok(name + ': the title is its own', d.title === exp.title, d.title);
    ok(name + ': no element came from the text', d.querySelectorAll('img, iframe, object, embed, [onerror], [onmouseover], [onload]').length === 0 && d.querySelectorAll('script').length === 1);
    var shown = Array.prototype.some.call(d.querySelectorAll('.tx'), function (t) { return t.textContent.indexOf('<script>') >= 0; }) &&
      Array.prototype.some.call(d.querySelectorAll('.tx'), function (t) { return /<img src=x onerror=/.test(t.textContent); });
    ok(name + ': the markup is shown as text', shown);
  }

  function control(name) {
    var w = frame(name).contentWindow;
    ok(name + ': the same text unescaped runs (the checks can see it)', w.pwned === 1 && w.pwned2 === 1, [w.pwned, w.pwned2]);
  }

  function index(name, exp) {
    var d = frame(name).contentDocument;
    ok(name + ': its script ran', d.documentElement.getAttribute('data-ready') === 'true');
    var rows = d.querySelectorAll('#rows tr');
    ok(name + ': a row per page', rows.length === exp.pages, rows.length);
    var th = Array.prototype.filter.call(d.querySelectorAll('th'), function (t) { return /Lowest/.test(t.textContent); })[0];
    th.querySelector('button').click();
    var low = Array.prototype.map.call(d.querySelectorAll('#rows tr'), function (r) { return parseFloat(r.children[5].textContent); });
    ok(name + ': sorted worst first by lowest confidence', low.length === exp.pages && low.every(function (x, i) { return i === 0 || low[i - 1] <= x; }) && low[0] === exp.lowest, low.join(' '));
    var hrefs = Array.prototype.map.call(d.querySelectorAll('#rows a'), function (a) { return a.getAttribute('href'); }).sort();
    ok(name + ': each row links to its page', JSON.stringify(hrefs) === JSON.stringify(exp.hrefs), hrefs.join(' '));
  }

  window.addEventListener('load', function () {
    // Time for an image's error event, which an onerror= would run on.
    setTimeout(function () {
      var run = function (fn, name, exp) {
        try { fn(name, exp); } catch (e) { ok(name + ': threw', false, e && e.stack); }
      };
      EXPECT.pages.forEach(function (p) { run(page, p.frame, p); });
      EXPECT.narrow.forEach(function (p) { run(narrow, p.frame, p); });
      EXPECT.hostile.forEach(function (p) { run(harmless, p.frame, p); });
      run(control, 'control');
      run(index, 'index', EXPECT.index);
      document.getElementById('out').textContent = encodeURIComponent(JSON.stringify({ done: true, checks: checks }));
    }, 1000);
  });
})();
