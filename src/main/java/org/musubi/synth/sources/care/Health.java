package org.musubi.synth.sources.care;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.musubi.identity.Person;
import org.musubi.identity.Sex;
import org.musubi.synth.fhir.ClinicalCodes;

/**
 * What stays the same about a person at every facility: sex and birth date, the chronic diagnoses they are treated
 * for (as fits their age when their records begin), height and weight (a child's as fits their age), and blood type
 * (ABO and Rh).
 */
public record Health(Sex sex, LocalDate birthDate, List<ClinicalCodes.Diagnosis> chronic, BigDecimal heightCm,
                     BigDecimal weightKg, String abo, boolean rhPositive) {

    private static final List<String> ABO = List.of("A", "O", "B", "AB");
    private static final int[] ABO_PERCENT = {40, 30, 20, 10};
    private static final int ADULT = 18;

    public Health {
        chronic = List.copyOf(chronic);
    }

    /** {@code from}: the first day of the person's records; {@code until}: the last (height and weight are then). */
    public static Health draw(SplittableRandom random, Person person, LocalDate from, LocalDate until) {
        Sex sex = person.sex();
        List<ClinicalCodes.Diagnosis> chronic = ClinicalCodes.drawChronic(random, sex, age(person.birthDate(), from));
        double adult = sex == Sex.MALE ? 156 + random.nextDouble() * 26 : 145 + random.nextDouble() * 22;
        double bmi = 18 + random.nextDouble() * 11;
        int age = age(person.birthDate(), until);
        double height = age >= ADULT ? adult : childHeight(age, adult);
        bmi = age >= ADULT ? bmi : 14 + (bmi - 18) / 2;
        double weight = bmi * height * height / 10_000;
        return new Health(sex, person.birthDate(), chronic, tenths(height), tenths(weight), abo(random),
                random.nextInt(200) != 0);
    }

    /** Whole years of age on {@code day} (0 before birth). */
    public int ageOn(LocalDate day) {
        return age(birthDate, day);
    }

    /** About 65 cm at birth's first year, 6 cm a year to 12, then growing into the adult height by 18. */
    private static double childHeight(int age, double adult) {
        double twelve = 75 + 6 * 11;
        if (age <= 12) {
            return age == 0 ? 65 : 75 + 6.0 * (age - 1);
        }
        return twelve + (Math.max(adult, twelve) - twelve) * (age - 12) / 6.0;
    }

    private static int age(LocalDate birthDate, LocalDate day) {
        return day.isBefore(birthDate) ? 0 : birthDate.until(day).getYears();
    }

    /** The blood type as JAHIS writes it, e.g. {@code A+}. */
    public String bloodType() {
        return abo + (rhPositive ? "+" : "-");
    }

    private static String abo(SplittableRandom random) {
        int ticket = random.nextInt(100);
        for (int i = 0; i < ABO.size(); i++) {
            ticket -= ABO_PERCENT[i];
            if (ticket < 0) {
                return ABO.get(i);
            }
        }
        return ABO.getLast();
    }

    private static BigDecimal tenths(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
