// The imaging viewer (issue 47): reads a study through Musubi's DICOMweb proxy (never the archive) and draws its
// uncompressed frames on a canvas of its own: series thumbnails, scrolling (wheel, arrow keys, slider), window/level,
// zoom/pan and a length measurement. Every request goes to the same origin with the session's study pass.
const root = document.getElementById('viewer');
const base = root.dataset.base;
const canvas = document.getElementById('viewer-canvas');
const ctx = canvas.getContext('2d');
const slider = document.getElementById('viewer-slider');
const status = document.getElementById('viewer-status');
const T = {SERIES: '0020000E', INSTANCE: '00080018', NUMBER: '00200013', ROWS: '00280010', COLS: '00280011',
  BITS: '00280100', SIGNED: '00280103', SLOPE: '00281053', INTERCEPT: '00281052', CENTER: '00281050',
  WIDTH: '00281051', SPACING: '00280030', MODALITY: '00080060', DESCRIPTION: '0008103E'};
const value = (item, tag) => (item[tag] && item[tag].Value) ? item[tag].Value[0] : undefined;
const state = {series: null, images: [], index: 0, cache: new Map(), wl: null, zoom: 1, panX: 0, panY: 0,
  line: null, tool: 'window', bitmap: null, pending: new Map()};

async function json(path) {
  const answer = await fetch(base + path, {headers: {Accept: 'application/dicom+json'}, credentials: 'same-origin'});
  if (!answer.ok) throw new Error(String(answer.status));
  return answer.json();
}

// One frame of a WADO-RS multipart answer: the bytes of its first part.
function firstPart(buffer, type) {
  const bytes = new Uint8Array(buffer);
  const match = /boundary="?([^";]+)"?/i.exec(type || '');
  if (!match) return bytes;
  const text = new TextDecoder('latin1');
  const head = text.decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  const start = head.indexOf('\r\n\r\n') + 4;
  const closing = '\r\n--' + match[1];
  const tail = text.decode(bytes.subarray(Math.max(start, bytes.length - 512)));
  const at = tail.lastIndexOf(closing);
  const end = at < 0 ? bytes.length : Math.max(start, bytes.length - 512) + at;
  return bytes.subarray(start, end);
}

function frame(image) {
  if (state.cache.has(image.uid)) return Promise.resolve(state.cache.get(image.uid));
  if (state.pending.has(image.uid)) return state.pending.get(image.uid);
  const cache = state.cache;
  const pending = state.pending;
  const promise = load(image).then(pixels => {
    cache.set(image.uid, pixels);
    return pixels;
  }).finally(() => pending.delete(image.uid));
  pending.set(image.uid, promise);
  return promise;
}

async function load(image) {
  const answer = await fetch(`${base}/series/${image.series}/instances/${image.uid}/frames/1`,
    {headers: {Accept: 'multipart/related; type="application/octet-stream"; transfer-syntax=*'}, credentials: 'same-origin'});
  if (!answer.ok) throw new Error(String(answer.status));
  const raw = firstPart(await answer.arrayBuffer(), answer.headers.get('Content-Type'));
  const copy = raw.slice().buffer;
  return image.bits === 8 ? new Uint8Array(copy)
    : image.signed ? new Int16Array(copy, 0, image.rows * image.cols) : new Uint16Array(copy, 0, image.rows * image.cols);
}

function render(image, pixels) {
  const wl = state.wl || {center: image.center, width: image.width};
  const low = wl.center - wl.width / 2;
  const data = new ImageData(image.cols, image.rows);
  for (let i = 0; i < image.rows * image.cols; i++) {
    const v = pixels[i] * image.slope + image.intercept;
    const g = Math.max(0, Math.min(255, Math.round((v - low) / wl.width * 255)));
    data.data[4 * i] = data.data[4 * i + 1] = data.data[4 * i + 2] = g;
    data.data[4 * i + 3] = 255;
  }
  const off = document.createElement('canvas');
  off.width = image.cols;
  off.height = image.rows;
  off.getContext('2d').putImageData(data, 0, 0);
  state.bitmap = off;
  paint();
  document.getElementById('viewer-wl').textContent = `W ${Math.round(wl.width)} / L ${Math.round(wl.center)}`;
}

