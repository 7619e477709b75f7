package org.musubi.security;

import java.util.List;

/**
 * Demo mode only: the demo accounts the login page names, one per role a newcomer would try (operator, doctor, nurse,
 * pharmacist, care manager, visiting nurse, clerk, ambulance crew, a disaster responder's doctor). Supplied by the demo
 * module; absent outside demo mode.
 */
public interface DemoLogins {

    /**
     * One demo account.
     *
     * @param loginId  what to type as the login id
     * @param roleKey  message key of the role it shows (e.g. {@code login.demo.role.doctor})
     * @param facility the name of its facility, or empty for the network operator
     */
    record DemoLogin(String loginId, String roleKey, String facility) {
    }

    /** The accounts that exist and are active, in the order shown. */
    List<DemoLogin> list();
}
