package org.musubi.ingest.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musubi.identity.linkage.MatchReviews;
import org.musubi.ingest.BatchNeeds;
import org.musubi.ingest.ImportBatch;
import org.musubi.ingest.ledger.ImportLedger;
import org.springframework.stereotype.Component;

/**
 * What an upload's sender is told of its batch: its state, counters and problems (without raw input), and what needs a
 * person; the same for a plain upload ({@code POST /import/{kind}}) and a resumable one.
 */
@Component
class UploadAnswers {

    private static final int PROBLEMS_SHOWN = 200;
    private final ImportLedger ledger;
    private final MatchReviews reviews;

    UploadAnswers(ImportLedger ledger, MatchReviews reviews) {
        this.ledger = ledger;
        this.reviews = reviews;
    }

    Map<String, Object> body(ImportBatch batch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batch", batch.id());
        body.put("status", batch.status().name());
        body.put("counts", batch.counts());
        List<Map<String, Object>> problems = ledger.problems(batch.id(), false, 0, PROBLEMS_SHOWN).stream().map(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("severity", p.row().severity().name());
            row.put("file", p.row().problem().where().file());
            row.put("line", p.row().problem().where().line());
            row.put("record", p.row().problem().where().record());
            row.put("field", p.row().problem().where().field());
            row.put("code", p.row().problem().code());
            row.put("messageJa", p.row().problem().japanese());
            row.put("messageEn", p.row().problem().english());
            return row;
        }).toList();
        body.put("problems", problems);
        body.put("needs", needs(BatchNeeds.of(batch.id(), ledger, reviews)));
        return body;
    }

    /**
     * What needs a person, for the uploading facility: its own patients waiting for the network office's 名寄せ (by its
     * own patient ID: their records are stored, and seen by no other facility until the office links them), the
     * warnings by kind, and the records kept as documents only.
     */
    private static Map<String, Object> needs(BatchNeeds needs) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("patientsWaitingForReview", needs.waiting().stream().map(w -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("localId", w.sourcePatient().localId());
            row.put("inReview", w.reviewId() != null);
            return row;
        }).toList());
        if (!needs.waiting().isEmpty()) {
            out.put("waitingMessageJa", "これらの患者はまだ地域の患者に結び付いていません（名寄せ確認待ち）。記録は保存されて"
                    + "いますが、事務局が確認するまで他の施設からは見えません。");
            out.put("waitingMessageEn", "These patients are not linked to a regional person yet (waiting for the network"
                    + " office's review): their records are stored, but no other facility sees them until the office has"
                    + " checked them.");
        }
        out.put("warningsByKind", needs.warnings().stream().map(w -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", w.code());
            row.put("count", w.count());
            row.put("messageJa", w.japanese());
            row.put("messageEn", w.english());
            return row;
        }).toList());
        out.put("recordsKeptAsDocuments", needs.keptAsDocuments());
        return out;
    }
}
