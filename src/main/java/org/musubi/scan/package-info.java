/**
 * Malware scanning on the ground floor (issue 68): the {@link org.musubi.scan.Scanner} (clamd when configured,
 * otherwise none), its {@link org.musubi.scan.Verdict}s and what happens to a file too large to scan. Box, the
 * secretariat's participation applications (issue 45) and manual publishing ({@code publish}, issue 46) scan their
 * uploads with it. Its implementations are in {@code internal}; it depends on no feature module.
 */
package org.musubi.scan;
