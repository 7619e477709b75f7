package org.musubi.letters.clins;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.letters.Allergy;
import org.musubi.letters.Attachment;
import org.musubi.letters.Coded;
import org.musubi.letters.Demographics;
import org.musubi.letters.Diagnosis;
import org.musubi.letters.Facility;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.condition.ConditionStatus;

/**
 * The resources a JP-CLINS document is made of, each claiming its eCS profile: Patient, Practitioner, Organization,
 * Condition, AllergyIntolerance and the DocumentReferences of attachments. Full URLs are name-based UUIDs of the
 * document identifier and the resource's role, so that the same letter makes the same Bundle (a signature made on one
 * rendering verifies on the next).
 */
final class ClinsParts {

    static final String ECS = FhirSystems.ECS_PROFILES;
    static final String CORE = FhirSystems.JP_CORE_PROFILE;
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** The SHA-256 of an attachment's content (FHIR R4's {@code Attachment.hash} is SHA-1): Musubi's identifier system. */
    static final String SHA256 = "urn:musubi:content-sha256";
    static final String HUMAN_NAME_REPRESENTATION = FhirSystems.NAME_REPRESENTATION;
    static final String DISEASE_KEY = FhirSystems.DISEASE_KEY;
    /** JP-CLINS's identifier system of the insurance member identifier ({@code 保険者番号:記号:番号:枝番}). */
    static final String INSURANCE_MEMBER = FhirSystems.INSURANCE_MEMBER_ID;

    private final String documentId;
    private final boolean national;

    /** @param national eCS profiles (JP-CLINS); otherwise JP Core's */
    ClinsParts(String documentId, boolean national) {
        this.documentId = documentId;
        this.national = national;
    }

    /** {@code urn:uuid:} of a role in this document ({@code patient}, {@code condition-2} …). */
    String url(String role) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((documentId + "#" + role).getBytes(StandardCharsets.UTF_8));
    }

    static InstantType instant(Instant at) {
        return new InstantType(Date.from(at), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(JAPAN));
    }

    static DateTimeType dateTime(Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(JAPAN));
    }

    static DateTimeType day(LocalDate day) {
        return new DateTimeType(day.toString());
    }

    <T extends Resource> T claim(T resource, String profile, Instant at) {
        resource.getMeta().setLastUpdatedElement(instant(at)).addProfile(profile);
        resource.setLanguage("ja");
        return resource;
    }

    private String profile(String ecs, String core) {
        return national ? ECS + ecs : CORE + core;
    }

    Patient patient(Demographics d, Facility sender, Instant at) {
        Patient p = claim(new Patient(), profile("JP_Patient_eCS", "JP_Patient"), at);
        String system = sender.institutionCode() == null ? "urn:musubi:patient-id:" + sender.name()
                : FhirSystems.PATIENT_ID_ROOT + sender.institutionCode();
        p.addIdentifier().setSystem(system).setValue(d.patientId());
        if (d.insuranceMemberId() != null) {
            p.addIdentifier().setSystem(INSURANCE_MEMBER).setValue(d.insuranceMemberId());
        }
        p.addName(name(d.name(), "IDE"));
        if (d.nameKana() != null && !d.nameKana().isBlank()) {
            p.addName(name(d.nameKana(), "SYL"));
        }
        p.setGender(Enumerations.AdministrativeGender.fromCode(d.sex()));
        p.setBirthDateElement(new DateType(d.birthDate().toString()));
        Address address = p.addAddress().setText(d.address() == null || d.address().isBlank() ? "不明" : d.address());
        if (d.postalCode() != null && !d.postalCode().isBlank()) {
            address.setPostalCode(d.postalCode());
        }
        if (d.phone() != null && !d.phone().isBlank()) {
            p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(d.phone()).setUse(ContactPoint.ContactPointUse.HOME);
        }
        return p;
    }

    /** A person's name as JP Core writes it: the text, the family name before the first space, the rest given. */
    static HumanName name(String full, String representation) {
        String text = full.strip().replace('　', ' ');
        HumanName name = new HumanName().setText(text).setUse(HumanName.NameUse.OFFICIAL);
        name.addExtension(HUMAN_NAME_REPRESENTATION, new CodeType(representation));
        int space = text.indexOf(' ');
        if (space > 0) {
            name.setFamily(text.substring(0, space));
            for (String given : text.substring(space + 1).strip().split(" +")) {
                name.addGiven(given);
            }
        } else {
            name.setFamily(text).addGiven(text);
        }
        return name;
    }

    Practitioner practitioner(String fullName, String kana, Instant at) {
        Practitioner p = claim(new Practitioner(), profile("JP_Practitioner_eCS", "JP_Practitioner"), at);
        p.addName(name(fullName, "IDE"));
        if (kana != null && !kana.isBlank()) {
            p.addName(name(kana, "SYL"));
        }
        return p;
    }

    Organization organization(Facility f, String department, Instant at) {
        Organization o = claim(new Organization(), profile("JP_Organization_eCS", "JP_Organization"), at);
        if (f.institutionCode() != null) {
            o.addIdentifier().setSystem(FhirSystems.INSTITUTION_NO).setValue(f.institutionCode());
            String code = f.institutionCode();
            o.addExtension(FhirSystems.JP_CORE_EXTENSION + "JP_Organization_PrefectureNo",
                    new Coding(FhirSystems.PREFECTURE_NUMBER, code.substring(0, 2), null));
            o.addExtension(FhirSystems.JP_CORE_EXTENSION + "JP_Organization_InsuranceOrganizationCategory",
                    new Coding(FhirSystems.FEE_TABLE, code.substring(2, 3), null));
            o.addExtension(FhirSystems.JP_CORE_EXTENSION + "JP_Organization_InsuranceOrganizationNo",
                    new Identifier().setSystem(FhirSystems.MEDICAL_ORGANIZATION_ID)
                            .setValue(code.substring(3)));
        }
        if (department != null && !department.isBlank()) {
            o.addExtension(FhirSystems.JP_ECS_DEPARTMENT, new CodeableConcept().setText(department));
        }
        o.addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "prov", null)));
        o.setName(f.name());
        if (f.phone() != null && !f.phone().isBlank()) {
            o.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(f.phone()).setUse(ContactPoint.ContactPointUse.WORK);
        }
        if (f.address() != null && !f.address().isBlank()) {
            Address a = o.addAddress().setText(f.address());
            if (f.postalCode() != null && !f.postalCode().isBlank()) {
                a.setPostalCode(f.postalCode());
            }
        }
        return o;
    }

    /** Whether a diagnosis can be a JP-CLINS Condition: it has a MEDIS 病名管理番号. */
    static boolean coded(Diagnosis d) {
        return d.condition().code(DISEASE_KEY).isPresent();
    }

    /** Whether an allergy can be a JP-CLINS AllergyIntolerance: it has at least one code. */
    static boolean coded(Allergy a) {
        return !a.substance().codes().isEmpty();
    }

    Condition condition(Diagnosis d, String role, String patientUrl, boolean problemList, Instant at) {
        Condition c = claim(new Condition(), profile("JP_Condition_eCS", "JP_Condition"), at);
        c.addIdentifier().setSystem(FhirSystems.RESOURCE_INSTANCE).setValue(documentId + "^" + role);
        c.setClinicalStatus(new CodeableConcept(new Coding(FhirSystems.CONDITION_CLINICAL,
                d.active() ? "active" : "resolved", d.active() ? "Active" : "Resolved")));
        c.setVerificationStatus(ConditionStatus.verification(d.suspected()));
        c.addCategory(new CodeableConcept(new Coding(FhirSystems.CONDITION_CATEGORY,
                problemList ? "problem-list-item" : "encounter-diagnosis", problemList ? "Problem List Item" : "Encounter Diagnosis")));
        c.setCode(concept(d.condition()));
        c.setSubject(new Reference(patientUrl));
        if (d.onset() != null) {
            c.setOnset(day(d.onset()));
        }
        return c;
    }

    AllergyIntolerance allergy(Allergy a, String role, String patientUrl, Instant at) {
        AllergyIntolerance r = claim(new AllergyIntolerance(), profile("JP_AllergyIntolerance_eCS", "JP_AllergyIntolerance"), at);
        r.addIdentifier().setSystem(FhirSystems.RESOURCE_INSTANCE).setValue(documentId + "^" + role);
        r.setClinicalStatus(new CodeableConcept(new Coding(FhirSystems.ALLERGY_CLINICAL, "active", "Active")));
        r.setVerificationStatus(new CodeableConcept(new Coding(
                FhirSystems.ALLERGY_VERIFICATION, "confirmed", "Confirmed")));
        if (a.category() != null) {
            r.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.fromCode(a.category()));
        }
        if (a.severe()) {
            r.setCriticality(AllergyIntolerance.AllergyIntoleranceCriticality.HIGH);
        }
        r.setCode(concept(a.substance()));
        r.setPatient(new Reference(patientUrl));
        if (a.reaction() != null && !a.reaction().isBlank()) {
            r.addReaction().addManifestation(new CodeableConcept().setText(a.reaction()));
        }
        return r;
    }

    /** A coded item as a CodeableConcept: every coding with a display (JP-CLINS requires one), and the text. */
    static CodeableConcept concept(Coded coded) {
        CodeableConcept concept = new CodeableConcept().setText(coded.text());
        for (Coded.Code c : coded.codes()) {
            concept.addCoding(new Coding(c.system(), c.code(), c.display() == null || c.display().isBlank()
                    ? coded.text() : c.display()));
        }
        return concept;
    }

    /**
     * An attachment as a DocumentReference: title, type, size and where the content is ({@code url}: the record's
     * resource, or {@code urn:musubi:blob:<key>} for uploaded content); its SHA-256 as an identifier
     * ({@value #SHA256}).
     */
    DocumentReference attachment(Attachment a, String patientUrl, Instant at) {
        DocumentReference d = claim(new DocumentReference(), national ? ECS + "JP_DocumentReference_eCS"
                : CORE + "JP_DocumentReference", at);
        d.addIdentifier().setSystem(SHA256).setValue(a.sha256());
        d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        d.setSubject(new Reference(patientUrl));
        d.setDescription(a.title());
        String url = switch (a.source()) {
            case Attachment.Stored s -> s.reference();
            case Attachment.Uploaded u -> "urn:musubi:blob:" + u.blobKey();
        };
        d.addContent().getAttachment().setContentType(a.contentType()).setUrl(url).setSize((int) Math.min(a.size(),
                Integer.MAX_VALUE)).setTitle(a.title());
        return d;
    }

    /** A section's text: the lines as XHTML paragraphs; status {@code additional}, as JP-CLINS fixes it. */
    static Narrative narrative(List<String> lines) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        lines.forEach(line -> div.addTag("p").addText(line));
        Narrative n = new Narrative().setStatus(Narrative.NarrativeStatus.ADDITIONAL);
        n.setDiv(div);
        return n;
    }

    static StringType text(String value) {
        return new StringType(value);
    }
}
