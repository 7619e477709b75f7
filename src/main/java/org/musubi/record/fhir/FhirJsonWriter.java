package org.musubi.record.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildContainedResources;
import ca.uhn.fhir.context.RuntimeChildNarrativeDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.parser.IParser;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBooleanDatatype;
import org.hl7.fhir.instance.model.api.IBaseDecimalDatatype;
import org.hl7.fhir.instance.model.api.IBaseHasExtensions;
import org.hl7.fhir.instance.model.api.IBaseIntegerDatatype;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes an R4 resource as FHIR JSON, the same text HAPI's JSON parser writes (compact, with automatic
 * containment off), in one pass over the model. HAPI's encoder asks every element whether its whole
 * subtree is empty before writing it, at every level, and copies each resource's meta; for the resources
 * an import maps, that made encoding most of the importing JVM's work. Here an element's children are
 * written at once and taken back if none of them had a value.
 *
 * <p>What this writer does not handle (narratives, extensions or ids on primitives, references holding a
 * resource object, versioned ids, declared extensions) it leaves to HAPI's parser for the whole resource,
 * so every resource gets the text HAPI would write: {@code FhirJsonWriterTest} compares the two over
 * every resource the adapters map from the samples and from {@code synth}'s sources.
 */
public final class FhirJsonWriter {

    private final FhirContext context;
    private final ThreadLocal<IParser> fallback;

    /** {@code context} must not contain reference targets without an id automatically (the parser option). */
    public FhirJsonWriter(FhirContext context) {
        this.context = context;
        this.fallback = ThreadLocal.withInitial(context::newJsonParser);
    }

    /** The resource as JSON. */
    public String write(IBaseResource resource) {
        String own = writeOwn(resource);
        return own != null ? own : fallback.get().encodeResourceToString(resource);
    }

    /** The resource as JSON by this writer, or null when it holds something left to HAPI. */
    String writeOwn(IBaseResource resource) {
        StringBuilder out = new StringBuilder(1024);
        try {
            resource(out, resource, resourceId(resource), false);
            return out.toString();
        } catch (LeftToHapi e) {
            return null;
        }
    }

    private static String resourceId(IBaseResource resource) {
        IIdType id = resource.getIdElement();
        if (id == null || id.isEmpty()) {
            return null;
        }
        if (id.hasVersionIdPart() || id.isLocal()) {
            throw LeftToHapi.INSTANCE;
        }
        return id.getIdPart();
    }

    private void resource(StringBuilder out, IBaseResource resource, String id, boolean contained) {
        RuntimeResourceDefinition definition = context.getResourceDefinition(resource);
        out.append("{\"resourceType\":");
        string(out, definition.getName());
        if (id != null && !id.isBlank()) {
            out.append(",\"id\":");
            string(out, id);
        }
        children(out, definition, resource, contained, true);
        out.append('}');
    }

    /** Writes the element's members, each preceded by a comma when {@code comma}; returns whether any was written. */
    private boolean children(StringBuilder out, BaseRuntimeElementCompositeDefinition<?> definition, IBase element,
                             boolean containedResource, boolean comma) {
        int start = out.length();
        boolean isResource = element instanceof IBaseResource;
        if (!isResource && element instanceof Element e && e.hasId()) {
            member(out, "id", comma || out.length() > start);
            string(out, e.getId());
        }
        if (element instanceof Extension extension) {
            return extension(out, definition, extension, comma) || out.length() > start;
        }
        if (element instanceof Reference reference && reference.getResource() != null) {
            throw LeftToHapi.INSTANCE;
        }
        for (BaseRuntimeChildDefinition child : definition.getChildren()) {
            String name = child.getElementName();
            if (isResource && name.equals("id")) {
                continue;
            }
            if (child instanceof RuntimeChildNarrativeDefinition) {
                if (element instanceof DomainResource r && r.hasText()) {
                    throw LeftToHapi.INSTANCE;
                }
                continue;
            }
            if (child instanceof RuntimeChildContainedResources) {
                if (!containedResource && element instanceof DomainResource r && r.hasContained()) {
                    contained(out, r, comma || out.length() > start);
                }
                continue;
            }
            List<? extends IBase> values = child.getAccessor().getValues(element);
            if (values.isEmpty()) {
                continue;
            }
            values(out, child, values, containedResource, comma || out.length() > start);
        }
        return out.length() > start;
    }

    /** An extension: its url first, then its own extensions or its value, as HAPI writes them. */
    private boolean extension(StringBuilder out, BaseRuntimeElementCompositeDefinition<?> definition, Extension extension,
                              boolean comma) {
        if (extension.isEmpty()) {
            return false;
        }
        int start = out.length();
        member(out, "url", comma);
        string(out, extension.getUrl());
        for (BaseRuntimeChildDefinition child : definition.getChildren()) {
            String name = child.getElementName();
            if (name.equals("url")) {
                continue;
            }
            List<? extends IBase> values = child.getAccessor().getValues(extension);
            if (!values.isEmpty()) {
                values(out, child, values, false, true);
            }
        }
        return out.length() > start;
    }

