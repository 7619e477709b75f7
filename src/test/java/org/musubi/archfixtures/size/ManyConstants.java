package org.musubi.archfixtures.size;

/** Twelve constants: values() and valueOf(String) are the language's, not counted. */
public enum ManyConstants {
    STEP_0, STEP_1, STEP_2, STEP_3, STEP_4, STEP_5, STEP_6, STEP_7, STEP_8, STEP_9, STEP_10, STEP_11
}
