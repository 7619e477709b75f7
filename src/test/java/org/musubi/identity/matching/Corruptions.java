package org.musubi.identity.matching;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;

/**
 * Realistic registration errors to inject into a person's demographics, as a facility would send
 * them: kana and kanji variants, typos, swapped day and month, missing or mistyped phone, a move,
 * a changed surname on marriage. Deterministic for a seed. (To move to {@code synth} for the
 * matching benchmark.)
 */
final class Corruptions {

    enum Kind {
        NONE, KANA_WIDTH, LONG_VOWEL, KANJI_VARIANT, KANA_TYPO, DAY_MONTH_SWAP, BIRTH_DATE_DIGIT,
        MISSING_PHONE, PHONE_TYPO, MOVED, MARRIED, ADDRESS_STYLE
    }

    private static final String VARIANT_FROM = "高崎辺斎浜広沢島吉";
    private static final String[] VARIANT_TO = {"髙", "﨑", "邊", "齋", "濱", "廣", "澤", "嶋", "𠮷"};
    private static final String TYPO_KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

    private final SplittableRandom random;

    Corruptions(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The person's demographics with one error of the given kind; {@code donor} lends a new home or surname. */
    Demographics apply(Kind kind, Demographics d, Person donor) {
        return switch (kind) {
            case NONE -> d;
            case KANA_WIDTH -> kana(d, Kana.otherWidth(d.familyKana(), random), Kana.otherWidth(d.givenKana(), random));
            case LONG_VOWEL -> kana(d, Kana.longVowelMark(d.familyKana()), Kana.longVowelMark(d.givenKana()));
            case KANJI_VARIANT -> new Demographics(variant(d.familyKanji()), d.givenKanji(), d.familyKana(),
                    d.givenKana(), d.sex(), d.birthDate(), d.postalCode(), d.address(), d.phone());
            case KANA_TYPO -> random.nextBoolean() ? kana(d, typo(d.familyKana()), d.givenKana())
                    : kana(d, d.familyKana(), typo(d.givenKana()));
            case DAY_MONTH_SWAP -> Patients.with(d, swapped(d.birthDate()));
            case BIRTH_DATE_DIGIT -> Patients.with(d, oneDigitOff(d.birthDate()));
            case MISSING_PHONE -> contact(d, d.postalCode(), d.address(), null);
            case PHONE_TYPO -> contact(d, d.postalCode(), d.address(), digitTypo(d.phone()));
            case MOVED -> contact(d, donor.postalCode(), donor.address(), random.nextBoolean() ? d.phone() : donor.phone());
            case MARRIED -> d.sex() == Sex.FEMALE ? Patients.with(d, donor.familyKanji(), donor.familyKana())
                    : apply(Kind.KANA_WIDTH, d, donor);
            case ADDRESS_STYLE -> contact(d, d.postalCode(), d.address() == null ? null : Kana.addressStyle(d.address()), d.phone());
        };
    }

    private static Demographics kana(Demographics d, String family, String given) {
        return new Demographics(d.familyKanji(), d.givenKanji(), family, given, d.sex(), d.birthDate(),
                d.postalCode(), d.address(), d.phone());
    }

    private static Demographics contact(Demographics d, String postalCode, String address, String phone) {
        return new Demographics(d.familyKanji(), d.givenKanji(), d.familyKana(), d.givenKana(), d.sex(),
                d.birthDate(), postalCode, address, phone);
    }

    private static String variant(String kanji) {
        if (kanji == null) {
            return null;
        }
        for (int i = 0; i < VARIANT_FROM.length(); i++) {
            int at = kanji.indexOf(VARIANT_FROM.charAt(i));
            if (at >= 0) {
                return kanji.substring(0, at) + VARIANT_TO[i] + kanji.substring(at + 1);
            }
        }
        return kanji;
    }

    private String typo(String kana) {
        if (kana == null || kana.isEmpty()) {
            return kana;
        }
        int at = random.nextInt(kana.length());
        char replacement = TYPO_KANA.charAt(random.nextInt(TYPO_KANA.length()));
        return kana.substring(0, at) + replacement + kana.substring(at + 1);
    }

    private LocalDate swapped(LocalDate date) {
        if (date == null) {
            return null;
        }
        if (date.getDayOfMonth() <= 12 && date.getDayOfMonth() != date.getMonthValue()) {
            return LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue());
        }
        return oneDigitOff(date);
    }

    private LocalDate oneDigitOff(LocalDate date) {
        if (date == null) {
            return null;
        }
        String digits = "%04d%02d%02d".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        while (true) {
            int at = 2 + random.nextInt(6);
            char digit = (char) ('0' + random.nextInt(10));
            String changed = digits.substring(0, at) + digit + digits.substring(at + 1);
            try {
                LocalDate typo = LocalDate.of(Integer.parseInt(changed.substring(0, 4)),
                        Integer.parseInt(changed.substring(4, 6)), Integer.parseInt(changed.substring(6)));
                if (!typo.equals(date) && typo.getYear() <= 2025) {
                    return typo;
                }
            } catch (DateTimeException invalid) {
                // try another digit
            }
        }
    }

    private String digitTypo(String phone) {
        if (phone == null) {
            return null;
        }
        while (true) {
            int at = 1 + random.nextInt(phone.length() - 1);
            char digit = (char) ('0' + random.nextInt(10));
            if (Character.isDigit(phone.charAt(at)) && phone.charAt(at) != digit) {
                return phone.substring(0, at) + digit + phone.substring(at + 1);
            }
        }
    }
}
