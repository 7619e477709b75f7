package org.musubi.ingest.jahis;

import java.util.Objects;
import org.musubi.ingest.adapter.Problem;

/** What joining the parts of split JAHIS data gave: one text, or the reason it could not be made. */
public sealed interface SplitJoin permits SplitJoin.Joined, SplitJoin.NotJoined {

    /** The joined text (UTF-8, CRLF), one header and one patient record, no 911; read it with {@link JahisReader}. */
    record Joined(String dataId, byte[] bytes) implements SplitJoin {

        public Joined {
            Objects.requireNonNull(dataId, "dataId");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    /** The parts do not make one whole: a part missing or twice, another data ID, another part count. */
    record NotJoined(Problem problem) implements SplitJoin {

        public NotJoined {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
