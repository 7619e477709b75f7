package org.musubi.testing;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.registry.Facility;

/** Clinical test data written the way a facility system writes it: over the FHIR API. */
public final class FhirRecords {

    public static final String JLAC10 = "urn:oid:1.2.392.200119.4.504";
    public static final String HBA1C = "3D046000001920402";
    public static final String LDL = "3F077000002327101";
    /** JP Core's system for a resource's own identifier (the conditional creates of {@link #patientWithLab}). */
    public static final String RESOURCE_IDS = "http://jpfhir.jp/fhir/core/IdSystem/resourceInstance-identifier";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Days of birth dates to draw from (1925-01-01 to the end of 2024). */
    private static final int BIRTH_DAYS = 36_500;
    /**
     * Steps through every day of {@link #BIRTH_DAYS} once (7919 is prime and does not divide it) from a start that
     * differs per run, so that no two patients of one test run share a birth date: a shared date and the first kana
     * of the given name are a blocking key, and two random given names then score high enough to go to review.
     */
    private static final AtomicInteger BIRTHS = new AtomicInteger((int) (System.nanoTime() / 1000 % BIRTH_DAYS));

    private FhirRecords() {
    }

    public static String patientSystem(Facility facility) {
        return "urn:oid:1.2.392.100495.20.3.51.1" + facility.code().value();
    }

    /** A fresh unique local patient id. */
    public static String localId() {
        return "T" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    /** The facility's patient with a unique given name and birth date, so that matching makes a new person. */
    public static Patient newPatient(Facility facility, String localId, String familyKana) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(patientSystem(facility)).setValue(localId);
        patient.addName().setFamily(familyKana).addGiven(uniqueKana())
                .addExtension("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", new CodeType("SYL"));
        LocalDate born = uniqueBirthDate();
        patient.setGender(AdministrativeGender.FEMALE).setBirthDateElement(new DateType(born.toString()));
        return patient;
    }

    /** Adds a kanji name (before the kana one), as JP Core writes it. */
    public static Patient withKanjiName(Patient patient, String family, String given) {
        HumanName kanji = new HumanName().setFamily(family).addGiven(given);
        kanji.addExtension("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", new CodeType("IDE"));
        patient.getName().addFirst(kanji);
        return patient;
    }

    /** Registers the facility's patient (see {@link #newPatient}); returns the Patient's id. */
    public static String registerPatient(IGenericClient client, Facility facility, String localId, String kana) {
        MethodOutcome created = client.create().resource(newPatient(facility, localId, kana)).execute();
        return created.getId().getIdPart();
    }

    /** A birth date no other patient of this test run made here has (see {@link #BIRTHS}). */
    public static LocalDate uniqueBirthDate() {
        return LocalDate.of(1925, 1, 1).plusDays(Math.floorMod(BIRTHS.getAndAdd(7919), BIRTH_DAYS));
    }

    /** A given name no other test patient has (digits of a counter and the clock as katakana). */
    public static String uniqueKana() {
        String digits = Long.toString(System.nanoTime() % 100_000_000L) + SEQUENCE.incrementAndGet();
        StringBuilder kana = new StringBuilder();
        digits.chars().forEach(c -> kana.append("アイウエオカキクケコ".charAt(c - '0')));
        return kana.toString();
    }

    /**
     * The regional person id behind the facility's own patient, by PIXm: told only to a facility with standing for the
     * person (a live link made with the card); for a Musubi the test cannot reach into (a child server).
     */
    public static long personOf(IGenericClient client, Facility facility, String localId) {
        Parameters answer = client.operation().onType("Patient").named("$ihe-pix")
                .withSearchParameter(Parameters.class, "sourceIdentifier", new TokenParam(patientSystem(facility), localId))
                .useHttpGet().execute();
        return Long.parseLong(((Reference) answer.getParameter("targetId").getValue()).getReferenceElement().getIdPart());
    }

    /**
     * The id the facility's system is answered with for its own patient (PDQm by its patient ID): the id of its own
     * Patient while it has no standing for the person, the person's once it has.
     */
    public static String patientIdFor(IGenericClient client, Facility facility, String localId) {
        Bundle found = client.search().forResource(Patient.class)
                .where(Patient.IDENTIFIER.exactly().systemAndCode(patientSystem(facility), localId))
                .returnBundle(Bundle.class).execute();
        return found.getEntryFirstRep().getResource().getIdElement().getIdPart();
    }

    public static Observation lab(Facility facility, String localId, String code, String when, double value) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category")
                .setCode("laboratory");
        observation.getCode().addCoding().setSystem(JLAC10).setCode(code);
        observation.setSubject(new Reference("Patient?identifier=" + patientSystem(facility) + "|" + localId));
        observation.setEffective(new DateTimeType(when));
        observation.setValue(new Quantity().setValue(value).setUnit("%"));
        return observation;
    }

    public static String create(IGenericClient client, IBaseResource resource) {
        return client.create().resource(resource).execute().getId().getIdPart();
    }

    /**
     * A hospital system's transaction for one new patient: the Patient and an HbA1c result, each a conditional create
     * ({@code ifNoneExist} by the patient's local id, and by {@code OBS-<localId>} in {@link #RESOURCE_IDS}).
     */
    public static Bundle patientWithLab(Facility hospital, String localId, String familyKana) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        conditionalCreate(bundle, "urn:uuid:00000000-0000-0000-0000-000000000001", newPatient(hospital, localId, familyKana),
                "identifier=" + patientSystem(hospital) + "|" + localId);
        Observation observation = lab(hospital, localId, HBA1C, "2026-04-01", 6.1);
        observation.addIdentifier().setSystem(RESOURCE_IDS).setValue("OBS-" + localId);
        observation.setSubject(new Reference("urn:uuid:00000000-0000-0000-0000-000000000001"));
        conditionalCreate(bundle, "urn:uuid:00000000-0000-0000-0000-000000000002", observation,
                "identifier=" + RESOURCE_IDS + "|OBS-" + localId);
        return bundle;
    }

    /** Adds {@code resource} to a transaction as a POST with {@code ifNoneExist}. */
    public static void conditionalCreate(Bundle bundle, String fullUrl, Resource resource, String ifNoneExist) {
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType()).setIfNoneExist(ifNoneExist);
    }
}
