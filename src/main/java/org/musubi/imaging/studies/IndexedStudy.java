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
 * @param firstImage      the first series' first image, as the archive listed them when the study was indexed, or
 *                        null (indexed before V83, or no instance)
 */
public record IndexedStudy(String studyUid, String resourceId, long sourcePatientId, long facilityId, String modality,
                           String accession, Instant started, int seriesCount, int instanceCount,
                           FirstImage firstImage) {

    /** A study without a known first image (the viewer then finds it from the archive's lists). */
    public IndexedStudy(String studyUid, String resourceId, long sourcePatientId, long facilityId, String modality,
                        String accession, Instant started, int seriesCount, int instanceCount) {
        this(studyUid, resourceId, sourcePatientId, facilityId, modality, accession, started, seriesCount, instanceCount,
                null);
    }

    /**
     * The image a viewer shows first: the series with the lowest number, its instance with the lowest number. Both
     * UIDs are well-formed (checked here, since the viewer's page puts them in a URL).
     */
    public record FirstImage(String seriesUid, String instanceUid) {
        public FirstImage {
            if (!isUid(seriesUid) || !isUid(instanceUid)) {
                throw new IllegalArgumentException("not a DICOM UID");
            }
        }
    }

    /** A DICOM UID: digits in dot-separated components, at most 64 characters. */
    public static final Pattern UID = Pattern.compile("^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*$");

    /** Whether {@code text} is a well-formed DICOM UID (checked before it is used in a path or a query). */
    public static boolean isUid(String text) {
        return text != null && text.length() <= 64 && UID.matcher(text).matches();
    }
}
