package org.musubi.imaging.reading.programme;

import static org.musubi.imaging.reading.programme.Programmes.PROGRAMME;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.record.ReadRecords;

/**
 * Network administrators set up a double reading programme: its kind and modality, the reading centre, its chief
 * and at least two readers, all active doctors of the centre. One audit row, refusals too.
 */
public final class CreateProgramme {

    private final ProgrammeEntries entries;

    CreateProgramme(ProgrammeEntries entries) {
        this.entries = entries;
    }

    /**
     * A new programme (network administrators only; one audit row, refusals too). The chief and at least two readers
     * must be active doctors of the centre.
     *
     * @throws ProgrammeFault a name missing, fewer than two readers, a chief or reader not a doctor of the centre
     */
    public Optional<Programme> create(long admin, boolean networkAdmin, String name, Programme.Kind kind,
                                      String modality, long centre, long chief, List<Long> readers) {
        entries.requireWritable();
        if (!networkAdmin) {
            entries.context().audit().record(AuditEntry.of(AuditAction.CREATE, Outcome.DENY).on(PROGRAMME)
                    .reason(ReadRecords.NOT_FOUND));
            return Optional.empty();
        }
        String named = ProgrammeEntries.trimmed(name, 200);
        if (named == null || kind == null || modality == null || !modality.matches("[A-Z]{1,16}")) {
            throw new ProgrammeFault(ProgrammeFault.NAME);
        }
        if (!entries.context().directory().doctor(chief) || !entries.memberOf(chief, centre)) {
            throw new ProgrammeFault(ProgrammeFault.CHIEF);
        }
        List<Long> pool = List.copyOf(new LinkedHashSet<>(readers));
        if (pool.size() < 2 || pool.stream().anyMatch(r -> !entries.context().directory().doctor(r) || !entries.memberOf(r, centre))) {
            throw new ProgrammeFault(ProgrammeFault.READERS);
        }
        Programme made = entries.rows().insert(new Programme(0, named, kind, modality, centre, chief, pool));
        entries.context().audit().record(AuditEntry.of(AuditAction.CREATE, Outcome.PERMIT).on(PROGRAMME, made.id())
                .reason(named));
        return Optional.of(made);
    }
}
