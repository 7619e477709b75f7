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

    private final List<Message> messages = new ArrayList<>();
    private final StringBuilder stray = new StringBuilder();
    private int strayLine;
    private StringBuilder current;
    private int first;

    private Hl7Batch() {
    }

    static Split split(String text) {
        Hl7Batch batch = new Hl7Batch();
        int line = 0;
        int start = 0;
        while (start < text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != '\n') {
                end++;
            }
            batch.segment(text.substring(start, end), ++line);
            boolean crlf = end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n';
            start = crlf ? end + 2 : end + 1;
        }
        batch.finish();
        return new Split(batch.messages, batch.stray.toString(), batch.strayLine);
    }

    private void segment(String segment, int line) {
        if (segment.isBlank() || envelope(segment)) {
            return;
        }
        if (segment.startsWith("MSH")) {
            finish();
            current = new StringBuilder(segment).append('\r');
            first = line;
        } else if (current != null) {
            current.append(segment).append('\r');
        } else {
            strayLine = strayLine == 0 ? line : strayLine;
            stray.append(segment).append('\r');
        }
    }

    private void finish() {
        if (current != null) {
            messages.add(new Message(current.toString(), first));
            current = null;
        }
    }

    private static boolean envelope(String segment) {
        return segment.startsWith("FHS") || segment.startsWith("BHS") || segment.startsWith("BTS") || segment.startsWith("FTS");
    }
}
