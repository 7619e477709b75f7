/** Box's REST routes for facility systems (bearer tokens of API clients), and how a Box file goes out over HTTP. */
@org.springframework.modulith.NamedInterface("web")
package org.musubi.box.web;
