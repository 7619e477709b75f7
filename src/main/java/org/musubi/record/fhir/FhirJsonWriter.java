package org.musubi.record.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildContainedResources;
import ca.uhn.fhir.context.RuntimeChildNarrativeDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBooleanDatatype;
import org.hl7.fhir.instance.model.api.IBaseDecimalDatatype;
import org.hl7.fhir.instance.model.api.IBaseHasExtensions;
import org.hl7.fhir.instance.model.api.IBaseIntegerDatatype;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Base;
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

    /** Writes the resource; returns whether it held anything (an id or any member). */
    private boolean resource(StringBuilder out, IBaseResource resource, String id, boolean contained) {
        RuntimeResourceDefinition definition = context.getResourceDefinition(resource);
        out.append("{\"resourceType\":");
        string(out, definition.getName());
        boolean hasId = id != null && !id.isBlank();
        if (hasId) {
            out.append(",\"id\":");
            string(out, id);
        }
        boolean members = children(out, definition, resource, contained, true);
        out.append('}');
        return hasId || members;
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
            IBase[] values = valuesOf(child, element);
            if (values.length == 0) {
                continue;
            }
            values(out, child, values, containedResource, comma || out.length() > start);
        }
        return out.length() > start;
    }

    /**
     * An extension: its url first, then its own extensions or its value, as HAPI writes them. One with
     * neither (or only empty ones) is left to HAPI, whose encoder drops some such extensions and keeps others.
     */
    private boolean extension(StringBuilder out, BaseRuntimeElementCompositeDefinition<?> definition, Extension extension,
                              boolean comma) {
        if (extension.isEmpty()) {
            return false;
        }
        member(out, "url", comma);
        string(out, extension.getUrl());
        int afterUrl = out.length();
        for (BaseRuntimeChildDefinition child : definition.getChildren()) {
            String name = child.getElementName();
            if (name.equals("url")) {
                continue;
            }
            IBase[] values = valuesOf(child, extension);
            if (values.length > 0) {
                values(out, child, values, false, true);
            }
        }
        if (out.length() == afterUrl) {
            throw LeftToHapi.INSTANCE;
        }
        return true;
    }

    private void contained(StringBuilder out, DomainResource owner, boolean comma) {
        int start = out.length();
        member(out, "contained", comma);
        out.append('[');
        int first = out.length();
        for (Resource contained : owner.getContained()) {
            int before = out.length();
            if (out.length() > first) {
                out.append(',');
            }
            String id = contained.getIdElement().getIdPart();
            if (id == null || id.isBlank() || id.equals("#")) {
                throw LeftToHapi.INSTANCE; // HAPI gives it a random id
            }
            if (!resource(out, contained, id != null && id.startsWith("#") ? id.substring(1) : id, true)) {
                out.setLength(before); // empty, as HAPI leaves it out
            }
        }
        if (out.length() == first) {
            out.setLength(start);
        } else {
            out.append(']');
        }
    }

    /**
     * The child's values, read through the model's generated property switch ({@link Base#getProperty}), a
     * plain field read; HAPI's accessor reads the field by reflection, which cost a tenth of an import's
     * work. Children the model does not know by name are read by the accessor.
     */
    private static IBase[] valuesOf(BaseRuntimeChildDefinition child, IBase element) {
        if (element instanceof Base base) {
            String name = child.getElementName();
            Base[] values = base.getProperty(name.hashCode(), name, false);
            if (values != null) {
                return values;
            }
        }
        return child.getAccessor().getValues(element).toArray(IBase[]::new);
    }

    /**
     * One child's values: a member, an array when the child repeats. Empty values are left out, as HAPI
     * does: a composite value is written and taken back if it wrote nothing, instead of asking it first
     * whether its whole subtree is empty.
     */
    private void values(StringBuilder out, BaseRuntimeChildDefinition child, IBase[] values,
                        boolean containedResource, boolean comma) {
        boolean repeats = child.getMax() > 1 || child.getMax() == -1;
        if (!repeats) {
            IBase value = values[0];
            if (value == null || isEmptyLeaf(value)) {
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
        int written = 0;
        for (IBase value : values) {
            if (value == null || isEmptyLeaf(value)) {
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
            }
            int before = out.length();
            if (written > 0) {
                out.append(',');
            }
            int at = out.length();
            if (value(out, type, value, containedResource) && out.length() > at) {
                written++;
            } else {
                out.setLength(before);
            }
        }
        if (arrayName != null) {
            if (written == 0) {
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
                int start = out.length();
                out.append('{');
                if (!children(out, (BaseRuntimeElementCompositeDefinition<?>) type, value, containedResource, false)) {
                    out.setLength(start);
                    return false;
                }
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

    /**
     * Whether a resource value is empty, by asking it. Primitives need not be asked ({@link #value} finds
     * a blank one and writes nothing, and leaves one with an extension or id to HAPI), nor composites (one
     * is written and taken back when it wrote nothing: its isEmpty walks its whole subtree).
     */
    private static boolean isEmptyLeaf(IBase value) {
        return value instanceof IBaseResource && value.isEmpty();
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
