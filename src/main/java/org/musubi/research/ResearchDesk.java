package org.musubi.research;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;

/**
 * Research projects from application to end. A researcher (any staff member of a participating facility) applies
 * ({@link ApplyForResearch}); the committee (operators) approves, narrows or refuses ({@link DecideResearchProject}); a
 * named user or an operator closes an approved project; projects whose period is over expire. A project is seen only by its named users and the operators: to anyone else
 * {@link #visible} is empty, as for a project that does not exist. Every step leaves one audit row (type
 * {@code ResearchProject}, purpose RESEARCH), refusals included.
 */
public final class ResearchDesk {

    public static final String TYPE = "ResearchProject";
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    /** The most named users a project may have. */
    public static final int MAX_USERS = 20;

    private final ResearchProjects projects;
    private final Audit audit;
    private final Standby standby;
    private final Clock clock;

    public ResearchDesk(ResearchProjects projects, Audit audit, Standby standby, Clock clock) {
        this.projects = projects;
        this.audit = audit;
        this.standby = standby;
        this.clock = clock;
    }

    /** A refusal the form shows; its message is a message key. */
    public static final class Refused extends RuntimeException {
        private final String detail;
        private final String fault;
        private final transient Object[] arguments;

        public Refused(String key) {
            this(key, null, null);
        }

        /**
         * A refusal with a detail (in English, for the audit row: a configuration's fault, which rule, which path) and,
         * for the form, the fault's name (a message key's last part; null: the key itself is the message) and values.
         */
        public Refused(String key, String detail, String fault, Object... arguments) {
            super(key, null, false, false);
            this.detail = detail;
            this.fault = fault;
            this.arguments = arguments.clone();
        }

        /** What exactly was wrong (English), or null. */
        public String detail() {
            return detail;
        }

        /** The fault's name for the form ({@code research.deid.fault.<fault>}), or null. */
        public String fault() {
            return fault;
        }

        /** The values the form's message names. */
        public Object[] arguments() {
            return arguments.clone();
        }
    }

    /** The instant now (the desk's clock). */
    public java.time.Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The project when the user may see it (a named user or an operator); otherwise empty, and nothing audited. */
    public Optional<ResearchProject> visible(Researcher who, long id) {
        return projects.find(id).filter(p -> who.operator() || p.names(who.userId()));
    }

    /** The project for a read: audited (READ, or a DENY row that answers like a project that does not exist). */
    public Optional<ResearchProject> open(Researcher who, long id) {
        Optional<ResearchProject> project = visible(who, id);
        audit.record(entry(AuditAction.READ, project.isPresent() ? Outcome.PERMIT : Outcome.DENY, id)
                .reason(project.isPresent() ? null : "not a named user of the project, or no such project"));
        return project;
    }

    /** The projects the user sees: every one for an operator, else the ones naming them. One audit row. */
    public List<ResearchProject> list(Researcher who) {
        List<ResearchProject> list = who.operator() ? projects.all() : projects.naming(who.userId());
        audit.record(AuditEntry.of(AuditAction.SEARCH, Outcome.PERMIT).on(TYPE).purpose(Purpose.RESEARCH)
                .reason(list.size() + " projects"));
        return list;
    }

    /** Ends an approved project (a named user or an operator). */
    public void close(Researcher who, long id) {
        writable();
        ResearchProject p = visible(who, id).orElseThrow(() -> refusedNotFound(AuditAction.UPDATE, id));
        if (!p.status().mayBecome(ProjectStatus.CLOSED)
                || !projects.decide(id, p.status(), ProjectStatus.CLOSED, p.approved(), p.decisionReason(), null,
                p.deidConfig())) {
            throw refused(AuditAction.UPDATE, id, "research.refused.state");
        }
        audit.record(entry(AuditAction.UPDATE, Outcome.PERMIT, id).reason("CLOSED"));
    }

    /** Expires the approved projects whose period is over; one audit row per project (system actor). */
    public int expire() {
        if (standby.readOnly()) {
            return 0;
        }
        List<Long> ids = projects.expire(today());
        ids.forEach(id -> audit.record(entry(AuditAction.UPDATE, Outcome.PERMIT, id).reason("EXPIRED")
                .by(org.musubi.audit.Actor.system("research"))));
        return ids.size();
    }

    /** The public list: approved projects whose period has not ended. Not audited: nothing in it is personal. */
    public List<ResearchProject> published() {
        return projects.approved(today());
    }

    /** Refuses a change on a read-only standby. */
    void writable() {
        if (standby.readOnly()) {
            throw new ReadOnlyStandbyException();
        }
    }

    static AuditEntry entry(AuditAction action, Outcome outcome, long id) {
        return AuditEntry.of(action, outcome).on(TYPE, id).purpose(Purpose.RESEARCH);
    }

    /** One DENY row naming the refusal; the refusal to throw. */
    Refused refused(AuditAction action, Long id, String key) {
        AuditEntry deny = AuditEntry.of(action, Outcome.DENY).purpose(Purpose.RESEARCH);
        audit.record((id == null ? deny.on(TYPE) : deny.on(TYPE, id)).reason(key));
        return new Refused(key);
    }

    /** One DENY row as for a project that does not exist; the refusal to throw. */
    NotFound refusedNotFound(AuditAction action, long id) {
        audit.record(AuditEntry.of(action, Outcome.DENY).on(TYPE, id).purpose(Purpose.RESEARCH)
                .reason("not a named user of the project, or no such project"));
        return new NotFound();
    }

    /** A project the caller may not see, answered like one that does not exist. */
    public static final class NotFound extends RuntimeException {
        public NotFound() {
            super("no such project", null, false, false);
        }
    }
}
