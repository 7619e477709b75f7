// The imaging viewer (issue 47), built from Cornerstone3D: a StackViewport of @cornerstonejs/core (WebGL, or its CPU
// rendering where the browser has no WebGL), the DICOM image loader's `wadors:` image ids and its decoding worker and
// WASM codecs, the tools of @cornerstonejs/tools (window/level, pan, zoom, length, wheel scrolling) and dicomweb-client
// for the QIDO/metadata calls (the three the first image waits for are asked with fetch, before the bundle is loaded).
// Every URL is Musubi's own DICOMweb proxy (same origin, the session's study pass); the archive is never addressed.
// The bundle is built at build time (pom.xml, execution npm-vendor; docs/imaging.md).
const root = document.getElementById('viewer');
const base = new URL(root.dataset.base, location.href).href;
const studyUid = base.slice(base.lastIndexOf('/') + 1);
const element = document.getElementById('viewer-canvas');
const slider = document.getElementById('viewer-slider');
const status = document.getElementById('viewer-status');
const T = {SERIES: '0020000E', INSTANCE: '00080018', NUMBER: '00200013', FRAMES: '00280008', MODALITY: '00080060',
  DESCRIPTION: '0008103E'};
const value = (item, tag) => (item && item[tag] && item[tag].Value) ? item[tag].Value[0] : undefined;
const byNumber = list => list.slice().sort((a, b) => Number(value(a, T.NUMBER) || 0) - Number(value(b, T.NUMBER) || 0));

// The archive's rendering of the first image, asked by the page itself (viewer.html) when the index knows that image:
// shown until the viewer draws. When it was painted is what the benchmark reads as the first image on screen (Element
// Timing's render time; else, as an upper bound, once it is decoded and the next frame is drawn).
const preview = document.getElementById('viewer-preview');
let previewPainted;
const previewSettled = new Promise(resolve => { previewPainted = resolve; });
const previewShown = ms => {
  const at = Math.round(ms);
  if (at > 0 && !(Number(element.dataset.previewDrawnMs) <= at)) element.dataset.previewDrawnMs = String(at);
  previewPainted();
};
if (preview && typeof PerformanceObserver === 'function'
    && (PerformanceObserver.supportedEntryTypes || []).includes('element')) {
  new PerformanceObserver(list => list.getEntries().filter(e => e.identifier === 'viewer-preview')
    .forEach(e => previewShown(e.renderTime || e.loadTime))).observe({type: 'element', buffered: true});
}
if (preview) {
  preview.decode().then(() => requestAnimationFrame(() => { if (!preview.hidden) previewShown(performance.now()); }))
    .catch(() => { preview.hidden = true; previewPainted(); });
}

// Asked at once, while Cornerstone3D is still being loaded and started: the study's series list, each series' instance
// list, and the first series' first instance's metadata, the three answers the first image waits for. When the page
// names the first image, its series' list and its metadata are asked before the series list has come.
const dicomJson = url => fetch(url, {headers: {Accept: 'application/dicom+json'}})
  .then(r => r.ok ? r.json() : Promise.reject(new Error(`${r.status} ${url}`)));
const named = root.dataset.firstSeries && root.dataset.firstInstance
  ? {series: root.dataset.firstSeries, instance: root.dataset.firstInstance} : null;
const metadataOf = (series, instance) => dicomJson(`${base}/series/${series}/instances/${instance}/metadata`)
  .then(metadata => ({series, instance, metadata: metadata[0] || {}}));
const namedList = named ? dicomJson(`${base}/series/${named.series}/instances`) : null;
const namedFirst = named ? metadataOf(named.series, named.instance) : null;
const seriesAsked = dicomJson(`${base}/series`).then(series => {
  // the named series first (the index's first by number), the others in the archive's order
  const at = named ? series.findIndex(item => value(item, T.SERIES) === named.series) : -1;
  return at > 0 ? [series[at]].concat(series.slice(0, at), series.slice(at + 1)) : series;
});
const listsAsked = seriesAsked.then(series => series.map(item => {
  const uid = value(item, T.SERIES);
  const asked = named && uid === named.series ? namedList : dicomJson(`${base}/series/${uid}/instances`);
  asked.catch(() => {}); // handled where it is used; not an unhandled rejection meanwhile
  return asked;
}));
const firstAsked = Promise.all([seriesAsked, listsAsked]).then(([series, lists]) => {
  if (!series.length) return null;
  // the named image's metadata, or (should the archive no longer have it) the first of the list, asked in openSeries
  if (named && value(series[0], T.SERIES) === named.series) return namedFirst.catch(() => null);
  return lists[0].then(instances => {
    const first = value(byNumber(instances)[0], T.INSTANCE);
    return first === undefined ? null : metadataOf(value(series[0], T.SERIES), first);
  });
});
[namedList, namedFirst, seriesAsked, listsAsked, firstAsked].forEach(p => p && p.catch(() => {}));

