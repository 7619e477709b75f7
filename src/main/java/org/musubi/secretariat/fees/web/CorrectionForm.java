package org.musubi.secretariat.fees.web;

import java.util.ArrayList;
import java.util.List;
import org.musubi.registry.FieldFault;
import org.musubi.secretariat.fees.InvoiceLine;
import org.springframework.util.MultiValueMap;

/**
 * A correction's lines as typed: rows of {@code code}, {@code item}, {@code amount} (yen before tax; negative for a
 * reduction) and {@code taxRate}; a row with neither item nor amount is skipped; at least one line.
 */
final class CorrectionForm {

    private CorrectionForm() {
    }

    /** A row of the form as text. */
    record Row(String code, String item, String amount, String taxRate) {

        static Row of(InvoiceLine line) {
            return new Row(line.code(), line.item(), String.valueOf(line.amount()), String.valueOf(line.taxRate()));
        }

        static Row empty() {
            return new Row("MANUAL", "", "", String.valueOf(InvoiceLine.STANDARD_RATE));
        }
    }

    static List<InvoiceLine> lines(MultiValueMap<String, String> form, List<FieldFault> faults) {
        List<InvoiceLine> lines = new ArrayList<>();
        List<Row> rows = typed(form);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.item().isBlank() && row.amount().isBlank()) {
                continue;
            }
            try {
                long amount = Long.parseLong(row.amount().strip().replace(",", ""));
                int rate = Integer.parseInt(row.taxRate().strip());
                String code = row.code().isBlank() ? "MANUAL" : row.code().strip();
                lines.add(new InvoiceLine(code, row.item().strip(), amount, rate));
            } catch (IllegalArgumentException e) {
                faults.add(FieldFault.of("line", "fees.fault.line", i + 1, InvoiceLine.MAX_AMOUNT));
            }
        }
        if (lines.isEmpty() && faults.isEmpty()) {
            faults.add(FieldFault.of("line", "fees.fault.noLine"));
        }
        return lines;
    }

    static List<Row> typed(MultiValueMap<String, String> form) {
        List<String> codes = form.getOrDefault("code", List.of());
        List<String> items = form.getOrDefault("item", List.of());
        List<String> amounts = form.getOrDefault("amount", List.of());
        List<String> rates = form.getOrDefault("taxRate", List.of());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(50, items.size()); i++) {
            rows.add(new Row(at(codes, i), at(items, i), at(amounts, i), at(rates, i)));
        }
        return rows;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }
}
