package org.musubi.imaging.studies;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.musubi.record.fhir.FhirJson;

/**
 * A study in the archive as Musubi indexed it.
 *
 * @param studyUid        the StudyInstanceUID
 * @param resourceId      the id of its ImagingStudy in the record
 * @param sourcePatientId the sending facility's source patient the study is stored under
 * @param facilityId      the sending facility
 * @param modality        the study's first modality (CT, MR, ES …), or null
 * @param accession       the accession number, or null
 * @param started         when the study was made (the archive's StudyDate and StudyTime, which are Japan's), or null
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

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * When the study was made, as a date and time in Japan, the record's zone for clinical dates ({@link
     * FhirJson#JAPAN}; the archive's StudyDate and StudyTime are read as Japan's): a study made at 08:00 in Japan is
     * 08:00 on its day, whatever the server's zone. Null when the archive gave no date.
     */
    public LocalDateTime startedInJapan() {
        return inJapan(started);
    }

    /** The study's date and time as pages, lists and documents write it ({@link #startedText(Instant)}). */
    public String startedText() {
        return startedText(started);
    }

    /**
     * A study's date and time as every page, list and document writes it: {@code 2026-11-28 08:00} in Japan, or the
     * day alone ({@code 2026-11-28}) when the archive gave a date without a time (read as midnight); null for none.
     */
    public static String startedText(Instant started) {
        LocalDateTime at = inJapan(started);
        if (at == null) {
            return null;
        }
        return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? DAY.format(at) : MINUTE.format(at);
    }

    private static LocalDateTime inJapan(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, FhirJson.JAPAN);
    }

    /** A DICOM UID: digits in dot-separated components, at most 64 characters. */
    public static final Pattern UID = Pattern.compile("^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*$");

    /** Whether {@code text} is a well-formed DICOM UID (checked before it is used in a path or a query). */
    public static boolean isUid(String text) {
        return text != null && text.length() <= 64 && UID.matcher(text).matches();
    }
}
