/**
 * Malware scanning of uploads ({@link org.musubi.box.scan.Scanner}: clamd, or none configured): Box's, and the
 * portal's manual publishing's ({@code publish}), which is why it is a named interface of the box module.
 */
@NamedInterface("scan")
package org.musubi.box.scan;

import org.springframework.modulith.NamedInterface;
