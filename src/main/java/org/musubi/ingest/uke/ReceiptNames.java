package org.musubi.ingest.uke;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.Problem;
import org.musubi.receiptmaster.CommentText;
import org.musubi.receiptmaster.MasterEntry;
import org.musubi.receiptmaster.MasterKey;
import org.musubi.receiptmaster.MasterKind;
import org.musubi.receiptmaster.ReceiptMaster;
import org.musubi.record.fhir.FhirJson;

/**
 * The names of a receipt's codes from the receipt masters ({@link ReceiptMaster}), and the words Musubi stores with
 * them: a diagnosis with its 修飾語 (接頭語 before, 接尾語 — codes 8xxx — after), a comment as the 摘要欄 prints it, an
 * item's name and unit. One per file: codes already looked up are not asked for again. A code the masters lack is
 * stored as sent and named on screens as unknown ({@link FhirJson#unnamed}); the receipt carries a warning naming the
 * file, line, record, field and code ({@code uke.name.unknown}), or one warning when no master was ever loaded.
 */
final class ReceiptNames {

    /** 疑い (a suspected diagnosis) as the 修飾語マスター writes its 接尾語 (8002 「の疑い」). */
    static final String SUSPECTED_MODIFIER = "8002";

    private final ReceiptMaster master;
    private final Map<MasterKey, Optional<MasterEntry>> known = new HashMap<>();

    ReceiptNames(ReceiptMaster master) {
        this.master = master;
    }

    /** The codes of one receipt, looked up at once; {@code warnings} gets what the masters lack. */
    Receipt receipt(ReceiptBody body, String file, List<Problem> warnings) {
        Map<MasterKey, Integer> used = new LinkedHashMap<>();
        for (ReceiptBody.Diagnosis d : body.diagnoses) {
            if (!d.code().equals("0000999")) {
                used.putIfAbsent(new MasterKey(MasterKind.DISEASE, d.code()), d.line());
            }
            d.modifiers().forEach(m -> used.putIfAbsent(new MasterKey(MasterKind.MODIFIER, m), d.line()));
        }
        List<ReceiptBody.Comment> comments = new ArrayList<>(body.comments);
        for (ReceiptBody.Item item : body.items) {
            used.putIfAbsent(new MasterKey(kind(item.type()), item.code()), item.line());
            comments.addAll(item.comments());
        }
        comments.stream().filter(c -> MasterKind.COMMENT.accepts(c.code()))
                .forEach(c -> used.putIfAbsent(new MasterKey(MasterKind.COMMENT, c.code()), c.line()));
        lookUp(used.keySet());
        for (ReceiptBody.Comment c : comments) { // the 修飾語 a comment of pattern 31 or 90 sends as its data
            entry(new MasterKey(MasterKind.COMMENT, String.valueOf(c.code()))).filter(e -> modifierData(e, c.text()))
                    .ifPresent(e -> {
                        for (int i = 0; i < c.text().length(); i += 4) {
                            used.putIfAbsent(new MasterKey(MasterKind.MODIFIER, c.text().substring(i, i + 4)), c.line());
                        }
                    });
        }
        lookUp(used.keySet());
        warn(used, body, file, warnings);
        return new Receipt();
    }

    private void lookUp(Collection<MasterKey> keys) {
        List<MasterKey> missing = keys.stream().filter(k -> !known.containsKey(k)).toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<MasterKey, MasterEntry> found = master.find(missing);
        missing.forEach(k -> known.put(k, Optional.ofNullable(found.get(k))));
    }

    private Optional<MasterEntry> entry(MasterKey key) {
        return known.getOrDefault(key, Optional.empty());
    }

    private void warn(Map<MasterKey, Integer> used, ReceiptBody body, String file, List<Problem> warnings) {
        List<Map.Entry<MasterKey, Integer>> unknown = used.entrySet().stream().filter(e -> entry(e.getKey()).isEmpty())
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        if (master.count() == 0) {
            warnings.add(UkeProblems.problem(new Location(file, unknown.getFirst().getValue(), null, null),
                    "uke.master.empty", unknown.size()));
            return;
        }
        for (Map.Entry<MasterKey, Integer> e : unknown) {
            MasterKind kind = e.getKey().kind();
            String field = switch (kind) {
                case PROCEDURE -> "診療行為コード";
                case MEDICATION -> "医薬品コード";
                case MATERIAL -> "特定器材コード";
                case DISEASE -> "傷病名コード";
                case MODIFIER -> "修飾語コード";
                case COMMENT -> "コメントコード";
            };
            warnings.add(UkeProblems.problem(new Location(file, e.getValue(), recordOf(body, e.getValue()), field),
                    "uke.name.unknown", field, e.getKey().code(), kind.japanese(), kind.english()));
        }
    }

    /** The record type of a receipt's line, as far as the body knows it. */
    private static String recordOf(ReceiptBody body, int line) {
        for (ReceiptBody.Item item : body.items) {
            if (item.line() == line) {
                return item.type();
            }
        }
        for (ReceiptBody.Diagnosis d : body.diagnoses) {
            if (d.line() == line) {
                return d.icd10() != null ? "SB" : "SY";
            }
        }
        return "CO";
    }

