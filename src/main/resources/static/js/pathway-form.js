// A stage form's enable-when on the page (issue 44): an item whose conditions do not hold is hidden as the user
// answers; the server applies the same conditions again on submit (org.musubi.pathway.Enablement) and drops the
// answers of hidden items. Conditions: data-when on the item ({"any":bool,"when":[{"q":linkId,"op":"=","v":"…"}]}),
// the enclosing group in data-parent.
(function () {
  'use strict';
  var form = document.getElementById('stage-form');
  if (!form) {
    return;
  }
  var items = Array.prototype.slice.call(form.querySelectorAll('[data-item]'));
  var byId = {};
  items.forEach(function (item) { byId[item.getAttribute('data-item')] = item; });

  function answers(linkId) {
    var item = byId[linkId];
    if (!item || item.hidden) {
      return [];
    }
    var out = [];
    form.querySelectorAll('[name="f.' + linkId.replace(/"/g, '\\"') + '"]').forEach(function (field) {
      var chosen = field.type === 'radio' || field.type === 'checkbox' ? field.checked : field.value.trim() !== '';
      if (chosen) {
        out.push(field.value.trim());
      }
    });
    return out;
  }

  function compare(a, b) {
    var x = parseFloat(a);
    var y = parseFloat(b);
    if (!isNaN(x) && !isNaN(y) && /^[-+0-9.]+$/.test(a) && /^[-+0-9.]+$/.test(b)) {
      return x - y;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function holds(condition) {
    var given = answers(condition.q);
    switch (condition.op) {
      case 'exists': return (given.length > 0) === (condition.v === 'true');
      case '=': return given.some(function (v) { return v === condition.v; });
      case '!=': return given.length > 0 && !given.some(function (v) { return v === condition.v; });
      case '>': return given.some(function (v) { return compare(v, condition.v) > 0; });
      case '<': return given.some(function (v) { return compare(v, condition.v) < 0; });
      case '>=': return given.some(function (v) { return compare(v, condition.v) >= 0; });
      case '<=': return given.some(function (v) { return compare(v, condition.v) <= 0; });
      default: return true;
    }
  }

  function update() {
    items.forEach(function (item) {
      var parent = byId[item.getAttribute('data-parent')];
      var own = true;
      var when = item.getAttribute('data-when');
      if (when) {
        var w = JSON.parse(when);
        var results = w.when.map(holds);
        own = w.any ? results.some(Boolean) : results.every(Boolean);
      }
      item.hidden = !own || (parent !== undefined && parent.hidden);
    });
  }

  form.addEventListener('change', update);
  form.addEventListener('input', update);
  update();
}());
