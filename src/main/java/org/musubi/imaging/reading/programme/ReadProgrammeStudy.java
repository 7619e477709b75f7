package org.musubi.imaging.reading.programme;

import static org.musubi.imaging.reading.programme.Programmes.TEXT_LIMIT;

import java.time.Instant;
import java.util.Optional;
import org.musubi.imaging.reading.DoubleReading;
import org.musubi.imaging.reading.ScreeningCategory;
import org.musubi.imaging.reading.programme.Programmes.Role;
import org.musubi.record.Reader;

/**
 * A reader's reading of a programme's study, once, before the comparison step and never seeing the other's.
 */
public final class ReadProgrammeStudy {

    private final ProgrammeEntries entries;

    ReadProgrammeStudy(ProgrammeEntries entries) {
        this.entries = entries;
    }

    /**
     * The reader's reading, once: before the comparison step, never seeing the other's. Empty, after one audit row,
     * when the reader is not one of the two, has read already, or the study is past reading.
     */
    public Optional<ProgrammeStudy> read(Reader reader, long id, ScreeningCategory category, String comment) {
        entries.requireWritable();
        if (category == null) {
            throw new ProgrammeFault(ProgrammeFault.CATEGORY);
        }
        String said = ProgrammeEntries.trimmed(comment, TEXT_LIMIT);
        return entries.stepped(reader, id, taken -> {
            if (taken.role() != Role.READER) {
                return null;
            }
            DoubleReading next = taken.entry().reading().submit(reader.userId(), category);
            Instant now = entries.context().clock().instant();
            boolean first = reader.userId() == next.first();
            ProgrammeStudy e = taken.entry();
            return new ProgrammeStudy(e.id(), e.programmeId(), e.studyUid(), e.personId(), e.submitterPatientId(),
                    e.submitterFacility(), e.submitterUser(), next, first ? said : e.firstComment(),
                    first ? e.secondComment() : said, null, e.submittedAt(), first ? now : e.firstAt(),
                    first ? e.secondAt() : now, null, null);
        }, null);
    }
}
