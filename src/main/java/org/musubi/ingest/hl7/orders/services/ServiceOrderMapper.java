package org.musubi.ingest.hl7.orders.services;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.values.SourceKeys;

/**
 * SS-MIX2 test orders: OML-01 (specimen tests, OML^O33: SPM, ORC, OBR, OBX) and OMG-01/02/03 (radiology,
 * endoscopy, physiology, OMG^O19: ORC, TQ1, OBR, OBX), one JP_ServiceRequest_Common per ordered test.
 * Source key {@code <record>/sr/<order number>/<OBR-4 code>}: the order number is ORC-2 (else OBR-2,
 * else {@code g<n>} for the n-th ORC), so SS-MIX2's repeated parts of one order (ORC-1 {@code NW} and
 * {@code PA} with the same number and test) become one request, and each child ({@code CH}) its own,
 * based on its parent (ORC-8 / OBR-29) within the message or, when the parent is elsewhere, by number.
 */
public final class ServiceOrderMapper implements MessageMapper {

    private final ServiceCategory category;

    public ServiceOrderMapper(ServiceCategory category) {
        this.category = category;
    }

    @Override
    public List<MappedResource> map(MessageInput input) throws MessageRejected {
        Walk walk = new Walk(input);
        for (Hl7Segment segment : input.message().segments()) {
            walk.accept(segment);
        }
        if (walk.drafts.isEmpty()) {
            throw OrderProblems.missing(input, "OBR");
        }
        return finished(input, walk.drafts);
    }

    /** The message read in order: the ORC, TQ1 and SPM in force when each OBR comes. */
    private final class Walk {

        private final MessageInput input;
        private final Map<String, ServiceRequestDraft> drafts = new LinkedHashMap<>();
        private OrderHeader header = OrderHeader.none();
        private Hl7Segment specimen;
        private Hl7Segment timing;
        private ServiceRequestDraft current;
        private int orders;

        Walk(MessageInput input) {
            this.input = input;
        }

        void accept(Hl7Segment segment) throws MessageRejected {
            switch (segment.name()) {
                case "SPM" -> specimen = segment;
                case "ORC" -> {
                    header = OrderHeader.read(input, segment);
                    orders++;
                    timing = null;
                    current = null;
                }
                case "TQ1" -> timing = segment;
                case "OBR" -> current = draft(segment).add(input, segment, timing, specimen);
                case "OBX" -> add(input, current, segment);
                case "NTE" -> {
                    if (current != null) {
                        current.note(segment.field(3).component(1));
                    }
                }
                default -> { }
            }
        }

        private ServiceRequestDraft draft(Hl7Segment obr) {
            String number = header.numbers().placer();
            number = number.isEmpty() ? obr.text(2).strip() : number;
            number = number.isEmpty() ? "g" + orders : number;
            var code = obr.field(4);
            String test = code.component(1).isBlank() ? code.component(2) : code.component(1);
            String key = input.recordKey() + "/sr/" + SourceKeys.part(number) + "/" + SourceKeys.part(test);
            return drafts.computeIfAbsent(key, k -> new ServiceRequestDraft(k, header, category));
        }
    }

    private static void add(MessageInput input, ServiceRequestDraft current, Hl7Segment obx) {
        if (current == null) {
            OrderProblems.warn(input, obx, 3, "obx.ignored");
        } else {
            current.observation(obx);
        }
    }

    private static List<MappedResource> finished(MessageInput input, Map<String, ServiceRequestDraft> drafts) {
        Map<String, String> byNumber = new LinkedHashMap<>();
        drafts.values().forEach(d -> byNumber.putIfAbsent(d.placer(), d.key()));
        List<MappedResource> resources = new ArrayList<>(drafts.size());
        for (ServiceRequestDraft draft : drafts.values()) {
            resources.add(new MappedResource(draft.key(), draft.finish(input.facility(), byNumber)));
        }
        return resources;
    }
}
