/** Response headers other features share: how a file someone uploaded is served without running in a browser. */
@NamedInterface("servlet")
package org.musubi.web.servlet;

import org.springframework.modulith.NamedInterface;
