package org.musubi.record.fhir;

import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAPI validator messages as {@link Fault}s: the element as a plain FHIRPath (the validator's type
 * comments dropped, the missing or unknown child added to its parent's location), the issue type,
 * a short Japanese explanation by kind of issue, and the validator's English message.
 */
final class ValidatorIssues {

    private static final Pattern TYPE_COMMENT = Pattern.compile("/\\*[^*]*\\*/");
    private static final Pattern CARDINALITY = Pattern.compile("^([A-Za-z0-9_.\\[\\]]+): (minimum required|max allowed) = ");
    private static final Pattern UNKNOWN = Pattern.compile("^Unrecognized property '([^']+)'");

    private record Kind(Predicate<String> id, String issueType, String japanese) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("Validation_VAL_Profile_Minimum"::equals, "required", "必須の要素がありません"),
            new Kind("Validation_VAL_Profile_Maximum"::equals, "structure", "この要素は定められた数を超えて繰り返せません"),
            new Kind(id -> id.startsWith("Terminology_") || id.startsWith("TERMINOLOGY_") || id.startsWith("CODESYSTEM_"),
                    "code-invalid", "コードが正しくありません（コード体系にないか、必須の値セットにありません）"),
            new Kind(id -> id.startsWith("Type_Specific_Checks_") || id.startsWith("TYPE_SPECIFIC_CHECKS_"),
                    "value", "値の形式が正しくありません"),
            new Kind(id -> id.startsWith("Reference_"), "value", "参照の形式が正しくありません"),
            new Kind(id -> id.contains("#"), "invariant", "R4 の制約を満たしません"));

    private ValidatorIssues() {
    }

    static Fault fault(SingleValidationMessage message) {
        String english = message.getMessage();
        String element = element(message.getLocationString(), english);
        String id = message.getMessageId();
        if (id == null) {
            return UNKNOWN.matcher(english).find() ? new Fault(element, "structure", "R4 に定義されていない要素です", english)
                    : new Fault(element, "structure", "JSON の形が R4 の定義と違います（配列・単一の値・型）", english);
        }
        return KINDS.stream().filter(k -> k.id().test(id)).findFirst()
                .map(k -> new Fault(element, k.issueType(), k.japanese(), english))
                .orElseGet(() -> new Fault(element, "invalid", "FHIR R4 の基本仕様に合いません", english));
    }

    /** The location as FHIRPath, down to the missing, surplus or unknown child the message names. */
    static String element(String location, String english) {
        String path = location == null ? "" : TYPE_COMMENT.matcher(location).replaceAll("");
        Matcher cardinality = CARDINALITY.matcher(english);
        if (cardinality.find()) {
            String named = cardinality.group(1);
            String child = named.substring(named.lastIndexOf('.') + 1);
            return path.isEmpty() ? named : path.matches(".*\\." + Pattern.quote(child) + "(\\[\\d+])?") ? path
                    : path + "." + child;
        }
        Matcher unknown = UNKNOWN.matcher(english);
        return unknown.find() && !path.isEmpty() ? path + "." + unknown.group(1) : path;
    }
}
