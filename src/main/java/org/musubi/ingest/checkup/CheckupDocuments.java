package org.musubi.ingest.checkup;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.values.SourceKeys;

/**
 * One XML file as a checkup record. A 特定健診情報ファイル ({@code ClinicalDocument} in the HL7 v3 namespace, report
 * kind 10) is one record, keyed {@code checkup:10:<day of the checkup>:<organisation's number>} under its examinee,
 * so the same checkup sent again is stored once and a corrected one replaces it; its results that cannot be read are
 * rejected one by one beside it. The other files of a submission (交換用基本情報 {@code index}, 集計情報 {@code summary},
 * 決済情報 … in the namespace {@code http://tokuteikenshin.jp/checkup/2007}) hold no results and are told apart as such;
 * any other file is rejected whole, naming the file, the element and the reason.
 */
final class CheckupDocuments {

    static final String SUBMISSION = "http://tokuteikenshin.jp/checkup/2007";

    /** What a file was: its results, or a submission file without results (its root element's name). */
    record Read(List<ParseResult> results, String submissionFile) {
    }

    private final MappingContext context;

    CheckupDocuments(MappingContext context) {
        this.context = context;
    }

    Read read(String file, byte[] bytes) {
        XmlTree.Read tree;
        try {
            tree = XmlTree.parse(bytes);
        } catch (XmlTree.Refused e) {
            return rejected(CheckupProblems.rejected(new Location(file, e.line(), null, null), text(bytes),
                    e.code(), e.args()));
        }
        XmlNode root = tree.root();
        if (root.namespace().equals(SUBMISSION)) {
            return new Read(List.of(), root.name());
        }
        String raw = new String(bytes, tree.charset());
        if (!root.name().equals(CheckupProblems.DOCUMENT) || !root.namespace().equals(XmlNode.HL7)) {
            return rejected(CheckupProblems.rejected(new Location(file, root.line(), root.name(), null), raw, "checkup.root",
                    root.namespace().isEmpty() ? root.name() : "{" + root.namespace() + "}" + root.name()));
        }
        try {
            return new Read(document(file, root), null);
        } catch (CheckupRejected e) {
            return rejected(new ParseResult.Rejected(e.problem(), raw));
        }
    }

    private List<ParseResult> document(String file, XmlNode root) throws CheckupRejected {
        CheckupHeader header = new CheckupHeaders(file).read(root);
        ResultReading.Results results = ResultReading.read(root, file);
        List<ParseResult> out = new ArrayList<>(1 + results.rejected().size());
        Location where = new Location(file, root.line(), CheckupProblems.DOCUMENT, null);
        if (results.read().isEmpty() && results.rejected().isEmpty()) {
            throw new CheckupRejected(where.field("component/structuredBody"), "checkup.noResults");
        }
        if (!results.read().isEmpty()) {
            String localId = CheckupPatients.localId(header.examinee(), context.ids());
            String recordKey = recordKey(header);
            CheckupResources.Mapped mapped = CheckupResources.map(recordKey, header, results.read(), context);
            out.add(new ParseResult.Parsed(where, recordKey, null, ParseResult.Action.STORE,
                    CheckupPatients.identity(header.examinee(), localId),
                    CheckupPatients.resource(header.examinee(), localId, context), false, mapped.resources(),
                    results.warnings(), mapped.directory()));
        }
        out.addAll(results.rejected());
        return out;
    }

    /** {@code checkup:<report kind>:<YYYYMMDD>:<organisation's number, or ->}. */
    static String recordKey(CheckupHeader header) {
        String organisation = header.organisation() == null ? null : header.organisation().number();
        return "checkup:" + SourceKeys.part(header.reportKind()) + ":"
                + header.performed().format(DateTimeFormatter.BASIC_ISO_DATE) + ":" + SourceKeys.part(organisation);
    }

    private static Read rejected(ParseResult.Rejected rejected) {
        return new Read(List.of(rejected), null);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
