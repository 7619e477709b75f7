package org.musubi.archfixtures.size;

/** Twelve components, whose accessors are not counted, and one method of its own. */
public record ManyComponents(String field0, String field1, String field2, String field3, String field4, String field5, String field6, String field7, String field8, String field9, String field10, String field11) {

    public String note() {
        return field0 + field1;
    }
}
