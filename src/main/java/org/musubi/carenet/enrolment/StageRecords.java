package org.musubi.carenet.enrolment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.musubi.identity.SourcePatient;
import org.musubi.record.ResourceEncoder;
import org.musubi.record.ResourceLookup;
import org.musubi.record.ResourceWrite;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;

/**
 * A filled stage form as record resources under the filling facility's own source patient: the QuestionnaireResponse
 * (its {@code questionnaire} the stage form's {@code url|version}), one Observation per answer of an item mapped to a
 * LOINC code (the item's code, the answer as value, {@code derivedFrom} the response) and the Provenance of them.
 */
final class StageRecords {

    private final ResourceEncoder encoder;
    private final ResourceLookup lookup;

    StageRecords(ResourceEncoder encoder, ResourceLookup lookup) {
        this.encoder = encoder;
        this.lookup = lookup;
    }

    /** Who filled the form: the user's and the facility's names. */
    record Filler(String name, String facility) {
    }

    /** The response and the Observations extracted from it, the response first. */
    List<ResourceWrite> writes(Questionnaire form, QuestionnaireResponse response, String responseId, SourcePatient own,
                               Filler filler, Instant at) {
        Reference patient = patient(own);
        response.setId(responseId);
        response.setSubject(patient);
        response.setAuthoredElement(new DateTimeType(Date.from(at)));
        response.setAuthor(new Reference().setDisplay(filler.name() + " (" + filler.facility() + ")"));
        List<ResourceWrite> writes = new ArrayList<>();
        writes.add(encoder.entered(response, responseId, own.id(), own.facilityId()));
        Map<String, QuestionnaireItemComponent> items = new LinkedHashMap<>();
        StageForm.flatten(form.getItem(), items);
        for (QuestionnaireResponseItemComponent answered : answeredItems(response.getItem())) {
            QuestionnaireItemComponent item = items.get(answered.getLinkId());
            if (item == null || StageForm.loinc(item) == null) {
                continue;
            }
            int n = 0;
            for (var answer : answered.getAnswer()) {
                Observation observation = observation(item, answer.getValue(), responseId, patient, filler, at);
                String id = UUID.nameUUIDFromBytes(("pathway-observation\u001f" + responseId + "\u001f"
                        + item.getLinkId() + "\u001f" + n++).getBytes(StandardCharsets.UTF_8)).toString();
                writes.add(encoder.entered(observation, id, own.id(), own.facilityId()));
            }
        }
        return writes;
    }

    private static List<QuestionnaireResponseItemComponent> answeredItems(List<QuestionnaireResponseItemComponent> level) {
        List<QuestionnaireResponseItemComponent> all = new ArrayList<>();
        for (QuestionnaireResponseItemComponent item : level) {
            if (item.hasAnswer()) {
                all.add(item);
            }
            all.addAll(answeredItems(item.getItem()));
        }
        return all;
    }

    private static Observation observation(QuestionnaireItemComponent item, Type value, String responseId,
                                           Reference patient, Filler filler, Instant at) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, "survey", "Survey")));
        CodeableConcept code = new CodeableConcept().setText(item.getText());
        item.getCode().forEach(c -> code.addCoding(c.copy()));
        observation.setCode(code);
        observation.setSubject(patient);
        observation.setEffective(new DateTimeType(Date.from(at)));
        observation.setIssuedElement(new InstantType(Date.from(at)));
        observation.addPerformer(new Reference().setDisplay(filler.facility()));
        observation.addDerivedFrom(new Reference("QuestionnaireResponse/" + responseId));
        observation.setValue(value(item, value));
        return observation;
    }

    /** An answer as an Observation's value: a number with the item's unit as a Quantity, a Coding as a concept. */
    private static Type value(QuestionnaireItemComponent item, Type value) {
        var unit = StageForm.unitCoding(item);
        if ((value instanceof DecimalType || value instanceof IntegerType) && unit.isPresent()) {
            Coding u = unit.get();
            return new Quantity().setValue(new java.math.BigDecimal(value.primitiveValue()))
                    .setUnit(u.hasDisplay() ? u.getDisplay() : u.getCode()).setSystem(u.getSystem()).setCode(u.getCode());
        }
        if (value instanceof DecimalType d) {
            return new Quantity().setValue(d.getValue());
        }
        if (value instanceof Coding c) {
            return new CodeableConcept(c.copy()).setText(c.getDisplay());
        }
        if (value instanceof DateType d) {
            return new DateTimeType(d.getValueAsString());
        }
        if (value instanceof IntegerType || value instanceof BooleanType || value instanceof StringType
                || value instanceof Quantity) {
            return value.copy();
        }
        return new StringType(value.primitiveValue());
    }

    /** The Provenance of what was written: the filler as author, for the filling facility. */
    ResourceWrite provenance(List<Written> written, SourcePatient own, Filler filler, Instant at, String responseId) {
        Provenance provenance = new Provenance();
        written.forEach(w -> provenance.addTarget(new Reference(w.type() + "/" + w.id() + "/_history/" + w.version())));
        provenance.setRecordedElement(new InstantType(Date.from(at)));
        provenance.addAgent().setType(new CodeableConcept(new Coding(FhirSystems.PROVENANCE_PARTICIPANT_TYPE, "author",
                "Author"))).setWho(new Reference().setDisplay(filler.name()))
                .setOnBehalfOf(new Reference().setDisplay(filler.facility()));
        String id = UUID.nameUUIDFromBytes(("pathway-provenance\u001f" + responseId).getBytes(StandardCharsets.UTF_8))
                .toString();
        return encoder.entered(provenance, id, own.id(), own.facilityId());
    }

    private Reference patient(SourcePatient own) {
        String id = lookup.patientIds(own.facilityId(), List.of(own.id())).get(own.id());
        return id == null ? new Reference().setDisplay("患者 / Patient") : new Reference("Patient/" + id);
    }
}
