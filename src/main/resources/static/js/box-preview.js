/*
 * Musubi: draws a Box file's PDF (an Office file converted, or a PDF as sent) with pdf.js, served by Musubi itself
 * (its worker, character maps and fonts too: no CDN), page by page on canvases. The PDF comes from the page's content
 * route; nothing in it runs (no scripting, no eval, no WebAssembly under the pages' CSP). On failure the page says so
 * and keeps its download link. No inline script or style (strict CSP).
 */
const viewer = document.getElementById('pdf-viewer');

function show(id) {
  document.getElementById(id).hidden = false;
}

async function draw() {
  const base = viewer.dataset.pdfjs;
  const pdfjs = await import(base + 'pdf.min.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = base + 'pdf.worker.min.mjs';
  const response = await fetch(viewer.dataset.src, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error('the content answered ' + response.status);
  }
  const data = new Uint8Array(await response.arrayBuffer());
  const pdf = await pdfjs.getDocument({
    data,
    cMapUrl: base + 'cmaps/',
    cMapPacked: true,
    standardFontDataUrl: base + 'standard_fonts/',
    iccUrl: base + 'iccs/',
    wasmUrl: base + 'wasm/',
    useWasm: false,
    isEvalSupported: false,
    enableXfa: false
  }).promise;
  document.getElementById('pdf-status').hidden = true;
  const pages = document.getElementById('pdf-pages');
  pages.textContent = viewer.dataset.pages.replace('{0}', String(pdf.numPages));
  pages.hidden = false;
  viewer.dataset.pageCount = String(pdf.numPages);
  const canvases = document.getElementById('pdf-canvases');
  const ratio = window.devicePixelRatio || 1;
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const natural = page.getViewport({ scale: 1 });
    const fit = Math.min(2, Math.max(0.5, (canvases.clientWidth || 800) / natural.width));
    const viewport = page.getViewport({ scale: fit * ratio });
    const canvas = document.createElement('canvas');
    canvas.className = 'pdf-page';
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = Math.floor(viewport.width / ratio) + 'px';
    canvas.setAttribute('aria-label', viewer.dataset.page.replace('{0}', String(number)));
    canvas.dataset.page = String(number);
    canvases.appendChild(canvas);
    await page.render({ canvas, viewport }).promise;
    viewer.dataset.rendered = String(number);
  }
  viewer.dataset.state = 'done';
}

if (viewer) {
  draw().catch(function (error) {
    document.getElementById('pdf-status').hidden = true;
    show('pdf-failed');
    viewer.dataset.state = 'failed';
    console.warn('Box preview:', error && error.message ? error.message : error);
  });
}
