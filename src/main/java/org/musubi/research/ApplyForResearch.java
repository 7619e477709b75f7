package org.musubi.research;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Outcome;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.Users;

/**
 * A researcher (any staff member of a participating facility) applies for a research project, naming the users who
 * will work on it; the committee decides ({@link DecideResearchProject}). One audit row, refusals included.
 */
public final class ApplyForResearch {

    private final ResearchDesk desk;
    private final ResearchProjects projects;
    private final Users users;
    private final Audit audit;

    public ApplyForResearch(ResearchDesk desk, ResearchProjects projects, Users users, Audit audit) {
        this.desk = desk;
        this.projects = projects;
        this.users = users;
        this.audit = audit;
    }

    /** What the researcher typed (the ethics PDF already stored). */
    public record Form(String title, String institution, String purpose, String ethicsNumber, String ethicsBlob,
                       long ethicsSize, LocalDate periodFrom, LocalDate periodTo, Scope requested,
                       List<String> namedLogins) {
    }

    /** Applies; the new project's id. Throws {@link Refused} (audited) when the form is not complete. */
    public long apply(Researcher who, Form form) {
        desk.writable();
        if (!who.staff()) {
            throw desk.refused(AuditAction.CREATE, null, "research.refused.notStaff");
        }
        if (blank(form.title()) || blank(form.institution()) || blank(form.purpose()) || blank(form.ethicsNumber())
                || form.title().length() > 200 || form.institution().length() > 200 || form.purpose().length() > 4000
                || form.ethicsNumber().length() > 100) {
            throw desk.refused(AuditAction.CREATE, null, "research.refused.incomplete");
        }
        if (form.periodFrom() == null || form.periodTo() == null || form.periodTo().isBefore(form.periodFrom())
                || form.periodTo().isBefore(desk.today())) {
            throw desk.refused(AuditAction.CREATE, null, "research.refused.period");
        }
        Set<Long> named = new LinkedHashSet<>();
        named.add(who.userId());
        for (String login : form.namedLogins()) {
            Optional<User> user = users.findByLoginId(login.strip().toLowerCase(java.util.Locale.ROOT))
                    .filter(User::active).filter(u -> !u.resident() && u.profession() != Profession.FACILITY_SYSTEM);
            if (user.isEmpty()) {
                throw desk.refused(AuditAction.CREATE, null, "research.refused.unknownUser");
            }
            named.add(user.get().id());
        }
        if (named.size() > ResearchDesk.MAX_USERS) {
            throw desk.refused(AuditAction.CREATE, null, "research.refused.tooManyUsers");
        }
        long id = projects.add(new ResearchProjects.Application(form.title().strip(), form.institution().strip(),
                form.purpose().strip(), form.ethicsNumber().strip(), form.ethicsBlob(), form.ethicsSize(),
                form.periodFrom(), form.periodTo(), form.requested(), who.userId(), new ArrayList<>(named)));
        audit.record(ResearchDesk.entry(AuditAction.CREATE, Outcome.PERMIT, id).reason("applied; users " + named));
        return id;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
