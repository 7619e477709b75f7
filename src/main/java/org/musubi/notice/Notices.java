package org.musubi.notice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** The network operator's notices. */
public interface Notices {

    /** The notices shown at {@code now}: important first, then the most recently published first. */
    List<Notice> shownAt(Instant now, int limit);

    /** Every notice, withdrawn ones too, newest first: the administrators' list. */
    Page<Notice> all(PageRequest page);

    Optional<Notice> find(long id);

    Notice insert(NoticeDraft draft, long userId);

    Notice update(long id, NoticeDraft draft);

    /** Withdraws the notice; returns false when it was already withdrawn or does not exist. */
    boolean withdraw(long id, long userId);
}
