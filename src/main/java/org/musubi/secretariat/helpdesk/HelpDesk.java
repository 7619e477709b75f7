package org.musubi.secretariat.helpdesk;

import java.util.List;
import java.util.Optional;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.policy.Interaction;
import org.musubi.record.PatientRef;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;

/**
 * The help desk for staff: a signed-in staff user asks the secretariat a question (with the page it came from, masked,
 * and — only if they choose — a patient they may open, checked by the access policy as opening the chart is), the
 * secretariat takes, answers, closes and reopens it, the asker replies (which reopens it) or closes it. Each question
 * and each change leaves one audit row; nothing here reads a patient's record. Who is the secretariat is the screens'
 * security ({@code /admin/**}: network administrators); a question of another user is, to the asker's side, one that
 * does not exist.
 */
public final class HelpDesk {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_TEXT = 4000;
    /** The audit trail's resource type of a question. */
    public static final String AUDITED_AS = "HelpQuestion";
    /** The refusal of a named patient the asker may not open (or that does not exist): one answer for both. */
    public static final String PATIENT_REFUSED = "helpdesk.fault.patient";

    /** What the asker sends; {@code page} as the form carried it, {@code patientKey} empty or a chart key. */
    public record Ask(HelpCategory category, String subject, String text, String page, String patientKey) {
    }

    /** The question's id, or the message key of what was wrong with it ({@code id} then {@code null}). */
    public record Asked(Long id, String fault) {
    }

    /** How a move went: done, no such question (for this caller), not allowed now, or a message missing or too long. */
    public enum Result { DONE, ABSENT, REFUSED, BAD_MESSAGE }

    private final HelpQuestions questions;
    private final ReadRecords records;
    private final Audit audit;

    public HelpDesk(HelpQuestions questions, ReadRecords records, Audit audit) {
        this.questions = questions;
        this.records = records;
        this.audit = audit;
    }

    /** Asks a question: exactly one audit row (the policy's, when a patient is named, permit or deny). */
    public Asked ask(Reader asker, Ask ask) {
        String subject = clean(ask.subject());
        String text = clean(ask.text());
        if (ask.category() == null) {
            return new Asked(null, "helpdesk.fault.category");
        }
        if (subject == null || subject.length() > MAX_SUBJECT) {
            return new Asked(null, "helpdesk.fault.subject");
        }
        if (text == null || text.length() > MAX_TEXT) {
            return new Asked(null, "helpdesk.fault.text");
        }
        String page = AttachedPage.fromForm(ask.page()).orElse(null);
        String key = clean(ask.patientKey());
        if (key == null) {
            long id = questions.add(new HelpQuestions.NewQuestion(asker.userId(), asker.facilityId(), ask.category(),
                    subject, page, null, text));
            audit.record(AuditEntry.of(AuditAction.HELPDESK_ASK, Outcome.PERMIT).on(AUDITED_AS, id));
            return new Asked(id, null);
        }
        Interaction<Long> named = records.readPerson(asker, patient(key), AuditAction.HELPDESK_ASK, AUDITED_AS,
                record -> questions.add(new HelpQuestions.NewQuestion(asker.userId(), asker.facilityId(),
                        ask.category(), subject, page, key, text)));
        return named.permitted() ? new Asked(named.value(), null) : new Asked(null, PATIENT_REFUSED);
    }

    /** The user's own question, or empty for anyone else's and for one that does not exist. */
    public Optional<HelpQuestions.Question> mine(long userId, long questionId) {
        return questions.find(questionId).filter(q -> q.askedBy() == userId);
    }

    /** The question's history, oldest first (for a question the caller was allowed to find). */
    public List<HelpQuestions.Event> history(HelpQuestions.Question question) {
        return questions.history(question.id());
    }

    /**
     * One move by the asker ({@code secretariat} false: only on their own question) or by the secretariat, with its
     * message for a reply or an answer; one audit row when done.
     */
    public Result move(long userId, boolean secretariat, long questionId, HelpMove move, String message) {
        Optional<HelpQuestions.Question> found = secretariat ? questions.find(questionId) : mine(userId, questionId);
        if (found.isEmpty()) {
            return Result.ABSENT;
        }
        if (move.bySecretariat() != secretariat) {
            return Result.REFUSED;
        }
        String text = move.carriesMessage() ? clean(message) : null;
        if (move.carriesMessage() && (text == null || text.length() > MAX_TEXT)) {
            return Result.BAD_MESSAGE;
        }
        HelpStatus from = found.get().status();
        Optional<HelpStatus> to = from.after(move);
        if (to.isEmpty() || !questions.move(questionId, from, to.get(), userId, secretariat, text)) {
            return Result.REFUSED;
        }
        AuditAction action = switch (move) {
            case ANSWER -> AuditAction.HELPDESK_ANSWER;
            case REPLY -> AuditAction.HELPDESK_REPLY;
            default -> AuditAction.HELPDESK_STATUS;
        };
        audit.record(AuditEntry.of(action, Outcome.PERMIT).on(AUDITED_AS, questionId)
                .reason(move + ": " + from + " -> " + to.get()));
        return Result.DONE;
    }

    /**
     * The patient a chart key names, read as the viewer's address reads it ({@link PatientRef#ofKey}).
     */
    static PatientRef patient(String key) {
        return PatientRef.ofKey(key);
    }

    private static String clean(String text) {
        String stripped = text == null ? "" : text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
