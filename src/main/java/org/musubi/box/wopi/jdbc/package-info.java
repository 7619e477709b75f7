/** The WOPI locks of Box files (V50) in PostgreSQL. */
package org.musubi.box.wopi.jdbc;
