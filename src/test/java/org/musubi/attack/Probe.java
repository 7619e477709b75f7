package org.musubi.attack;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.musubi.attack.Victim.Marker;
import org.musubi.testing.FhirRecords;

/**
 * One way of asking about the victim: a FHIR interaction or operation, or a portal page. {@code {key}} in the
 * path stands for what is asked about, filled with the victim's real id or identifier, or with one of the same
 * form that nothing has.
 *
 * @param body       what a POST or PUT sends, with {@code {key}}, {@code {person}}, {@code {family}} and {@code {birth}}
 *                   filled in ({@code null}: nothing)
 * @param kind       how an answer is judged (see {@link Kind})
 * @param key        which of the victim's ids goes into {@code {key}}
 * @param primary    the marker the answer must show when the caller may see it ({@code null}: none)
 * @param scopeTypes the types a system's scopes must allow, else the call is refused (403) alike for any key
 */
record Probe(String name, Kind kind, String method, String path, Key key, Marker primary, Set<String> scopeTypes,
             String body) {

    Probe(String name, Kind kind, String method, String path, Key key, Marker primary, Set<String> scopeTypes) {
        this(name, kind, method, path, key, primary, scopeTypes, null);
    }

    enum Kind {
        /** One resource: shown when the caller sees it, otherwise the answer of an id nothing has. */
        RESOURCE,
        /** About the person: the answer of a person nobody has unless the person opens; then only what is seen. */
        PERSON,
        /** A change to A's data: never allowed, always the answer of an id nothing has. */
        WRITE,
        /** Acting for the person as a holder of their record (a notebook code): only with standing ({@link Oracle#holds}). */
        HOLDER,
        /** Entering data on the person's behalf: only through a consented link ({@link Oracle#entersOnBehalf}). */
        ENTRY,
        /** A route that is never the caller's (the crews' page for a clinic's staff): always the answer for nobody. */
        NEVER
    }

    enum Key {
        PERSON, LOCAL_ID, GIVEN_NAME, OBSERVATION, ALLERGY, BUNDLE, BINARY, DOCUMENT_REFERENCE, CLAIM, CARE_TEAM,
        UNINFORMED, UNDELIVERED, TASK, CARE_TASK, LETTER
    }

    /** The body to send about this key, or {@code null}. */
    String body(Victim v, String keyValue) {
        return body == null ? null : body.replace("{key}", keyValue).replace("{person}", String.valueOf(v.personId()))
                .replace("{birth}", v.birthDate())
                .replace("{family}", v.familyKana());
    }

    String real(Victim v) {
        return switch (key) {
            case PERSON -> String.valueOf(v.personId());
            case LOCAL_ID -> v.localId();
            case GIVEN_NAME -> v.marker(Marker.DEMOGRAPHICS);
            case OBSERVATION -> v.observation();
            case ALLERGY -> v.allergy();
            case BUNDLE -> v.bundle();
            case BINARY -> v.binary();
            case DOCUMENT_REFERENCE -> v.documentReference();
            case CLAIM -> v.claim();
            case CARE_TEAM -> v.careTeam();
            case UNINFORMED -> v.uninformed();
            case UNDELIVERED -> v.undelivered();
            case TASK -> v.task();
            case CARE_TASK -> v.careTask();
            case LETTER -> v.letter();
        };
    }

    /** An id of the same form as the real one that nothing has. */
    String absent(Victim v, LongPredicate personExists) {
        return switch (key) {
            case PERSON -> absentPerson(personExists);
            case LOCAL_ID -> "N" + v.localId().substring(1);
            case GIVEN_NAME -> FhirRecords.uniqueKana();
            default -> UUID.randomUUID().toString();
        };
    }

    /** A web page (the clinician portal, the crews' page) asked by a signed-in user, not the FHIR API. */
    boolean portal() {
        return path.startsWith("/");
    }

    /** The form fields of a page's POST, {@code name=value&…} with the key filled in. */
    String[] form(Victim v, String keyValue) {
        String filled = body(v, keyValue);
        if (filled == null || filled.isEmpty()) {
            return new String[0];
        }
        return Arrays.stream(filled.split("&")).flatMap(pair -> Stream.of(pair.split("=", 2)))
                .toArray(String[]::new);
    }

    static String absentPerson(LongPredicate exists) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            long id = 1_000_000_000_000_000L + random.nextLong(8_999_999_999_999_999L);
            if (!exists.test(id)) {
                return String.valueOf(id);
            }
        }
    }

    /** The HbA1c analyte as the lab table names its trend (the JLAC10 code's first five characters). */
    private static final String HBA1C_ANALYTE = FhirRecords.HBA1C.substring(0, 5);

    /** What an attacker would write over A's lab result (or under an id nothing has). */
    private static final String TAMPERED = """
            {"resourceType":"Observation","id":"{key}","status":"final","code":{"text":"改ざん"},
             "subject":{"reference":"Patient/{person}"},"valueString":"改ざん"}""";

    /** Every probe of the matrix: each FHIR interaction and operation on A's data, and each portal page. */
    static List<Probe> all(String patientSystem) {
        Set<String> patient = Set.of("Patient");
        return List.of(
                new Probe("read Patient", Kind.PERSON, "GET", "Patient/{key}", Key.PERSON, Marker.DEMOGRAPHICS, patient),
                new Probe("$everything", Kind.PERSON, "GET", "Patient/{key}/$everything", Key.PERSON, Marker.LAB, patient),
                new Probe("$everything in XML", Kind.PERSON, "GET", "Patient/{key}/$everything?_format=xml", Key.PERSON,
                        Marker.DIAGNOSIS, patient),
                new Probe("$medication-notebook", Kind.PERSON, "GET", "Patient/{key}/$medication-notebook?charset=UTF-8",
                        Key.PERSON, null, Set.of("Patient", "MedicationDispense")),
                // Only the caller's own facility's data: B's systems and users never see A's through it.
                new Probe("$clins-6", Kind.PERSON, "GET", "Patient/{key}/$clins-6", Key.PERSON, null,
                        Set.of("Patient", "Bundle")),
                new Probe("search Observation", Kind.PERSON, "GET", "Observation?patient=Patient/{key}", Key.PERSON,
                        Marker.LAB, Set.of("Observation")),
                new Probe("search Observation with _include", Kind.PERSON, "GET",
                        "Observation?patient=Patient/{key}&_include=Observation:performer&_include=Observation:encounter", Key.PERSON, Marker.LAB, Set.of("Observation")),
                new Probe("search Condition", Kind.PERSON, "GET", "Condition?subject=Patient/{key}", Key.PERSON,
                        Marker.DIAGNOSIS, Set.of("Condition")),
                new Probe("search Bundle", Kind.PERSON, "GET", "Bundle?patient=Patient/{key}", Key.PERSON, Marker.BUNDLE,
                        Set.of("Bundle")),
                new Probe("PIXm", Kind.PERSON, "GET", "Patient/$ihe-pix?sourceIdentifier=" + patientSystem + "%7C{key}",
                        Key.LOCAL_ID, null, patient),
                new Probe("PDQm by identifier", Kind.PERSON, "GET", "Patient?identifier=" + patientSystem + "%7C{key}",
                        Key.LOCAL_ID, Marker.DEMOGRAPHICS, patient),
                new Probe("PDQm by _id", Kind.PERSON, "GET", "Patient?_id={key}", Key.PERSON, Marker.DEMOGRAPHICS, patient),
                new Probe("read Observation", Kind.RESOURCE, "GET", "Observation/{key}", Key.OBSERVATION, Marker.LAB,
                        Set.of("Observation")),
                new Probe("vread Observation", Kind.RESOURCE, "GET", "Observation/{key}/_history/1", Key.OBSERVATION,
                        Marker.LAB, Set.of("Observation")),
                new Probe("history Observation", Kind.RESOURCE, "GET", "Observation/{key}/_history", Key.OBSERVATION,
                        Marker.LAB, Set.of("Observation")),
                new Probe("read AllergyIntolerance", Kind.RESOURCE, "GET", "AllergyIntolerance/{key}", Key.ALLERGY,
                        Marker.ALLERGY, Set.of("AllergyIntolerance")),
                new Probe("read Bundle", Kind.RESOURCE, "GET", "Bundle/{key}", Key.BUNDLE, Marker.BUNDLE, Set.of("Bundle")),
                new Probe("read Binary", Kind.RESOURCE, "GET", "Binary/{key}", Key.BINARY, Marker.DOCUMENT, Set.of("Binary")),
                new Probe("read Claim", Kind.RESOURCE, "GET", "Claim/{key}", Key.CLAIM, Marker.CLAIM, Set.of("Claim")),
                new Probe("search Claim", Kind.PERSON, "GET", "Claim?patient=Patient/{key}", Key.PERSON, Marker.CLAIM,
                        Set.of("Claim")),
                new Probe("read CareTeam", Kind.RESOURCE, "GET", "CareTeam/{key}", Key.CARE_TEAM, Marker.CARE_TEAM,
                        Set.of("CareTeam")),
                new Probe("read Condition flagged 未告知", Kind.RESOURCE, "GET", "Condition/{key}", Key.UNINFORMED,
                        Marker.UNINFORMED_DIAGNOSIS, Set.of("Condition")),
                new Probe("read Condition flagged 未提供", Kind.RESOURCE, "GET", "Condition/{key}", Key.UNDELIVERED,
                        Marker.UNDELIVERED_DIAGNOSIS, Set.of("Condition")),
                new Probe("history Condition flagged 未提供", Kind.RESOURCE, "GET", "Condition/{key}/_history", Key.UNDELIVERED,
                        Marker.UNDELIVERED_DIAGNOSIS, Set.of("Condition")),
                new Probe("read Task", Kind.RESOURCE, "GET", "Task/{key}", Key.TASK, Marker.TASK, Set.of("Task")),
                new Probe("search Task", Kind.PERSON, "GET", "Task?patient=Patient/{key}", Key.PERSON, Marker.TASK,
                        Set.of("Task")),
                new Probe("read care Task", Kind.RESOURCE, "GET", "Task/{key}", Key.CARE_TASK, Marker.CARE_TASK,
                        Set.of("Task")),
                new Probe("search Task by owner", Kind.PERSON, "GET",
                        "Task?patient=Patient/{key}&owner=Practitioner/attack-nurse", Key.PERSON, Marker.CARE_TASK,
                        Set.of("Task")),
                new Probe("delete Observation", Kind.WRITE, "DELETE", "Observation/{key}", Key.OBSERVATION, null,
                        Set.of("Observation")),
                new Probe("update Observation", Kind.WRITE, "PUT", "Observation/{key}", Key.OBSERVATION, null,
                        Set.of("Observation"), TAMPERED),
                new Probe("transaction overwriting Observation", Kind.WRITE, "POST", "", Key.OBSERVATION, null,
                        Set.of("Observation"), """
                        {"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"http://localhost/fhir/Observation/{key}",
                         "resource":%s,"request":{"method":"PUT","url":"Observation/{key}"}}]}""".formatted(TAMPERED)),
                new Probe("create Observation about the person", Kind.WRITE, "POST", "Observation", Key.PERSON, null,
                        Set.of("Observation"), """
                        {"resourceType":"Observation","status":"final","code":{"text":"なりすまし"},
                         "subject":{"reference":"Patient/{key}"},"valueString":"なりすまし"}"""),
                new Probe("PDQm $match", Kind.PERSON, "POST", "Patient/$match", Key.GIVEN_NAME, Marker.LOCAL_ID,
                        patient, """
                        {"resourceType":"Parameters","parameter":[{"name":"resource","resource":{"resourceType":"Patient",
                         "name":[{"family":"{family}","given":["{key}"],"extension":[{"url":
                         "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation","valueCode":"SYL"}]}],
                         "gender":"female","birthDate":"{birth}"}}]}"""),
                new Probe("portal: patient", Kind.PERSON, "GET", "/portal/patients/{key}", Key.PERSON, Marker.DEMOGRAPHICS,
                        Set.of()),
                new Probe("portal: medications", Kind.PERSON, "GET", "/portal/patients/{key}/medications", Key.PERSON,
                        Marker.MEDICATION, Set.of()),
                new Probe("portal: labs", Kind.PERSON, "GET", "/portal/patients/{key}/labs", Key.PERSON, Marker.LAB, Set.of()),
                new Probe("portal: health notebook", Kind.PERSON, "GET", "/portal/patients/{key}/notebook", Key.PERSON,
                        Marker.DEMOGRAPHICS, Set.of()),
                new Probe("portal: document", Kind.RESOURCE, "GET", "/portal/patients/{person}/documents/{key}",
                        Key.DOCUMENT_REFERENCE, Marker.DOCUMENT, Set.of()),
                new Probe("portal: lab trend", Kind.PERSON, "GET", "/portal/patients/{key}/labs/trend?analyte=" + HBA1C_ANALYTE,
                        Key.PERSON, null, Set.of()),
                new Probe("portal: own records by the hospital's patient ID", Kind.NEVER, "POST", "/portal/own-records",
                        Key.LOCAL_ID, null, Set.of(), "localId={key}"),
                new Probe("notebook: registration code", Kind.HOLDER, "POST", "/portal/patients/{key}/phr-code", Key.PERSON,
                        null, Set.of(), ""),
                new Probe("notebook: emergency sheet entry on the patient's behalf", Kind.ENTRY, "GET",
                        "/portal/patients/{key}/emergency-sheet/edit", Key.PERSON, null, Set.of()),
                new Probe("crew: find by the printed sheet's QR code", Kind.NEVER, "POST", "/emergency", Key.PERSON, null,
                        Set.of(), "card=MUSUBI-PERSON:1:{key}"),
                // Letters between facilities (issue 42): A's letter to another hospital is never B's, whatever B may
                // see of the person; the composer opens only for a holder of the person's record that has the person
                // as a patient of its own, which B never is here (its look-alike in MATCH_ONLY gives it no standing).
                new Probe("letters: letter page", Kind.NEVER, "GET", "/portal/letters/{key}", Key.LETTER, null, Set.of()),
                new Probe("letters: PDF", Kind.NEVER, "GET", "/portal/letters/{key}/pdf", Key.LETTER, null, Set.of()),
                new Probe("letters: attachment", Kind.NEVER, "GET", "/portal/letters/{key}/attachments/0", Key.LETTER, null,
                        Set.of()),
                new Probe("letters: accept", Kind.NEVER, "POST", "/portal/letters/{key}/accept", Key.LETTER, null, Set.of(),
                        ""),
                new Probe("letters: return", Kind.NEVER, "POST", "/portal/letters/{key}/decline", Key.LETTER, null, Set.of(),
                        "reason=攻撃試験&confirmed=yes"),
                new Probe("letters: withdraw", Kind.NEVER, "POST", "/portal/letters/{key}/cancel", Key.LETTER, null, Set.of(),
                        "reason=攻撃試験&confirmed=yes"),
                // issue 67: a facility linked by card (standing) writes letters about the person, chart number or not
                new Probe("letters: composer", Kind.HOLDER, "GET", "/portal/patients/{key}/letters/new?kind=REFERRAL",
                        Key.PERSON, null, Set.of()));
    }
}
