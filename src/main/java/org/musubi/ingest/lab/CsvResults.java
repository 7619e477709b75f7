package org.musubi.ingest.lab;

import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.musubi.ingest.hl7.values.Numbers;
import org.musubi.ingest.hl7.values.SourceKeys;
import org.musubi.ingest.hl7.values.Units;
import org.musubi.ingest.lab.results.Interpretations;
import org.musubi.ingest.lab.results.LabResult;
import org.musubi.ingest.lab.results.ReferenceRanges;

/**
 * A CSV row's result: a value that is a number ({@code 7.2}, {@code <0.1}) is a quantity in the row's unit
 * (UCUM when it is one), anything else text; the reference range from ref_low/ref_high (numbers) or
 * ref_text; abnormal_flag as an interpretation; status; comment as a note. Keyed by its JLAC10 code, else
 * its local code.
 */
final class CsvResults {

    private CsvResults() {
    }

    static LabResult read(CsvRowReading.Cells cells, CodeableConcept code, DateTimeType collected) throws CsvRejected {
        String text = cells.required(CsvColumn.VALUE);
        String unit = cells.get(CsvColumn.UNIT);
        var number = Numbers.withComparator(text);
        Type value;
        Quantity quantity = null;
        if (number.isPresent()) {
            quantity = Units.quantity(number.get().value(), unit, unit, "");
            quantity.setComparator(number.get().comparator());
            value = quantity;
        } else {
            value = new StringType(text);
        }
        var range = ReferenceRanges.of(bound(cells, CsvColumn.REF_LOW), bound(cells, CsvColumn.REF_HIGH),
                cells.get(CsvColumn.REF_TEXT), quantity);
        String status = cells.get(CsvColumn.STATUS).toUpperCase(Locale.ROOT);
        var observationStatus = CsvValues.status(status)
                .orElseThrow(() -> cells.problem(CsvColumn.STATUS, "csv.status", cells.get(CsvColumn.STATUS)));
        String comment = cells.get(CsvColumn.COMMENT);
        String key = SourceKeys.part(code.getCodingFirstRep().getCode());
        return new LabResult(key, code, value, range, Interpretations.of(cells.get(CsvColumn.ABNORMAL_FLAG)),
                observationStatus, collected, comment.isEmpty() ? List.of() : List.of(comment));
    }

    private static String bound(CsvRowReading.Cells cells, CsvColumn column) throws CsvRejected {
        String value = cells.get(column);
        if (!value.isEmpty() && Numbers.plain(value).isEmpty()) {
            throw cells.problem(column, "csv.number", column.header(), value);
        }
        return value;
    }
}
