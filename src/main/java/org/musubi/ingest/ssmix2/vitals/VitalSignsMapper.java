package org.musubi.ingest.ssmix2.vitals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.values.Numbers;
import org.musubi.ingest.values.SourceKeys;
import org.musubi.ingest.results.Interpretations;
import org.musubi.ingest.results.ReferenceRanges;
import org.musubi.ingest.results.ResultStatuses;
import org.musubi.ingest.ssmix2.Ssmix2Problems;
import org.musubi.ingest.ssmix2.mapping.Dates;
import org.musubi.record.fhir.FhirSystems;

/**
 * ORU^R30 vital signs: each OBX one Observation (JP_Observation_VitalSigns, categories vital-signs), code OBX-3 as
 * sent plus its LOINC vital-sign code ({@link VitalSign}), value OBX-5 by its type OBX-2 (NM a quantity in OBX-6's unit
 * with its UCUM code, {@link VitalUnits}; CWE a concept; anything else text), reference range OBX-7, abnormal flag
 * OBX-8, status OBX-11, taken at OBX-14 (else OBR-7). What cannot be read is warned about naming the field: a number
 * that is none is kept as text, a unit with no UCUM code as unit text, an unreadable time is left out; an OBX without
 * OBX-3 says nothing that could be stored and is left out with a warning. Source keys {@code /obs/<OBX-3 code>/<OBX-14>}
 * ({@code ~2} … when the same code is sent twice at one time).
 */
public final class VitalSignsMapper implements MessageMapper {

    @Override
    public List<MappedResource> map(MessageInput input) {
        Optional<DateTimeType> observed = input.message().first("OBR").flatMap(obr -> Dates.optional(input, obr, 7));
        List<MappedResource> resources = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Hl7Segment obx : input.message().all("OBX")) {
            Optional<CodeableConcept> code = Hl7Values.concept(obx.field(3));
            if (code.isEmpty()) {
                Ssmix2Problems.warn(input, obx, 3, "ssmix2.missing-field", obx.fieldName(3));
                continue;
            }
            Optional<DateTimeType> taken = Dates.optional(input, obx, 14).or(() -> observed.map(DateTimeType::copy));
            String when = obx.text(14).strip();
            String key = SourceKeys.part(id(obx.field(3))) + "/"
                    + SourceKeys.part(when.isEmpty() ? obx.text(1).strip() : when);
            int n = seen.merge(key, 1, Integer::sum);
            resources.add(new MappedResource(input.recordKey() + "/obs/" + key + (n > 1 ? "~" + n : ""),
                    observation(input, obx, code.get(), taken)));
        }
        return resources;
    }

    private static Observation observation(MessageInput input, Hl7Segment obx, CodeableConcept code,
                                           Optional<DateTimeType> taken) {
        Observation observation = new Observation().setStatus(ResultStatuses.observation(obx.text(11)));
        observation.getMeta().addProfile(FhirSystems.JP_OBSERVATION_VITAL_SIGNS);
        observation.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs")));
        observation.addCategory(new CodeableConcept(new Coding(FhirSystems.JP_OBSERVATION_CATEGORY, "vital-signs",
                "Vital Signs")));
        VitalSign.of(id(obx.field(3))).ifPresent(sign -> code.addCoding(sign.loinc()));
        if (!code.hasText()) {
            code.setText(code.getCodingFirstRep().getCode());
        }
        observation.setCode(code);
        observation.setSubject(SourceRefs.patient());
        taken.ifPresent(observation::setEffective);
        Type value = value(input, obx);
        if (value != null) {
            observation.setValue(value);
        } else {
            observation.setDataAbsentReason(new CodeableConcept(new Coding(FhirSystems.DATA_ABSENT_REASON, "unknown",
                    "Unknown")));
        }
        var range = ReferenceRanges.parse(obx.field(7).component(1), value instanceof Quantity q ? q : null);
        if (range != null) {
            observation.addReferenceRange(range);
        }
        var flag = Interpretations.of(obx.field(8).component(1));
        if (flag != null) {
            observation.addInterpretation(flag);
        }
        return observation;
    }

    private static Type value(MessageInput input, Hl7Segment obx) {
        List<Hl7Field> values = obx.repetitions(5);
        if (values.isEmpty()) {
            return null;
        }
        return switch (obx.text(2).strip()) {
            case "NM" -> number(input, obx, values.getFirst().component(1));
            case "CWE", "CE", "CNE" -> Hl7Values.concept(values.getFirst()).<Type>map(c -> c).orElse(null);
            default -> {
                StringJoiner text = new StringJoiner("\n");
                values.forEach(v -> text.add(v.component(1)));
                yield new StringType(text.toString());
            }
        };
    }

    private static Type number(MessageInput input, Hl7Segment obx, String text) {
        var number = Numbers.withComparator(text);
        if (number.isEmpty()) {
            Ssmix2Problems.warn(input, obx, 5, "ssmix2.invalid-number", text);
            return new StringType(text);
        }
        VitalUnits.Read read = VitalUnits.quantity(number.get().value(), obx.field(6));
        if (!read.ucum()) {
            Ssmix2Problems.warn(input, obx, 6, "ssmix2.vital.unit", read.quantity().getUnit());
        }
        Quantity quantity = read.quantity();
        return number.get().comparator() == null ? quantity : quantity.setComparator(number.get().comparator());
    }

    /** OBX-3's code, else its text. */
    private static String id(Hl7Field code) {
        return code.component(1).isBlank() ? code.component(2) : code.component(1);
    }
}
