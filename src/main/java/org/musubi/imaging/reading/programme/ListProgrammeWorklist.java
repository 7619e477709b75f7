package org.musubi.imaging.reading.programme;

import static org.musubi.imaging.reading.programme.Programmes.LIST_LIMIT;

import java.util.ArrayList;
import java.util.List;
import org.musubi.audit.AuditAction;
import org.musubi.imaging.reading.programme.Programmes.Line;
import org.musubi.record.Reader;

/**
 * A reader's worklist: the studies waiting for the reader's reading and those at their comparison step the reader
 * may compare; and how many wait (the home page).
 */
public final class ListProgrammeWorklist {

    private final ProgrammeEntries entries;

    ListProgrammeWorklist(ProgrammeEntries entries) {
        this.entries = entries;
    }

    /**
     * The reader's worklist: studies waiting for the reader's reading, and studies at their comparison step the reader
     * may compare. One audit row naming the studies; empty for a user who reads in no programme.
     */
    public List<Line> worklist(Reader reader) {
        List<Programme> mine = entries.readsIn(reader);
        if (mine.isEmpty()) {
            entries.listed(AuditAction.SEARCH, List.of(), false);
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        for (ProgrammeStudy entry : entries.rows().open(mine.stream().map(Programme::id).toList(), LIST_LIMIT)) {
            Programme programme = mine.stream().filter(p -> p.id() == entry.programmeId()).findFirst().orElseThrow();
            ProgrammeEntries.role(reader, programme, entry).ifPresent(role -> lines.add(new Line(entry, programme, role,
                    entries.studyOf(entry))));
        }
        entries.listed(AuditAction.SEARCH, lines, true);
        return lines;
    }

    /** How many studies wait for the reader (the home page; not audited). */
    public int waitingFor(Reader reader) {
        List<Programme> mine = entries.readsIn(reader);
        if (mine.isEmpty()) {
            return 0;
        }
        return (int) entries.rows().open(mine.stream().map(Programme::id).toList(), LIST_LIMIT).stream()
                .filter(e -> mine.stream().filter(p -> p.id() == e.programmeId()).findFirst()
                        .flatMap(p -> ProgrammeEntries.role(reader, p, e)).isPresent()).count();
    }
}
