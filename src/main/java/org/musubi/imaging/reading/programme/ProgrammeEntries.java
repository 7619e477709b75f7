package org.musubi.imaging.reading.programme;

import static org.musubi.imaging.reading.programme.Programmes.TYPE;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.imaging.reading.DoubleReading;
import org.musubi.imaging.reading.ReadingItem;
import org.musubi.imaging.reading.programme.Programmes.Line;
import org.musubi.imaging.reading.programme.Programmes.Role;
import org.musubi.imaging.reading.remote.ReadingContext;
import org.musubi.imaging.studies.IndexedStudy;
import org.musubi.policy.Interaction;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;
import org.musubi.record.ResourceWrite;
import org.musubi.record.WriteRecords;
import org.musubi.record.write.Answered;

/**
 * What the double reading programmes' use cases share: the doors, the programmes' rows and the reading context; an
 * entry as a reader or comparer takes part in it now, a step on it through the consultation door, the audit row of a
 * list, the standby's refusal and a text's limit.
 */
final class ProgrammeEntries {

    private final ReadRecords reads;
    private final WriteRecords writes;
    private final ProgrammeRows rows;
    private final ReadingContext context;
    private final BiPredicate<Long, Long> memberOf;

    /** {@code memberOf}: whether a user (first) is an active member of a facility (second). */
    ProgrammeEntries(ReadRecords reads, WriteRecords writes, ProgrammeRows rows, ReadingContext context,
                     BiPredicate<Long, Long> memberOf) {
        this.reads = reads;
        this.writes = writes;
        this.rows = rows;
        this.context = context;
        this.memberOf = memberOf;
    }

    ReadRecords reads() {
        return reads;
    }

    WriteRecords writes() {
        return writes;
    }

    ProgrammeRows rows() {
        return rows;
    }

    ReadingContext context() {
        return context;
    }

    record Taken(ProgrammeStudy entry, Programme programme, IndexedStudy study, Role role) {
    }

    interface Step {
        ProgrammeStudy after(Taken taken);
    }

    interface Report {
        ResourceWrite of(Taken taken, ProgrammeStudy after);
    }

    /**
     * A reader's or comparer's step on an entry they take part in now ({@code report}: the final reading to enter
     * beside it, a comparison): through the consultation door's answer, one audit row; empty when refused.
     */
    Optional<ProgrammeStudy> stepped(Reader reader, long id, Step step, Report report) {
        AuditAction action = report == null ? AuditAction.UPDATE : AuditAction.CREATE;
        Taken taken = taking(reader, id, action);
        if (taken == null) {
            return Optional.empty();
        }
        ProgrammeStudy after;
        try {
            after = step.after(taken);
        } catch (ReadingItem.StepRefused refused) {
            after = null;
        }
        if (after == null) {
            reads.missed(reader, action, TYPE, Long.toString(id));
            return Optional.empty();
        }
        ProgrammeStudy next = after;
        ProgrammeStudy[] stored = new ProgrammeStudy[1];
        Instant now = context.clock().instant();
        Interaction<Answered> done = writes.answerDisclosed(reader, disclosure(taken),
                List.of(taken.study().resourceId()), action, TYPE, read -> {
                    if (!rows.step(taken.entry(), next, now)) {
                        return List.of();
                    }
                    stored[0] = next;
                    return report == null ? List.of() : List.of(report.of(taken, next));
                });
        return done.permitted() ? Optional.ofNullable(stored[0]) : Optional.empty();
    }

    /** The id of the disclosure the entry's study was sent to the programme's reading centre with. */
    long disclosure(Taken taken) {
        return context.disclose().idOf(ReadingContext.entrySource(taken.entry().id()));
    }

    /** The entry when the reader takes part in it now (its role); otherwise null after one audit row. */
    Taken taking(Reader reader, long id, AuditAction action) {
        ProgrammeStudy entry = rows.find(id).orElse(null);
        Programme programme = entry == null ? null : rows.programme(entry.programmeId()).orElse(null);
        IndexedStudy study = entry == null ? null : context.studies().find(entry.studyUid()).orElse(null);
        Optional<Role> role = programme == null || study == null || !context.directory().doctor(reader.userId())
                || !reader.actsFor(programme.centreFacility()) ? Optional.empty() : role(reader, programme, entry);
        if (role.isEmpty()) {
            reads.missed(reader, action, TYPE, Long.toString(id));
            return null;
        }
        return new Taken(entry, programme, study, role.get());
    }

    /** The reader's part in an entry now: a reader who has not read, or a comparer at the comparison step. */
    static Optional<Role> role(Reader reader, Programme programme, ProgrammeStudy entry) {
        if (entry.waitsFor(reader.userId())) {
            return Optional.of(Role.READER);
        }
        if (entry.reading().phase() == DoubleReading.Phase.COMPARISON && programme.mayCompare(reader.userId(), entry)) {
            return Optional.of(Role.COMPARER);
        }
        return Optional.empty();
    }

    /** The programmes whose centre the reader acts for and where the reader is in the pool or the chief. */
    List<Programme> readsIn(Reader reader) {
        if (reader.facilityId() == null || !context.directory().doctor(reader.userId())) {
            return List.of();
        }
        return rows.ofCentre(reader.facilityId()).stream()
                .filter(p -> p.chief() == reader.userId() || p.readers().contains(reader.userId())).toList();
    }

    boolean memberOf(long user, long facility) {
        return memberOf.test(user, facility);
    }

    IndexedStudy studyOf(ProgrammeStudy entry) {
        return context.studies().find(entry.studyUid()).orElse(null);
    }

    void listed(AuditAction action, List<Line> lines, boolean permitted) {
        List<String> ids = lines.stream().map(Line::study).filter(Objects::nonNull)
                .map(IndexedStudy::resourceId).distinct().toList();
        context.audit().record(AuditEntry.of(action, permitted ? Outcome.PERMIT : Outcome.DENY)
                .on(TYPE, ids.toArray()).purpose(Purpose.TREATMENT)
                .reason(permitted ? "double reading" : ReadRecords.NOT_FOUND));
    }

    void requireWritable() {
        if (context.readOnly().getAsBoolean()) {
            throw new ProgrammeFault(ProgrammeFault.STANDBY);
        }
    }

    static String trimmed(String text, int limit) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > limit) {
            throw new ProgrammeFault(ProgrammeFault.TOO_LONG);
        }
        return stripped;
    }
}
