package org.musubi.imaging.demo;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Sex;
import org.musubi.identity.SourcePatient;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.FacilityKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's imaging: a small synthetic chest CT ({@link SyntheticCt}) of the tours' patient, sent into Musubi's own
 * archive as the patient's hospital would send it — under the hospital's patient ID and its patient-ID system — so that
 * Musubi's index takes it in like any study ({@code imaging.index.ChangeFeed}, once Orthanc calls it stable) and it
 * shows on the patient's timeline and in the viewer. Dated three days before today, at 10:30 in the demo's zone.
 */
public final class DemoImaging {

    /** How many images the demo's CT has. */
    static final int SLICES = 12;
    private static final Logger LOG = LoggerFactory.getLogger(DemoImaging.class);

    private final OrthancClient archive;
    private final IdentityStore identities;
    private final Facilities facilities;
    private final Clock clock;
    private final ZoneId zone;
    private final CompletableFuture<Optional<String>> finished = new CompletableFuture<>();

    public DemoImaging(OrthancClient archive, IdentityStore identities, Facilities facilities, Clock clock, ZoneId zone) {
        this.archive = archive;
        this.identities = identities;
        this.facilities = facilities;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Sends the CT of the person's hospital patient (the first hospital with a medical-institution code that holds the
     * person) to the archive; its StudyInstanceUID, or empty when no hospital holds the person.
     */
    public Optional<String> send(long personId) {
        Optional<SyntheticCt> study = study(personId);
        if (study.isEmpty()) {
            LOG.warn("Demo imaging: the tours' patient is held by no hospital with a code; no study was made");
            return Optional.empty();
        }
        int stored = 0;
        for (byte[] instance : study.get().instances()) {
            HttpResponse<byte[]> answer = archive.bytes(archive.request("/instances")
                    .header("Content-Type", "application/dicom").POST(HttpRequest.BodyPublishers.ofByteArray(instance))
                    .build());
            if (answer.statusCode() != 200) {
                throw new OrthancClient.ArchiveUnavailable("the archive answered " + answer.statusCode()
                        + " to the demo's image " + (stored + 1));
            }
            stored++;
        }
        LOG.info("Demo imaging: a synthetic CT of {} images sent to Musubi's own archive for the tours' patient", stored);
        return Optional.of(study.get().studyUid());
    }

    /**
     * The StudyInstanceUID the demo's start sent (empty when it sent none: no archive of Musubi's own, no story, an
     * error logged), once that start's imaging is over — for whoever must see the demo settled before reading it (the
     * tests' demo: a study indexed while a test reads "what is new" would count as new).
     */
    public Future<Optional<String>> finished() {
        return finished;
    }

    void finished(Optional<String> sent) {
        finished.complete(sent);
    }

    /** The study the person's hospital would send, dated three days before today. */
    Optional<SyntheticCt> study(long personId) {
        return identities.sourcePatientsOf(personId).stream()
                .filter(p -> p.localId() != null && !p.localId().isBlank())
                .map(p -> facilities.find(p.facilityId()).filter(f -> f.kind() == FacilityKind.HOSPITAL)
                        .filter(f -> f.code() != null).map(f -> new Held(p, f)))
                .flatMap(Optional::stream).min(Comparator.comparingLong(h -> h.hospital().id()))
                .map(held -> new SyntheticCt(held.patient().localId(),
                        FhirSystems.PATIENT_ID_ROOT.substring("urn:oid:".length()) + held.hospital().code().value(),
                        name(held.patient()), sex(held.patient().sex()),
                        held.patient().birthDate() == null ? "" : held.patient().birthDate().format(
                                java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                        LocalDateTime.now(clock.withZone(zone)).toLocalDate().minusDays(3).atTime(10, 30), SLICES));
    }

    private record Held(SourcePatient patient, Facility hospital) {
    }

    /** The DICOM PN of the hospital's patient: no alphabetic group, the kanji group, the kana group. */
    private static String name(SourcePatient patient) {
        return "=" + part(patient.familyKanji()) + "^" + part(patient.givenKanji()) + "=" + part(patient.familyKana())
                + "^" + part(patient.givenKana());
    }

    private static String part(String value) {
        return value == null ? "" : value.strip();
    }

    private static String sex(Sex sex) {
        return sex == Sex.MALE ? "M" : sex == Sex.FEMALE ? "F" : "O";
    }
}
