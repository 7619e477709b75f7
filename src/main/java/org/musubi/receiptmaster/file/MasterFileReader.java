package org.musubi.receiptmaster.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.musubi.receiptmaster.MasterEntry;
import org.musubi.receiptmaster.MasterKey;
import org.musubi.receiptmaster.MasterKind;
import org.musubi.text.TextFiles;
import org.musubi.text.Undecodable;
import org.musubi.text.csv.CsvReader;

/**
 * Reads a receipt master file as the 社会保険診療報酬支払基金 publishes it ({@code s_ALL<date>.csv}, {@code y_…}, {@code
 * t_…}, {@code b_…}, {@code z_…}, {@code c_…}): comma-separated rows without a header, fields quoted or not, Shift_JIS
 * (UTF-8 is read too; either strictly, {@link TextFiles}: a row holding bytes its charset cannot read is refused naming
 * its place), column 1 the 変更区分 and column 2 the master (S, Y, T, B, Z, C). Columns read:
 * <ul>
 * <li>S 診療行為, Y 医薬品, T 特定器材: 3 code, 5 漢字名称, 10 単位漢字名称; Y also 32 薬価基準収載医薬品コード;</li>
 * <li>B 傷病名: 3 傷病名コード, 6 傷病名基本名称;</li>
 * <li>Z 修飾語: 3 修飾語コード, 7 修飾語名称;</li>
 * <li>C コメント: 3 区分, 4 パターン, 5 一連番号 (the コメントコード is 区分, パターン and the 一連番号 in 6 digits, or column
 * 23 when it holds one), 7 漢字名称, 10–17 レセプト編集情報 (カラム位置 and 桁数, four times).</li>
 * </ul>
 * A row that cannot be read is refused alone, naming its row and column; a file with no row of any master is
 * {@link UnreadableMasterFile}.
 */
public final class MasterFileReader {

    public MasterFile read(String fileName, InputStream in) {
        TextFiles.Read read;
        try {
            read = TextFiles.utf8OrShiftJis(in.readAllBytes());
        } catch (IOException e) {
            throw new UnreadableMasterFile("receiptMaster.file.unreadable", e, fileName, String.valueOf(e.getMessage()));
        }
        List<MasterEntry> entries = new ArrayList<>();
        Set<MasterKey> seen = new HashSet<>();
        Set<MasterKind> kinds = EnumSet.noneOf(MasterKind.class);
        List<MasterFileProblem> problems = new ArrayList<>();
        String[] lines = read.text().split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\u001a", "");
            if (line.isBlank()) {
                continue;
            }
            int row = i + 1;
            Undecodable undecodable = read.faultOn(row, row);
            if (undecodable != null) {
                problems.add(MasterFileProblem.of(fileName, row, null, "text.undecodable", String.valueOf(row),
                        String.valueOf(undecodable.column()), String.valueOf(undecodable.offset()), undecodable.bytes(),
                        undecodable.charset()));
                continue;
            }
            List<String> fields = fields(line);
            Optional<MasterKind> kind = MasterKind.ofLetter(field(fields, 2));
            if (kind.isEmpty()) {
                problems.add(MasterFileProblem.of(fileName, row, "マスター種別", "receiptMaster.row.kind", field(fields, 2)));
                continue;
            }
            Optional<MasterEntry> entry = entry(kind.get(), fields, fileName, row, problems);
            if (entry.isEmpty()) {
                continue;
            }
            if (!seen.add(entry.get().key())) {
                problems.add(MasterFileProblem.of(fileName, row, "コード", "receiptMaster.row.duplicate", entry.get().code()));
                continue;
            }
            kinds.add(kind.get());
            entries.add(entry.get());
        }
        if (kinds.isEmpty()) {
            throw new UnreadableMasterFile("receiptMaster.file.unknown", null, fileName);
        }
        return new MasterFile(fileName, entries, kinds, problems);
    }

    private static Optional<MasterEntry> entry(MasterKind kind, List<String> f, String file, int row,
                                               List<MasterFileProblem> problems) {
        String code = kind == MasterKind.COMMENT ? commentCode(f) : field(f, 3);
        if (!kind.accepts(code)) {
            problems.add(MasterFileProblem.of(file, row, "コード", "receiptMaster.row.code", code, kind.digits()));
            return Optional.empty();
        }
        String name = field(f, switch (kind) {
            case DISEASE -> 6;
            case MODIFIER, COMMENT -> 7;
            default -> 5;
        });
        if (name.isEmpty() && kind != MasterKind.COMMENT) {
            problems.add(MasterFileProblem.of(file, row, "名称", "receiptMaster.row.name", code));
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case PROCEDURE, MATERIAL -> new MasterEntry(kind, code, name, blankToNull(field(f, 10)), null, null, List.of());
            case MEDICATION -> new MasterEntry(kind, code, name, blankToNull(field(f, 10)), yj(field(f, 32)), null, List.of());
            case COMMENT -> new MasterEntry(kind, code, name, null, null, field(f, 4), embeds(f));
            default -> MasterEntry.named(kind, code, name);
        });
    }

    /** Column 23 when it holds a 9-digit code, else 区分 (1 digit), パターン (2) and 一連番号 (6, zero-filled). */
    private static String commentCode(List<String> f) {
        String written = field(f, 23);
        if (MasterKind.COMMENT.accepts(written)) {
            return written;
        }
        String section = field(f, 3);
        String pattern = field(f, 4);
        String serial = field(f, 5);
        if (section.length() != 1 || pattern.length() != 2 || serial.isEmpty() || serial.length() > 6
                || !(section + pattern + serial).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return section + pattern + serial;
        }
        return section + pattern + "0".repeat(6 - serial.length()) + serial;
    }

    private static List<MasterEntry.Embed> embeds(List<String> f) {
        List<MasterEntry.Embed> embeds = new ArrayList<>();
        for (int column = 10; column <= 16; column += 2) {
            int position = number(field(f, column));
            int digits = number(field(f, column + 1));
            if (position > 0 && digits > 0) {
                embeds.add(new MasterEntry.Embed(position, digits));
            }
        }
        return embeds;
    }

    private static int number(String text) {
        return !text.isEmpty() && text.length() < 5 && text.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Integer.parseInt(text) : 0;
    }

    private static String yj(String code) {
        return code.matches("[0-9A-Z]{12}") ? code : null;
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** Field {@code n} (1-based) stripped, or "" when absent. */
    private static String field(List<String> fields, int n) {
        return n <= fields.size() ? fields.get(n - 1).strip() : "";
    }

    /** The fields of one CSV row ({@link CsvReader}: separated by commas, each optionally in double quotes). */
    static List<String> fields(String line) {
        List<CsvReader.CsvRecord> records = CsvReader.records(line);
        return records.isEmpty() ? List.of("") : records.getFirst().fields();
    }
}
