package org.musubi.backup;

/** What an archive holds: its preamble and its manifest, both checked against the content. */
public record BackupContents(Preamble preamble, Manifest manifest) {
}