    static MasterKind kind(String type) {
        return switch (type) {
            case "IY" -> MasterKind.MEDICATION;
            case "TO" -> MasterKind.MATERIAL;
            default -> MasterKind.PROCEDURE;
        };
    }

    private static boolean modifierData(MasterEntry comment, String data) {
        return ("31".equals(comment.commentPattern()) || "90".equals(comment.commentPattern())) && data != null
                && data.length() % 4 == 0 && data.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    /** The names of one receipt's codes, all looked up. */
    final class Receipt {

        /** A code's master entry, or empty when the masters lack it. */
        Optional<MasterEntry> entry(MasterKind kind, String code) {
            return code == null ? Optional.empty() : ReceiptNames.this.entry(new MasterKey(kind, code));
        }

        /** An item's name: a TO's 商品名 as sent, else the master's; null when unknown. */
        String item(ReceiptBody.Item item) {
            if (item.productName() != null) {
                return item.productName();
            }
            return entry(kind(item.type()), item.code()).map(MasterEntry::name).filter(n -> !n.isBlank()).orElse(null);
        }

        /** The unit an item's amount is counted in (錠, ｍＬ …), or null. */
        String unit(ReceiptBody.Item item) {
            return entry(kind(item.type()), item.code()).map(MasterEntry::unit).orElse(null);
        }

        /** A drug's YJ code from the 医薬品マスター, or null. */
        String yjCode(ReceiptBody.Item item) {
            return item.type().equals("IY") ? entry(MasterKind.MEDICATION, item.code()).map(MasterEntry::yjCode).orElse(null)
                    : null;
        }

        /** A 修飾語's name, or null when unknown. */
        String modifier(String code) {
            return entry(MasterKind.MODIFIER, code).map(MasterEntry::name).orElse(null);
        }

        /** A diagnosis's base name: an uncoded one's name as sent, else the 傷病名マスター's; null when unknown. */
        String disease(ReceiptBody.Diagnosis d) {
            if (d.name() != null) {
                return d.name();
            }
            return entry(MasterKind.DISEASE, d.code()).map(MasterEntry::name).orElse(null);
        }

        /**
         * The diagnosis as a clinician reads it: its 接頭語 (修飾語 other than 8xxx), the name, its 接尾語 (8xxx), in the
         * order sent; a 修飾語 or a name the masters lack is its code marked unknown. The 疑い 接尾語 (8002 の疑い) is left
         * out: it is the diagnosis's verification status ({@link #suspected}), which every screen and letter marks once,
         * and stays in the Condition's modifier extension with its name. Null when nothing is known at all.
         */
        String diagnosis(ReceiptBody.Diagnosis d) {
            String base = disease(d);
            if (base == null && d.modifiers().stream().allMatch(m -> modifier(m) == null || suspicion(m))) {
                return null;
            }
            String name = base != null ? base : FhirJson.unnamed(d.code());
            StringBuilder prefix = new StringBuilder();
            StringBuilder suffix = new StringBuilder();
            for (String m : d.modifiers()) {
                if (suspicion(m)) {
                    continue;
                }
                String word = modifier(m) != null ? modifier(m) : FhirJson.unnamed(m);
                boolean after = m.startsWith("8");
                boolean written = d.name() != null && (after ? d.name().endsWith(word) : d.name().startsWith(word));
                if (!written) { // an uncoded name sent with its 修飾語 already in it keeps them once
                    (after ? suffix : prefix).append(word);
                }
            }
            return prefix + name + suffix;
        }

        /**
         * 疑い: a 修飾語 8002 (or another whose name says 疑い), or a name sent as free text that ends 「の疑い」, 「疑い」
         * or 「疑」 (full- or half-width, katakana イ too, spaces and brackets aside).
         */
        boolean suspected(ReceiptBody.Diagnosis d) {
            return d.modifiers().stream().anyMatch(this::suspicion) || saysSuspected(d.name());
        }

        /** A 修飾語 that says 疑い: 8002, or one whose name says so. */
        private boolean suspicion(String modifier) {
            String name = modifier(modifier);
            return modifier.equals(SUSPECTED_MODIFIER) || (name != null && name.contains("疑い"));
        }

        /** A comment in words (its code's text and its data as the pattern joins them); null when it says nothing. */
        String comment(ReceiptBody.Comment c) {
            boolean coded = MasterKind.COMMENT.accepts(c.code());
            MasterEntry entry = coded ? entry(MasterKind.COMMENT, c.code()).orElse(null) : null;
            String words = CommentText.of(entry, c.text(), this::modifier);
            if (entry == null && coded) {
                String mark = FhirJson.unnamed(c.code());
                return words.isEmpty() ? mark : words;
            }
            return words.isEmpty() ? null : words;
        }
    }

    /** Whether a diagnosis's free text ends in 疑い (「の疑い」, 「疑い」, 「疑」), full- or half-width, brackets aside. */
    static boolean saysSuspected(String name) {
        if (name == null) {
            return false;
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s()\\[\\]]+$", "").strip();
        return plain.endsWith("疑い") || plain.endsWith("疑イ") || plain.endsWith("疑");
    }
}
