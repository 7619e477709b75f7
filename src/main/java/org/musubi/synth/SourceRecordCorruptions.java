package org.musubi.synth;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;
import org.musubi.identity.matching.Demographics;
import org.musubi.synth.population.BirthDates;

/**
 * Injects one realistic registration error ({@link Corruption}) into a patient's demographics, as a
 * facility would send them. Deterministic: the same seed and the same calls give the same records.
 * A kind that cannot apply (a man's marriage, a swap of a day above 12, a name without a variant
 * kanji or a long vowel, a missing phone's typo) leaves the demographics unchanged.
 */
public final class SourceRecordCorruptions {

    private static final String TYPO_KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
    private static final int LAST_YEAR = BirthDates.LATEST.getYear();

    private final SplittableRandom random;

    public SourceRecordCorruptions(long seed) {
        this(new SplittableRandom(seed));
    }

    SourceRecordCorruptions(SplittableRandom random) {
        this.random = random;
    }

    /** The demographics with one error of the given kind; {@code donor} lends a new home, phone or surname. */
    public Demographics apply(Corruption kind, Demographics d, Person donor) {
        return switch (kind) {
            case NONE -> d;
            case KANA_WIDTH -> kana(d, Spellings.otherWidth(d.familyKana(), random), Spellings.otherWidth(d.givenKana(), random));
            case LONG_VOWEL -> kana(d, Spellings.longVowelMark(d.familyKana()), Spellings.longVowelMark(d.givenKana()));
            case KANJI_VARIANT -> kanjiVariant(d);
            case KANA_TYPO -> random.nextBoolean() ? kana(d, typo(d.familyKana()), d.givenKana())
                    : kana(d, d.familyKana(), typo(d.givenKana()));
            case DAY_MONTH_SWAP -> birthDate(d, swapped(d.birthDate()));
            case BIRTH_DATE_DIGIT -> birthDate(d, oneDigitOff(d.birthDate()));
            case MISSING_PHONE -> contact(d, d.postalCode(), d.address(), null);
            case PHONE_TYPO -> contact(d, d.postalCode(), d.address(), digitTypo(d.phone()));
            case MOVED -> contact(d, donor.postalCode(), donor.address(), mobile(d.phone()) ? d.phone() : donor.phone());
            case MARRIED -> d.sex() == Sex.FEMALE ? new Demographics(donor.familyKanji(), d.givenKanji(),
                    donor.familyKana(), d.givenKana(), d.sex(), d.birthDate(), d.postalCode(), d.address(), d.phone()) : d;
            case ADDRESS_STYLE -> contact(d, d.postalCode(), Spellings.addressStyle(d.address()), d.phone());
        };
    }

    private Demographics kanjiVariant(Demographics d) {
        String family = Spellings.kanjiVariant(d.familyKanji(), random);
        String given = family == null || family.equals(d.familyKanji())
                ? Spellings.kanjiVariant(d.givenKanji(), random) : d.givenKanji();
        return new Demographics(family, given, d.familyKana(), d.givenKana(), d.sex(), d.birthDate(),
                d.postalCode(), d.address(), d.phone());
    }

    private static Demographics kana(Demographics d, String family, String given) {
        return new Demographics(d.familyKanji(), d.givenKanji(), family, given, d.sex(), d.birthDate(),
                d.postalCode(), d.address(), d.phone());
    }

    private static Demographics birthDate(Demographics d, LocalDate birthDate) {
        return new Demographics(d.familyKanji(), d.givenKanji(), d.familyKana(), d.givenKana(), d.sex(), birthDate,
                d.postalCode(), d.address(), d.phone());
    }

    private static Demographics contact(Demographics d, String postalCode, String address, String phone) {
        return new Demographics(d.familyKanji(), d.givenKanji(), d.familyKana(), d.givenKana(), d.sex(),
                d.birthDate(), postalCode, address, phone);
    }

    private static boolean mobile(String phone) {
        return phone != null && phone.matches("0[789]0\\D?\\d{4}\\D?\\d{4}");
    }

    private String typo(String kana) {
        if (kana == null || kana.isEmpty()) {
            return kana;
        }
        int at = random.nextInt(kana.length());
        char replacement;
        do {
            replacement = TYPO_KANA.charAt(random.nextInt(TYPO_KANA.length()));
        } while (replacement == kana.charAt(at));
        return kana.substring(0, at) + replacement + kana.substring(at + 1);
    }

    private static LocalDate swapped(LocalDate date) {
        if (date == null || date.getDayOfMonth() > 12 || date.getDayOfMonth() == date.getMonthValue()) {
            return date;
        }
        return LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue());
    }

    /** The date with one digit other than the century's changed, still a valid date no later than the latest birth year. */
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
                if (!typo.equals(date) && typo.getYear() <= LAST_YEAR) {
                    return typo;
                }
            } catch (DateTimeException invalid) {
                // try another digit
            }
        }
    }

    private String digitTypo(String phone) {
        if (phone == null || phone.length() < 2) {
            return phone;
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
