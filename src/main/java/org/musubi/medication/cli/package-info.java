/** The {@code drugs} command, called by the command-line entry point. */
@NamedInterface("cli")
package org.musubi.medication.cli;

import org.springframework.modulith.NamedInterface;
