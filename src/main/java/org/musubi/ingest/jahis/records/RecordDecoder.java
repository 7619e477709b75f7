package org.musubi.ingest.jahis.records;

import java.util.List;
import java.util.Set;

/** Turns a raw line into its typed record by record number, adding the findings of its field checks. */
final class RecordDecoder {

    /** The record numbers of JAHIS TC Ver.2.6 (JAHISTC08); older versions use a subset. */
    static final Set<String> KNOWN = Set.of("1", "2", "3", "31", "4", "5", "11", "15", "51", "55", "201", "281", "291",
            "301", "311", "391", "401", "411", "421", "501", "601", "701", "911");

    private RecordDecoder() {
    }

    /** The typed record, or null for an unknown number or a split record too broken to read. */
    static JahisRecord decode(RawRecord raw, String file, List<Finding> findings) {
        FieldReader f = new FieldReader(raw, file, findings);
        int line = raw.line();
        return switch (raw.number()) {
            case "1" -> PatientRecords.patient(f, line);
            case "2" -> PatientRecords.note(f, line);
            case "3" -> PatientRecords.otc(f, line);
            case "31" -> PatientRecords.ingredient(f, line);
            case "4" -> PatientRecords.memo(f, line);
            case "701" -> PatientRecords.regularPharmacist(f, line);
            case "911" -> PatientRecords.split(f, line);
            case "5" -> DispensingRecords.date(f, line);
            case "11" -> DispensingRecords.pharmacy(f, line);
            case "15" -> DispensingRecords.pharmacist(f, line);
            case "51" -> DispensingRecords.institution(f, line);
            case "55" -> DispensingRecords.prescriber(f, line);
            case "201" -> DispensingRecords.drug(f, line);
            case "301" -> DispensingRecords.usage(f, line);
            case "281", "291", "311", "391" -> DispensingRecords.rpNote(f, line, Integer.parseInt(raw.number()));
            case "401", "411", "421", "501", "601" -> DispensingRecords.blockNote(f, line, Integer.parseInt(raw.number()));
            default -> null;
        };
    }
}
