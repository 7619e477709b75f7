/** Account commands called by the command-line entry point. */
@NamedInterface("cli")
package org.musubi.security.cli;

import org.springframework.modulith.NamedInterface;
