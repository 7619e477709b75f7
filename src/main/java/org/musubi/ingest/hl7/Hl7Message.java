package org.musubi.ingest.hl7;

import ca.uhn.hl7v2.model.Message;
import java.util.List;
import java.util.Optional;

/**
 * A parsed HL7 v2 message: HAPI's model (parsed and accepted by HAPI's PipeParser) and its segments
 * in the order sent, each readable by field, component and subcomponent.
 */
public final class Hl7Message {

    private final Message hapi;
    private final List<Hl7Segment> segments;

    Hl7Message(Message hapi, List<Hl7Segment> segments) {
        this.hapi = hapi;
        this.segments = List.copyOf(segments);
    }

    /** HAPI's model of the message (typed segments and groups where the structure is standard). */
    public Message hapi() {
        return hapi;
    }

    public List<Hl7Segment> segments() {
        return segments;
    }

    public Optional<Hl7Segment> first(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<Hl7Segment> all(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** MSH-9 as {@code code^event}, e.g. {@code RDE^O11}. */
    public String type() {
        Hl7Field type = header().field(9);
        return type.component(1) + "^" + type.component(2);
    }

    public Hl7Segment header() {
        return segments.getFirst();
    }
}
