package org.musubi.audit;

import java.util.ArrayList;
import java.util.List;

/** The result of checking the audit chain: how many rows were checked and every fault found. */
public record VerificationReport(long rowsChecked, long lastSeq, String lastHash, List<Fault> faults) {

    public VerificationReport {
        faults = List.copyOf(faults);
    }

    public boolean intact() {
        return faults.isEmpty();
    }

    /** A fault at a sequence number, as a message key ({@code audit.verify.<kind>}) and arguments. */
    public record Fault(long seq, String kind, List<Object> args) {

        public String messageKey() {
            return "audit.verify." + kind;
        }
    }

    static final class Builder {
        private static final int MAX_FAULTS = 1000;
        private final List<Fault> faults = new ArrayList<>();
        private long checked;

        void checked() {
            checked++;
        }

        void fault(long seq, String kind, Object... args) {
            if (faults.size() < MAX_FAULTS) {
                faults.add(new Fault(seq, kind, List.of(args)));
            }
        }

        VerificationReport build(long lastSeq, String lastHash) {
            return new VerificationReport(checked, lastSeq, lastHash, faults);
        }
    }
}
