package org.musubi.secretariat.helpdesk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.musubi.record.Reader;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.musubi.worklist.Waiting;
import org.musubi.worklist.WaitingWork;

/**
 * The home page's lines of the help desk: for a network administrator, the staff questions waiting for the secretariat
 * (new or in progress; overdue after {@link #DUE_WORKING_DAYS} working days); for the asker, the answers they have not
 * read yet. Counts of questions only (no patient data, no audit row).
 */
final class HelpDeskWaiting implements WaitingWork {

    static final int DUE_WORKING_DAYS = 2;
    private final HelpQuestions questions;
    private final Users users;

    HelpDeskWaiting(HelpQuestions questions, Users users) {
        this.questions = questions;
        this.users = users;
    }

    @Override
    public List<Waiting> waitingFor(Reader reader, Instant now) {
        List<Waiting> lines = new ArrayList<>();
        if (users.find(reader.userId()).map(User::networkAdmin).orElse(false)) {
            int[] waiting = questions.waiting(WorkingDays.before(now, DUE_WORKING_DAYS));
            lines.add(new Waiting("helpdesk-waiting", "helpdesk.waiting.queue", waiting[0], waiting[1],
                    "/admin/helpdesk"));
        }
        lines.add(new Waiting("helpdesk-answers", "helpdesk.waiting.answers", questions.unreadAnswers(reader.userId()), 0,
                "/portal/help"));
        return lines;
    }
}
