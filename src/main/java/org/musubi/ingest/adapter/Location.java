package org.musubi.ingest.adapter;

/**
 * Where in a source something sits: the file (as {@link SourceFile#name()}), the line or HL7 segment
 * number (1-based; 0 for the file as a whole), the record or segment (e.g. {@code PID}, JAHIS record
 * {@code 201}; may be null) and the field (e.g. {@code PID-5}, {@code 201.薬品コード}; may be null).
 */
public record Location(String file, int line, String record, String field) {

    public static Location file(String file) {
        return new Location(file, 0, null, null);
    }

    public Location at(int newLine, String newRecord) {
        return new Location(file, newLine, newRecord, null);
    }

    public Location field(String newField) {
        return new Location(file, line, record, newField);
    }

    /** E.g. {@code 999/901/9999013/-/ADT-00/...: line 3 (PID) PID-7}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(": line ").append(line);
        }
        if (record != null) {
            text.append(" (").append(record).append(')');
        }
        if (field != null) {
            text.append(' ').append(field);
        }
        return text.toString();
    }
}
