package io.sseconnector.server.internal;

import io.netty.buffer.ByteBuf;

/**
 * An event as it goes on the wire: its id in the log, its type (for delivery policies) and its
 * encoded bytes, shared read-only by every subscriber (each write takes a retained duplicate).
 */
record EncodedEvent(long id, String type, ByteBuf bytes) {}
