package org.musubi.notice;

/** How a notice is shown: important notices come first and stand out. */
public enum Importance {
    NORMAL,
    IMPORTANT
}
