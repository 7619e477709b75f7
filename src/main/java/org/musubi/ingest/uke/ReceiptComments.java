package org.musubi.ingest.uke;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a 医科 receipt's CO records belong, by the 記録条件仕様's own structure. The items (SI, IY, TO) form 剤 — the
 * 点数・回数算定単位: the 点数 is recorded on the last record of a 剤 alone, so the item that records it closes its 剤, and
 * an item whose written 診療識別 differs from the 剤's starts a new one. A CO names its 診療識別 (field 2; left out for a
 * comment that needs none, 99 for the whole receipt). A comment belongs to a whole 剤 — each of its items, as a 用法
 * belongs to every drug of its RP:
 * <ol>
 * <li>inside an open 剤 (between two of its items): that 剤;</li>
 * <li>after a closed 剤 (or before the first item): the next 剤, when its 診療識別 — written, else carried from the item
 * before — is the next 剤's (a CO after the record that closed a 剤 cannot be that 剤's last record, so it opens the
 * next);</li>
 * <li>else the 剤 before it, when the CO writes that 剤's 診療識別 (a sender that writes a 剤's comments after its
 * last record), or the CO has none and the 剤 before it was never closed;</li>
 * <li>else the receipt's own comment, its 診療識別 kept.</li>
 * </ol>
 * A comment written in an item's own コメントコード and 文字データ fields is that item's alone (read with the item).
 */
final class ReceiptComments {

    /** The 診療識別 of a comment on the whole receipt (全体に係る識別コード). */
    private static final Set<String> WHOLE = Set.of("99", "01");

    private ReceiptComments() {
    }

    /** One 剤: its 診療識別, its items, whether its 点数 record came. */
    private static final class Group {
        final String category;
        final List<ReceiptBody.Item> items = new ArrayList<>();
        boolean closed;

        Group(String category) {
            this.category = category;
        }
    }

    /** Places each CO of {@code order} (items and {@link ReceiptBody.Placed} comments in file order). */
    static void place(List<Object> order, List<ReceiptBody.Comment> receipt) {
        Map<ReceiptBody.Item, Group> groups = new IdentityHashMap<>();
        Group current = null;
        for (Object o : order) {
            if (o instanceof ReceiptBody.Item item) {
                if (current == null || current.closed || (item.written() != null && !item.written().equals(current.category))) {
                    current = new Group(item.category());
                }
                current.items.add(item);
                groups.put(item, current);
                current.closed |= item.closes();
            }
        }
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) instanceof ReceiptBody.Placed placed) {
                ReceiptBody.Item before = nearest(order, i, -1);
                ReceiptBody.Item after = nearest(order, i, 1);
                Group target = target(placed.comment().category(), before, before == null ? null : groups.get(before),
                        after == null ? null : groups.get(after));
                if (target == null) {
                    receipt.add(placed.comment());
                } else {
                    target.items.forEach(item -> item.comments().add(placed.comment()));
                }
            }
        }
    }

    private static Group target(String written, ReceiptBody.Item previous, Group before, Group after) {
        if (written != null && WHOLE.contains(written)) {
            return null;
        }
        if (before != null && before == after) {
            return written == null || written.equals(before.category) ? before : null;
        }
        String category = written != null ? written : previous == null ? null : previous.category();
        if (after != null && category != null && category.equals(after.category)) {
            return after;
        }
        if (before != null && (written != null ? written.equals(before.category) : !before.closed)) {
            return before;
        }
        return null;
    }

    private static ReceiptBody.Item nearest(List<Object> order, int from, int step) {
        for (int i = from + step; i >= 0 && i < order.size(); i += step) {
            if (order.get(i) instanceof ReceiptBody.Item item) {
                return item;
            }
        }
        return null;
    }
}
