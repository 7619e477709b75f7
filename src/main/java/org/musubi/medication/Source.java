package org.musubi.medication;

/**
 * Who a medication came from: a prescribing institution (with the doctor) or a dispensing pharmacy
 * (with the pharmacist). Two sources are the same when their codes (医療機関コード, or any stable id) are
 * equal, or, without codes, their names are equal after {@link DrugNames#normalize}.
 */
public record Source(String code, String name, String person) {

    /** A source known by name only. */
    public static Source named(String name) {
        return new Source(null, name, null);
    }

    /** What identifies it; "" when nothing does (then it is never "different" from another). */
    String key() {
        if (code != null && !code.isBlank()) {
            return "code:" + code.strip();
        }
        String plain = DrugNames.normalize(name);
        return plain.isEmpty() ? "" : "name:" + plain;
    }

    /** As shown in alerts: the name, else the code. */
    String label() {
        return name != null && !name.isBlank() ? name.strip() : code == null ? "" : code.strip();
    }

    /** True when both are known and are not the same source. */
    static boolean different(Source a, Source b) {
        return a != null && b != null && !a.key().isEmpty() && !b.key().isEmpty() && !a.key().equals(b.key());
    }
}
