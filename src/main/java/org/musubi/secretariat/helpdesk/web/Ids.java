package org.musubi.secretariat.helpdesk.web;

import java.util.Optional;

/** A question's or an entry's id as an address writes it: digits only, anything else names nothing. */
final class Ids {

    private Ids() {
    }

    static Optional<Long> of(String id) {
        return id != null && id.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(id)) : Optional.empty();
    }
}
