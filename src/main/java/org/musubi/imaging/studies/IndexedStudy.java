package org.musubi.imaging.studies;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A study in the archive as Musubi indexed it.
 *
 * @param studyUid        the StudyInstanceUID
 * @param resourceId      the id of its ImagingStudy in the record
 * @param sourcePatientId the sending facility's source patient the study is stored under
 * @param facilityId      the sending facility
 * @param modality        the study's first modality (CT, MR, ES …), or null
 * @param accession       the accession number, or null
 * @param started         when the study was made, or null
 */
public record IndexedStudy(String studyUid, String resourceId, long sourcePatientId, long facilityId, String modality,
                           String accession, Instant started, int seriesCount, int instanceCount) {

    /** A DICOM UID: digits in dot-separated components, at most 64 characters. */
    public static final Pattern UID = Pattern.compile("^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*$");

    /** Whether {@code text} is a well-formed DICOM UID (checked before it is used in a path or a query). */
    public static boolean isUid(String text) {
        return text != null && text.length() <= 64 && UID.matcher(text).matches();
    }
}
