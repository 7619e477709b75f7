package org.musubi.synth.sources.care;

import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.musubi.synth.sources.SourceOptions;
import org.musubi.synth.sources.ssmix2.Hl7Time;

/**
 * Numbers one chart's orders and problems, and decides which orders are later updated or deleted.
 * Numbers have 15 digits: the order day ({@code yyMMdd}), six digits of the person and a running
 * number, so they do not repeat within a facility on a day.
 */
final class Orders {

    private static final int MINUTES_TO_REVISE = 72 * 60;

    private final SplittableRandom random;
    private final String person;
    private final double updatePercent;
    private final double deletePercent;
    private int sequence;

    Orders(SplittableRandom random, long personIndex, SourceOptions options) {
        this.random = random;
        this.person = "%06d".formatted(personIndex % 1_000_000);
        this.updatePercent = options.updatePercent();
        this.deletePercent = options.deletePercent();
    }

    /** A new order sent at {@code at}, perhaps to be updated or deleted up to three days later. */
    CareEvent.Order next(LocalDateTime at) {
        double draw = random.nextDouble() * 100;
        CareEvent.Revision revision = draw < updatePercent ? CareEvent.Revision.UPDATED
                : draw < updatePercent + deletePercent ? CareEvent.Revision.DELETED : CareEvent.Revision.NONE;
        LocalDateTime revisedAt = revision == CareEvent.Revision.NONE ? null
                : at.plusMinutes(30 + random.nextInt(MINUTES_TO_REVISE)).plusSeconds(random.nextInt(60));
        return new CareEvent.Order(number(at), at, revision, revisedAt);
    }

    /** A number for something that is no order, such as a problem on the list. */
    String number(LocalDateTime at) {
        String day = Hl7Time.date(at.toLocalDate()).substring(2);
        return day + person + "%03d".formatted(sequence++ % 1000);
    }
}
