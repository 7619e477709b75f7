package org.musubi.identity;

import java.time.LocalDate;
import java.util.List;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;

/** Operators search persons; each search is audited once with the persons it showed. */
public final class SearchPersons {

    private final PersonDirectory directory;
    private final Audit audit;

    public SearchPersons(PersonDirectory directory, Audit audit) {
        this.directory = directory;
        this.audit = audit;
    }

    /** One page of matches; no search (and no audit row) without a text or a birth date. */
    public Page<RegisteredPerson> search(String text, LocalDate birthDate, PageRequest page) {
        if ((text == null || text.isBlank()) && birthDate == null) {
            return new Page<>(List.of(), page, 0);
        }
        Page<RegisteredPerson> found = directory.search(text, birthDate, page);
        audit.record(AuditEntry.of(AuditAction.SEARCH, Outcome.PERMIT)
                .on("Patient", found.items().stream().map(RegisteredPerson::id).toArray())
                .reason(found.total() + " found"));
        return found;
    }
}
