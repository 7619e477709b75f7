/** The {@code audit verify} command, called by the command-line entry point. */
@NamedInterface("cli")
package org.musubi.audit.cli;

import org.springframework.modulith.NamedInterface;
