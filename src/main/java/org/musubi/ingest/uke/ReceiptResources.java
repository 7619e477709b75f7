package org.musubi.ingest.uke;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.condition.ConditionStatus;

/**
 * A receipt's FHIR resources, each keyed under the receipt's record key so that a receipt sent again (a correction,
 * 返戻 and 再請求) replaces exactly what it stored before: an Encounter per visit day (the days the day columns name;
 * 調剤: the days dispensed), the DPC stay as an Encounter with its 診断群分類, a Condition per SY, per item and day a
 * Procedure (SI; TO as a material used), a MedicationRequest (医科 IY) or a MedicationDispense (調剤 IY), dated by the
 * day, and the receipt's own comments as a Communication. Items the receipt does not date are dated by the month.
 * Every code carries its name from the receipt masters as the coding's display and the concept's text ({@link
 * ReceiptNames}); a drug its YJ code beside; an item's comments are its notes, in words.
 */
final class ReceiptResources {

    private final String recordKey;
    private final YearMonth month;
    private final boolean inpatient;
    private final ReceiptNames.Receipt names;
    private final ReceiptCodes codes;
    private final List<MappedResource> out = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();

    ReceiptResources(String recordKey, YearMonth month, boolean inpatient, ReceiptNames.Receipt names) {
        this.recordKey = recordKey;
        this.month = month;
        this.inpatient = inpatient;
        this.names = names;
        this.codes = new ReceiptCodes(names);
    }

    List<MappedResource> map(ReceiptBody body, UkeLayout layout) {
        TreeSet<Integer> visitDays = new TreeSet<>();
        body.items.forEach(i -> visitDays.addAll(i.days().keySet()));
        visitDays.forEach(this::encounter);
        body.stays.forEach(this::stay);
        body.diagnoses.forEach(this::condition);
        for (ReceiptBody.Item item : body.items) {
            if (item.days().isEmpty()) {
                item(item, layout, null, item.count());
            } else {
                item.days().forEach((day, times) -> item(item, layout, day, times));
            }
        }
        body.comments.forEach(this::communication);
        return List.copyOf(out);
    }

    private String key(String... parts) {
        String base = recordKey + "/" + String.join("/", parts);
        int n = seen.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "/" + n;
    }

    private void add(String key, Resource resource) {
        out.add(new MappedResource(key, resource));
    }

    private String dayKey(int day) {
        return month.atDay(day).toString();
    }

    private Reference visit(int day) {
        return SourceRefs.to("Encounter", recordKey + "/visit/" + dayKey(day));
    }

    private void encounter(int day) {
        Encounter encounter = new Encounter();
        encounter.setStatus(Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding(FhirSystems.ACT_CODE, inpatient ? "IMP" : "AMB", inpatient ? "inpatient encounter" : "ambulatory"));
        encounter.setSubject(SourceRefs.patient());
        DateTimeType date = new DateTimeType(dayKey(day));
        encounter.setPeriod(new Period().setStartElement(date).setEndElement(date.copy()));
        receipt(encounter);
        add(key("visit", dayKey(day)), encounter);
    }

    private void stay(ReceiptBody.Stay stay) {
        Encounter encounter = new Encounter();
        encounter.setStatus(stay.discharged() == null ? Encounter.EncounterStatus.INPROGRESS : Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding(FhirSystems.ACT_CODE, "IMP", "inpatient encounter"));
        encounter.setSubject(SourceRefs.patient());
        encounter.addType(new CodeableConcept(new Coding(UkeSystems.DPC_GROUP, stay.group(), null)));
        Period period = new Period();
        if (stay.admitted() != null) {
            period.setStartElement(new DateTimeType(stay.admitted().toString()));
        }
        if (stay.discharged() != null) {
            period.setEndElement(new DateTimeType(stay.discharged().toString()));
        }
        encounter.setPeriod(period);
        receipt(encounter);
        add(key("stay"), encounter);
    }

