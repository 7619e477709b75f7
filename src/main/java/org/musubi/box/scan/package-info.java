/**
 * Malware scanning of uploaded files: the {@link org.musubi.box.scan.Scanner} (clamd when configured, otherwise none)
 * and its {@link org.musubi.box.scan.Verdict}s. A named interface: the secretariat's participation applications
 * (issue 45) and the portal's manual publishing ({@code publish}, issue 46) scan their uploads with the same scanner as
 * Box.
 */
@NamedInterface("scan")
package org.musubi.box.scan;

import org.springframework.modulith.NamedInterface;
