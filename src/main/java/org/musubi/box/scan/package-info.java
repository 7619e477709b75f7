/**
 * Malware scanning of uploaded files: the {@link org.musubi.box.scan.Scanner} (clamd when configured, otherwise none)
 * and its {@link org.musubi.box.scan.Verdict}s. A named interface: the secretariat's participation applications scan
 * their uploaded documents with the same scanner as Box (issue 45).
 */
@NamedInterface("scan")
package org.musubi.box.scan;

import org.springframework.modulith.NamedInterface;