    private void condition(ReceiptBody.Diagnosis d) {
        Condition condition = new Condition();
        condition.getMeta().addProfile(FhirSystems.JP_CONDITION);
        condition.setSubject(SourceRefs.patient());
        CodeableConcept code = new CodeableConcept(new Coding(FhirSystems.RECEIPT_DISEASE, d.code(), names.disease(d)));
        if (d.icd10() != null) {
            code.addCoding(new Coding(FhirSystems.ICD10, d.icd10(), null));
        }
        String words = names.diagnosis(d);
        if (words != null) {
            code.setText(words);
        }
        for (String modifier : d.modifiers()) {
            String url = modifier.startsWith("8") ? FhirSystems.DISEASE_POSTFIX_MODIFIER : FhirSystems.DISEASE_PREFIX_MODIFIER;
            code.addExtension(url, new CodeableConcept(new Coding(FhirSystems.RECEIPT_DISEASE_MODIFIER, modifier,
                    names.modifier(modifier))));
        }
        condition.setCode(code);
        condition.addCategory(new CodeableConcept(new Coding(FhirSystems.CONDITION_CATEGORY, "encounter-diagnosis",
                "Encounter Diagnosis")));
        if (d.main()) {
            condition.addCategory(new CodeableConcept(new Coding(FhirSystems.RECEIPT_MAIN_DIAGNOSIS, "01", "主傷病")));
        }
        if (d.dpcRole() != null) {
            condition.addCategory(new CodeableConcept(new Coding(UkeSystems.DPC_DIAGNOSIS_ROLE, d.dpcRole(), null)));
        }
        String status = switch (d.outcome()) {
            case "2" -> "resolved";
            case "3", "4" -> "inactive";
            default -> "active";
        };
        CodeableConcept clinical = new CodeableConcept(new Coding(FhirSystems.CONDITION_CLINICAL, status, null));
        clinical.addCoding(new Coding(UkeSystems.OUTCOME, d.outcome(), null));
        condition.setClinicalStatus(clinical);
        condition.setVerificationStatus(ConditionStatus.verification(names.suspected(d)));
        if (d.onset() != null) {
            condition.setOnset(new DateTimeType(d.onset().toString()));
        }
        if (d.supplement() != null) {
            condition.addNote(new Annotation(new MarkdownType(d.supplement())));
        }
        receipt(condition);
        add(key(d.dpcRole() == null ? "diagnosis" : "dpc-diagnosis", d.code(), String.join("", d.modifiers())), condition);
    }

    private void item(ReceiptBody.Item item, UkeLayout layout, Integer day, Integer times) {
        String when = day == null ? "month" : dayKey(day);
        String key = key(item.type(), item.category() == null ? "-" : item.category(), item.code(), when);
        DomainResource resource = switch (item.type()) {
            case "IY" -> layout == UkeLayout.PHARMACY ? dispense(item, day) : request(item, day);
            default -> procedure(item, day);
        };
        if (item.amount() != null) {
            resource.addExtension(UkeSystems.AMOUNT, new DecimalType(item.amount()));
        }
        if (times != null && layout == UkeLayout.MEDICAL) {
            resource.addExtension(UkeSystems.DAY_COUNT, new IntegerType(times));
        }
        receipt(resource);
        add(key, resource);
    }

    private Procedure procedure(ReceiptBody.Item item, Integer day) {
        Procedure procedure = new Procedure();
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        procedure.setSubject(SourceRefs.patient());
        boolean material = item.type().equals("TO");
        CodeableConcept code = codes.concept(material ? UkeSystems.RECEIPT_MATERIAL : UkeSystems.RECEIPT_PROCEDURE,
                item);
        if (material) {
            procedure.addUsedCode(code);
            procedure.setCode(code.copy());
        } else {
            procedure.setCode(code);
        }
        procedure.setCategory(codes.category(item));
        if (day == null) {
            procedure.setPerformed(new Period().setStartElement(new DateTimeType(month.atDay(1).toString()))
                    .setEndElement(new DateTimeType(month.atEndOfMonth().toString())));
        } else {
            procedure.setPerformed(new DateTimeType(dayKey(day)));
            procedure.setEncounter(visit(day));
        }
        codes.notes(item).forEach(procedure::addNote);
        return procedure;
    }

