package org.musubi.audit;

/**
 * Who acted: the user (id and login id), the facility they acted for and their profession.
 * For a failed login the user may be unknown and only the login id typed is kept.
 */
public record Actor(Long userId, String loginId, Long facilityId, String profession) {

    public static Actor anonymous() {
        return new Actor(null, null, null, null);
    }

    public static Actor unknownUser(String typedLoginId) {
        return new Actor(null, typedLoginId, null, null);
    }

    /** Musubi itself, e.g. a command-line run or a scheduled job. */
    public static Actor system(String name) {
        return new Actor(null, "system:" + name, null, null);
    }
}
