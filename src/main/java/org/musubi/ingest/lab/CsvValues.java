package org.musubi.ingest.lab;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.musubi.identity.Sex;
import org.musubi.ingest.hl7.Hl7Values;
import org.musubi.ingest.results.ResultStatuses;

/**
 * The lab CSV's value formats (docs/lab-csv.md): date-times {@code YYYY-MM-DD HH:MM[:SS]} (also with
 * {@code /} or {@code T}, or as digits {@code YYYYMMDDHHMM[SS]}; a day alone is allowed; Japan time unless
 * an ISO offset is given), dates {@code YYYY-MM-DD} / {@code YYYYMMDD}, sex {@code M F O U} or JIS
 * {@code 1 2 9}, status an HL7 table 0085 letter. Impossible dates (2月30日) are not dates.
 */
final class CsvValues {

    private static final Pattern ISO_WITH_OFFSET =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern SEPARATORS = Pattern.compile("[-/: T]");
    private static final Pattern DIGITS = Pattern.compile("\\d{8}|\\d{12}|\\d{14}");

    private CsvValues() {
    }

    static Optional<DateTimeType> dateTime(String text) {
        if (text.length() > 40) {
            return Optional.empty();
        }
        if (ISO_WITH_OFFSET.matcher(text).matches()) {
            try {
                OffsetDateTime.parse(text);
                return Optional.of(new DateTimeType(text));
            } catch (DateTimeException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String digits = SEPARATORS.matcher(text).replaceAll("");
        if (!DIGITS.matcher(digits).matches() || !real(digits)) {
            return Optional.empty();
        }
        return Hl7Values.dateTime(digits);
    }

    static Optional<LocalDate> date(String text) {
        String digits = text.replace("-", "").replace("/", "");
        if (digits.length() != 8 || !DIGITS.matcher(digits).matches() || !real(digits)) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(number(digits, 0, 4), number(digits, 4, 6), number(digits, 6, 8)));
    }

    /** Empty when the text is no sex the layout knows; an empty text is unknown. */
    static Optional<Sex> sex(String text) {
        return Optional.ofNullable(switch (text.toUpperCase(Locale.ROOT)) {
            case "M", "1", "男" -> Sex.MALE;
            case "F", "2", "女" -> Sex.FEMALE;
            case "O" -> Sex.OTHER;
            case "", "U", "9", "0" -> Sex.UNKNOWN;
            default -> null;
        });
    }

    /** Empty when the text is no HL7 table 0085 status; an empty text is final. */
    static Optional<ObservationStatus> status(String text) {
        if (!text.isEmpty() && (text.length() != 1 || "CDFINOPRSUWX".indexOf(text.charAt(0)) < 0)) {
            return Optional.empty();
        }
        return Optional.of(ResultStatuses.observation(text));
    }

    private static boolean real(String digits) {
        try {
            int hour = digits.length() > 8 ? number(digits, 8, 10) : 0;
            int minute = digits.length() > 8 ? number(digits, 10, 12) : 0;
            int second = digits.length() > 12 ? number(digits, 12, 14) : 0;
            LocalDateTime.of(number(digits, 0, 4), number(digits, 4, 6), number(digits, 6, 8), hour, minute, second);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static int number(String digits, int from, int to) {
        return Integer.parseInt(digits, from, to, 10);
    }
}
