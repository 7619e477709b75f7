package org.musubi.research;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.audit.Purpose;
import org.musubi.database.ReadOnlyStandbyException;
import org.musubi.database.Standby;
import org.musubi.deid.DeidConfig;
import org.musubi.deid.DeidConfigException;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * Research projects from application to end. A researcher (any staff member of a participating facility) applies;
 * the committee (operators) approves, narrows or refuses; a named user or an operator closes an approved project;
 * projects whose period is over expire. A project is seen only by its named users and the operators: to anyone else
 * {@link #visible} is empty, as for a project that does not exist. Every step leaves one audit row (type
 * {@code ResearchProject}, purpose RESEARCH), refusals included.
 */
public final class ResearchDesk {

    public static final String TYPE = "ResearchProject";
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    /** The most named users a project may have. */
    public static final int MAX_USERS = 20;

    private final ResearchProjects projects;
    private final Users users;
    private final Audit audit;
    private final Standby standby;
    private final Clock clock;

    public ResearchDesk(ResearchProjects projects, Users users, Audit audit, Standby standby, Clock clock) {
        this.projects = projects;
        this.users = users;
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

    /** What the researcher typed (the ethics PDF already stored). */
    public record Form(String title, String institution, String purpose, String ethicsNumber, String ethicsBlob,
                       long ethicsSize, LocalDate periodFrom, LocalDate periodTo, Scope requested,
                       List<String> namedLogins) {
    }

    /** The instant now (the desk's clock). */
    public java.time.Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** Applies; the new project's id. Throws {@link Refused} (audited) when the form is not complete. */
    public long apply(Researcher who, Form form) {
        writable();
        if (!who.staff()) {
            throw refused(AuditAction.CREATE, null, "research.refused.notStaff");
        }
        if (blank(form.title()) || blank(form.institution()) || blank(form.purpose()) || blank(form.ethicsNumber())
                || form.title().length() > 200 || form.institution().length() > 200 || form.purpose().length() > 4000
                || form.ethicsNumber().length() > 100) {
            throw refused(AuditAction.CREATE, null, "research.refused.incomplete");
        }
        if (form.periodFrom() == null || form.periodTo() == null || form.periodTo().isBefore(form.periodFrom())
                || form.periodTo().isBefore(today())) {
            throw refused(AuditAction.CREATE, null, "research.refused.period");
        }
        Set<Long> named = new LinkedHashSet<>();
        named.add(who.userId());
        for (String login : form.namedLogins()) {
            Optional<User> user = users.findByLoginId(login.strip().toLowerCase(java.util.Locale.ROOT))
                    .filter(User::active).filter(u -> !u.resident() && u.profession() != Profession.FACILITY_SYSTEM);
            if (user.isEmpty()) {
                throw refused(AuditAction.CREATE, null, "research.refused.unknownUser");
            }
            named.add(user.get().id());
        }
        if (named.size() > MAX_USERS) {
            throw refused(AuditAction.CREATE, null, "research.refused.tooManyUsers");
        }
        long id = projects.add(new ResearchProjects.Application(form.title().strip(), form.institution().strip(),
                form.purpose().strip(), form.ethicsNumber().strip(), form.ethicsBlob(), form.ethicsSize(),
                form.periodFrom(), form.periodTo(), form.requested(), who.userId(), new ArrayList<>(named)));
        audit.record(entry(AuditAction.CREATE, Outcome.PERMIT, id).reason("applied; users " + named));
        return id;
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

    /** The committee's decision: APPROVED (scope as requested), NARROWED (scope edited, reason required), REFUSED. */
    public void decide(Researcher who, long id, ProjectStatus decision, Scope narrowed, String reason) {
        decide(who, id, decision, narrowed, reason, null, 0);
    }

    /**
     * The committee's decision with the project's own de-identification configuration ({@code deid}, JSON; null or
     * blank, or the network's default unchanged: the default), whose k must reach the network's {@code minimumK}.
     * A configuration that cannot be read, or a k below the minimum, refuses the decision (nothing changes) and
     * names the fault.
     */
    public void decide(Researcher who, long id, ProjectStatus decision, Scope narrowed, String reason, String deid,
                       int minimumK) {
        writable();
        Optional<ResearchProject> project = who.operator() ? projects.find(id) : Optional.empty();
        if (project.isEmpty()) {
            throw refusedNotFound(AuditAction.UPDATE, id);
        }
        ResearchProject p = project.get();
        String why = reason == null ? "" : reason.strip();
        if (!p.status().mayBecome(decision) || decision == ProjectStatus.CLOSED || decision == ProjectStatus.EXPIRED) {
            throw refused(AuditAction.UPDATE, id, "research.refused.state");
        }
        if ((decision != ProjectStatus.APPROVED && why.isEmpty()) || why.length() > 2000
                || (decision == ProjectStatus.NARROWED && narrowed == null)) {
            throw refused(AuditAction.UPDATE, id, "research.refused.reason");
        }
        Scope approved = switch (decision) {
            case APPROVED -> p.requested();
            case NARROWED -> narrowed;
            default -> null;
        };
        String config = approved == null ? null : ownConfig(deid);
        if (config != null) {
            DeidConfig parsed;
            try {
                parsed = DeidConfig.parse(config);
            } catch (DeidConfigException e) {
                audit.record(entry(AuditAction.UPDATE, Outcome.DENY, id).reason("research.refused.deid: " + e.getMessage()));
                throw new Refused("research.refused.deid", e.getMessage(), e.fault(), e.arguments());
            }
            if (parsed.k() < minimumK) {
                audit.record(entry(AuditAction.UPDATE, Outcome.DENY, id).reason("research.refused.deidK: k " + parsed.k()
                        + " < " + minimumK));
                throw new Refused("research.refused.deidK", String.valueOf(minimumK), null, minimumK);
            }
        }
        if (!projects.decide(id, p.status(), decision, approved, why.isEmpty() ? null : why, who.userId(), config)) {
            throw refused(AuditAction.UPDATE, id, "research.refused.state");
        }
        audit.record(entry(AuditAction.UPDATE, Outcome.PERMIT, id).reason(decision + (why.isEmpty() ? "" : ": " + why)
                + (config == null ? "" : " (de-identification: the project's own rules, SHA-256 " + sha256(config) + ")")));
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

    private void writable() {
        if (standby.readOnly()) {
            throw new ReadOnlyStandbyException();
        }
    }

    /** The text to keep as the project's own configuration: null when none was given or the default is unchanged. */
    private static String ownConfig(String deid) {
        if (deid == null || deid.isBlank()) {
            return null;
        }
        String text = deid.replace("\r\n", "\n").strip();
        return text.equals(DeidConfig.defaultJson().replace("\r\n", "\n").strip()) ? null : text;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditEntry entry(AuditAction action, Outcome outcome, long id) {
        return AuditEntry.of(action, outcome).on(TYPE, id).purpose(Purpose.RESEARCH);
    }

    private Refused refused(AuditAction action, Long id, String key) {
        AuditEntry deny = AuditEntry.of(action, Outcome.DENY).purpose(Purpose.RESEARCH);
        audit.record((id == null ? deny.on(TYPE) : deny.on(TYPE, id)).reason(key));
        return new Refused(key);
    }

    private NotFound refusedNotFound(AuditAction action, long id) {
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
