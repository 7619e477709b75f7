/** Box's tables (V48) in PostgreSQL. */
package org.musubi.box.jdbc;
