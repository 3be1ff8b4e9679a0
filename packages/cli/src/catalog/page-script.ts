// The catalog page's one script, inline (the page must open from file:// with no
// network). Its sha256 goes in the page's Content-Security-Policy, which allows
// no other script. It only ever puts plan text on the page as text, or as the
// HTML the generator already escaped (an event's details, kept as inert text
// and parsed when first opened, so 2,000 events stay a small DOM). Kept free of backticks and `${`,
// so it can sit in String.raw as written.
//
// The URL is the state: `#q=checkout&label=team:checkout` (search words, every
// one must match; labels: any of one key, and every key) or `#event/<name>`.
export const PAGE_SCRIPT = String.raw`(function () {
  'use strict';
  var doc = document;
  var list = doc.getElementById('event-list');
  var items = list ? Array.prototype.slice.call(list.children) : [];
  var index = JSON.parse(doc.getElementById('plangen-index').textContent);
  var search = doc.getElementById('search');
  var buttons = Array.prototype.slice.call(doc.querySelectorAll('button[data-label]'));
  var status = doc.getElementById('status');
  var state = { q: '', labels: [] };

  // The details follow this script in the page: until the parser has read them, opening waits for it.
  function render(item) {
    var target = item.querySelector('.body');
    if (target.firstChild) return target;
    var source = doc.getElementById('details-' + target.id.slice(1));
    if (!source || doc.readyState === 'loading') return null;
    target.innerHTML = source.textContent;
    return target;
  }

  function setOpen(item, open) {
    var target = open ? render(item) : item.querySelector('.body');
    if (target === null) {
      doc.addEventListener('DOMContentLoaded', function () { setOpen(item, true); }, { once: true });
      return;
    }
    target.hidden = !open;
    item.querySelector('.toggle').setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  if (list) list.addEventListener('click', function (event) {
    var button = event.target.closest('.toggle');
    if (button) setOpen(button.closest('[data-event]'), button.getAttribute('aria-expanded') !== 'true');
  });

  function keyOf(label) {
    var colon = label.indexOf(':');
    return colon < 0 ? label : label.slice(0, colon);
  }

  function apply() {
    var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    var groups = {};
    state.labels.forEach(function (label) {
      var key = keyOf(label);
      (groups[key] = groups[key] || []).push(label);
    });
    var keys = Object.keys(groups);
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var entry = index[i];
      var visible = words.every(function (word) { return entry.s.indexOf(word) >= 0; }) &&
        keys.every(function (key) { return groups[key].some(function (label) { return entry.l.indexOf(label) >= 0; }); });
      if (items[i].hidden === visible) items[i].hidden = !visible;
      if (visible) shown++;
    }
    buttons.forEach(function (button) {
      var pressed = state.labels.indexOf(button.getAttribute('data-label')) >= 0 ? 'true' : 'false';
      if (button.getAttribute('aria-pressed') !== pressed) button.setAttribute('aria-pressed', pressed);
    });
    if (search.value !== state.q) search.value = state.q;
    var filtered = words.length > 0 || keys.length > 0;
    status.textContent = shown === 0 ? 'No event matches the filter.' :
      filtered ? 'Showing ' + shown + ' of ' + items.length + ' events.' : items.length + (items.length === 1 ? ' event.' : ' events.');
  }

  function decode(text) {
    try { return decodeURIComponent(text.replace(/\+/g, ' ')); } catch (error) { return text; }
  }

  function encode(text) {
    return encodeURIComponent(text).replace(/%3A/g, ':');
  }

  function hashOf() {
    var parts = [];
    if (state.q !== '') parts.push('q=' + encode(state.q));
    state.labels.forEach(function (label) { parts.push('label=' + encode(label)); });
    return parts.join('&');
  }

  function writeUrl() {
    var hash = hashOf();
    var url = location.href.split('#')[0] + (hash === '' ? '' : '#' + hash);
    try { history.replaceState(null, '', url); } catch (error) { location.replace('#' + hash); }
  }

  function openEvent(name) {
    var item = doc.getElementById('event/' + encodeURIComponent(name));
    if (!item) return;
    setOpen(item, true);
    item.scrollIntoView();
    item.querySelector('.toggle').focus({ preventScroll: true });
  }

  function fromUrl() {
    var hash = location.hash.slice(1);
    if (hash.indexOf('event/') === 0) {
      state = { q: '', labels: [] };
      apply();
      openEvent(decode(hash.slice(6)));
      return;
    }
    if (hash !== '' && hash.indexOf('=') < 0) return; // a section link: the browser scrolls to it
    var next = { q: '', labels: [] };
    hash.split('&').forEach(function (part) {
      var equals = part.indexOf('=');
      if (equals < 0) return;
      var key = part.slice(0, equals);
      var value = decode(part.slice(equals + 1));
      if (key === 'q') next.q = value;
      if (key === 'label' && value !== '' && next.labels.indexOf(value) < 0) next.labels.push(value);
    });
    next.labels.sort();
    state = next;
    apply();
  }

  search.addEventListener('input', function () {
    state.q = search.value;
    apply();
    writeUrl();
  });
  search.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && search.value !== '') {
      event.preventDefault();
      state.q = '';
      apply();
      writeUrl();
    }
  });
  buttons.forEach(function (button) {
    button.addEventListener('click', function () {
      var label = button.getAttribute('data-label');
      var at = state.labels.indexOf(label);
      if (at >= 0) state.labels.splice(at, 1); else state.labels.push(label);
      state.labels.sort();
      apply();
      writeUrl();
    });
  });
  doc.getElementById('clear').addEventListener('click', function () {
    state = { q: '', labels: [] };
    apply();
    writeUrl();
    search.focus();
  });
  doc.addEventListener('keydown', function (event) {
    var tag = event.target.tagName;
    if (event.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      search.focus();
    }
  });
  window.addEventListener('hashchange', fromUrl);
  // Printed, every event the filter shows is printed whole.
  window.addEventListener('beforeprint', function () {
    items.forEach(function (item) {
      if (!item.hidden) setOpen(item, true);
    });
  });

  fromUrl();
  doc.body.setAttribute('data-ready', 'true');
  performance.mark('plangen-ready');
})();
`;
