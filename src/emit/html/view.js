// newsseg review page: links each article with its lines and boxes. Everything shown is in the
// HTML already; this only marks and scrolls. It reads no text into markup (no innerHTML), so page
// text can never become code here.
(function () {
  'use strict';
  var doc = document;
  var body = doc.body;
  var status = doc.getElementById('status');
  var wide = window.matchMedia ? window.matchMedia('(min-width: 60em)') : { matches: true };
  // Every element of an article (its card, lines, boxes, label), found once.
  var members = {};
  var cards = {};
  Array.prototype.forEach.call(doc.querySelectorAll('[data-article]'), function (el) {
    var id = el.getAttribute('data-article');
    (members[id] = members[id] || []).push(el);
    if (el.classList.contains('art')) cards[id] = el;
  });
  var marked = { sel: [], hl: [] };
  var current = null;
  var hovered = null;

  function mark(cls, id) {
    marked[cls].forEach(function (el) { el.classList.remove(cls); });
    marked[cls] = (id && members[id]) || [];
    marked[cls].forEach(function (el) { el.classList.add(cls); });
  }
  function first(id, cls) {
    var all = members[id] || [];
    for (var i = 0; i < all.length; i++) if (all[i].classList.contains(cls)) return all[i];
    return null;
  }
  // A line is brought to the middle of its pane, with what stands round it; an article, often
  // taller than the pane, by its top, where its headline is.
  function bring(el) {
    if (!el || !el.scrollIntoView) return;
    el.scrollIntoView({ block: el.classList.contains('art') ? 'start' : 'center', inline: 'nearest' });
  }
  function say(text) { status.textContent = text; }
  function describe(id) {
    var c = cards[id];
    if (!c) return '';
    var lines = (members[id] || []).filter(function (el) { return el.classList.contains('ln'); }).length;
    return 'Article ' + c.querySelector('.num').textContent + ': ' + c.querySelector('h3').textContent +
      ' (' + lines + ' line' + (lines === 1 ? '' : 's') + ', confidence ' + c.querySelector('.conf b').textContent + ')';
  }

  // from: what was clicked ('card', 'line' or 'box'); the other views scroll to the article. In a
  // narrow window there is one scroll, so only the next view down moves.
  function select(id, from) {
    current = id || null;
    mark('sel', current);
    body.classList.toggle('picking', !!current);
    if (!current) { say('No article selected.'); return; }
    var card = cards[current];
    var text = card && card.querySelector('details.body');
    if (text) text.open = true;
    say(describe(current));
    var go = [];
    if (from !== 'line') go.push(first(current, 'ln'));
    if (from !== 'card') go.push(card);
    if (from !== 'box' && wide.matches) go.push(first(current, 'blk'));
    go.filter(Boolean).slice(0, wide.matches ? 3 : 1).forEach(bring);
  }

  function hover(id, scroll) {
    if (id === hovered) return;
    hovered = id;
    mark('hl', id);
    if (id && scroll && wide.matches) bring(first(id, 'ln'));
  }

  doc.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof Element) || t.closest('a, summary')) return;
    var card = t.closest('article.art');
    if (card) { select(card.getAttribute('data-article'), 'card'); return; }
    var line = t.closest('[data-line]');
    if (!line) return;
    var id = line.getAttribute('data-article');
    select(id, line.classList.contains('ln') ? 'line' : 'box');
    if (!id) {
      var ln = doc.getElementById('l' + line.getAttribute('data-line'));
      var tag = ln && ln.querySelector('.tag');
      say('Line ' + (ln ? ln.querySelector('.no').textContent : '') + ': ' + (tag ? tag.textContent.replace(/^\S+\s*/, '') : '') + ', in no article.');
    }
  });
  doc.addEventListener('mouseover', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var card = t.closest('article.art');
    if (card) { hover(card.getAttribute('data-article'), true); return; }
    var line = t.closest('[data-line]');
    hover(line ? line.getAttribute('data-article') : null, false);
  });
  doc.addEventListener('focusin', function (e) {
    var card = e.target instanceof Element && e.target.closest('article.art');
    hover(card ? card.getAttribute('data-article') : null, !!card);
  });
  doc.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { select(null); return; }
    var t = e.target;
    if ((e.key === 'Enter' || e.key === ' ') && t instanceof Element && t.classList.contains('art')) {
      e.preventDefault();
      select(t.getAttribute('data-article'), 'card');
    }
  });
  // #a3 opens on article 3, so a reviewer can point a colleague at one.
  function fromHash() {
    var m = /^#a(\d+)$/.exec(location.hash);
    var card = m && doc.getElementById('a' + m[1]);
    if (card) select(card.getAttribute('data-article'), 'hash');
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
  doc.documentElement.setAttribute('data-ready', 'true');
})();
