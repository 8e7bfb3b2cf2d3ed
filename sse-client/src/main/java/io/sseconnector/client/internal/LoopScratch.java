package io.sseconnector.client.internal;

import io.netty.util.concurrent.FastThreadLocal;

/**
 * One copy array per event loop thread, through which body bytes in direct memory reach the SSE
 * parser (it reads arrays). Per thread rather than per stream: 10,000 idle streams would
 * otherwise hold 10,000 arrays. A caller uses it only until it returns to the event loop.
 */
final class LoopScratch {
    static final int SIZE = 64 * 1024;

    private static final FastThreadLocal<byte[]> ARRAY = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[SIZE];
        }
    };

    private LoopScratch() {}

    static byte[] get() {
        return ARRAY.get();
    }
}
