package org.musubi.fhirapi.incoming;

import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.util.ArrayList;
import java.util.List;
import org.musubi.record.fhir.Fault;

/**
 * What HAPI's parser would otherwise drop or keep unchecked in a request body, collected as faults
 * instead of logged: unknown elements, repeated single elements, wrong JSON types and values that are
 * not valid for their data type. (HAPI gives the element's name, and its parent only for some.)
 * Contained resources without id, unresolved local references and the like are left to the
 * validator. One per parse; not thread-safe.
 */
final class ParseFaults implements IParserErrorHandler {

    private final List<Fault> faults = new ArrayList<>();

    List<Fault> faults() {
        return faults;
    }

    @Override
    public void unknownElement(IParseLocation location, String name) {
        faults.add(new Fault(at(location, name), "structure", "R4 に定義されていない要素です",
                "unknown element '" + name + "' (it would be lost)"));
    }

    @Override
    public void unknownAttribute(IParseLocation location, String name) {
        faults.add(new Fault(at(location, name), "structure", "R4 に定義されていない属性です",
                "unknown attribute '" + name + "' (it would be lost)"));
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String name) {
        faults.add(new Fault(at(location, name), "structure", "繰り返せない要素が繰り返されています",
                "'" + name + "' may appear only once"));
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String name, BaseJsonLikeValue.ValueType expected,
                                  BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                  BaseJsonLikeValue.ScalarType foundScalar) {
        faults.add(new Fault(at(location, name), "structure", "JSON の形が R4 の定義と違います",
                "'" + name + "' must be " + expected + (expectedScalar == null ? "" : " " + expectedScalar) + ", not "
                        + found + (foundScalar == null ? "" : " " + foundScalar)));
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        faults.add(new Fault(at(location, null), "value", "値の形式が正しくありません", error));
    }

    @Override
    public void containedResourceWithNoId(IParseLocation location) {
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String name) {
    }

    @Override
    public void unknownReference(IParseLocation location, String reference) {
    }

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {
    }

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
    }

    private static String at(IParseLocation location, String name) {
        String parent = location == null ? null : location.getParentElementName();
        if (name == null) {
            return parent == null ? "(unknown)" : parent;
        }
        return parent == null || parent.equals(name) ? name : parent + "." + name;
    }
}
