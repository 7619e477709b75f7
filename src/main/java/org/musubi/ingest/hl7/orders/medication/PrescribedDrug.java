package org.musubi.ingest.hl7.orders.medication;

import java.util.Optional;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.SegmentRun;

/**
 * One RXE of an order group with what belongs to it: the group's ORC (as {@link OrderHeader}), its RP
 * (ORC-4, else the group's number in the message), its place in the RP (1, 2 … in message order), the
 * segments after its RXE (TQ1, RXR, RXC) and the group's segments before the RXE (a TQ1 sent there).
 */
record PrescribedDrug(OrderHeader header, String rp, int indexInRp, SegmentRun common, SegmentRun drug) {

    Hl7Segment rxe() {
        return drug.head();
    }

    /** The drug's own segment of that name, else the group's. */
    Optional<Hl7Segment> segment(String name) {
        return drug.first(name).or(() -> common.first(name));
    }

    /** RP number as JP Core wants it: digits without leading zeros; anything else as sent. */
    String rpNumber() {
        return rp.matches("\\d+") ? rp.replaceFirst("^0+(?=\\d)", "") : rp;
    }
}
