package org.musubi.secretariat.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** Where applications, their users, documents and steps are kept. */
public interface Applications {

    Application insert(String reference, String secretHash, ApplicationDraft draft, Instant now);

    Optional<Application> find(long id);

    /** The application with this reference and its secret's stored hash. */
    Optional<WithSecret> findByReference(String reference);

    /** The applications in these statuses (all when empty), oldest submission first. */
    Page<Application> list(Set<ApplicationStatus> statuses, PageRequest page);

    /**
     * Moves the application from {@code from} to {@code to} if it still is in {@code from} (false otherwise: someone
     * else moved it first); {@code returnReason} is kept for RETURNED and cleared otherwise.
     */
    boolean move(long id, ApplicationStatus from, ApplicationStatus to, Instant now, String returnReason);

    /** Replaces what was applied for (a returned application corrected), its submission time now. */
    void replaceDraft(long id, ApplicationDraft draft, Instant now);

    void setFacility(long id, long facilityId);

    void setUser(long id, int position, long userId);

    void addEvent(long id, ApplicationEvent event);

    List<ApplicationEvent> events(long id);

    void addDocument(long id, ApplicationDocument document);

    List<ApplicationDocument> documents(long id);

    /** Waiting for a decision (RECEIVED, UNDER_REVIEW), and of them those submitted before {@code overdueBefore}. */
    Waiting waiting(Instant overdueBefore);

    record WithSecret(Application application, String secretHash) {
    }

    record Waiting(int count, int overdue) {
    }
}
