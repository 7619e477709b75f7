package org.musubi.secretariat.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.FieldFault;
import org.musubi.registry.InvalidRegistration;

/**
 * The applicant's side, before any login: submit an application (a reference number and a secret come back, the
 * secret shown once and kept only as a hash), look it up by both, and correct and resubmit a returned one. A lookup
 * with a reference that does not exist and one with a wrong secret are the same to the caller (empty) and to the
 * audit trail (one APPLICATION_STATUS DENY row naming no application).
 */
public final class ApplicationDesk {

    public static final String TARGET = "FacilityApplication";
    private final Applications applications;
    private final ApplicationDocuments documents;
    private final ReferenceNumbers references;
    private final Audit audit;
    private final Clock clock;

    public ApplicationDesk(Applications applications, ApplicationDocuments documents, ReferenceNumbers references,
                           Audit audit, Clock clock) {
        this.applications = applications;
        this.documents = documents;
        this.references = references;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores the application; {@link InvalidRegistration} with every fault (the form's and the documents'). */
    public Receipt submit(ApplicationDraft draft, List<Upload> uploads) {
        Instant now = clock.instant();
        List<FieldFault> faults = new ArrayList<>(draft.check());
        List<ApplicationDocument> stored = faults.isEmpty() ? documents.store(uploads, now, faults) : List.of();
        if (!faults.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.APPLICATION_SUBMIT, Outcome.DENY).on(TARGET, "new")
                    .reason("faults in the form"));
            throw new InvalidRegistration(faults);
        }
        String reference = references.newReference();
        while (applications.findByReference(reference).isPresent()) {
            reference = references.newReference();
        }
        String secret = references.newSecret();
        String chosen = reference;
        Application saved = audit.allOrNothing(() -> {
            Application application = applications.insert(chosen, ReferenceNumbers.hash(chosen, secret), draft, now);
            stored.forEach(d -> applications.addDocument(application.id(), d));
            applications.addEvent(application.id(), new ApplicationEvent(ApplicationStatus.RECEIVED, null, null, now));
            audit.record(AuditEntry.of(AuditAction.APPLICATION_SUBMIT, Outcome.PERMIT).on(TARGET, application.id()));
            return application;
        });
        return new Receipt(saved.reference(), secret);
    }

    /** The application with this reference if the secret is its own; empty otherwise (whichever of the two was wrong). */
    public Optional<Application> lookUp(String typedReference, String typedSecret) {
        Optional<Application> found = find(typedReference, typedSecret);
        if (found.isPresent()) {
            audit.record(AuditEntry.of(AuditAction.APPLICATION_STATUS, Outcome.PERMIT).on(TARGET, found.get().id()));
        } else {
            audit.record(AuditEntry.of(AuditAction.APPLICATION_STATUS, Outcome.DENY).on(TARGET, "unknown")
                    .reason("no such reference or a wrong secret"));
        }
        return found;
    }

    /**
     * Corrects and resubmits a returned application (RETURNED → RECEIVED), adding any new documents. Empty when the
     * reference and secret do not find one; {@link NotReturned} when it is not waiting for a correction;
     * {@link InvalidResubmission} with the faults. One APPLICATION_RESUBMIT row, refusals included.
     */
    public Optional<Application> resubmit(String typedReference, String typedSecret, ApplicationDraft draft,
                                          List<Upload> uploads) {
        Optional<Application> found = find(typedReference, typedSecret);
        if (found.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.APPLICATION_RESUBMIT, Outcome.DENY).on(TARGET, "unknown")
                    .reason("no such reference or a wrong secret"));
            return Optional.empty();
        }
        Application application = found.get();
        if (application.status() != ApplicationStatus.RETURNED) {
            audit.record(AuditEntry.of(AuditAction.APPLICATION_RESUBMIT, Outcome.DENY).on(TARGET, application.id())
                    .reason("not returned: " + application.status()));
            throw new NotReturned(application);
        }
        Instant now = clock.instant();
        List<FieldFault> faults = new ArrayList<>(draft.check());
        List<ApplicationDocument> stored = faults.isEmpty() ? documents.store(uploads, now, faults) : List.of();
        if (!faults.isEmpty()) {
            audit.record(AuditEntry.of(AuditAction.APPLICATION_RESUBMIT, Outcome.DENY).on(TARGET, application.id())
                    .reason("faults in the form"));
            throw new InvalidResubmission(application, faults);
        }
        return Optional.of(audit.allOrNothing(() -> {
            if (!applications.move(application.id(), ApplicationStatus.RETURNED, ApplicationStatus.RECEIVED, now, null)) {
                throw new NotReturned(application);
            }
            applications.replaceDraft(application.id(), draft, now);
            stored.forEach(d -> applications.addDocument(application.id(), d));
            applications.addEvent(application.id(), new ApplicationEvent(ApplicationStatus.RECEIVED, null, null, now));
            audit.record(AuditEntry.of(AuditAction.APPLICATION_RESUBMIT, Outcome.PERMIT).on(TARGET, application.id()));
            return applications.find(application.id()).orElseThrow();
        }));
    }

    /** What the applicant sees of the steps: the statuses reached and the secretariat's notes, not who took them. */
    public List<ApplicationEvent> notices(Application application) {
        return applications.events(application.id()).stream()
                .map(e -> new ApplicationEvent(e.status(), e.note(), null, e.at())).toList();
    }

    public List<ApplicationDocument> documents(Application application) {
        return applications.documents(application.id());
    }

    private Optional<Application> find(String typedReference, String typedSecret) {
        String reference = ReferenceNumbers.normalise(typedReference);
        Optional<Applications.WithSecret> stored = ReferenceNumbers.wellFormedReference(reference)
                ? applications.findByReference(reference) : Optional.empty();
        // the hash is computed either way, so that a missing reference takes as long as a wrong secret
        String hash = stored.map(Applications.WithSecret::secretHash).orElse(ReferenceNumbers.hash("", ""));
        boolean matches = ReferenceNumbers.matches(reference, typedSecret, hash);
        return stored.filter(s -> matches).map(Applications.WithSecret::application);
    }

    /** The reference number and the secret, shown once. */
    public record Receipt(String reference, String secret) {

        public String groupedReference() {
            return ReferenceNumbers.grouped(reference);
        }

        public String groupedSecret() {
            return ReferenceNumbers.grouped(secret);
        }
    }

    /** A resubmission of an application that is not waiting for a correction. */
    public static final class NotReturned extends RuntimeException {
        private final transient Application application;

        public NotReturned(Application application) {
            super("the application is " + application.status() + ", not returned");
            this.application = application;
        }

        public Application application() {
            return application;
        }
    }

    /** A resubmission with faults: the application as it stands, and the faults. */
    public static final class InvalidResubmission extends RuntimeException {
        private final transient Application application;
        private final transient List<FieldFault> faults;

        public InvalidResubmission(Application application, List<FieldFault> faults) {
            super("faults: " + faults.size());
            this.application = application;
            this.faults = List.copyOf(faults);
        }

        public Application application() {
            return application;
        }

        public List<FieldFault> faults() {
            return faults;
        }
    }
}
