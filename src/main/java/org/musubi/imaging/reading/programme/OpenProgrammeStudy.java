package org.musubi.imaging.reading.programme;

import static org.musubi.imaging.reading.programme.Programmes.TYPE;

import java.util.List;
import java.util.Optional;
import org.musubi.audit.AuditAction;
import org.musubi.imaging.reading.DoubleReading;
import org.musubi.imaging.reading.ScreeningCategory;
import org.musubi.imaging.reading.programme.ProgrammeEntries.Taken;
import org.musubi.imaging.reading.programme.Programmes.Role;
import org.musubi.imaging.reading.programme.Programmes.Shown;
import org.musubi.policy.Interaction;
import org.musubi.record.Reader;
import org.musubi.record.StoredResource;

/**
 * A programme's entry as its reader (before the comparison: the reader's own reading only, blind) or comparer (both
 * readings) sees it, through the consultation door.
 */
public final class OpenProgrammeStudy {

    private final ProgrammeEntries entries;

    OpenProgrammeStudy(ProgrammeEntries entries) {
        this.entries = entries;
    }

    /**
     * An entry as its reader (before the comparison: the reader's own reading only — blind) or comparer (both readings)
     * sees it, through the consultation door; empty for anyone else.
     */
    public Optional<Shown> item(Reader reader, long id) {
        Taken taken = entries.taking(reader, id, AuditAction.READ);
        if (taken == null) {
            return Optional.empty();
        }
        Interaction<List<StoredResource>> read = entries.reads().readDisclosed(reader,
                entries.disclosure(taken), List.of(taken.study().resourceId()), AuditAction.READ, TYPE);
        if (!read.permitted() || read.value().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(shown(reader, taken));
    }

    private static Shown shown(Reader reader, Taken taken) {
        DoubleReading reading = taken.entry().reading();
        if (taken.role() == Role.COMPARER) {
            return new Shown(taken.entry(), taken.programme(), taken.study(), Role.COMPARER, reading.firstReading(),
                    reading.secondReading(), true);
        }
        ScreeningCategory own = reader.userId() == reading.first() ? reading.firstReading() : reading.secondReading();
        return new Shown(taken.entry(), taken.programme(), taken.study(), Role.READER, own,
                reading.othersReading(reader.userId()).orElse(null), false);
    }
}
