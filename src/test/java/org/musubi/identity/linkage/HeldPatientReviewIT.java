package org.musubi.identity.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.musubi.audit.Purpose;
import org.musubi.consent.ConsentScope;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.Sex;
import org.musubi.registry.Facility;
import org.musubi.testing.FhirRecords;
import org.musubi.testing.MusubiIntegrationTest;
import org.musubi.testing.NetworkFixtures;
import org.musubi.testing.TestRegionalIds;
import org.musubi.testing.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 65, build 2: for every reason a patient can be held in the 名寄せ review queue — the matcher's seven and the
 * four of a patient nobody resembles that lacks what a new person needs — a clinic sends the patient and a lab result
 * over the FHIR API; while it waits, the clinic reads both as its own (one audit row a read) and a facility with a
 * link and the person's consent sees nothing of them; the operator's review page says why it waits and what to do, in
 * Japanese and in English, never as a code; the operator links the patient (or registers it as a new person), and at
 * once the linked facility reads the result under the person and the clinic still reads it.
 */
@MusubiIntegrationTest
class HeldPatientReviewIT extends NetworkFixtures {

    private static final String INSURED = "http://jpfhir.jp/fhir/clins/Idsystem/JP_Insurance_memberID";
    private static final Properties JAPANESE = bundle("/messages.properties");
    private static final Properties ENGLISH = bundle("/messages_en.properties");

    @Autowired IdentityStore identities;

    /** What the clinic sends (any part null: not sent). */
    private record Sent(String familyKanji, String givenKanji, String familyKana, String givenKana, Sex sex,
                        LocalDate born, String postal, String address, String phone, String insured) {

        Sent with(Sex newSex) {
            return new Sent(familyKanji, givenKanji, familyKana, givenKana, newSex, born, postal, address, phone, insured);
        }

        Sent born(LocalDate day) {
            return new Sent(familyKanji, givenKanji, familyKana, givenKana, sex, day, postal, address, phone, insured);
        }

        Sent names(String fKanji, String gKanji, String fKana, String gKana) {
            return new Sent(fKanji, gKanji, fKana, gKana, sex, born, postal, address, phone, insured);
        }

        Sent contacts(String newPostal, String newAddress, String newPhone) {
            return new Sent(familyKanji, givenKanji, familyKana, givenKana, sex, born, newPostal, newAddress, newPhone,
                    insured);
        }

        Sent insured(String number) {
            return new Sent(familyKanji, givenKanji, familyKana, givenKana, sex, born, postal, address, phone, number);
        }

        Person person() {
            return new Person(TestRegionalIds.next(), familyKanji, givenKanji, familyKana, givenKana, sex, born, postal,
                    address, phone);
        }
    }

    /** Someone only this test has: unique kana, a unique birth date, unique phone and address. */
    private static Sent someone() {
        int n = ThreadLocalRandom.current().nextInt(10_000, 99_999);
        return new Sent("保留", "花子", "ホリュウ", FhirRecords.uniqueKana(), Sex.FEMALE, FhirRecords.uniqueBirthDate(),
                "73" + n / 10 % 10 + "-" + (1000 + n % 9000), "広島県広島市中区保留町" + n + "番",
                "090-" + (1000 + n % 9000) + "-" + (1000 + n / 7 % 9000), null);
    }

    /**
     * What the test set up: the patient the clinic sends, the person it is held against (null: nobody resembles it)
     * and whether the operator links it to that person (else registers it as a new person).
     */
    private record Scenario(Sent held, Long candidate, boolean link) {

