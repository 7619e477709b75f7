package org.musubi.identity;

/**
 * The form of a person's regional ID and of a card number: 16 digits, the last a Luhn (mod 10, weights 2-1 from
 * the right) check digit over the first 15, which catches any single mistyped digit and most swaps of
 * neighbours. The two are drawn separately: a person's regional ID is never printed on a card.
 */
public final class RegionalId {

    private RegionalId() {
    }

    public static boolean valid(String id) {
        return id != null && id.matches("\\d{16}") && checkDigit(id.substring(0, 15)) == id.charAt(15) - '0';
    }

    /** The 16-digit number: 15 digits followed by their check digit. */
    public static String append(String fifteenDigits) {
        return fifteenDigits + checkDigit(fifteenDigits);
    }

    /** The check digit of exactly 15 ASCII digits. */
    public static int checkDigit(String fifteenDigits) {
        if (fifteenDigits == null || !fifteenDigits.matches("\\d{15}")) {
            throw new IllegalArgumentException("a regional ID's payload is 15 digits");
        }
        int sum = 0;
        boolean doubleIt = true;
        for (int i = fifteenDigits.length() - 1; i >= 0; i--) {
            int digit = fifteenDigits.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
