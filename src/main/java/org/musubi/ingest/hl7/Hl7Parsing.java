package org.musubi.ingest.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Parses HL7 v2 messages with HAPI's PipeParser (v2.5, SS-MIX2's version), tolerantly: no conformance
 * validation (Japanese systems leave many fields to local tables), Z-segments kept. HAPI builds its
 * generic model (segments and fields without v2.5 types): Musubi's mappers read the segments as text,
 * and the typed model took twice the time (about 150 against 75 µs a message) for nothing they use.
 * One instance serves all threads. HAPI's PipeParser is not thread-safe: it caches each message type's structure in
 * a plain HashMap, and threads meeting new types at once saw half-built structures and refused valid messages. So
 * each parse borrows a parser of its own from a small pool (created on demand, at most one per thread parsing at
 * once) and returns it; every parser keeps its own cache, and the context they share is read-only after set-up.
 */
public final class Hl7Parsing {

    private final HapiContext context;
    private final ConcurrentLinkedQueue<PipeParser> idle = new ConcurrentLinkedQueue<>();

    public Hl7Parsing() {
        context = new DefaultHapiContext();
        context.setValidationContext(ValidationContextFactory.noValidation());
        context.setModelClassFactory(new GenericModelClassFactory());
        context.getParserConfiguration().setDefaultObx2Type("ST");
        context.getParserConfiguration().setInvalidObx2Type("ST");
        context.getParserConfiguration().setAllowUnknownVersions(true);
        context.getParserConfiguration().setValidating(false);
    }

    /** The message in {@code text} (segments ended by CR, LF or CRLF). */
    public Hl7Message parse(String text) throws Hl7Failure {
        String message = text.replace("\r\n", "\r").replace('\n', '\r').strip();
        if (!message.startsWith("MSH")) {
            throw new Hl7Failure(1, "MSH", "no MSH segment at the start");
        }
        Message hapi;
        PipeParser parser = idle.poll();
        if (parser == null) {
            parser = new PipeParser(context);
        }
        try {
            hapi = parser.parse(message);
        } catch (HL7Exception e) {
            throw new Hl7Failure(0, e.getLocation() == null ? null : e.getLocation().getSegmentName(), e.getMessage());
        } catch (RuntimeException e) {
            throw new Hl7Failure(0, null, String.valueOf(e.getMessage()));
        } finally {
            idle.offer(parser);
        }
        return new Hl7Message(hapi, segments(message));
    }

    private static List<Hl7Segment> segments(String message) {
        Hl7Encoding encoding = Hl7Encoding.of(message);
        List<Hl7Segment> segments = new ArrayList<>();
        String[] lines = message.split("\r");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() >= 3) {
                segments.add(Hl7Segment.of(lines[i], i + 1, encoding));
            }
        }
        return segments;
    }

    /** A message HAPI could not parse: where (segment line and name, when known) and HAPI's reason. */
    public static final class Hl7Failure extends Exception {

        private final int line;
        private final String segment;

        public Hl7Failure(int line, String segment, String reason) {
            super(reason);
            this.line = line;
            this.segment = segment;
        }

        public int line() {
            return line;
        }

        public String segment() {
            return segment;
        }
    }
}
