package org.musubi.registry;

import java.util.List;

/**
 * The 10-digit 医療機関コード: prefecture (2, 01–47), fee table (1), then the 7-digit code
 * (district 2 + institution 4 + check digit 1). The check digit is computed over the nine digits
 * before it, weighting 2 and 1 alternately from the last of them, summing the digits of each
 * product, and taking 10 minus the last digit of the sum (0 when that is 0).
 */
public record MedicalInstitutionCode(String value) {

    public MedicalInstitutionCode {
        List<CodeFault> faults = check(value);
        if (!faults.isEmpty()) {
            throw new InvalidCodeException(faults.getFirst());
        }
    }

    public int prefecture() {
        return Integer.parseInt(value.substring(0, 2));
    }

    public int feeTable() {
        return value.charAt(2) - '0';
    }

    /** The 7-digit code used on claims, without prefecture and fee table. */
    public String sevenDigitCode() {
        return value.substring(3);
    }

    /** Every fault in a raw code, first the one a person should fix first; empty when valid. */
    public static List<CodeFault> check(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of(new CodeFault("code.blank"));
        }
        String code = raw.strip();
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return List.of(new CodeFault("code.notDigits", code));
        }
        if (code.length() != 10) {
            return List.of(new CodeFault("code.length", code.length()));
        }
        int prefecture = Integer.parseInt(code.substring(0, 2));
        if (prefecture < 1 || prefecture > 47) {
            return List.of(new CodeFault("code.prefecture", code.substring(0, 2)));
        }
        int feeTable = code.charAt(2) - '0';
        if (feeTable != 1 && feeTable != 2 && feeTable != 3 && feeTable != 4 && feeTable != 6) {
            return List.of(new CodeFault("code.feeTable", feeTable));
        }
        int expected = checkDigit(code.substring(0, 9));
        int actual = code.charAt(9) - '0';
        if (expected != actual) {
            return List.of(new CodeFault("code.checkDigit", actual, expected));
        }
        return List.of();
    }

    /** Builds a valid code from prefecture, fee table and the 6-digit district + institution number. */
    public static MedicalInstitutionCode of(int prefecture, int feeTable, int districtAndNumber) {
        String body = "%02d%d%06d".formatted(prefecture, feeTable, districtAndNumber);
        return new MedicalInstitutionCode(body + checkDigit(body));
    }

    static int checkDigit(String nineDigits) {
        int sum = 0;
        int weight = 2;
        for (int i = nineDigits.length() - 1; i >= 0; i--) {
            int product = (nineDigits.charAt(i) - '0') * weight;
            sum += product / 10 + product % 10;
            weight = weight == 2 ? 1 : 2;
        }
        return (10 - sum % 10) % 10;
    }

    /** One fault, as a message-bundle key and its arguments (Japanese and English texts). */
    public record CodeFault(String messageKey, List<Object> args) {

        public CodeFault {
            args = List.copyOf(args);
        }

        public CodeFault(String messageKey, Object... args) {
            this(messageKey, List.of(args));
        }
    }

    public static final class InvalidCodeException extends IllegalArgumentException {
        private final CodeFault fault;

        public InvalidCodeException(CodeFault fault) {
            super(fault.messageKey());
            this.fault = fault;
        }

        public CodeFault fault() {
            return fault;
        }
    }
}
