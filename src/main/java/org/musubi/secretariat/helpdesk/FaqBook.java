package org.musubi.secretariat.helpdesk;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;

/**
 * The FAQ: the secretariat (network administrators, by the screens' security) writes entries and publishes them, or
 * turns an answered question into a draft entry; staff read and search the published ones, and the ask page suggests
 * those of the chosen category. Each change leaves one audit row.
 */
public final class FaqBook {

    public static final String AUDITED_AS = "HelpFaq";
    private static final int MAX_QUESTION = 300;
    private static final int MAX_WORDS = 5;

    private final FaqEntries entries;
    private final HelpQuestions questions;
    private final Audit audit;

    public FaqBook(FaqEntries entries, HelpQuestions questions, Audit audit) {
        this.entries = entries;
        this.questions = questions;
        this.audit = audit;
    }

    /** The published entries matching every word of {@code search} (at most five words), of the category if given. */
    public List<FaqEntries.FaqEntry> search(HelpCategory category, String search) {
        List<String> words = search == null ? List.of() : Arrays.stream(search.strip().split("[\\s　]+"))
                .filter(w -> !w.isEmpty()).map(w -> w.length() > 50 ? w.substring(0, 50) : w)
                .map(w -> w.toLowerCase(Locale.ROOT)).limit(MAX_WORDS).toList();
        return entries.published(category, words, 100);
    }

    /** Stores a new or changed entry; its id, or empty when the entry is incomplete or names no stored entry. */
    public Optional<Long> save(long userId, FaqEntries.FaqEntry entry) {
        if (entry.category() == null || blank(entry.question()) || blank(entry.answer())
                || entry.question().strip().length() > MAX_QUESTION || entry.answer().strip().length() > HelpDesk.MAX_TEXT
                || entry.position() < 0 || entry.position() > 100_000) {
            return Optional.empty();
        }
        long id = entries.save(new FaqEntries.FaqEntry(entry.id(), entry.category(), entry.question().strip(),
                entry.answer().strip(), entry.position(), entry.published()), userId);
        if (id == 0) {
            return Optional.empty();
        }
        audit.record(AuditEntry.of(AuditAction.HELPDESK_FAQ, Outcome.PERMIT).on(AUDITED_AS, id)
                .reason(entry.id() == 0 ? "created" : entry.published() ? "saved, published" : "saved, not published"));
        return Optional.of(id);
    }

    /**
     * A draft (unpublished) entry from an answered question: its subject as the question and the secretariat's last
     * answer as the answer, to be edited before publishing (never the asker's own words beyond the subject).
     */
    public Optional<Long> draftFrom(long userId, long questionId) {
        Optional<HelpQuestions.Question> question = questions.find(questionId);
        Optional<String> answer = question.flatMap(q -> questions.history(q.id()).stream()
                .filter(e -> e.secretariat() && e.message() != null).map(HelpQuestions.Event::message)
                .reduce((first, second) -> second));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        String subject = question.get().subject();
        return save(userId, new FaqEntries.FaqEntry(0, question.get().category(),
                subject.length() > MAX_QUESTION ? subject.substring(0, MAX_QUESTION) : subject, answer.get(), 100, false));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
