package org.musubi.ingest.ssmix2;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.hl7.Hl7Message;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.Hl7Text;
import org.musubi.ingest.hl7.MessageMapper;

/**
 * An extended-storage main document that is an HL7 v2 message, whatever its vendor-defined data type: a message Musubi
 * maps (ORU^R30 vital signs) is read as any stored message is ({@link MessageReading}: the patient from PID), the
 * content folder's other files then a document of their own beside the items ({@link DocumentReading#besideItems}); any
 * other message, or one that cannot be read as HL7 (or names no patient), is kept as sent as a document of the
 * patient's record ({@link DocumentReading#kept}) with a warning naming the file, the data type and why. Never a
 * rejection: a hospital's medical records department finds every extended-storage file in the record.
 */
final class ExtendedMessageReading {

    private final StoredRecord record;
    private final Hl7Parsing parsing;
    private final Map<String, MessageMapper> byMessageType;
    private final Attachments attachments;

    /**
     * {@code byMessageType}: the mappers of the messages Musubi maps, by MSH-9 ({@code ORU^R30}); {@code attachments}:
     * the content folder's other files.
     */
    ExtendedMessageReading(StoredRecord record, Hl7Parsing parsing, Map<String, MessageMapper> byMessageType,
                           Attachments attachments) {
        this.record = record;
        this.parsing = parsing;
        this.byMessageType = byMessageType;
        this.attachments = attachments;
    }

    /** {@code bytes}: a message (they start with MSH) of a record that is not deleted. */
    ParseResult read(byte[] bytes) {
        DocumentReading document = new DocumentReading(record, bytes, attachments);
        Optional<Hl7Text.Decoded> decoded = Hl7Text.decode(bytes);
        if (decoded.isEmpty()) {
            return document.kept("application/octet-stream", null, warning("ssmix2.extended.undecodable"));
        }
        Charset charset = decoded.get().tolerated().orElse(Hl7Text.ISO_2022_JP);
        String contentType = "text/plain; charset=" + charset.name();
        Hl7Message message;
        try {
            message = parsing.parse(decoded.get().text());
        } catch (Hl7Parsing.Hl7Failure failure) {
            return document.kept(contentType, null, warning("ssmix2.extended.unreadable", String.valueOf(failure.getMessage())));
        }
        String description = "HL7 v2 " + message.type();
        MessageMapper mapper = byMessageType.get(message.type());
        if (mapper == null) {
            return document.kept(contentType, description, warning("ssmix2.extended.kept", message.type()));
        }
        if (message.first("PID").isEmpty()) {
            return document.kept(contentType, description, warning("ssmix2.extended.no-pid", message.type()));
        }
        decoded.get().tolerated().ifPresent(used ->
                record.warn(Ssmix2Problems.at(record.where(), "ssmix2.charset", used.name())));
        return document.besideItems(new MessageReading(record, parsing, Map.of(), byMessageType)
                .read(message, decoded.get().text()));
    }

    /** A warning naming the file, its data type and then {@code args}. */
    private Problem warning(String code, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = record.name().dataType();
        System.arraycopy(args, 0, all, 1, args.length);
        return Ssmix2Problems.at(record.where(), code, all);
    }
}