function paint() {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  if (!state.bitmap) return;
  const fit = Math.min(canvas.width / state.bitmap.width, canvas.height / state.bitmap.height) * state.zoom;
  ctx.setTransform(fit, 0, 0, fit, canvas.width / 2 + state.panX - state.bitmap.width * fit / 2,
    canvas.height / 2 + state.panY - state.bitmap.height * fit / 2);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(state.bitmap, 0, 0);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  if (state.line) {
    ctx.strokeStyle = '#ff0';
    ctx.beginPath();
    ctx.moveTo(state.line.x1, state.line.y1);
    ctx.lineTo(state.line.x2, state.line.y2);
    ctx.stroke();
  }
}

async function show(index) {
  if (!state.images.length) return;
  state.index = Math.max(0, Math.min(state.images.length - 1, index));
  const image = state.images[state.index];
  slider.value = String(state.index + 1);
  document.getElementById('viewer-frame').textContent = root.dataset.frame
    .replace('{0}', String(state.index + 1)).replace('{1}', String(state.images.length));
  try {
    const pixels = await frame(image);
    if (state.images[state.index] !== image) return;
    render(image, pixels);
    if (!canvas.dataset.firstDrawnMs) canvas.dataset.firstDrawnMs = String(Math.round(performance.now()));
    canvas.dataset.drawn = image.uid;
    canvas.dataset.number = String(state.index + 1);
    status.hidden = true;
    prefetch();
  } catch (e) {
    status.hidden = false;
    status.textContent = root.dataset.failed;
  }
}

function describe(item, fallback) {
  const center = Number(value(item, T.CENTER));
  const width = Number(value(item, T.WIDTH));
  const spacing = item[T.SPACING] && item[T.SPACING].Value;
  return {uid: value(item, T.INSTANCE) || fallback.uid, number: Number(value(item, T.NUMBER) || fallback.number || 0),
    rows: value(item, T.ROWS), cols: value(item, T.COLS), bits: value(item, T.BITS),
    signed: value(item, T.SIGNED) === 1,
    slope: Number(value(item, T.SLOPE) ?? 1), intercept: Number(value(item, T.INTERCEPT) ?? 0),
    center: Number.isFinite(center) ? center : 128, width: Number.isFinite(width) && width > 0 ? width : 256,
    spacing: spacing ? spacing.map(Number) : null};
}

// Frames ahead of the scroll position, a few at a time, so that scrolling finds them in the cache.
const AHEAD = 12;
const PARALLEL = 4;
let prefetching = 0;
function prefetch() {
  const series = state.series;
  for (let i = state.index + 1; i <= state.index + AHEAD && i < state.images.length && prefetching < PARALLEL; i++) {
    const image = state.images[i];
    if (state.cache.has(image.uid) || state.pending.has(image.uid)) continue;
    prefetching++;
    frame(image).catch(() => {}).finally(() => {
      prefetching--;
      if (state.series === series) prefetch();
    });
  }
}

// The first image as fast as possible: the series' instance list (light), then the first instance's metadata and
// its frame; the whole series' metadata only after, to refine each image's attributes.
async function openSeries(uid, instances) {
  state.series = uid;
  state.cache.clear();
  state.pending.clear();
  state.wl = null;
  const list = instances || await json(`/series/${uid}/instances`);
  const order = list.map(item => ({uid: value(item, T.INSTANCE), number: Number(value(item, T.NUMBER) || 0)}))
    .sort((a, b) => a.number - b.number);
  if (!order.length) return;
  const first = (await json(`/series/${uid}/instances/${order[0].uid}/metadata`))[0] || {};
  const template = describe(first, order[0]);
  state.images = order.map(o => Object.assign({}, template, {uid: o.uid, number: o.number, series: uid}));
  slider.max = String(state.images.length);
  await show(0);
  json(`/series/${uid}/metadata`).then(metadata => {
    if (state.series !== uid) return;
    const byUid = new Map(metadata.map(item => [value(item, T.INSTANCE), item]));
    state.images.forEach(image => {
      const item = byUid.get(image.uid);
      if (item) Object.assign(image, describe(item, image));
    });
  }).catch(() => {});
}

