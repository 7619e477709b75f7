/** The {@code backup} and {@code restore} commands, called by the command-line entry point. */
@NamedInterface("cli")
package org.musubi.backup.cli;

import org.springframework.modulith.NamedInterface;
