package org.musubi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who has records where in the background store: each person is a patient of one to four of the
 * facilities, each facility patient with the record of one template (a size between 20 and 220
 * resources), until the wanted number of resources is reached.
 */
record RecordPlan(List<List<Source>> persons, long resources) {

    /** One facility patient: the facility (by index) and the template of its record. */
    record Source(int facility, int template) {
    }

    static RecordPlan of(long seed, long wanted, int facilities, int[] templateSizes) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Source>> persons = new ArrayList<>();
        long resources = 0;
        while (resources < wanted) {
            List<Source> sources = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            int first = random.nextInt(facilities);
            for (int k = 0; k < count && resources < wanted; k++) {
                int template = random.nextInt(templateSizes.length);
                sources.add(new Source((first + k * 7) % facilities, template));
                resources += templateSizes[template] + 1;
            }
            persons.add(sources);
        }
        return new RecordPlan(persons, resources);
    }
}
