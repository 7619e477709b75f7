/*
 * Musubi: draws a lab trend from the values table beside it (the table is the data and works
 * without JavaScript). Each <canvas data-values="table-id"> gets a line chart: one line through
 * every value, points coloured by reporting facility (flagged values larger, as triangles), and
 * the reference range's low and high as dashed lines. No inline script or style (strict CSP).
 */
(function () {
  'use strict';
  var DAY = 86400000;
  var PALETTE = ['#0b6e4f', '#1f5fbf', '#b35c00', '#7b3fa0', '#b3261e', '#2c7a7b', '#6b4f1d', '#44505c'];

  function number(text) {
    return text === undefined || text === '' ? null : Number(text);
  }

  function epochDay(iso) {
    return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
  }

  function isoDay(epoch) {
    return new Date(Math.round(epoch) * DAY).toISOString().slice(0, 10);
  }

  function pointsOf(table) {
    return Array.prototype.map.call(table.querySelectorAll('tbody tr[data-day]'), function (row) {
      return {
        x: epochDay(row.dataset.day), y: number(row.dataset.value), low: number(row.dataset.low),
        high: number(row.dataset.high), facility: row.dataset.facility || '', flag: row.dataset.flag || ''
      };
    }).filter(function (p) { return p.y !== null && !isNaN(p.y); });
  }

  function boundLine(points, key, label) {
    var data = points.filter(function (p) { return p[key] !== null; })
      .map(function (p) { return { x: p.x, y: p[key] }; });
    return {
      label: label, data: data, borderColor: '#8a96a3', borderDash: [6, 4], borderWidth: 1,
      pointRadius: 0, pointHitRadius: 0, stepped: true, fill: false
    };
  }

  function draw(canvas) {
    var table = document.getElementById(canvas.dataset.values);
    if (!table || typeof window.Chart === 'undefined') {
      return;
    }
    var points = pointsOf(table);
    var facilities = [];
    points.forEach(function (p) {
      if (facilities.indexOf(p.facility) < 0) {
        facilities.push(p.facility);
      }
    });
    var datasets = [{
      label: table.dataset.labelValue, data: points, borderColor: '#c3cad3', borderWidth: 2,
      pointRadius: 0, pointHitRadius: 0, fill: false
    }];
    facilities.forEach(function (facility, i) {
      var colour = PALETTE[i % PALETTE.length];
      datasets.push({
        label: facility, data: points.filter(function (p) { return p.facility === facility; }),
        showLine: false, borderColor: colour, backgroundColor: colour,
        pointRadius: function (ctx) { return ctx.raw && ctx.raw.flag ? 7 : 4; },
        pointStyle: function (ctx) { return ctx.raw && ctx.raw.flag ? 'triangle' : 'circle'; }
      });
    });
    datasets.push(boundLine(points, 'high', table.dataset.labelHigh));
    datasets.push(boundLine(points, 'low', table.dataset.labelLow));
    var unit = table.dataset.unit || '';
    new window.Chart(canvas, {
      type: 'line',
      data: { datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: {
          x: { type: 'linear', ticks: { callback: function (value) { return isoDay(value); }, maxTicksLimit: 8 } },
          y: { title: { display: unit !== '', text: unit } }
        },
        plugins: {
          legend: { labels: { filter: function (item) { return item.datasetIndex > 0; } } },
          tooltip: {
            callbacks: {
              title: function (items) { return items.length ? isoDay(items[0].parsed.x) : ''; },
              label: function (item) {
                var flag = item.raw && item.raw.flag ? ' ' + item.raw.flag : '';
                return item.dataset.label + ': ' + item.parsed.y + (unit ? ' ' + unit : '') + flag;
              }
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