// Cornerstone3D's bundle is evaluated on the main thread (a long task), which would hold back the preview's paint:
// it is imported once the preview is on screen (or has failed), or after 400 ms at most.
if (preview) await Promise.race([previewSettled, new Promise(resolve => setTimeout(resolve, 400))]);
const {
  RenderingEngine, Enums, init, eventTarget, initLoader, wadors, initTools, addTool, ToolGroupManager,
  WindowLevelTool, PanTool, ZoomTool, LengthTool, StackScrollTool, annotation, ToolEnums, dicomweb,
} = await import('./vendor/cornerstone/cornerstone.js');
const client = new dicomweb.DICOMwebClient({url: base.slice(0, base.lastIndexOf('/studies/'))});
const TOOLS = {window: WindowLevelTool.toolName, pan: PanTool.toolName, zoom: ZoomTool.toolName,
  length: LengthTool.toolName};
const state = {series: null, shown: null, viewport: null, group: null};

function failed() {
  status.hidden = false;
  status.textContent = root.dataset.failed;
}

// wadors:<proxy>/series/<s>/instances/<i>/frames/<n>: the loader fetches the frame (multipart/related, any transfer
// syntax) from the proxy and decodes it in its worker.
const imageId = (series, instance, frame) => `wadors:${base}/series/${series}/instances/${instance}/frames/${frame}`;
const instanceOf = id => /\/instances\/([^/]+)\/frames\//.exec(id)[1];

async function setUp() {
  await init();
  initLoader({maxWebWorkers: 1, wasmBasePath: new URL('./vendor/cornerstone/wasm/', import.meta.url).href});
  initTools();
  [WindowLevelTool, PanTool, ZoomTool, LengthTool, StackScrollTool].forEach(addTool);
  const engine = new RenderingEngine('musubi-viewer');
  // the viewport id names the SVG layer that the length tool's text style refers to: the page's CSP allows that one
  // style attribute by its hash (ViewerController.POLICY), so the id stays 'stack'
  engine.enableElement({viewportId: 'stack', type: Enums.ViewportType.STACK, element,
    defaultOptions: {background: [0, 0, 0]}});
  state.viewport = engine.getViewport('stack');
  const group = ToolGroupManager.createToolGroup('musubi-viewer');
  Object.values(TOOLS).concat(StackScrollTool.toolName).forEach(name => group.addTool(name));
  group.addViewport('stack', 'musubi-viewer');
  group.setToolActive(StackScrollTool.toolName, {bindings: [{mouseButton: ToolEnums.MouseBindings.Wheel}]});
  state.group = group;
  choose('window');
  new ResizeObserver(() => engine.resize(true, true)).observe(element);
}

function choose(tool) {
  Object.entries(TOOLS).forEach(([key, name]) => {
    if (key !== tool) state.group.setToolPassive(name);
  });
  state.group.setToolActive(TOOLS[tool], {bindings: [{mouseButton: ToolEnums.MouseBindings.Primary}]});
}

function showWindow() {
  const range = state.viewport.getProperties().voiRange;
  if (range) {
    document.getElementById('viewer-wl').textContent =
      `W ${Math.round(range.upper - range.lower)} / L ${Math.round((range.upper + range.lower) / 2)}`;
  }
}

function go(index) {
  const ids = state.viewport.getImageIds();
  if (!ids.length) return;
  state.viewport.setImageIdIndex(Math.max(0, Math.min(ids.length - 1, index))).catch(failed);
}

// The first image as fast as possible: the series' instance list (light), then the first instance's metadata, assumed
// for the others until the whole series' metadata arrives and replaces it (rows, columns, bits and window are the
// series' in practice; position and number are each image's own).
async function openSeries(uid, instances, asked) {
  state.series = uid;
  const list = instances || await client.searchForInstances({studyInstanceUID: studyUid, seriesInstanceUID: uid});
  const order = list.map(item => ({uid: value(item, T.INSTANCE), number: Number(value(item, T.NUMBER) || 0)}))
    .sort((a, b) => a.number - b.number);
  if (!order.length) return;
  const first = asked && asked.series === uid && asked.instance === order[0].uid ? asked.metadata
    : (await client.retrieveInstanceMetadata({studyInstanceUID: studyUid, seriesInstanceUID: uid,
      sopInstanceUID: order[0].uid}))[0] || {};
  if (state.series !== uid) return;
  const ids = order.map(o => imageId(uid, o.uid, 1));
  order.forEach((o, n) => wadors.metaDataManager.add(ids[n], n === 0 ? first : Object.assign({}, first, {
    [T.INSTANCE]: {vr: 'UI', Value: [o.uid]}, [T.NUMBER]: {vr: 'IS', Value: [o.number]}})));
  annotation.state.removeAllAnnotations();
  slider.max = String(ids.length);
  await state.viewport.setStack(ids, 0);
  state.viewport.render();
  refine(uid, order).catch(() => {});
}

