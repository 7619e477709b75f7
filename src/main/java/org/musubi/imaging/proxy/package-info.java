/**
 * Musubi's DICOMweb proxy (issue 47): the only way a browser reads a study's pixels. Every request checks the UIDs,
 * finds the study in the {@link org.musubi.imaging.studies.StudyIndex}, asks the access policy about its patient and
 * checks that the series and instance belong to the study; anything refused answers like a study nobody has. A study
 * opened is audited once ({@link org.musubi.imaging.proxy.StudyPasses}); its frames are fetched with the pass it gave.
 */
@org.springframework.modulith.NamedInterface("proxy")
package org.musubi.imaging.proxy;
