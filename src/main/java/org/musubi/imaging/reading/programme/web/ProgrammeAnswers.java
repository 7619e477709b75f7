package org.musubi.imaging.reading.programme.web;

import java.util.Arrays;
import org.musubi.imaging.reading.ScreeningCategory;
import org.musubi.imaging.reading.programme.ProgrammeFault;
import org.musubi.record.Reader;
import org.musubi.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What the programmes' pages answer alike: a fault's page, 404, the reader and the ids and categories posted. */
final class ProgrammeAnswers {

    private ProgrammeAnswers() {
    }

    static String fault(Model model, ProgrammeFault fault) {
        model.addAttribute("fault", fault.key());
        return "imaging/programme/fault";
    }

    static ScreeningCategory category(String code) {
        return code == null ? null : Arrays.stream(ScreeningCategory.values()).filter(c -> c.name().equals(code))
                .findFirst().orElse(null);
    }

    static Reader reader(SignedIn me) {
        return new Reader(me.userId(), me.facilityId());
    }

    /** An id: digits only (anything else is an entry nobody has, audited by the door as such). */
    static long id(String text) {
        return text == null || !text.matches("[0-9]{1,18}") ? -1 : Long.parseLong(text);
    }

    static ResponseStatusException absent() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
