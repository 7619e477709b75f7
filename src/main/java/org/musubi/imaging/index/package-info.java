/**
 * The imaging indexer (issue 47): Musubi learns of the studies in its DICOM archive from Orthanc's change feed ({@link
 * org.musubi.imaging.index.ChangeFeed}, resumable: its cursor in the database moves only after a study is written),
 * finds each study's source patient from PatientID + IssuerOfPatientID or the sending AE title ({@link
 * org.musubi.imaging.index.StudyPatients}) and writes one ImagingStudy per study — the one the hospital's order message
 * made, when there is one — with its index row ({@link org.musubi.imaging.index.StudyWrites}); studies that match no
 * patient wait on the operators' list ({@link org.musubi.imaging.index.WaitingStudies}, {@code /admin/imaging}).
 */
@org.springframework.modulith.NamedInterface("index")
package org.musubi.imaging.index;
