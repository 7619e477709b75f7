package org.musubi.ingest;

import java.util.List;
import java.util.Set;
import org.musubi.identity.linkage.MatchReviews;
import org.musubi.ingest.ledger.ImportLedger;

/**
 * What a batch leaves for a person to do, so that nothing it accepted stays unseen: its patients linked to no regional
 * person (their records are stored but no one outside the facility sees them until an operator links or registers
 * them: the 名寄せ review each waits in), its warnings by kind (what was tolerated or changed, and how often), and how
 * many records were kept as documents only (an extended type Musubi does not map, stored whole so a clinician can open
 * it). Told to the uploader in the upload's answer and to administrators on the batch's page.
 *
 * @param waiting the batch's patients waiting for 名寄せ, with their open review
 * @param warnings the warnings by code, most frequent first
 * @param keptAsDocuments the records kept as documents only (warnings of {@link #KEPT_AS_DOCUMENT})
 */
public record BatchNeeds(List<MatchReviews.Waiting> waiting, List<ImportLedger.WarningKind> warnings, int keptAsDocuments) {

    /**
     * The warnings a record kept as a document only gets (its content stored whole, not mapped into items): an adapter
     * that keeps records so lists its codes here.
     */
    public static final Set<String> KEPT_AS_DOCUMENT = Set.of("ssmix2.extended.kept", "ssmix2.extended.unreadable",
            "ssmix2.extended.undecodable");

    public BatchNeeds {
        waiting = List.copyOf(waiting);
        warnings = List.copyOf(warnings);
    }

    /** Whether a person needs to look at anything. */
    public boolean any() {
        return !waiting.isEmpty() || !warnings.isEmpty();
    }

    /** A batch's needs, from its ledger and 名寄せ's queue. */
    public static BatchNeeds of(long batchId, ImportLedger ledger, MatchReviews reviews) {
        List<ImportLedger.WarningKind> warnings = ledger.warningKinds(batchId);
        int documents = warnings.stream().filter(w -> KEPT_AS_DOCUMENT.contains(w.code()))
                .mapToInt(ImportLedger.WarningKind::count).sum();
        return new BatchNeeds(reviews.waitingAmong(ledger.patientKeys(batchId)), warnings, documents);
    }
}
