/** The WOPI host over HTTP: the editor-facing routes under /wopi and their token-only security. */
package org.musubi.box.wopi.web;
