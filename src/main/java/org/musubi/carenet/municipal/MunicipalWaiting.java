package org.musubi.carenet.municipal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.musubi.carenet.municipal.jdbc.DocumentTable;
import org.musubi.record.Reader;
import org.musubi.registry.Profession;
import org.musubi.worklist.Waiting;
import org.musubi.worklist.WaitingWork;

/**
 * The home page's lines of this part: for a doctor, the requests for a 主治医意見書 addressed to them that are still
 * open (overdue ones counted); for a municipality's staff, the opinions received and not yet opened; for a care
 * manager, the discharge sheets sent to them and not yet opened. Counts of the reader's own rows only, by the same
 * professions the addressee rule lets read them; no patient data (no audit row).
 */
final class MunicipalWaiting implements WaitingWork {

    private final DocumentTable table;
    private final Parties parties;

    MunicipalWaiting(DocumentTable table, Parties parties) {
        this.table = table;
        this.parties = parties;
    }

    @Override
    public List<Waiting> waitingFor(Reader reader, Instant now) {
        if (reader.facilityId() == null) {
            return List.of();
        }
        Profession profession = parties.profession(reader.userId()).orElse(null);
        List<Waiting> lines = new ArrayList<>();
        if (DocumentKind.OPINION.addresseeReaders().contains(profession)) {
            int[] open = table.openFor(reader.facilityId(), reader.userId(), DocumentKind.OPINION);
            lines.add(new Waiting("municipal-requests", "municipal.waiting.requests", open[0], open[1],
                    "/portal/municipal/opinions/inbox"));
        }
        if (DocumentKind.OPINION.senderReaders().contains(profession)) {
            lines.add(new Waiting("municipal-opinions", "municipal.waiting.opinions",
                    table.unreadAnswers(reader.facilityId(), DocumentKind.OPINION), 0, "/portal/municipal/opinions"));
        }
        if (DocumentKind.DISCHARGE_SHEET.addresseeReaders().contains(profession)) {
            lines.add(new Waiting("discharge-sheets", "municipal.waiting.sheets",
                    table.unreadSent(reader.facilityId(), reader.userId(), DocumentKind.DISCHARGE_SHEET), 0,
                    "/portal/municipal/sheets/inbox"));
        }
        return lines;
    }
}
