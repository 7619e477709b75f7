package org.musubi.identity.cards;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.identity.RegionalId;

/**
 * A card as typed or scanned: 16 digits (spaces and hyphens allowed, full-width digits accepted) with a valid
 * check digit, or a card QR payload carrying the number, the issue number and (on cards issued with one) the
 * check code.
 *
 * @param issueNo {@code null} when typed
 * @param checkCode {@code null} unless the QR code carried it
 */
public record CardNumber(String number, Integer issueNo, String checkCode) {

    private static final Pattern QR = Pattern.compile(
            "MUSUBI-CARD:([12]):(\\d{16}):(\\d{1,4})(?::([" + CardCodes.ALPHABET + "]{" + CardCodes.LENGTH + "}))?");

    public CardNumber(String number, Integer issueNo) {
        this(number, issueNo, null);
    }

    /** Reads what a person typed or a scanner produced; empty when it is no valid card number. */
    public static Optional<CardNumber> read(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(input.strip(), Normalizer.Form.NFKC);
        Matcher qr = QR.matcher(text);
        if (qr.matches()) {
            boolean coded = qr.group(1).equals("2");
            if (!RegionalId.valid(qr.group(2)) || coded != (qr.group(4) != null)) {
                return Optional.empty();
            }
            return Optional.of(new CardNumber(qr.group(2), Integer.parseInt(qr.group(3)), qr.group(4)));
        }
        String digits = text.replace(" ", "").replace("-", "");
        return RegionalId.valid(digits) ? Optional.of(new CardNumber(digits, null, null)) : Optional.empty();
    }
}
