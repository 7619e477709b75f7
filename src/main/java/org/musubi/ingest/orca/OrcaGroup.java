package org.musubi.ingest.orca;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.ingest.orca.OrcaVisits.Item;
import org.musubi.ingest.orca.OrcaVisits.Kind;
import org.musubi.medication.notebook.DrugCodes;
import org.musubi.record.fhir.FhirSystems;
import org.w3c.dom.Element;

/**
 * One 剤 of an ORCA visit being mapped ({@link OrcaVisits}): its items sorted by what they are (drugs, procedures,
 * materials, comments, 用法, 部位, ORCA's own markers), then each drug, procedure and material as its resource with the
 * 剤's comments, 用法 and 部位, or the whole 剤 as one Communication when it holds none.
 */
final class OrcaGroup {

    private final Element group;
    private final int rp;
    private final String day;
    private final String encounterKey;
    private final MappingContext context;
    private final String field;
    private final OrcaWarnings warnings;
    private final String medicalClass;
    private final String className;
    private final String number;
    private final Kind kind;
    private final List<String> comments = new ArrayList<>();
    private final List<Coding> commentCodes = new ArrayList<>();
    private final List<Coding> usages = new ArrayList<>();
    private final List<String> usageTexts = new ArrayList<>();
    private final List<Coding> bodyParts = new ArrayList<>();
    private final List<Coding> others = new ArrayList<>();

    OrcaGroup(Element group, int rp, String day, String encounterKey, MappingContext context, String field,
          OrcaWarnings warnings) {
        this.group = group;
        this.rp = rp;
        this.day = day;
        this.encounterKey = encounterKey;
        this.context = context;
        this.field = field;
        this.warnings = warnings;
        this.medicalClass = OrcaXml.text(group, "Medical_Class");
        this.className = OrcaXml.text(group, "Medical_Class_Name");
        this.number = OrcaXml.text(group, "Medical_Class_Number");
        this.kind = Kind.of(medicalClass);
    }

    void map(List<MappedResource> mapped) {
        List<Element> items = new ArrayList<>();
        for (Element item : OrcaXml.array(group, "Medication_info")) {
            String code = OrcaXml.text(item, "Medication_Code");
            String name = OrcaXml.text(item, "Medication_Name");
            if (code == null && name == null) {
                continue;
            }
            items.add(item);
            Item what = code == null ? Item.COMMENT : Item.of(code);
            String written = OrcaXml.text(item, "Medication_Number");
            if (written != null && !written.equals("1") && what != Item.DRUG && what != Item.PROCEDURE
                    && what != Item.MATERIAL) {
                warnings.add(field + ".Medication_info[" + items.size() + "].Medication_Number", "numberNotStored",
                        written, name == null ? code : name);
            }
            switch (what) {
                case COMMENT -> {
                    comments.add(words(item));
                    if (code != null) {
                        commentCodes.add(new Coding(OrcaSystems.COMMENT, code, name));
                    }
                }
                case USAGE -> {
                    usages.add(new Coding(OrcaSystems.USAGE, code, name));
                    usageTexts.add(words(item));
                }
                case BODY_PART -> bodyParts.add(new Coding(OrcaSystems.BODY_PART, code, name));
                case OTHER -> others.add(new Coding(OrcaSystems.ORCA_ITEM, code, name));
                default -> {
                }
            }
        }
        List<MappedResource> own = new ArrayList<>();
        int place = 0;
        int drugs = 0;
        for (Element item : items) {
            place++;
            String code = OrcaXml.text(item, "Medication_Code");
            if (code == null) {
                continue;
            }
            String key = encounterKey + ":" + rp + ":" + place + ":" + code;
            String itemField = field + ".Medication_info[" + place + "]";
            switch (Item.of(code)) {
                case DRUG -> {
                    drugs++;
                    DomainResource drug = kind.prescription() ? request(item, code, drugs, itemField)
                            : administration(item, code, itemField);
                    own.add(new MappedResource(key, drug));
                }
                case PROCEDURE -> own.add(new MappedResource(key, procedure(item, OrcaSystems.PROCEDURE, code, itemField)));
                case MATERIAL -> own.add(new MappedResource(key, procedure(item, OrcaSystems.MATERIAL, code, itemField)));
                default -> {
                }
            }
        }
        if (own.isEmpty()) {
            if (!comments.isEmpty() || !usageTexts.isEmpty() || !others.isEmpty() || !bodyParts.isEmpty()) {
                mapped.add(new MappedResource(encounterKey + ":" + rp + ":comment", communication()));
            }
            return;
        }
        for (MappedResource m : own) {
            DomainResource resource = (DomainResource) m.resource();
            for (String comment : comments) {
                note(resource, comment);
            }
            commentCodes.forEach(c -> resource.addExtension(OrcaSystems.COMMENT_CODE, c.copy()));
            others.forEach(c -> resource.addExtension(OrcaSystems.ORCA_ITEM, c.copy()));
        }
        mapped.addAll(own);
    }

