/** The {@code import} command, called by the command-line entry point. */
@NamedInterface("cli")
package org.musubi.ingest.cli;

import org.springframework.modulith.NamedInterface;