        Long linkTo() {
            return link ? candidate : null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCORE_BELOW_AUTO_LINK", "BIRTH_DATE_DISAGREES", "SEX_DISAGREES", "NAMES_DISAGREE",
            "GIVEN_NAME_DISAGREES", "INSURED_FAMILY_MEMBER", "CLOSE_RUNNER_UP", "NO_KANA_NAME", "NO_NAME", "NO_SEX",
            "NO_BIRTH_DATE"})
    void aHeldPatientIsReadByItsClinicShownWithItsReasonAndReadableByTheRightPeopleOnceDecided(String reason) {
        Facility clinic = accounts.newHospital();
        Facility reader = accounts.newHospital();
        Scenario scenario = scenario(reason);
        assertThat(MatchReviews.REASONS).contains(reason);

        var system = clients.register(clinic, "system/*.read", "system/*.write");
        IGenericClient own = clients.fhir(port, clients.token(port, system));
        String localId = FhirRecords.localId();
        String patientId = own.create().resource(patient(clinic, localId, scenario.held())).execute().getId().getIdPart();
        double value = 5.0 + ThreadLocalRandom.current().nextInt(1, 90) / 10.0;
        String observationId = FhirRecords.create(own, FhirRecords.lab(clinic, localId, FhirRecords.HBA1C, "2026-04-01",
                value));
        long source = identities.sourcePatient(clinic.id(), localId).orElseThrow().id();
        assertThat(identities.personOf(source)).as("held").isEmpty();
        long reviewId = jdbc.sql("SELECT id FROM match_review WHERE source_patient_id = ? AND status = 'OPEN'")
                .param(source).query(Long.class).single();
        assertThat(jdbc.sql("SELECT unnest(reasons) FROM match_review WHERE id = ?").param(reviewId)
                .query(String.class).list()).contains(reason);

        assertClinicReads(own, system.client().userId(), clinic, localId, patientId, observationId);
        var readerSystem = clients.register(reader, "system/*.read");
        IGenericClient linked = clients.fhir(port, clients.token(port, readerSystem));
        if (scenario.candidate() != null) {
            share(scenario.candidate(), reader);
            assertThat(observations(linked, scenario.candidate())).as("nothing of the held patient elsewhere")
                    .doesNotContain(observationId);
        }

        WebSession operator = accounts.signedIn(port, accounts.networkAdmin());
        String page = operator.get("/admin/matching/" + reviewId).body();
        assertThat(page).contains(HtmlUtils.htmlEscape(JAPANESE.getProperty("code.reviewReason." + reason)))
                .contains(HtmlUtils.htmlEscape(JAPANESE.getProperty("code.reviewReasonHelp." + reason)))
                .contains(HtmlUtils.htmlEscape(JAPANESE.getProperty("matching.held")))
                .as("the reason in words, never its code").doesNotContain(reason);
        String english = operator.get("/admin/matching/" + reviewId + "?lang=en").body();
        assertThat(english).contains(HtmlUtils.htmlEscape(ENGLISH.getProperty("code.reviewReason." + reason)))
                .contains(HtmlUtils.htmlEscape(ENGLISH.getProperty("code.reviewReasonHelp." + reason)))
                .doesNotContain(reason);
        operator.get("/admin/matching?lang=ja");

        HttpResponse<String> decided = scenario.linkTo() != null
                ? operator.post("/admin/matching/" + reviewId + "/link", "personId", String.valueOf(scenario.linkTo()))
                : operator.post("/admin/matching/" + reviewId + "/new-person");
        assertThat(WebSession.location(decided)).isEqualTo("/admin/matching");
        long person = identities.personOf(source).orElseThrow();
        if (scenario.linkTo() != null) {
            assertThat(person).isEqualTo(scenario.linkTo());
        } else {
            share(person, reader);
        }
        long before = audit.max();
        assertThat(observations(linked, person)).as("the linked facility reads it under the person at once")
                .contains(observationId);
        assertThat(audit.countByUser(before, readerSystem.client().userId())).isEqualTo(1);
        assertClinicReads(own, system.client().userId(), clinic, localId, patientId, observationId);
    }

