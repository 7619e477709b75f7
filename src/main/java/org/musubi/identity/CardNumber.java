package org.musubi.identity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A card number as typed or scanned: 16 digits (spaces and hyphens allowed, full-width digits
 * accepted) with a valid check digit, or a card QR payload carrying the number and issue number.
 */
public record CardNumber(String number, Integer issueNo) {

    private static final Pattern QR = Pattern.compile(Pattern.quote(Card.QR_PREFIX) + "(\\d{16}):(\\d{1,4})");

    /** Reads what a person typed or a scanner produced; empty when it is no valid card number. */
    public static Optional<CardNumber> read(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String text = java.text.Normalizer.normalize(input.strip(), java.text.Normalizer.Form.NFKC);
        Matcher qr = QR.matcher(text);
        if (qr.matches()) {
            return RegionalId.valid(qr.group(1))
                    ? Optional.of(new CardNumber(qr.group(1), Integer.parseInt(qr.group(2)))) : Optional.empty();
        }
        String digits = text.replace(" ", "").replace("-", "");
        return RegionalId.valid(digits) ? Optional.of(new CardNumber(digits, null)) : Optional.empty();
    }
}
