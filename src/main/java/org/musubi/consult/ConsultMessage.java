package org.musubi.consult;

import java.time.Instant;
import java.util.List;

/**
 * A message of a thread as its page shows it (the header is the question): its Communication's id, sender, time,
 * text, attachments and the record items it refers to ({@code Type/id}).
 */
public record ConsultMessage(String id, boolean question, String sender, Instant sent, String text,
                             List<Attachment> attachments, List<String> references) {

    public ConsultMessage {
        attachments = List.copyOf(attachments);
        references = List.copyOf(references);
    }

    /** An attached file: its Binary's id, title, type and size. */
    public record Attachment(String binaryId, String title, String contentType, long size) {
    }
}