// The series' whole metadata: each image's own attributes; a multi-frame instance becomes one image per frame.
async function refine(uid, order) {
  const metadata = await client.retrieveSeriesMetadata({studyInstanceUID: studyUid, seriesInstanceUID: uid});
  if (state.series !== uid) return;
  const byUid = new Map(metadata.map(item => [value(item, T.INSTANCE), item]));
  const ids = [];
  order.forEach(o => {
    const item = byUid.get(o.uid);
    const frames = Math.max(1, Number(value(item, T.FRAMES) || 1));
    for (let f = 1; f <= frames; f++) {
      const id = imageId(uid, o.uid, f);
      if (item) wadors.metaDataManager.add(id, item);
      ids.push(id);
    }
  });
  if (ids.length !== state.viewport.getImageIds().length) {
    const current = state.viewport.getCurrentImageId();
    slider.max = String(ids.length);
    await state.viewport.setStack(ids, Math.max(0, ids.indexOf(current)));
  }
}

// The first series is opened with the answers asked above; the series' thumbnails (each its middle image, rendered by
// the archive) are asked only once the first image is drawn, so that they do not compete with its frame.
async function start() {
  const series = await seriesAsked;
  const lists = await listsAsked;
  const list = document.getElementById('viewer-series');
  const opening = series.length
    ? Promise.all([lists[0], firstAsked])
      .then(([instances, asked]) => openSeries(value(series[0], T.SERIES), instances, asked))
    : Promise.resolve();
  series.forEach((item, n) => {
    const uid = value(item, T.SERIES);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'viewer-thumbnail';
    button.dataset.series = uid;
    button.addEventListener('click', () => openSeries(uid).catch(failed));
    list.append(button);
    lists[n].then(instances => {
      const sorted = byNumber(instances);
      const middle = value(sorted[Math.floor(sorted.length / 2)], T.INSTANCE);
      const img = document.createElement('img');
      img.alt = `${value(item, T.MODALITY) || ''} ${value(item, T.DESCRIPTION) || ''}`.trim() || uid;
      const label = document.createElement('span');
      label.textContent = `${value(item, T.MODALITY) || ''} (${instances.length})`;
      button.append(img, label);
      return opening.catch(() => {}).then(() => {
        img.src = `${base}/series/${uid}/instances/${middle}/thumbnail`;
      });
    }).catch(() => {});
  });
  await opening;
}

// What the page shows of the image drawn; the data attributes are what the browser tests and the benchmark read.
element.addEventListener(Enums.Events.STACK_NEW_IMAGE, e => {
  state.shown = e.detail;
  const count = state.viewport.getImageIds().length;
  slider.value = String(e.detail.imageIdIndex + 1);
  document.getElementById('viewer-frame').textContent = root.dataset.frame
    .replace('{0}', String(e.detail.imageIdIndex + 1)).replace('{1}', String(count));
});
element.addEventListener(Enums.Events.IMAGE_RENDERED, () => {
  if (!state.shown) return;
  if (!element.dataset.firstDrawnMs) element.dataset.firstDrawnMs = String(Math.round(performance.now()));
  if (preview) preview.hidden = true;
  element.dataset.drawn = instanceOf(state.shown.imageId);
  element.dataset.number = String(state.shown.imageIdIndex + 1);
  element.dataset.renderer = state.viewport.useCPURendering ? 'cpu' : 'webgl';
  status.hidden = true;
  showWindow();
});
eventTarget.addEventListener(Enums.Events.IMAGE_LOAD_FAILED, failed);
const lengthShown = e => {
  const stats = e.detail.annotation && e.detail.annotation.data && e.detail.annotation.data.cachedStats;
  const measured = stats && Object.values(stats).find(s => typeof s.length === 'number');
  if (measured) document.getElementById('viewer-length').textContent = `${measured.length.toFixed(1)} ${measured.unit}`;
};
eventTarget.addEventListener(ToolEnums.Events.ANNOTATION_MODIFIED, lengthShown);
eventTarget.addEventListener(ToolEnums.Events.ANNOTATION_COMPLETED, lengthShown);

element.addEventListener('keydown', e => {
  const step = {ArrowDown: 1, ArrowRight: 1, PageDown: 10, ArrowUp: -1, ArrowLeft: -1, PageUp: -10}[e.key];
  if (step) {
    e.preventDefault();
    go(state.viewport.getCurrentImageIdIndex() + step);
  } else if (e.key === 'Home') {
    go(0);
  } else if (e.key === 'End') {
    go(Infinity);
  }
});
slider.addEventListener('input', () => go(Number(slider.value) - 1));
document.querySelectorAll('input[name="tool"]').forEach(r => r.addEventListener('change', () => choose(r.value)));
document.getElementById('viewer-reset').addEventListener('click', () => {
  annotation.state.removeAllAnnotations();
  state.viewport.resetCamera();
  state.viewport.resetProperties();
  state.viewport.render();
  document.getElementById('viewer-length').textContent = '';
});

setUp().then(start).catch(failed);
