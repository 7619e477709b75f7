package org.musubi.ingest.lab;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.musubi.identity.Sex;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.results.LabResult;

/** One valid CSV row: where it is, who, which order, the result, and what reading it was warned about. */
record CsvLabRow(int line, Patient patient, Order order, LabResult result, List<Problem> warnings) {

    CsvLabRow {
        warnings = warnings.isEmpty() ? List.of() : List.copyOf(warnings);
    }

    /** The patient columns: ID (required), names as written ({@code 山田 太郎}), birth date, sex; may be empty or null. */
    record Patient(String id, String nameKanji, String nameKana, LocalDate birthDate, Sex sex) {
    }

    /**
     * The order columns: the requesting facility's order number (required), the lab's own number,
     * collection time (required), report time, and specimen (JLAC10 material code and name); may be empty or null.
     */
    record Order(String number, String labNumber, DateTimeType collected, DateTimeType reported, String specimenCode,
                 String specimenName) {
    }

    /** Rows of one record share patient ID and order number. */
    boolean sameOrder(CsvLabRow other) {
        return patient.id().equals(other.patient.id()) && order.number().equals(other.order.number());
    }
}
