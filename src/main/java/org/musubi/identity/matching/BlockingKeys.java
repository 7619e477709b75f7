package org.musubi.identity.matching;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.musubi.identity.Sex;
import org.musubi.identity.matching.compare.PhoneComparator;

/**
 * The blocking keys of a patient: short strings to index persons by, so that a query fetches only
 * persons sharing at least one key. Each key survives a different kind of error, so a true match
 * with one or two typical errors still shares one:
 * <ul>
 * <li>{@code D} + birth date + first kana of the family name, e.g. {@code D19450312サ}: the main
 *     key, selective (about 1 in 30 000 × 20). Dates whose day could be a month store month and
 *     day in ascending order, so a date with day and month swapped has the same key.
 * <li>{@code G} + the same date + first kana of the given name: survives a changed surname
 *     (marriage, adoption) or a mistyped first kana of the surname.
 * <li>{@code N} + birth year + full normalised kana name, e.g. {@code N1945サトウヒロシ}: survives a
 *     wrong day or month (typos, transpositions that are not plain swaps). A kana name sent in one piece (a family name
 *     and no given name: テストハンヨウ, which an import could not split) is the full name as it stands, so it shares
 *     this key, and M, with the same name in two parts.
 * <li>{@code M} + month and day (in the same order as for D) + full kana name, e.g.
 *     {@code M0312サトウヒロシ}: survives a wrong birth year, the digit typists get wrong most.
 * <li>{@code P} + last eight phone digits: survives errors in name and birth date at once and
 *     ignores area code and +81. Households share it, so these blocks are a little larger.
 * <li>{@code Z} + postal code + birth year + sex (M/F/O): survives a name change together with a
 *     wrong day or month, when the patient has no phone on record.
 * </ul>
 * Keys are made of ASCII and normalised katakana and stay under 30 characters. A patient without
 * a kana name gets only the P and Z keys from {@link #of}.
 *
 * <p>Two more keys let patients and persons without a kana name meet (a pharmacy's JAHIS file often leaves 氏名カナ
 * empty; an operator may register such a patient as a person): every stored person carries {@code B} + birth date +
 * sex ({@link #stored}), which a query without kana asks for ({@link #query}) so that persons born that day of that
 * sex — about 40 in a prefecture of 2.8 million — are compared by their kanji names; and a person without kana carries
 * {@code L} + birth date + sex, which every query asks for, so that a patient with kana arriving later from another
 * source finds the kana-less person (a tiny block: only such persons carry it).
 */
public final class BlockingKeys {

    private static final int LONGEST_NAME = 24;

    private BlockingKeys() {
    }

    public static Set<String> of(Demographics demographics) {
        return of(NormalizedDemographics.of(demographics));
    }

    /** The keys a stored person is found by: {@link #of} and {@code B} (and {@code L} when it has no kana name). */
    public static Set<String> stored(Demographics demographics) {
        NormalizedDemographics d = NormalizedDemographics.of(demographics);
        Set<String> keys = of(d);
        bornKey("B", d).ifPresent(keys::add);
        if (d.familyKana().isEmpty() && d.givenKana().isEmpty()) {
            bornKey("L", d).ifPresent(keys::add);
        }
        return keys;
    }

    /**
     * The keys a patient to match asks for: {@link #of}, {@code L} (kana-less persons born that day), and {@code B}
     * (everyone born that day of that sex) when the patient has no kana name to block on.
     */
    public static Set<String> query(Demographics demographics) {
        NormalizedDemographics d = NormalizedDemographics.of(demographics);
        Set<String> keys = of(d);
        bornKey("L", d).ifPresent(keys::add);
        if (d.familyKana().isEmpty() || d.givenKana().isEmpty()) {
            bornKey("B", d).ifPresent(keys::add);
        }
        return keys;
    }

    /** {@code prefix} + YYYYMMDD + M/F/O/U, when birth date and sex are known. */
    private static Optional<String> bornKey(String prefix, NormalizedDemographics d) {
        if (d.birthDate() == null || d.sex() == null) {
            return Optional.empty();
        }
        return Optional.of(prefix + d.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE)
                + d.sex().name().charAt(0));
    }

    static Set<String> of(NormalizedDemographics d) {
        Set<String> keys = new LinkedHashSet<>();
        LocalDate birth = d.birthDate();
        if (birth != null) {
            String date = swapTolerantDate(birth);
            if (!d.familyKana().isEmpty()) {
                keys.add("D" + date + d.familyKana().charAt(0));
            }
            if (!d.givenKana().isEmpty()) {
                keys.add("G" + date + d.givenKana().charAt(0));
            }
            if (!d.familyKana().isEmpty()) {
                String name = fullName(d);
                keys.add("N" + date.substring(0, 4) + name);
                keys.add("M" + date.substring(4) + name);
            }
            if (d.postalCode().length() == 7 && d.sex() != null && d.sex() != Sex.UNKNOWN) {
                keys.add("Z" + d.postalCode() + birth.getYear() + d.sex().name().charAt(0));
            }
        }
        if (d.phone().length() >= PhoneComparator.SUFFIX) {
            keys.add("P" + d.phone().substring(d.phone().length() - PhoneComparator.SUFFIX));
        }
        return keys;
    }

    /** YYYYMMDD, with month and day in ascending order when both could be a month. */
    private static String swapTolerantDate(LocalDate date) {
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        int first = day <= 12 ? Math.min(month, day) : month;
        int second = day <= 12 ? Math.max(month, day) : day;
        String digits = String.valueOf(date.getYear() * 10_000 + first * 100 + second);
        return digits.length() >= 8 ? digits : "0".repeat(8 - digits.length()) + digits;
    }

    /** Family and given kana together, cut to {@value #LONGEST_NAME} kana to keep keys short. */
    private static String fullName(NormalizedDemographics d) {
        String name = d.familyKana() + d.givenKana();
        return name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name;
    }
}
