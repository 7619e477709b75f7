/**
 * The studies Musubi knows in its archive ({@link org.musubi.imaging.studies.StudyIndex}): which ImagingStudy in the
 * record, and so which patient, a StudyInstanceUID belongs to. Nothing here checks access: a door that serves a study
 * asks the access policy about the patient it finds here.
 */
@org.springframework.modulith.NamedInterface("studies")
package org.musubi.imaging.studies;
