package org.musubi.notice;

import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.registry.Administrator;
import org.musubi.registry.NotPermitted;

/** Network admins write a notice, change it or withdraw it; each attempt is audited once. */
public final class PublishNotice {

    private final Notices notices;
    private final Audit audit;

    public PublishNotice(Notices notices, Audit audit) {
        this.notices = notices;
        this.audit = audit;
    }

    /** Stores a new notice, or changes one when an id is given; throws {@link InvalidNotice} with the faults. */
    public Notice publish(Administrator admin, Long existingId, NoticeDraft draft) {
        AuditAction action = existingId == null ? AuditAction.NOTICE_CREATE : AuditAction.NOTICE_UPDATE;
        permitted(admin, action, existingId);
        var faults = draft.check();
        if (!faults.isEmpty()) {
            throw new InvalidNotice(faults);
        }
        Notice saved = existingId == null ? notices.insert(draft, admin.userId()) : notices.update(existingId, draft);
        audit.record(AuditEntry.of(action, Outcome.PERMIT).on("Notice", saved.id()));
        return saved;
    }

    /** Withdraws a notice at once; returns false when there was nothing to withdraw. */
    public boolean withdraw(Administrator admin, long id) {
        permitted(admin, AuditAction.NOTICE_WITHDRAW, id);
        boolean withdrawn = notices.withdraw(id, admin.userId());
        if (withdrawn) {
            audit.record(AuditEntry.of(AuditAction.NOTICE_WITHDRAW, Outcome.PERMIT).on("Notice", id));
        }
        return withdrawn;
    }

    private void permitted(Administrator admin, AuditAction action, Long id) {
        if (!admin.networkAdmin()) {
            audit.record(AuditEntry.of(action, Outcome.DENY).on("Notice", id == null ? "new" : id)
                    .reason("not a network admin"));
            throw new NotPermitted("notices");
        }
    }
}
