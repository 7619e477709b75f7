package org.musubi.imaging.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.record.fhir.FhirJson;
import tools.jackson.databind.JsonNode;

/**
 * A study as Orthanc holds it, read through its REST API: {@code /studies/{id}}, {@code /studies/{id}/series}, and one
 * instance's tags and metadata for what Orthanc does not keep at study level (IssuerOfPatientID, the sending AE title).
 *
 * @param orthancId  Orthanc's own id of the study
 * @param studyUid   StudyInstanceUID
 * @param patientId  PatientID (0010,0020) as sent
 * @param issuer     IssuerOfPatientID (0010,0021), or null
 * @param remoteAet  the AE title that sent the first instance (Orthanc's RemoteAET metadata), or null (REST/STOW uploads)
 * @param accession  AccessionNumber, or null
 * @param started    StudyDate and StudyTime read as Japan's time (the record's {@link FhirJson#JAPAN}), or null
 * @param description StudyDescription, or null
 * @param said       what the study says of its patient (name, sex, birth date), compared with the patient its id
 *                   names ({@link StudyDemographics})
 */
public record ArchivedStudy(String orthancId, String studyUid, String patientId, String issuer, String remoteAet,
                            String accession, Instant started, String description, List<Series> series,
                            IndexedStudy.FirstImage firstImage, StudyDemographics said) {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    public ArchivedStudy {
        series = List.copyOf(series);
    }

    /** One series: its UID, number, modality, description and how many instances Orthanc holds. */
    public record Series(String uid, Integer number, String modality, String description, int instances) {
    }

    public int instanceCount() {
        return series.stream().mapToInt(Series::instances).sum();
    }

    /** The first series' modality (the study's, for the index), or null. */
    public String modality() {
        return series.stream().map(Series::modality).filter(m -> m != null && m.matches("[A-Z]{1,16}")).findFirst()
                .orElse(null);
    }

    /** The study with Orthanc id {@code orthancId}, read now (null when the archive no longer has it); throws {@link OrthancClient.ArchiveUnavailable}. */
    public static ArchivedStudy read(OrthancClient archive, String orthancId) {
        if (!orthancId.matches("[0-9a-f-]{1,64}")) {
            throw new IllegalArgumentException("not an Orthanc id");
        }
        JsonNode study = jsonOrNull(archive, "/studies/" + orthancId);
        if (study == null) {
            return null;
        }
        JsonNode tags = study.path("MainDicomTags");
        JsonNode patient = study.path("PatientMainDicomTags");
        List<Series> series = new ArrayList<>();
        Map<String, String> archiveIds = new HashMap<>();
        String firstInstance = null;
        for (JsonNode s : archive.json("/studies/" + orthancId + "/series")) {
            JsonNode st = s.path("MainDicomTags");
            Series one = new Series(text(st, "SeriesInstanceUID"), number(text(st, "SeriesNumber")),
                    text(st, "Modality"), text(st, "SeriesDescription"), s.path("Instances").size());
            series.add(one);
            if (one.uid() != null) {
                archiveIds.putIfAbsent(one.uid(), s.path("ID").asString(""));
            }
            if (firstInstance == null && s.path("Instances").size() > 0) {
                firstInstance = s.path("Instances").get(0).asString();
            }
        }
        series.sort(Comparator.comparing(Series::number, Comparator.nullsLast(Integer::compare)));
        IndexedStudy.FirstImage first = series.stream().filter(s -> s.instances() > 0).findFirst()
                .map(s -> firstImage(archive, archiveIds.get(s.uid()), s.uid())).orElse(null);
        String issuer = null;
        String aet = null;
        if (firstInstance != null && firstInstance.matches("[0-9a-f-]{1,64}")) {
            issuer = text(archive.json("/instances/" + firstInstance + "/simplified-tags"), "IssuerOfPatientID");
            aet = text(archive.json("/instances/" + firstInstance + "/metadata?expand"), "RemoteAET");
        }
        return new ArchivedStudy(orthancId, text(tags, "StudyInstanceUID"), text(patient, "PatientID"), issuer, aet,
                text(tags, "AccessionNumber"), started(text(tags, "StudyDate"), text(tags, "StudyTime")),
                text(tags, "StudyDescription"), series, first, new StudyDemographics(text(patient, "PatientName"),
                text(patient, "PatientSex"), text(patient, "PatientBirthDate")));
    }

    private static Integer number(String text) {
        return text != null && text.strip().matches("-?\\d{1,9}") ? Integer.valueOf(text.strip()) : null;
    }

    /**
     * The instance of series {@code orthancSeriesId} a viewer shows first: the lowest InstanceNumber (then the lowest
     * UID; instances without a number last), or null when the archive no longer has the series or a UID is not
     * well-formed — the viewer then finds its first image from the lists.
     */
    private static IndexedStudy.FirstImage firstImage(OrthancClient archive, String orthancSeriesId, String seriesUid) {
        if (!IndexedStudy.isUid(seriesUid) || orthancSeriesId == null || !orthancSeriesId.matches("[0-9a-f-]{1,64}")) {
            return null;
        }
        JsonNode instances = jsonOrNull(archive, "/series/" + orthancSeriesId + "/instances");
        if (instances == null) {
            return null;
        }
        record Listed(String uid, Integer number) {
        }
        List<Listed> listed = new ArrayList<>();
        for (JsonNode instance : instances) {
            JsonNode tags = instance.path("MainDicomTags");
            String uid = text(tags, "SOPInstanceUID");
            if (IndexedStudy.isUid(uid)) {
                listed.add(new Listed(uid, number(text(tags, "InstanceNumber"))));
            }
        }
        return listed.stream()
                .min(Comparator.comparing(Listed::number, Comparator.nullsLast(Integer::compare))
                        .thenComparing(Listed::uid))
                .map(l -> new IndexedStudy.FirstImage(seriesUid, l.uid())).orElse(null);
    }

    /** GET {@code path} as JSON; null when the archive answers 404; throws for any other answer but 200. */
    private static JsonNode jsonOrNull(OrthancClient archive, String path) {
        var answer = archive.bytes(archive.request(path).header("Accept", "application/json").GET().build());
        if (answer.statusCode() == 404) {
            return null;
        }
        if (answer.statusCode() != 200) {
            throw new OrthancClient.ArchiveUnavailable("the archive answered " + answer.statusCode() + " to GET " + path);
        }
        return JSON.readTree(answer.body());
    }

    /** The study's index row once it is stored as ImagingStudy {@code resourceId} under {@code patient}. */
    IndexedStudy indexed(String resourceId, Matched patient) {
        return new IndexedStudy(studyUid, resourceId, patient.sourcePatientId(), patient.facilityId(), modality(),
                accession, started, series.size(), instanceCount(), firstImage);
    }

    static Instant started(String date, String time) {
        if (date == null || !date.matches("\\d{8}")) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
            LocalTime at = LocalTime.MIDNIGHT;
            if (time != null && time.matches("\\d{6}(\\.\\d{1,6})?")) {
                at = LocalTime.of(Integer.parseInt(time.substring(0, 2)), Integer.parseInt(time.substring(2, 4)),
                        Integer.parseInt(time.substring(4, 6)));
            } else if (time != null && time.matches("\\d{4}")) {
                at = LocalTime.of(Integer.parseInt(time.substring(0, 2)), Integer.parseInt(time.substring(2, 4)));
            }
            return day.atTime(at).atZone(FhirJson.JAPAN).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asString().strip();
        return text.isEmpty() ? null : text;
    }
}
