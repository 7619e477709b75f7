package org.musubi.ingest.ssmix2.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.ssmix2.Ssmix2Problems;
import org.musubi.record.fhir.FhirSystems;

/**
 * ADT-61 (ADT^A60): the patient's allergy list, one JP Core AllergyIntolerance per IAM segment. The
 * file is the whole list, so an allergy left out of the next version is deleted; an IAM whose action
 * (IAM-6, HL7 table 0323) is {@code D} is left out for that reason. Fields per the JAMI SS-MIX2→FHIR
 * ConceptMap segment-adt-61-iam: IAM-9 type, IAM-11 onset date (else IAM-12 onset text), IAM-13
 * recorded date, IAM-17 verification status (HL7 table 0438).
 */
final class AllergyListMapper implements MessageMapper {

    private static final String VERIFICATION = FhirSystems.ALLERGY_VERIFICATION;

    @Override
    public List<MappedResource> map(MessageInput input) {
        LocalKeys keys = new LocalKeys(input.recordKey());
        List<MappedResource> allergies = new ArrayList<>();
        for (Hl7Segment iam : input.message().all("IAM")) {
            if (!iam.field(6).component(1).equals("D")) {
                allergy(input, iam).ifPresent(a -> allergies.add(new MappedResource(keys.next("AllergyIntolerance",
                        localKey(iam)), a)));
            }
        }
        return allergies;
    }

    private static Optional<AllergyIntolerance> allergy(MessageInput input, Hl7Segment iam) {
        Optional<AllergyIntolerance> mapped = Allergies.of(iam.field(2), iam.field(3), iam.field(4), iam.field(5).component(1));
        if (mapped.isEmpty()) {
            Ssmix2Problems.warn(input, iam, 3, "ssmix2.missing-field", iam.fieldName(3));
            return mapped;
        }
        AllergyIntolerance allergy = mapped.get();
        if (!iam.field(7).component(1).isEmpty()) {
            allergy.addIdentifier().setValue(iam.field(7).component(1));
        }
        switch (iam.field(9).component(1)) {
            case "AL" -> allergy.setType(AllergyIntoleranceType.ALLERGY);
            case "IN" -> allergy.setType(AllergyIntoleranceType.INTOLERANCE);
            default -> { }
        }
        Dates.optional(input, iam, 11).ifPresentOrElse(allergy::setOnset, () -> {
            if (!iam.text(12).isBlank()) {
                allergy.setOnset(new StringType(iam.text(12).strip()));
            }
        });
        Dates.optional(input, iam, 13).ifPresent(allergy::setRecordedDateElement);
        verification(allergy, iam.field(17).component(1));
        return Optional.of(allergy);
    }

    /** HL7 table 0438: C confirmed; U, P, S, D unconfirmed; E entered in error (which carries no clinical status). */
    private static void verification(AllergyIntolerance allergy, String code) {
        String status = switch (code) {
            case "C" -> "confirmed";
            case "U", "P", "S", "D" -> "unconfirmed";
            case "E" -> "entered-in-error";
            default -> null;
        };
        if (status != null) {
            allergy.setVerificationStatus(new CodeableConcept().addCoding(new Coding(VERIFICATION, status, null)));
        }
        if ("entered-in-error".equals(status)) {
            allergy.setClinicalStatus(null);
        }
    }

    private static String localKey(Hl7Segment iam) {
        String id = iam.field(7).component(1);
        return id.isEmpty() ? Allergies.localKey(iam.field(2), iam.field(3)) : id;
    }
}
