package org.musubi.ingest.ssmix2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.file;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.message;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.msh;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.only;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.parsed;
import static org.musubi.ingest.ssmix2.Ssmix2Messages.rejected;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.hl7.Hl7Text;

/** ADT encounter events: one Encounter per stay, keyed by visit number or admission day. */
class EncounterMappingTest {

    private static final String FOLDER = "000/100/0001000052/";
    private static final String ADMISSION = FOLDER + "20240401/ADT-22/0001000052_20240401_ADT-22_999999999999999_20240401100000000_01_1";
    private static final String DISCHARGE = FOLDER + "20240415/ADT-52/0001000052_20240415_ADT-52_999999999999999_20240415100000000_01_1";

    @TempDir
    Path storage;

    @Test
    void joinsADischargeWithoutAdmissionDateToTheAdmissionInTheStorage() throws IOException {
        write(ADMISSION, Ssmix2Messages.admission("202404011030"));
        Ssmix2Reader reader = new Ssmix2Reader(Ssmix2Messages.PARSING, Map.of(), new StorageStays(storage));

        ParseResult.Parsed admitted = parsedBy(reader, ADMISSION, Ssmix2Messages.admission("202404011030"));
        ParseResult.Parsed discharged = parsedBy(reader, DISCHARGE, Ssmix2Messages.discharge("202404151000"));

        assertThat(admitted.resources().getFirst().sourceKey()).isEqualTo("ssmix2:stay:20240401");
        assertThat(discharged.resources().getFirst().sourceKey()).isEqualTo("ssmix2:stay:20240401");
        Encounter stay = (Encounter) discharged.resources().getFirst().resource();
        assertThat(stay.getStatus()).isEqualTo(EncounterStatus.FINISHED);
        assertThat(stay.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-04-01T10:30:00+09:00");
        assertThat(stay.getPeriod().getEndElement().getValueAsString()).isEqualTo("2024-04-15T10:00:00+09:00");
        assertThat(stay.getHospitalization().getDischargeDisposition().getCodingFirstRep().getCode()).isEqualTo("01");
        assertThat(stay.getLocationFirstRep().getLocation().getDisplay()).isEqualTo("5 501 2");
        assertThat(discharged.warnings()).isEmpty();
    }

    @Test
    void joinsADischargeToTheStayTheFacilityStoredBeforeKeepingItsAdmissionTime() {
        Stays stored = (patientId, date) -> patientId.equals("0001000052") && date.equals("20240415")
                ? Optional.of(new Stays.Stay("ssmix2:stay:20240401", "2024-04-01T10:30:00+09:00")) : Optional.empty();
        Ssmix2Reader reader = new Ssmix2Reader(Ssmix2Messages.PARSING, Map.of(), new StorageStays(storage).orElse(stored));

        ParseResult.Parsed discharged = parsedBy(reader, DISCHARGE, Ssmix2Messages.discharge("202404151000"));

        assertThat(discharged.resources().getFirst().sourceKey()).isEqualTo("ssmix2:stay:20240401");
        Encounter stay = (Encounter) discharged.resources().getFirst().resource();
        assertThat(stay.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-04-01T10:30:00+09:00");
        assertThat(stay.getStatus()).isEqualTo(EncounterStatus.FINISHED);
        assertThat(discharged.warnings()).isEmpty();
    }

    @Test
    void neverJoinsAnotherRecordsOwnEncounter() {
        Stays stored = (patientId, date) -> Optional.of(new Stays.Stay("ssmix2:ADT-42:20240410:999999999999999/Encounter",
                "2024-04-01"));
        Ssmix2Reader reader = new Ssmix2Reader(Ssmix2Messages.PARSING, Map.of(), stored);

        ParseResult.Parsed discharged = parsedBy(reader, DISCHARGE, Ssmix2Messages.discharge("202404151000"));

        assertThat(discharged.resources().getFirst().sourceKey()).endsWith("ADT-52:20240415:999999999999999/Encounter");
        assertThat(discharged.warnings()).extracting(w -> w.code()).containsExactly("ssmix2.stay-unknown");
    }

    @Test
    void ignoresACancelledAdmissionInTheStorage() throws IOException {
        write(ADMISSION, Ssmix2Messages.admission("202404011030").replace("ADT^A01^ADT_A01", "ADT^A11^ADT_A09"));
        Ssmix2Reader reader = new Ssmix2Reader(Ssmix2Messages.PARSING, Map.of(), new StorageStays(storage));

        ParseResult.Parsed discharged = parsedBy(reader, DISCHARGE, Ssmix2Messages.discharge("202404151000"));

        assertThat(discharged.resources().getFirst().sourceKey()).endsWith("ADT-52:20240415:999999999999999/Encounter");
        assertThat(discharged.warnings()).extracting(w -> w.code()).containsExactly("ssmix2.stay-unknown");
    }

    @Test
    void keysADischargeOnItsOwnWithAWarningWhenNoStorageTellsTheStay() {
        ParseResult.Parsed discharged = parsed(DISCHARGE, Ssmix2Messages.discharge("202404151000"));

        assertThat(discharged.resources().getFirst().sourceKey())
                .isEqualTo("ssmix2:ADT-52:20240415:999999999999999/Encounter");
        assertThat(discharged.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("ssmix2.stay-unknown");
            assertThat(w.where().field()).isEqualTo("PV1-44");
        });
    }

    @Test
    void keysByVisitNumberWhenSent() {
        ParseResult.Parsed parsed = parsed(DISCHARGE, Ssmix2Messages.discharge("202404151000", "V-777"));

        assertThat(parsed.resources().getFirst().sourceKey()).isEqualTo("ssmix2:visit:V-777");
        assertThat(((Encounter) parsed.resources().getFirst().resource()).getIdentifierFirstRep().getValue()).isEqualTo("V-777");
    }

    @Test
    void cancelsAnAdmission() {
        String cancel = Ssmix2Messages.admission("202404011030").replace("ADT^A01^ADT_A01", "ADT^A11^ADT_A09");
        Encounter stay = (Encounter) parsed(ADMISSION, cancel).resources().getFirst().resource();

        assertThat(stay.getStatus()).isEqualTo(EncounterStatus.CANCELLED);
    }

    @Test
    void rejectsAnAdmissionWhoseAdmissionDateCannotBeRead() {
        var problem = rejected(only(Ssmix2Messages.reader(), file(ADMISSION, Ssmix2Messages.admission("20241301")))).problem();

        assertThat(problem.code()).isEqualTo("ssmix2.invalid-date");
        assertThat(problem.where().field()).isEqualTo("PV1-44");
        assertThat(problem.japanese()).contains("20241301");
    }

    @Test
    void keysAPlannedAdmissionByItsPlannedDay() {
        String path = FOLDER + "20240401/ADT-21/0001000052_20240401_ADT-21_999999999999999_20240325100000000_01_1";
        String planned = message(msh("ADT^A14^ADT_A05"), "EVN||202403251000", Ssmix2Messages.PID, "PV1|0001|I",
                "PV2||||||||202404010900");
        ParseResult.Parsed parsed = parsed(path, planned);

        assertThat(parsed.resources().getFirst().sourceKey()).isEqualTo("ssmix2:stay:20240401");
        assertThat(((Encounter) parsed.resources().getFirst().resource()).getStatus()).isEqualTo(EncounterStatus.PLANNED);
    }

    @Test
    void makesAnOutpatientVisitItsOwnEncounter() {
        String path = FOLDER + "20240401/ADT-12/0001000052_20240401_ADT-12_999999999999999_20240401100000000_01_1";
        String visit = message(msh("ADT^A04^ADT_A01"), "EVN||202404010900", Ssmix2Messages.PID,
                "PV1|0001|O|01^^^^^C||||D01^医師^一郎|||01" + "|".repeat(34) + "202404010915");
        ParseResult.Parsed parsed = parsed(path, visit);

        Encounter encounter = (Encounter) parsed.resources().getFirst().resource();
        assertThat(parsed.resources().getFirst().sourceKey()).isEqualTo("ssmix2:ADT-12:20240401:999999999999999/Encounter");
        assertThat(encounter.getClass_().getCode()).isEqualTo("AMB");
        assertThat(encounter.getStatus()).isEqualTo(EncounterStatus.ARRIVED);
        assertThat(encounter.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-04-01T09:15:00+09:00");
    }

    private static ParseResult.Parsed parsedBy(Ssmix2Reader reader, String path, String message) {
        return (ParseResult.Parsed) only(reader, file(path, message));
    }

    private void write(String path, String message) throws IOException {
        Path file = storage.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, message.getBytes(Hl7Text.ISO_2022_JP));
    }
}
