package org.musubi.ingest.hl7.orders.segments;

import org.musubi.ingest.adapter.ProblemTexts;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.hl7.MessageRejected;

/** The order mappers' problems, from {@code org/musubi/ingest/hl7/orders/messages*.properties}. */
public final class OrderProblems {

    static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.hl7.orders.messages");

    private OrderProblems() {
    }

    public static MessageRejected rejected(MessageInput input, Hl7Segment segment, int field, String code, Object... args) {
        return new MessageRejected(TEXTS.problem(input.at(segment, field), code, args));
    }

    /** A message without the segment its mapping needs. */
    public static MessageRejected missing(MessageInput input, String segment) {
        return new MessageRejected(TEXTS.problem(input.at(input.message().header(), 9), "order.none", segment,
                input.message().type()));
    }

    public static void warn(MessageInput input, Hl7Segment segment, int field, String code, Object... args) {
        input.warn(TEXTS, segment, field, code, args);
    }
}
