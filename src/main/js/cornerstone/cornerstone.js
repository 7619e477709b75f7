// The parts of Cornerstone3D and dicomweb-client the imaging viewer (/js/imaging-viewer.js) uses, bundled at build time
// by esbuild (pom.xml, execution npm-vendor) into /js/vendor/cornerstone/cornerstone.js, one ES module served from the
// jar; the DICOM image loader's decoding worker is bundled beside it as decodeImageFrameWorker.js and its WASM codecs
// are copied into wasm/. Nothing here talks to the archive: the viewer gives every URL, all of them Musubi's proxy.
export {
  RenderingEngine, Enums, init, imageLoader, metaData, cache, eventTarget, getShouldUseCPURendering,
} from '@cornerstonejs/core';
export { init as initLoader, wadors } from '@cornerstonejs/dicom-image-loader';
export {
  init as initTools, addTool, ToolGroupManager, WindowLevelTool, PanTool, ZoomTool, LengthTool, StackScrollTool,
  annotation, Enums as ToolEnums,
} from '@cornerstonejs/tools';
export { api as dicomweb } from 'dicomweb-client';
