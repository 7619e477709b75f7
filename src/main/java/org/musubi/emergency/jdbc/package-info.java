/** The hand-overs' table (private to the emergency module). */
package org.musubi.emergency.jdbc;
