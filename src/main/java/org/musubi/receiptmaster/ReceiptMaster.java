package org.musubi.receiptmaster;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The receipt masters' look-ups: the entries of many codes at once (a receipt's codes in one round trip). A code that
 * is not there is simply absent from the answer; the caller says so (the receipt import warns and stores the code).
 */
public interface ReceiptMaster {

    /** The entries of {@code keys} the masters hold. */
    Map<MasterKey, MasterEntry> find(Collection<MasterKey> keys);

    /** How many codes the masters hold, all kinds together (0: nothing was ever loaded). */
    long count();

    /** The latest loads, newest first. */
    List<ReceiptMasterLoad> loads(int limit);

    /** A master held in memory: tools, tests and the reader run outside the server. */
    static ReceiptMaster of(Collection<MasterEntry> entries) {
        Map<MasterKey, MasterEntry> byKey = new HashMap<>();
        entries.forEach(e -> byKey.put(e.key(), e));
        return new ReceiptMaster() {
            @Override
            public Map<MasterKey, MasterEntry> find(Collection<MasterKey> keys) {
                Map<MasterKey, MasterEntry> found = new HashMap<>();
                keys.forEach(k -> {
                    MasterEntry entry = byKey.get(k);
                    if (entry != null) {
                        found.put(k, entry);
                    }
                });
                return found;
            }

            @Override
            public long count() {
                return byKey.size();
            }

            @Override
            public List<ReceiptMasterLoad> loads(int limit) {
                return List.of();
            }
        };
    }
}