    /**
     * The clinic's doctor opens its held patient in the viewer through 非常時バックアップ by its own patient ID: the
     * patient's page and its lab table show what the clinic sent, each page one audit row naming no person (there is
     * none yet); the clinic's clerk (not a clinical profession) finds it as nobody, like an ID nobody has.
     */
    @org.junit.jupiter.api.Test
    void theClinicOpensItsHeldPatientInTheViewerByItsOwnPatientId() {
        Facility clinic = accounts.newHospital();
        IGenericClient own = clients.fhirFor(port, clinic, "system/*.read", "system/*.write");
        String localId = FhirRecords.localId();
        Sent held = someone().born(null);
        own.create().resource(patient(clinic, localId, held)).execute();
        Observation lab = FhirRecords.lab(clinic, localId, FhirRecords.HBA1C, "2026-04-01", 0);
        lab.setValue(new org.hl7.fhir.r4.model.Quantity().setValue(new java.math.BigDecimal("6.7")).setUnit("%"));
        FhirRecords.create(own, lab);
        long source = identities.sourcePatient(clinic.id(), localId).orElseThrow().id();
        assertThat(identities.personOf(source)).isEmpty();
        org.musubi.registry.User doctor = accounts.memberOf(clinic, org.musubi.registry.Profession.DOCTOR);
        WebSession web = accounts.signedIn(port, doctor);
        web.get("/portal/own-records");

        long before = audit.max();
        HttpResponse<String> found = web.post("/portal/own-records", "localId", localId);

        assertThat(WebSession.location(found)).isEqualTo("/portal/patients/own-" + source + "?purpose=OWN_RECORDS");
        assertThat(audit.rows(before, doctor.loginId())).singleElement().satisfies(r -> {
            assertThat(r.action() + " " + r.outcome() + " " + r.reason()).isEqualTo("READ PERMIT policy.permit.ownPatient");
            assertThat(r.patientId()).isNull();
        });
        for (String page : List.of("", "/labs")) {
            long beforePage = audit.max();
            HttpResponse<String> shown = web.get("/portal/patients/own-" + source + page + "?purpose=OWN_RECORDS");
            assertThat(shown.statusCode()).as(page).isEqualTo(200);
            assertThat(shown.body()).as(page).contains(held.givenKana()).contains("id=\"own-records-banner\"")
                    .doesNotContain("id=\"regional-id\"");
            assertThat(audit.rows(beforePage, doctor.loginId())).as(page).singleElement()
                    .satisfies(r -> assertThat(r.outcome() + " " + r.reason()).isEqualTo("PERMIT policy.permit.ownPatient"));
        }
        assertThat(web.get("/portal/patients/own-" + source + "/labs?purpose=OWN_RECORDS").body()).contains(">6.7<");

        org.musubi.registry.User clerk = accounts.memberOf(clinic, org.musubi.registry.Profession.MEDICAL_CLERK);
        WebSession clerkWeb = accounts.signedIn(port, clerk);
        clerkWeb.get("/portal/own-records");
        HttpResponse<String> refused = clerkWeb.post("/portal/own-records", "localId", localId);
        HttpResponse<String> nobody = clerkWeb.post("/portal/own-records", "localId", localId + "0");
        assertThat(refused.statusCode()).isIn(403, 404).isEqualTo(nobody.statusCode());
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).doesNotContain(held.givenKana()).doesNotContain("own-" + source);
    }

    /**
     * The clinic's own reads of its patient, each answered and audited once: by its patient ID, by its own Patient's
     * id, the lab result by its own patient, and {@code $everything}.
     */
    private void assertClinicReads(IGenericClient own, long userId, Facility clinic, String localId, String patientId,
                                   String observationId) {
        long before = audit.max();
        Bundle found = own.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly()
                .systemAndCode(FhirRecords.patientSystem(clinic), localId)).returnBundle(Bundle.class).execute();
        assertThat(found.getEntry()).singleElement().satisfies(e -> assertThat(e.getResource().getIdElement()
                .getIdPart()).isEqualTo(patientId));
        assertThat(audit.countByUser(before, userId)).isEqualTo(1);
        before = audit.max();
        assertThat(own.read().resource(Patient.class).withId(patientId).execute().getIdElement().getIdPart())
                .isEqualTo(patientId);
        assertThat(audit.countByUser(before, userId)).isEqualTo(1);
        before = audit.max();
        Bundle labs = own.search().forResource(Observation.class)
                .where(Observation.PATIENT.hasId("Patient/" + patientId)).returnBundle(Bundle.class).execute();
        assertThat(labs.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(observationId);
        assertThat(audit.countByUser(before, userId)).isEqualTo(1);
        before = audit.max();
        Bundle everything = own.operation().onInstance(new org.hl7.fhir.r4.model.IdType("Patient", patientId))
                .named("$everything").withNoParameters(org.hl7.fhir.r4.model.Parameters.class)
                .returnResourceType(Bundle.class).useHttpGet().execute();
        assertThat(everything.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .contains(patientId, observationId);
        assertThat(audit.countByUser(before, userId)).isEqualTo(1);
    }

    /** The patient, and for a reason about a candidate the persons it is held against, set up so the matcher says so. */
    private Scenario scenario(String reason) {
        Sent base = someone();
        return switch (reason) {
            case "SCORE_BELOW_AUTO_LINK" -> new Scenario(base.contacts(null, null, null),
                    stored(base.contacts(null, null, null)), true);
            case "BIRTH_DATE_DISAGREES" -> new Scenario(base.born(base.born().plusYears(11).plusMonths(5).plusDays(3)),
                    stored(base), false);
            case "SEX_DISAGREES" -> new Scenario(base.with(Sex.MALE), stored(base), true);
            case "NAMES_DISAGREE" -> new Scenario(base.names("別人", "太郎", "ベツジン", FhirRecords.uniqueKana()),
                    stored(base), false);
            case "GIVEN_NAME_DISAGREES" -> new Scenario(base.names("保留", "次子", "ホリュウ", FhirRecords.uniqueKana()),
                    stored(base), false);
            case "INSURED_FAMILY_MEMBER" -> {
                String card = "06139999:保" + ThreadLocalRandom.current().nextInt(100, 999) + ":"
                        + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
                yield new Scenario(base.insured(card + ":02"), registeredByAnotherHospital(base.insured(card + ":01")),
                        false);
            }
            case "CLOSE_RUNNER_UP" -> {
                long first = stored(base);
                stored(base);
                yield new Scenario(base, first, true);
            }
            case "NO_KANA_NAME" -> new Scenario(base.names("保留", "花実", null, null), null, false);
            case "NO_NAME" -> new Scenario(someone().names(null, null, null, null).contacts(null, null, base.phone()),
                    stored(base), true);
            case "NO_SEX" -> new Scenario(someone().names("別人", "次郎", "ベツジン", FhirRecords.uniqueKana()).with(null)
                    .contacts(null, null, base.phone()), stored(base), true);
            case "NO_BIRTH_DATE" -> new Scenario(someone().names("別人", "三郎", "ベツジン", FhirRecords.uniqueKana())
                    .born(null).contacts(null, null, base.phone()), stored(base), true);
            default -> throw new IllegalArgumentException(reason);
        };
    }

    /** A person stored with these demographics (as an operator or an earlier source made them): their id. */
    private long stored(Sent sent) {
        RegisteredPerson person = identities.register(sent.person());
        return person.id();
    }

    /** The person another hospital's patient with these demographics became: their id. */
    private long registeredByAnotherHospital(Sent sent) {
        Facility hospital = accounts.newHospital();
        String localId = FhirRecords.localId();
        clients.fhirFor(port, hospital, "system/*.read", "system/*.write").create()
                .resource(patient(hospital, localId, sent)).execute();
        return clients.personOf(hospital, localId);
    }

    /** The person links the facility at its counter (card) and consents to sharing for treatment. */
    private void share(long person, Facility facility) {
        long admin = accounts.networkAdmin().id();
        consents.grant(person, ConsentScope.ALL_FACILITIES, null, Set.of(Purpose.TREATMENT), admin, facility.id());
        consents.link(person, facility.id(), admin);
    }

    private static List<String> observations(IGenericClient client, long person) {
        return client.search().forResource(Observation.class).where(Observation.PATIENT.hasId("Patient/" + person))
                .returnBundle(Bundle.class).execute().getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    private static Patient patient(Facility facility, String localId, Sent sent) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(FhirRecords.patientSystem(facility)).setValue(localId);
        if (sent.insured() != null) {
            patient.addIdentifier().setSystem(INSURED).setValue(sent.insured());
        }
        name(patient, sent.familyKanji(), sent.givenKanji(), "IDE");
        name(patient, sent.familyKana(), sent.givenKana(), "SYL");
        if (sent.sex() != null) {
            patient.setGender(sent.sex() == Sex.MALE ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        }
        if (sent.born() != null) {
            patient.setBirthDateElement(new DateType(sent.born().toString()));
        }
        if (sent.phone() != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(sent.phone());
        }
        if (sent.address() != null) {
            patient.addAddress().setText(sent.address()).setPostalCode(sent.postal());
        }
        return patient;
    }

    private static void name(Patient patient, String family, String given, String form) {
        if (family == null) {
            return;
        }
        HumanName name = patient.addName().setFamily(family);
        if (given != null) {
            name.addGiven(given);
        }
        name.addExtension("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", new CodeType(form));
    }

    private static Properties bundle(String path) {
        Properties properties = new Properties();
        try (InputStream in = HeldPatientReviewIT.class.getResourceAsStream(path)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
