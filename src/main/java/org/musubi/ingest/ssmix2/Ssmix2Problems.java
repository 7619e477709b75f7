package org.musubi.ingest.ssmix2;

import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.ProblemTexts;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.hl7.MessageInput;
import org.musubi.ingest.ssmix2.naming.Fault;

/**
 * The SS-MIX2 adapter's problems in Japanese and English ({@code messages.properties} beside this
 * class). Every text starts with where the problem is ({@code {0}}: file, line, segment, field), so a
 * text read on its own still names the place; the problem's own arguments follow from {@code {1}}.
 */
public final class Ssmix2Problems {

    private static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.ssmix2.messages");

    private Ssmix2Problems() {
    }

    public static Problem at(Location where, String code, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = where.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        return TEXTS.problem(where, code, all);
    }

    public static Problem at(Location where, Fault fault) {
        return at(where, fault.code(), fault.args().toArray());
    }

    /** A problem at field {@code field} of a segment of the message being mapped. */
    public static Problem at(MessageInput input, Hl7Segment segment, int field, String code, Object... args) {
        return at(input.at(segment, field), code, args);
    }

    public static void warn(MessageInput input, Hl7Segment segment, int field, String code, Object... args) {
        input.warn(at(input, segment, field, code, args));
    }
}
