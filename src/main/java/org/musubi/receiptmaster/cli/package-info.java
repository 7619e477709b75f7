/** The {@code receipt-master} command, called by the command-line entry point. */
@NamedInterface("cli")
package org.musubi.receiptmaster.cli;

import org.springframework.modulith.NamedInterface;
