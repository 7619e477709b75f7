package org.musubi.research;

import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.smallcounts.SmallCounts;

/**
 * Counts persons for an approved project whose period is running: its named users and the operators only; any other
 * caller, project or state answers as a project that does not exist ({@link ResearchDesk.NotFound}). The count is the
 * project's approved criteria and the asked ones together; opted-out persons are never counted (the counter's SQL);
 * the table is suppressed by the one small-count rule ({@link SmallCounts}). Each count leaves one audit row (SEARCH, purpose RESEARCH, naming the
 * project and the criteria, never a person).
 */
public final class CohortCounts {

    private final ResearchDesk desk;
    private final CohortCounter counter;
    private final Audit audit;
    private final SmallCounts smallCounts;

    public CohortCounts(ResearchDesk desk, CohortCounter counter, Audit audit, SmallCounts smallCounts) {
        this.desk = desk;
        this.counter = counter;
        this.audit = audit;
        this.smallCounts = smallCounts;
    }

    public int threshold() {
        return smallCounts.suppressBelow();
    }

    /**
     * Counts; the asked criteria are read only once the caller may count ({@link Criteria.Invalid} is audited as a
     * refusal and thrown again).
     */
    public CountTable count(Researcher who, long projectId, java.util.function.Supplier<Criteria> reading) {
        Optional<ResearchProject> project = desk.visible(who, projectId).filter(p -> p.countable(desk.today()));
        if (project.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.SEARCH, Outcome.DENY).on(ResearchDesk.TYPE, projectId)
                    .purpose(Purpose.RESEARCH).reason("count refused: not an approved project of the user"));
            throw new ResearchDesk.NotFound();
        }
        Criteria asked;
        try {
            asked = reading.get();
        } catch (Criteria.Invalid e) {
            audit.record(AuditEntry.of(AuditAction.SEARCH, Outcome.DENY).on(ResearchDesk.TYPE, projectId)
                    .purpose(Purpose.RESEARCH).reason("count refused: criteria not read (" + e.getMessage() + ")"));
            throw e;
        }
        Criteria approved = project.get().approved().criteria();
        CountTable table = CountTable.of(counter.count(CountQuery.of(approved, asked, desk.today())), smallCounts);
        audit.record(AuditEntry.of(AuditAction.SEARCH, Outcome.PERMIT).on(ResearchDesk.TYPE, projectId)
                .purpose(Purpose.RESEARCH).reason("count " + asked.text()));
        return table;
    }
}
