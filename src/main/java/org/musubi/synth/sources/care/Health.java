package org.musubi.synth.sources.care;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;
import org.musubi.identity.Sex;
import org.musubi.synth.fhir.ClinicalCodes;

/**
 * What stays the same about a person at every facility: the chronic diagnoses they are treated for,
 * height, weight and blood type (ABO and Rh).
 */
public record Health(List<ClinicalCodes.Diagnosis> chronic, BigDecimal heightCm, BigDecimal weightKg, String abo,
              boolean rhPositive) {

    private static final List<String> ABO = List.of("A", "O", "B", "AB");
    private static final int[] ABO_PERCENT = {40, 30, 20, 10};

    public Health {
        chronic = List.copyOf(chronic);
    }

    public static Health draw(SplittableRandom random, Sex sex) {
        List<ClinicalCodes.Diagnosis> chronic = ClinicalCodes.drawChronic(random);
        double height = sex == Sex.MALE ? 156 + random.nextDouble() * 26 : 145 + random.nextDouble() * 22;
        double bmi = 18 + random.nextDouble() * 11;
        double weight = bmi * height * height / 10_000;
        return new Health(chronic, tenths(height), tenths(weight), abo(random), random.nextInt(200) != 0);
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
