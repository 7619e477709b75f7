package org.musubi.ingest.jahis.mapping;

import java.util.ArrayList;
import java.util.List;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.jahis.records.Dispensing;
import org.musubi.ingest.jahis.records.Dispensing.DispensedDrug;
import org.musubi.ingest.jahis.records.Dispensing.Prescription;
import org.musubi.ingest.jahis.records.Dispensing.Rp;
import org.musubi.ingest.jahis.records.JahisProblems;
import org.musubi.medication.notebook.Creators;

/**
 * The records of a dispensing block that FHIR does not keep apart (5, 11, 15, 51, 55, 201, 301) share one 作成者:
 * the block's, kept on what the block became ({@link Creators}). Writing systems give a block's records one creator;
 * a record that gives another is said ({@code jahis.creator.differs}, naming its 作成者 field) — the block is stored
 * with the block's creator. Notes (281 … 501) keep their own.
 */
final class BlockCreators {

    private BlockCreators() {
    }

    /**
     * A warning for each structural record of {@code block} whose creator is given and is not {@code kept}; of the
     * 5, 11 and 15 only when {@code prescriptions} is false (a block without drugs keeps no 51 or 55).
     */
    static List<Problem> differing(Dispensing block, String kept, String file, boolean prescriptions) {
        List<Problem> warnings = new ArrayList<>();
        check(warnings, file, block.date().line(), "5", block.date().creator(), kept);
        if (block.pharmacy() != null) {
            check(warnings, file, block.pharmacy().line(), "11", block.pharmacy().creator(), kept);
        }
        if (block.pharmacist() != null) {
            check(warnings, file, block.pharmacist().line(), "15", block.pharmacist().creator(), kept);
        }
        if (!prescriptions) {
            return warnings;
        }
        if (block.institution() != null) {
            check(warnings, file, block.institution().line(), "51", block.institution().creator(), kept);
        }
        for (Prescription prescription : block.prescriptions()) {
            if (prescription.doctor() != null) {
                check(warnings, file, prescription.doctor().line(), "55", prescription.doctor().creator(), kept);
            }
            for (Rp rp : prescription.rps().values()) {
                for (DispensedDrug drug : rp.drugs()) {
                    check(warnings, file, drug.drug().line(), "201", drug.drug().creator(), kept);
                }
                if (rp.usage() != null) {
                    check(warnings, file, rp.usage().line(), "301", rp.usage().creator(), kept);
                }
            }
        }
        return warnings;
    }

    private static void check(List<Problem> warnings, String file, int line, String record, String creator, String kept) {
        if (!creator.isEmpty() && !creator.equals(kept)) {
            warnings.add(JahisProblems.of(new Location(file, line, record, record + ".作成者"), "jahis.creator.differs",
                    creator, kept.isEmpty() ? "-" : kept));
        }
    }
}
