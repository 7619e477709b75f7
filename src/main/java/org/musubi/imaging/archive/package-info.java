/**
 * The DICOM archive (Orthanc) as Musubi talks to it: its settings ({@link org.musubi.imaging.archive.ArchiveProperties})
 * and an HTTP client for its REST and DICOMweb API ({@link org.musubi.imaging.archive.OrthancClient}). Nothing here
 * checks access: only the imaging module's own doors hand the archive's answers to a user.
 */
@org.springframework.modulith.NamedInterface("archive")
package org.musubi.imaging.archive;
