package org.musubi.ingest.hl7.orders.medication;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.hl7.orders.segments.SegmentRun;
import org.musubi.ingest.values.SourceKeys;

/**
 * SS-MIX2 OMP-01 (prescription) and OMP-02 (injection), RDE^O11: one JP Core MedicationRequest per RXE.
 * Source key {@code <record>/rx/<RP>/<place in RP>/<drug code>}: the RP is ORC-4 (else the ORC's number
 * in the message), the place counts the RP's RXEs in message order (SS-MIX2 sends one ORC per drug, so
 * an RP of two drugs is two ORC groups with the same ORC-4), the drug code is RXE-2's code (else its text).
 */
public final class PrescriptionMapper implements MessageMapper {

    private final boolean injection;

    public PrescriptionMapper(boolean injection) {
        this.injection = injection;
    }

    @Override
    public List<MappedResource> map(MessageInput input) throws MessageRejected {
        List<MappedResource> resources = new ArrayList<>();
        Map<String, Integer> placesInRp = new HashMap<>();
        int orderNumber = 0;
        for (SegmentRun order : SegmentRun.split(input.message().segments(), Set.of("ORC"))) {
            orderNumber++;
            OrderHeader header = OrderHeader.read(input, order.head());
            String rp = header.group().isEmpty() ? String.valueOf(orderNumber) : header.group();
            SegmentRun common = order.before("RXE");
            for (SegmentRun drug : SegmentRun.split(order.segments(), Set.of("RXE"))) {
                int place = placesInRp.merge(rp, 1, Integer::sum);
                PrescribedDrug prescribed = new PrescribedDrug(header, rp, place, common, drug);
                var request = MedicationRequests.resource(input, prescribed, injection);
                resources.add(new MappedResource(key(input, prescribed), request));
            }
        }
        if (resources.isEmpty()) {
            throw OrderProblems.missing(input, "RXE");
        }
        return resources;
    }

    private static String key(MessageInput input, PrescribedDrug drug) {
        var code = drug.rxe().field(2);
        String id = code.component(1).isBlank() ? code.component(2) : code.component(1);
        return input.recordKey() + "/rx/" + SourceKeys.part(drug.rp()) + "/" + drug.indexInRp() + "/" + SourceKeys.part(id);
    }
}
