package org.musubi.testing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SupplyDelivery;
import org.musubi.registry.Facility;

/**
 * Transaction Bundles shaped as Synthea writes them (US Core style: a hospital's directory first, then a patient's
 * record with {@code urn:uuid:} references, {@code Location?identifier=…} and {@code Practitioner?identifier=…}
 * conditional references, claims, explanations of benefit, a care team, a device, a supply delivery and a Provenance
 * of it all), written by hand with synthetic values, and the single resources of those types the attack tests store.
 */
public final class SyntheaLikeRecords {

    public static final String SYNTHEA = "https://github.com/synthetichealth/synthea";
    public static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    private static final Date WHEN = Timestamp.valueOf("2024-05-01 09:30:00");

    /** The directory keys of one hospital: its organization, ward and doctor, unique per call. */
    public record Directory(String organization, String location, String practitioner) {

        public static Directory fresh() {
            String unique = UUID.randomUUID().toString();
            return new Directory("org-" + unique, "loc-" + unique, String.valueOf(1_000_000_000L
                    + Math.floorMod(unique.hashCode(), 999_999_999)));
        }

        public String organizationRef() {
            return "Organization?identifier=" + SYNTHEA + "|" + organization;
        }

        public String locationRef() {
            return "Location?identifier=" + SYNTHEA + "|" + location;
        }

        public String practitionerRef() {
            return "Practitioner?identifier=" + NPI + "|" + practitioner;
        }
    }

    private SyntheaLikeRecords() {
    }

