/**
 * Imaging (issue 47): hospitals' images kept in a DICOM archive Musubi does not contain — Debian's Orthanc with its
 * DICOMweb plugin, run as a separate process (its plugins are AGPL: never linked) — indexed into the regional record as
 * ImagingStudy resources, shown in a browser viewer through Musubi's own DICOMweb proxy behind the access policy, read
 * remotely and twice, and sent to AI services. The archive's connection: {@link org.musubi.imaging.archive}.
 */
package org.musubi.imaging;
