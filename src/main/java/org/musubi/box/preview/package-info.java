/**
 * Box's previews: Office files converted to PDF by a headless LibreOffice (through JODConverter) when one is installed,
 * for the page that shows them with pdf.js; without LibreOffice an Office file is a download only.
 */
package org.musubi.box.preview;
