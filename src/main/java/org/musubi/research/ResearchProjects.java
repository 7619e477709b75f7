package org.musubi.research;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The projects' store. */
public interface ResearchProjects {

    /** What an application carries. */
    record Application(String title, String institution, String purpose, String ethicsNumber, String ethicsBlob,
                       long ethicsSize, LocalDate periodFrom, LocalDate periodTo, Scope requested, long appliedBy,
                       List<Long> namedUsers) {
    }

    long add(Application application);

    Optional<ResearchProject> find(long id);

    /** Every project, newest first. */
    List<ResearchProject> all();

    /** The projects naming the user, newest first. */
    List<ResearchProject> naming(long userId);

    /** The approved projects (APPROVED, NARROWED) whose period has not ended, by title. */
    List<ResearchProject> approved(LocalDate today);

    /** Moves {@code id} from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    boolean decide(long id, ProjectStatus from, ProjectStatus to, Scope approved, String reason, Long by,
                   String deidConfig);

    /** Moves approved projects whose period ended before {@code today} to EXPIRED; their ids. */
    List<Long> expire(LocalDate today);
}
