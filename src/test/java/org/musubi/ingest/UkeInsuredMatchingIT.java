package org.musubi.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
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
 * The insured-person number in the import path's batch 名寄せ (issue 46): two facilities' UKE receipt files name one
 * person with names written differently (伊藤/伊東) — names, birth date and sex alone would go to an operator, as a third
 * facility's receipt without insurance shows — and link by the insured-person number; a family member on the same card
 * (the same 記号・番号, another 枝番) with the same birth date, sex and a similar name is not linked. Each facility's
 * Patient is stored as its receipt gave it, the number too, and 名寄せ keeps the number hashed; the importing facility
 * reads its own Patient back with it, while another facility reading the person through the FHIR API (Patient,
 * {@code $everything}: the other facility's Patient included) is never answered with it.
 */
@MusubiIntegrationTest
class UkeInsuredMatchingIT extends NetworkFixtures {

    private static final String INSURED = "http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID";
    private static final String INSURER = "06139999";

    @Autowired RunImport imports;
    @Autowired ImportSources sources;
    @Autowired IdentityStore identities;
    @Autowired FhirContext fhir;

    @Test
    void twoFacilitiesReceiptsLinkByTheInsuredNumberAndAFamilyMemberOnTheCardIsNot() {
        String number = String.valueOf(1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
        String symbol = "試" + number.substring(0, 3);
        String born = FhirRecords.uniqueBirthDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        String token = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
        String hospitalKarte = "HK" + token;
        String clinicKarte = "CK" + token;
        String familyKarte = "FK" + token;
        String thirdKarte = "TK" + token;
        Facility hospital = accounts.newHospital();
        Facility clinic = accounts.newHospital();
        Facility third = accounts.newHospital();

        Card card = new Card(symbol, number, born);
        run(hospital, card.receipt(UkeFiles.medical(hospital.code().value(), "試験病院", "202405"), 1, "202404",
                "伊藤　花子", hospitalKarte, "01", 1).go(1, 73));
        UkeFiles clinicFile = card.receipt(UkeFiles.medical(clinic.code().value(), "試験診療所", "202406"), 1, "202405",
                "伊東　花子", clinicKarte, "01", 8);
        run(clinic, card.receipt(clinicFile, 2, "202405", "伊藤　華子", familyKarte, "02", 2).go(2, 146));
        run(third, UkeFiles.medical(third.code().value(), "試験医院", "202406")
                .re(1, "1211", "202405", "伊東　花子", "2", born, thirdKarte, "ｲﾄｳ ﾊﾅｺ")
                .ko("54340012", "1234567", 1, 73)
                .sy("8841934", "20240510", "1", "", "高血圧症", "01", "")
                .item("SI", "12", "112007410", "", 73, 1, Map.of(10, 1))
                .go(1, 73));

        Optional<Long> person = personOf(hospital, hospitalKarte);
        assertThat(person).isPresent();
        assertThat(personOf(clinic, clinicKarte)).as("the same number links what names alone would not").isEqualTo(person);
        assertThat(personOf(third, thirdKarte)).as("without the number: an operator decides").isEmpty();
        assertThat(openReviewCandidates(third, thirdKarte)).as("names, birth date and sex alone: queued")
                .containsEntry(person.orElseThrow(), "SCORE_BELOW_AUTO_LINK");
        assertThat(personOf(clinic, familyKarte)).as("another 枝番 on the card: a family member, never linked").isEmpty();
        assertThat(jdbc.sql("""
                        SELECT c.breakdown FROM match_review r JOIN match_review_candidate c ON c.review_id = r.id
                        JOIN source_patient s ON s.id = r.source_patient_id
                        WHERE s.facility_id = ? AND s.local_id = ? AND r.status = 'OPEN' AND c.person_id = ?""")
                .params(clinic.id(), familyKarte, person.orElseThrow()).query(String.class).list())
                .as("shown to the operator as the family member it is").singleElement().asString()
                .contains("INSURED_NUMBER FAMILY_MEMBER");

        assertThat(jdbc.sql("SELECT count(*) FROM resource WHERE source_facility IN (?, ?) AND type = 'Patient'"
                        + " AND content::text LIKE ?").params(hospital.id(), clinic.id(), "%" + number + "%")
                .query(Long.class).single()).as("the three Patients stored as sent, the number in each").isEqualTo(3);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM source_patient_insured i JOIN source_patient s ON s.id = i.source_patient_id
                        WHERE s.facility_id IN (?, ?) AND i.member_hash IS NOT NULL""")
                .params(hospital.id(), clinic.id()).query(Long.class).single()).as("three numbers kept, hashed").isEqualTo(3);

        long admin = accounts.networkAdmin().id();
        Facility reader = accounts.newHospital();
        consents.link(person.orElseThrow(), hospital.id(), admin);
        consents.grant(person.orElseThrow(), ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin,
                hospital.id());
        consents.link(person.orElseThrow(), reader.id(), admin);
        IGenericClient other = clients.fhirFor(port, reader, "system/*.read");
        String patient = fhir.newJsonParser().encodeResourceToString(other.read().resource(Patient.class)
                .withId(String.valueOf(person.orElseThrow())).execute());
        String everything = fhir.newJsonParser().encodeResourceToString(other.operation()
                .onInstance(new IdType("Patient", String.valueOf(person.orElseThrow()))).named("$everything")
                .withNoParameters(Parameters.class).returnResourceType(Bundle.class).useHttpGet().execute());
        assertThat(everything).as("the other facility reads both facilities' patients")
                .contains(hospitalKarte, clinicKarte).doesNotContain(familyKarte);
        for (String answer : List.of(patient, everything)) {
            assertThat(answer).doesNotContain(number).doesNotContain(INSURED);
        }

        Bundle own = clients.fhirFor(port, hospital, "system/*.read").operation()
                .onInstance(new IdType("Patient", String.valueOf(person.orElseThrow()))).named("$everything")
                .withNoParameters(Parameters.class).returnResourceType(Bundle.class).useHttpGet().execute();
        Map<String, List<String>> numbers = new HashMap<>();
        own.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
                .map(Patient.class::cast).forEach(p -> numbers.merge(
                        p.getIdentifier().stream().map(i -> i.getValue()).filter(v -> v.endsWith(token)).findFirst()
                                .orElse("?"),
                        p.getIdentifier().stream().filter(i -> INSURED.equals(i.getSystem())).map(i -> i.getValue())
                                .toList(), (x, y) -> java.util.stream.Stream.concat(x.stream(), y.stream()).toList()));
        assertThat(numbers).as("the hospital reads back the number it sent, and not the clinic's")
                .containsEntry(hospitalKarte, List.of(INSURER + ":" + symbol + ":" + number + ":01"))
                .containsEntry(clinicKarte, List.of());
    }

    /** The insurance card (記号・番号) of a family whose members are born the same day. */
    private record Card(String symbol, String number, String born) {

        /** A 医科 receipt of a female member (kana ｲﾄｳ ﾊﾅｺ) with this 枝番: HO, SN, one diagnosis, one visit that day. */
        UkeFiles receipt(UkeFiles file, int receipt, String month, String name, String karte, String branch, int day) {
            return file.re(receipt, "1112", month, name, "2", born, karte, "ｲﾄｳ ﾊﾅｺ")
                    .ho(INSURER, symbol, number, 1, 73).sn(INSURER, symbol, number, branch)
                    .sy("8841934", month + "01", "1", "", "高血圧症", "01", "")
                    .item("SI", "12", "112007410", "", 73, 1, Map.of(day, 1));
        }
    }

    private void run(Facility facility, UkeFiles file) {
        ImportSource source = sources.create(facility.id(), ImportKind.UKE, "receipts", null, false);
        ImportBatch batch = imports.run(source, List.of(new IncomingFile(SourceFile.of("receipts.UKE", file.bytes()),
                Instant.now())).iterator(), new RunImport.Runner(null, Actor.system("test"), BatchOrigin.COMMAND_LINE),
                ImportProgress.NONE);
        assertThat(batch.status()).isEqualTo(BatchStatus.DONE);
        assertThat(batch.counts().recordsRejected()).isZero();
    }

    private Optional<Long> personOf(Facility facility, String localId) {
        return identities.sourcePatient(facility.id(), localId).flatMap(s -> identities.personOf(s.id()));
    }

    /** The candidates of the facility's patient's open review, each with the review's reasons. */
    private Map<Long, String> openReviewCandidates(Facility facility, String localId) {
        Map<Long, String> candidates = new HashMap<>();
        jdbc.sql("""
                        SELECT c.person_id, array_to_string(r.reasons, ',') FROM match_review r
                        JOIN match_review_candidate c ON c.review_id = r.id JOIN source_patient s ON s.id = r.source_patient_id
                        WHERE s.facility_id = ? AND s.local_id = ? AND r.status = 'OPEN'""")
                .params(facility.id(), localId).query(rs -> {
                    candidates.put(rs.getLong(1), rs.getString(2));
                });
        return candidates;
    }
}
