package org.musubi.ingest.hl7;

import java.util.ArrayList;
import java.util.List;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.ProblemTexts;

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
    private final int lineOffset;
    private final List<Problem> warnings = new ArrayList<>();

    public MessageInput(Hl7Message message, MappingContext facility, String recordKey, String file) {
        this(message, facility, recordKey, file, 0);
    }

    /**
     * For a message inside a file of several (a lab centre's batch): {@code lineOffset} is the number of
     * file lines before its MSH, so problems name the file's line rather than the message's.
     */
    public MessageInput(Hl7Message message, MappingContext facility, String recordKey, String file, int lineOffset) {
        this.message = message;
        this.facility = facility;
        this.recordKey = recordKey;
        this.file = file;
        this.lineOffset = lineOffset;
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
        return Location.file(file).at(lineOffset + segment.line(), segment.name()).field(segment.fieldName(field));
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
