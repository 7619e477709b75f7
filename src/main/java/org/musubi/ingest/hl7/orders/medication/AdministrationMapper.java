package org.musubi.ingest.hl7.orders.medication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.hl7.orders.segments.SegmentRun;
import org.musubi.ingest.values.SourceKeys;

/**
 * SS-MIX2 OMP-11 (prescription administered) and OMP-12 (injection administered), RAS^O17: one JP Core
 * MedicationAdministration per RXA. An order group's RXR (sent after its RXAs) applies to each of them.
 * Source key {@code <record>/admin/<RP>/<place in RP>/<drug code>}, as for prescriptions: RP is ORC-4
 * (else the ORC's number in the message), the place counts the RP's RXAs, the code is RXA-5's.
 */
public final class AdministrationMapper implements MessageMapper {

    private final boolean injection;

    public AdministrationMapper(boolean injection) {
        this.injection = injection;
    }

    @Override
    public List<MappedResource> map(MessageInput input) throws MessageRejected {
        List<MappedResource> resources = new ArrayList<>();
        Map<String, Integer> places = new HashMap<>();
        int orderNumber = 0;
        for (SegmentRun order : SegmentRun.split(input.message().segments(), Set.of("ORC"))) {
            orderNumber++;
            OrderHeader header = OrderHeader.read(input, order.head());
            String rp = header.group().isEmpty() ? String.valueOf(orderNumber) : header.group();
            Hl7Segment route = order.first("RXR").orElse(null);
            for (Hl7Segment rxa : order.all("RXA")) {
                int place = places.merge(rp, 1, Integer::sum);
                var given = new GivenDrug(header, rp, place, rxa, route);
                resources.add(new MappedResource(key(input, given), MedicationAdministrations.resource(input, given, injection)));
            }
        }
        if (resources.isEmpty()) {
            throw OrderProblems.missing(input, "RXA");
        }
        return resources;
    }

    private static String key(MessageInput input, GivenDrug given) {
        var code = given.rxa().field(5);
        String id = code.component(1).isBlank() ? code.component(2) : code.component(1);
        return input.recordKey() + "/admin/" + SourceKeys.part(given.rp()) + "/" + given.place() + "/" + SourceKeys.part(id);
    }

    /** One RXA with its order (ORC), RP and place in it, and the group's RXR (may be null). */
    record GivenDrug(OrderHeader header, String rp, int place, Hl7Segment rxa, Hl7Segment rxr) {
    }
}
