/*
 * Musubi health notebook: draws a measure's chart from the values table under it (the table is the data and works
 * without JavaScript). One line per measure (blood pressure: systolic and diastolic; glucose: fasting and after a
 * meal); a row marked data-gap="true" follows a long stretch without values, and the line breaks there instead of
 * joining across it. The x axis spans the chosen range (a week, a month, a year) or all values. No inline script or
 * style (strict CSP).
 */
(function () {
  'use strict';
  var COLOURS = ['#0b6e4f', '#b3261e', '#1f5fbf', '#b35c00'];

  function day(ms, withTime) {
    var d = new Date(Number(ms));
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    var text = d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
    return withTime ? text + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes()) : text;
  }

  function seriesOf(table) {
    var series = [];
    var byKey = {};
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr[data-series]'), function (row) {
      var key = row.dataset.series;
      if (!byKey[key]) {
        byKey[key] = { label: row.dataset.label, points: [] };
        series.push(byKey[key]);
      }
      var x = Number(row.dataset.at);
      var y = Number(row.dataset.value);
      if (isNaN(x) || isNaN(y)) {
        return;
      }
      if (row.dataset.gap === 'true' && byKey[key].points.length) {
        byKey[key].points.push({ x: x - 1, y: null });
      }
      byKey[key].points.push({ x: x, y: y });
    });
    return series;
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.dataset.values);
    if (!table || typeof window.Chart === 'undefined') {
      return;
    }
    var unit = table.dataset.unit || '';
    var datasets = seriesOf(table).map(function (s, i) {
      var colour = COLOURS[i % COLOURS.length];
      return {
        label: s.label, data: s.points, borderColor: colour, backgroundColor: colour, borderWidth: 2,
        pointRadius: 3, spanGaps: false, fill: false
      };
    });
    var x = { type: 'linear', ticks: { maxTicksLimit: 5, callback: function (value) { return day(value, false); } } };
    if (canvas.dataset.from) {
      x.min = Number(canvas.dataset.from);
      x.max = Number(canvas.dataset.to);
    }
    new window.Chart(canvas, {
      type: 'line',
      data: { datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: x, y: { title: { display: unit !== '', text: unit } } },
        plugins: {
          legend: { display: datasets.length > 1 },
          tooltip: {
            callbacks: {
              title: function (items) { return items.length ? day(items[0].parsed.x, true) : ''; },
              label: function (item) { return item.dataset.label + ': ' + item.parsed.y + (unit ? ' ' + unit : ''); }
            }
          }
        }
      }
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('canvas[data-values]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
