package org.musubi.synth.sources.care;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.musubi.synth.sources.sites.Site;
import org.musubi.synth.sources.sites.Sites;

/**
 * Where a person is cared for: one to three hospitals or clinics (the first is the one they see
 * regularly, かかりつけ) and up to two pharmacies (the first is their usual one).
 */
public record CarePlan(List<Site> medical, List<Site> pharmacies) {

    /** Percent of persons seen at one, two and three hospitals or clinics. */
    private static final int[] SITE_COUNT_PERCENT = {45, 35, 20};
    private static final int SECOND_PHARMACY_PERCENT = 30;

    public CarePlan {
        medical = List.copyOf(medical);
        pharmacies = List.copyOf(pharmacies);
    }

    public static CarePlan draw(SplittableRandom random, Sites sites) {
        int ticket = random.nextInt(100);
        int count = ticket < SITE_COUNT_PERCENT[0] ? 1 : ticket < SITE_COUNT_PERCENT[0] + SITE_COUNT_PERCENT[1] ? 2 : 3;
        List<Site> medical = distinct(random, sites.weightedMedical(), Math.min(count, sites.medical().size()));
        int pharmacyCount = random.nextInt(100) < SECOND_PHARMACY_PERCENT ? 2 : 1;
        return new CarePlan(medical, distinct(random, sites.pharmacies(), Math.min(pharmacyCount, sites.pharmacies().size())));
    }

    /** {@code count} different sites drawn from {@code pool}, which must hold that many. */
    private static List<Site> distinct(SplittableRandom random, List<Site> pool, int count) {
        List<Site> chosen = new ArrayList<>(count);
        while (chosen.size() < count) {
            Site site = pool.get(random.nextInt(pool.size()));
            if (!chosen.contains(site)) {
                chosen.add(site);
            }
        }
        return chosen;
    }
}
