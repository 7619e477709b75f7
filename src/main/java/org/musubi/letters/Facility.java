package org.musubi.letters;

import java.util.regex.Pattern;

/**
 * A facility as a letter names it (the sender, or the addressee).
 *
 * @param name            the facility's name
 * @param institutionCode the 10-digit 医療機関コード (都道府県 2 + 点数表 1 + 機関 7 digits), or {@code null} for a
 *                        facility that has none (a home-nursing station, a care office); a sender of a national
 *                        document must have one
 * @param postalCode      {@code 730-0011}, or {@code null}
 * @param address         the address as written, or {@code null}
 * @param phone           the phone number, or {@code null}
 */
public record Facility(String name, String institutionCode, String postalCode, String address, String phone) {

    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

    public Facility {
        Letter.require(name, "Facility.name");
        if (institutionCode != null && !TEN_DIGITS.matcher(institutionCode).matches()) {
            throw new IllegalArgumentException("facility.institutionCode must be 10 digits: " + institutionCode);
        }
    }

    /** The 2-digit prefecture number the institution code starts with, or {@code null}. */
    public String prefecture() {
        return institutionCode == null ? null : institutionCode.substring(0, 2);
    }
}
