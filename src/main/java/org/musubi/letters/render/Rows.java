package org.musubi.letters.render;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.musubi.letters.Allergy;
import org.musubi.letters.Attachment;
import org.musubi.letters.Diagnosis;
import org.musubi.letters.Medicine;
import org.musubi.letters.Result;
import org.musubi.record.fhir.UnitText;

/** Makes a form's lines from the letter's items, with dates written for the reader's language. */
final class Rows {

    private final DateTimeFormatter dates;

    Rows(Locale locale) {
        this.dates = DateTimeFormatter.ofPattern(japanese(locale) ? "uuuu年M月d日" : "d MMM uuuu", locale);
    }

    static boolean japanese(Locale locale) {
        return locale == null || "ja".equals(locale.getLanguage());
    }

    String date(LocalDate day) {
        return day == null ? null : dates.format(day);
    }

    /** Written text, one line per line (blank lines dropped). */
    static List<Row> text(String... texts) {
        List<Row> rows = new ArrayList<>();
        for (String text : texts) {
            if (text != null) {
                text.lines().map(String::strip).filter(l -> !l.isEmpty()).map(Row::text).forEach(rows::add);
            }
        }
        return rows;
    }

    List<Row> diagnoses(List<Diagnosis> diagnoses) {
        return diagnoses.stream().map(d -> {
            List<String> labels = new ArrayList<>();
            if (d.main()) {
                labels.add("letter.flag.main");
            }
            if (d.suspected()) {
                labels.add("letter.flag.suspected");
            }
            if (!d.active()) {
                labels.add("letter.flag.resolved");
            }
            return new Row(d.condition().text(), null, d.onset() == null ? null : "letter.row.onset", date(d.onset()),
                    labels);
        }).toList();
    }

    static List<Row> medicines(List<Medicine> medicines) {
        return medicines.stream().map(m -> new Row(m.drug().text(), m.dosage(), null, null, List.of())).toList();
    }

    /** A result's line: its name, its value with the unit as people write it ({@link UnitText}), the day. */
    List<Row> results(List<Result> results) {
        return results.stream().map(r -> new Row(r.item().text(), value(r), r.at() == null ? null : "letter.row.at",
                r.at() == null ? null : date(ZonedDateTime.ofInstant(r.at(), LetterView.JAPAN).toLocalDate()),
                List.of())).toList();
    }

    /** {@code 58 mL/min/1.73m²}: the value as written, the unit for people (the letter keeps the UCUM code). */
    static String value(Result r) {
        if (r.value() == null) {
            return null;
        }
        String unit = UnitText.forPeople(r.unit());
        return unit == null || unit.isBlank() ? r.value() : r.value() + " " + unit;
    }

    static List<Row> allergies(List<Allergy> allergies) {
        return allergies.stream().map(a -> {
            List<String> labels = new ArrayList<>();
            if (a.category() != null) {
                labels.add("letter.allergy." + a.category());
            }
            if (a.severe()) {
                labels.add("letter.flag.severe");
            }
            return new Row(a.substance().text(), a.reaction(), null, null, labels);
        }).toList();
    }

    /** An attachment's line: its title, its size, and its kind of file as a label (PDF, 画像 …), never a MIME type. */
    static List<Row> attachments(List<Attachment> attachments) {
        return attachments.stream().map(a -> new Row(a.title(), size(a.size()), null, null,
                List.of("letter.fileType." + fileType(a.contentType())))).toList();
    }

    /** The kind of file a MIME type names, as the key of its label ({@code letter.fileType.<kind>}). */
    static String fileType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (type.equals("application/pdf")) {
            return "pdf";
        } else if (type.equals("application/dicom")) {
            return "dicom";
        } else if (type.startsWith("image/")) {
            return "image";
        } else if (type.startsWith("text/")) {
            return "text";
        } else if (type.contains("wordprocessingml") || type.equals("application/msword")) {
            return "document";
        } else if (type.contains("spreadsheetml") || type.equals("application/vnd.ms-excel")) {
            return "spreadsheet";
        }
        return "other";
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes + 512) / 1024 + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** A period {@code from 〜 to} as one line. */
    Row period(LocalDate from, LocalDate to, String detail) {
        return new Row(date(from) + " 〜 " + date(to), detail, null, null, List.of());
    }

    static <T> List<Row> concat(List<Row> first, List<Row> second) {
        List<Row> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
