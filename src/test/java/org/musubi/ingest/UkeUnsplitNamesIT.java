package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.musubi.audit.Actor;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.uke.UkeFiles;
import org.musubi.registry.Facility;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 65, finding 1: a receipt file whose カタカナ氏名 have no separator between family and given name (テストハンヨウ,
 * as many receipt computers write them) — every patient of a public file was held as "incomplete" and unreadable. Now
 * each becomes a readable patient at once: a new person made of the whole kana name (with a warning that it was kept
 * whole), or of the parts where the kanji name, written in kana, says where it splits; a receipt that matches a person
 * exactly on the same insurance card links to them; one that matches only by names, birth date and sex waits for an
 * operator — and the clinic reads it all the same, as its own.
 */
@MusubiIntegrationTest
class UkeUnsplitNamesIT extends NetworkFixtures {

    private static final String INSURED = "http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID";
    private static final String INSURER = "06139999";
    private static final String DIAGNOSIS = "高血圧症";

    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired IdentityStore identities;
    @Autowired org.musubi.identity.linkage.DecideReview decide;

    /** A patient of the file: kanji name (with its space), kana as the receipt computer wrote it, birth date. */
    private record Receipt(String karte, String kanji, String kana, String born) {
    }

    @Test
    void aReceiptFileWhoseKanaNamesHaveNoSeparatorMakesReadablePatientsAtOnce() {
        String token = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        Facility clinic = accounts.newHospital();
        Facility hospital = accounts.newHospital();
        List<Receipt> unsplit = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            unsplit.add(new Receipt("U" + i + token, "家族　" + "名実守茂".charAt(i), "カゾク" + FhirRecords.uniqueKana(),
                    born()));
        }
        String agreedGiven = FhirRecords.uniqueKana();
        Receipt agreed = new Receipt("A" + token, "テスト　" + agreedGiven, "テスト" + agreedGiven, born());
        String exactGiven = FhirRecords.uniqueKana();
        Receipt exact = new Receipt("E" + token, "山田　花子", "ヤマダ" + exactGiven, born());
        String heldGiven = FhirRecords.uniqueKana();
        Receipt held = new Receipt("H" + token, "森　花子", "モリ" + heldGiven, born());
        String number = String.valueOf(1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
        long person = registered(hospital, exact, "ヤマダ", exactGiven, INSURER + ":記" + token.charAt(0) + ":" + number);
        long namesake = registered(hospital, held, "モリ", heldGiven, null);

        UkeFiles file = UkeFiles.medical(clinic.code().value(), "試験診療所", "202406");
        int n = 0;
        for (Receipt r : unsplit) {
            file = receipt(file, ++n, r).ho(INSURER, "記" + n, token + n, 1, 73);
        }
        file = receipt(file, ++n, agreed).ho(INSURER, "記" + n, token + n, 1, 73);
        file = receipt(file, ++n, exact).ho(INSURER, "記" + token.charAt(0), number, 1, 73)
                .sn(INSURER, "記" + token.charAt(0), number, "01");
        file = receipt(file, ++n, held).ko("54340012", "1234567", 1, 73);
        ImportBatch batch = run(clinic, file.go(n, 73 * n));

        for (Receipt r : unsplit) {
            assertThat(personOf(clinic, r)).as(r.karte() + ": a new person at once").isPresent();
            assertThat(identities.person(personOf(clinic, r).orElseThrow()).orElseThrow().person().familyKana())
                    .as("the kana name kept whole").isEqualTo(r.kana());
        }
        assertThat(personOf(clinic, agreed)).isPresent();
        assertThat(identities.person(personOf(clinic, agreed).orElseThrow()).orElseThrow().person().givenKana())
                .as("split where the kanji, written in kana, agrees").isEqualTo(agreedGiven);
        assertThat(personOf(clinic, exact)).as("names, birth date, sex exact and the same card: linked").contains(person);
        assertThat(personOf(clinic, held)).as("names, birth date and sex alone: an operator decides").isEmpty();
        assertThat(openReasons(clinic, held)).containsExactly("SCORE_BELOW_AUTO_LINK");
        assertThat(jdbc.sql("SELECT line FROM import_problem WHERE batch_id = ? AND code = 'ingest.name.kanaWhole'"
                        + " AND severity = 'WARNING' ORDER BY line").param(batch.id()).query(Integer.class).list())
                .as("one warning per receipt whose kana stays whole, on its RE line").hasSize(4 + 2);
        assertThat(batch.counts().recordsRejected()).isZero();

        var system = clients.register(clinic, "system/*.read");
        IGenericClient own = clients.fhir(port, clients.token(port, system));
        List<Receipt> all = new ArrayList<>(unsplit);
        all.addAll(List.of(agreed, exact, held));
        Map<String, Patient> read = new LinkedHashMap<>();
        for (Receipt r : all) {
            long before = audit.max();
            Bundle found = own.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly()
                    .systemAndCode(FhirRecords.patientSystem(clinic), r.karte())).returnBundle(Bundle.class).execute();
            assertThat(found.getEntry()).as(r.karte() + ": the clinic finds its patient").hasSize(1);
            assertThat(audit.countByUser(before, system.client().userId())).as(r.karte() + ": one audit row")
                    .isEqualTo(1);
            Patient patient = (Patient) found.getEntryFirstRep().getResource();
            read.put(r.karte(), own.read().resource(Patient.class).withId(patient.getIdElement().getIdPart()).execute());
            Bundle diagnoses = own.search().forResource(Condition.class)
                    .where(Condition.PATIENT.hasId("Patient/" + patient.getIdElement().getIdPart()))
                    .returnBundle(Bundle.class).execute();
            assertThat(diagnoses.getEntry()).as(r.karte() + ": the clinic reads its diagnosis").singleElement()
                    .satisfies(e -> assertThat(((Condition) e.getResource()).getCode().getText()).isEqualTo(DIAGNOSIS));
        }
        // the Patient as the receipt gave it (read by its id): the kana's text as sent, its parts where they were found
        HumanName wholeKana = kana(read.get(unsplit.getFirst().karte()));
        assertThat(wholeKana.getFamily()).isEqualTo(unsplit.getFirst().kana());
        assertThat(wholeKana.hasGiven()).isFalse();
        HumanName agreedKana = kana(read.get(agreed.karte()));
        assertThat(List.of(agreedKana.getText(), agreedKana.getFamily(), agreedKana.getGivenAsSingleString()))
                .containsExactly(agreed.kana(), "テスト", agreedGiven);

