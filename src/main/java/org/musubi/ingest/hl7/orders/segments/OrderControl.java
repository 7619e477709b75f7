package org.musubi.ingest.hl7.orders.segments;

/**
 * Where an order stands, from ORC-1 (order control, HL7 table 0119) and ORC-5 (order status, table
 * 0038): new or changed orders are active, cancelled ({@code CA}, {@code OC}) and discontinued
 * ({@code DC}, {@code OD}) ones are not, held ones wait, and a completed status ({@code CM}) wins.
 */
public enum OrderControl {
    ACTIVE, CANCELLED, STOPPED, ON_HOLD, COMPLETED;

    static OrderControl of(String control, String status) {
        if ("CM".equals(status)) {
            return COMPLETED;
        }
        return switch (control) {
            case "CA", "OC", "CR" -> CANCELLED;
            case "DC", "OD", "DR" -> STOPPED;
            case "HD", "OH" -> ON_HOLD;
            default -> "CA".equals(status) ? CANCELLED : "DC".equals(status) ? STOPPED : ACTIVE;
        };
    }
}
