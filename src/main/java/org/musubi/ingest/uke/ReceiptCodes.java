package org.musubi.ingest.uke;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.record.fhir.FhirSystems;

/**
 * How a receipt's items read as FHIR ({@link ReceiptResources}): an item's code as a concept named from its master (a
 * drug with its YJ code beside), its amounts in its master's unit, its 診療識別 as a category and its comments as notes.
 */
final class ReceiptCodes {

    private final ReceiptNames.Receipt names;

    ReceiptCodes(ReceiptNames.Receipt names) {
        this.names = names;
    }

    CodeableConcept category(ReceiptBody.Item item) {
        return item.category() == null ? null
                : new CodeableConcept(new Coding(UkeSystems.TREATMENT_CATEGORY, item.category(), null));
    }

    List<Annotation> notes(ReceiptBody.Item item) {
        List<Annotation> notes = new ArrayList<>();
        for (ReceiptBody.Comment c : item.comments()) {
            notes.add(note(c));
        }
        return notes;
    }

    /** A comment as a note: its words, its コメントコード and, when the words differ from it, its 文字データ as sent. */
    Annotation note(ReceiptBody.Comment c) {
        String words = names.comment(c);
        Annotation note = new Annotation(new MarkdownType(words == null ? "" : words));
        if (c.code() != null) {
            note.addExtension(UkeSystems.RECEIPT_COMMENT, new CodeType(c.code()));
        }
        if (c.text() != null && !c.text().equals(words)) {
            note.addExtension(UkeSystems.COMMENT_DATA, new StringType(c.text()));
        }
        return note;
    }

    /** An item's code as a concept: the coding named from its master, the name as the text. */
    CodeableConcept concept(String system, ReceiptBody.Item item) {
        String name = names.item(item);
        String master = names.entry(ReceiptNames.kind(item.type()), item.code()).map(e -> e.name()).orElse(null);
        CodeableConcept concept = new CodeableConcept(new Coding(system, item.code(), master));
        if (name != null) {
            concept.setText(name);
        }
        return concept;
    }

    /** An amount in the unit its master counts it in (錠, ｍＬ …), or without one. */
    Quantity amount(BigDecimal value, ReceiptBody.Item item) {
        Quantity quantity = new Quantity().setValue(value);
        String unit = names.unit(item);
        if (unit != null) {
            quantity.setUnit(unit);
        }
        return quantity;
    }

    /** One day (UCUM {@code d}), the period a day's amount (1日量) is given per. */
    static Quantity oneDay() {
        return new Quantity().setValue(1).setUnit("日").setSystem(FhirSystems.UCUM).setCode("d");
    }

    /** A drug's code, named, with its YJ code from the 医薬品マスター beside it. */
    CodeableConcept medication(ReceiptBody.Item item) {
        CodeableConcept medication = concept(UkeSystems.RECEIPT_MEDICATION, item);
        String yj = names.yjCode(item);
        if (yj != null) {
            medication.addCoding(new Coding(FhirSystems.YJ, yj, medication.getCodingFirstRep().getDisplay()));
        }
        return medication;
    }

    static SimpleQuantity simple(Quantity unitOf, BigDecimal value) {
        SimpleQuantity quantity = new SimpleQuantity();
        quantity.setValue(value);
        if (unitOf.hasUnit()) {
            quantity.setUnit(unitOf.getUnit());
        }
        return quantity;
    }
}
