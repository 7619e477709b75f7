package org.musubi.ingest.hl7.orders.services;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.hl7.MessageRejected;
import org.musubi.ingest.hl7.orders.segments.ObxTexts;
import org.musubi.ingest.hl7.orders.segments.OrderHeader;
import org.musubi.ingest.hl7.orders.segments.OrderProblems;
import org.musubi.ingest.values.SourceKeys;

/**
 * SS-MIX2 OMG-11 (radiology performed) and OMG-12 (endoscopy performed), OMI^Z23, mapped as carried:
 * one ImagingStudy per study instance UID (IPC-3; source key {@code <record>/study/<UID>}) and one
 * JP_Procedure per performed act (ZE1; source key {@code <record>/proc/<order number>/<ZE1-1>/<ZE1-3
 * code>}) with the OBXs after it (staff as performers, times, drugs, devices as notes). OBXs outside a
 * ZE1 (the order's clinical context) become notes of the study. No report is invented: OMI carries none.
 */
public final class ImagingMapper implements MessageMapper {

    private final ServiceCategory category;

    public ImagingMapper(ServiceCategory category) {
        this.category = category;
    }

    @Override
    public List<MappedResource> map(MessageInput input) throws MessageRejected {
        Walk walk = new Walk(input);
        for (Hl7Segment segment : input.message().segments()) {
            walk.accept(segment);
        }
        return resources(input, walk.studies, walk.procedures, walk.orderNotes);
    }

    /** The message read in order: the ORC, OBR and ZE1 in force when each OBX and IPC comes. */
    private final class Walk {

        private final MessageInput input;
        private final Map<String, ImagingStudyDraft> studies = new LinkedHashMap<>();
        private final List<ProcedureDraft> procedures = new ArrayList<>();
        private final List<Hl7Segment> orderNotes = new ArrayList<>();
        private OrderHeader header = OrderHeader.none();
        private Hl7Segment obr;
        private ProcedureDraft procedure;

        Walk(MessageInput input) {
            this.input = input;
        }

        void accept(Hl7Segment segment) throws MessageRejected {
            switch (segment.name()) {
                case "ORC" -> {
                    header = OrderHeader.read(input, segment);
                    obr = null;
                    procedure = null;
                }
                case "OBR" -> {
                    obr = segment;
                    procedure = null;
                }
                case "ZE1" -> {
                    procedure = new ProcedureDraft(input, header, obr, segment, category);
                    procedures.add(procedure);
                }
                case "OBX" -> observation(segment);
                case "IPC" -> study(input, studies, header, obr, segment);
                default -> { }
            }
        }

        private void observation(Hl7Segment obx) {
            if (procedure != null) {
                procedure.observation(input, obx);
            } else {
                orderNotes.add(obx);
            }
        }
    }

    private void study(MessageInput input, Map<String, ImagingStudyDraft> studies, OrderHeader header, Hl7Segment obr,
                       Hl7Segment ipc) throws MessageRejected {
        String uid = ipc.field(3).component(1).strip();
        if (uid.isEmpty()) {
            OrderProblems.warn(input, ipc, 3, "ipc.noStudy");
            return;
        }
        String key = input.recordKey() + "/study/" + SourceKeys.part(uid);
        studies.computeIfAbsent(key, k -> new ImagingStudyDraft(uid, category)).add(input, header, obr, ipc);
    }

    private static List<MappedResource> resources(MessageInput input, Map<String, ImagingStudyDraft> studies,
                                                  List<ProcedureDraft> procedures, List<Hl7Segment> orderNotes)
            throws MessageRejected {
        List<MappedResource> resources = new ArrayList<>();
        for (Hl7Segment obx : orderNotes) {
            if (studies.isEmpty()) {
                OrderProblems.warn(input, obx, 3, "obx.ignored");
            } else {
                studies.values().iterator().next().note(ObxTexts.line(obx));
            }
        }
        studies.forEach((key, study) -> resources.add(new MappedResource(key, study.resource())));
        Map<String, Integer> keys = new HashMap<>();
        for (ProcedureDraft procedure : procedures) {
            String key = procedure.key(input.recordKey());
            int n = keys.merge(key, 1, Integer::sum);
            resources.add(new MappedResource(n > 1 ? key + "~" + n : key, procedure.resource()));
        }
        if (resources.isEmpty()) {
            throw OrderProblems.missing(input, "IPC");
        }
        return resources;
    }
}
