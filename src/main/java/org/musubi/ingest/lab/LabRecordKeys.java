package org.musubi.ingest.lab;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.musubi.ingest.hl7.Hl7Message;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.ingest.values.SourceKeys;

/**
 * A lab message's record key, stable when the same results are sent again:
 * {@code lab:<MSH-9 code>_<event>:<order number>}, the order number being the first filler number
 * (ORC-3, else OBR-3), else the first placer number (ORC-2, else OBR-2). A message without any is keyed
 * by content: {@code lab:<type>:sha256-<16 hex digits>} of its text with MSH-7 (time) and MSH-10
 * (control ID) left out, which change on every sending.
 */
final class LabRecordKeys {

    private LabRecordKeys() {
    }

    static String of(Hl7Message message, String text) {
        String type = SourceKeys.part(message.header().field(9).component(1) + "_" + message.header().field(9).component(2));
        String number = number(message, 3);
        number = number.isEmpty() ? number(message, 2) : number;
        return "lab:" + type + ":" + (number.isEmpty() ? "sha256-" + hash(text) : SourceKeys.part(number));
    }

    private static String number(Hl7Message message, int field) {
        for (String name : new String[] {"ORC", "OBR"}) {
            for (Hl7Segment segment : message.all(name)) {
                String value = segment.field(field).component(1).strip();
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return "";
    }

    static String hash(String text) {
        int end = text.indexOf('\r');
        String header = end < 0 ? text : text.substring(0, end);
        String[] fields = header.split("\\|", -1);
        if (fields.length > 9) {
            fields[6] = "";
            fields[9] = "";
        }
        String stable = String.join("|", fields) + (end < 0 ? "" : text.substring(end));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(stable.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
