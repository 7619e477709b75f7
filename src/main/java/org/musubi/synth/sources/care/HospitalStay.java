package org.musubi.synth.sources.care;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.musubi.synth.fhir.ClinicalCodes;

/**
 * A stay on a hospital ward: the admission, laboratory tests on the first day, a drip every day
 * (maintenance fluid and, most days, a second drug) and the discharge.
 */
final class HospitalStay {

    private final SplittableRandom random;
    private final Orders orders;
    private final LabOrders labs;

    HospitalStay(SplittableRandom random, Orders orders, LabOrders labs) {
        this.random = random;
        this.orders = orders;
        this.labs = labs;
    }

    /** A bed from {@code admitted} on: ward 31–38, a room of that ward, bed 1–4. */
    CareEvent.Ward ward(LocalDateTime admitted) {
        int ward = 31 + random.nextInt(8);
        return new CareEvent.Ward(Integer.toString(ward), ward % 10 + "%02d".formatted(1 + random.nextInt(20)),
                Integer.toString(1 + random.nextInt(4)), admitted);
    }

    /** Adds the stay's events and returns the day of discharge. */
    LocalDate stay(int nights, CareEvent.Ward ward, List<CareEvent> events) {
        LocalDateTime admitted = ward.admitted();
        events.add(new CareEvent.Admission(admitted, ward));
        if (labs.any()) {
            events.add(labs.report(admitted.plusMinutes(30 + random.nextInt(60)), ward));
        }
        LocalDate first = admitted.toLocalDate();
        for (int day = 0; day < nights; day++) {
            LocalDateTime ordered = first.plusDays(day).atTime(8, 0).plusMinutes(random.nextInt(60))
                    .plusSeconds(random.nextInt(60)).plusNanos(random.nextInt(1000) * 1_000_000L);
            events.add(new CareEvent.Injections(orders.next(ordered), drips(), ward));
        }
        LocalDateTime discharged = first.plusDays(nights).atTime(10, 0).plusMinutes(random.nextInt(180))
                .plusSeconds(random.nextInt(60)).plusNanos(random.nextInt(1000) * 1_000_000L);
        events.add(new CareEvent.Discharge(discharged, ward));
        return discharged.toLocalDate();
    }

    private List<ClinicalCodes.Injection> drips() {
        List<ClinicalCodes.Injection> drips = new ArrayList<>();
        drips.add(ClinicalCodes.INJECTIONS.getFirst());
        if (random.nextInt(4) > 0) {
            drips.add(ClinicalCodes.INJECTIONS.get(1 + random.nextInt(ClinicalCodes.INJECTIONS.size() - 1)));
        }
        return drips;
    }
}
