/**
 * The browser viewer of a study (issue 47): {@code /imaging/viewer/studies/<study>} opens the study (one audit row,
 * {@link org.musubi.imaging.proxy.StudyPasses}) and shows the patient's studies, the series' thumbnails and the frames,
 * drawn by the page from the proxy's uncompressed frames (window/level, zoom/pan, scrolling, length).
 */
package org.musubi.imaging.viewer;
