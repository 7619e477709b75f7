package org.musubi.medication.notebook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One JAHIS record as written: the record number and its fields joined by commas. A comma inside a
 * text is written full-width (，) and a line break as a space, as the format asks; trailing empty
 * fields are left out (readers treat them as empty), which keeps QR codes small.
 */
final class RecordLine {

    private final List<String> fields = new ArrayList<>();

    private RecordLine(String number) {
        fields.add(number);
    }

    static RecordLine of(int number) {
        return new RecordLine(String.valueOf(number));
    }

    RecordLine text(String value) {
        fields.add(value == null ? "" : value.replace(',', '，').replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').strip());
        return this;
    }

    RecordLine number(BigDecimal value) {
        return text(value == null ? "" : value.toPlainString());
    }

    /** A whole number (JAHIS 9 type): a fraction is rounded half up. */
    RecordLine integer(BigDecimal value) {
        return text(value == null ? "" : value.setScale(0, RoundingMode.HALF_UP).toPlainString());
    }

    RecordLine date(LocalDate value) {
        return text(value == null ? "" : JahisDate.format(value));
    }

    @Override
    public String toString() {
        int last = fields.size();
        while (last > 1 && fields.get(last - 1).isEmpty()) {
            last--;
        }
        return String.join(",", fields.subList(0, last));
    }
}
