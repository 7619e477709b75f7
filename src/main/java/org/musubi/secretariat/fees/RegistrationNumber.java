package org.musubi.secretariat.fees;

import java.util.Optional;

/**
 * The 登録番号 of a 適格請求書発行事業者 (qualified invoice issuer): {@code T} and 13 digits. A corporation's is its 法人番号,
 * whose first digit is a check digit over the other 12 (国税庁, 法人番号の指定等に関する省令 第2条): with P(n) the digit
 * at position n counted from the right of the 12-digit base number and Q(n) 1 for odd n and 2 for even n, the check
 * digit is 9 − (Σ P(n) × Q(n) mod 9). A network's secretariat is a corporation (a medical association, an 一般社団法人),
 * so the check digit is required; full-width digits and a lower-case t are read as their plain forms.
 */
public record RegistrationNumber(String value) {

    public RegistrationNumber {
        if (!valid(value)) {
            throw new IllegalArgumentException("a 登録番号 is T and a 13-digit corporate number with its check digit");
        }
    }

    /** The number read from what someone typed (spaces, hyphens, full-width digits allowed); empty if it is no valid one. */
    public static Optional<RegistrationNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder plain = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                plain.append((char) ('0' + (c - '０')));
            } else if (c == 't' || c == 'Ｔ' || c == 'ｔ') {
                plain.append('T');
            } else if (c != ' ' && c != '-' && c != '　' && c != '－') {
                plain.append(c);
            }
        }
        String normalized = plain.toString();
        return valid(normalized) ? Optional.of(new RegistrationNumber(normalized)) : Optional.empty();
    }

    /** Whether {@code text} is exactly {@code T} and 13 digits whose first is the 法人番号 check digit. */
    public static boolean valid(String text) {
        if (text == null || text.length() != 14 || text.charAt(0) != 'T') {
            return false;
        }
        for (int i = 1; i < 14; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return text.charAt(1) - '0' == checkDigit(text.substring(2));
    }

    /** The check digit of a 12-digit base number of a 法人番号. */
    static int checkDigit(String base) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = base.charAt(12 - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }

    @Override
    public String toString() {
        return value;
    }
}