    private void contained(StringBuilder out, DomainResource owner, boolean comma) {
        int start = out.length();
        member(out, "contained", comma);
        out.append('[');
        int first = out.length();
        for (Resource contained : owner.getContained()) {
            if (contained.isEmpty()) {
                continue;
            }
            if (out.length() > first) {
                out.append(',');
            }
            String id = contained.getIdElement().getIdPart();
            resource(out, contained, id != null && id.startsWith("#") ? id.substring(1) : id, true);
        }
        if (out.length() == first) {
            out.setLength(start);
        } else {
            out.append(']');
        }
    }

    /** One child's values: a member, an array when the child repeats; empty values are left out, as HAPI does. */
    private void values(StringBuilder out, BaseRuntimeChildDefinition child, List<? extends IBase> values,
                        boolean containedResource, boolean comma) {
        boolean repeats = child.getMax() > 1 || child.getMax() == -1;
        if (!repeats) {
            IBase value = values.getFirst();
            if (value == null || value.isEmpty()) {
                return;
            }
            String name = child.getChildNameByDatatype(value.getClass());
            BaseRuntimeElementDefinition<?> type = child.getChildElementDefinitionByDatatype(value.getClass());
            if (name == null || type == null) {
                throw LeftToHapi.INSTANCE;
            }
            int start = out.length();
            member(out, name, comma);
            if (!value(out, type, value, containedResource)) {
                out.setLength(start);
            }
            return;
        }
        String arrayName = null;
        int start = out.length();
        int first = -1;
        for (IBase value : values) {
            if (value == null || value.isEmpty()) {
                continue;
            }
            String name = child.getChildNameByDatatype(value.getClass());
            BaseRuntimeElementDefinition<?> type = child.getChildElementDefinitionByDatatype(value.getClass());
            if (name == null || type == null || (arrayName != null && !arrayName.equals(name))) {
                throw LeftToHapi.INSTANCE;
            }
            if (arrayName == null) {
                arrayName = name;
                member(out, name, comma);
                out.append('[');
                first = out.length();
            } else {
                out.append(',');
            }
            int before = out.length();
            if (!value(out, type, value, containedResource)) {
                throw LeftToHapi.INSTANCE;
            }
            if (out.length() == before) {
                throw LeftToHapi.INSTANCE;
            }
        }
        if (arrayName != null) {
            if (out.length() == first) {
                out.setLength(start);
            } else {
                out.append(']');
            }
        }
    }

    /** Writes one value; false when it turned out to hold nothing HAPI would write. */
    private boolean value(StringBuilder out, BaseRuntimeElementDefinition<?> type, IBase value, boolean containedResource) {
        switch (type.getChildType()) {
            case PRIMITIVE_DATATYPE -> {
                IPrimitiveType<?> primitive = (IPrimitiveType<?>) value;
                if (primitive instanceof IBaseHasExtensions e && e.hasExtension()
                        || primitive instanceof Element element && element.hasId()) {
                    throw LeftToHapi.INSTANCE;
                }
                String text = primitive.getValueAsString();
                if (isBlank(text)) {
                    return false;
                }
                if (primitive instanceof IBaseIntegerDatatype integer) {
                    out.append(integer.getValue().intValue());
                } else if (primitive instanceof IBaseDecimalDatatype) {
                    out.append(text);
                } else if (primitive instanceof IBaseBooleanDatatype bool) {
                    out.append(bool.getValue().booleanValue());
                } else {
                    string(out, text);
                }
                return true;
            }
            case ID_DATATYPE -> {
                IIdType id = (IIdType) value;
                String text = id.getValue();
                if (isBlank(text)) {
                    return false;
                }
                string(out, text);
                return true;
            }
            case COMPOSITE_DATATYPE, RESOURCE_BLOCK -> {
                out.append('{');
                children(out, (BaseRuntimeElementCompositeDefinition<?>) type, value, containedResource, false);
                out.append('}');
                return true;
            }
            case RESOURCE -> {
                IBaseResource nested = (IBaseResource) value;
                resource(out, nested, resourceId(nested), false);
                return true;
            }
            default -> throw LeftToHapi.INSTANCE;
        }
    }

    private static void member(StringBuilder out, String name, boolean comma) {
        if (comma) {
            out.append(',');
        }
        out.append('"').append(name).append("\":");
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A JSON string as Jackson escapes it: quote, backslash and control characters; everything else as it is. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        int length = text.length();
        int plain = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, plain, length).append('"');
    }

    private static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Something only HAPI's encoder writes: the whole resource goes to it. */
    private static final class LeftToHapi extends RuntimeException {
        static final LeftToHapi INSTANCE = new LeftToHapi();

        private LeftToHapi() {
            super(null, null, false, false);
        }
    }
}