    private MedicationRequest request(ReceiptBody.Item item, Integer day) {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setSubject(SourceRefs.patient());
        request.setMedication(codes.medication(item));
        if (item.category() != null) {
            request.addCategory(codes.category(item));
        }
        if (day == null) {
            request.setAuthoredOnElement(new DateTimeType(month.toString()));
        } else {
            request.setAuthoredOnElement(new DateTimeType(dayKey(day)));
            request.setEncounter(visit(day));
            Integer times = item.days().get(day);
            if ("21".equals(item.category()) && times != null) {
                request.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration().setValue(times)
                        .setUnit("日").setSystem(FhirSystems.UCUM).setCode("d"));
            }
        }
        if (item.amount() != null) {
            dose(request, item, day == null ? item.count() : item.days().get(day));
        }
        codes.notes(item).forEach(request::addNote);
        return request;
    }

    /**
     * The 使用量 as the 診療識別 means it (記録条件仕様 医科): 内服 (21) a day's amount (1日量, JP Core's {@code rateRatio} per
     * day), 屯服 (22) one dose with the doses given ({@code times}) as the quantity, 外用 (23) the quantity given, any
     * other one dose; each in its master's unit.
     */
    private void dose(MedicationRequest request, ReceiptBody.Item item, Integer times) {
        Quantity amount = codes.amount(item.amount(), item);
        String category = item.category() == null ? "" : item.category();
        switch (category) {
            case "21" -> request.addDosageInstruction().addDoseAndRate()
                    .setRate(new Ratio().setNumerator(amount).setDenominator(ReceiptCodes.oneDay()));
            case "22" -> {
                request.addDosageInstruction().addDoseAndRate().setDose(amount.copy());
                if (times != null) {
                    request.getDispenseRequest().setQuantity(ReceiptCodes.simple(amount, item.amount()
                            .multiply(BigDecimal.valueOf(times))));
                }
            }
            case "23" -> request.getDispenseRequest().setQuantity(ReceiptCodes.simple(amount, times == null
                    ? item.amount() : item.amount().multiply(BigDecimal.valueOf(times))));
            default -> request.addDosageInstruction().addDoseAndRate().setDose(amount);
        }
    }

    /**
     * A 調剤 drug dispensed on one CZ's day: 使用量 (per 調剤数量: a day's amount for 内服, a dose for 屯服) times the
     * 調剤数量 as the quantity handed over, the 調剤数量 as days supplied when the 剤形 is dispensed in days, the 処方's
     * 用法 and 特別指示 as the dosage, its 剤形 as the type and its 処方No as the RP number.
     */
    private MedicationDispense dispense(ReceiptBody.Item item, Integer day) {
        MedicationDispense dispense = new MedicationDispense();
        dispense.setStatus(MedicationDispense.MedicationDispenseStatus.COMPLETED);
        dispense.setSubject(SourceRefs.patient());
        dispense.setMedication(item.type().equals("IY") ? codes.medication(item)
                : codes.concept(UkeSystems.RECEIPT_MATERIAL, item));
        LocalDate date = month.atDay(day);
        dispense.setWhenHandedOverElement(new DateTimeType(date.toString()));
        dispense.setContext(visit(day));
        ReceiptBody.Prescription rp = item.rp();
        if (item.amount() != null) {
            dispense.setQuantity(ReceiptCodes.simple(codes.amount(item.amount(), item), item.count() == null
                    ? item.amount() : item.amount().multiply(BigDecimal.valueOf(item.count()))));
        }
        if (item.count() != null && rp.daily()) {
            dispense.setDaysSupply((Quantity) new SimpleQuantity().setValue(item.count()).setUnit("日")
                    .setSystem(FhirSystems.UCUM).setCode("d"));
        }
        dispense.setType(new CodeableConcept(new Coding(UkeSystems.DOSAGE_FORM, rp.form(), null)));
        boolean dosed = item.amount() != null && (rp.daily() || rp.asNeeded());
        if (rp.usageCode() != null || rp.instruction() != null || dosed) {
            var dosage = dispense.addDosageInstruction();
            if (rp.instruction() != null) {
                dosage.setText(rp.instruction());
            }
            if (rp.usageCode() != null) {
                dosage.getTiming().setCode(new CodeableConcept(new Coding(UkeSystems.PHARMACY_USAGE, rp.usageCode(), null)));
            }
            if (dosed && rp.daily()) { // 使用量 per 調剤数量 of a 内服: a day's amount
                dosage.addDoseAndRate().setRate(new Ratio().setNumerator(codes.amount(item.amount(), item))
                        .setDenominator(ReceiptCodes.oneDay()));
            } else if (dosed) { // 屯服: one dose
                dosage.addDoseAndRate().setDose(codes.amount(item.amount(), item));
            }
        }
        dispense.addIdentifier().setSystem(FhirSystems.RP_NUMBER).setValue(item.category());
        codes.notes(item).forEach(dispense::addNote);
        return dispense;
    }

    private void communication(ReceiptBody.Comment comment) {
        Communication communication = new Communication();
        communication.setStatus(Communication.CommunicationStatus.COMPLETED);
        communication.setSubject(SourceRefs.patient());
        communication.addCategory(new CodeableConcept(new Coding(FhirSystems.COMMUNICATION_CATEGORY,
                UkeSystems.COMMENT_CATEGORY, null)));
        String words = names.comment(comment);
        communication.addPayload().setContent(new StringType(words == null ? "" : words));
        if (comment.text() != null && !comment.text().equals(words)) {
            communication.addExtension(UkeSystems.COMMENT_DATA, new StringType(comment.text()));
        }
        if (comment.code() != null) {
            communication.addExtension(UkeSystems.RECEIPT_COMMENT, new CodeType(comment.code()));
        }
        if (comment.category() != null) {
            communication.addReasonCode(new CodeableConcept(new Coding(UkeSystems.TREATMENT_CATEGORY, comment.category(), null)));
        }
        communication.setSentElement(new DateTimeType(month.toString()));
        receipt(communication);
        add(key("comment"), communication);
    }

    /** Names the receipt on the resource: {@code <診療年月>:<レセプト種別>}. */
    private void receipt(DomainResource resource) {
        resource.addExtension(UkeSystems.RECEIPT, new StringType(recordKey.substring(recordKey.indexOf(':') + 1)));
    }
}
