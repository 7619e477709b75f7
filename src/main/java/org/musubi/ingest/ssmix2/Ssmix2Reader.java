package org.musubi.ingest.ssmix2;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.SourceFile;
import org.musubi.ingest.adapter.SourceReader;
import org.musubi.ingest.hl7.Hl7Parsing;
import org.musubi.ingest.hl7.MessageMapper;
import org.musubi.ingest.ssmix2.mapping.BuiltInMappers;
import org.musubi.ingest.ssmix2.naming.Ssmix2Path;
import org.musubi.ingest.ssmix2.vitals.VitalSignsMapper;

/**
 * Reads one file of an SS-MIX2 storage (its {@link SourceFile#name()} is the path relative to the
 * storage root) as one record: checks the name and the folders, decodes ISO-2022-JP, parses the HL7
 * message, checks MSH-9 against the data type, takes the patient from PID under the storage's patient
 * ID, and maps the message with the data type's mapper. Extended-storage main documents become a
 * DocumentReference, except HL7 v2 vital signs (ORU^R30, under any vendor-defined data type), which become
 * Observations; any other HL7 message there is kept as a document with a warning. A main document's file comes with the
 * other files of its content folder ({@link SourceFile#attachments()}), stored as further contents of its
 * DocumentReference, or beside Observations as a DocumentReference of their own ({@link Attachments}). Condition flag 0
 * is a delete, mapped from the name alone when the content is unusable.
 *
 * <p>Record key {@code ssmix2:<data type>:<care date>:<order no>}, version the 17-digit 発生日時.
 * Built in: ADT-00 (patient, height, weight, blood type, AL1 allergies), the encounter events ADT-01/12/21/22/
 * 31/32/41/42/51/52, ADT-61 (IAM allergies), PPR-01 (diagnoses); other data types come as additional mappers.
 */
public final class Ssmix2Reader implements SourceReader {

    /** The HL7 v2 messages Musubi maps wherever they come (an extended-storage or an unknown data type), by MSH-9. */
    private static final Map<String, MessageMapper> EXTENDED_MESSAGES = Map.of("ORU^R30", new VitalSignsMapper());

    private final Hl7Parsing parsing;
    private final Map<String, MessageMapper> mappers;

    /**
     * @param additional mappers by data type (e.g. {@code OMP-01}) besides the built-in ones; one given
     *                   for a built-in data type replaces it
     * @param stays      where to find the stay of an inpatient event that names no admission date (the storage or
     *                   upload the files come in, the stays stored before; {@link Stays#NONE} when nowhere)
     */
    public Ssmix2Reader(Hl7Parsing parsing, Map<String, MessageMapper> additional, Stays stays) {
        this.parsing = parsing;
        Map<String, MessageMapper> all = new HashMap<>(BuiltInMappers.of(stays));
        all.putAll(additional);
        this.mappers = Map.copyOf(all);
    }

    public Ssmix2Reader(Hl7Parsing parsing, Map<String, MessageMapper> additional) {
        this(parsing, additional, Stays.NONE);
    }

    @Override
    public void read(SourceFile file, MappingContext context, Consumer<ParseResult> results) {
        results.accept(read(file, context));
    }

    private ParseResult read(SourceFile file, MappingContext context) {
        Location where = Location.file(file.name());
        return switch (Ssmix2Path.of(file.name())) {
            case Ssmix2Path.PathCheck.Faulty faulty -> new ParseResult.Rejected(Ssmix2Problems.at(where, faulty.fault()), null);
            case Ssmix2Path.PathCheck.Placed placed -> read(file, placed.path(), where, context);
        };
    }

    private ParseResult read(SourceFile file, Ssmix2Path path, Location where, MappingContext context) {
        byte[] bytes;
        try {
            bytes = file.bytes();
        } catch (UncheckedIOException e) {
            return new ParseResult.Rejected(Ssmix2Problems.at(where, "ssmix2.read-failed", String.valueOf(e.getCause())), null);
        }
        StoredRecord record = new StoredRecord(path, where, context);
        try {
            if (path.extended().isEmpty()) {
                return new MessageReading(record, parsing, mappers, EXTENDED_MESSAGES).read(bytes);
            }
            Attachments attachments = new Attachments(record, file.attachments());
            return record.deleted() || !ContentTypes.hl7(bytes) ? new DocumentReading(record, bytes, attachments).read()
                    : new ExtendedMessageReading(record, parsing, EXTENDED_MESSAGES, attachments).read(bytes);
        } catch (RuntimeException e) {
            return new ParseResult.Rejected(Ssmix2Problems.at(where, "ssmix2.internal", e.getClass().getName()), null);
        }
    }
}
