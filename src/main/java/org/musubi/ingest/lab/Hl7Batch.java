package org.musubi.ingest.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages of an HL7 v2 file: each starts at an MSH and runs to the next; batch envelopes (FHS, BHS,
 * BTS, FTS) and blank lines are dropped; segments may end with CR, LF or CRLF. Text before the first MSH
 * that is not an envelope is kept apart, so it can be reported.
 */
final class Hl7Batch {

    /** A message's text (segments joined by CR) and the file line of its MSH. */
    record Message(String text, int firstLine) {
    }

    /** The messages, and the stray text before the first MSH (empty when none) with its first line. */
    record Split(List<Message> messages, String stray, int strayLine) {
    }

    private Hl7Batch() {
    }

    static Split split(String text) {
        List<Message> messages = new ArrayList<>();
        StringBuilder current = null;
        StringBuilder stray = new StringBuilder();
        int strayLine = 0;
        int first = 0;
        int line = 0;
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = start;
            while (end < length && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                end++;
            }
            line++;
            String segment = text.substring(start, end);
            start = end < length && text.charAt(end) == '\r' && end + 1 < length && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
            if (segment.isBlank() || envelope(segment)) {
                continue;
            }
            if (segment.startsWith("MSH")) {
                if (current != null) {
                    messages.add(new Message(current.toString(), first));
                }
                current = new StringBuilder(segment).append('\r');
                first = line;
            } else if (current != null) {
                current.append(segment).append('\r');
            } else {
                strayLine = strayLine == 0 ? line : strayLine;
                stray.append(segment).append('\r');
            }
        }
        if (current != null) {
            messages.add(new Message(current.toString(), first));
        }
        return new Split(messages, stray.toString(), strayLine);
    }

    private static boolean envelope(String segment) {
        return segment.startsWith("FHS") || segment.startsWith("BHS") || segment.startsWith("BTS") || segment.startsWith("FTS");
    }
}
