package org.musubi.ingest.ssmix2.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageMapper;

/**
 * PPR-01 (PPR^ZD1): the patient's whole diagnosis list, one JP Core Condition per PRB with the ZPR,
 * ZI1 and ORC segments that follow it. The file is the whole list, so a diagnosis missing from the
 * next version is deleted; a PRB whose action (PRB-1, HL7 table 0287) is {@code DE} is left out for
 * that reason. Each diagnosis is keyed by its problem instance ID (PRB-4), else its disease code.
 */
final class DiagnosisMapper implements MessageMapper {

    @Override
    public List<MappedResource> map(MessageInput input) {
        LocalKeys keys = new LocalKeys(input.recordKey());
        List<MappedResource> conditions = new ArrayList<>();
        for (List<Hl7Segment> group : problems(input.message().segments())) {
            Hl7Segment prb = group.getFirst();
            if (prb.text(1).equals("DE")) {
                continue;
            }
            Optional<Hl7Segment> zpr = group.stream().filter(s -> s.name().equals("ZPR")).findFirst();
            Optional<Hl7Segment> orc = group.stream().filter(s -> s.name().equals("ORC")).findFirst();
            new Diagnosis(input, prb, zpr, orc).condition().ifPresent(c ->
                    conditions.add(new MappedResource(keys.next("Condition", localKey(prb, zpr)), c)));
        }
        return conditions;
    }

    /** Each PRB with the segments up to the next PRB. */
    private static List<List<Hl7Segment>> problems(List<Hl7Segment> segments) {
        List<List<Hl7Segment>> groups = new ArrayList<>();
        for (Hl7Segment segment : segments) {
            if (segment.name().equals("PRB")) {
                groups.add(new ArrayList<>(List.of(segment)));
            } else if (!groups.isEmpty()) {
                groups.getLast().add(segment);
            }
        }
        return groups;
    }

    private static String localKey(Hl7Segment prb, Optional<Hl7Segment> zpr) {
        if (!prb.field(4).component(1).isEmpty()) {
            return prb.field(4).component(1);
        }
        String code = prb.field(3).component(1);
        if (code.isEmpty()) {
            code = zpr.map(z -> z.field(2).component(1)).orElse("");
        }
        return code.isEmpty() ? prb.field(3).component(2) : code;
    }
}
