/**
 * What every order message shares, read the same way by all order mappers: the ORC as an order header and its
 * order control, timestamps, practitioners (XCN), runs of segments that belong together, OBX texts, and the
 * mappers' problem texts ({@code org/musubi/ingest/hl7/orders/messages*.properties}).
 */
package org.musubi.ingest.hl7.orders.segments;
