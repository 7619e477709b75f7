/**
 * Box's WOPI host (issue 43): the extension point for online co-editing of Box files with OnlyOffice or Collabora —
 * access tokens, locks, CheckFileInfo, GetFile, PutFile — with Box's rules checked and audited on every call.
 */
@org.springframework.modulith.NamedInterface("wopi")
package org.musubi.box.wopi;