    private MedicationRequest request(Element item, String code, int order, String itemField) {
        MedicationRequest request = new MedicationRequest();
        request.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + "JP_MedicationRequest");
        request.setStatus(MedicationRequest.MedicationRequestStatus.COMPLETED);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        String name = OrcaXml.text(item, "Medication_Name");
        request.setMedication(new CodeableConcept().addCoding(new Coding(DrugCodes.RECEIPT, code, name)).setText(name));
        request.setSubject(SourceRefs.patient());
        request.setEncounter(SourceRefs.to("Encounter", encounterKey));
        request.setAuthoredOnElement(new DateTimeType(day));
        request.addIdentifier().setSystem(FhirSystems.RP_NUMBER).setValue(String.valueOf(rp));
        request.addIdentifier().setSystem(FhirSystems.ORDER_IN_RP).setValue(String.valueOf(order));
        request.getGroupIdentifier().setSystem(FhirSystems.RP_GROUP + context.institutionCode())
                .setValue(encounterKey + ":" + rp);
        if (medicalClass != null) {
            boolean outside = medicalClass.endsWith("2") || medicalClass.equals("148");
            request.addCategory(new CodeableConcept(new Coding(FhirSystems.MEDICATION_REQUEST_CATEGORY,
                    outside ? "community" : "outpatient", outside ? "Community" : "Outpatient")));
            request.addCategory(new CodeableConcept(new Coding(OrcaSystems.MEDICAL_CLASS, medicalClass, className)));
        }
        Dosage dosage = request.addDosageInstruction();
        if (!usageTexts.isEmpty()) {
            dosage.setText(String.join("、", usageTexts));
            dosage.getTiming().setCode(new CodeableConcept(usages.getFirst().copy()));
            usages.stream().skip(1).forEach(u -> dosage.getTiming().getCode().addCoding(u.copy()));
        }
        Quantity amount = amount(item, itemField);
        BigDecimal times = whole(number);
        switch (kind) {
            case DAILY -> {
                if (amount != null) {
                    dosage.addDoseAndRate().setRate(new Ratio().setNumerator(amount).setDenominator(day(1)));
                }
                if (times != null) {
                    request.getDispenseRequest().setExpectedSupplyDuration((Duration) new Duration()
                            .setValue(times).setUnit("日").setSystem(FhirSystems.UCUM).setCode("d"));
                    if (amount != null) {
                        request.getDispenseRequest().setQuantity(times(amount, times));
                    }
                } else {
                    classNumber(request, true);
                }
            }
            case AS_NEEDED -> {
                dosage.setAsNeeded(new BooleanType(true));
                if (amount != null) {
                    dosage.addDoseAndRate().setDose(amount);
                }
                if (times != null) {
                    dosage.getTiming().setRepeat(new Timing.TimingRepeatComponent().setCount(times.intValueExact()));
                    if (amount != null) {
                        request.getDispenseRequest().setQuantity(times(amount, times));
                    }
                } else {
                    classNumber(request, true);
                }
            }
            default -> {
                if (amount != null) {
                    request.getDispenseRequest().setQuantity(times == null ? amount : times(amount, times));
                    request.addExtension(OrcaSystems.AMOUNT, amount.copy());
                }
                classNumber(request, times == null);
            }
        }
        if (dosage.isEmpty()) {
            request.getDosageInstruction().clear();
        }
        return request;
    }

    private MedicationAdministration administration(Element item, String code, String itemField) {
        MedicationAdministration given = new MedicationAdministration();
        given.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + (kind == Kind.INJECTION
                ? "JP_MedicationAdministration_Injection" : "JP_MedicationAdministration"));
        given.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
        String name = OrcaXml.text(item, "Medication_Name");
        given.setMedication(new CodeableConcept().addCoding(new Coding(DrugCodes.RECEIPT, code, name)).setText(name));
        given.setSubject(SourceRefs.patient());
        given.setContext(SourceRefs.to("Encounter", encounterKey));
        given.setEffective(new DateTimeType(day));
        if (medicalClass != null) {
            given.setCategory(new CodeableConcept(new Coding(OrcaSystems.MEDICAL_CLASS, medicalClass, className)));
        }
        Quantity amount = amount(item, itemField);
        if (amount != null || !usageTexts.isEmpty()) {
            MedicationAdministration.MedicationAdministrationDosageComponent dosage = given.getDosage();
            if (amount != null) {
                dosage.setDose(amount);
            }
            if (!usageTexts.isEmpty()) {
                dosage.setText(String.join("、", usageTexts));
            }
        }
        classNumber(given, false);
        return given;
    }

    private Procedure procedure(Element item, String system, String code, String itemField) {
        Procedure procedure = new Procedure();
        procedure.getMeta().addProfile(FhirSystems.JP_CORE_PROFILE + "JP_Procedure");
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        String name = OrcaXml.text(item, "Medication_Name");
        procedure.setCode(new CodeableConcept().addCoding(new Coding(system, code, name)).setText(name));
        if (medicalClass != null) {
            procedure.setCategory(new CodeableConcept(new Coding(OrcaSystems.MEDICAL_CLASS, medicalClass, className)));
        }
        procedure.setSubject(SourceRefs.patient());
        procedure.setEncounter(SourceRefs.to("Encounter", encounterKey));
        procedure.setPerformed(new DateTimeType(day));
        bodyParts.forEach(b -> procedure.addBodySite(new CodeableConcept(b.copy()).setText(b.getDisplay())));
        usageTexts.forEach(u -> note(procedure, u));
        String written = OrcaXml.text(item, "Medication_Number");
        if (written != null) {
            Quantity amount = amount(item, itemField);
            procedure.addExtension(OrcaSystems.AMOUNT, amount != null ? amount : new StringType(written));
        }
        classNumber(procedure, false);
        return procedure;
    }

    private Communication communication() {
        Communication communication = new Communication();
        communication.setStatus(Communication.CommunicationStatus.COMPLETED);
        communication.addCategory(new CodeableConcept(new Coding(FhirSystems.COMMUNICATION_CATEGORY,
                OrcaSystems.COMMENT_CATEGORY, null)));
        if (medicalClass != null) {
            communication.addReasonCode(new CodeableConcept(new Coding(OrcaSystems.MEDICAL_CLASS, medicalClass,
                    className)));
        }
        communication.setSubject(SourceRefs.patient());
        communication.setEncounter(SourceRefs.to("Encounter", encounterKey));
        communication.setSentElement(new DateTimeType(day));
        List<String> lines = new ArrayList<>(comments);
        lines.addAll(usageTexts);
        bodyParts.forEach(b -> lines.add(b.getDisplay() == null ? b.getCode() : b.getDisplay()));
        others.forEach(o -> lines.add(o.getDisplay() == null ? o.getCode() : o.getDisplay()));
        communication.addPayload().setContent(new StringType(String.join("\n", lines)));
        commentCodes.forEach(c -> communication.addExtension(OrcaSystems.COMMENT_CODE, c.copy()));
        others.forEach(o -> communication.addExtension(OrcaSystems.ORCA_ITEM, o.copy()));
        if (number != null) {
            communication.addExtension(OrcaSystems.CLASS_NUMBER, new StringType(number));
        }
        return communication;
    }

    /**
     * The item's quantity: {@code Medication_Number} in the unit ORCA names ({@code Unit_Code_Name}, its レセ電
     * 単位コード as the code); null when there is none; a number that is not one is kept as written, with a warning.
     */
    private Quantity amount(Element item, String itemField) {
        String written = OrcaXml.text(item, "Medication_Number");
        if (written == null) {
            return null;
        }
        if (!written.matches("[0-9]+(\\.[0-9]+)?")) {
            warnings.add(itemField + ".Medication_Number", "notANumber", written);
            return null;
        }
        Quantity quantity = new Quantity().setValue(new BigDecimal(written));
        String unit = OrcaXml.text(item, "Unit_Code_Name");
        if (unit != null) {
            quantity.setUnit(unit);
        }
        String unitCode = OrcaXml.text(item, "Unit_Code");
        if (unitCode != null) {
            quantity.setSystem(OrcaSystems.UNIT).setCode(unitCode);
        }
        return quantity;
    }

    /** Keeps the 剤's 回数 as ORCA wrote it, where no element holds it; warns when it was meant as days or times. */
    private void classNumber(DomainResource resource, boolean unread) {
        if (number == null) {
            return;
        }
        if (unread && (kind == Kind.DAILY || kind == Kind.AS_NEEDED)) {
            warnings.add(field + ".Medical_Class_Number", "notANumber", number);
        }
        resource.addExtension(OrcaSystems.CLASS_NUMBER, new StringType(number));
    }

    private static Quantity times(Quantity amount, BigDecimal times) {
        Quantity total = amount.copy();
        total.setValue(amount.getValue().multiply(times));
        return total;
    }

    private static BigDecimal whole(String number) {
        return number != null && number.matches("[0-9]{1,5}") ? new BigDecimal(number) : null;
    }

    private static Quantity day(int days) {
        return new Quantity(days).setUnit("日").setSystem(FhirSystems.UCUM).setCode("d");
    }

    /** A comment's or usage's words: its name, the value typed into it, the values embedded in it. */
    private static String words(Element item) {
        StringBuilder words = new StringBuilder();
        String name = OrcaXml.text(item, "Medication_Name");
        if (name != null) {
            words.append(name);
        }
        String typed = OrcaXml.text(item, "Medication_Name_Input_Value");
        if (typed != null) {
            words.append(typed);
        }
        List<String> embedded = new ArrayList<>();
        for (Element input : OrcaXml.array(item, "Medication_Input_Info")) {
            String value = OrcaXml.text(input, "Medication_Input_Code");
            if (value != null) {
                embedded.add(value);
            }
        }
        if (!embedded.isEmpty()) {
            words.append("（").append(String.join("・", embedded)).append("）");
        }
        return words.toString();
    }

    private static void note(DomainResource resource, String text) {
        Annotation note = new Annotation(new MarkdownType(text));
        switch (resource) {
            case MedicationRequest r -> r.addNote(note);
            case MedicationAdministration a -> a.addNote(note);
            case Procedure p -> p.addNote(note);
            default -> throw new IllegalArgumentException(resource.fhirType());
        }
    }
}
