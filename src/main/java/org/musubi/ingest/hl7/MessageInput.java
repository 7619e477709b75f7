package org.musubi.ingest.hl7;

import java.util.ArrayList;
import java.util.List;
import org.musubi.ingest.Location;
import org.musubi.ingest.MappingContext;
import org.musubi.ingest.Problem;
import org.musubi.ingest.ProblemTexts;

/**
 * What a {@link MessageMapper} works from: the message, the sending facility, the record key every
 * source key it makes starts with, the file it came from (for problem locations), and where its
 * warnings go.
 */
public final class MessageInput {

    private final Hl7Message message;
    private final MappingContext facility;
    private final String recordKey;
    private final String file;
    private final List<Problem> warnings = new ArrayList<>();

    public MessageInput(Hl7Message message, MappingContext facility, String recordKey, String file) {
        this.message = message;
        this.facility = facility;
        this.recordKey = recordKey;
        this.file = file;
    }

    public Hl7Message message() {
        return message;
    }

    public MappingContext facility() {
        return facility;
    }

    public String recordKey() {
        return recordKey;
    }

    public String file() {
        return file;
    }

    /** Where field {@code n} of a segment is, for a problem. */
    public Location at(Hl7Segment segment, int field) {
        return Location.file(file).at(segment.line(), segment.name()).field(segment.fieldName(field));
    }

    public void warn(Problem problem) {
        warnings.add(problem);
    }

    public void warn(ProblemTexts texts, Hl7Segment segment, int field, String code, Object... args) {
        warnings.add(texts.problem(at(segment, field), code, args));
    }

    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }
}
