package org.musubi.secretariat.helpdesk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Staff questions to the secretariat and their histories (tables {@code helpdesk_question}, {@code helpdesk_event}). */
public interface HelpQuestions {

    /**
     * One question. {@code page} is the masked path it was asked from ({@link AttachedPage}), {@code patientKey} the
     * chart key the asker named and was allowed to open (both may be {@code null}); {@code unreadAnswer} is true from an
     * answer until the asker opens the question.
     */
    record Question(long id, long askedBy, Long facilityId, HelpCategory category, String subject, String page,
                    String patientKey, HelpStatus status, boolean unreadAnswer, Instant askedAt, Instant changedAt) {
    }

    /** One step of a question's history: a message and/or the status it left, by the asker or the secretariat. */
    record Event(Instant at, long byUser, boolean secretariat, HelpStatus status, String message) {
    }

    /** What a new question stores; its text is the first event. */
    record NewQuestion(long askedBy, Long facilityId, HelpCategory category, String subject, String page,
                       String patientKey, String text) {
    }

    long add(NewQuestion question);

    Optional<Question> find(long id);

    /** The user's own questions, newest first. */
    List<Question> askedBy(long userId);

    /** The questions in {@code statuses} (all when empty), oldest first. */
    List<Question> queue(Set<HelpStatus> statuses, int limit);

    /** The question's history, oldest first. */
    List<Event> history(long questionId);

    /**
     * Moves the question from {@code from} to {@code to} with one event (and its message, or {@code null}); false when
     * it is no longer in {@code from} (someone else moved it meanwhile). An answer by the secretariat marks it unread for
     * the asker; anything the asker does marks it read.
     */
    boolean move(long questionId, HelpStatus from, HelpStatus to, long byUser, boolean secretariat, String message);

    /** The asker has seen the question as it is now. */
    void markRead(long questionId);

    /** How many of the user's questions hold an answer they have not opened yet. */
    int unreadAnswers(long userId);

    /** How many questions wait for the secretariat, and how many of them were asked before {@code overdueBefore}. */
    int[] waiting(Instant overdueBefore);
}
