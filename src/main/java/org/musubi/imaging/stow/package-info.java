/**
 * STOW-RS through Musubi ({@code POST /api/dicom-web/studies}): a facility's system stores instances of its own
 * patients, checked, forwarded to Orthanc and indexed at once ({@link org.musubi.imaging.stow.StoreInstances}).
 */
package org.musubi.imaging.stow;
