package org.musubi.ingest.uke;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.MappedResource;
import org.musubi.ingest.adapter.MappingContext;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;

/**
 * One receipt as a source record. Its key is {@code uke:<診療年月>:<レセプト種別>} under its patient, so the same
 * patient's receipt of the same month and kind sent again — a correction, or after 返戻 a 再請求 — is the same record and
 * supersedes the one stored: what it no longer has is removed. Its version is {@code <請求年月>#<fingerprint>}: a receipt
 * of a later claim month wins, one of an earlier claim month is not applied over a later one, and within a claim month
 * changed content wins while the same content sent again changes nothing (the fingerprint leaves out the レセプト番号,
 * which only numbers the receipts of one file). After the {@code #} and before the fingerprint: the payer (審査支払機関)
 * and the kind of receipt ({@link #scopeLetter}), which a whole file's scope names ({@link UkeReader#replaces}).
 */
final class ReceiptRecord {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    private ReceiptRecord() {
    }

    static ParseResult.Parsed map(String file, UkeHeader header, List<UkeLine> lines, MappingContext context,
                                  ReceiptNames names) {
        UkeLine re = lines.getFirst();
        String kind = re.requiredDigits(3, "レセプト種別", 4);
        YearMonth month = re.month(4, header.layout() == UkeLayout.PHARMACY ? "調剤年月" : "診療年月");
        UkeLine ho = first(lines, "HO");
        UkeLine sn = first(lines, "SN");
        List<Problem> warnings = new ArrayList<>();
        if (ho == null && first(lines, "KO") == null) {
            warnings.add(problem(file, re.fault("保険者番号", "uke.warn.noPayer")));
        }
        for (UkeLine ko : lines) {
            if (ko.type().equals("KO")) {
                payerNumber(ko, 2, "公費負担者番号", 8, file, warnings);
                payerNumber(ko, 3, "公費受給者番号", 7, file, warnings);
            }
        }
        ReceiptPatient patient = ReceiptPatient.of(header.layout(), re, ho, sn, context.ids());
        ReceiptBody body = new ReceiptBody(header.layout(), month);
        for (UkeLine line : lines.subList(1, lines.size())) {
            if (header.layout().maps(line.type())) {
                body.add(line);
            } else if (!header.layout().billingOnly(line.type())) {
                warnings.add(UkeProblems.problem(new Location(file, line.number(), line.type(), null),
                        "uke.record.unsupported", line.type()));
                body.add(line);
            }
        }
        body.end();
        body.warnings.forEach(w -> warnings.add(problem(file, w)));
        ReceiptNames.Receipt named = names.receipt(body, file, warnings);
        String recordKey = "uke:" + month.format(MONTH) + ":" + kind;
        boolean inpatient = header.layout() == UkeLayout.MEDICAL && (kind.charAt(3) - '0') % 2 == 1;
        List<MappedResource> resources = new ReceiptResources(recordKey, month, inpatient, named).map(body, header.layout());
        String version = header.claimMonth().format(MONTH) + "#" + header.payer() + scopeLetter(header.layout(), lines) + ":"
                + fingerprint(lines);
        return new ParseResult.Parsed(new Location(file, re.number(), "RE", null), recordKey, version,
                ParseResult.Action.STORE, patient.identity(), patient.resource(context), false, resources, warnings);
    }

    /**
     * A 公費 number (KO 公費負担者番号 8 digits, 公費受給者番号 7 digits): Musubi stores neither, so one written otherwise (a
     * six-digit 受給者番号, letters) is a warning naming it, never a rejected receipt.
     */
    private static void payerNumber(UkeLine ko, int field, String name, int digits, String file, List<Problem> warnings) {
        String value = ko.optional(field);
        if (value != null && !(value.length() == digits && value.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            warnings.add(problem(file, ko.fault(name, "uke.warn.notStored", name, value)));
        }
    }

    private static Problem problem(String file, UkeFault fault) {
        return UkeProblems.problem(new Location(file, fault.line().number(), fault.line().type(), fault.field()), fault.code(),
                fault.args());
    }

    /**
     * The kind of receipt within its claim month and payer, the scope a file of such receipts replaces ({@link
     * UkeReader#replaces}): {@code P} 調剤, {@code D} a DPC receipt (it has a BU record: a DPC hospital may send its
     * 出来高 receipts in a file of their own), {@code M} any other 医科 receipt.
     */
    static char scopeLetter(UkeLayout layout, List<UkeLine> lines) {
        if (layout == UkeLayout.PHARMACY) {
            return 'P';
        }
        return lines.stream().anyMatch(l -> l.type().equals("BU")) ? 'D' : 'M';
    }

    private static UkeLine first(List<UkeLine> lines, String type) {
        return lines.stream().filter(l -> l.type().equals(type)).findFirst().orElse(null);
    }

    private static String fingerprint(List<UkeLine> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (UkeLine line : lines) {
                List<String> fields = line.fields();
                for (int i = 0; i < fields.size(); i++) {
                    if (!(line.type().equals("RE") && i == 1)) {
                        digest.update(fields.get(i).getBytes(StandardCharsets.UTF_8));
                    }
                    digest.update((byte) 0x1f);
                }
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
