package org.musubi.ingest.uke;

/**
 * A field of a UKE record that cannot be taken: the line, the record type, the field (as the 記録条件仕様 names it)
 * and the problem code of {@code messages.properties} with its arguments. Thrown while one receipt is mapped and
 * caught by {@link UkeReader}, which rejects that receipt alone.
 */
final class UkeFault extends RuntimeException {

    private final transient UkeLine line;
    private final String field;
    private final String code;
    private final transient Object[] args;

    UkeFault(UkeLine line, String field, String code, Object... args) {
        super(code, null, false, false);
        this.line = line;
        this.field = field;
        this.code = code;
        this.args = args.clone();
    }

    UkeLine line() {
        return line;
    }

    String field() {
        return field;
    }

    String code() {
        return code;
    }

    Object[] args() {
        return args.clone();
    }
}
