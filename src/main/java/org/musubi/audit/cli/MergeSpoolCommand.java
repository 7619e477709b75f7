package org.musubi.audit.cli;

import java.io.PrintStream;
import org.musubi.audit.MergeAuditSpool;
import org.springframework.stereotype.Component;

/**
 * {@code musubi audit merge-spool}: merges the audit spool a read-only standby kept (docs/disaster.md) into the
 * trail of the (now writable) database. Exit code 0 when merged or nothing waited, 1 when refused (a spool whose chain
 * fails, a database still read-only).
 */
@Component
public class MergeSpoolCommand {

    private final MergeAuditSpool merge;

    MergeSpoolCommand(MergeAuditSpool merge) {
        this.merge = merge;
    }

    public int run(PrintStream out, PrintStream err) {
        MergeAuditSpool.Merged merged;
        try {
            merged = merge.merge();
        } catch (RuntimeException e) {
            err.println("musubi: " + e.getMessage());
            return 1;
        }
        if (merged.spoolId() == null) {
            out.println("No audit spool waits to be merged / 統合を待つ監査スプールはありません");
            return 0;
        }
        out.printf("Merged audit spool %s: %d records, %d added, %d already in the trail%n", merged.spoolId(),
                merged.records(), merged.added(), merged.alreadyThere());
        out.printf("監査スプール %s を統合しました: %d 件（追加 %d 件、統合済み %d 件）%n", merged.spoolId(), merged.records(),
                merged.added(), merged.alreadyThere());
        out.println("Run 'musubi audit verify' to check the trail / 'musubi audit verify' で監査証跡を検証してください");
        return 0;
    }
}
