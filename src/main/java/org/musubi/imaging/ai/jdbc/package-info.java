/** The AI plug-in's tables ({@code ai_service}, {@code ai_work_item}, V72) over Spring's JdbcClient. */
package org.musubi.imaging.ai.jdbc;
