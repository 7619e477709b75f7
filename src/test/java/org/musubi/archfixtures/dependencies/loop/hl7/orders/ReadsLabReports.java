package org.musubi.archfixtures.dependencies.loop.hl7.orders;

import org.musubi.archfixtures.dependencies.loop.lab.results.LabReport;

/** An HL7 order mapper that reads into the lab adapter's reports: the hl7 → lab half of the loop once in ingest. */
public final class ReadsLabReports {

    public LabReport read(String message) {
        return new LabReport(message);
    }
}
