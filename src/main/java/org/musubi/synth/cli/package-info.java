/** The {@code synth} command, called by the command-line entry point. */
@NamedInterface("cli")
package org.musubi.synth.cli;

import org.springframework.modulith.NamedInterface;
