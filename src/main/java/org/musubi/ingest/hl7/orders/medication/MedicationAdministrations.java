package org.musubi.ingest.hl7.orders.medication;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationStatus;
import org.hl7.fhir.r4.model.Period;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.hl7.orders.segments.Practitioners;
import org.musubi.ingest.hl7.orders.segments.Timestamps;
import org.musubi.ingest.values.Units;
import org.musubi.record.fhir.FhirSystems;

/**
 * One RXA as JP_MedicationAdministration (JP_MedicationAdministration_Injection for OMP-12), per the
 * SS-MIX2 ConceptMap for OMP-12: RXA-3/4 when (a period when they differ), RXA-5 the drug, RXA-6/7 the
 * dose, RXA-9 notes, RXA-10 who gave it, RXA-12 the rate ({@code 102ml/hr}), RXA-20 completion status
 * (table 0322: CP completed, RE/NA not done, PA stopped), RXR route/site/method; from the ORC the order
 * numbers and JP Core's request extensions (ORC-9 authored, ORC-12 requester, ORC-17 department).
 */
final class MedicationAdministrations {

    static final String PROFILE = "http://jpfhir.jp/fhir/core/StructureDefinition/JP_MedicationAdministration";
    static final String EXTENSION_BASE = "http://jpfhir.jp/fhir/core/Extension/StructureDefinition/JP_MedicationAdministration_";
    private static final String PERFORMER_FUNCTION = "http://terminology.hl7.org/CodeSystem/med-admin-perform-function";
    private static final Pattern RATE = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)\\s*(\\S+)");

    private MedicationAdministrations() {
    }

    static MedicationAdministration resource(MessageInput input, AdministrationMapper.GivenDrug given, boolean injection)
            throws MessageRejected {
        MedicationAdministration administration = new MedicationAdministration();
        administration.getMeta().addProfile(injection ? PROFILE + "_Injection" : PROFILE);
        request(input, given.header(), administration);
        identifiers(input, given, administration);
        Hl7Segment rxa = given.rxa();
        administration.setStatus(status(rxa.text(20).strip(), rxa.text(21).strip()));
        administration.setMedication(Hl7Values.concept(rxa.field(5))
                .orElseThrow(() -> OrderProblems.rejected(input, rxa, 5, "rx.noDrug", "RXA-5")));
        administration.setSubject(SourceRefs.patient());
        effective(input, rxa, administration);
        var performer = Practitioners.reference(rxa.field(10), input.facility());
        if (performer != null) {
            administration.addPerformer().setActor(performer).setFunction(new CodeableConcept()
                    .addCoding(new Coding(PERFORMER_FUNCTION, "performer", "Performer")));
        }
        for (Hl7Field note : rxa.repetitions(9)) {
            String text = note.component(2).isEmpty() ? note.component(1) : note.component(2);
            if (!text.isBlank()) {
                administration.addNote().setText(text);
            }
        }
        dosage(input, given, administration);
        return administration;
    }

    private static void request(MessageInput input, OrderHeader header, MedicationAdministration administration) {
        if (header.department() != null) {
            administration.addExtension(EXTENSION_BASE + "RequestDepartment", header.department());
        }
        if (header.requester() != null) {
            administration.addExtension(EXTENSION_BASE + "Requester", header.requester());
        }
        if (header.authoredOn() != null) {
            administration.addExtension(EXTENSION_BASE + "RequestAuthoredOn", header.authoredOn());
        }
        if (header.orderType() != null) {
            administration.setCategory(header.orderType());
        }
        var order = header.numbers().order(input.facility(), "MedicationRequest");
        if (order != null) {
            administration.setRequest(order);
        }
    }

    private static void identifiers(MessageInput input, AdministrationMapper.GivenDrug given, MedicationAdministration administration) {
        given.header().numbers().identifiers(input.facility()).forEach(administration::addIdentifier);
        String rp = given.rp().matches("\\d+") ? given.rp().replaceFirst("^0+(?=\\d)", "") : given.rp();
        administration.addIdentifier().setSystem(FhirSystems.RP_NUMBER).setValue(rp);
        administration.addIdentifier().setSystem(FhirSystems.ORDER_IN_RP).setValue(String.valueOf(given.place()));
    }

    private static void effective(MessageInput input, Hl7Segment rxa, MedicationAdministration administration)
            throws MessageRejected {
        var start = Timestamps.required(input, rxa, 3);
        var end = Timestamps.optional(input, rxa, 4);
        if (end == null || end.getValueAsString().equals(start.getValueAsString())) {
            administration.setEffective(start);
        } else {
            administration.setEffective(new Period().setStartElement(start).setEndElement(end));
        }
    }

    private static void dosage(MessageInput input, AdministrationMapper.GivenDrug given, MedicationAdministration administration) {
        var dosage = administration.getDosage();
        Hl7Segment rxa = given.rxa();
        var dose = Quantities.of(input, rxa, 6, rxa.field(7));
        if (dose != null) {
            dosage.setDose(dose);
        }
        if (given.rxr() != null) {
            Hl7Values.concept(given.rxr().field(1)).ifPresent(dosage::setRoute);
            Hl7Values.concept(given.rxr().field(2)).ifPresent(dosage::setSite);
            Hl7Values.concept(given.rxr().field(4)).ifPresent(dosage::setMethod);
        }
        String rate = rxa.text(12).strip();
        Matcher number = RATE.matcher(rate);
        if (number.matches()) {
            dosage.setRate(Units.quantity(new BigDecimal(number.group(1)), number.group(2), number.group(2), ""));
        } else if (!rate.isEmpty()) {
            dosage.setText(rate);
        }
        if (dosage.isEmpty()) {
            administration.setDosage(null);
        }
    }

    static MedicationAdministrationStatus status(String completion, String action) {
        if (action.equals("D")) {
            return MedicationAdministrationStatus.ENTEREDINERROR;
        }
        return switch (completion) {
            case "CP" -> MedicationAdministrationStatus.COMPLETED;
            case "RE", "NA" -> MedicationAdministrationStatus.NOTDONE;
            case "PA" -> MedicationAdministrationStatus.STOPPED;
            default -> MedicationAdministrationStatus.UNKNOWN;
        };
    }
}
