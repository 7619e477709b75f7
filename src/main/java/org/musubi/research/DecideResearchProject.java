package org.musubi.research;

import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.Outcome;
import org.musubi.deid.DeidConfig;
import org.musubi.deid.DeidConfigException;
import org.musubi.research.ResearchDesk.Refused;

/**
 * The committee (operators) decides on a project: approves it as requested, narrows its scope or refuses it, with the
 * project's own de-identification configuration when it has one. One audit row, refusals included.
 */
public final class DecideResearchProject {

    private final ResearchDesk desk;
    private final ResearchProjects projects;
    private final Audit audit;

    public DecideResearchProject(ResearchDesk desk, ResearchProjects projects, Audit audit) {
        this.desk = desk;
        this.projects = projects;
        this.audit = audit;
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
        desk.writable();
        Optional<ResearchProject> project = who.operator() ? projects.find(id) : Optional.empty();
        if (project.isEmpty()) {
            throw desk.refusedNotFound(AuditAction.UPDATE, id);
        }
        ResearchProject p = project.get();
        String why = reason == null ? "" : reason.strip();
        if (!p.status().mayBecome(decision) || decision == ProjectStatus.CLOSED || decision == ProjectStatus.EXPIRED) {
            throw desk.refused(AuditAction.UPDATE, id, "research.refused.state");
        }
        if ((decision != ProjectStatus.APPROVED && why.isEmpty()) || why.length() > 2000
                || (decision == ProjectStatus.NARROWED && narrowed == null)) {
            throw desk.refused(AuditAction.UPDATE, id, "research.refused.reason");
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
                audit.record(ResearchDesk.entry(AuditAction.UPDATE, Outcome.DENY, id).reason("research.refused.deid: " + e.getMessage()));
                throw new Refused("research.refused.deid", e.getMessage(), e.fault(), e.arguments());
            }
            if (parsed.k() < minimumK) {
                audit.record(ResearchDesk.entry(AuditAction.UPDATE, Outcome.DENY, id).reason("research.refused.deidK: k " + parsed.k()
                        + " < " + minimumK));
                throw new Refused("research.refused.deidK", String.valueOf(minimumK), null, minimumK);
            }
        }
        if (!projects.decide(id, p.status(), decision, approved, why.isEmpty() ? null : why, who.userId(), config)) {
            throw desk.refused(AuditAction.UPDATE, id, "research.refused.state");
        }
        audit.record(ResearchDesk.entry(AuditAction.UPDATE, Outcome.PERMIT, id).reason(decision + (why.isEmpty() ? "" : ": " + why)
                + (config == null ? "" : " (de-identification: the project's own rules, SHA-256 " + sha256(config) + ")")));
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
}
