package org.musubi.policy;

import java.util.Set;

/**
 * What kind of disclosure ({@link Disclosure}) a party was given, and with it everything that differs between kinds:
 * which rule decides it ({@link Rule}), the permit it gives, what of the person's record its view reaches
 * ({@link Reach}), which rows of what was sent it shows, and what the party may write back ({@link #answers()},
 * {@link Answer}). A new way for another party to see part of a record is a new constant here, not a new method of the
 * policy or of the record's doors.
 */
public enum DisclosureKind {

    /**
     * A letter (診療情報提供書, 返書 …) addressed to a facility, stored under the sender's source patient: read like a fax
     * before the patient's first visit, only its referral rows; the addressee answers by changing the letter's Task
     * (received, accepted, returned, completed), of which it is the owner.
     */
    LETTER(Rule.ADDRESSEE, Permit.ADDRESSED_LETTER, DataCategory.REFERRALS, Reach.FROM_PATIENT,
            Set.of(DataCategory.REFERRALS), Set.of("Task"), Answer.CHANGE_WHAT_WAS_READ),

    /**
     * A case consultation (症例相談) addressed to a named specialist or a hospital department, asked from the asker's
     * source patient: the thread and the record items the asker referenced in it, each judged on its own; the
     * addressee answers with new messages and their attachments under the asker's patient.
     */
    CONSULTATION(Rule.ADDRESSEE_OF_ASKER, Permit.CONSULTED_THREAD, DataCategory.DOCUMENTS, Reach.EVERY_SOURCE,
            Set.of(), Set.of("Communication", "Binary"), Answer.NEW_UNDER_WHAT_WAS_ASKED),

    /**
     * A study sent to a reading centre (遠隔読影, a reading programme, a study pass): decided as a consultation; the
     * centre answers with new reports under the asker's patient, and only when every asked study is there.
     */
    READING(Rule.ADDRESSEE_OF_ASKER, Permit.CONSULTED_THREAD, DataCategory.DOCUMENTS, Reach.EVERY_SOURCE,
            Set.of(), Set.of("DiagnosticReport"), Answer.NEW_WHEN_ALL_IS_THERE),

    /**
     * A Box file about the person sent by a user of a facility: the file only, never the record; the person's consent
     * is asked at every download (a consent withdrawn or a facility blocked after sending stops it).
     */
    FILE(Rule.CONSENTED_SENDER, Permit.SENT_FILE, DataCategory.DOCUMENTS, Reach.NOTHING, Set.of(), Set.of(),
            Answer.NOTHING),

    /**
     * A document sent to a facility (and perhaps one user of it) outside the letters' exchange — a 主治医意見書 sent to a
     * municipality, its request for one, a 退院時情報共有 sheet — for the professions it is meant for: that document
     * only, never the record.
     */
    DOCUMENT(Rule.NAMED_READER, Permit.ADDRESSED_DOCUMENT, null, Reach.NOTHING, Set.of(), Set.of(), Answer.NOTHING);

    /** Which of the policy's disclosure rules decides a kind. */
    public enum Rule {
        /** The addressee's facility reads what was addressed to it, before any link, the matrix deciding each item. */
        ADDRESSEE,
        /** {@link #ADDRESSEE}, and an item from another facility than the asker's needs what any sharing needs. */
        ADDRESSEE_OF_ASKER,
        /** Anyone the sender chose, with the person's consent for the sender's facility (its own staff: standing). */
        CONSENTED_SENDER,
        /** The addressed facility (and user, when named), for the professions the document is meant for. */
        NAMED_READER
    }

    /** What of the person's record a disclosure's view reaches: never the person as such. */
    public enum Reach {
        /** The source patient the disclosure was made from. */
        FROM_PATIENT,
        /** Every source patient of the person (what was sent may reference items under any). */
        EVERY_SOURCE,
        /** Nothing of the record: what was sent is not the record. */
        NOTHING
    }

    /** How the party may answer what it read, under the patient and facility the disclosure was made from. */
    public enum Answer {
        /** It does not. */
        NOTHING,
        /** It changes a resource it read through the disclosure, keeping its id. */
        CHANGE_WHAT_WAS_READ,
        /** New resources only, and only when a row it read is under the patient the disclosure was made from. */
        NEW_UNDER_WHAT_WAS_ASKED,
        /** New resources only, and only when everything asked was read and none of it is deleted. */
        NEW_WHEN_ALL_IS_THERE
    }

    private final Rule rule;
    private final String permit;
    private final DataCategory whole;
    private final Reach reach;
    private final Set<DataCategory> rows;
    private final Set<String> answers;
    private final Answer answer;

    DisclosureKind(Rule rule, String permit, DataCategory whole, Reach reach, Set<DataCategory> rows,
                   Set<String> answers, Answer answer) {
        this.rule = rule;
        this.permit = permit;
        this.whole = whole;
        this.reach = reach;
        this.rows = rows;
        this.answers = answers;
        this.answer = answer;
    }

    public Rule rule() {
        return rule;
    }

    /** The permit's key when the rule permits (the audit row's reason). */
    public String permit() {
        return permit;
    }

    /** The category the profession matrix must allow for the disclosure as a whole; null: the document says whom. */
    public DataCategory whole() {
        return whole;
    }

    public Reach reach() {
        return reach;
    }

    /** Whether a row of this category is shown through the disclosure (the letter: its referral rows only). */
    public boolean shows(DataCategory category) {
        return rows.isEmpty() || rows.contains(category);
    }

    /** The resource types the party may write back. */
    public Set<String> answers() {
        return answers;
    }

    public Answer answer() {
        return answer;
    }
}
