package org.musubi.secretariat.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.notice.Importance;
import org.musubi.notice.NoticeDraft;
import org.musubi.notice.PublishNotice;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.registry.Administrator;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;
import org.musubi.registry.NotPermitted;

/**
 * The secretariat's queue (network admins only). Every step writes exactly one audit row of its own action, a refusal
 * included (not an admin, no such application, a step its status does not allow, a return without a reason, an
 * approval whose 医療機関コード another facility has meanwhile): APPLICATION_REVIEW, _APPROVE, _RETURN, _SET_UP, _LIVE.
 * Approval creates the facility, its profile and its users in one transaction with the status change (the registry's
 * own rows come with it); going live publishes a network notice, which the new facility's users see on the portal.
 */
public final class ApplicationQueue {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    /** How long the notice of a facility going live stays on the portal. */
    public static final Duration LIVE_NOTICE = Duration.ofDays(30);
    private final Applications applications;
    private final Onboarding onboarding;
    private final PublishNotice notices;
    private final Audit audit;
    private final Clock clock;

    public ApplicationQueue(Applications applications, Onboarding onboarding, PublishNotice notices, Audit audit,
                            Clock clock) {
        this.applications = applications;
        this.onboarding = onboarding;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<Application> list(Administrator admin, Set<ApplicationStatus> statuses, PageRequest page) {
        if (!admin.mayManageFacilities()) {
            throw new NotPermitted("applications");
        }
        return applications.list(statuses, page);
    }

    /** An application for the secretariat's page; {@link NoSuchApplication} when there is none. */
    public Application find(Administrator admin, long id) {
        if (!admin.mayManageFacilities()) {
            throw new NotPermitted("applications");
        }
        return applications.find(id).orElseThrow(NoSuchApplication::new);
    }

    public List<ApplicationEvent> events(long id) {
        return applications.events(id);
    }

    public List<ApplicationDocument> documents(long id) {
        return applications.documents(id);
    }

    /**
     * A document of an application, for a network admin to download: one APPLICATION_DOCUMENT row, a refusal (not an
     * admin, no such document of this application) included.
     */
    public Optional<ApplicationDocument> document(Administrator admin, long id, long documentId) {
        permitted(admin, AuditAction.APPLICATION_DOCUMENT, id + "/" + documentId);
        Optional<ApplicationDocument> document = applications.documents(id).stream()
                .filter(d -> d.id() == documentId).findFirst();
        if (document.isEmpty()) {
            refuse(AuditAction.APPLICATION_DOCUMENT, id + "/" + documentId, "no such document");
        } else {
            audit.record(AuditEntry.of(AuditAction.APPLICATION_DOCUMENT, Outcome.PERMIT)
                    .on(ApplicationDesk.TARGET, id + "/" + documentId));
        }
        return document;
    }

    /**
     * Moves an application one step that creates nothing: under review, returned (a reason required, shown to the
     * applicant), set up (a progress note may be given), live (publishes the notice).
     */
    public Application move(Administrator admin, long id, ApplicationStatus target, String note) {
        AuditAction action = actionOf(target);
        permitted(admin, action, id);
        Application application = applications.find(id).orElse(null);
        if (application == null) {
            refuse(action, id, "no such application");
            throw new NoSuchApplication();
        }
        String text = note == null ? "" : note.strip();
        if (target == ApplicationStatus.APPROVED || !application.status().mayMoveTo(target)) {
            refuse(action, id, "not a step from " + application.status());
            throw new WrongStep(application.status(), target);
        }
        if (target == ApplicationStatus.RETURNED && text.isEmpty()) {
            refuse(action, id, "no reason given");
            throw new InvalidRegistration(List.of(FieldFault.of("note", "application.return.reasonRequired")));
        }
        if (text.length() > 2000) {
            refuse(action, id, "note too long");
            throw new InvalidRegistration(List.of(FieldFault.of("note", "application.text.tooLong")));
        }
        Instant now = clock.instant();
        return audit.allOrNothing(() -> {
            if (!applications.move(id, application.status(), target, now, text)) {
                throw new WrongStep(application.status(), target);
            }
            applications.addEvent(id, new ApplicationEvent(target, text.isEmpty() ? null : text, admin.userId(), now));
            if (target == ApplicationStatus.LIVE) {
                String name = application.draft().nameKanji();
                notices.publish(admin, null, new NoticeDraft(name + " が運用を開始しました",
                        name + " is now live in the network",
                        name + "（" + application.draft().municipality() + "）が地域連携ネットワークに参加し、運用を開始しました。",
                        name + " (" + application.draft().municipality() + ") has joined the network and is now live.",
                        Importance.NORMAL, now, now.plus(LIVE_NOTICE)));
            }
            audit.record(AuditEntry.of(action, Outcome.PERMIT).on(ApplicationDesk.TARGET, id));
            return applications.find(id).orElseThrow();
        });
    }

    /**
     * Approves an application under review: the facility, its profile and its users are created, with the secrets to
     * hand over. {@link CodeTaken} when another facility has the 医療機関コード; {@link InvalidRegistration} when the
     * registry refuses what was applied for; nothing is created then.
     */
    public Onboarding.Created approve(Administrator admin, long id) {
        permitted(admin, AuditAction.APPLICATION_APPROVE, id);
        Application application = applications.find(id).orElse(null);
        if (application == null) {
            refuse(AuditAction.APPLICATION_APPROVE, id, "no such application");
            throw new NoSuchApplication();
        }
        if (!application.status().mayMoveTo(ApplicationStatus.APPROVED)) {
            refuse(AuditAction.APPLICATION_APPROVE, id, "not a step from " + application.status());
            throw new WrongStep(application.status(), ApplicationStatus.APPROVED);
        }
        Optional<String> holder = onboarding.holderOfCode(application.draft()).map(f -> f.nameKanji());
        if (holder.isPresent()) {
            refuse(AuditAction.APPLICATION_APPROVE, id, "code taken");
            throw new CodeTaken(application.draft().code(), holder.get());
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, JAPAN);
        try {
            return audit.allOrNothing(() -> {
                if (!applications.move(id, ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED, now, null)) {
                    throw new WrongStep(application.status(), ApplicationStatus.APPROVED);
                }
                Onboarding.Created created = onboarding.create(admin, application.draft(), today);
                applications.setFacility(id, created.facility().id());
                created.users().forEach(u -> applications.setUser(id, u.position(), u.user().id()));
                applications.addEvent(id, new ApplicationEvent(ApplicationStatus.APPROVED, null, admin.userId(), now));
                audit.record(AuditEntry.of(AuditAction.APPLICATION_APPROVE, Outcome.PERMIT)
                        .on(ApplicationDesk.TARGET, id).reason("facility " + created.facility().id()));
                return created;
            });
        } catch (InvalidRegistration | WrongStep e) {
            refuse(AuditAction.APPLICATION_APPROVE, id, "refused by the registry: " + e.getMessage());
            throw e;
        }
    }

    private void permitted(Administrator admin, AuditAction action, Object id) {
        if (!admin.mayManageFacilities()) {
            refuse(action, id, "not a network admin");
            throw new NotPermitted("applications");
        }
    }

    private void refuse(AuditAction action, Object id, String reason) {
        audit.record(AuditEntry.of(action, Outcome.DENY).on(ApplicationDesk.TARGET, id).reason(reason));
    }

    private static AuditAction actionOf(ApplicationStatus target) {
        return switch (target) {
            case UNDER_REVIEW -> AuditAction.APPLICATION_REVIEW;
            case APPROVED -> AuditAction.APPLICATION_APPROVE;
            case RETURNED -> AuditAction.APPLICATION_RETURN;
            case SET_UP -> AuditAction.APPLICATION_SET_UP;
            case LIVE -> AuditAction.APPLICATION_LIVE;
            case RECEIVED -> AuditAction.APPLICATION_RESUBMIT;
        };
    }

    /** No application with this id. */
    public static final class NoSuchApplication extends RuntimeException {
        public NoSuchApplication() {
            super("no such application");
        }
    }

    /** A step the application's status does not allow (or someone else took a step first). */
    public static final class WrongStep extends RuntimeException {
        public WrongStep(ApplicationStatus from, ApplicationStatus to) {
            super("no step from " + from + " to " + to);
        }
    }

    /** Another facility has the 医療機関コード applied for. */
    public static final class CodeTaken extends RuntimeException {
        private final String holder;

        public CodeTaken(String code, String holder) {
            super("code " + code + " is taken");
            this.holder = holder;
        }

        public String holder() {
            return holder;
        }
    }
}