    /** The hospital's directory as Synthea's hospitalInformation and practitionerInformation send it: conditional creates. */
    public static Bundle directory(Directory keys) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Organization organization = new Organization().setName("シンセア総合病院").setActive(true);
        organization.addIdentifier().setSystem(SYNTHEA).setValue(keys.organization());
        String organizationUrl = entry(bundle, organization, "identifier=" + SYNTHEA + "|" + keys.organization());
        entry(bundle, location(keys).setManagingOrganization(new Reference(organizationUrl)),
                "identifier=" + SYNTHEA + "|" + keys.location());
        entry(bundle, practitioner(keys), "identifier=" + NPI + "|" + keys.practitioner());
        return bundle;
    }

    /**
     * One patient's record, entries in this order: Patient, Encounter, Claim, ExplanationOfBenefit, CareTeam, Device,
     * Medication, SupplyDelivery, Location and Practitioner (conditional creates of the directory already stored),
     * Provenance (about every other entry of the patient).
     */
    public static Bundle record(Facility facility, String localId, Directory keys) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient patient = FhirRecords.newPatient(facility, localId, "シンセア");
        String patientUrl = entry(bundle, patient, null);
        Reference subject = new Reference(patientUrl);
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED).setSubject(subject)
                .setPeriod(new Period().setStart(WHEN).setEnd(WHEN))
                .setServiceProvider(new Reference(keys.organizationRef()));
        encounter.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
        encounter.addLocation().setLocation(new Reference(keys.locationRef()));
        encounter.addParticipant().setIndividual(new Reference(keys.practitionerRef()));
        String encounterUrl = entry(bundle, encounter, null);
        String claimUrl = entry(bundle, claim(subject, new Reference(keys.organizationRef()), "外来診療").addItem(new Claim.ItemComponent()
                .setSequence(1).setProductOrService(new CodeableConcept().setText("外来診療"))
                .addEncounter(new Reference(encounterUrl))), null);
        List<String> about = new ArrayList<>(List.of(patientUrl, encounterUrl, claimUrl));
        about.add(entry(bundle, explanation(subject, keys.organizationRef(), claimUrl), null));
        about.add(entry(bundle, careTeam(subject, "糖尿病ケアチーム").setEncounter(new Reference(encounterUrl))
                .addParticipant(new CareTeam.CareTeamParticipantComponent()
                        .setMember(new Reference(keys.practitionerRef()))), null));
        about.add(entry(bundle, device(subject, "植込み型ペースメーカ"), null));
        String medicationUrl = entry(bundle, new Medication().setStatus(Medication.MedicationStatus.ACTIVE)
                .setCode(new CodeableConcept().setText("注射針")), null);
        SupplyDelivery delivery = new SupplyDelivery().setStatus(SupplyDelivery.SupplyDeliveryStatus.COMPLETED)
                .setPatient(subject).setOccurrence(new DateTimeType(WHEN));
        delivery.getSuppliedItem().setQuantity(new Quantity(30)).setItem(new Reference(medicationUrl));
        about.add(entry(bundle, delivery, null));
        entry(bundle, location(keys), "identifier=" + SYNTHEA + "|" + keys.location());
        entry(bundle, practitioner(keys), "identifier=" + NPI + "|" + keys.practitioner());
        Provenance provenance = new Provenance().setRecordedElement(new InstantType(WHEN));
        about.forEach(url -> provenance.addTarget(new Reference(url)));
        provenance.addAgent().setWho(new Reference(keys.practitionerRef()))
                .setOnBehalfOf(new Reference(keys.organizationRef())).getType().addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/provenance-participant-type").setCode("author");
        entry(bundle, provenance, null);
        return bundle;
    }

    /** A claim of the hospital about the patient ({@code subject}), its text as the marker an attacker looks for. */
    public static Claim claim(Reference subject, Reference provider, String text) {
        Claim claim = new Claim().setStatus(Claim.ClaimStatus.ACTIVE).setUse(Claim.Use.CLAIM).setPatient(subject)
                .setCreated(WHEN).setProvider(provider)
                .setPriority(new CodeableConcept().addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)))
                .setBillablePeriod(new Period().setStart(WHEN).setEnd(WHEN))
                .setTotal(new Money().setValue(new BigDecimal("1290")).setCurrency("JPY"));
        claim.getType().setText(text).addCoding().setSystem("http://terminology.hl7.org/CodeSystem/claim-type")
                .setCode("institutional");
        claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference().setDisplay("国民健康保険"));
        return claim;
    }

    public static ExplanationOfBenefit explanation(Reference subject, String provider, String claim) {
        ExplanationOfBenefit eob = new ExplanationOfBenefit().setStatus(ExplanationOfBenefit.ExplanationOfBenefitStatus.ACTIVE)
                .setUse(ExplanationOfBenefit.Use.CLAIM).setPatient(subject).setCreated(WHEN)
                .setInsurer(new Reference().setDisplay("国民健康保険")).setProvider(new Reference(provider))
                .setOutcome(ExplanationOfBenefit.RemittanceOutcome.COMPLETE).setClaim(new Reference(claim))
                .setBillablePeriod(new Period().setStart(WHEN).setEnd(WHEN));
        eob.getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/claim-type").setCode("institutional");
        eob.addInsurance().setFocal(true).setCoverage(new Reference().setDisplay("国民健康保険"));
        return eob;
    }

    /** A care team about the patient, named {@code name} (the marker an attacker looks for). */
    public static CareTeam careTeam(Reference subject, String name) {
        return new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(subject).setName(name)
                .setPeriod(new Period().setStart(WHEN));
    }

    /** A device of the patient (an implant), of the type {@code text}. */
    public static Device device(Reference subject, String text) {
        Device device = new Device().setStatus(Device.FHIRDeviceStatus.ACTIVE).setPatient(subject)
                .setType(new CodeableConcept().setText(text));
        device.setLotNumber("LOT-" + UUID.randomUUID().toString().substring(0, 8));
        return device;
    }

    private static Location location(Directory keys) {
        Location location = new Location().setName("内科外来").setStatus(Location.LocationStatus.ACTIVE);
        location.addIdentifier().setSystem(SYNTHEA).setValue(keys.location());
        return location;
    }

    private static Practitioner practitioner(Directory keys) {
        Practitioner practitioner = new Practitioner().setActive(true).setGender(Enumerations.AdministrativeGender.FEMALE);
        practitioner.addIdentifier().setSystem(NPI).setValue(keys.practitioner());
        practitioner.addName().setFamily("Synthea").addGiven("Doctor");
        return practitioner;
    }

    /** Adds a POST entry with a fresh {@code urn:uuid:} fullUrl (and {@code ifNoneExist} when given); returns the fullUrl. */
    private static String entry(Bundle bundle, Resource resource, String ifNoneExist) {
        String fullUrl = "urn:uuid:" + UUID.randomUUID();
        Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType()).setIfNoneExist(ifNoneExist);
        return fullUrl;
    }
}
