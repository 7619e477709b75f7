package org.musubi.archfixtures.dependencies.loop.lab;

import org.musubi.archfixtures.dependencies.loop.hl7.orders.ReadsLabReports;

/** The lab adapter reading its HL7 files with the order mapper: the lab → hl7 half of the loop. */
public final class ReadsHl7Files {

    public String read(String message) {
        return new ReadsLabReports().read(message).text();
    }
}