        // a hospital later sends the first of them with the kana in two parts: the operator links it (names, birth date
        // and sex alone) and the person takes the parts of the whole name
        Receipt first = unsplit.getFirst();
        String familyPart = "カゾク";
        String givenPart = first.kana().substring(familyPart.length());
        Facility later = accounts.newHospital();
        String laterId = FhirRecords.localId();
        Patient parts = new Patient();
        parts.addIdentifier().setSystem(FhirRecords.patientSystem(later)).setValue(laterId);
        FhirRecords.withKanjiName(parts, "家族", String.valueOf(first.kanji().charAt(3)));
        parts.addName().setFamily(familyPart).addGiven(givenPart).addExtension(
                "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", new org.hl7.fhir.r4.model.CodeType("SYL"));
        parts.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE).setBirthDateElement(
                new org.hl7.fhir.r4.model.DateType(first.born().substring(0, 4) + "-" + first.born().substring(4, 6) + "-"
                        + first.born().substring(6)));
        clients.fhirFor(port, later, "system/*.read", "system/*.write").create().resource(parts).execute();
        long wholePerson = personOf(clinic, first).orElseThrow();
        long laterSource = identities.sourcePatient(later.id(), laterId).orElseThrow().id();
        long review = jdbc.sql("SELECT r.id FROM match_review r JOIN match_review_candidate c ON c.review_id = r.id"
                        + " WHERE r.source_patient_id = ? AND r.status = 'OPEN' AND c.person_id = ?")
                .params(laterSource, wholePerson).query(Long.class).single();
        decide.linkTo(accounts.networkAdmin().id(), review, wholePerson);
        var filled = identities.person(wholePerson).orElseThrow().person();
        assertThat(List.of(filled.familyKana(), filled.givenKana())).containsExactly(familyPart, givenPart);

        long admin = accounts.networkAdmin().id();
        Facility reader = accounts.newHospital();
        long newPerson = personOf(clinic, unsplit.getFirst()).orElseThrow();
        for (long p : List.of(newPerson, person, namesake)) {
            consents.link(p, hospital.id(), admin);
            consents.grant(p, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, hospital.id());
            consents.link(p, reader.id(), admin);
        }
        IGenericClient other = clients.fhirFor(port, reader, "system/*.read");
        assertThat(diagnosesOf(other, newPerson)).as("the receipt is the new person's record at once").contains(DIAGNOSIS);
        assertThat(diagnosesOf(other, person)).as("and the linked person's").contains(DIAGNOSIS);
        assertThat(diagnosesOf(other, namesake)).as("never the namesake's while an operator has not decided").isEmpty();
    }

    private static String born() {
        return FhirRecords.uniqueBirthDate().format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** A 医科 receipt of a woman: RE, one diagnosis, one visit. */
    private static UkeFiles receipt(UkeFiles file, int number, Receipt r) {
        return file.re(number, "1112", "202405", r.kanji(), "2", r.born(), r.karte(), r.kana())
                .sy("8841934", "20240501", "1", "", DIAGNOSIS, "01", "")
                .item("SI", "12", "112007410", "", 73, 1, Map.of(number, 1));
    }

    /** A person another hospital registered over the FHIR API with these names (and insured number: null for none). */
    private long registered(Facility hospital, Receipt r, String familyKana, String givenKana, String insured) {
        String localId = FhirRecords.localId();
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(FhirRecords.patientSystem(hospital)).setValue(localId);
        if (insured != null) {
            patient.addIdentifier().setSystem(INSURED).setValue(insured);
        }
        String[] kanji = r.kanji().split("　");
        FhirRecords.withKanjiName(patient, kanji[0], kanji[1]);
        patient.addName().setFamily(familyKana).addGiven(givenKana).addExtension(
                "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", new org.hl7.fhir.r4.model.CodeType("SYL"));
        patient.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE).setBirthDateElement(
                new org.hl7.fhir.r4.model.DateType(r.born().substring(0, 4) + "-" + r.born().substring(4, 6) + "-"
                        + r.born().substring(6)));
        clients.fhirFor(port, hospital, "system/*.read", "system/*.write").create().resource(patient).execute();
        return clients.personOf(hospital, localId);
    }

    private static HumanName kana(Patient patient) {
        return patient.getName().stream().filter(n -> n.getExtension().stream()
                .anyMatch(e -> "SYL".equals(e.getValue().primitiveValue()))).findFirst().orElseThrow();
    }

    private static List<String> diagnosesOf(IGenericClient client, long personId) {
        return client.search().forResource(Condition.class).where(Condition.PATIENT.hasId("Patient/" + personId))
                .returnBundle(Bundle.class).execute().getEntry().stream()
                .map(e -> ((Condition) e.getResource()).getCode().getText()).toList();
    }

    private ImportBatch run(Facility facility, UkeFiles file) {
        ImportSource source = sources.create(facility.id(), ImportKind.UKE, "receipts", null, false);
        ImportBatch batch = imports.run(source, List.of(new IncomingFile(SourceFile.of("receipts.UKE", file.bytes()),
                Instant.now())).iterator(), new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE),
                ImportProgress.NONE);
        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        return batch;
    }

    private Optional<Long> personOf(Facility facility, Receipt r) {
        return identities.sourcePatient(facility.id(), r.karte()).flatMap(s -> identities.personOf(s.id()));
    }

    private List<String> openReasons(Facility facility, Receipt r) {
        return jdbc.sql("""
                        SELECT unnest(r.reasons) FROM match_review r JOIN source_patient s ON s.id = r.source_patient_id
                        WHERE s.facility_id = ? AND s.local_id = ? AND r.status = 'OPEN'""")
                .params(facility.id(), r.karte()).query(String.class).list();
    }
}