async function start() {
  const series = await json('/series');
  const list = document.getElementById('viewer-series');
  const lists = series.map(item => json(`/series/${value(item, T.SERIES)}/instances`));
  const opening = series.length ? lists[0].then(instances => openSeries(value(series[0], T.SERIES), instances)) : null;
  for (let n = 0; n < series.length; n++) {
    const item = series[n];
    const uid = value(item, T.SERIES);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'viewer-thumbnail';
    button.dataset.series = uid;
    button.addEventListener('click', () => openSeries(uid));
    list.append(button);
    lists[n].then(instances => {
      const sorted = instances.slice()
        .sort((a, b) => Number(value(a, T.NUMBER) || 0) - Number(value(b, T.NUMBER) || 0));
      const middle = value(sorted[Math.floor(sorted.length / 2)], T.INSTANCE);
      const img = document.createElement('img');
      img.src = `${base}/series/${uid}/instances/${middle}/thumbnail`;
      img.alt = `${value(item, T.MODALITY) || ''} ${value(item, T.DESCRIPTION) || ''}`.trim() || uid;
      const label = document.createElement('span');
      label.textContent = `${value(item, T.MODALITY) || ''} (${instances.length})`;
      button.append(img, label);
    }).catch(() => {});
  }
  if (opening) await opening;
}

function point(event) {
  const r = canvas.getBoundingClientRect();
  return {x: (event.clientX - r.left) * canvas.width / r.width, y: (event.clientY - r.top) * canvas.height / r.height};
}

function lengthText() {
  const image = state.images[state.index];
  if (!state.line || !image || !state.bitmap) return '';
  const fit = Math.min(canvas.width / state.bitmap.width, canvas.height / state.bitmap.height) * state.zoom;
  const dx = (state.line.x2 - state.line.x1) / fit;
  const dy = (state.line.y2 - state.line.y1) / fit;
  if (image.spacing) return `${Math.hypot(dx * image.spacing[1], dy * image.spacing[0]).toFixed(1)} mm`;
  return `${Math.hypot(dx, dy).toFixed(1)} px`;
}

let drag = null;
canvas.addEventListener('pointerdown', e => {
  drag = point(e);
  canvas.setPointerCapture(e.pointerId);
  if (state.tool === 'length') state.line = {x1: drag.x, y1: drag.y, x2: drag.x, y2: drag.y};
});
canvas.addEventListener('pointermove', e => {
  if (!drag || !state.images.length) return;
  const p = point(e);
  const dx = p.x - drag.x;
  const dy = p.y - drag.y;
  const image = state.images[state.index];
  if (state.tool === 'window') {
    const wl = state.wl || {center: image.center, width: image.width};
    state.wl = {center: wl.center + dy * 2, width: Math.max(1, wl.width + dx * 2)};
    drag = p;
    show(state.index);
    return;
  }
  if (state.tool === 'pan') {
    state.panX += dx;
    state.panY += dy;
    drag = p;
  } else if (state.tool === 'zoom') {
    state.zoom = Math.max(0.1, Math.min(20, state.zoom * Math.exp(-dy / 100)));
    drag = p;
  } else if (state.tool === 'length') {
    state.line.x2 = p.x;
    state.line.y2 = p.y;
    document.getElementById('viewer-length').textContent = lengthText();
  }
  paint();
});
canvas.addEventListener('pointerup', () => { drag = null; });
canvas.addEventListener('wheel', e => {
  e.preventDefault();
  show(state.index + (e.deltaY > 0 ? 1 : -1));
}, {passive: false});
canvas.addEventListener('keydown', e => {
  const step = {ArrowDown: 1, ArrowRight: 1, PageDown: 10, ArrowUp: -1, ArrowLeft: -1, PageUp: -10}[e.key];
  if (step) {
    e.preventDefault();
    show(state.index + step);
  } else if (e.key === 'Home') {
    show(0);
  } else if (e.key === 'End') {
    show(state.images.length - 1);
  }
});
slider.addEventListener('input', () => show(Number(slider.value) - 1));
document.querySelectorAll('input[name="tool"]').forEach(r => r.addEventListener('change', () => { state.tool = r.value; }));
document.getElementById('viewer-reset').addEventListener('click', () => {
  state.wl = null;
  state.zoom = 1;
  state.panX = state.panY = 0;
  state.line = null;
  document.getElementById('viewer-length').textContent = '';
  show(state.index);
});
start().catch(() => {
  status.hidden = false;
  status.textContent = root.dataset.failed;
});
